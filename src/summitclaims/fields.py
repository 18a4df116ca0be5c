"""Record fields that need no Doc: JSON-safe numbers and dates, the error record, record ids.
Shared by extraction (``records``) and by ``compare``, which reads records back."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from typing import Any


def number(x: float | int | None) -> float | None:
    """An amount as a float, always (1500000000.0, 2.55); NaN/inf -> None."""
    # One JSON type per column: readers that infer a column's type from its first rows (DuckDB's
    # read_json_auto, polars, sqlite-utils) otherwise take whole amounts for an integer column and
    # then round, refuse or store as text the fractional ones further down.
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def iso(d: dt.date | None) -> str | None:
    """A date as YYYY-MM-DD text for a record; None stays None."""
    return d.isoformat() if d else None


def parse_iso_date(value: object, *, prefix: bool = False) -> dt.date | None:
    """A date from a date, a datetime or ISO text (with ``prefix``, text starting YYYY-MM-DD, as
    "2025-02-11T09:00Z"); None or "" -> None. Raises ValueError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    return dt.date.fromisoformat(text[:10] if prefix else text)


def error_record(doc_id: str | None, message: str) -> dict[str, Any]:
    """The record of a document that could not be read or processed: ``message`` says why; no id yet."""
    return {"kind": "error", "doc": doc_id, "text": None, "char_start": None, "char_end": None,
            "sentence": None, "error": message}


# What makes a record itself, beyond its document and kind: offsets, and the normalised value, so
# that a re-run with other rules that reads the same words differently gets a new id.
_ID_FIELDS = {
    "document": (),
    "error": ("error",),
    "actor": ("name", "label"),
    "money": ("char_start", "char_end", "value", "low", "high", "currency"),
    "date": ("char_start", "char_end", "start", "end"),
    "quote": ("char_start", "char_end"),
}


def record_id(rec: dict[str, Any], occurrence: int = 0) -> str:
    """16 hex digits, the same for the same record on any machine and any ``--jobs``.
    ``occurrence`` > 0 tells apart the documents of a run that share a document id."""
    kind = str(rec.get("kind"))
    key = [rec.get("doc"), rec.get("kind"), occurrence] + [rec.get(f) for f in _ID_FIELDS.get(kind, ())]
    blob = json.dumps(key, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(blob.encode("utf-8"), digest_size=8).hexdigest()


def assign_ids(records: list[dict[str, Any]], occurrence: int = 0) -> list[dict[str, Any]]:
    """Set ``id`` on each record (first key, for people reading JSONL), in place."""
    for rec in records:
        rid = record_id(rec, occurrence)
        rec.pop("id", None)
        items = list(rec.items())
        rec.clear()
        rec["id"] = rid
        rec.update(items)
    return records
