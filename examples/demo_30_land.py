"""Land expropriation (LAND-1..LAND-13) for a sample village, explained in three locales."""

from __future__ import annotations

import datetime as dt
import pathlib
import tempfile
import textwrap

import povertypolicy as pp
from povertypolicy import Area, Money
from povertypolicy.rules import land

PROVINCE = """
id = "demo-province-land"
title = "示例省征地补偿标准（演示）"
issuer = "示例省人民政府"
parent = "cn"
source = { document = "示例省征地统一年产值和区片综合地价通知", section = "全文" }

[parameters."land.annual_output_value"]
unit = "yuan_per_mu"
citation = { document = "示例省征地统一年产值和区片综合地价通知", section = "附表一" }
values = [{ from = 2015-01-01, until = 2019-12-31, value = "1800" }]

[parameters."land.land_compensation_multiple"]
unit = "times"
citation = { document = "示例省征地统一年产值和区片综合地价通知", section = "二" }
values = [{ from = 2015-01-01, until = 2019-12-31, value = "10" }]

[parameters."land.resettlement_multiple"]
unit = "times"
citation = { document = "示例省征地统一年产值和区片综合地价通知", section = "二" }
values = [{ from = 2015-01-01, until = 2019-12-31, value = "6" }]

[parameters."land.household_share_of_land_compensation"]
unit = "percent"
citation = { document = "示例省征地补偿费分配办法", section = "第五条" }
values = [{ from = 2015-01-01, value = "70" }]

[parameters."land.resettlement_subsidy_payee"]
unit = "choice"
citation = { document = "示例省征地补偿费分配办法", section = "第六条" }
values = [{ from = 2015-01-01, value = "households" }]
"""


def main() -> None:
    folder = pathlib.Path(tempfile.mkdtemp())
    (folder / "province.toml").write_text(textwrap.dedent(PROVINCE), encoding="utf-8")
    approved = dt.date(2019, 3, 1)
    province = pp.Policy.load(folder / "province.toml", on=approved)
    taizhou = pp.Policy.load("zj-taizhou-expropriated-farmers-2019", on=dt.date(2019, 9, 1))

    def people(hid: str, n: int) -> list[pp.Person]:
        return [
            pp.Person(id=f"{hid}-{i}", birth_date=dt.date(1970 + i, 3, 1), pension_insured=False)
            for i in range(n)
        ]

    exp = pp.Expropriation(
        collective="V-Dongshan",
        approved_on=approved,
        parcels=[
            pp.Parcel(
                id="P-1", area=Area.mu("4.2"), land_type=pp.LandType.CULTIVATED, contracted_by="H-1"
            ),
            pp.Parcel(
                id="P-2", area=Area.mu("2.5"), land_type=pp.LandType.CULTIVATED, contracted_by="H-2"
            ),
            pp.Parcel(
                id="P-3", area=Area.mu("1.3"), land_type=pp.LandType.CULTIVATED, contracted_by="H-3"
            ),
        ],
        households=[
            pp.Household(id="H-1", members=people("H-1", 4)),
            pp.Household(id="H-2", members=people("H-2", 3)),
            pp.Household(id="H-3", members=people("H-3", 1)),
        ],
        attachments=[
            pp.Attachment(
                id="A-1", kind=pp.AttachmentKind.YOUNG_CROPS, owner="H-2", amount=Money("960")
            )
        ],
        per_capita_cultivated_before=Area.mu("0.45"),
        village_land=Area.mu("600"),
        population_16_plus=500,
        already_insured=120,
    )
    split = land.split_compensation(exp, province)
    quota = land.quota_by_land(exp, taizhou)
    places = land.allocate_places(exp, quota.value, taizhou)
    ledger = pp.PaymentLedger.from_rows(
        [
            {"payee": "V-Dongshan", "amount": "43200.00", "paid_on": "2019-05-06"},
            {"payee": "H-1", "amount": "60000.00", "paid_on": "2019-06-20"},
            {"payee": "H-2", "amount": "20000.00", "paid_on": "2019-05-06"},
        ]
    )
    audit = land.audit_payments(split.value, ledger, province, as_of=dt.date(2019, 7, 1))
    for locale in ("zh_Hans", "zh_Hant", "en"):
        print(f"\n--- {locale}: split_compensation ---")
        print(split.explain(locale))
        print(f"\n--- {locale}: quota_by_land + allocate_places ---")
        print(quota.explain(locale))
        print(places.explain(locale))
        print(f"\n--- {locale}: audit_payments ---")
        print(audit.explain(locale))
    print("\nReady to pay:")
    for row in split.value.to_rows():
        print(f"  {row['payee']:<12} {row['payee_kind']:<12} {row['amount']:>12}")


if __name__ == "__main__":
    main()
