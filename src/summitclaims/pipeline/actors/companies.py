"""Company names the small model misses or cuts, found by their shape: capitalised words ending in a
legal form ("Monfort of Colorado Inc", "Turner and Newall Plc", "Tenet Healthcare Corporation"),
and the newswire's angle brackets around a company ("Swissair <SWSZ.Z>", "the takeover of <AE
Plc>"). They replace the model's entities they overlap, so "Monfort" (tagged a place) and
"Newall Plc" become the one company each names."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Span, Token

from ...text import names
from .context import ARTICLES, DocContext

# small words inside a company's name, between capitalised words: "Bank of America Corp",
# "Turner and Newall Plc", "Banco de Santander SA"; never a name's first word
CONNECTORS = frozenset(("of", "and", "&", "de", "du", "des", "la", "le", "del", "der", "von", "van", "y", "et",
                        "-", "'s"))     # not "/": "Doug Ives/Canadian Press" is two names
MAX_WORDS = 8            # words of a company's name, legal form and connectors included
TICKER_TOKENS = 4        # "<SWSZ.Z>", "<N.Z.>": tokens between the brackets of a ticker
BRACKET_WORDS = 8        # "<Societe Generale Alsacienne de Banque>": words of a bracketed name
_PROPER_TAGS = frozenset(("NNP", "NNPS"))


def company_spans(ctx: DocContext, ents: list[Span]) -> list[Span]:
    """The model's entities with the company names found by shape put in: each replaces the
    entities it overlaps, unless one of them is longer than it."""
    found = _by_legal_form(ctx) + _bracketed(ctx) + _before_ticker(ctx)
    found = _longest_first(found)
    if not found:
        return ents
    out = list(ents)
    for shaped in found:
        f = _after_person(ctx, shaped, out)
        if f is None:
            continue
        over = [e for e in out if e.start < f.end and f.start < e.end]
        if any(e.start == f.start and e.end == f.end for e in over):
            continue                                 # the model found it too, under its own label
        if any(e.end - e.start > f.end - f.start and e.start <= f.start and f.end <= e.end for e in over):
            continue                                 # the model's name holds this one ("... Corp Ltd")
        for e in over:
            out.remove(e)
            ctx.drop(e.start, e.end, e.label_, "company-by-shape")
        out.append(f)
    return sorted(out, key=lambda s: s.start)


def _after_person(ctx: DocContext, f: Span, ents: list[Span]) -> Span | None:
    """"Scott Winningham of J.S. Winningham and Co": a person the model found, then "of", then the
    company: the company starts after the "of" (None if nothing is left)."""
    doc = ctx.doc
    for e in ents:
        if e.label_ == "PERSON" and e.start < f.end and f.start < e.end < f.end and doc[e.end].lower_ in ("of", "at"):
            start = e.end + 1
            return Span(doc, start, f.end, label="ORG") if start < f.end - 1 else None
    return f


def _longest_first(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if not any(k.start < s.end and s.start < k.end for k in kept):
            kept.append(s)
    return kept


def _capital(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


class _CapitalLines:
    """Which lines of a text are in capitals (a headline, where every word looks like a name),
    each line read once however many legal forms it holds."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in _NEWLINE.finditer(text)]
        self.known: dict[int, bool] = {}

    def __call__(self, tok: Token) -> bool:
        k = bisect_right(self.breaks, tok.idx - 1)        # the line holding the token
        if k not in self.known:
            a = self.breaks[k - 1] + 1 if k else 0
            b = self.breaks[k] if k < len(self.breaks) else len(self.text)
            line = self.text[a:b]
            self.known[k] = sum(c.isalpha() for c in line) >= 3 and not any(c.islower() for c in line)
        return self.known[k]


_NEWLINE = re.compile("\n")


def _by_legal_form(ctx: DocContext) -> list[Span]:
    """Capitalised words and connectors up to a capitalised legal form: "Monfort of Colorado Inc"."""
    doc, legal = ctx.doc, ctx.tables.legal
    in_capitals = _CapitalLines(ctx.text)
    out = []
    for i, word in enumerate(ctx.words):
        if not i or not word[:1].isupper() or word.lower() not in legal:
            continue
        tok = doc[i]
        if in_capitals(tok):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and _capital(nxt) and nxt.is_alpha and not ctx.breaks(tok) and not nxt.is_sent_start:
            continue                                 # "SA Citrique Belge NV": a legal form that opens a name
        start = _name_start(ctx, tok.i)
        if start is not None and start < tok.i:
            out.append(Span(doc, start, tok.i + 1, label="ORG"))
    return out


def _name_start(ctx: DocContext, end: int) -> int | None:
    """Where the name ending at token ``end`` (its legal form) starts: back over capitalised words
    and connectors between them, not over a legal form of another name ("X Inc and Y Corp"), an
    article, a line break, or a sentence's first word that is a common word."""
    doc, legal = ctx.doc, ctx.tables.legal
    start = end
    i = end - 1
    while i >= 0 and end - i < MAX_WORDS:
        tok = doc[i]
        if ctx.breaks(tok) or tok.is_space:
            break
        if tok.lower_ in CONNECTORS and i > 0 and start > i:
            prev = doc[i - 1]
            if _capital(prev) and prev.lower_ not in legal and prev.lower_ not in ARTICLES \
                    and not ctx.breaks(prev) and not prev.is_space:
                i -= 1
                continue
            if tok.lower_ == "of" and _capital(prev) and prev.lower_ in legal and i > 1 and _capital(doc[i - 2]) \
                    and doc[i - 2].lower_ not in legal and not ctx.breaks(prev) and not ctx.breaks(doc[i - 2]):
                i -= 2                               # "Ford Motor Co of Canada Ltd": a subsidiary's name
                start = i + 1
                continue
            break
        if tok.lower_ in legal and start == end and _capital(tok):
            i -= 1                                   # "Olympus Optical Co Ltd": legal forms in a row end a name
            continue
        if tok.lower_ in legal and _capital(tok) and i > 0 and _capital(doc[i - 1]) \
                and doc[i - 1].lower_ not in legal and not ctx.breaks(doc[i - 1]) and not doc[i - 1].is_space \
                and not (doc[i - 1].is_sent_start and doc[i - 1].tag_ not in _PROPER_TAGS):
            start = i                                # "Puma AG Rudolf Dassler Sport": a legal form inside
            i -= 1
            continue
        if not _capital(tok) or tok.lower_ in ARTICLES or tok.lower_ in legal or tok.lower_ in ctx.tables.titles:
            break                                    # (not "Managing Director of SA ...": a title)
        if tok.is_sent_start and tok.tag_ not in _PROPER_TAGS:
            break                                    # "Shareholders of Acme Inc": capital only by position
        start = i
        i -= 1
    while start < end and doc[start].lower_ in CONNECTORS:
        start += 1
    return start


def _bracketed(ctx: DocContext) -> list[Span]:
    """The newswire's bracketed company: "<AE Plc>", "<Societe Generale Alsacienne de Banque>"
    (capitalised words, some in lower case: a ticker's capitals alone are no name)."""
    doc = ctx.doc
    out = []
    for i in ctx.positions("<"):
        close = _closing(ctx.words, i, BRACKET_WORDS + 1)
        if close is None or close - i < 2:
            continue
        inner = doc[i + 1:close]
        words = [t for t in inner if t.is_alpha]
        if not words or not _capital(inner[0]) or not any(c.islower() for c in inner.text) \
                or any(t.is_punct and t.text not in ("&", ".", "-", "'") for t in inner):
            continue
        out.append(Span(doc, inner.start, inner.end, label="ORG"))
    return out


def _closing(words: list[str], i: int, reach: int) -> int | None:
    """The offset of the first ">" among the ``reach`` tokens after the "<" at ``i``, or None."""
    return next((j for j in range(i + 1, min(i + 1 + reach, len(words))) if words[j] == ">"), None)


def _before_ticker(ctx: DocContext) -> list[Span]:
    """The name just before a ticker in brackets: "Swissair <SWSZ.Z> reported", not in a headline."""
    doc = ctx.doc
    in_capitals = _CapitalLines(ctx.text)
    out = []
    for i in ctx.positions("<"):
        tok = doc[i]
        if not i or in_capitals(tok):
            continue
        close = _closing(ctx.words, i, TICKER_TOKENS + 1)
        if close is None or not names.is_acronym(doc[tok.i + 1:close].text.replace(".", "")) \
                and not doc[tok.i + 1:close].text.isupper():
            continue
        start = _name_start(ctx, tok.i)
        if start is not None and start < tok.i:
            out.append(Span(doc, start, tok.i, label="ORG"))
    return out
