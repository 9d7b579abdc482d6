"""Rules: pure functions ``rule(subject, policy, ...) -> Result[T]``, one module per policy area."""

from . import housing

__all__ = ["housing"]
