"""Policy packs: TOML files of dated, cited parameters; 政策包. Loading validates everything."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from ..domain.enums import JurisdictionLevel
from ..errors import InputError, PolicyPackError
from ..explain.citation import Citation
from ..money import Money
from .parameter import Bound, Range, Scalar
from .spec import Kind, ParameterSpec, Unit, all_specs, domain_problem

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
_CITATION_KEYS = {"document", "section", "law", "article", "quote", "scenario"}
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


# -- helpers -------------------------------------------------------------------------------


class _Ctx:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(
        self, key: str, problem: str, code: str = "core.error.pack", value: Any = None
    ) -> PolicyPackError:
        extra = None if code == "core.error.pack" else {"value": _shown(value)}
        return PolicyPackError(file=self.file, key=key, problem=problem, code=code, extra=extra)

    def unknown_keys(self, table: Mapping[str, Any], allowed: set[str], key: str) -> None:
        for k in table:
            if k not in allowed:
                import difflib

                hint = difflib.get_close_matches(k, sorted(allowed), n=1)
                more = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise self.fail(
                    f"{key}.{k}" if key else k,
                    f"unknown key{more}; allowed: {', '.join(sorted(allowed))}",
                )

    def text(self, table: Mapping[str, Any], name: str, key: str, *, required: bool) -> str | None:
        value = table.get(name)
        if value is None:
            if required:
                raise self.fail(f"{key}.{name}" if key else name, "missing required key")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key}.{name}" if key else name, "must be a non-empty string")
        return value


def _citation(ctx: _Ctx, raw: Any, key: str) -> Citation:
    if not isinstance(raw, dict):
        raise ctx.fail(
            key, "citation must be a table {document, section}, {law, article} or {scenario}"
        )
    ctx.unknown_keys(raw, _CITATION_KEYS, key)
    for k, v in raw.items():
        if not isinstance(v, str) or not v.strip():
            raise ctx.fail(f"{key}.{k}", "must be a non-empty string")
    document = raw.get("document")
    if document is not None:
        from ..sources.registry import renamed_document

        new_id = renamed_document(document)
        if new_id is not None:
            import warnings

            warnings.warn(
                f"{ctx.file}: {key}.document {document!r} is now the source id {new_id!r}; "
                "the file name will be removed",
                DeprecationWarning,
                stacklevel=2,
            )
            raw = {**raw, "document": new_id}
    try:
        return Citation(**raw)
    except InputError:
        raise ctx.fail(
            key,
            "citation needs document + section (a source id, or your own document), "
            "law + article, or scenario (an assumed value, shown as a scenario, not policy)",
        ) from None


_MONEY_CODES = {
    "core.error.money": "core.error.pack_money",
    "core.error.money_places": "core.error.pack_money_places",
    "core.error.money_magnitude": "core.error.pack_money_magnitude",
    "core.error.money_negative": "core.error.pack_negative",
}


def _scalar(ctx: _Ctx, raw: Any, kind: Kind, key: str, spec: ParameterSpec) -> Scalar:
    value = _scalar_value(ctx, raw, kind, key, spec)
    problem = domain_problem(spec, value)
    if problem is not None:
        raise ctx.fail(key, problem.english, problem.code, value)
    return value


def _shown(value: Any) -> str:
    """A pack value as an error message shows it: as written in the file."""
    return repr(value) if isinstance(value, float) else str(value)


def _scalar_value(ctx: _Ctx, raw: Any, kind: Kind, key: str, spec: ParameterSpec) -> Scalar:
    if isinstance(raw, float):
        raise ctx.fail(
            key,
            'floats are not exact: write the number as a string, e.g. "0.08"',
            "core.error.pack_float",
            raw,
        )
    if kind is Kind.MONEY:
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise ctx.fail(
                key,
                "expected an amount of yuan as an integer or a string",
                "core.error.pack_money",
                raw,
            )
        try:
            return Money(raw)
        except InputError as exc:
            code = _MONEY_CODES.get(exc.code, "core.error.pack_money")
            raise ctx.fail(key, exc.expected, code, raw) from None
    if kind is Kind.DECIMAL:
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise ctx.fail(
                key, "expected a number as an integer or a string", "core.error.pack_number", raw
            )
        try:
            dec = Decimal(raw)
        except InvalidOperation:
            raise ctx.fail(key, f"{raw!r} is not a number", "core.error.pack_number", raw) from None
        if not dec.is_finite():
            raise ctx.fail(key, "expected a finite number", "core.error.pack_finite", raw)
        return dec
    if kind is Kind.INTEGER:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ctx.fail(key, "expected an integer", "core.error.pack_whole", raw)
        return raw
    if kind is Kind.DATE:
        if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
            raise ctx.fail(key, "expected a TOML date such as 2011-01-01")
        return raw
    if not isinstance(raw, str):
        raise ctx.fail(key, "expected a string choice")
    if spec.choices is not None and raw not in spec.choices:
        raise ctx.fail(key, f"{raw!r} is not one of {', '.join(spec.choices)}")
    return raw


def _bound(ctx: _Ctx, raw: Any, key: str) -> Bound:
    try:
        return Bound(raw)
    except ValueError:
        raise ctx.fail(key, 'bound must be "inclusive" or "exclusive"') from None


def _parameter(ctx: _Ctx, name: str, raw: Any, specs: Mapping[str, ParameterSpec]) -> PackParameter:
    key = f"parameters.{name}"
    spec = specs.get(name)
    if spec is None and isinstance(raw, dict) and any(f"{name}.{k}" in specs for k in raw):
        raise ctx.fail(
            key,
            f'parameter names contain a dot: write [parameters."{name}.<name>"] with quotes',
        )
    if spec is None:
        import difflib

        hint = difflib.get_close_matches(name, sorted(specs), n=1)
        more = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise ctx.fail(key, f"unknown parameter{more}")
    if not isinstance(raw, dict):
        raise ctx.fail(key, "must be a table with unit, citation and values")
    ctx.unknown_keys(raw, _PARAM_KEYS, key)
    unit_raw = raw.get("unit")
    if unit_raw is None:
        raise ctx.fail(f"{key}.unit", f"missing required key (expected {spec.unit.value!r})")
    try:
        unit = Unit(unit_raw)
    except ValueError:
        raise ctx.fail(
            f"{key}.unit", f"unknown unit {unit_raw!r}; units: {', '.join(u.value for u in Unit)}"
        ) from None
    if unit is not spec.unit:
        raise ctx.fail(f"{key}.unit", f"wrong unit {unit.value!r}; expected {spec.unit.value!r}")

    bound: Bound | None = None
    range_bounds: tuple[Bound, Bound] | None = None
    raw_bound = raw.get("bound")
    if spec.threshold is not None:
        if raw_bound is None:
            raise ctx.fail(
                f"{key}.bound",
                f"missing: this is a {spec.threshold.value} threshold; say whether its value "
                'is "inclusive" (以上/以下) or "exclusive" (超过/不满)',
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
        raise ctx.fail(f"{key}.bound", "this parameter is not a threshold; remove bound")

    qualifier = ctx.text(raw, "qualifier", key, required=False)
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise ctx.fail(
            f"{key}.qualifier", f"must be one of {', '.join(QUALIFIERS)} (the word the text uses)"
        )
    default_citation = (
        _citation(ctx, raw["citation"], f"{key}.citation") if "citation" in raw else None
    )
    raw_values = raw.get("values")
    if not isinstance(raw_values, list) or not raw_values:
        raise ctx.fail(f"{key}.values", "must be a non-empty array of {from, until?, value}")
    values: list[DatedValue] = []
    for i, item in enumerate(raw_values):
        vkey = f"{key}.values[{i}]"
        if not isinstance(item, dict):
            raise ctx.fail(vkey, "must be a table {from, until?, value}")
        ctx.unknown_keys(item, _VALUE_KEYS, vkey)
        start = item.get("from")
        end = item.get("until")
        if isinstance(start, dt.datetime) or not isinstance(start, dt.date):
            raise ctx.fail(f"{vkey}.from", "missing or not a TOML date such as 2011-01-01")
        if end is not None and (isinstance(end, dt.datetime) or not isinstance(end, dt.date)):
            raise ctx.fail(f"{vkey}.until", "not a TOML date such as 2019-12-31")
        if end is not None and end < start:
            raise ctx.fail(f"{vkey}.until", f"until {end} is before from {start}")
        if "value" not in item:
            raise ctx.fail(f"{vkey}.value", "missing required key")
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
            )
        value: Scalar | Range
        if spec.is_range:
            rv = item["value"]
            if not isinstance(rv, dict) or set(rv) != {"min", "max"}:
                raise ctx.fail(f"{vkey}.value", "a range is a table {min = …, max = …}")
            lo = _scalar(ctx, rv["min"], unit.kind, f"{vkey}.value.min", spec)
            hi = _scalar(ctx, rv["max"], unit.kind, f"{vkey}.value.max", spec)
            if hi < lo:  # type: ignore[operator]
                raise ctx.fail(f"{vkey}.value", f"max {hi} is below min {lo}")
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
        raise ctx.fail(
            "level", f"must be one of {', '.join(m.value for m in JurisdictionLevel)}"
        ) from None


def _province(ctx: _Ctx, raw: Any) -> str | None:
    if raw is None:
        return None
    if raw not in PROVINCES:
        raise ctx.fail("province", "must be an ISO 3166-2 code of a province, such as CN-ZJ")
    return str(raw)


def _parse(text: bytes, file: str, *, shipped: bool) -> PolicyPack:
    import tomllib

    ctx = _Ctx(file)
    try:
        raw = tomllib.loads(text.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ctx.fail("(file)", f"not UTF-8 text: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ctx.fail("(file)", f"not valid TOML: {exc}") from None
    ctx.unknown_keys(raw, _PACK_KEYS, "")
    for k in _REQUIRED_PACK_KEYS:
        if k not in raw:
            raise ctx.fail(k, "missing required key")
    pack_id = ctx.text(raw, "id", "", required=True)
    assert pack_id is not None
    if not _ID_RE.match(pack_id):
        raise ctx.fail("id", "pack ids use lower-case letters, digits and '-'")
    specs = all_specs()
    raw_params = raw.get("parameters", {})
    if not isinstance(raw_params, dict):
        raise ctx.fail("parameters", "must be a table of parameters")
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
    from importlib import resources

    return resources.files("povertypolicy.policy").joinpath("packs")


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
            raise PolicyPackError(
                file=relative_to or text_ref,
                key="parent" if relative_to else "id",
                problem=f"no shipped pack {text_ref!r}; shipped: {', '.join(shipped_pack_ids())}",
            )
        pack = _parse(res.read_bytes(), f"povertypolicy/policy/packs/{text_ref}.toml", shipped=True)
        if pack.id != text_ref:
            raise PolicyPackError(file=pack.path, key="id", problem="must match the file name")
        _shipped_cache[text_ref] = pack
        return pack
    path = Path(text_ref)
    if relative_to is not None and not path.is_absolute():
        path = Path(relative_to).parent / path
    try:
        stat = path.stat()
    except OSError:
        raise PolicyPackError(
            file=relative_to or path,
            key="parent" if relative_to else "(file)",
            problem=f"pack file {str(path)!r} does not exist",
        ) from None
    cache_key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    cached = _file_cache.get(cache_key)
    if cached is None:
        cached = _parse(path.read_bytes(), str(path), shipped=False)
        _file_cache[cache_key] = cached
    return cached
