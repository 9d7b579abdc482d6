"""Follow-up support after relocation (易地扶贫搬迁后续扶持), relocation-follow-up-documents 篇二,
第二篇, 第三篇, 第五篇:
FOLLOW-1..FOLLOW-8.

One pack per source document: ``county-relocation-follow-up-2020`` (篇二: training, a job,
dibao, dated demolition), ``sn-city-relocation-plan-2019`` (Shaanxi: old houses, homestead
award, three rates), ``cq-chengkou-subdistrict-relocation-follow-up-2020`` (Chengkou:
subsidies, one-year transition), ``jx-county-relocation-follow-up-measures`` (Jiangxi: one job
per household, 90-yuan insurance). The ledger form is ``follow_up.checks``.
"""

from .checks import FollowUpChecks, Outcome, follow_up_checks
from .old_house import (
    AwardState,
    DemolitionCheck,
    DemolitionState,
    HomesteadAward,
    Limit,
    LimitKind,
    OldHouseFact,
    demolition,
    homestead_award,
)
from .site import INTEGRATION, three_rates_one_degree
from .subsidies import (
    AwardCheck,
    CappedAmount,
    IndustryKind,
    InHomeBusiness,
    RangeAmount,
    VegetablePlot,
    WelfareJobs,
    broker_award,
    employment_award,
    enterprise_award,
    household_industry_topup,
    in_home_business_subsidy,
    industry_subsidy,
    livestock_pen_award,
    qualifying_people,
    vegetable_plot_subsidy,
    welfare_jobs,
)
from .support import (
    DibaoCheck,
    DibaoCondition,
    DibaoState,
    EmploymentCheck,
    EmploymentState,
    MemberTraining,
    TrainingCheck,
    TrainingState,
    serious_illness_premium,
    stable_employment,
    training,
    transitional_dibao,
)

__all__ = [
    "INTEGRATION",
    "AwardCheck",
    "AwardState",
    "CappedAmount",
    "DemolitionCheck",
    "DemolitionState",
    "DibaoCheck",
    "DibaoCondition",
    "DibaoState",
    "EmploymentCheck",
    "EmploymentState",
    "FollowUpChecks",
    "HomesteadAward",
    "InHomeBusiness",
    "IndustryKind",
    "Limit",
    "LimitKind",
    "MemberTraining",
    "OldHouseFact",
    "Outcome",
    "RangeAmount",
    "TrainingCheck",
    "TrainingState",
    "VegetablePlot",
    "WelfareJobs",
    "broker_award",
    "demolition",
    "employment_award",
    "enterprise_award",
    "follow_up_checks",
    "homestead_award",
    "household_industry_topup",
    "in_home_business_subsidy",
    "industry_subsidy",
    "livestock_pen_award",
    "qualifying_people",
    "serious_illness_premium",
    "stable_employment",
    "three_rates_one_degree",
    "training",
    "transitional_dibao",
    "vegetable_plot_subsidy",
    "welfare_jobs",
]
