"""Parameter declarations, one module per rule area; each module exposes ``SPECS``."""
