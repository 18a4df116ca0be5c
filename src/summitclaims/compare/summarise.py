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
import heapq
from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import amounts as am
from .claims import DocClaim, Record, doc_money_claims, no_gc
from .clusters import NO_DOC, Cluster, json_number

_KEEP_EXAMPLES = 3      # example sentences per day of the timeline
_KEEP_ERRORS = 20       # error records quoted in the summary


APART = frozenset(("price", "rate", "other"))   # amount types that are not claims of money committed, earned or owned


def _most_common(counts: Optional[Dict[str, int]]) -> Optional[str]:
    # max() keeps the first of equal counts: the value seen first wins a tie
    return max(counts.items(), key=lambda kv: kv[1])[0] if counts else None


class _Actor:
    __slots__ = ("name", "documents", "last", "labels", "roles", "mentions", "money", "quotes")

    def __init__(self, name: str):
        self.name = name
        self.documents = 0
        self.last: Any = NO_DOC
        self.labels: Optional[Dict[str, int]] = None     # plain dicts made on first use: most actors
        self.roles: Optional[Dict[str, int]] = None      # have one label and no role
        self.mentions = 0
        self.money = 0
        self.quotes = 0


class _Speaker:
    __slots__ = ("quotes", "documents", "last", "sample", "score")

    def __init__(self) -> None:
        self.quotes = 0
        self.documents = 0
        self.last: Any = NO_DOC
        self.sample: Optional[Dict[str, Any]] = None
        self.score = -1

    def offer(self, rec: Record) -> None:
        """Keep ``rec`` as the sample if it beats the one held: a whole quotation in the speaker's own
        words first, then reported speech, then a fragment; among them the nearer to 40 words."""
        # a whole quote of a sentence or two says more about a speaker than a fragment, and their
        # own words more than the reporter's paraphrase
        base = 0 if rec.get("partial") else 100 if rec.get("type", "direct") == "direct" else 50
        if base + 40 <= self.score:     # cannot win: skip counting the words
            return
        words = len(str(rec.get("quote") or "").split())
        score = base + min(words, 40) - max(0, words - 40)
        if score > self.score:
            self.score = score
            self.sample = {"quote": rec.get("quote"), "doc": rec.get("doc")}


class _Day:
    __slots__ = ("start", "end", "granularity", "documents", "last", "money", "quotes", "examples")

    def __init__(self, start: Any, end: Any, granularity: Any):
        self.start, self.end, self.granularity = start, end, granularity
        self.documents = 0
        self.last: Any = NO_DOC
        self.money = 0
        self.quotes = 0
        self.examples: List[Dict[str, Any]] = []


class Summariser:
    """``add(records)`` as often as needed, then ``result(top)``.

    The hot loop is written out inline (no per-record helper calls, no per-document record lists
    except money, quotes and dates): over a million records, every call per record costs a second.
    """

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
        self._index: Dict[Optional[str], Dict[Optional[str], am.AmountIndex[Cluster]]] = {}   # actor -> type ->
        self.unattributed = 0
        self._done = False

    def _actor(self, name: str, doc: Any) -> _Actor:
        a = self.actors.get(name)
        if a is None:
            a = self.actors[name] = _Actor(name)
        if doc != a.last:
            a.last = doc
            a.documents += 1
        return a

    def add(self, records: Iterable[Record]) -> "Summariser":
        """Fold in records, each document's in one run as extract writes them; returns self, for ``result``."""
        with no_gc():
            return self._add(records)

    def _add(self, records: Iterable[Record]) -> "Summariser":
        actors, speakers = self.actors, self.speakers
        new_actor, new_speaker = _Actor, _Speaker
        doc: Any = NO_DOC
        published: Optional[dt.date] = None
        started = False
        money: List[Record] = []
        quotes: List[Record] = []
        dated: Dict[str, List[Record]] = {}
        n = 0
        for rec in records:
            n += 1
            kind = rec.get("kind")
            d = rec.get("doc")
            if d != doc or kind == "document" or not started:
                # a document's records come in one run, led by its ``document`` record
                if started and (money or dated):
                    self._doc(money, quotes, dated, published)
                    money, quotes, dated = [], [], {}
                elif quotes:
                    quotes = []
                started, doc, published = True, d, None
                if kind == "document":
                    self.documents += 1
                    published = am.parse_day(rec.get("published"))
                    if published and (self.latest is None or published > self.latest):
                        self.latest = published
                    continue
            if kind == "actor":
                name = rec.get("name")
                if name and type(name) is str:
                    a = actors.get(name)
                    if a is None:
                        a = actors[name] = new_actor(name)
                    if doc != a.last:
                        a.last = doc
                        a.documents += 1
                    m = rec.get("mentions")
                    a.mentions += (m or 1) if type(m) is int else 1
                    label = rec.get("label")
                    if label and type(label) is str:
                        if a.labels is None:
                            a.labels = {label: 1}
                        else:
                            a.labels[label] = a.labels.get(label, 0) + 1
                    role = rec.get("role")
                    if role and type(role) is str:
                        if a.roles is None:
                            a.roles = {role: 1}
                        else:
                            a.roles[role] = a.roles.get(role, 0) + 1
            elif kind == "money":
                money.append(rec)
            elif kind == "quote":
                quotes.append(rec)
                speaker = rec.get("speaker")
                if speaker and type(speaker) is str:
                    s = speakers.get(speaker)
                    if s is None:
                        s = speakers[speaker] = new_speaker()
                    if doc != s.last:
                        s.last = doc
                        s.documents += 1
                    s.quotes += 1
                    s.offer(rec)
                    a = actors.get(speaker)
                    if a is None:
                        a = actors[speaker] = new_actor(speaker)
                    if doc != a.last:
                        a.last = doc
                        a.documents += 1
                    a.quotes += 1
            elif kind == "date":
                sentence = rec.get("sentence")
                start, end = rec.get("start"), rec.get("end")
                if (sentence and type(sentence) is str and (start or end)
                        and (start is None or type(start) is str) and (end is None or type(end) is str)):
                    lst = dated.get(sentence)
                    if lst is None:
                        dated[sentence] = [rec]
                    else:
                        lst.append(rec)
            elif kind == "error":
                self.error_count += 1
                if len(self.errors) < _KEEP_ERRORS:
                    self.errors.append({"doc": rec.get("doc"), "error": rec.get("error")})
        if started and (money or dated):
            self._doc(money, quotes, dated, published)
        self.records += n
        return self

    def _doc(self, money: List[Record], quotes: List[Record], dated: Dict[str, List[Record]],
             published: Optional[dt.date]) -> None:
        for claim in doc_money_claims(money, published, self.tol, self.fx_tol):
            k = len(claim.mentions)
            for actor in sorted(claim.actors) or (None,):
                self._cluster(actor, claim).add(claim)
                if actor is None:
                    self.unattributed += k
                else:
                    self._actor(actor, claim.doc).money += k
            if dated:
                for m in claim.mentions:
                    s = m.get("sentence")
                    for d in dated.get(s, ()) if type(s) is str else ():
                        self._dated(d, m, "money", ", ".join(sorted(claim.actors)) or None)
        if dated:
            for rec in quotes:
                s = rec.get("sentence")
                for d in dated.get(s, ()) if type(s) is str else ():
                    self._dated(d, rec, "quote", rec.get("speaker"))

    def _cluster(self, actor: Optional[str], claim: DocClaim) -> Cluster:
        # one index per actor and type; a claim of undecided type (None) joins a matching cluster of
        # any type of its actor, and a typed claim joins a matching undecided one (giving it its type)
        by_type = self._index.get(actor)
        if by_type is None:
            by_type = self._index[actor] = {}
        idx = by_type.get(claim.type)
        if idx is None:
            idx = by_type[claim.type] = am.AmountIndex(self.tol, self.fx_tol)
        c = idx.first(claim.amount)
        if c is None and len(by_type) > 1:
            for t, other in by_type.items():
                if t != claim.type and (claim.type is None or t is None):
                    c = other.first(claim.amount)
                    if c is not None:
                        if c.type is None:
                            c.type = claim.type
                        break
        if c is None:
            c = Cluster(len(self.clusters), actor, claim.amount, claim.type)
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
        doc = m.get("doc")
        if doc != day.last:
            day.last = doc
            day.documents += 1
        if kind == "money":
            day.money += 1
        else:
            day.quotes += 1
        if len(day.examples) < _KEEP_EXAMPLES:
            text = m.get("text") if kind == "money" else m.get("quote")
            day.examples.append({"kind": kind, "doc": m.get("doc"), "text": text, "actor": who})

    def _merge_undated(self) -> None:
        """Convert undated clusters at the latest publication date; merge those that now match."""
        late_actors = {(c.actor, c.type) for c in self.clusters if not c.dated}
        if not late_actors:
            return
        by_actor: Dict[Tuple[Optional[str], Optional[str]], List[Cluster]] = {}
        for c in self.clusters:
            if (c.actor, c.type) in late_actors:
                by_actor.setdefault((c.actor, c.type), []).append(c)
        for clusters in by_actor.values():
            late = [c for c in clusters if not c.dated]
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
        every = [c for c in self.clusters if not c.merged]
        # claims proper; prices, rates and other figures are listed apart and never "agree" with pledges
        clusters = [c for c in every if c.type not in APART]
        apart = [c for c in every if c.type in APART]
        top = max(0, top)

        def best(rows: Iterable[Any], key: Any) -> List[Any]:
            # the first ``top`` of sorted(rows, key): a heap when only a few of many are wanted
            return heapq.nsmallest(top, rows, key=key) if top else sorted(rows, key=key)

        chosen = best(self.actors.values(), key=lambda a: (-a.documents, -a.money, -a.mentions, a.name))
        owned: Dict[str, List[Cluster]] = {a.name: [] for a in chosen}
        for c in clusters:          # an actor's totals: its claims, not share prices or rates
            lst = owned.get(c.actor) if c.actor is not None else None
            if lst is not None:
                lst.append(c)
        actors = []
        for a in chosen:
            totals: Dict[str, float] = {}
            usd = 0.0
            ranges = 0
            for c in owned[a.name]:
                if c.amount.is_range:
                    ranges += 1
                    continue
                cur = c.amount.currency or "?"
                totals[cur] = totals.get(cur, 0.0) + c.amount.lo
                usd += c.amount.usd_lo or 0.0
            actors.append({
                "name": a.name, "label": _most_common(a.labels), "role": _most_common(a.roles),
                "documents": a.documents, "mentions": a.mentions, "money": a.money,
                "claims": len(owned[a.name]), "totals": {k: json_number(v) for k, v in sorted(totals.items())},
                "total_usd": json_number(usd), "ranges": ranges, "quotes": a.quotes,
            })
        def rank(c: Cluster) -> Any:
            return (-c.documents, -c.mentions, -(c.amount.usd_lo or 0), c.id)

        ranked = best(clusters, key=rank)
        ranked_apart = best(apart, key=rank)
        speakers = best(self.speakers.items(), key=lambda kv: (-kv[1].quotes, -kv[1].documents, kv[0]))
        days = best(self.days.values(), key=lambda d: (-(d.money + d.quotes), str(d.start)))
        days.sort(key=lambda d: (str(d.start), str(d.end)))
        return {
            "documents": self.documents, "records": self.records, "errors": self.error_count,
            "error_samples": self.errors, "fx_fallback_date": self.latest.isoformat() if self.latest else None,
            "unattributed_money": self.unattributed,
            "actors": actors,
            "clusters": [c.as_dict(self.tol, self.fx_tol) for c in ranked],
            "other_amounts": [c.as_dict(self.tol, self.fx_tol) for c in ranked_apart],
            "speakers": [{"name": n, "quotes": s.quotes, "documents": s.documents, "sample": s.sample}
                         for n, s in speakers],
            "timeline": [{"start": d.start, "end": d.end, "granularity": d.granularity, "money": d.money,
                          "quotes": d.quotes, "documents": d.documents, "examples": d.examples} for d in days],
        }


def summarise(records: Iterable[Record], top: int = 20, *, tol: float = am.TOL,
              fx_tol: float = am.FX_TOL) -> Dict[str, Any]:
    """The summary of ``records`` in one call, ``top`` rows per section (0: all); see ``Summariser``."""
    return Summariser(tol, fx_tol).add(records).result(top)
