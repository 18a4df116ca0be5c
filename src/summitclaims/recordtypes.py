"""Static types of the records, one ``TypedDict`` per kind (plain dicts at run time).

They mirror the JSON Schema (``schema/record.schema.json``, the contract); a test keeps the two
in step. Amounts are ``float`` always: see ``records.number``.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict, Union


class Producer(TypedDict):
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
    kind: str                    # "document"
    published: Optional[str]     # ISO date
    published_source: Optional[str]
    chars: int
    producer: Producer


class _MoneyOptional(TypedDict, total=False):
    equivalent_of: int
    rate_note: bool


class MoneyRecord(_Base, _MoneyOptional):
    kind: str                    # "money"
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    currency: Optional[str]
    qualifier: Optional[str]
    period: Optional[str]
    actor: Optional[str]
    usd: Optional[float]
    eur: Optional[float]
    fx_date: Optional[str]


class DateRecord(_Base):
    kind: str                    # "date"
    start: Optional[str]
    end: Optional[str]
    granularity: Optional[str]


class ActorRecord(_Base):
    kind: str                    # "actor"
    name: str
    label: str
    mentions: int
    aliases: List[str]
    role: Optional[str]


class QuoteRecord(_Base):
    kind: str                    # "quote"
    quote: str
    speaker: Optional[str]
    speaker_text: Optional[str]
    cue: Optional[str]
    partial: bool


class ErrorRecord(_Base):
    kind: str                    # "error"
    error: str


Record = Union[DocumentRecord, MoneyRecord, DateRecord, ActorRecord, QuoteRecord, ErrorRecord]
BY_KIND = {"document": DocumentRecord, "money": MoneyRecord, "date": DateRecord, "actor": ActorRecord,
           "quote": QuoteRecord, "error": ErrorRecord}

__all__ = ["ActorRecord", "BY_KIND", "DateRecord", "DocumentRecord", "ErrorRecord", "MoneyRecord",
           "Producer", "QuoteRecord", "Record"]
