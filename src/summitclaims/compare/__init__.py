"""Compare and roll up records: plain functions, no printing (the CLI renders)."""
from __future__ import annotations

from .diff import diff, differs
from .load import iter_records, read_records

__all__ = ["diff", "differs", "iter_records", "read_records"]
