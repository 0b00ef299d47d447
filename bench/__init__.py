"""Benchmarks, run on demand (not in CI): see docs/performance.md."""
