"""National parameters shared by several areas."""

from ..spec import ParameterSpec, Unit

SPECS = (
    ParameterSpec(
        name="core.poverty_line_2010_prices",
        unit=Unit.YUAN_PER_PERSON,
        rules=("ID-1", "MON-1"),
    ),
)
