"""A claim cluster of ``summarise``: one actor's matching amounts across documents, and how it
reads as a row."""
from __future__ import annotations

import math
from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import amounts as am
from .claims import DocClaim

KEEP_DOCS = 10          # documents listed per cluster
KEEP_VARIANTS = 12      # ways of writing the amount listed per cluster
MIN_SENTENCE = 30       # a shorter sentence ("Revenue: $5bn") may well recur in independent articles
KEEP_SENTENCES = 256    # sentence keys kept per cluster to tell wire copies from independent sources


def sentence_key(mention: Dict[str, Any]) -> Optional[int]:
    """A mention's sentence, case folded, as a hash: two articles that print the same sentence
    around an amount are copies of one wire story, not two sources."""
    s = mention.get("sentence")
    if not s or type(s) is not str or len(s) < MIN_SENTENCE:
        return None
    # case folded only: a reprint keeps the words, spacing and punctuation (extract strips the
    # sentence), and any more folding per mention would cost a tenth of a summary's time
    return hash(s.lower())


def json_number(x: Optional[float]) -> Optional[float]:
    """JSON number: integral floats as ints, rounded to cents otherwise."""
    if x is None or not math.isfinite(x):
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2 ** 63 else round(x, 2)


NO_DOC: Any = object()


class Cluster:
    """One actor's matching claims across documents: the representative amount, counts, and the spread of amounts."""
    __slots__ = ("id", "actor", "amount", "mentions", "documents", "_last", "docs", "variants", "qualifiers",
                 "native", "usd", "merged", "dated", "type", "copies", "said")

    def __init__(self, cid: int, actor: Optional[str], amount: am.Amount, type_: Optional[str] = None):
        self.id = cid
        self.actor = actor
        self.type = type_
        self.amount = amount
        self.mentions = 0
        self.documents = 0
        self._last = NO_DOC
        self.docs: List[Any] = []
        self.variants: Dict[str, int] = {}                    # as written -> mentions, first seen first
        self.qualifiers: Optional[set] = None
        self.native: Dict[Optional[str], List[float]] = {}    # currency -> [min lo, max hi]
        self.usd: Optional[List[Any]] = None                  # [min, max]
        self.merged = False
        self.dated = amount.usd_lo is not None
        self.copies = 0                      # documents that only reprint a sentence another one gave
        self.said: set = set()               # keys of the sentences its mentions stand in

    def add(self, claim: DocClaim) -> None:
        """Count in one document's claim; claims of one document must come in a row to count it once."""
        if claim.doc != self._last:
            self._last = claim.doc
            self.documents += 1
            if len(self.docs) < KEEP_DOCS:
                self.docs.append(claim.doc)
            keys = {k for k in map(sentence_key, claim.mentions) if k is not None}
            if keys & self.said:
                self.copies += 1             # a wire copy: syndication is not agreement
            if len(self.said) < KEEP_SENTENCES:
                self.said |= keys
        self.mentions += len(claim.mentions)
        variants = self.variants
        for m in claim.mentions:
            t = m.get("text")
            if t and type(t) is str and (t in variants or len(variants) < KEEP_VARIANTS):
                variants[t] = variants.get(t, 0) + 1
            q = m.get("qualifier")
            if q and type(q) is str:
                if self.qualifiers is None:
                    self.qualifiers = set()
                self.qualifiers.add(q)
        self._span(claim.amount)

    def _span(self, a: am.Amount) -> None:
        r = self.native.get(a.currency)
        if r is None:
            self.native[a.currency] = [a.lo, a.hi]
        else:
            if a.lo < r[0]:
                r[0] = a.lo
            if a.hi > r[1]:
                r[1] = a.hi
        if a.usd_lo is not None and a.usd_hi is not None:
            if self.usd is None:
                self.usd = [a.usd_lo, a.usd_hi]
            else:
                self.usd[0], self.usd[1] = min(self.usd[0], a.usd_lo), max(self.usd[1], a.usd_hi)

    def absorb(self, other: "Cluster") -> None:
        """Take in ``other`` (it matched once converted to USD) and mark it merged; when either list of
        docs is full, documents they share count twice."""
        if len(self.docs) < KEEP_DOCS and len(other.docs) < KEEP_DOCS:
            extra = [d for d in other.docs if d not in self.docs]
            self.documents += len(extra)
            self.docs = (self.docs + extra)[:KEEP_DOCS]
        else:
            self.documents += other.documents
        self.copies += other.copies
        if len(self.said) < KEEP_SENTENCES:
            self.said |= other.said
        self.mentions += other.mentions
        for t, n in other.variants.items():
            if t in self.variants or len(self.variants) < KEEP_VARIANTS:
                self.variants[t] = self.variants.get(t, 0) + n
        if other.qualifiers:
            self.qualifiers = (self.qualifiers or set()) | other.qualifiers
        for cur, (lo, hi) in other.native.items():
            self._span(am.Amount(cur, lo, hi))
        if other.usd is not None:
            self._span(am.Amount(None, 0, 0, other.usd[0], other.usd[1]))
        other.merged = True

    def agree(self, tol: float, fx_tol: float) -> bool:
        """Whether its amounts agree: each currency's spread within ``tol``, the USD spread within ``fx_tol``."""
        native = all(am.rel(lo, hi) <= tol for lo, hi in self._ends())
        return native and (self.usd is None or am.rel(self.usd[0], self.usd[1]) <= fx_tol)

    def _ends(self) -> Iterable[Tuple[float, float]]:
        # for a range cluster compare like ends only: low with low is in amount.lo's spread
        for lo, hi in self.native.values():
            yield (lo, hi) if not self.amount.is_range else (lo, lo)

    def as_dict(self, tol: float, fx_tol: float) -> Dict[str, Any]:
        """The cluster as a row of the summary: value and usd for a point, low and high for a range."""
        a = self.amount
        v = self.variants
        return {
            "actor": self.actor, "type": self.type, "currency": a.currency,
            "value": None if a.is_range else json_number(a.lo), "low": json_number(a.lo) if a.is_range else None,
            "high": json_number(a.hi) if a.is_range else None, "usd": json_number(a.usd_lo) if not a.is_range else None,
            "sources": self.documents - self.copies, "copies": self.copies, "mentions": self.mentions,
            "docs": list(self.docs),
            # most written first; sorted() is stable, so ties keep the order first seen
            "variants": sorted(v, key=v.__getitem__, reverse=True),
            "qualifiers": sorted(self.qualifiers or ()), "agree": self.agree(tol, fx_tol),
        }
