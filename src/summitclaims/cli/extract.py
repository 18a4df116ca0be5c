"""`summitclaims extract`: a thin wrapper over summitclaims.runner.run."""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer

from .common import (
    actor_files,
    actors_option,
    check_globs,
    error,
    given_date,
    given_size,
    id_key_option,
    input_format_option,
    keep_text_option,
    load_pipeline,
    max_size_option,
    model_option,
    only_option,
    published_key_option,
    published_option,
    quiet_option,
    text_key_option,
    warning,
)
from .output import (
    BINARY_FORMATS,
    Format,
    Target,
    csv_raw_option,
    format_option,
    output_option,
    overwrites_input,
    resolve_format,
)


def extract_command(
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="PATH",
        help="Articles: text, HTML or JSONL files (.gz too) and folders (recursive); '-' or nothing reads stdin.",
        show_default=False,
    ),
    published: Optional[str] = published_option(
        "Publication date for articles that carry none, to resolve relative dates; "
        "default: a dateline at the top of the text, else none."),
    fmt: Optional[Format] = format_option("jsonl"),
    output: Optional[Path] = output_option(Format, "jsonl"),
    csv_raw: bool = csv_raw_option(),
    only: Optional[str] = only_option(
        "Comma list of actors, money, dates, quotes: write only these kinds (the same records "
        "as a full run) and run only the steps they read."),
    rules_only: bool = typer.Option(
        False, "--rules-only", metavar="",
        help="Money and dates from the rules alone, without the statistical model: about ten times as "
             "fast, but amounts carry no actor and no type read from the parse, and a weekday's tense is "
             "guessed from nearby words. Implies --only money,dates (which it may narrow)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N", help="Processes to use (0: every core)."),
    input_format: str = input_format_option(),
    text_key: str = text_key_option(),
    id_key: str = id_key_option(),
    published_key: str = published_key_option(),
    glob: Optional[List[str]] = typer.Option(
        None, "--glob", metavar="PATTERN", callback=check_globs,
        help="Folders: file name patterns to read (default: *.txt, *.html, *.jsonl, ... and .gz); repeatable.",
    ),
    keep_text: bool = keep_text_option(),
    strict: bool = typer.Option(False, "--strict", metavar="", help="Stop at the first input that cannot be read."),
    max_size: Optional[str] = max_size_option(),
    quiet: bool = quiet_option(),
    model: Optional[str] = model_option(),
    actors: Optional[List[Path]] = actors_option(),
) -> None:
    """Extract records from articles: one document record per input, then actors, money, dates, quotes.

    Exit codes: 0 all inputs processed; 1 some inputs failed (the others' records are written) or the
    output could not be written; 2 usage error; 130 interrupted.
    """
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise typer.BadParameter("no input: give a PATH, '-', or pipe text in", param_hint="PATH")
        paths = ["-"]
    chosen = resolve_format(fmt, output)
    if overwrites_input(output, paths):
        raise typer.BadParameter(f"{output}: is one of the inputs", param_hint="'--output'")

    # heavy imports only once a command runs, so --help stays fast
    from .. import runner
    from ..io.readers import DEFAULT_GLOBS, ReadOptions, iter_articles
    from ..kinds import KIND_ORDER, parse_kinds
    from .render import make_writer, progress

    actors_files = actor_files(actors)
    load_pipeline(model, actors_files)      # a missing model or a bad table stops here, exit 2

    read = ReadOptions(input_format=input_format, text_key=text_key, id_key=id_key,
                       published_key=published_key, globs=tuple(glob) if glob else DEFAULT_GLOBS,
                       max_bytes=given_size(max_size), skip=(str(output),) if output else ())
    try:
        opts = runner.RunOptions(published=given_date(published), kinds=parse_kinds(only), keep_text=keep_text,
                                 rules_only=rules_only)
    except ValueError as exc:               # --rules-only with kinds that need the model
        raise typer.BadParameter(str(exc), param_hint="'--rules-only'") from None
    counts: Counter = Counter()
    failed = docs = 0
    previous = None
    started = time.perf_counter()
    show_progress = not quiet and sys.stderr.isatty()
    target = Target(output, binary=chosen in BINARY_FORMATS)
    with target as stream, progress(show_progress) as advance:
        writer = make_writer(chosen, stream, csv_raw=csv_raw)
        try:
            for article, records in runner.run(iter_articles(paths, opts=read), opts, model=model,
                                              actors_files=actors_files, jobs=jobs):
                for w in article.warnings:
                    warning(f"{article.doc_id}: {w}")
                writer.write(records, continues=article is previous)   # a long article: several parts
                counts.update(r["kind"] for r in records)
                docs += sum(r["kind"] == "document" for r in records)
                if records and records[0]["kind"] == "error":
                    failed += 1
                    error(f"{article.doc_id}: {records[0]['error']}")
                    if strict:
                        target.keep_old = True      # a failed run keeps the old FILE, as Ctrl-C does
                        break
                if article is not previous:
                    advance()
                    previous = article
        except BaseException:
            writer.abort()      # no closing bracket or Parquet footer: a cut run must not look whole
            raise
        if target.keep_old:
            writer.abort()      # a run --strict stopped is cut short too
        else:
            writer.close()
    if not quiet:
        kinds = ", ".join(f"{k} {counts[k]}" for k in KIND_ORDER if counts[k])
        total = sum(v for k, v in counts.items() if k in KIND_ORDER)
        typer.echo(
            f"summitclaims: {docs} documents, {total} records ({kinds or 'none'}), "
            f"{failed} errors, {time.perf_counter() - started:.1f} s",
            err=True,
        )
    if failed:
        raise typer.Exit(1)
