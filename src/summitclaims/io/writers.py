"""Serialise records to a text stream: JSON Lines, one JSON array or CSV, written as they come
(Parquet: ``io.arrow``)."""
from __future__ import annotations

import io
import json
from typing import Any, Iterable, TextIO


def dumps(record: dict[str, Any]) -> str:
    """One record as JSON text, non-ASCII kept as is; NaN or infinity raise ValueError rather than write bad JSON."""
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


class Writer:
    """What every output writer does: ``write`` a document's records (``continues``: they are a
    later part of the previous document's), ``close`` at the end of a good run, ``abort`` when a
    run is cut short (nothing more is written)."""

    def write(self, records: Iterable[dict[str, Any]], continues: bool = False) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass


class JsonlWriter(Writer):
    """One JSON object a line, flushed per document so a consumer sees whole lines as they finish."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, records: Iterable[dict[str, Any]], continues: bool = False) -> None:
        # one write + flush per document, so a consumer (| head, | jq) sees whole lines as they finish
        self.stream.write("".join(dumps(r) + "\n" for r in records))
        self.stream.flush()


class JsonArrayWriter(Writer):
    """One JSON array, a record a line (``[]`` for none); after ``abort`` it has no closing bracket."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.first = True

    def write(self, records: Iterable[dict[str, Any]], continues: bool = False) -> None:
        parts = []
        for r in records:
            parts.append(("[\n" if self.first else ",\n") + dumps(r))
            self.first = False
        self.stream.write("".join(parts))
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("[]\n" if self.first else "\n]\n")
        self.stream.flush()


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP's list: tab and
# carriage return too, since some programs skip them and read what follows)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it: a leading ``'`` when it could start a formula."""
    # spaces first too: some spreadsheets trim them before they read the cell ("  =1+1")
    return "'" + text if text.lstrip(" ").startswith(FORMULA_STARTS) else text


class CsvWriter(Writer):
    """One flat row per record; lists and objects as JSON text; absent fields empty. Text cells
    that a spreadsheet would run as a formula get a leading ``'`` unless ``raw``; numbers never
    (a negative amount stays a number)."""

    def __init__(self, stream: TextIO, columns: list[str], raw: bool = False):
        import csv

        self.stream = stream
        self.columns = columns
        self.raw = raw
        # The csv module quotes a cell for the characters of its line terminator only: with "\n", a
        # bare carriage return went out unquoted and readers split the row there. Rows are made
        # with "\r\n" into a buffer, and written ending in "\n" as before.
        self.buffer = io.StringIO()
        self.writer = csv.DictWriter(self.buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
        self.writer.writeheader()
        self.stream.write(self._take_row())

    def _take_row(self) -> str:
        row = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return row[:-2] + "\n"

    @staticmethod
    def _cell(value: Any) -> Any:
        if isinstance(value, (list, dict)):
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, bool):
            return "true" if value else "false"
        return "" if value is None else value

    def _safe_cell(self, value: Any) -> Any:
        # lists and objects are JSON text, which starts with [ or {: only strings can start a formula
        return neutralise(value) if isinstance(value, str) else self._cell(value)

    def write(self, records: Iterable[dict[str, Any]], continues: bool = False) -> None:
        cell = self._cell if self.raw else self._safe_cell
        rows = []
        for r in records:
            self.writer.writerow({k: cell(v) for k, v in r.items()})
            rows.append(self._take_row())
        self.stream.write("".join(rows))
        self.stream.flush()
