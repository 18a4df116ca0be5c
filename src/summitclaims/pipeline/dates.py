"""summitclaims_dates: date mentions resolved against the publication date.

Reads ``doc._.sc_published`` (a ``datetime.date`` or None). When it is None, looks for a dateline at the
top of the text and sets ``doc._.sc_published`` and ``doc._.sc_published_source = "text"``.
Sets ``doc.spans[extensions.DATES]``: spans with ``span._.sc_date`` = ``values.DateValue``.
The rules live in the ``normalize.dates`` package (pure, data in patterns/dates.jsonl); this component
adds the tense of the verb that governs each date, read from the parse (``tense.governing_tense``),
to decide the occurrence of year-less dates. Per-document state
(the text's scan, the past-tense offsets) lives in the call, never on the component.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize import dates as _dates
from . import extensions, sents
from .tense import governing_tense


class DateFinder:
    """The spaCy component: date spans, and the publication date from a dateline if none is given."""

    def __init__(self, nlp: Language, name: str, use_tagger: bool = True):
        self.name = name
        self.use_tagger = use_tagger
        _dates.load()                # build the rules now, not on the first document

    def _tense_at(self, doc: Doc):
        text = sents.text(doc)
        parsed = self.use_tagger and doc.has_annotation("DEP")

        def tense_at(start: int, end: int):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span) or not parsed:
                return _dates.guess_tense(text, start, end)
            return governing_tense(span)

        return tense_at

    def __call__(self, doc: Doc) -> Doc:
        text = sents.text(doc)
        scan = _dates.scan_text(text)         # read by the dateline and the finder both
        if doc._.sc_published is None:
            line = _dates.find_dateline(text, scan)
            if line is not None and line.value.start is not None:
                doc._.sc_published = line.value.start
                doc._.sc_published_source = "text"
        spans = []
        for found in _dates.find(text, doc._.sc_published, self._tense_at(doc), scan):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            span._.sc_date = found.value          # raw stays the exact matched text
            spans.append(span)
        doc.spans[extensions.DATES] = spans
        return doc


@Language.factory("summitclaims_dates", default_config={"use_tagger": True})
def make_dates(nlp: Language, name: str, use_tagger: bool) -> DateFinder:
    """The factory spaCy calls for ``nlp.add_pipe("summitclaims_dates")``; ``use_tagger``: the parse
    decides the tense of year-less dates (else a cue word near them)."""
    return DateFinder(nlp, name, use_tagger)
