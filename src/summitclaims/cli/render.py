"""Rich tables for people: one table per kind, rows from every document."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

COLUMNS = {
    "document": ("doc", "published", "published_source", "chars"),
    "actor": ("doc", "name", "label", "mentions", "role", "aliases"),
    "money": ("doc", "text", "value", "low", "high", "currency", "qualifier", "period", "actor"),
    "date": ("doc", "text", "start", "end", "granularity"),
    "quote": ("doc", "speaker", "type", "quote", "speaker_text", "cue", "stance"),
    "error": ("doc", "error"),
}
TITLES = {"document": "Documents", "actor": "Actors", "money": "Money", "date": "Dates",
          "quote": "Quotes", "error": "Errors"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"     # amounts are floats in the records; a table shows 5,000,000
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def literal(*cells: Any) -> list[Any]:
    """Cells for a Rich table: text as Text, which Rich shows as written; a plain string it would
    read as markup (a quote's ``[/]`` raised, ``[link=...]`` made a link) and as emoji codes.
    Cells that are Rich renderables already (styled Text) pass as they are."""
    return [Text(c) if isinstance(c, str) else c for c in cells]


class TableView:
    """Collects records, renders at close (tables need every row to size their columns)."""

    def __init__(self, stream: TextIO):
        self.console = Console(file=stream, soft_wrap=False)
        self.rows: dict[str, list[dict[str, Any]]] = {k: [] for k in COLUMNS}

    def write(self, records: Iterable[dict[str, Any]], continues: bool = False) -> None:
        for r in records:
            self.rows.setdefault(r["kind"], []).append(r)

    def abort(self) -> None:
        pass

    def close(self) -> None:
        for kind, cols in COLUMNS.items():
            rows = self.rows.get(kind) or []
            if not rows:
                continue
            table = Table(title=f"{TITLES[kind]} ({len(rows)})", title_justify="left", show_lines=kind == "quote")
            for c in cols:
                table.add_column(c, overflow="fold", max_width=70 if c in ("quote", "error") else None)
            for r in rows:
                table.add_row(*literal(*(_cell(r.get(c)) for c in cols)))
            self.console.print(table)


def make_writer(fmt: str, stream: TextIO, csv_raw: bool = False):
    """The writer for an output format: table (people), jsonl, json, csv, parquet (scripts);
    ``csv_raw`` leaves CSV text cells that look like formulas as they are."""
    from ..io import writers

    if fmt == "table":
        return TableView(stream)
    if fmt == "parquet":
        from ..io.arrow import ParquetWriter

        return ParquetWriter(stream)  # type: ignore[arg-type]  # Target opened it binary
    if fmt == "csv":
        from ..columns import schema_columns
        from ..resources import record_schema

        return writers.CsvWriter(stream, schema_columns(record_schema()), raw=csv_raw)
    return (writers.JsonlWriter if fmt == "jsonl" else writers.JsonArrayWriter)(stream)


@contextmanager
def progress(show: bool) -> Iterator[Callable[[], None]]:
    """A Rich progress line on stderr (documents, docs/s, elapsed) or, when not shown, a no-op."""
    if not show:
        yield lambda: None
        return
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(), TextColumn("extracting"), MofNCompleteColumn(), TextColumn("docs"),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console, transient=True,
    ) as bar:
        task = bar.add_task("extract", total=None, rate="")

        def advance() -> None:
            bar.advance(task)
            t = bar.tasks[task]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:.1f} docs/s")

        yield advance
