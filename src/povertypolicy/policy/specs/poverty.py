"""The national poverty line series (扶贫标准, current prices by year): ID-1, MON-1, MON-3."""

from ..spec import ParameterSpec, Unit

SPECS = (
    # Yuan per person per year at the year's prices; one value per calendar year.
    ParameterSpec(name="poverty.line", unit=Unit.YUAN_PER_PERSON, rules=("ID-1", "MON-1", "MON-3")),
    # Whether that year's figure was confirmed from a National Bureau of Statistics table.
    ParameterSpec(
        name="poverty.line_status",
        unit=Unit.CHOICE,
        rules=("ID-1", "MON-1", "MON-3"),
        choices=("published", "approximate", "unconfirmed"),
    ),
)
