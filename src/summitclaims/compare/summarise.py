"""Roll many documents' records up into actors, claim clusters, speakers and a timeline, streaming.

Records are read once, document by document; memory grows with the number of distinct actors,
claims and dates, not with the number of records.

Clusters: the money claims of each document (``claims.doc_money_claims``) join, per actor, the
first cluster whose representative amount matches (``amounts.match``: same currency within ``tol``,
or USD within ``fx_tol``). Amounts of articles without a publication date have no USD value while
streaming; at the end they are converted at the latest publication date of the input and clusters
of one actor that now match across currencies are merged. A cluster *agrees* when, per currency,
its amounts lie within ``tol`` of each other and their USD values within ``fx_tol``.

Actor totals add each cluster once, at its first-written amount (ranges are counted, not added):
an amount restated in ten articles is one claim, not ten.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import amounts as am
from .claims import DocClaim, Record, doc_money_claims, iter_docs, published_of

_KEEP_DOCS = 10
_KEEP_VARIANTS = 12
_KEEP_EXAMPLES = 3
_KEEP_ERRORS = 20


def _n(x: Optional[float]) -> Optional[float]:
    """JSON number: integral floats as ints, rounded to cents otherwise."""
    if x is None or not math.isfinite(x):
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2 ** 63 else round(x, 2)


class _Seen:
    """Counts distinct documents of records that arrive document by document."""
    __slots__ = ("documents", "_last")

    def __init__(self) -> None:
        self.documents = 0
        self._last: Any = object()

    def doc(self, doc: Any) -> bool:
        if doc == self._last:
            return False
        self._last = doc
        self.documents += 1
        return True


class Cluster(_Seen):
    __slots__ = ("id", "actor", "amount", "mentions", "docs", "variants", "qualifiers", "native",
                 "usd", "merged", "dated")

    def __init__(self, cid: int, actor: Optional[str], amount: am.Amount):
        super().__init__()
        self.id = cid
        self.actor = actor
        self.amount = amount
        self.mentions = 0
        self.docs: List[str] = []
        self.variants: Counter = Counter()
        self.qualifiers: set = set()
        self.native: Dict[Optional[str], List[float]] = {}    # currency -> [min lo, max hi]
        self.usd: Optional[List[float]] = None                # [min, max]
        self.merged = False
        self.dated = amount.usd_lo is not None

    def add(self, claim: DocClaim) -> None:
        if self.doc(claim.doc) and len(self.docs) < _KEEP_DOCS:
            self.docs.append(claim.doc)
        self.mentions += len(claim.mentions)
        for m in claim.mentions:
            t = m.get("text")
            if t and (t in self.variants or len(self.variants) < _KEEP_VARIANTS):
                self.variants[t] += 1
            if m.get("qualifier"):
                self.qualifiers.add(m["qualifier"])
        self._span(claim.amount)

    def _span(self, a: am.Amount) -> None:
        r = self.native.get(a.currency)
        if r is None:
            self.native[a.currency] = [a.lo, a.hi]
        else:
            r[0], r[1] = min(r[0], a.lo), max(r[1], a.hi)
        if a.usd_lo is not None:
            if self.usd is None:
                self.usd = [a.usd_lo, a.usd_hi]
            else:
                self.usd[0], self.usd[1] = min(self.usd[0], a.usd_lo), max(self.usd[1], a.usd_hi)

    def absorb(self, other: "Cluster") -> None:
        if len(self.docs) < _KEEP_DOCS and len(other.docs) < _KEEP_DOCS:
            extra = [d for d in other.docs if d not in self.docs]
            self.documents += len(extra)
            self.docs = (self.docs + extra)[:_KEEP_DOCS]
        else:
            self.documents += other.documents
        self.mentions += other.mentions
        for t, n in other.variants.items():
            if t in self.variants or len(self.variants) < _KEEP_VARIANTS:
                self.variants[t] += n
        self.qualifiers |= other.qualifiers
        for cur, (lo, hi) in other.native.items():
            self._span(am.Amount(cur, lo, hi))
        if other.usd is not None:
            self._span(am.Amount(None, 0, 0, other.usd[0], other.usd[1]))
        other.merged = True

    def agree(self, tol: float, fx_tol: float) -> bool:
        native = all(am.rel(lo, hi) <= tol for lo, hi in self._ends())
        return native and (self.usd is None or am.rel(self.usd[0], self.usd[1]) <= fx_tol)

    def _ends(self) -> Iterable[Tuple[float, float]]:
        # for a range cluster compare like ends only: low with low is in amount.lo's spread
        for lo, hi in self.native.values():
            yield (lo, hi) if not self.amount.is_range else (lo, lo)

    def as_dict(self, tol: float, fx_tol: float) -> Dict[str, Any]:
        a = self.amount
        return {
            "actor": self.actor, "currency": a.currency,
            "value": None if a.is_range else _n(a.lo), "low": _n(a.lo) if a.is_range else None,
            "high": _n(a.hi) if a.is_range else None, "usd": _n(a.usd_lo) if not a.is_range else None,
            "sources": self.documents, "mentions": self.mentions, "docs": list(self.docs),
            "variants": [t for t, _ in self.variants.most_common()],
            "qualifiers": sorted(self.qualifiers), "agree": self.agree(tol, fx_tol),
        }


class _Actor(_Seen):
    __slots__ = ("name", "labels", "roles", "mentions", "money", "quotes", "clusters")

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.labels: Counter = Counter()
        self.roles: Counter = Counter()
        self.mentions = 0
        self.money = 0
        self.quotes = 0
        self.clusters: List[Cluster] = []


class _Speaker(_Seen):
    __slots__ = ("quotes", "sample", "score")

    def __init__(self) -> None:
        super().__init__()
        self.quotes = 0
        self.sample: Optional[Dict[str, Any]] = None
        self.score = -1.0

    def offer(self, rec: Record) -> None:
        # a whole quote of a sentence or two says more about a speaker than a fragment
        words = len(str(rec.get("quote") or "").split())
        score = (0 if rec.get("partial") else 100) + min(words, 40) - max(0, words - 40)
        if score > self.score:
            self.score = score
            self.sample = {"quote": rec.get("quote"), "doc": rec.get("doc")}


class _Day(_Seen):
    __slots__ = ("start", "end", "granularity", "money", "quotes", "examples")

    def __init__(self, start: Any, end: Any, granularity: Any):
        super().__init__()
        self.start, self.end, self.granularity = start, end, granularity
        self.money = 0
        self.quotes = 0
        self.examples: List[Dict[str, Any]] = []


class Summariser:
    """``add(records)`` as often as needed, then ``result(top)``."""

    def __init__(self, tol: float = am.TOL, fx_tol: float = am.FX_TOL):
        self.tol, self.fx_tol = tol, fx_tol
        self.records = 0
        self.documents = 0
        self.errors: List[Dict[str, Any]] = []
        self.error_count = 0
        self.latest: Optional[dt.date] = None
        self.actors: Dict[str, _Actor] = {}
        self.speakers: Dict[str, _Speaker] = {}
        self.days: Dict[Tuple[Any, Any], _Day] = {}
        self.clusters: List[Cluster] = []
        self._index: Dict[Optional[str], am.AmountIndex[Cluster]] = {}
        self.unattributed = 0
        self._done = False

    def _actor(self, name: str, doc: Any) -> _Actor:
        a = self.actors.get(name)
        if a is None:
            a = self.actors[name] = _Actor(name)
        a.doc(doc)
        return a

    def add(self, records: Iterable[Record]) -> "Summariser":
        for head, body in iter_docs(records):
            self.records += len(body) + (head is not None)
            if head is not None:
                self.documents += 1
            published = published_of(head)
            if published and (self.latest is None or published > self.latest):
                self.latest = published
            self._doc(body, published)
        return self

    def _doc(self, body: List[Record], published: Optional[dt.date]) -> None:
        dated: Dict[str, List[Record]] = {}
        for rec in body:
            kind = rec.get("kind")
            if kind == "actor" and rec.get("name"):
                a = self._actor(rec["name"], rec.get("doc"))
                a.mentions += rec.get("mentions") or 1
                if rec.get("label"):
                    a.labels[rec["label"]] += 1
                if rec.get("role"):
                    a.roles[rec["role"]] += 1
            elif kind == "quote":
                speaker = rec.get("speaker")
                if speaker:
                    s = self.speakers.get(speaker)
                    if s is None:
                        s = self.speakers[speaker] = _Speaker()
                    s.doc(rec.get("doc"))
                    s.quotes += 1
                    s.offer(rec)
                    self._actor(speaker, rec.get("doc")).quotes += 1
            elif kind == "date" and rec.get("sentence") and (rec.get("start") or rec.get("end")):
                dated.setdefault(rec["sentence"], []).append(rec)
            elif kind == "error":
                self.error_count += 1
                if len(self.errors) < _KEEP_ERRORS:
                    self.errors.append({"doc": rec.get("doc"), "error": rec.get("error")})
        for claim in doc_money_claims(body, published, self.tol, self.fx_tol):
            for actor in sorted(claim.actors) or (None,):
                self._cluster(actor, claim).add(claim)
                if actor is None:
                    self.unattributed += len(claim.mentions)
                else:
                    self._actor(actor, claim.doc).money += len(claim.mentions)
            if dated:
                for m in claim.mentions:
                    for d in dated.get(m.get("sentence") or "", ()):
                        self._dated(d, m, "money", ", ".join(sorted(claim.actors)) or None)
        if dated:
            for rec in body:
                if rec.get("kind") == "quote":
                    for d in dated.get(rec.get("sentence") or "", ()):
                        self._dated(d, rec, "quote", rec.get("speaker"))

    def _cluster(self, actor: Optional[str], claim: DocClaim) -> Cluster:
        idx = self._index.get(actor)
        if idx is None:
            idx = self._index[actor] = am.AmountIndex(self.tol, self.fx_tol)
        c = next((c for _, c in idx.near(claim.amount, limit=1)), None)
        if c is None:
            c = Cluster(len(self.clusters), actor, claim.amount)
            self.clusters.append(c)
            idx.add(claim.amount, c)
        elif c.amount.usd_lo is None and claim.amount.usd_lo is not None and c.amount.currency == claim.amount.currency:
            c.amount = claim.amount     # now reachable from other currencies too
            c.dated = True
            idx.add(claim.amount, c)
        return c

    def _dated(self, d: Record, m: Record, kind: str, who: Optional[str]) -> None:
        key = (d.get("start"), d.get("end"))
        day = self.days.get(key)
        if day is None:
            day = self.days[key] = _Day(d.get("start"), d.get("end"), d.get("granularity"))
        day.doc(m.get("doc"))
        if kind == "money":
            day.money += 1
        else:
            day.quotes += 1
        if len(day.examples) < _KEEP_EXAMPLES:
            text = m.get("text") if kind == "money" else m.get("quote")
            day.examples.append({"kind": kind, "doc": m.get("doc"), "text": text, "actor": who})

    def _merge_undated(self) -> None:
        """Convert undated clusters at the latest publication date; merge those that now match."""
        by_actor: Dict[Optional[str], List[Cluster]] = {}
        for c in self.clusters:
            by_actor.setdefault(c.actor, []).append(c)
        for clusters in by_actor.values():
            late = [c for c in clusters if not c.dated]
            if not late:
                continue
            idx: am.AmountIndex[Cluster] = am.AmountIndex(self.tol, self.fx_tol)
            for c in clusters:
                if c.dated:
                    idx.add(c.amount, c)
            for c in late:
                amount = am.Amount(c.amount.currency, c.amount.lo, c.amount.hi)
                if not am.fill_usd(amount, self.latest):
                    continue
                target = next((o for _, o in idx.near(amount) if o is not c and not o.merged
                               and o.amount.currency != amount.currency), None)
                if target is not None:
                    target.absorb(c)
                else:
                    c.amount = amount
                    if c.usd is None:
                        c.usd = [amount.usd_lo, amount.usd_hi]
                    idx.add(amount, c)

    def result(self, top: int = 20) -> Dict[str, Any]:
        """The summary; ``top`` > 0 keeps that many rows per section (the timeline: busiest dates)."""
        if not self._done:
            self._done = True
            self._merge_undated()
            for c in self.clusters:
                if c.actor is not None and not c.merged:
                    self.actors[c.actor].clusters.append(c)
        clusters = [c for c in self.clusters if not c.merged]
        top = max(0, top)

        def cut(rows: List[Any]) -> List[Any]:
            return rows[:top] if top else rows

        actors = []
        for a in sorted(self.actors.values(), key=lambda a: (-a.documents, -a.money, -a.mentions, a.name)):
            totals: Dict[str, float] = {}
            usd = 0.0
            ranges = 0
            for c in a.clusters:
                if c.amount.is_range:
                    ranges += 1
                    continue
                cur = c.amount.currency or "?"
                totals[cur] = totals.get(cur, 0.0) + c.amount.lo
                usd += c.amount.usd_lo or 0.0
            actors.append({
                "name": a.name, "label": a.labels.most_common(1)[0][0] if a.labels else None,
                "role": a.roles.most_common(1)[0][0] if a.roles else None,
                "documents": a.documents, "mentions": a.mentions, "money": a.money,
                "claims": len(a.clusters), "totals": {k: _n(v) for k, v in sorted(totals.items())},
                "total_usd": _n(usd), "ranges": ranges, "quotes": a.quotes,
            })
        ranked = sorted(clusters, key=lambda c: (-c.documents, -c.mentions, -(c.amount.usd_lo or 0), c.id))
        speakers = sorted(self.speakers.items(), key=lambda kv: (-kv[1].quotes, -kv[1].documents, kv[0]))
        days = sorted(self.days.values(), key=lambda d: (-(d.money + d.quotes), str(d.start)))
        days = sorted(cut(days), key=lambda d: (str(d.start), str(d.end)))
        return {
            "documents": self.documents, "records": self.records, "errors": self.error_count,
            "error_samples": self.errors, "fx_fallback_date": self.latest.isoformat() if self.latest else None,
            "unattributed_money": self.unattributed,
            "actors": cut(actors),
            "clusters": [c.as_dict(self.tol, self.fx_tol) for c in cut(ranked)],
            "speakers": [{"name": n, "quotes": s.quotes, "documents": s.documents, "sample": s.sample}
                         for n, s in cut(speakers)],
            "timeline": [{"start": d.start, "end": d.end, "granularity": d.granularity, "money": d.money,
                          "quotes": d.quotes, "documents": d.documents, "examples": d.examples} for d in days],
        }


def summarise(records: Iterable[Record], top: int = 20, *, tol: float = am.TOL,
              fx_tol: float = am.FX_TOL) -> Dict[str, Any]:
    return Summariser(tol, fx_tol).add(records).result(top)
