"""SITE-13 .. SITE-16 step by step: per branch the rule ID, message key, inputs, notes, citation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import povertypolicy as pp
from povertypolicy.rules import site as sr

INSIDE = pp.SiteLocation.INSIDE_COUNTY_SEAT_AREA
OUTSIDE = pp.SiteLocation.OUTSIDE_COUNTY_SEAT_AREA
W = pp.MoveScope.WITHIN_COUNTY
X = pp.MoveScope.ACROSS_COUNTIES
H = sr.Handling
P = pp.PensionStatus
DOC = "relocation-follow-up-documents"


@pytest.fixture(scope="module")
def policy() -> pp.Policy:
    return pp.Policy.load("gx-prefecture-relocation-site-management", on=dt.date(2024, 1, 1))


def view(result: pp.Result[Any]) -> list[tuple[Any, ...]]:
    return [
        (
            s.rule,
            s.key,
            dict(s.inputs),
            tuple(p.name for p in s.params),
            tuple((n.kind.value, n.key, dict(n.args)) for n in s.notes),
            None if s.citation is None else (s.citation.document, s.citation.section),
        )
        for s in result.steps
    ]


# -- SITE-13 --------------------------------------------------------------------------------------

FUNCTIONS = list(sr.CentreFunction)


@pytest.mark.parametrize(
    ("population", "key", "notes"),
    [
        (800, "site.centre.gradual", (("boundary", "site.note.centre_800", {"value": 800}),)),
        (799, "site.centre.gradual", ()),
        (801, "site.centre.one_stop", ()),
    ],
)
def test_SITE_13_centre_steps(
    policy: pp.Policy, population: int, key: str, notes: tuple[Any, ...]
) -> None:
    r = sr.service_centre(population, INSIDE, policy)
    assert view(r) == [
        ("SITE-13", key, {"population": population, "functions": FUNCTIONS},
         ("site.centre_min_population",), notes, None),
        ("SITE-13", "site.centre.area", {"location": INSIDE, "minimum": pp.Area.m2(500)},
         ("site.centre_floor_area_inside",), (), None),
    ]  # fmt: skip
    assert r.steps[0].params == (policy.param("site.centre_min_population"),)
    v = r.value
    one_stop = key.endswith("one_stop")
    assert v.one_stop is one_stop
    assert v.functions == (tuple(sr.CentreFunction) if one_stop else ())
    assert v.min_floor_area == pp.Area.m2(500)
    assert v.planned_floor_area is None
    assert v.floor_area_met is None


@pytest.mark.parametrize(
    ("location", "planned", "met", "minimum", "param"),
    [
        (INSIDE, "499.9", False, 500, "site.centre_floor_area_inside"),
        (INSIDE, "500", True, 500, "site.centre_floor_area_inside"),
        (OUTSIDE, "299", False, 300, "site.centre_floor_area_outside"),
        (OUTSIDE, "300", True, 300, "site.centre_floor_area_outside"),
    ],
)
def test_SITE_13_area_check_steps(
    policy: pp.Policy,
    location: pp.SiteLocation,
    planned: str,
    met: bool,
    minimum: int,
    param: str,
) -> None:
    area = pp.Area.m2(planned)
    r = sr.service_centre(1000, location, policy, planned_floor_area=area)
    assert view(r)[1] == (
        "SITE-13",
        "site.centre.area_check",
        {"location": location, "minimum": pp.Area.m2(minimum), "planned": area, "met": met},
        (param,),
        (),
        None,
    )
    assert r.steps[1].params == (policy.param(param),)
    v = r.value
    assert (v.planned_floor_area, v.floor_area_met, v.min_floor_area) == (
        area,
        met,
        pp.Area.m2(minimum),
    )


def test_SITE_13_area_in_other_units_is_compared_in_m2(policy: pp.Policy) -> None:
    area = pp.Area.mu("0.75")  # 500 m²
    r = sr.service_centre(1000, INSIDE, policy, planned_floor_area=area)
    assert r.value.floor_area_met is True


def test_SITE_13_refusals(policy: pp.Policy) -> None:
    for bad in (-1, True, "800"):
        with pytest.raises(pp.InputError) as exc:
            sr.service_centre(bad, INSIDE, policy)  # type: ignore[arg-type]
        assert (exc.value.obj, exc.value.field, exc.value.value) == (
            "service_centre",
            "population",
            bad,
        )
    with pytest.raises(pp.InputError) as exc:
        sr.service_centre(900, "inside", policy)  # type: ignore[arg-type]
    assert (exc.value.obj, exc.value.field) == ("service_centre", "location")
    with pytest.raises(pp.InputError) as exc:
        sr.service_centre(900, INSIDE, policy, planned_floor_area=520)  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "service_centre",
        "planned_floor_area",
        520,
        "an Area (e.g. Area.m2(520)) or None",
    )


# -- SITE-14 --------------------------------------------------------------------------------------

CITE_14 = (DOC, "篇一 §二(四)2")


@pytest.mark.parametrize(
    ("pension", "scope", "moved", "insured", "permit", "hukou", "handled", "notes"),
    [
        (P.DRAWING, X, True, True, None, pp.HukouType.AGRICULTURAL,
         (H.STAY_ORIGINAL, H.DESTINATION_NEXT_YEAR, H.SITE_RURAL_DIBAO),
         ((), (("warning", "site.note.dibao_conditions", {}),))),
        (P.CONTRIBUTING, W, True, False, True, pp.HukouType.NON_AGRICULTURAL,
         (H.CHANGE_ADDRESS_ONLY, H.STAY_ORIGINAL, H.SITE_URBAN_DIBAO),
         ((), (("warning", "site.note.dibao_conditions", {}),))),
        (P.CONTRIBUTING, X, True, False, None, None,
         (H.TRANSFER, H.NEW_REGISTRATION_PLACE, H.NOT_RECORDED),
         ((), (("warning", "site.note.hukou_not_recorded", {}),))),
        (P.CONTRIBUTING, X, False, True, None, None,
         (H.ORIGINAL_REGISTRATION_PLACE, H.STAY_ORIGINAL, H.NOT_RECORDED),
         ((), (("warning", "site.note.permit_not_recorded", {}),))),
        (P.NOT_ENROLLED, W, False, True, False, None,
         (H.NOT_STATED, H.STAY_ORIGINAL, H.ORIGIN_POLICIES),
         ((("warning", "site.note.pension_not_stated", {}),), ())),
        (P.DRAWING, X, False, True, True, None,
         (H.STAY_ORIGINAL, H.STAY_ORIGINAL, H.NOT_RECORDED),
         ((), (("warning", "site.note.hukou_not_recorded", {}),))),
    ],
)  # fmt: skip
def test_SITE_14_transfer_steps(
    pension: pp.PensionStatus,
    scope: pp.MoveScope,
    moved: bool,
    insured: bool,
    permit: bool | None,
    hukou: pp.HukouType | None,
    handled: tuple[sr.Handling, sr.Handling, sr.Handling],
    notes: tuple[tuple[Any, ...], tuple[Any, ...]],
) -> None:
    situation = pp.TransferSituation(
        person_id="p1",
        scope=scope,
        registration_moved=moved,
        pension=pension,
        medically_insured=insured,
        residence_permit=permit,
        hukou=hukou,
    )
    r = sr.service_transfer(situation)
    p, m, d = handled
    assert view(r) == [
        ("SITE-14", "site.transfer.pension",
         {"status": pension, "scope": scope, "moved": moved, "handling": p}, (), notes[0],
         CITE_14),
        ("SITE-14", "site.transfer.medical",
         {"scope": scope, "moved": moved, "insured": insured, "handling": m}, (), (), CITE_14),
        ("SITE-14", "site.transfer.dibao",
         {"moved": moved, "permit": permit, "hukou": hukou, "handling": d}, (), notes[1],
         CITE_14),
    ]  # fmt: skip
    v = r.value
    assert (v.person_id, v.pension, v.medical_insurance, v.dibao) == ("p1", p, m, d)


def test_SITE_14_refusal() -> None:
    with pytest.raises(pp.InputError) as exc:
        sr.service_transfer("someone")  # type: ignore[arg-type]
    e = exc.value
    assert (e.obj, e.field, e.value, e.expected) == (
        "service_transfer",
        "situation",
        "someone",
        "a TransferSituation",
    )


# -- SITE-15 / SITE-16 -----------------------------------------------------------------------------

CITE_15 = (DOC, "篇一 §二(四)4")


def test_SITE_15_windows_steps() -> None:
    r = sr.service_windows()
    dep, svc = sr.Department, sr.Service
    by_department = {
        dep.HUMAN_RESOURCES: [svc.EMPLOYMENT, svc.PENSION, svc.LABOUR_RIGHTS],
        dep.PUBLIC_SECURITY: [svc.HOUSEHOLD_REGISTRATION],
        dep.CIVIL_AFFAIRS: [
            svc.DIBAO,
            svc.EXTREME_POVERTY_SUPPORT,
            svc.TEMPORARY_ASSISTANCE,
            svc.DISABILITY_ALLOWANCES,
        ],
        dep.HEALTH: [svc.HEALTH, svc.FAMILY_PLANNING],
        dep.MEDICAL_SECURITY: [svc.MEDICAL_INSURANCE, svc.MEDICAL_ASSISTANCE],
        dep.POLITICAL_LEGAL: [svc.PUBLIC_ORDER, svc.MEDIATION, svc.LEGAL_ADVICE],
        dep.HOUSING: [svc.PROPERTY_SERVICES],
    }
    assert set(by_department) == set(dep)
    assert view(r) == [
        ("SITE-15", "site.windows.list", {"windows": list(sr.ServiceWindow)}, (), (), CITE_15),
        *(
            ("SITE-15", "site.windows.department",
             {"department": d, "services": by_department[d]}, (), (), CITE_15)
            for d in dep
        ),
    ]  # fmt: skip
    assert r.value.windows == tuple(sr.ServiceWindow)
    assert r.value.coordinators == tuple((s, d) for d in by_department for s in by_department[d])
    assert len(r.value.coordinators) == len(sr.Service)


def test_SITE_16_township_steps(policy: pp.Policy) -> None:
    r = sr.township_staffing(policy)
    staff = policy.param("site.township_staff")
    assert view(r) == [
        ("SITE-16", "site.township",
         {"leaders": 1, "staff": staff.range, "recommended": 1},
         ("site.township_deputy_leaders", "site.township_staff"),
         (("convention", "site.note.recommended",
           {"value": 1, "convention": sr.Convention.MINIMUM}),), None),
    ]  # fmt: skip
    assert r.steps[0].params == (policy.param("site.township_deputy_leaders"), staff)
    v = r.value
    assert v.deputy_leaders == 1
    assert (v.staff.min, v.staff.max, v.staff.recommended, v.staff.convention) == (
        1,
        2,
        1,
        sr.Convention.MINIMUM,
    )
