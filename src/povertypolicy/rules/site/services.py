"""SITE-13 .. SITE-16: service centre, service transfer, windows, township staffing; 服务."""

from __future__ import annotations

from ...domain.enums import HukouType, SiteLocation
from ...domain.site import (
    MoveScope,
    PensionStatus,
    TransferSituation,
)
from ...errors import InputError
from ...explain import Note, Result
from ...explain.recorder import Recorder, boundary, warning
from ...policy import Policy
from ...units import Area
from ._base import _check_count, _check_location, _cite, _size_range
from .values import (
    CentreFunction,
    Convention,
    Department,
    Handling,
    Service,
    ServiceCentre,
    ServiceTransfer,
    ServiceWindow,
    ServiceWindows,
    TownshipStaffing,
)

__all__ = ["service_centre", "service_transfer", "service_windows", "township_staffing"]

# -- SITE-13: party-mass service centre -----------------------------------------------------------


def service_centre(
    population: int,
    location: SiteLocation,
    policy: Policy,
    *,
    planned_floor_area: Area | None = None,
) -> Result[ServiceCentre]:
    """The party-mass service centre; 党群服务中心 (SITE-13).

    A site of more than 800 people gets a one-stop centre with ten functions; 800 or fewer builds
    what it can (应建尽建). A new centre has at least 500 m² inside, 300 m² outside (原则上).
    """
    population = _check_count(population, "service_centre", "population")
    location = _check_location(location, "service_centre")
    if planned_floor_area is not None and not isinstance(planned_floor_area, Area):
        raise InputError(
            obj="service_centre",
            field="planned_floor_area",
            value=planned_floor_area,
            expected="an Area (e.g. Area.m2(520)) or None",
            code="core.error.area",
        )
    threshold = policy.param("site.centre_min_population")
    area_param = policy.param(
        "site.centre_floor_area_inside"
        if location is SiteLocation.INSIDE_COUNTY_SEAT_AREA
        else "site.centre_floor_area_outside"
    )
    one_stop = threshold.admits(population)
    functions = tuple(CentreFunction)
    on_threshold = population == threshold.value
    rec = Recorder("SITE-13")
    rec.step(
        "site.centre.one_stop" if one_stop else "site.centre.gradual",
        population=population,
        functions=list(functions),
        params=(threshold,),
        notes=(boundary("site.note.centre_800", value=population) if on_threshold else None,),
    )
    minimum = Area.m2(area_param.decimal)
    met: bool | None = None
    if planned_floor_area is not None:
        planned_m2 = planned_floor_area.in_unit("m2")
        met = area_param.admits(planned_m2)
        rec.step(
            "site.centre.area_check",
            location=location,
            minimum=minimum,
            planned=planned_floor_area,
            met=met,
            params=(area_param,),
        )
    else:
        rec.step("site.centre.area", location=location, minimum=minimum, params=(area_param,))
    return rec.result(
        ServiceCentre(
            one_stop=one_stop,
            functions=functions if one_stop else (),
            min_floor_area=minimum,
            planned_floor_area=planned_floor_area,
            floor_area_met=met,
        )
    )


# -- SITE-14, SITE-15: service transfer and windows -----------------------------------------------


def service_transfer(situation: TransferSituation) -> Result[ServiceTransfer]:
    """Where a relocated person's pension, medical insurance and dibao are handled (SITE-14).

    公共服务转移接续: a decision table from 篇一 §二(四)2 (no numbers, so no policy).
    """
    if not isinstance(situation, TransferSituation):
        raise InputError(
            obj="service_transfer",
            field="situation",
            value=situation,
            expected="a TransferSituation",
            code="site.error.situation_type",
            extra={"type": "TransferSituation"},
        )
    s = situation
    cite = _cite("§二(四)2")
    across = s.scope is MoveScope.ACROSS_COUNTIES
    # Pension (城乡居民养老保险)
    pension_note: Note | None = None
    if s.pension is PensionStatus.DRAWING:
        pension = Handling.STAY_ORIGINAL
    elif s.pension is PensionStatus.CONTRIBUTING:
        if not s.registration_moved:
            pension = Handling.ORIGINAL_REGISTRATION_PLACE
        elif across:
            pension = Handling.TRANSFER
        else:
            pension = Handling.CHANGE_ADDRESS_ONLY
    else:
        pension = Handling.NOT_STATED
        pension_note = warning("site.note.pension_not_stated")
    # Medical insurance (城乡居民基本医疗保险)
    if not across or not s.registration_moved:
        medical = Handling.STAY_ORIGINAL
    elif s.medically_insured:
        medical = Handling.DESTINATION_NEXT_YEAR
    else:
        medical = Handling.NEW_REGISTRATION_PLACE
    # Minimum living allowance (最低生活保障)
    dibao_note: Note | None = None
    if s.registration_moved or s.residence_permit:
        if s.hukou is None:
            dibao = Handling.NOT_RECORDED
            dibao_note = warning("site.note.hukou_not_recorded")
        else:
            dibao = (
                Handling.SITE_RURAL_DIBAO
                if s.hukou is HukouType.AGRICULTURAL
                else Handling.SITE_URBAN_DIBAO
            )
            dibao_note = warning("site.note.dibao_conditions")
    elif s.residence_permit is None:
        dibao = Handling.NOT_RECORDED
        dibao_note = warning("site.note.permit_not_recorded")
    else:
        dibao = Handling.ORIGIN_POLICIES
    rec = Recorder("SITE-14")
    rec.step(
        "site.transfer.pension",
        status=s.pension,
        scope=s.scope,
        moved=s.registration_moved,
        handling=pension,
        citation=cite,
        notes=(pension_note,),
    )
    rec.step(
        "site.transfer.medical",
        scope=s.scope,
        moved=s.registration_moved,
        insured=s.medically_insured,
        handling=medical,
        citation=cite,
    )
    rec.step(
        "site.transfer.dibao",
        moved=s.registration_moved,
        permit=s.residence_permit,
        hukou=s.hukou,
        handling=dibao,
        citation=cite,
        notes=(dibao_note,),
    )
    return rec.result(
        ServiceTransfer(
            person_id=s.person_id, pension=pension, medical_insurance=medical, dibao=dibao
        )
    )


_COORDINATORS: tuple[tuple[Service, Department], ...] = (
    (Service.EMPLOYMENT, Department.HUMAN_RESOURCES),
    (Service.PENSION, Department.HUMAN_RESOURCES),
    (Service.LABOUR_RIGHTS, Department.HUMAN_RESOURCES),
    (Service.HOUSEHOLD_REGISTRATION, Department.PUBLIC_SECURITY),
    (Service.DIBAO, Department.CIVIL_AFFAIRS),
    (Service.EXTREME_POVERTY_SUPPORT, Department.CIVIL_AFFAIRS),
    (Service.TEMPORARY_ASSISTANCE, Department.CIVIL_AFFAIRS),
    (Service.DISABILITY_ALLOWANCES, Department.CIVIL_AFFAIRS),
    (Service.HEALTH, Department.HEALTH),
    (Service.FAMILY_PLANNING, Department.HEALTH),
    (Service.MEDICAL_INSURANCE, Department.MEDICAL_SECURITY),
    (Service.MEDICAL_ASSISTANCE, Department.MEDICAL_SECURITY),
    (Service.PUBLIC_ORDER, Department.POLITICAL_LEGAL),
    (Service.MEDIATION, Department.POLITICAL_LEGAL),
    (Service.LEGAL_ADVICE, Department.POLITICAL_LEGAL),
    (Service.PROPERTY_SERVICES, Department.HOUSING),
)


def service_windows() -> Result[ServiceWindows]:
    """The site community's service windows and the department coordinating each service (SITE-15).

    便民服务窗口及牵头协调部门, from 篇一 §二(四)4 (a table, no numbers, so no policy).
    """
    cite = _cite("§二(四)4")
    rec = Recorder("SITE-15")
    rec.step("site.windows.list", windows=list(ServiceWindow), citation=cite)
    for department in Department:
        services = [s for s, d in _COORDINATORS if d is department]
        rec.step("site.windows.department", department=department, services=services, citation=cite)
    return rec.result(ServiceWindows(windows=tuple(ServiceWindow), coordinators=_COORDINATORS))


# -- SITE-16: township staffing -------------------------------------------------------------------


def township_staffing(policy: Policy) -> Result[TownshipStaffing]:
    """The township working group for its sites; 乡镇安置点管理服务工作专班 (SITE-16).

    One deputy leader in charge and 1–2 dedicated, established staff.
    """
    leaders = policy.param("site.township_deputy_leaders")
    staff_param = policy.param("site.township_staff")
    staff, note = _size_range(staff_param, Convention.MINIMUM)
    rec = Recorder("SITE-16")
    rec.step(
        "site.township",
        leaders=leaders.integer,
        staff=staff_param.range,
        recommended=staff.recommended,
        params=(leaders, staff_param),
        notes=(note,),
    )
    return rec.result(TownshipStaffing(deputy_leaders=leaders.integer, staff=staff))
