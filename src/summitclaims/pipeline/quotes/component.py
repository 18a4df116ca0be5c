"""The summitclaims_quotes component: one pass over the passages of a document.

For each passage: its window (its paragraph, not beyond the neighbouring passages), whether it is
a quote, its attribution (``attribution``) and its speaker (``resolve``). A quote with no
attribution of its own continues the previous quote's speaker when that quote is in the same or
the previous paragraph (a resumed quote, a newswire paragraph continuing its speaker).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...text.passages import Passage, find_passages, paragraphs
from ...values import Quote
from .. import extensions, sents
from . import reported
from .attribution import after, announced, around, before, next_sentence, previous_paragraph, signature
from .candidates import mention_cands
from .context import Attribution, QuoteContext
from .detect import is_quote, starts_sentence
from .resolve import resolve
from .tables import QuoteTables

RESUME_PARAGRAPHS = 1       # a quote continues the last speaker from at most this many paragraphs back
SENTENCE_END = ".!?\u2026"  # a quote ending so may take its attribution from a neighbouring sentence
QUOTE_END_JUNK = "'\u2019\" "   # stripped from the quote's end before looking at its last char
MIXED_OWN_WORDS = 2         # words of its own a reported clause needs beside its quoted pieces to be mixed
_WORDS = re.compile(r"\w+")
# "ready to act", “open”, ‘maximum practicable’ (curly marks may hold a line wrap)
_QUOTED_PIECE = re.compile(r"""(?:"[^"\n]{1,200}"|\u201c[^\u201d]{1,200}\u201d|\u2018[^\u2019]{1,200}\u2019)""")


@dataclass(frozen=True)
class _Window:
    """Where the attribution of passage ``n`` may be: chars and paragraphs around it."""
    para: int           # paragraph of the opening mark
    last_para: int      # paragraph of the closing mark
    lo: int             # start of the paragraph, or the end of the previous passage
    hi: int             # end of the last paragraph, or the start of the next passage
    hi_para: int        # end of the last paragraph
    hi_next: int        # end of the paragraph after it (a signature line), or the start of the next passage
    floor: int          # end of the previous passage (0 for the first)


class _Layout:
    """The paragraphs of one document and the windows of its passages."""

    def __init__(self, text: str, passages: list[Passage]):
        self.paras = paragraphs(text)
        self.starts = [s for s, _ in self.paras]
        self.passages = passages
        self.length = len(text)

    def window(self, n: int) -> _Window:
        """The window of passage ``n``: its paragraphs, cut where the previous passage ends or the next begins."""
        p, passages, paras = self.passages[n], self.passages, self.paras
        floor = passages[n - 1].end if n else 0
        para = max(0, bisect_right(self.starts, p.start) - 1)
        last_para = bisect_right(self.starts, max(p.start, p.end - 1)) - 1
        hi_para = paras[last_para][1]
        nxt = passages[n + 1].start if n + 1 < len(passages) else self.length
        hi = min(hi_para, nxt)
        hi_next = min(paras[last_para + 1][1] if last_para + 1 < len(paras) else self.length, nxt)
        return _Window(para, last_para, max(paras[para][0], floor), hi, hi_para, hi_next, floor)


class QuoteFinder:
    """Sets ``doc.spans[extensions.QUOTES]``; holds the tables only, the per-document state is a
    ``QuoteContext`` made for each call."""

    def __init__(self, nlp: Language, name: str, tables: QuoteTables):
        self.name = name
        self.tables = tables

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[extensions.QUOTES] = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Span]:
        """The quote spans of ``doc``, each with ``span._.sc_quote`` set."""
        text = sents.text(doc)
        passages = find_passages(text)
        if not len(doc):
            return []
        ctx = QuoteContext.create(doc, text, passages, self.tables)
        ctx.cands = mention_cands(ctx)
        layout = _Layout(text, passages)
        out: list[Span] = []
        prev: tuple[int, Quote] | None = None       # (paragraph index, quote) of the last quote
        # reported speech with no quotation marks in it: its speakers resolved in text order with
        # the direct quotes' ("The former mayor argued ... '...,' he said": the mayor spoke last)
        reps = reported.find(doc, text, self.tables)
        plain = [r for r in reps if not ctx.touches_passage(r.start, r.end)]
        said: dict[int, tuple[str | None, str]] = {}
        k = 0
        for n, p in enumerate(passages):
            while k < len(plain) and plain[k].cue_at < p.start:
                said[id(plain[k])] = _resolve_reported(ctx, plain[k])
                k += 1
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            w = layout.window(n)
            q = _quote(ctx, layout, p, w, prev)
            if q is None:
                continue
            out.extend(_per_paragraph(doc, text, p, span, q))
            prev = (w.last_para, q)
        for r in plain[k:]:
            said[id(r)] = _resolve_reported(ctx, r)
        return _with_reported(ctx, out, reps, said)


OPENING_MARKS = "\"\u201c\u201e\u00ab'\u2018"
CLOSING_MARKS = "\"\u201d\u00bb'\u2019"


def _per_paragraph(doc: Doc, text: str, p: Passage, span: Span, q: Quote) -> list[Span]:
    """A quotation over several paragraphs (each reopened with a mark, the newswire way) as one
    record a paragraph, each with the speaker of the first: quotes are counted and compared by
    paragraph."""
    if len(p.parts) < 2:
        span._.sc_quote = q
        return [span]
    out = []
    for k, (a, b) in enumerate(p.parts):
        start = p.start if k == 0 else a - 1 if a and text[a - 1] in OPENING_MARKS else a
        end = p.end if k == len(p.parts) - 1 else b + 1 if b < len(text) and text[b] in CLOSING_MARKS else b
        piece = doc.char_span(start, end, alignment_mode="expand")
        words = " ".join(text[a:b].split())
        if piece is None or not len(piece) or not words:
            continue
        piece._.sc_quote = replace(q, quote=words, partial=q.partial and k == 0)
        out.append(piece)
    return out


def _resolve_reported(ctx: QuoteContext, r: reported.Reported) -> tuple[str | None, str]:
    return resolve(ctx, ctx.attribution(r.speaker[0], r.speaker[1], r.cue, False))


def _quote(ctx: QuoteContext, layout: _Layout, p: Passage, w: _Window,
           prev: tuple[int, Quote] | None) -> Quote | None:
    """The quote of passage ``p`` with its speaker, or None when it is no quote."""
    text = ctx.text
    inner = p.inner(text)
    partial = not starts_sentence(text, p, w.lo, inner)
    attr = after(ctx, p, w.hi) or before(ctx, p, w.lo) or signature(ctx, p, w.hi_next)
    if not is_quote(ctx.tables, text, p, inner, partial, attr):
        return None
    if attr is None:
        attr = around(ctx, p, w.hi_para)
    if attr is None and prev is not None and w.para - prev[0] <= RESUME_PARAGRAPHS and prev[1].speaker_text:
        # resumed quote, or a newswire paragraph continuing the last speaker
        return Quote(quote=inner, speaker=prev[1].speaker, speaker_text=prev[1].speaker_text,
                     cue=prev[1].cue, partial=partial, stance=prev[1].stance, speaker_type=prev[1].speaker_type)
    if attr is None and p.closed and inner.rstrip(QUOTE_END_JUNK)[-1:] in SENTENCE_END:
        attr = _nearby(ctx, layout, p, w)
    if attr is None:
        return Quote(quote=inner, partial=partial)
    speaker, kind = resolve(ctx, attr)
    return Quote(quote=inner, speaker=speaker, speaker_text=attr.text, cue=attr.cue, partial=partial,
                 stance=ctx.tables.stance(attr.cue), speaker_type=kind)


def _with_reported(ctx: QuoteContext, direct: list[Span], reps: list[reported.Reported],
                   said: dict[int, tuple[str | None, str]]) -> list[Span]:
    """The direct quotes and the reported speech of the doc, in text order. A reported clause that
    is just a quotation in marks ("'We will win,' he said") adds nothing; one that holds quoted
    pieces and words of the reporter's own ("said France would be 'ready to act' by June") is a
    mixed quote, which takes the place of its pieces. ``said``: the speakers already resolved."""
    doc, text = ctx.doc, ctx.text
    starts = [s.start_char for s in direct]          # (in text order, apart)
    gone: set[int] = set()
    out: list[Span] = []
    for r in reps:
        lo = max(0, bisect_right(starts, r.start) - 1)
        inside = [s for s in direct[lo:bisect_left(starts, r.end)]
                  if s.start_char < r.end and r.start < s.end_char and id(s) not in gone]
        if any(s.start_char < r.start or s.end_char > r.end for s in inside):
            continue                     # a quotation running out of the clause: the quote it is
        own = text[r.start:r.end]
        for s in inside:
            own = own.replace(text[s.start_char:s.end_char], " ")
        if inside and len(_WORDS.findall(own)) < MIXED_OWN_WORDS:
            continue                     # the clause is the quotation
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        attr = ctx.attribution(r.speaker[0], r.speaker[1], r.cue, False)
        speaker, kind = said[id(r)] if id(r) in said else resolve(ctx, attr)
        # a quoted word too short to be a quote of its own ('would "complement" pledges') still
        # makes the clause mixed: those are the speaker's words
        mixed = bool(inside) or _QUOTED_PIECE.search(text, r.start, r.end) is not None
        span._.sc_quote = Quote(quote=text[r.start:r.end], speaker=speaker, speaker_text=attr.text, cue=r.cue,
                                type="mixed" if mixed else "indirect", stance=ctx.tables.stance(r.cue),
                                speaker_type=kind)
        gone.update(id(s) for s in inside)
        out.append(span)
    out.extend(s for s in direct if id(s) not in gone)
    return sorted(out, key=lambda s: (s.start_char, s.end_char))


def _nearby(ctx: QuoteContext, layout: _Layout, p: Passage, w: _Window) -> Attribution | None:
    """A whole-sentence quote's attribution in the next sentence, else ending the previous paragraph,
    else the document the previous paragraph announces."""
    return next_sentence(ctx, p, w.hi) or previous_paragraph(ctx, layout.paras, w.para, w.floor) \
        or announced(ctx, layout.paras, w.para, w.floor)


@Language.factory(
    "summitclaims_quotes",
    default_config={"cues": "quote_cues", "pronouns": "quote_pronouns", "gender": "quote_gender",
                    "nouns": "quote_nouns", "roles": "roles", "max_gap": 8, "min_words": 3,
                    "min_words_unattributed": 6},
)
def make_quotes(nlp: Language, name: str, cues: str, pronouns: str, gender: str, nouns: str, roles: str,
                max_gap: int, min_words: int, min_words_unattributed: int) -> QuoteFinder:
    """The component, its tables read once here (``max_gap``: tokens between a quote and its
    verb; ``min_words``: shorter partial quotes are scare quotes)."""
    extensions.register()
    tables = QuoteTables.load(cues, pronouns, gender, nouns, roles, max_gap, min_words, min_words_unattributed)
    return QuoteFinder(nlp, name, tables)
