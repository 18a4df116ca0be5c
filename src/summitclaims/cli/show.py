"""`summitclaims show`: an article with its money, dates, actors and quotes highlighted."""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

import typer

from .common import error, given_date, load_pipeline, model_option, published_option

STYLES = {   # Rich styles for the terminal; the same labels colour the HTML page
    "MONEY": ("bold green", "#a3e4a1"),
    "DATE": ("bold cyan", "#9fd8ef"),
    "PERSON": ("bold yellow", "#f5e08e"),
    "ORG": ("bold blue", "#b9c8f2"),
    "GPE": ("bold magenta", "#e7b7ee"),
    "LOC": ("bold magenta", "#e7b7ee"),
    "NORP": ("magenta", "#f0d0f4"),
    "QUOTE": ("italic", "#dddddd"),
}

Highlight = tuple[int, int, str, str]     # (start_char, end_char, label, note)


def _amount(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _money_note(m) -> str:
    if m is None:
        return ""
    cur = m.currency or "?"
    if m.value is not None:
        amount = _amount(m.value)
    elif m.low is not None or m.high is not None:
        amount = "–".join(_amount(v) if v is not None else "?" for v in (m.low, m.high))
    else:
        amount = "?"
    qualifier = f"{m.qualifier.replace('_', ' ')} " if m.qualifier else ""
    parts = [f"{qualifier}{cur} {amount}"]
    if m.period:
        parts.append(f"period {m.period}")
    # a conversion only says something new when the amount is in a third currency
    conv = [f"USD {_amount(m.usd)}" if m.usd is not None and cur != "USD" else "",
            f"EUR {_amount(m.eur)}" if m.eur is not None and cur != "EUR" else ""]
    conv = [c for c in conv if c]
    if conv:
        parts.append("≈ " + " / ".join(conv) + (f" (ECB {m.fx_date.isoformat()})" if m.fx_date else ""))
    if m.rate_note:
        parts.append("exchange-rate note, not a claim")
    elif m.type:
        parts.append(m.type + (f" ({m.type_cue})" if m.type_cue else ""))
    if m.actor:
        parts.append(f"actor: {m.actor}" + (f" [{m.evidence}]" if m.evidence else ""))
    if m.recipient:
        parts.append(f"to: {m.recipient}")
    if m.purpose:
        parts.append(f"for: {m.purpose}")
    if m.new is not None:
        parts.append("new" if m.new else "stated before")
    return " · ".join(parts)


def _date_note(d) -> str:
    if d is None or d.start is None:
        return "unresolved"
    span = d.start.isoformat() if d.end in (None, d.start) else f"{d.start.isoformat()} – {d.end.isoformat()}"
    return span if d.granularity in (None, "day") else f"{span} ({d.granularity})"


def _quote_note(q) -> str:
    if q is None:
        return ""
    parts = [f"speaker: {q.speaker or 'unknown'}"]
    if q.speaker_text and q.speaker_text != q.speaker:
        parts[0] += f" (“{q.speaker_text}”)"
    if q.cue:
        parts.append(f"cue: {q.cue}" + (f" ({q.stance})" if q.stance and q.stance != "neutral" else ""))
    if q.type != "direct":
        parts.append(q.type)
    if q.partial:
        parts.append("partial")
    return " · ".join(parts)


def _highlights(doc) -> list[Highlight]:
    """(start_char, end_char, label, note) for everything worth showing, quotes first (outermost)."""
    from ..pipeline import extensions

    roles = {(a.name, a.label): a.role for a in doc._.sc_actors or ()}
    out = []
    for s in doc.spans.get(extensions.QUOTES, ()):
        out.append((s.start_char, s.end_char, "QUOTE", _quote_note(s._.sc_quote)))
    for s in doc.spans.get(extensions.MENTIONS, ()):
        name = s._.sc_actor or s.text
        role = roles.get((name, s.label_))
        # the title attribute puts the label before the note, so the note is the name (and role)
        out.append((s.start_char, s.end_char, s.label_, name + (f" · role: {role}" if role else "")))
    for s in doc.spans.get(extensions.MONEY, ()):
        out.append((s.start_char, s.end_char, "MONEY", _money_note(s._.sc_money)))
    for s in doc.spans.get(extensions.DATES, ()):
        out.append((s.start_char, s.end_char, "DATE", _date_note(s._.sc_date)))
    return out


def render_terminal(doc, console) -> None:
    """A processed doc on a Rich console: its text in a panel (id, date), highlights styled, then the legend."""
    from rich.panel import Panel
    from rich.text import Text

    from ..pipeline import sents

    text = Text(sents.text(doc))
    for start, end, label, _ in _highlights(doc):
        text.stylize(STYLES.get(label, ("bold", ""))[0], start, end)
    # Text: a str title is read as Rich markup, and the id is the input's (a JSONL "id" is anything)
    title = Text(f"{doc._.sc_doc_id}  published {doc._.sc_published or 'unknown'}")
    console.print(Panel(text, title=title, title_align="left"))
    legend = Text("  ").join(Text(label, style=style) for label, (style, _) in STYLES.items())
    console.print(legend)


# -- the HTML page ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ShownArticle:
    """What one <article> section of the page is made from; no spaCy needed."""
    doc_id: str
    text: str
    highlights: Sequence[Highlight] = ()
    title: str | None = None
    published: dt.date | None = None
    published_source: str | None = None   # "given" | "text"


# A blank line (possibly holding spaces) ends a paragraph; the indentation of the next line is
# the paragraph's own, so it stays inside it.
_PARAGRAPH_BREAK = re.compile(r"\r?\n(?:[ \t\f\v\r]*\n)+")
_CSS_LABEL = re.compile(r"[A-Z][A-Z0-9_]*")
_SOURCES = {"given": "given", "text": "found in the text"}


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _describe(label: str, note: str) -> str:
    return f"{label}: {note}" if note else label


def _mark_tag(label: str, title: str, part: int) -> str:
    # Labels come from spaCy's NER; only a plain upper-case one becomes a CSS class, any other is
    # still shown (escaped) in data-label and the title.
    cls = "sc" + (f" sc-{label}" if _CSS_LABEL.fullmatch(label) else "") + (" sc-cont" if part else "")
    return f'<mark class="{cls}" data-label="{_esc(label)}" title="{_esc(title)}">'


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int, int, str, str]],
            parts: dict[int, int]) -> str:
    """text[start:end] with the spans (start, end, order, label, note) that fall in it as nested
    <mark> elements. Where two spans overlap without nesting, the one that ends first is closed and
    the other is closed and reopened around it, so the markup stays well formed and every piece
    carries the labels active over it. ``parts`` counts the pieces of each span already written."""
    cut = {start, end}
    for s, e, *_ in spans:
        cut.update((s, e))
    points = sorted(p for p in cut if start <= p <= end)
    by_start: dict[int, list] = {}
    for sp in spans:
        by_start.setdefault(sp[0], []).append(sp)
    stack: list[tuple[int, int, int, str, str]] = []
    out: list[str] = []

    def open_(sp) -> None:
        # the browser shows only the innermost title on hover, so it also names what encloses it
        enclosing = [_describe(o[3], o[4]) for o in reversed(stack)]
        k = parts.get(sp[2], 0)
        parts[sp[2]] = k + 1
        out.append(_mark_tag(sp[3], "\n".join([_describe(sp[3], sp[4])] + enclosing), k))
        stack.append(sp)

    for pos, nxt in zip(points, points[1:] + [None]):
        ended = [i for i, sp in enumerate(stack) if sp[1] <= pos]
        survivors = []
        if ended:
            k = ended[0]
            out.append("</mark>" * (len(stack) - k))
            survivors = [sp for sp in stack[k:] if sp[1] > pos]
            del stack[k:]
        # longest outermost, so properly nested spans nest and later splits are as few as can be
        for sp in sorted(survivors + by_start.get(pos, []), key=lambda sp: (-sp[1], sp[0], sp[2])):
            open_(sp)
        if nxt is not None:
            out.append(_esc(text[pos:nxt]))
    return "".join(out)


def _text_html(text: str, highlights: Sequence[Highlight]) -> str:
    """The whole text, each character once and in order, as <p> paragraphs with the highlights.

    The blank lines between paragraphs stay in the markup, between the <p> elements, where a
    browser does not render them: the text as written is exactly the page's text content."""
    n = len(text)
    spans = []
    for order, (s, e, label, note) in enumerate(highlights):
        s, e = max(0, int(s)), min(n, int(e))
        if s < e:
            spans.append((s, e, order, str(label), str(note or "")))
    parts: dict[int, int] = {}
    out, pos = [], 0
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)] + [(n, n)]
    for b_start, b_end in breaks:
        if pos < b_start:
            inside = [(max(s, pos), min(e, b_start), order, label, note)
                      for s, e, order, label, note in spans if s < b_start and e > pos]
            out.append(f"<p>{_marked(text, pos, b_start, inside, parts)}</p>")
        out.append(_esc(text[b_start:b_end]))
        pos = b_end
    return "".join(out)


def _title_of(art: ShownArticle) -> str:
    return art.title.strip() if art.title and art.title.strip() else art.doc_id


_CSS = """
body { font: 17px/1.6 Georgia, "Times New Roman", serif; color: #222; margin: 0; background: #fafafa; }
.sc-legend { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd;
  padding: .5em 1.5em; font: 13px/1.8 system-ui, sans-serif; z-index: 1; }
.sc-legend mark { margin-right: .4em; }
main { max-width: 46em; margin: 0 auto; padding: 0 1.5em 3em; }
article { background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; margin: 1.5em 0; padding: .5em 2em 1em; }
article > header h2 { font: 600 1.5em/1.3 system-ui, sans-serif; margin: .6em 0 .2em; overflow-wrap: anywhere; }
.sc-meta { font: 13px/1.5 system-ui, sans-serif; color: #666; margin: 0 0 1em; overflow-wrap: anywhere; }
.sc-text p { white-space: pre-wrap; overflow-wrap: break-word; margin: 0 0 1em; }
.sc-empty { color: #888; font-style: italic; }
mark.sc { background: #eee; color: inherit; padding: 0 .1em; border-radius: .2em; cursor: help; }
mark.sc-cont { border-top-left-radius: 0; border-bottom-left-radius: 0; }
mark.sc-QUOTE { font-style: italic; }
mark.sc mark.sc { padding: 0; }
"""


def _css() -> str:
    colours = "".join(f"mark.sc-{label} {{ background: {colour}; }}\n" for label, (_, colour) in STYLES.items())
    return _CSS.lstrip() + colours


def _article_html(n: int, art: ShownArticle) -> str:
    title = _title_of(art)
    # an untitled article is headed by its id already
    meta = [f'<span class="sc-id">{_esc(art.doc_id)}</span>'] if title != art.doc_id else []
    if art.published is not None:
        when = art.published.isoformat()
        source = _SOURCES.get(art.published_source or "", art.published_source or "")
        meta.append(f'published <time datetime="{when}">{when}</time>' + (f" ({_esc(source)})" if source else ""))
    else:
        meta.append("published unknown")
    body = (f'<div class="sc-text">{_text_html(art.text, art.highlights)}</div>' if art.text
            else '<div class="sc-text"></div><p class="sc-empty">(no text)</p>')
    return (f'<article id="sc-{n}">\n<header><h2>{_esc(title)}</h2>\n'
            f'<p class="sc-meta">{" · ".join(meta)}</p></header>\n{body}\n</article>')


def render_page(articles: Sequence[ShownArticle]) -> str:
    """One HTML page, an <article> section for each article. Pure: no I/O, no spaCy."""
    articles = list(articles)
    if len(articles) == 1:
        page_title = _title_of(articles[0])
    else:
        first = f": {_title_of(articles[0])} …" if articles else ""
        page_title = f"{len(articles)} articles{first}"
    legend = " ".join(f'<mark class="sc sc-{label}">{label}</mark>' for label in STYLES)
    sections = "\n".join(_article_html(n, a) for n, a in enumerate(articles, 1))
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_esc(page_title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n"
            f'<header class="sc-legend">{legend} <span>(hover a highlight for its value)</span></header>\n'
            f"<main>\n{sections}\n</main>\n</body>\n</html>\n")


def shown_article(doc, title: str | None = None) -> ShownArticle:
    """What the page needs of a processed doc, read off it once; ``title`` heads its section (None: the doc id)."""
    from ..pipeline import sents

    return ShownArticle(doc_id=str(doc._.sc_doc_id or ""), text=sents.text(doc), highlights=_highlights(doc),
                        title=title, published=doc._.sc_published, published_source=doc._.sc_published_source)


def render_html(docs: Iterable, titles: Optional[Sequence[Optional[str]]] = None) -> str:
    """The page for processed docs; ``titles[i]`` (e.g. an HTML page's <title>) names ``docs[i]``."""
    docs = list(docs)
    titles = list(titles or ()) + [None] * len(docs)
    return render_page([shown_article(d, t) for d, t in zip(docs, titles)])


def _article_title(art) -> str | None:
    # the HTML reader keeps the page title in meta; a JSONL row may carry a "title" key there too
    title = (art.meta or {}).get("title")
    return title if isinstance(title, str) else None


def show_command(
    path: str = typer.Argument(..., metavar="FILE",
                               help="An article (text, HTML, JSONL: every article in it), or '-'."),
    published: Optional[str] = published_option("Publication date, to resolve relative dates."),
    html_out: Optional[Path] = typer.Option(None, "--html", metavar="OUT.html", dir_okay=False,
                                            help="Write the same view as an HTML page (values on hover)."),
    model: Optional[str] = model_option(),
) -> None:
    """Show an article in the terminal with money, dates, actors and quotes highlighted."""
    when = given_date(published)
    from .output import Target, overwrites_input

    if overwrites_input(html_out, [path]):
        raise typer.BadParameter(f"{html_out}: is the input", param_hint="'--html'")
    from rich.console import Console

    from ..io.readers import iter_articles
    from ..runner import Runner, RunOptions

    nlp = load_pipeline(model)
    console = Console()
    docs, titles, failed = [], [], 0
    runner = Runner(nlp, RunOptions(published=when))
    for art in iter_articles([path]):
        if art.error:
            failed += 1
            error(f"{art.doc_id}: {art.error}")
            continue
        try:
            doc = runner.doc(art)
        except ValueError as exc:
            failed += 1
            error(f"{art.doc_id}: {exc}")
            continue
        docs.append(doc)
        titles.append(_article_title(art))
        if html_out is None:
            render_terminal(doc, console)
    if html_out is not None and docs:
        # as -o: through a temporary file, so a failed write leaves OUT.html as it was
        with Target(html_out) as stream:
            stream.write(render_html(docs, titles))
        typer.echo(f"wrote {html_out}", err=True)
    if failed:
        raise typer.Exit(1)
