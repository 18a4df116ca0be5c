"""`summitclaims show`: an article with its money, dates, actors and quotes highlighted."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .output import parse_date_option

STYLES = {   # Rich styles for the terminal; the same labels colour the displaCy page
    "MONEY": ("bold green", "#a3e4a1"),
    "DATE": ("bold cyan", "#9fd8ef"),
    "PERSON": ("bold yellow", "#f5e08e"),
    "ORG": ("bold blue", "#b9c8f2"),
    "GPE": ("bold magenta", "#e7b7ee"),
    "LOC": ("bold magenta", "#e7b7ee"),
    "NORP": ("magenta", "#f0d0f4"),
    "QUOTE": ("italic", "#dddddd"),
}
SHOW_KEY = "sc_show"


def _highlights(doc):
    """(start_char, end_char, label, note) for everything worth showing, quotes first (outermost)."""
    from ..pipeline import extensions

    out = []
    for s in doc.spans.get(extensions.QUOTES, ()):
        q = s._.sc_quote
        out.append((s.start_char, s.end_char, "QUOTE", f"{q.speaker or '?'}" if q else ""))
    for s in doc.spans.get(extensions.MENTIONS, ()):
        out.append((s.start_char, s.end_char, s.label_, s._.sc_actor or ""))
    for s in doc.spans.get(extensions.MONEY, ()):
        m = s._.sc_money
        out.append((s.start_char, s.end_char, "MONEY", f"{m.currency or ''} {m.value if m.value is not None else (m.low, m.high)}" if m else ""))
    for s in doc.spans.get(extensions.DATES, ()):
        d = s._.sc_date
        out.append((s.start_char, s.end_char, "DATE", f"{d.start}..{d.end}" if d and d.start else ""))
    return out


def render_terminal(doc, console) -> None:
    from rich.panel import Panel
    from rich.text import Text

    text = Text(doc.text)
    for start, end, label, _ in _highlights(doc):
        text.stylize(STYLES.get(label, ("bold", ""))[0], start, end)
    title = f"{doc._.sc_doc_id}  published {doc._.sc_published or 'unknown'}"
    console.print(Panel(text, title=title, title_align="left"))
    legend = Text("  ").join(Text(label, style=style) for label, (style, _) in STYLES.items())
    console.print(legend)


def render_html(docs) -> str:
    from spacy import displacy

    for doc in docs:
        spans = []
        for start, end, label, _ in _highlights(doc):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[SHOW_KEY] = spans
    colors = {label: color for label, (_, color) in STYLES.items()}
    return displacy.render(list(docs), style="span", page=True,
                           options={"spans_key": SHOW_KEY, "colors": colors})


def show_command(
    path: str = typer.Argument(..., metavar="FILE", help="An article (text, HTML, JSONL: every article in it), or '-'."),
    published: Optional[str] = typer.Option(None, "--published", metavar="YYYY-MM-DD", callback=parse_date_option,
                                            help="Publication date, to resolve relative dates."),
    html: Optional[Path] = typer.Option(None, "--html", metavar="OUT.html", dir_okay=False,
                                        help="Write the same view as an HTML page (spaCy's displaCy)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to build on."),
) -> None:
    """Show an article in the terminal with money, dates, actors and quotes highlighted."""
    when = published
    from rich.console import Console

    from .. import batch
    from ..io.readers import iter_articles
    from ..nlp import ModelError, load

    try:
        nlp = load(model)
    except ModelError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2)
    console = Console()
    docs, failed = [], 0
    opts = batch.RunOptions(published=when)
    for art in iter_articles([path]):
        if art.error:
            failed += 1
            typer.echo(f"Error: {art.doc_id}: {art.error}", err=True)
            continue
        doc = nlp(batch._make_doc(nlp, art, opts))
        docs.append(doc)
        if html is None:
            render_terminal(doc, console)
    if html is not None and docs:
        try:
            html.write_text(render_html(docs), encoding="utf-8")
        except OSError as exc:
            typer.echo(f"Error: {html}: {exc.strerror or exc}", err=True)
            raise typer.Exit(1)
        typer.echo(f"wrote {html}", err=True)
    if failed:
        raise typer.Exit(1)
