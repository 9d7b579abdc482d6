"""Policy packs: TOML files of dated, cited parameters; 政策包. Loading validates everything."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..domain.enums import JurisdictionLevel
from ..explain.citation import Citation
from ._reader import _BOUNDS, _bound, _citation, _closest, _Ctx, _scalar, _toml_position
from .parameter import Bound, Range, Scalar
from .spec import ParameterSpec, Unit, all_specs

__all__ = ["DatedValue", "PackParameter", "PolicyPack", "load_pack", "shipped_pack_ids"]

_PACK_KEYS = {
    "id",
    "title",
    "issuer",
    "document_number",
    "source",
    "parent",
    "jurisdiction",
    "level",
    "province",
    "place",
    "description",
    "parameters",
}
_REQUIRED_PACK_KEYS = ("id", "title", "issuer", "source")
_PARAM_KEYS = {"unit", "citation", "values", "bound", "qualifier"}
_VALUE_KEYS = {"from", "until", "value", "citation"}
_VALUE_SHAPE = "{ from, until?, value }"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# ISO 3166-2:CN codes of the provincial-level divisions (省、自治区、直辖市、特别行政区).
PROVINCES = frozenset(
    {
        "CN-AH",
        "CN-BJ",
        "CN-CQ",
        "CN-FJ",
        "CN-GD",
        "CN-GS",
        "CN-GX",
        "CN-GZ",
        "CN-HA",
        "CN-HB",
        "CN-HE",
        "CN-HI",
        "CN-HK",
        "CN-HL",
        "CN-HN",
        "CN-JL",
        "CN-JS",
        "CN-JX",
        "CN-LN",
        "CN-MO",
        "CN-NM",
        "CN-NX",
        "CN-QH",
        "CN-SC",
        "CN-SD",
        "CN-SH",
        "CN-SN",
        "CN-SX",
        "CN-TJ",
        "CN-TW",
        "CN-XJ",
        "CN-XZ",
        "CN-YN",
        "CN-ZJ",
    }
)

# Pack ids renamed so that each says where its document applies (a county's plan is not
# ``cn-…``). The old ids still load, with a DeprecationWarning naming the new one.
RENAMED_PACKS: dict[str, str] = {
    "cn-city-four-haves-demonstration-towns": "city-four-haves-demonstration-towns-2022",
    "cn-county-health-poverty-check": "county-health-poverty-check",
    "cn-county-relocation-follow-up-2020": "county-relocation-follow-up-2020",
    "cn-land-security-governance-2022": "state-farm-land-security-governance-2022",
    "cn-relocation-deep-mountain-2011": "county-deep-mountain-relocation-2011",
    "cn-town-poverty-data-cleansing": "town-poverty-data-cleansing",
    "cn-town-poverty-project-self-inspection": "town-poverty-project-self-inspection",
    "cn-town-return-poverty-monitoring-2021": "town-return-poverty-monitoring-2021",
    "gx-relocation-site-management": "gx-prefecture-relocation-site-management",
}

# Words that mark a number as a default a locality may change (docs/concepts/conventions.md),
# with the catalog slug used to translate them.
QUALIFIERS: dict[str, str] = {"原则上": "in_principle", "一般": "generally", "可": "may"}


@attrs.frozen(kw_only=True)
class DatedValue:
    """One value of a parameter, valid from ``start`` to ``end`` (both days included).

    Args:
        start: First day the value is valid.
        end: Last day it is valid; None: open-ended.
        value: The value (money, a number, a date, text or a range).
        citation: Where this value is written.
    """

    start: dt.date
    end: dt.date | None
    value: Scalar | Range
    citation: Citation

    def covers(self, on: dt.date) -> bool:
        """Whether this value applies on ``on``."""
        return self.start <= on and (self.end is None or on <= self.end)

    def period_text(self) -> str:
        """The period as ``from..until`` (open end shown as ``…``)."""
        return f"{self.start.isoformat()}..{'…' if self.end is None else self.end.isoformat()}"


@attrs.frozen(kw_only=True)
class PackParameter:
    """A parameter as written in one pack: its unit, bound and dated values.

    Args:
        name: Parameter name, e.g. ``housing.subsidy_per_person``.
        unit: The unit its values are in.
        values: Its dated values, in date order, not overlapping.
        bound: For a threshold: whether its own value counts (以上/以下 inclusive, 超过/不满
            exclusive); None: not a threshold.
        range_bounds: For a range: the bound of each end; None: not a range.
        qualifier: A qualifier the source attaches (e.g. 约); None: none.
    """

    name: str
    unit: Unit
    values: tuple[DatedValue, ...]
    bound: Bound | None
    range_bounds: tuple[Bound, Bound] | None
    qualifier: str | None


@attrs.frozen(kw_only=True)
class PolicyPack:
    """A jurisdiction's pack: identity, source document, optional parent and parameters.

    ``level`` is where its document applies (适用层级), ``province`` the ISO 3166-2 code of its
    province when the document says (CN-ZJ), ``place`` the place it names (台州市), ``source`` the
    document it encodes (a source id and the part: ``poverty-work-plan-samples`` 篇3).

    Args:
        id: The pack id.
        title: The source document's title.
        issuer: Who issued it.
        source: The source document and section.
        path: The pack file it was read from.
        parameters: Its parameters by name.
        parent: Id of the parent pack; None: a root pack.
        document_number: The document number (文号); None: it has none.
        jurisdiction: Where it applies (a county, a province …); None: not stated.
        description: A short description; None: none.
        shipped: True for a pack shipped with the library.
        level: Where its document applies (适用层级).
        province: ISO 3166-2 code of its province (CN-ZJ); None: the document does not say.
        place: The place it names; None: not named.
    """

    id: str
    title: str
    issuer: str
    source: Citation
    path: str
    parameters: Mapping[str, PackParameter] = attrs.field(eq=False, hash=False)
    parent: str | None = None
    document_number: str | None = None
    jurisdiction: str | None = None
    level: JurisdictionLevel | None = None
    province: str | None = None
    place: str | None = None
    description: str | None = None
    shipped: bool = False
    derived_from: str | None = None
    """For a pack made by `Policy.derive`: the id of the policy it changes."""
    changes: tuple[PackParameter, ...] = ()
    """For a derived pack: its changed parameters by name (they make two scenarios differ)."""


# -- parameters ----------------------------------------------------------------------------


def _parameter(ctx: _Ctx, name: str, raw: Any, specs: Mapping[str, ParameterSpec]) -> PackParameter:
    key = f"parameters.{name}"
    spec = specs.get(name)
    dotted = [f"{name}.{k}" for k in raw if f"{name}.{k}" in specs] if isinstance(raw, dict) else []
    if spec is None and dotted:
        raise ctx.fail(
            key,
            f'parameter names contain a dot: write [parameters."{name}.<name>"] with quotes',
            "core.error.pack_dotted_name",
            header=f'[parameters."{dotted[0]}"]',
        )
    if spec is None:
        hint = _closest(name, specs)
        more = f" (did you mean {hint!r}?)" if hint else ""
        raise ctx.fail(
            key,
            f"unknown parameter{more}",
            "core.error.pack_unknown_parameter",
            name=name,
            suggestion=hint,
        )
    if not isinstance(raw, dict):
        raise ctx.fail(
            key,
            "must be a table with unit, citation and values",
            "core.error.pack_table",
            shape="{ unit, citation, values }",
        )
    ctx.unknown_keys(raw, _PARAM_KEYS, key)
    unit_raw = raw.get("unit")
    if unit_raw is None:
        raise ctx.fail(
            f"{key}.unit",
            f"missing required key (expected {spec.unit.value!r})",
            "core.error.pack_missing_unit",
            expected=spec.unit.value,
        )
    try:
        unit = Unit(unit_raw)
    except ValueError:
        units = ", ".join(u.value for u in Unit)
        raise ctx.fail(
            f"{key}.unit",
            f"unknown unit {unit_raw!r}; units: {units}",
            "core.error.pack_unknown_unit",
            value=unit_raw,
            units=units,
        ) from None
    if unit is not spec.unit:
        raise ctx.fail(
            f"{key}.unit",
            f"wrong unit {unit.value!r}; expected {spec.unit.value!r}",
            "core.error.pack_wrong_unit",
            value=unit.value,
            expected=spec.unit.value,
        )

    bound: Bound | None = None
    range_bounds: tuple[Bound, Bound] | None = None
    raw_bound = raw.get("bound")
    if spec.threshold is not None:
        if raw_bound is None:
            raise ctx.fail(
                f"{key}.bound",
                f"missing: this is a {spec.threshold.value} threshold; say whether its value "
                'is "inclusive" (以上/以下) or "exclusive" (超过/不满)',
                "core.error.pack_missing_bound",
                side=spec.threshold.value,
                choices=_BOUNDS,
            )
        bound = _bound(ctx, raw_bound, f"{key}.bound")
    elif spec.is_range:
        if raw_bound is None:
            range_bounds = (Bound.INCLUSIVE, Bound.INCLUSIVE)
        elif isinstance(raw_bound, dict):
            ctx.unknown_keys(raw_bound, {"min", "max"}, f"{key}.bound")
            range_bounds = (
                _bound(ctx, raw_bound.get("min", "inclusive"), f"{key}.bound.min"),
                _bound(ctx, raw_bound.get("max", "inclusive"), f"{key}.bound.max"),
            )
        else:
            b = _bound(ctx, raw_bound, f"{key}.bound")
            range_bounds = (b, b)
    elif raw_bound is not None:
        raise ctx.fail(
            f"{key}.bound",
            "this parameter is not a threshold; remove bound",
            "core.error.pack_bound_not_threshold",
        )

    qualifier = ctx.text(raw, "qualifier", key, required=False)
    if qualifier is not None and qualifier not in QUALIFIERS:
        words = ", ".join(QUALIFIERS)
        raise ctx.fail(
            f"{key}.qualifier",
            f"must be one of {words} (the word the text uses)",
            "core.error.pack_choice",
            value=qualifier,
            choices=words,
        )
    default_citation = (
        _citation(ctx, raw["citation"], f"{key}.citation") if "citation" in raw else None
    )
    raw_values = raw.get("values")
    if not isinstance(raw_values, list) or not raw_values:
        raise ctx.fail(
            f"{key}.values",
            "must be a non-empty array of {from, until?, value}",
            "core.error.pack_values",
            shape=_VALUE_SHAPE,
        )
    values: list[DatedValue] = []
    for i, item in enumerate(raw_values):
        vkey = f"{key}.values[{i}]"
        if not isinstance(item, dict):
            raise ctx.fail(
                vkey,
                "must be a table {from, until?, value}",
                "core.error.pack_table",
                shape=_VALUE_SHAPE,
            )
        ctx.unknown_keys(item, _VALUE_KEYS, vkey)
        start = item.get("from")
        end = item.get("until")
        if start is None:
            raise ctx.fail(
                f"{vkey}.from",
                "missing or not a TOML date such as 2011-01-01",
                "core.error.pack_missing_key",
            )
        if isinstance(start, dt.datetime) or not isinstance(start, dt.date):
            raise ctx.fail(
                f"{vkey}.from",
                "missing or not a TOML date such as 2011-01-01",
                "core.error.pack_date",
                value=start,
            )
        if end is not None and (isinstance(end, dt.datetime) or not isinstance(end, dt.date)):
            raise ctx.fail(
                f"{vkey}.until",
                "not a TOML date such as 2019-12-31",
                "core.error.pack_date",
                value=end,
            )
        if end is not None and end < start:
            raise ctx.fail(
                f"{vkey}.until",
                f"until {end} is before from {start}",
                "core.error.pack_period_order",
                start=start.isoformat(),
                end=end.isoformat(),
            )
        if "value" not in item:
            raise ctx.fail(f"{vkey}.value", "missing required key", "core.error.pack_missing_key")
        citation = (
            _citation(ctx, item["citation"], f"{vkey}.citation")
            if "citation" in item
            else default_citation
        )
        if citation is None:
            raise ctx.fail(
                f"{key}.citation",
                "missing citation: every value needs a source (document + section, "
                "or law + article)",
                "core.error.pack_missing_citation",
            )
        value: Scalar | Range
        if spec.is_range:
            rv = item["value"]
            if not isinstance(rv, dict) or set(rv) != {"min", "max"}:
                raise ctx.fail(
                    f"{vkey}.value",
                    "a range is a table {min = …, max = …}",
                    "core.error.pack_table",
                    shape="{ min = …, max = … }",
                )
            lo = _scalar(ctx, rv["min"], unit.kind, f"{vkey}.value.min", spec)
            hi = _scalar(ctx, rv["max"], unit.kind, f"{vkey}.value.max", spec)
            if hi < lo:  # type: ignore[operator]
                raise ctx.fail(
                    f"{vkey}.value",
                    f"max {hi} is below min {lo}",
                    "core.error.pack_range_order",
                    min=str(lo),
                    max=str(hi),
                )
            assert range_bounds is not None
            value = Range(min=lo, max=hi, min_bound=range_bounds[0], max_bound=range_bounds[1])
        else:
            value = _scalar(ctx, item["value"], unit.kind, f"{vkey}.value", spec)
        values.append(DatedValue(start=start, end=end, value=value, citation=citation))
    values.sort(key=lambda v: v.start)
    for prev, nxt in itertools.pairwise(values):
        if prev.end is None or nxt.start <= prev.end:
            raise ctx.fail(
                f"{key}.values",
                f"overlapping dates: {prev.period_text()} and {nxt.period_text()}",
                "core.error.pack_overlap",
                first=prev.period_text(),
                second=nxt.period_text(),
            )
    return PackParameter(
        name=name,
        unit=unit,
        values=tuple(values),
        bound=bound,
        range_bounds=range_bounds,
        qualifier=qualifier,
    )


def _level(ctx: _Ctx, raw: Any) -> JurisdictionLevel | None:
    if raw is None:
        return None
    try:
        return JurisdictionLevel(raw)
    except ValueError:
        levels = ", ".join(m.value for m in JurisdictionLevel)
        raise ctx.fail(
            "level",
            f"must be one of {levels}",
            "core.error.pack_choice",
            value=raw,
            choices=levels,
        ) from None


def _province(ctx: _Ctx, raw: Any) -> str | None:
    if raw is None:
        return None
    if raw not in PROVINCES:
        raise ctx.fail(
            "province",
            "must be an ISO 3166-2 code of a province, such as CN-ZJ",
            "core.error.pack_province",
            value=raw,
        )
    return str(raw)


def _parse(text: bytes, file: str, *, shipped: bool) -> PolicyPack:
    import tomllib

    ctx = _Ctx(file)
    try:
        raw = tomllib.loads(text.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ctx.fail(
            "(file)", f"not UTF-8 text: {exc}", "core.error.pack_not_utf8", byte=exc.start + 1
        ) from None
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_position(exc, text.decode("utf-8"))
        raise ctx.fail(
            "(file)",
            f"not valid TOML: {exc}",
            "core.error.pack_not_toml",
            line=line,
            column=column,
            detail=str(exc),
        ) from None
    ctx.unknown_keys(raw, _PACK_KEYS, "")
    for k in _REQUIRED_PACK_KEYS:
        if k not in raw:
            raise ctx.fail(k, "missing required key", "core.error.pack_missing_key")
    pack_id = ctx.text(raw, "id", "", required=True)
    assert pack_id is not None
    if not _ID_RE.match(pack_id):
        raise ctx.fail(
            "id",
            "pack ids use lower-case letters, digits and '-'",
            "core.error.pack_id",
            value=pack_id,
        )
    specs = all_specs()
    raw_params = raw.get("parameters", {})
    if not isinstance(raw_params, dict):
        raise ctx.fail(
            "parameters",
            "must be a table of parameters",
            "core.error.pack_table",
            shape='{ "<area>.<name>" = { unit, citation, values } }',
        )
    params = {name: _parameter(ctx, name, value, specs) for name, value in raw_params.items()}
    return PolicyPack(
        id=pack_id,
        title=ctx.text(raw, "title", "", required=True) or "",
        issuer=ctx.text(raw, "issuer", "", required=True) or "",
        source=_citation(ctx, raw["source"], "source"),
        path=file,
        parameters=params,
        parent=ctx.text(raw, "parent", "", required=False),
        document_number=ctx.text(raw, "document_number", "", required=False),
        jurisdiction=ctx.text(raw, "jurisdiction", "", required=False),
        level=_level(ctx, raw.get("level")),
        province=_province(ctx, raw.get("province")),
        place=ctx.text(raw, "place", "", required=False),
        description=ctx.text(raw, "description", "", required=False),
        shipped=shipped,
    )


# -- loading ---------------------------------------------------------------------------------

_shipped_cache: dict[str, PolicyPack] = {}
_file_cache: dict[tuple[str, int, int], PolicyPack] = {}


def _packs_dir() -> Any:
    from .._resources import shipped

    return shipped("povertypolicy.policy", "packs")


def shipped_pack_ids() -> tuple[str, ...]:
    """Ids of the packs shipped with the library (file names without ``.toml``)."""
    return tuple(
        sorted(p.name[: -len(".toml")] for p in _packs_dir().iterdir() if p.name.endswith(".toml"))
    )


def load_pack(ref: str | os.PathLike[str], *, relative_to: str | None = None) -> PolicyPack:
    """Load one pack (not its parents) by shipped id or by path; results are cached."""
    text_ref = os.fspath(ref)
    if not text_ref.endswith(".toml") and os.sep not in text_ref and "/" not in text_ref:
        if text_ref in RENAMED_PACKS:
            import warnings

            new = RENAMED_PACKS[text_ref]
            warnings.warn(
                f"pack {text_ref!r} is now called {new!r}; the old id will be removed",
                DeprecationWarning,
                stacklevel=3,
            )
            text_ref = new
        cached = _shipped_cache.get(text_ref)
        if cached is not None:
            return cached
        res = _packs_dir().joinpath(f"{text_ref}.toml")
        if not res.is_file():
            shipped = ", ".join(shipped_pack_ids())
            raise _Ctx(relative_to or text_ref).fail(
                "parent" if relative_to else "id",
                f"no shipped pack {text_ref!r}; shipped: {shipped}",
                "core.error.pack_unknown_pack",
                name=text_ref,
                shipped=shipped,
            )
        pack = _parse(res.read_bytes(), f"povertypolicy/policy/packs/{text_ref}.toml", shipped=True)
        if pack.id != text_ref:
            raise _Ctx(pack.path).fail(
                "id",
                "must match the file name",
                "core.error.pack_id_file",
                value=pack.id,
                expected=text_ref,
            )
        _shipped_cache[text_ref] = pack
        return pack
    path = Path(text_ref)
    if relative_to is not None and not path.is_absolute():
        path = Path(relative_to).parent / path
    try:
        stat = path.stat()
    except OSError:
        raise _Ctx(str(relative_to or path)).fail(
            "parent" if relative_to else "(file)",
            f"pack file {str(path)!r} does not exist",
            "core.error.pack_no_file",
            path=str(path),
        ) from None
    cache_key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    cached = _file_cache.get(cache_key)
    if cached is None:
        cached = _parse(path.read_bytes(), str(path), shipped=False)
        _file_cache[cache_key] = cached
    return cached
