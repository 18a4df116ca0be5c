"""The output options every command shares, and a file target written through a temporary file."""
from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Optional, TextIO

import typer


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


FORMAT_OPTION = typer.Option(
    None, "--format", "-f", help="Output format (default: table on a terminal, jsonl otherwise)."
)
OUTPUT_OPTION = typer.Option(
    None, "--output", "-o", help="Write to FILE (atomically: a failed run leaves no half file).",
    dir_okay=False, writable=True,
)


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
