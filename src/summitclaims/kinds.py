"""The record kinds, and ``--only`` parsing; no spaCy import, so the CLI can check ``--only`` at once."""
from __future__ import annotations

from typing import Iterable

RECORD_KINDS = ("document", "actor", "money", "date", "quote", "error")
KIND_ORDER = ("actor", "money", "date", "quote")    # after the document record, in this order

# what --only accepts: each kind in the singular, and the plural the help text uses
KIND_NAMES = {
    "actor": "actor", "actors": "actor",
    "money": "money",
    "date": "date", "dates": "date",
    "quote": "quote", "quotes": "quote",
}


def parse_kinds(spec: str | Iterable[str] | None) -> frozenset[str] | None:
    """"money,dates" -> {"money", "date"}; None or empty -> None (every kind). Raises ValueError."""
    if spec is None:
        return None
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    kinds = set()
    for item in (i.strip().lower() for i in items):
        if not item:
            continue
        if item not in KIND_NAMES:
            raise ValueError(f"unknown kind {item!r}: choose from actors, money, dates, quotes")
        kinds.add(KIND_NAMES[item])
    return frozenset(kinds) or None
