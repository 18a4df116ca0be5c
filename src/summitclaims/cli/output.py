"""The output options every command shares, and a file target written through a temporary file."""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Iterable, Optional, TextIO

import typer


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


FORMAT_OPTION = typer.Option(
    None, "--format", "-f", help="Output format (default: table on a terminal, jsonl otherwise)."
)
OUTPUT_OPTION = typer.Option(
    None, "--output", "-o", help="Write to FILE (atomically: a failed run leaves no half file).",
    dir_okay=False, writable=True,
)


def parse_date_option(value: Optional[str]) -> Optional[dt.date]:
    """Callback for --published: an ISO date or a usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def resolve_format(fmt: Optional[Format], output: Optional[Path]) -> Format:
    if fmt is not None:
        return fmt
    return Format.table if output is None and sys.stdout.isatty() else Format.jsonl


class Target:
    """stdout, or FILE written via a temp file in the same folder and renamed on success."""

    def __init__(self, output: Optional[Path]):
        self.output = output
        self.tmp: Optional[str] = None
        self.stream: TextIO = sys.stdout

    def __enter__(self) -> TextIO:
        if self.output is not None:
            folder = self.output.parent if str(self.output.parent) else Path(".")
            try:
                fd, self.tmp = tempfile.mkstemp(prefix=f".{self.output.name}.", suffix=".tmp", dir=folder)
            except OSError as exc:
                raise typer.BadParameter(f"{self.output}: {exc.strerror or exc}", param_hint="'--output'")
            self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.stream

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.tmp is None:
            return
        self.stream.close()
        if exc_type is None:
            os.replace(self.tmp, self.output)
        else:
            os.unlink(self.tmp)


def write_json(stream: TextIO, obj: object) -> None:
    """One JSON document (indented: it is read by people as often as by scripts)."""
    import json

    stream.write(json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=2) + "\n")


def write_jsonl(stream: TextIO, rows: Iterable[object]) -> None:
    """One JSON object a line."""
    import json

    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")


def human_amount(value: Optional[float], currency: Optional[str] = None) -> str:
    """1.09e11, 'EUR' -> 'EUR 109 bn': short enough for a table cell."""
    if value is None:
        return ""
    for size, unit in ((1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k")):
        if abs(value) >= size:
            text = f"{value / size:,.2f}".rstrip("0").rstrip(".") + unit
            break
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{currency} {text}" if currency else text
