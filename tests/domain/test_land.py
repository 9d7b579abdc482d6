"""Land domain objects: Expropriation, Attachment, PaymentLedger; validation and JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import povertypolicy as pp
from povertypolicy import Area, Money


def parcel(pid: str = "p1", mu: str = "2", by: str | None = "H1") -> pp.Parcel:
    return pp.Parcel(id=pid, area=Area.mu(mu), land_type=pp.LandType.CULTIVATED, contracted_by=by)


def household(hid: str = "H1") -> pp.Household:
    return pp.Household(id=hid, members=[pp.Person(id=f"{hid}a", birth_date=dt.date(1970, 1, 1))])


def case(**kw: object) -> pp.Expropriation:
    base: dict[str, object] = {
        "collective": "V1",
        "approved_on": dt.date(2019, 3, 1),
        "parcels": [parcel(), parcel("p2", "1.5", None)],
        "households": [household()],
        "attachments": [
            pp.Attachment(
                id="a1", kind=pp.AttachmentKind.YOUNG_CROPS, owner="H1", amount=Money("99.99")
            )
        ],
        "village_land": Area.mu("900"),
        "population_16_plus": 700,
        "already_insured": 50,
    }
    base.update(kw)
    return pp.Expropriation(**base)  # type: ignore[arg-type]


def test_expropriation_basics() -> None:
    exp = case()
    assert exp.area == Area.mu("3.5")
    assert exp.area_of([pp.LandType.OTHER_AGRICULTURAL]) == Area.zero()
    assert exp.parties == {"V1", "H1", "social-security-fund"}
    assert exp.household("H1").id == "H1"
    with pytest.raises(pp.InputError):
        exp.household("H9")


def test_parcel_with_negative_area_is_refused() -> None:
    with pytest.raises(pp.InputError, match="zero or more") as neg:
        Area.mu("-1")
    assert (neg.value.obj, neg.value.code) == ("Area", "core.error.area_negative")
    with pytest.raises(pp.InputError, match="an area > 0") as info:
        pp.Parcel(id="p1", area=Area.mu("0"), land_type=pp.LandType.CULTIVATED)
    assert (info.value.obj, info.value.field) == ("Parcel", "area")


def test_parcel_with_negative_area_in_json_names_the_path() -> None:
    data = case().to_dict()
    data["parcels"][1]["area"] = {"value": "-0.5", "unit": "mu"}
    with pytest.raises(pp.InputError, match="zero or more") as info:
        pp.Expropriation.from_dict(data)
    assert "parcels[1]" in info.value.obj
    assert info.value.code == "core.error.area_negative"


def test_parcel_of_an_unknown_household_is_refused() -> None:
    with pytest.raises(pp.InputError, match="household listed"):
        case(parcels=[parcel(by="H7")])


def test_parcel_of_another_collective_is_refused() -> None:
    other = pp.Parcel(id="p9", area=Area.mu("1"), land_type=pp.LandType.CULTIVATED, collective="V2")
    with pytest.raises(pp.InputError, match="collective"):
        case(parcels=[other])


def test_duplicate_ids_and_inconsistent_figures() -> None:
    with pytest.raises(pp.InputError, match="unique"):
        case(parcels=[parcel(), parcel()])
    with pytest.raises(pp.InputError, match="already_insured"):
        case(already_insured=701)
    with pytest.raises(pp.InputError, match="parcel"):
        case(
            attachments=[
                pp.Attachment(
                    id="a",
                    kind=pp.AttachmentKind.ATTACHMENT,
                    owner="X",
                    amount=Money("1"),
                    parcel="nope",
                )
            ]
        )
    with pytest.raises(pp.InputError, match="at least one Parcel"):
        case(parcels=[])


def test_attachment_amount_must_be_positive() -> None:
    with pytest.raises(pp.InputError, match="> 0"):
        pp.Attachment(id="a", kind=pp.AttachmentKind.ATTACHMENT, owner="X", amount=Money.zero())
    with pytest.raises(pp.InputError, match="AttachmentKind"):
        pp.Attachment(id="a", kind="fixture", owner="X", amount=Money("1"))  # type: ignore[arg-type]


def test_expropriation_json_round_trip() -> None:
    exp = case()
    text = json.dumps(exp.to_dict(), ensure_ascii=False)
    assert pp.Expropriation.from_dict(json.loads(text)) == exp


def test_ledger_from_rows_and_json() -> None:
    rows = [
        {"payee": "H1", "amount": "1200.50", "paid_on": "2019-04-01", "reference": "V-001"},
        {"payee": "V1", "amount": 3000, "paid_on": "2019-04-02"},
    ]
    ledger = pp.PaymentLedger.from_rows(rows)
    assert ledger.entries[0].amount == Money("1200.50")
    assert ledger.entries[1].paid_on == dt.date(2019, 4, 2)
    assert ledger.payees() == {"H1", "V1"}
    assert pp.PaymentLedger.from_json(json.dumps(rows)) == ledger
    assert pp.PaymentLedger.from_json(json.dumps({"entries": rows})) == ledger


@pytest.mark.parametrize("bad", ["2019-02-30", "2019/04/01", "1 April 2019", 20190401])
def test_ledger_with_a_malformed_date_names_the_row(bad: object) -> None:
    rows = [
        {"payee": "H1", "amount": "1", "paid_on": "2019-04-01"},
        {"payee": "H1", "amount": "1", "paid_on": bad},
    ]
    with pytest.raises(pp.InputError, match="ISO date") as info:
        pp.PaymentLedger.from_rows(rows)
    assert info.value.obj == "PaymentLedger.entries[1]"
    assert info.value.field == "paid_on"
    assert info.value.value == bad


def test_ledger_with_bad_amounts_or_keys() -> None:
    with pytest.raises(pp.InputError, match="amount"):
        pp.PaymentLedger.from_rows([{"payee": "H1", "amount": 1.5, "paid_on": "2019-04-01"}])
    with pytest.raises(pp.InputError, match="> 0"):
        pp.PaymentLedger.from_rows([{"payee": "H1", "amount": "0", "paid_on": "2019-04-01"}])
    with pytest.raises(pp.InputError, match="unknown key"):
        pp.PaymentLedger.from_rows(
            [{"payee": "H1", "amount": "1", "paid_on": "2019-04-01", "memo": "x"}]
        )
    with pytest.raises(pp.InputError, match="valid JSON"):
        pp.PaymentLedger.from_json("[{")
