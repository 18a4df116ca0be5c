"""`summitclaims summarise PATH ...`: actors, claims across documents, speakers and a timeline."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, TextIO

import typer

from .common import check_tables, given_date
from .diff import (
    fx_tolerance_option,
    load_nlp,
    model_inputs_option,
    published_inputs_option,
    report_errors,
    tolerance_option,
)
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

_BAR = 24


def summarise_command(
    paths: List[str] = typer.Argument(..., metavar="PATH",
                                      help="Articles, folders of articles, or JSONL record files."),
    top: int = typer.Option(20, "--top", "-n", min=0, metavar="N", help="Rows per section (0: all)."),
    fmt: Optional[ReportFormat] = format_option("json"),
    output: Optional[Path] = output_option(ReportFormat, "json"),
    published: Optional[str] = published_inputs_option(),
    model: Optional[str] = model_inputs_option(),
    tol: float = tolerance_option(),
    fx_tol: float = fx_tolerance_option(),
) -> None:
    """Roll records up: per actor, money claims clustered across documents, top speakers, a timeline.

    jsonl gives one object a line with a "section" field. Exit codes: 0 done, 1 some inputs could not
    be read (the rest is summarised), 2 usage error.
    """
    chosen = resolve_format(fmt, output, "json", ReportFormat)
    if overwrites_input(output, paths):
        raise typer.BadParameter(f"{output}: is one of the inputs", param_hint="'--output'")
    check_tables()

    from ..compare.load import iter_records
    from ..compare.summarise import Summariser

    records = iter_records(paths, given_date(published), nlp_loader=load_nlp(model))
    summary = Summariser(tol, fx_tol).add(records).result(top)
    if summary["error_samples"]:
        report_errors(summary["error_samples"])
    with Target(output) as stream:
        if chosen == "json":
            write_json(stream, summary)
        elif chosen == "jsonl":
            write_jsonl(stream, _lines(summary))
        else:
            render(stream, summary)
    if summary["errors"]:
        raise typer.Exit(1)


def _lines(summary: Dict[str, Any]):
    yield {"section": "totals", **{k: v for k, v in summary.items() if not isinstance(v, list) or k == "error_samples"}}
    for section, name in (("actors", "actor"), ("clusters", "cluster"), ("other_amounts", "other_amount"),
                          ("speakers", "speaker"), ("timeline", "date")):
        for row in summary[section]:
            yield {"section": name, **row}


def _amount(row: Dict[str, Any]) -> str:
    if row.get("value") is not None:
        return human_amount(row["value"], row.get("currency"))
    return f"{human_amount(row.get('low'), row.get('currency'))} - {human_amount(row.get('high'))}"


def render(stream: TextIO, s: Dict[str, Any]) -> None:
    """The rich view: a totals line, then tables of actors (with a USD bar), claims, speakers and the timeline."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .render import literal

    console = Console(file=stream, soft_wrap=False)
    console.print(Text.assemble(
        (f"{s['documents']} documents", "bold"), f", {s['records']} records, {s['errors']} errors",
        f"; {s['unattributed_money']} money mentions without an actor",
        f"; undated amounts converted at {s['fx_fallback_date']}" if s["fx_fallback_date"] else "",
    ))

    actors = Table(title="Actors", title_justify="left", title_style="bold")
    for col, kw in (("actor", {}), ("role", {"max_width": 30}), ("docs", {"justify": "right"}),
                    ("money", {"justify": "right"}), ("claims", {"justify": "right"}), ("totals", {}),
                    ("USD", {"justify": "right"}), ("", {}), ("quotes", {"justify": "right"})):
        actors.add_column(col, overflow="fold", **kw)
    biggest = max((a["total_usd"] or 0 for a in s["actors"]), default=0) or 1
    for a in s["actors"]:
        bar = "█" * round(_BAR * (a["total_usd"] or 0) / biggest)
        totals = ", ".join(human_amount(v, k) for k, v in a["totals"].items())
        if a["ranges"]:
            totals += f" (+{a['ranges']} range{'s' if a['ranges'] > 1 else ''})"
        actors.add_row(*literal(a["name"], a["role"] or "", str(a["documents"]), str(a["money"]), str(a["claims"]),
                                totals, human_amount(a["total_usd"]) if a["total_usd"] else "",
                                Text(bar, style="green"), str(a["quotes"])))
    console.print(actors)

    claims = Table(title="Claims across documents", title_justify="left", title_style="bold", show_lines=True)
    for col in ("actor", "type", "amount", "USD", "sources", "copies", "as written", "agree"):
        claims.add_column(col, overflow="fold", max_width=50 if col == "as written" else None)
    for c in s["clusters"]:
        claims.add_row(*literal(c["actor"] or "(no actor)", c.get("type") or "", _amount(c),
                                human_amount(c["usd"]) if c["usd"] else "", str(c["sources"]),
                                str(c.get("copies", 0)), " | ".join(c["variants"]),
                                Text("yes", style="green") if c["agree"] else Text("no", style="red")))
    console.print(claims)
    if s.get("other_amounts"):
        other = Table(title="Prices, rates and other figures", title_justify="left", title_style="bold")
        for col in ("actor", "type", "amount", "sources", "as written"):
            other.add_column(col, overflow="fold", max_width=50 if col == "as written" else None)
        for c in s["other_amounts"]:
            other.add_row(*literal(c["actor"] or "(no actor)", c.get("type") or "", _amount(c), str(c["sources"]),
                                   " | ".join(c["variants"])))
        console.print(other)

    speakers = Table(title="Top speakers", title_justify="left", title_style="bold", show_lines=True)
    for col in ("speaker", "quotes", "docs", "sample quote"):
        speakers.add_column(col, overflow="fold", max_width=80 if col == "sample quote" else None)
    for sp in s["speakers"]:
        q = str((sp["sample"] or {}).get("quote") or "")
        speakers.add_row(*literal(sp["name"], str(sp["quotes"]), str(sp["documents"]), f"“{q[:240]}”"))
    console.print(speakers)

    timeline = Table(title="Timeline of dated claims", title_justify="left", title_style="bold")
    for col in ("date", "money", "quotes", "docs", "example"):
        timeline.add_column(col, overflow="fold", max_width=70 if col == "example" else None)
    for d in s["timeline"]:
        span = d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end']}"
        ex = d["examples"][0] if d["examples"] else {}
        example = f"{ex.get('text')} ({ex.get('actor') or 'no actor'})" if ex else ""
        timeline.add_row(*literal(span, str(d["money"]), str(d["quotes"]), str(d["documents"]), example))
    console.print(timeline)
