"""Locate and read the rule data in ``patterns/``.

In a wheel the folder is packaged as ``summitclaims/patterns``; in a source checkout
(editable install, tests) it is the top-level ``patterns/`` of the repository.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

_HERE = Path(__file__).resolve().parent


class PatternFileError(ValueError):
    """A rule-data file is missing or malformed; the message names file and line."""


def patterns_dir() -> Path:
    for candidate in (_HERE / "patterns", _HERE.parent.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise PatternFileError(f"{_HERE / 'patterns'}: patterns folder not found (broken install?)")


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL rule file: one object a line, blank lines and ``//`` comments skipped."""
    return [row for _, row in numbered_rows(path)]


def numbered_rows(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of a JSONL rule file; errors name file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternFileError(f"{path}: cannot read: {exc}") from None
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternFileError(f"{path}:{n}: not valid JSON: {exc.msg}") from None
        if not isinstance(row, dict):
            raise PatternFileError(f"{path}:{n}: expected a JSON object")
        yield n, row


@lru_cache(maxsize=None)
def load_patterns(name: str) -> tuple[dict[str, Any], ...]:
    """Rows of ``patterns/<name>.jsonl``, cached per process (rule data never changes at run time)."""
    return tuple(read_jsonl(patterns_dir() / f"{name}.jsonl"))


def record_schema() -> dict[str, Any]:
    """The JSON Schema of the records (shipped inside the package)."""
    return json.loads((_HERE / "schema" / "record.schema.json").read_text(encoding="utf-8"))
