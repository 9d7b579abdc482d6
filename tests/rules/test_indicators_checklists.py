"""The shipped checklists, whole: every figure (headers, kind, description) and every indicator
(rule, level, threshold parameter, measure, figures, condition, alternative, due date) against
``snapshots/indicator_checklists.json``, reviewed against city-four-haves-demonstration-towns-2022,
poverty-work-plan-samples 篇1/2/6 and relocation-follow-up-documents 第二篇.

After a deliberate change to a checklist, regenerate the snapshot with
``PYTHONPATH=src python -m tests.rules.test_indicators_checklists`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy import InputError
from povertypolicy.rules import indicators as ki
from povertypolicy.rules.indicators._model import Checklist, Indicator
from povertypolicy.rules.indicators.checklists import CHECKLISTS, FIGURES, checklist

SNAPSHOT = Path(__file__).parent / "snapshots" / "indicator_checklists.json"


def _indicator(i: Indicator | None) -> dict[str, Any] | None:
    if i is None:
        return None
    return {
        "id": i.id.value,
        "rule": i.rule,
        "level": i.level.value,
        "param": i.param,
        "measure": i.measure.value,
        "figures": [f.value for f in i.figures],
        "applies_when": None if i.applies_when is None else i.applies_when.value,
        "either": _indicator(i.either),
        "due": i.due,
        "part": None if i.part is None else i.part.value,
    }


def _checklist(c: Checklist) -> dict[str, Any]:
    return {
        "rules": list(c.rules),
        "indicators": [_indicator(i) for i in c.indicators],
        "figures": [
            {"name": f.name.value, "zh": f.zh, "hant": f.hant, "kind": f.kind.value, "doc": f.doc}
            for f in c.figures
        ],
    }


def structured() -> dict[str, Any]:
    return {
        "checklists": {cid: _checklist(c) for cid, c in CHECKLISTS.items()},
        "figure_names": {f.value: f.name for f in ki.FigureName},
        "indicator_names": {i.value: i.name for i in ki.IndicatorName},
        "labels": [ki.FigureName.__label__, ki.IndicatorName.__label__],  # type: ignore[attr-defined]
    }


def test_checklists_match_the_reviewed_snapshot() -> None:
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    got = structured()
    assert got["checklists"].keys() == expected["checklists"].keys()
    for cid in expected["checklists"]:
        assert got["checklists"][cid] == expected["checklists"][cid], cid
    assert got == expected


def test_every_figure_is_described_once_and_used() -> None:
    assert set(FIGURES) == set(ki.FigureName)
    used = {f.name for c in CHECKLISTS.values() for f in c.figures}
    assert used == set(ki.FigureName)
    for c in CHECKLISTS.values():
        names = [f.name for f in c.figures]
        assert len(names) == len(set(names)), c.id


def test_checklist_lookup() -> None:
    assert checklist("three_rates") is ki.THREE_RATES
    assert checklist(ki.FOUR_HAVES) is ki.FOUR_HAVES
    assert list(CHECKLISTS) == [
        "four_haves",
        "health_check",
        "seven_haves",
        "self_inspection",
        "three_rates",
    ]
    with pytest.raises(InputError) as exc:
        checklist("eight_haves")
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "rules.indicators",
        "checklist",
        "eight_haves",
        "one of ['four_haves', 'health_check', 'seven_haves', 'self_inspection', 'three_rates']",
    )


if __name__ == "__main__":  # regenerate the snapshot after a reviewed change
    SNAPSHOT.write_text(
        json.dumps(structured(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def _rebuilt(i: Indicator) -> Indicator:
    from povertypolicy.rules.indicators.checklists import _ind

    short = i.param.removeprefix("indicators.")
    return _ind(
        i.id,  # type: ignore[arg-type]
        i.rule,
        i.level,
        short,
        i.measure,
        *i.figures,  # type: ignore[arg-type]
        applies_when=i.applies_when,  # type: ignore[arg-type]
        either=None if i.either is None else _rebuilt(i.either),
        due=i.due,
        part=i.part,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("cid", sorted(CHECKLISTS))
def test_the_builders_rebuild_each_shipped_checklist(cid: str) -> None:
    """``_ind`` prefixes a short parameter name and keeps a full one; ``_checklist`` lists the
    figures of every indicator, its alternative and its condition, once, in first-use order."""
    from povertypolicy.rules.indicators.checklists import _checklist as build

    shipped = CHECKLISTS[cid]
    again = build(shipped.id, shipped.rules[0], *(_rebuilt(i) for i in shipped.indicators))
    assert again == shipped


def test_the_builders_on_a_small_list() -> None:
    from povertypolicy.rules.indicators._model import Measure
    from povertypolicy.rules.indicators.checklists import _checklist as build
    from povertypolicy.rules.indicators.checklists import _ind

    F, N = ki.FigureName, ki.IndicatorName  # noqa: N806 - the checklists' own short names
    pigs = _ind(N.PIGS, "KPI-3", pp.UnitLevel.HOUSEHOLD, "x_pigs", Measure.NUMBER, F.PIGS_SOLD)
    assert pigs == Indicator(
        id=N.PIGS,
        rule="KPI-3",
        level=pp.UnitLevel.HOUSEHOLD,
        param="indicators.x_pigs",
        measure=Measure.NUMBER,
        figures=(F.PIGS_SOLD,),
    )
    school = _ind(N.SCHOOL, "KPI-3", pp.UnitLevel.VILLAGE, "a.b", Measure.FLAGS,
                  F.SCHOOL_STANDARD, F.PIGS_SOLD,
                  applies_when=F.HAS_SCHOOL, due="a.due")  # fmt: skip
    assert (school.param, school.applies_when, school.due, school.either, school.part) == (
        "a.b",
        F.HAS_SCHOOL,
        "a.due",
        None,
        None,
    )
    either = _ind(N.LIVESTOCK, "KPI-3", pp.UnitLevel.HOUSEHOLD, "y", Measure.NUMBER,
                  F.LARGE_ANIMALS_SOLD, either=pigs, part=N.LARGE_ANIMALS)  # fmt: skip
    cl = build("mine", "KPI-9", school, either)
    assert (cl.id, cl.rules, cl.indicators) == ("mine", ("KPI-9",), (school, either))
    assert [f.name for f in cl.figures] == [
        F.SCHOOL_STANDARD,
        F.PIGS_SOLD,
        F.HAS_SCHOOL,
        F.LARGE_ANIMALS_SOLD,
    ]
    assert cl.figures[0] == FIGURES[F.SCHOOL_STANDARD]
