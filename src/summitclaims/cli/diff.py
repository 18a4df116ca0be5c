"""`summitclaims diff A B`: what two articles (or folders, or record files) say alike and apart."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, TextIO

import typer

from .common import USAGE, check_tables, error, given_date, load_pipeline, model_option, published_option
from .output import (
    ReportFormat,
    Target,
    format_option,
    human_amount,
    output_option,
    overwrites_input,
    resolve_format,
    write_json,
    write_jsonl,
)

SECTIONS = (("same", "same", "green"), ("conflict", "conflicts", "red"),
            ("only_a", "only in A", "yellow"), ("only_b", "only in B", "yellow"))


def _fraction(value: float) -> float:
    if not 0 <= value < 1:
        raise typer.BadParameter(f"{value} is not a fraction in [0, 1)")
    return value


def published_inputs_option() -> Any:
    """--published of diff and summarise: it dates article inputs only (record files carry their own)."""
    return published_option("Publication date of article inputs (record files carry their own).")


def model_inputs_option() -> Any:
    """--model of diff and summarise: loaded only if some input is an article."""
    return model_option("spaCy pipeline for article inputs.")


def tolerance_option() -> Any:
    """--tolerance, a fraction in [0, 1), default 0.02: the relative gap up to which amounts in one currency match."""
    return typer.Option(0.02, "--tolerance", metavar="FRACTION", callback=_fraction,
                        help="Relative difference under which two amounts in one currency are the same.")


def fx_tolerance_option() -> Any:
    """--fx-tolerance, a fraction in [0, 1), default 0.03: the same for amounts in two currencies, in USD."""
    return typer.Option(0.03, "--fx-tolerance", metavar="FRACTION", callback=_fraction,
                        help="Relative difference of USD values under which amounts in two currencies are the same.")


def load_nlp(model: Optional[str]):
    """A loader the record reader calls only if some input is an article (exit 2 if it fails)."""
    return lambda: load_pipeline(model)


def report_errors(errors: List[Dict[str, Any]]) -> None:
    """An ``Error: doc: message`` line on stderr per error record; the caller decides whether the run fails."""
    for e in errors:
        error(f"{e.get('doc')}: {e.get('error')}")


def diff_command(
    a: str = typer.Argument(..., metavar="A", help="An article, a folder of articles, or a JSONL file of records."),
    b: str = typer.Argument(..., metavar="B", help="The same for the other side."),
    fmt: Optional[ReportFormat] = format_option("jsonl"),
    output: Optional[Path] = output_option(ReportFormat, "jsonl"),
    exit_code: bool = typer.Option(False, "--exit-code", metavar="",
                                   help="Exit with 1 when anything differs, as git diff does."),
    published: Optional[str] = published_inputs_option(),
    model: Optional[str] = model_inputs_option(),
    tol: float = tolerance_option(),
    fx_tol: float = fx_tolerance_option(),
) -> None:
    """Pair the money claims, quotes, actors and dates of A and B: same, conflicts, only in A, only in B.

    Exit codes: 0 done (with --exit-code: nothing differs), 1 something differs (--exit-code only),
    2 an input could not be read (nothing compared), a line of one was bad (the rest compared), or a usage error.
    """
    chosen = resolve_format(fmt, output, "jsonl", ReportFormat)
    if overwrites_input(output, [a, b]):
        raise typer.BadParameter(f"{output}: is one of the inputs", param_hint="'--output'")
    check_tables()

    from ..compare.diff import Side, diff_sides, differs
    from ..compare.load import is_line_error, iter_records

    loader = load_nlp(model)
    sides = []
    for path in (a, b):
        sides.append(Side(tol, fx_tol).add(iter_records([path], given_date(published), nlp_loader=loader)))
    errors = sides[0].errors + sides[1].errors
    report_errors(errors)
    # a side missing a whole input would show as "only in" everything the input holds; a bad line
    # costs only its own record, and the exit code still says that something was left out
    if any(not is_line_error(e) for e in errors):
        raise typer.Exit(USAGE)
    rows = diff_sides(sides[0], sides[1], tol=tol, fx_tol=fx_tol)
    with Target(output) as stream:
        if chosen == "json":
            write_json(stream, rows)
        elif chosen == "jsonl":
            write_jsonl(stream, rows)
        else:
            render(stream, rows, a, b)
    if errors:
        raise typer.Exit(USAGE)
    if exit_code and differs(rows):
        raise typer.Exit(1)


# --- Rich view ---------------------------------------------------------------------------------

def _surface(kind: str, side: Optional[Dict[str, Any]]) -> "tuple[str, str]":
    """(surface text, normalised note) of one side of a row."""
    if not side:
        return "", ""
    if kind == "money":
        cur = side.get("currency")
        if side.get("value") is not None:
            norm = human_amount(side["value"], cur)
        else:
            norm = f"{human_amount(side.get('low'), cur)} - {human_amount(side.get('high'))}"
        kind_of = f"{side['type']} · " if side.get("type") else ""
        return str(side.get("text")), f"{norm} · {kind_of}{', '.join(side.get('actors') or []) or 'no actor'}"
    if kind == "quote":
        q = str(side.get("quote") or "")
        q = q if len(q) <= 160 else q[:157] + "..."
        return f"“{q}”", str(side.get("speaker") or "no speaker")
    if kind == "actor":
        return str(side.get("name")), str(side.get("label"))
    if kind == "date":
        start, end = side.get("start"), side.get("end")
        return str(side.get("text")), str(start if start == end else f"{start}..{end}")
    return str(side.get("text")), ""


def _where(side: Optional[Dict[str, Any]]) -> str:
    if not side:
        return ""
    more = f" ×{side['count']}" if side.get("count", 1) > 1 else ""
    docs = f" in {side['docs']} docs" if side.get("docs", 1) > 1 else ""
    return f"{side.get('doc')}:{side.get('char_start')}{more}{docs}"


def render(stream: TextIO, rows: List[Dict[str, Any]], a: str, b: str) -> None:
    """The rich view: a line of counts, then a table per status with rows (kind, its side or sides, the reason)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, soft_wrap=False)
    counts = {s: sum(1 for r in rows if r["status"] == s) for s, _, _ in SECTIONS}
    head = Text.assemble(("A ", "bold"), a, ("  B ", "bold"), b, "  ")
    head.append("  ".join(f"{title}: {counts[s]}" for s, title, _ in SECTIONS))
    console.print(head)
    for status, title, colour in SECTIONS:
        section = [r for r in rows if r["status"] == status]
        if not section:
            continue
        table = Table(title=f"{title} ({len(section)})", title_justify="left", title_style=f"bold {colour}",
                      show_lines=True)
        sides = [n for n in ("a", "b")
                 if not (n == "a" and status == "only_b") and not (n == "b" and status == "only_a")]
        table.add_column("kind")
        for n in sides:
            table.add_column(n.upper(), overflow="fold", max_width=60)
        table.add_column("reason", overflow="fold", max_width=40)
        for r in section:
            cells: List[Any] = [r["kind"]]
            for n in sides:
                main, note = _surface(r["kind"], r[n])
                cell = Text(main)
                cell.append(f"\n{note}\n{_where(r[n])}", style="dim")
                cells.append(cell)
            cells.append(Text(r["reason"]))
            table.add_row(*cells)
        console.print(table)
