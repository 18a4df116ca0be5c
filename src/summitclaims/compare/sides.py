"""One side of a diff: its records folded into groups per kind (money claims across documents,
quotes by folded text and speaker, actors by name, dates by start and end); no key names a document."""
from __future__ import annotations

import datetime as dt
from typing import Any, Dict, Iterable, List, Optional, Tuple

from ..text.folds import quote_key as fold
from . import amounts as am
from .claims import DocClaim, Record, doc_money_claims, iter_docs, no_gc, published_of
from .topics import topic_terms, unit_word

MONEY_FIELDS = ("value", "low", "high", "currency", "qualifier", "period", "actor", "type", "usd", "fx_date")
QUOTE_FIELDS = ("quote", "speaker", "speaker_text", "cue", "partial", "type", "stance", "speaker_type")
ACTOR_FIELDS = ("name", "label", "role")
DATE_FIELDS = ("start", "end", "granularity")
_BASE = ("doc", "text", "char_start", "char_end", "sentence")


class Group:
    """The records of one side under one key: the first stands for them all, mentions and documents counted."""
    __slots__ = ("key", "first", "count", "docs", "_last", "amount", "actors", "texts", "folded",
                 "speaker", "_topic", "n")

    def __init__(self, key: Any, first: Record, n: int = 0):
        self.key = key
        self.n = n      # order of creation on its side: ties break on it, never on id() (an address)
        self.first = first
        self.count = 0
        self.docs = 0
        self._last: Any = object()
        self.amount: am.Amount = None  # type: ignore[assignment]  # every money group gets one
        self.actors: frozenset = frozenset()
        self.texts: List[Tuple[str, str]] = []   # (sentence, mention) for topic words
        self.folded = ""
        self.speaker: Optional[str] = None
        self._topic: Optional[frozenset] = None

    def seen(self, doc: Any, n: int = 1) -> None:
        """Count ``n`` mentions from ``doc``; a document counts once as long as its records come in a row."""
        self.count += n
        if doc != self._last:
            self.docs += 1
            self._last = doc

    def topic(self) -> frozenset:
        """The content words near its first few money mentions, its actors' names left out; worked out once."""
        if self._topic is None:
            terms: set = set()
            for sentence, mention in self.texts:
                terms |= topic_terms(sentence, mention, self.actors)
            self._topic = frozenset(terms)
        return self._topic

    def view(self, fields: Tuple[str, ...]) -> Dict[str, Any]:
        """A side of a diff row: the first record's base fields and ``fields``, with ``count`` and ``docs``
        (money: ``actors`` too)."""
        out = {k: self.first.get(k) for k in _BASE + fields}
        if self.amount is not None:
            out["actors"] = sorted(self.actors)
        out["count"] = self.count
        out["docs"] = self.docs
        return out


def _sig(x: float) -> float:
    return float(f"{x:.4g}")


class Side:
    """One side's records folded into groups per kind (insertion order kept)."""

    def __init__(self, tol: float, fx_tol: float):
        self.tol, self.fx_tol = tol, fx_tol
        self.money: Dict[Any, Group] = {}
        self.quotes: Dict[Any, Group] = {}
        self.actors: Dict[Any, Group] = {}
        self.dates: Dict[Any, Group] = {}
        self.errors: List[Record] = []
        self.documents = 0
        self.latest: Optional[dt.date] = None
        self._undated: List[am.Amount] = []

    def add(self, records: Iterable[Record]) -> "Side":
        """Fold in records, each document's in one run as extract writes them; returns self."""
        with no_gc():
            return self._add(records)

    def _add(self, records: Iterable[Record]) -> "Side":
        for head, body in iter_docs(records):
            published = published_of(head)
            if head is not None:
                self.documents += 1
            if published and (self.latest is None or published > self.latest):
                self.latest = published
            for claim in doc_money_claims(body, published, self.tol, self.fx_tol):
                self._add_claim(claim)
            for rec in body:
                kind = rec.get("kind")
                if kind == "quote":
                    folded = fold(rec.get("quote"))
                    if folded:
                        g = self._group(self.quotes, (folded, rec.get("speaker")), rec)
                        g.folded, g.speaker = folded, rec.get("speaker")
                elif kind == "actor" and rec.get("name"):
                    self._group(self.actors, str(rec["name"]).casefold(), rec)
                elif kind == "date" and (rec.get("start") or rec.get("end")):
                    self._group(self.dates, (rec.get("start"), rec.get("end")), rec)
                elif kind == "error":
                    self.errors.append(rec)
        return self

    @staticmethod
    def _group(table: Dict[Any, Group], key: Any, rec: Record, n: int = 1) -> Group:
        g = table.get(key)
        if g is None:
            g = table[key] = Group(key, rec, len(table))
        g.seen(rec.get("doc"), n)
        return g

    def _add_claim(self, claim: DocClaim) -> None:
        a = claim.amount
        # without a currency the number alone would make "1.25 pesos" the twin of "1.25 francs"
        unit = unit_word(claim.mentions[0].get("text")) if a.currency is None else ""
        key = (frozenset(claim.actors), a.currency, _sig(a.lo), _sig(a.hi), unit, claim.type)
        g = self._group(self.money, key, claim.mentions[0], len(claim.mentions))
        if g.amount is None:
            g.amount, g.actors = a, key[0]
            if a.usd_lo is None:
                self._undated.append(a)
        if len(g.texts) < 4:
            g.texts.extend((m.get("sentence") or "", m.get("text") or "") for m in claim.mentions[:2])

    def fill_usd(self, day: Optional[dt.date]) -> None:
        """USD values for the amounts of undated documents, at ``day``'s rate."""
        for a in self._undated:
            am.fill_usd(a, day)
        self._undated = []


def row(status: str, kind: str, a: Optional[Dict[str, Any]], b: Optional[Dict[str, Any]],
         reason: str) -> Dict[str, Any]:
    """One diff row; ``a`` or ``b`` is None when only the other side has it."""
    return {"status": status, "kind": kind, "a": a, "b": b, "reason": reason}


def twins(a: Dict[Any, Group], b: Dict[Any, Group]) -> Tuple[List[Tuple[Group, Group]], set, set]:
    """(pairs of groups under one key, ids of A's twinned groups, ids of B's)."""
    pairs = [(g, b[key]) for key, g in a.items() if key in b]
    return pairs, {id(g) for g, _ in pairs}, {id(o) for _, o in pairs}
