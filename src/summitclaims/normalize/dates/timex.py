"""The TIMEX3 value of a resolved date ("1989-Q3", "1989-W44", "1989-SU", "198"), as TimeML
annotators write it: what readers of TimeBank-style data compare against (None for a range of
days, which TIMEX3 writes as two dates)."""
from __future__ import annotations

import datetime as dt

from . import calendar as cal

_SEASON_BY_MONTH = {m: name for name, m in cal.SEASON_FIRST_MONTH.items()}


def timex(start: dt.date | None, end: dt.date | None, granularity: str | None) -> str | None:
    """The value of the span [start, end] of this granularity, if it is one TIMEX3 unit."""
    if start is None or end is None or granularity is None:
        return None
    if granularity == "day":
        return start.isoformat() if start == end else None
    if granularity == "week":
        if cal.week_range(start) != (start, end):
            return None
        y, w, _ = start.isocalendar()
        return f"{y}-W{w:02d}"
    if granularity == "month":
        return f"{start.year}-{start.month:02d}" if (start, end) == cal.month_range(start.year, start.month) else None
    if granularity == "quarter":
        q = (start.month + 2) // 3
        return f"{start.year}-Q{q}" if (start, end) == cal.quarter_range(start.year, q) else None
    if granularity == "half":
        h = 1 if start.month <= 6 else 2
        return f"{start.year}-H{h}" if (start, end) == cal.half_range(start.year, h) else None
    if granularity == "season":
        name = _SEASON_BY_MONTH.get(start.month)
        return f"{start.year}-{name}" if name and (start, end) == cal.season_range(start.year, name) else None
    if granularity == "year":
        return str(start.year) if (start, end) == cal.year_range(start.year) else None
    if granularity == "decade":
        return str(start.year // 10) if (start, end) == cal.decade_range(start.year // 10) else None
    return None


def duration(count: int, unit: str) -> str:
    """A TIMEX3 duration value: (2, "year") -> "P2Y", (6, "week") -> "P6W"."""
    return f"P{count}{unit[0].upper()}"
