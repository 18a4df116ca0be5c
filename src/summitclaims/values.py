"""Plain value types produced by the normalisers and stored on spaCy extension attributes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Money:
    """An amount as normalised from ``raw``: ``value`` for a point, ``low``/``high`` for a range (None: unknown)."""
    raw: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    currency: str | None = None          # ISO 4217
    currency_source: str | None = None   # written | context (the story's country) | default (of "$", "pounds")
    qualifier: str | None = None         # up_to | about | more_than | less_than | at_least
    period: str | None = None            # ISO 8601 duration, e.g. P5Y
    rate_note: bool = False              # "($1 = 0.9698 euros)": not a claim
    actor: str | None = None             # canonical name of whose money it is (in the sense of ``type``)
    type: str = "other"                  # commitment | revenue | valuation | price | rate | other
    type_cue: str | None = None          # the word that decided ``type``
    evidence: str | None = None          # why ``actor`` was linked: rule and words
    recipient: str | None = None         # who receives it, as written
    recipient_span: tuple[int, int] | None = None
    purpose: str | None = None           # what it is for, as written
    purpose_span: tuple[int, int] | None = None
    date: dt.date | None = None          # the date the claim refers to: first and last day
    date_end: dt.date | None = None
    new: bool | None = None              # False: announced before / part of a larger one; True: "new"
    equivalent_of: int | None = None     # char_start of the linked conversion
    usd: float | None = None             # converted at the ECB rate of fx_date
    eur: float | None = None
    fx_date: dt.date | None = None
    fx_note: str | None = None           # why usd or eur is missing for an amount with a currency


@dataclass
class DateValue:
    """A date phrase resolved to an inclusive span of days; ``start`` and ``end`` None when it could not be."""
    raw: str
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str | None = None       # day | week | month | quarter | half | season | year | decade
    timex: str | None = None             # TIMEX3 value: "1989-Q3", "1989-W44", "P1Y"; None for a range of days
    mod: str | None = None               # start | mid | end | approx | before | after (TimeML's MOD)
    narrow_start: dt.date | None = None  # the third that start / mid / end name ("early December": 1-10)
    narrow_end: dt.date | None = None
    relative: bool = False               # resolving it needed the publication date or another date of the story
    range_start: dt.date | None = None   # one end of a range written as two dates ("from May 1 to June 30"):
    range_end: dt.date | None = None     # the whole range, on both ends' values


@dataclass
class Quote:
    """What someone is reported as saying and who said it (None: not found): the words inside a
    quotation's marks (``type`` direct; ``partial``: a fragment), or a reported clause (indirect),
    which may hold quoted pieces (mixed)."""
    quote: str                           # words inside the marks, or the reported clause
    speaker: str | None = None           # canonical name
    speaker_text: str | None = None      # the words that named the speaker ("she")
    cue: str | None = None               # reporting verb, or the dash
    partial: bool = False
    type: str = "direct"                 # direct | mixed | indirect
    stance: str | None = None            # the cue's: neutral | assertive | distancing | tentative
    speaker_type: str | None = None      # named | pronoun | nominal | anonymous | organisation


@dataclass
class Actor:
    """One actor of a document: every mention's offsets, the forms it is written in, the first role the text gives."""
    name: str                            # canonical full name
    label: str                           # PERSON | ORG | GPE | LOC | NORP
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)   # (char_start, char_end)
    role: str | None = None
    wikidata: str | None = None          # the gazetteer row's Wikidata item ("Q142"), if it has one


# -- msgpack: spaCy serialises doc.user_data (where extension values live) with srsly's msgpack, for
# DocBin(store_user_data=True), Doc.to_bytes and nlp.pipe(n_process=N). These hooks carry our values
# and dates through it as tagged maps; untagged data passes on to the next hook in the chain.
_TAG = "__summitclaims__"
_TYPES = {cls.__name__: cls for cls in (Money, DateValue, Quote, Actor)}


def _encode(obj, chain=None):
    name = type(obj).__name__
    if _TYPES.get(name) is type(obj):
        fields = {k: getattr(obj, k) for k in obj.__dataclass_fields__}
        return {_TAG: name, "fields": fields}
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return {_TAG: "date", "iso": obj.isoformat()}
    return obj if chain is None else chain(obj)


def _decode(obj, chain=None):
    tag = obj.get(_TAG) if isinstance(obj, dict) else None
    if tag == "date":
        return dt.date.fromisoformat(obj["iso"])
    if tag in _TYPES:
        value = _TYPES[tag](**obj["fields"])
        if isinstance(value, Money):
            for name in ("recipient_span", "purpose_span"):
                got = getattr(value, name)
                setattr(value, name, tuple(got) if got is not None else None)
        if isinstance(value, Actor):
            # msgpack gives arrays back as lists or tuples, depending on the reader
            value.aliases = list(value.aliases)
            value.mentions = [tuple(m) for m in value.mentions]
        return value
    return obj if chain is None else chain(obj)


def register_msgpack() -> None:
    """Idempotent: register the hooks with srsly (imported here, as only spaCy users need it)."""
    from srsly import msgpack_decoders, msgpack_encoders

    if "summitclaims" not in msgpack_encoders.get_all():
        msgpack_encoders.register("summitclaims", func=_encode)
        msgpack_decoders.register("summitclaims", func=_decode)
