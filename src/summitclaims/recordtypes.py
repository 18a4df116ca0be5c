"""Static types of the records, one ``TypedDict`` per kind (plain dicts at run time).

They mirror the JSON Schema (``schema/record.schema.json``, the contract); a test keeps the two
in step. Amounts are ``float`` always: see ``records.number``.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict, Union


class Producer(TypedDict):
    """What made the records (a document record's ``producer``): summitclaims version, model, rule-table hash."""
    summitclaims: str
    model: str
    rules: str


class _Base(TypedDict):
    id: str
    doc: Optional[str]
    text: Optional[str]
    char_start: Optional[int]
    char_end: Optional[int]
    sentence: Optional[str]


class _DocumentOptional(TypedDict, total=False):
    meta: Dict[str, Any]


class DocumentRecord(_Base, _DocumentOptional):
    """One per input, first: the publication date used and its source, the text's length, the producer."""
    kind: str                    # "document"
    published: Optional[str]     # ISO date
    published_source: Optional[str]
    chars: int
    producer: Producer


class _MoneyOptional(TypedDict, total=False):
    equivalent_of: int
    rate_note: bool


class MoneyRecord(_Base, _MoneyOptional):
    """An amount: ``value`` for a point, ``low`` and ``high`` for a range; ``usd``/``eur`` at ``fx_date``'s ECB rate."""
    kind: str                    # "money"
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    currency: Optional[str]
    currency_source: Optional[str]
    qualifier: Optional[str]
    period: Optional[str]
    actor: Optional[str]
    type: str                    # commitment | revenue | valuation | price | rate | other
    type_cue: Optional[str]
    evidence: Optional[str]
    recipient: Optional[str]
    recipient_start: Optional[int]
    recipient_end: Optional[int]
    purpose: Optional[str]
    purpose_start: Optional[int]
    purpose_end: Optional[int]
    date: Optional[str]          # ISO date
    date_end: Optional[str]
    new: Optional[bool]
    usd: Optional[float]
    eur: Optional[float]
    fx_date: Optional[str]
    fx_note: Optional[str]


class DateRecord(_Base):
    """A date or inclusive range of days, ISO dates resolved against the publication date (None: unresolved)."""
    kind: str                    # "date"
    start: Optional[str]
    end: Optional[str]
    granularity: Optional[str]
    timex: Optional[str]         # TIMEX3 value: "1989-Q3", "1989-W44", "P2Y"
    mod: Optional[str]           # start | mid | end | approx | before | after
    narrow_start: Optional[str]  # the third a start / mid / end mod names
    narrow_end: Optional[str]
    relative: bool               # needed the publication date or another date of the story
    range_start: Optional[str]   # a range written as two dates: the whole range, on both ends
    range_end: Optional[str]


class ActorRecord(_Base):
    """One per distinct actor per document, at its first mention; ``mentions`` counts them all."""
    kind: str                    # "actor"
    name: str
    label: str
    mentions: int
    aliases: List[str]
    role: Optional[str]
    wikidata: Optional[str]      # the gazetteer's Wikidata item ("Q142"), None if it has none


class QuoteRecord(_Base):
    """A quotation (its span covering the marks) or reported speech (its span the reported clause);
    ``speaker`` a canonical actor name, None if not found."""
    kind: str                    # "quote"
    quote: str
    speaker: Optional[str]
    speaker_text: Optional[str]
    cue: Optional[str]
    partial: bool
    type: str                    # direct | mixed | indirect
    stance: Optional[str]        # neutral | assertive | distancing | tentative
    speaker_type: Optional[str]  # named | organisation | pronoun | nominal | anonymous


class ErrorRecord(_Base):
    """An input that could not be read or processed; the run goes on. ``error`` says why."""
    kind: str                    # "error"
    error: str


Record = Union[DocumentRecord, MoneyRecord, DateRecord, ActorRecord, QuoteRecord, ErrorRecord]
BY_KIND = {"document": DocumentRecord, "money": MoneyRecord, "date": DateRecord, "actor": ActorRecord,
           "quote": QuoteRecord, "error": ErrorRecord}

__all__ = ["ActorRecord", "BY_KIND", "DateRecord", "DocumentRecord", "ErrorRecord", "MoneyRecord",
           "Producer", "QuoteRecord", "Record"]
