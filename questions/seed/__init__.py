"""The seeded question bank: two source articles kept as data, and the bank written from them.

``load_seed_bank`` loads it; nothing here reads anything outside this package.
"""

from __future__ import annotations

from pathlib import Path

SOURCES_DIR = Path(__file__).resolve().parent / "sources"


def source_text(slug: str) -> str:
    """The kept text of the seeded source ``slug`` (its article body, without page furniture)."""
    return (SOURCES_DIR / f"{slug}.txt").read_text(encoding="utf-8")
