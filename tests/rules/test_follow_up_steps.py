"""Step-by-step tests (mutation selection)."""
