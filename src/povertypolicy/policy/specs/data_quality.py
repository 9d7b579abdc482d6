"""Data-quality (data cleansing, 数据清洗) parameters: DATA-3 (poverty-work-plan-samples 篇7)."""

from ..spec import ParameterSpec, Side, Unit

SPECS = (
    # DATA-3: a helper with this many households at the same time is "one helps many" (一帮多).
    ParameterSpec(
        name="data_quality.many_households",
        unit=Unit.HOUSEHOLDS,
        rules=("DATA-3",),
        threshold=Side.LOWER,
    ),
)
