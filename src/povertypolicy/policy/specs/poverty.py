"""The national poverty line series (扶贫标准, current prices by year): ID-1, MON-1, MON-3,
DATA-2."""

from ..spec import ParameterSpec, Unit

SPECS = (
    # Yuan per person per year at the year's prices; one value per calendar year.
    # DATA-2: a household marked out of poverty with income below the line is inconsistent.
    ParameterSpec(
        name="poverty.line", unit=Unit.YUAN_PER_PERSON, rules=("ID-1", "MON-1", "MON-3", "DATA-2")
    ),
    # Whether that year's figure was confirmed from a National Bureau of Statistics table.
    ParameterSpec(
        name="poverty.line_status",
        unit=Unit.CHOICE,
        rules=("ID-1", "MON-1", "MON-3"),
        choices=("published", "approximate", "unconfirmed"),
    ),
)
