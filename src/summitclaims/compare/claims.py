"""Records -> claims: documents grouped, money mentions of one document folded into claims.

Only mentions of one ``type`` fold together: a share price of $50 is not a $50 pledge. A mention
whose type was not decided (``other`` with no cue) folds with a claim of any type.

An article often states one amount several times ("€200 billion" in the lead, "200 billion euros"
in a quote) and names its actor only once, or gives a conversion beside it ("€109bn ($112bn)").
Within one document, money mentions whose amounts match (see ``amounts.match``) or that are the
linked conversion of another (``equivalent_of``) are one claim; the claim's actors are every actor
its mentions name.
"""
from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from typing import Any, Dict, Iterable, Iterator, List, Optional, Set, Tuple

from .amounts import FX_TOL, TOL, Amount, AmountIndex, amount_of, fill_usd, parse_day

Record = Dict[str, Any]


@contextmanager
def no_gc() -> Iterator[None]:
    """The cyclic collector paused: folding records builds hundreds of thousands of small objects and
    no reference cycles, and the collector would walk them again and again (a sixth of the time)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


class DocClaim:
    """One amount as one document states it: the money mentions folded into it and every actor they name."""
    __slots__ = ("doc", "amount", "actors", "mentions", "published", "type")

    def __init__(self, doc: Optional[str], amount: Amount, published: Optional[dt.date],
                 type_: Optional[str] = None):
        self.doc = doc
        self.type = type_               # the records' ``type``; None for records written before it
        self.amount = amount
        self.actors: Set[str] = set()
        self.mentions: List[Record] = []
        self.published = published


def iter_docs(records: Iterable[Record]) -> Iterator[Tuple[Optional[Record], List[Record]]]:
    """(document record or None, the document's other records), for runs of one ``doc`` id.

    Records written by ``extract`` come document by document, each led by its ``document`` record.
    """
    head: Optional[Record] = None
    body: List[Record] = []
    current: Any = object()
    for rec in records:
        kind = rec.get("kind")
        doc = rec.get("doc")
        if kind == "document" or doc != current:
            if head is not None or body:
                yield head, body
            head, body, current = None, [], doc
            if kind == "document":
                head = rec
                continue
        body.append(rec)
    if head is not None or body:
        yield head, body


def decided_type(rec: Record) -> Optional[str]:
    """A money record's ``type``, None when it was not decided (``other`` with no cue: nothing
    governs the amount) or the record predates types: such a mention folds with any type."""
    t = rec.get("type")
    if not isinstance(t, str) or (t == "other" and not rec.get("type_cue")):
        return None
    return t


def _first_match(indexes: Dict[Optional[str], "AmountIndex[DocClaim]"], kind: Optional[str],
                 amount: Amount) -> Optional[DocClaim]:
    """The claim a mention folds into: one of its type, else an undecided one; an undecided mention
    folds into the first-made claim of any type."""
    if kind is not None:
        for k in (kind, None):
            idx = indexes.get(k)
            found = idx.first(amount) if idx is not None else None
            if found is not None:
                return found
        return None
    found_all = [c for c in (idx.first(amount) for idx in indexes.values()) if c is not None]
    return min(found_all, key=lambda c: c.mentions[0].get("char_start") or 0) if found_all else None


def doc_money_claims(records: Iterable[Record], published: Optional[dt.date] = None,
                     tol: float = TOL, fx_tol: float = FX_TOL) -> List[DocClaim]:
    """The money claims of one document's records, in order of first mention."""
    claims: List[DocClaim] = []
    indexes: Dict[Optional[str], AmountIndex[DocClaim]] = {}
    by_start: Dict[int, DocClaim] = {}   # char_start -> claim, for equivalent_of links
    wanted: Dict[int, DocClaim] = {}     # char_start a mention named as its twin -> that mention's claim
    for rec in records:
        if rec.get("kind") != "money":
            continue
        amount = amount_of(rec)
        if amount is None:
            continue
        if amount.usd_lo is None:
            fill_usd(amount, published or parse_day(rec.get("fx_date")))
        link = rec.get("equivalent_of")
        start = rec.get("char_start")
        kind = decided_type(rec)
        index = indexes.get(kind)
        if index is None:
            index = indexes[kind] = AmountIndex(tol, fx_tol)
        claim = by_start.get(link) if isinstance(link, int) else None
        if claim is None and isinstance(start, int):
            claim = wanted.get(start)     # an earlier mention named this one as its twin
        if claim is None and claims:
            claim = _first_match(indexes, kind, amount)
        if claim is None:
            claim = DocClaim(rec.get("doc"), amount, published, kind)
            claims.append(claim)
            index.add(amount, claim)
        elif claim.type is None and kind is not None:
            claim.type = kind             # an undecided mention's claim takes the type a later one gives
        elif claim.amount.usd_lo is None and amount.usd_lo is not None and claim.amount.currency == amount.currency:
            claim.amount = amount
        claim.mentions.append(rec)
        if isinstance(start, int):
            by_start[start] = claim
        if isinstance(link, int):
            wanted.setdefault(link, claim)
        actor = rec.get("actor")
        if actor and isinstance(actor, str):
            claim.actors.add(actor)
    return claims


def published_of(head: Optional[Record]) -> Optional[dt.date]:
    """The date a document record gives as published; None without the record or a readable date."""
    return parse_day(head.get("published")) if head else None
