"""Benchmarks of opinipp against pandas (not part of the package or the tests)."""
