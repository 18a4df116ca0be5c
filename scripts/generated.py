"""Writing a generated rule table: its header comment, then one JSON row a line."""
from __future__ import annotations

import json
from pathlib import Path


def write_table(path: Path, header: str, rows: list[dict]) -> None:
    """``header`` (a ``//`` comment naming the script and its source) and ``rows`` into ``path``."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header + "\n")
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
