"""Finding shipped packs: by level and province, and by the parameters they set; 政策包查找.

In the style of python-holidays: ``packs(level="county")``, ``packs(province="CN-ZJ")``,
``packs_setting("housing.subsidy_per_person")``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..domain.enums import JurisdictionLevel
from ..errors import InputError

if TYPE_CHECKING:
    from .pack import DatedValue, PolicyPack

__all__ = ["PackInfo", "ParameterSetting", "packs", "packs_setting"]


@attrs.frozen(kw_only=True)
class PackInfo:
    """A shipped pack's identity and where it applies, as listed by `packs`.

    ``source`` is the rendered citation of its document (title and part); ``source_id`` and
    ``source_part`` name the shipped source (`povertypolicy.get_source`) and its part.

    Args:
        id: The pack id, e.g. ``county-deep-mountain-relocation-2011``.
        title: The source document's title.
        issuer: Who issued it.
        document_number: Its document number (文号); None: it has none.
        source: The rendered citation of its document.
        source_id: The shipped source's id; None: a document the package does not ship.
        source_part: The part of that source; None: the whole source.
        parent: Id of the parent pack; None: a root pack.
        level: Where its document applies (适用层级); None: not stated.
        province: ISO 3166-2 code of its province; None: the document does not say.
        place: The place it names; None: not named.
        jurisdiction: Where it applies, as the pack describes it; None: not stated.
    """

    id: str
    title: str
    issuer: str
    document_number: str | None
    source: str
    source_id: str | None
    source_part: str | None
    parent: str | None
    level: JurisdictionLevel | None
    province: str | None
    place: str | None
    jurisdiction: str | None


@attrs.frozen(kw_only=True)
class ParameterSetting:
    """One pack's values of one parameter (its own, not inherited), as `packs_setting`
    lists them: every dated value with its citation.

    Args:
        pack: The pack that sets it.
        name: The parameter's name.
        values: Every dated value the pack gives, with its citation.
    """

    pack: PackInfo
    name: str
    values: tuple[DatedValue, ...]


def _info(pack: PolicyPack) -> PackInfo:
    from ..explain.citation import render_citation
    from ..sources.registry import lookup

    source = lookup(pack.source.document) if pack.source.document is not None else None
    part = source.part_for(pack.source.section) if source is not None else None
    return PackInfo(
        id=pack.id,
        title=pack.title,
        issuer=pack.issuer,
        document_number=pack.document_number,
        source=render_citation(pack.source),
        source_id=None if source is None else source.id,
        source_part=None if part is None else part.name,
        parent=pack.parent,
        level=pack.level,
        province=pack.province,
        place=pack.place,
        jurisdiction=pack.jurisdiction,
    )


def _level(level: JurisdictionLevel | str | None) -> JurisdictionLevel | None:
    if level is None or isinstance(level, JurisdictionLevel):
        return level
    from ..domain.labels import parse_member

    found = parse_member(JurisdictionLevel, level)
    if found is None:
        choices = ", ".join(m.value for m in JurisdictionLevel)
        raise InputError(
            obj="packs",
            field="level",
            value=level,
            expected="one of " + choices,
            code="core.error.enum",
            extra={"choices": choices},
        )
    return found


def _province(province: str | None) -> str | None:
    if province is None:
        return None
    from .pack import PROVINCES

    code = province.strip().upper()
    if not code.startswith("CN-"):
        code = "CN-" + code
    if code not in PROVINCES:
        raise InputError(
            obj="packs",
            field="province",
            value=province,
            expected="an ISO 3166-2 code of a province, such as CN-ZJ (or ZJ)",
            code="core.error.province",
            extra={"example": "CN-ZJ", "short": "ZJ"},
        )
    return code


def packs(
    *,
    level: JurisdictionLevel | str | None = None,
    province: str | None = None,
) -> tuple[PackInfo, ...]:
    """The packs shipped with the library, by id; 内置政策包.

    ``level`` keeps those whose document applies at that level (a member, its value
    ``"county"`` or its label 县级); ``province`` those of one province (``"CN-ZJ"`` or ``"ZJ"``);
    a pack whose document names no province is not listed under any province.
    """
    from .pack import load_pack, shipped_pack_ids

    want_level = _level(level)
    want_province = _province(province)
    out = []
    for pack_id in shipped_pack_ids():
        pack = load_pack(pack_id)
        if want_level is not None and pack.level is not want_level:
            continue
        if want_province is not None and pack.province != want_province:
            continue
        out.append(_info(pack))
    return tuple(out)


def packs_setting(name: str) -> tuple[ParameterSetting, ...]:
    """The shipped packs that set parameter ``name`` themselves, with the values each gives.

    A pack that only inherits the parameter from its parent is not listed. Raises InputError
    for a name no rule declares.
    """
    from .pack import load_pack, shipped_pack_ids
    from .spec import all_specs

    if name not in all_specs():
        import difflib

        hint = difflib.get_close_matches(name, sorted(all_specs()), n=1)
        raise InputError(
            obj="packs_setting",
            field="name",
            value=name,
            expected="a declared parameter" + (f" (did you mean {hint[0]!r}?)" if hint else ""),
            code="core.error.unknown_parameter",
            extra={"closest": tuple(hint)},
        )
    out = []
    for pack_id in shipped_pack_ids():
        pack = load_pack(pack_id)
        param = pack.parameters.get(name)
        if param is not None:
            out.append(ParameterSetting(pack=_info(pack), name=name, values=param.values))
    return tuple(out)
