"""Benchmarks run by `make bench` (pytest-benchmark); never part of `make test`."""
