"""Read the normalised values off a processed Doc as JSON-ready records (see schema/record.schema.json)."""
from __future__ import annotations

import re
from typing import Any, Iterator

from spacy.tokens import Doc, Span

from .fields import iso, number
from .kinds import KIND_ORDER
from .pipeline import extensions, sents

# A record's ``sentence`` is context for a reader, not a copy of the text: where no full stop ends
# a sentence (a list of headlines, a table, a timeline) the parser's sentence can be the whole
# article, and every record repeating it makes output grow with the square of the input.
SENTENCE_CHARS = 1_000
ELLIPSIS = "\u2026"
_INK = re.compile(r"\S")


def _line_start(text: str, lo: int, i: int, room: int) -> int | None:
    """Where the line holding ``text[i]`` begins (not before ``lo``), if no more than ``room`` back."""
    if room < 0:
        return None
    k = text.rfind("\n", max(lo, i - room), i)
    if k >= 0:
        return k + 1
    return lo if i - lo <= room else None


def _line_end(text: str, i: int, hi: int, room: int) -> int | None:
    """Where the line holding ``text[i]`` ends (its line break, or ``hi``), if no more than ``room`` on."""
    if room < 0:
        return None
    k = text.find("\n", i, min(hi, i + room))
    if k >= 0:
        return k
    return hi if hi - i <= room else None


def bounded_sentence(text: str, s: int, e: int, start: int, end: int, cap: int = SENTENCE_CHARS) -> str:
    """``text[s:e]`` stripped, the sentence of the span [start, end); one longer than ``cap`` is cut
    around the span, to whole lines where it has line breaks (a list, a table), else to words, with
    an ellipsis where it was cut. Reads no more than about ``cap`` characters either side of the span."""
    if e - s <= cap:
        return text[s:e].strip()
    start = min(max(start, s), e)
    end = min(max(end, start), e)
    a, b = _line_start(text, s, start, cap), _line_end(text, end, e, cap)
    if a is not None and b is not None and b - a <= cap:
        # the span's own lines fit: whole lines around them, one before and one after in turn
        grown = True
        while grown:
            grown = False
            if a > s:
                p = _line_start(text, s, a - 1, cap - (b - a) - 1)
                if p is not None:
                    a, grown = p, True
            if b < e:
                n = _line_end(text, b + 1, e, cap - (b - a) - 1)
                if n is not None:
                    b, grown = n, True
    else:
        # one long line: the words around the span
        # (room one side does not use goes to the other)
        room = max(0, cap - (end - start))
        right = min(room - min(room // 2, start - s), e - end)
        a, b = max(s, start - (room - right)), end + right
        if a > s:
            space = text.find(" ", a, start)
            a = space + 1 if space >= 0 else a
        if b < e:
            space = text.rfind(" ", end, b)
            b = space if space >= 0 else b
    # a search, not a slice: a slice of the rest would copy the whole sentence for every record
    return ((ELLIPSIS + " " if _INK.search(text, s, a) else "") + text[a:b].strip()
            + (" " + ELLIPSIS if _INK.search(text, b, e) else ""))


def sentence_of(doc: Doc, start_char: int, end_char: int, text: str | None = None) -> str | None:
    """The sentence(s) the span [start_char, end_char) stands in, stripped and bounded (see
    ``bounded_sentence``); None without sentence boundaries. ``text``: the doc's text, when the
    caller has it already."""
    if not len(doc) or not sents.has_sents(doc):
        return None
    first = doc.char_span(start_char, end_char, alignment_mode="expand")
    if first is None or not len(first):
        return None
    s = sents.sent(doc, first.start)
    e = sents.sent(doc, first.end - 1)
    return bounded_sentence(sents.text(doc) if text is None else text, s.start_char, e.end_char,
                            start_char, end_char)


def _base(kind: str, doc: Doc, start: int, end: int, text: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "doc": doc._.sc_doc_id,
        "text": text[start:end],
        "char_start": start,
        "char_end": end,
        "sentence": sentence_of(doc, start, end, text),
    }


def document_record(doc: Doc, text: str) -> dict[str, Any]:
    """The document's own record; the runner adds id, producer, meta and (--keep-text) the text."""
    return {
        "kind": "document",
        "doc": doc._.sc_doc_id,
        "text": None,
        "char_start": 0,
        "char_end": len(text),
        "sentence": None,
        "published": iso(doc._.sc_published),
        "published_source": doc._.sc_published_source,
        "chars": len(text),
    }


def actor_records(doc: Doc, text: str) -> Iterator[dict[str, Any]]:
    """One record per actor of the doc, at the offsets of its first mention (0, 0 if it has none)."""
    for actor in doc._.sc_actors or ():
        start, end = actor.mentions[0] if actor.mentions else (0, 0)
        rec = _base("actor", doc, start, end, text)
        rec.update(name=actor.name, label=actor.label, mentions=len(actor.mentions),
                   aliases=list(actor.aliases), role=actor.role, wikidata=actor.wikidata)
        yield rec


def _at(pair: tuple[int, int] | None, i: int) -> int | None:
    return pair[i] if pair is not None else None


def money_record(doc: Doc, span: Span, text: str) -> dict[str, Any]:
    """The record of a money span; ``equivalent_of`` and ``rate_note`` only when set."""
    m = span._.sc_money
    rec = _base("money", doc, span.start_char, span.end_char, text)
    rec.update(
        value=number(m.value), low=number(m.low), high=number(m.high), currency=m.currency,
        currency_source=m.currency_source, qualifier=m.qualifier, period=m.period, actor=m.actor,
        type=m.type, type_cue=m.type_cue,
        evidence=m.evidence, recipient=m.recipient, recipient_start=_at(m.recipient_span, 0),
        recipient_end=_at(m.recipient_span, 1), purpose=m.purpose, purpose_start=_at(m.purpose_span, 0),
        purpose_end=_at(m.purpose_span, 1), date=iso(m.date), date_end=iso(m.date_end), new=m.new,
        usd=number(m.usd), eur=number(m.eur), fx_date=iso(m.fx_date), fx_note=m.fx_note,
    )
    if m.equivalent_of is not None:
        rec["equivalent_of"] = m.equivalent_of
    if m.rate_note:
        rec["rate_note"] = True
    return rec


def date_record(doc: Doc, span: Span, text: str) -> dict[str, Any]:
    """The record of a date span: ``start`` and ``end`` as ISO dates, None when unresolved."""
    d = span._.sc_date
    rec = _base("date", doc, span.start_char, span.end_char, text)
    rec.update(start=iso(d.start), end=iso(d.end), granularity=d.granularity, timex=d.timex, mod=d.mod,
               narrow_start=iso(d.narrow_start), narrow_end=iso(d.narrow_end), relative=d.relative,
               range_start=iso(d.range_start), range_end=iso(d.range_end))
    return rec


def quote_record(doc: Doc, span: Span, text: str) -> dict[str, Any]:
    """The record of a quote span: its words, speaker (None: not found), speaker's words, cue and ``partial``."""
    q = span._.sc_quote
    rec = _base("quote", doc, span.start_char, span.end_char, text)
    rec.update(quote=q.quote, speaker=q.speaker, speaker_text=q.speaker_text, cue=q.cue,
               partial=q.partial, type=q.type, stance=q.stance, speaker_type=q.speaker_type)
    return rec


def _group(doc: Doc, name: str) -> list[Span]:
    return sorted(doc.spans.get(name, ()), key=lambda s: (s.start_char, s.end_char))


def doc_records(doc: Doc, kinds: frozenset[str] | None = None) -> list[dict[str, Any]]:
    """Records of one document: the document record first, then actors, money, dates, quotes
    (only the ``kinds`` asked for, when given)."""
    text = sents.text(doc)
    out = [document_record(doc, text)]
    want = KIND_ORDER if kinds is None else kinds
    if "actor" in want:
        out.extend(actor_records(doc, text))
    if "money" in want:
        out.extend(money_record(doc, s, text) for s in _group(doc, extensions.MONEY) if s._.sc_money is not None)
    if "date" in want:
        out.extend(date_record(doc, s, text) for s in _group(doc, extensions.DATES) if s._.sc_date is not None)
    if "quote" in want:
        out.extend(quote_record(doc, s, text) for s in _group(doc, extensions.QUOTES) if s._.sc_quote is not None)
    return out
