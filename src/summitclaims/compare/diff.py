"""Pair what two sets of records say: same, conflicts, only in A, only in B.

Each side is folded first: money mentions into claims per document (``claims.doc_money_claims``),
then equal claims across the side's documents into one group (same actors, same currency, same
amount to four significant digits and, when the currency is unknown, the same unit word), quotes by
folded text and speaker, actors by name, dates by (start, end). None of these keys names a document.

Twins first. A group whose key the other side has too is paired with that group before anything
else is tried, for money and quotes alike: both sides fold the same way, so records compared with
themselves give nothing but twins, whatever the tolerances, candidate caps or tie-breaks below do
(an amount of unknown currency matches nothing by tolerance, not even itself).

Money. A group of A that has no twin meets a group of B when the amounts match (``amounts.match``:
same currency within ``tol``, or USD values within ``fx_tol``) and the actors agree: they share an
actor (best), or one side names none. Every group without a twin takes its best partner on the other
side, twinned groups included; the rows are the union of those pairs, so a group may stand in more
than one row but a pair is listed once. Same amount with different actors is no match: both stay
"only in", with a reason naming the other side's actor. A *conflict* is a pair left unmatched that
shares an actor, whose amounts differ, and whose topic words (content words around the amount in its
sentence, ``text.topic_terms``) overlap: at least two shared words, or one when a side has no more
than one. Each group is in at most one conflict, strongest overlap first.

Quotes. Folded texts (case, punctuation, spacing) of quotes without a twin are compared with
rapidfuzz: a match is a ratio of at least ``quote_ratio``, or a partial ratio of at least 95 when
the shorter quote has at least four words (a truncated quote meets its full one). Same speaker or a
speaker on one side only: same; two different speakers: conflict. Candidates come from shared word
trigrams, so no quote is compared with every other.

Actors and dates: same, or only in A / only in B.

Rows: ``{"status": same|conflict|only_a|only_b, "kind": money|quote|actor|date, "a": side or null,
"b": side or null, "reason": str}``; a side is the first record of the group (doc, text, offsets,
sentence and the kind's fields) with ``count`` (mentions on that side) and ``docs`` (documents).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Dict, Iterable, List, Optional, Tuple

from rapidfuzz import fuzz

from . import amounts as am
from .claims import DocClaim, Record, doc_money_claims, iter_docs, no_gc, published_of
from .text import fold, shingles, topic_terms, unit_word

STATUSES = ("same", "conflict", "only_a", "only_b")
KINDS = ("money", "quote", "actor", "date")
QUOTE_RATIO = 85.0
_PARTIAL = 95.0
_POSTING_CAP = 200      # a trigram or topic word shared by more groups than this says nothing
_CANDIDATES = 20        # quote candidates checked with rapidfuzz per group

MONEY_FIELDS = ("value", "low", "high", "currency", "qualifier", "period", "actor", "usd", "fx_date")
QUOTE_FIELDS = ("quote", "speaker", "speaker_text", "cue", "partial")
ACTOR_FIELDS = ("name", "label", "role")
DATE_FIELDS = ("start", "end", "granularity")
_BASE = ("doc", "text", "char_start", "char_end", "sentence")


class Group:
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
        self.count += n
        if doc != self._last:
            self.docs += 1
            self._last = doc

    def topic(self) -> frozenset:
        if self._topic is None:
            terms: set = set()
            for sentence, mention in self.texts:
                terms |= topic_terms(sentence, mention, self.actors)
            self._topic = frozenset(terms)
        return self._topic

    def view(self, fields: Tuple[str, ...]) -> Dict[str, Any]:
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
        key = (frozenset(claim.actors), a.currency, _sig(a.lo), _sig(a.hi), unit)
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


def _row(status: str, kind: str, a: Optional[Dict[str, Any]], b: Optional[Dict[str, Any]],
         reason: str) -> Dict[str, Any]:
    return {"status": status, "kind": kind, "a": a, "b": b, "reason": reason}


# --- money -------------------------------------------------------------------------------------

class _MoneyIndex:
    def __init__(self, groups: Iterable[Group], tol: float, fx_tol: float):
        self.by_actor: Dict[Optional[str], am.AmountIndex[Group]] = defaultdict(lambda: am.AmountIndex(tol, fx_tol))
        self.any: am.AmountIndex[Group] = am.AmountIndex(tol, fx_tol)
        for g in groups:
            for actor in g.actors or (None,):
                self.by_actor[actor].add(g.amount, g)
            self.any.add(g.amount, g)

    def best(self, g: Group) -> Optional[Tuple[int, float, Group]]:
        """(tier, distance, group): tier 0 shares an actor, 1 has no actor on one side."""
        found: List[Tuple[int, float, int, Group]] = []
        for tier, actors in ((0, g.actors), (1, (None,) if g.actors else ())):
            for actor in actors:
                idx = self.by_actor.get(actor)
                for other_amount, other in idx.near(g.amount) if idx else ():
                    found.append((tier, am.distance(g.amount, other_amount), other.n, other))
            if found:
                break
        if not found and not g.actors:
            for other_amount, other in self.any.near(g.amount, limit=_CANDIDATES):
                found.append((1, am.distance(g.amount, other_amount), other.n, other))
        if not found:
            return None
        tier, dist, _, other = min(found, key=lambda t: (t[0], t[1], t[3].first.get("char_start") or 0, t[2]))
        return tier, dist, other


def _money_reason(ga: Group, gb: Group) -> str:
    a, b = ga.amount, gb.amount
    how = "same amount" if a.currency == b.currency else "same amount in USD"
    shared = sorted(ga.actors & gb.actors)
    if shared:
        who = f"same actor ({', '.join(shared)})"
    elif ga.actors:
        who = f"actor only in A ({', '.join(sorted(ga.actors))})"
    elif gb.actors:
        who = f"actor only in B ({', '.join(sorted(gb.actors))})"
    else:
        who = "no actor on either side"
    extra = []
    for field in ("qualifier", "period"):
        va, vb = ga.first.get(field), gb.first.get(field)
        if va != vb:
            extra.append(f"{field} {va or '-'} vs {vb or '-'}")
    return "; ".join([f"{how}, {who}"] + extra)


def _twins(a: Dict[Any, Group], b: Dict[Any, Group]) -> Tuple[List[Tuple[Group, Group]], set, set]:
    """(pairs of groups under one key, ids of A's twinned groups, ids of B's)."""
    pairs = [(g, b[key]) for key, g in a.items() if key in b]
    return pairs, {id(g) for g, _ in pairs}, {id(o) for _, o in pairs}


def _money_rows(A: Side, B: Side, tol: float, fx_tol: float) -> List[Dict[str, Any]]:
    # Twinned groups stay in the indexes: a near amount without a twin may still pair with one.
    ia = _MoneyIndex(A.money.values(), tol, fx_tol)
    ib = _MoneyIndex(B.money.values(), tol, fx_tol)
    twins, twin_a, twin_b = _twins(A.money, B.money)
    pairs: Dict[Tuple[int, int], Tuple[Group, Group]] = {(id(g), id(o)): (g, o) for g, o in twins}
    for g in A.money.values():
        if id(g) in twin_a:
            continue
        hit = ib.best(g)
        if hit:
            pairs.setdefault((id(g), id(hit[2])), (g, hit[2]))
    for g in B.money.values():
        if id(g) in twin_b:
            continue
        hit = ia.best(g)
        if hit:
            pairs.setdefault((id(hit[2]), id(g)), (hit[2], g))
    rows = []
    matched_a, matched_b = set(), set()
    for ga, gb in pairs.values():
        matched_a.add(id(ga))
        matched_b.add(id(gb))
        rows.append(_row("same", "money", ga.view(MONEY_FIELDS), gb.view(MONEY_FIELDS), _money_reason(ga, gb)))

    left_a = [g for g in A.money.values() if id(g) not in matched_a]
    left_b = [g for g in B.money.values() if id(g) not in matched_b]
    for ga, gb, shared, actors in _conflicts(left_a, left_b):
        matched_a.add(id(ga))
        matched_b.add(id(gb))
        rows.append(_row("conflict", "money", ga.view(MONEY_FIELDS), gb.view(MONEY_FIELDS),
                         f"same actor ({', '.join(actors)}) and topic ({', '.join(shared)}), different amount"))
    for status, left, matched, other, name in (("only_a", left_a, matched_a, ib, "B"),
                                               ("only_b", left_b, matched_b, ia, "A")):
        for g in left:
            if id(g) in matched:
                continue
            near = next((o for _, o in other.any.near(g.amount, limit=1)), None)
            if near is not None and near.actors:
                reason = f"{name} has this amount for {', '.join(sorted(near.actors))}"
            elif near is not None:
                reason = f"{name} has this amount without an actor"
            else:
                reason = f"no matching amount in {name}"
            view = g.view(MONEY_FIELDS)
            rows.append(_row(status, "money", view if status == "only_a" else None,
                             view if status == "only_b" else None, reason))
    return rows


def _conflicts(left_a: List[Group], left_b: List[Group]):
    """Same actor, overlapping topic words, amounts that did not match: strongest overlap first."""
    postings: Dict[Tuple[str, str], List[Group]] = defaultdict(list)
    for g in left_b:
        for actor in g.actors:
            for term in g.topic():
                postings[(actor, term)].append(g)
    cands = []
    for ga in left_a:
        if not ga.actors or not ga.topic():
            continue
        counts: Dict[int, Tuple[Group, set, set]] = {}
        for actor in ga.actors:
            for term in ga.topic():
                lst = postings.get((actor, term))
                if not lst or len(lst) > _POSTING_CAP:
                    continue
                for gb in lst:
                    entry = counts.setdefault(id(gb), (gb, set(), set()))
                    entry[1].add(term)
                    entry[2].add(actor)
        for gb, shared, actors in counts.values():
            need = 2 if min(len(ga.topic()), len(gb.topic())) > 1 else 1
            if len(shared) >= need:
                cands.append((-len(shared), ga.first.get("char_start") or 0, ga.n, gb.n, ga, gb,
                              sorted(shared), sorted(actors)))
    cands.sort(key=lambda t: t[:4])
    used = set()
    for *_, ga, gb, shared_terms, actor_names in cands:
        if id(ga) in used or id(gb) in used:
            continue
        used.add(id(ga))
        used.add(id(gb))
        yield ga, gb, shared_terms, actor_names


# --- quotes ------------------------------------------------------------------------------------

def _quote_sim(a: str, b: str, ratio: float) -> float:
    """Similarity 0-100 when the two folded quotes match, else 0."""
    r = fuzz.ratio(a, b, score_cutoff=ratio)
    if r:
        return r
    short = a if len(a) <= len(b) else b
    if len(short.split()) >= 4:
        p = fuzz.partial_ratio(a, b, score_cutoff=_PARTIAL)
        if p:
            return p - 1   # a truncation ranks below a full match of the same score
    return 0.0


class _QuoteIndex:
    """Distinct folded texts by word trigram; the groups (speakers) of each text beside them."""

    def __init__(self, groups: Iterable[Group]):
        self.texts: Dict[str, Dict[Optional[str], Group]] = {}
        self.post: Dict[str, List[str]] = defaultdict(list)
        for g in groups:
            speakers = self.texts.get(g.folded)
            if speakers is None:
                speakers = self.texts[g.folded] = {}
                for s in set(shingles(g.folded)):
                    self.post[s].append(g.folded)
            speakers.setdefault(g.speaker, g)

    def best(self, g: Group, ratio: float) -> Optional[Tuple[float, Group]]:
        counts: Dict[str, int] = {}
        for s in set(shingles(g.folded)):
            lst = self.post.get(s)
            if not lst or len(lst) > _POSTING_CAP:
                continue
            for text in lst:
                counts[text] = counts.get(text, 0) + 1
        top = sorted(counts, key=lambda t: -counts[t])[:_CANDIDATES]
        best: Optional[Tuple[int, float, Group]] = None
        for text in top:
            sim = _quote_sim(g.folded, text, ratio)
            if not sim:
                continue
            speakers = self.texts[text]
            # same speaker first, then an unknown one, then a different one
            if g.speaker in speakers:
                rank, o = 0, speakers[g.speaker]
            elif g.speaker is None or None in speakers:
                rank, o = 1, speakers.get(None) or next(iter(speakers.values()))
            else:
                rank, o = 2, next(iter(speakers.values()))
            if best is None or (rank, -sim) < best[:2]:
                best = (rank, -sim, o)
        return (-best[1], best[2]) if best else None


def _quote_rows(A: Side, B: Side, ratio: float) -> List[Dict[str, Any]]:
    ia, ib = _QuoteIndex(A.quotes.values()), _QuoteIndex(B.quotes.values())
    # a twin may be beyond the trigram and candidate caps, and a longer quote of another speaker
    # within them would then make a conflict of a quote that B has word for word
    twins, twin_a, twin_b = _twins(A.quotes, B.quotes)
    pairs: Dict[Tuple[int, int], Tuple[Group, Group, float]] = {(id(g), id(o)): (g, o, 100.0)
                                                                 for g, o in twins}
    for g in A.quotes.values():
        if id(g) in twin_a:
            continue
        hit = ib.best(g, ratio)
        if hit:
            pairs.setdefault((id(g), id(hit[1])), (g, hit[1], hit[0]))
    for g in B.quotes.values():
        if id(g) in twin_b:
            continue
        hit = ia.best(g, ratio)
        if hit:
            pairs.setdefault((id(hit[1]), id(g)), (hit[1], g, hit[0]))
    rows, ma, mb = [], set(), set()
    for ga, gb, sim in pairs.values():
        ma.add(id(ga))
        mb.add(id(gb))
        words = "same words" if ga.folded == gb.folded else f"similar words ({sim:.0f}%)"
        if ga.speaker and gb.speaker and ga.speaker != gb.speaker:
            rows.append(_row("conflict", "quote", ga.view(QUOTE_FIELDS), gb.view(QUOTE_FIELDS),
                             f"{words}, different speaker ({ga.speaker} vs {gb.speaker})"))
            continue
        who = (f"same speaker ({ga.speaker})" if ga.speaker == gb.speaker and ga.speaker
               else "no speaker on either side" if ga.speaker == gb.speaker
               else f"speaker only in {'A' if ga.speaker else 'B'} ({ga.speaker or gb.speaker})")
        rows.append(_row("same", "quote", ga.view(QUOTE_FIELDS), gb.view(QUOTE_FIELDS), f"{words}, {who}"))
    for g in A.quotes.values():
        if id(g) not in ma:
            rows.append(_row("only_a", "quote", g.view(QUOTE_FIELDS), None, "no similar quote in B"))
    for g in B.quotes.values():
        if id(g) not in mb:
            rows.append(_row("only_b", "quote", None, g.view(QUOTE_FIELDS), "no similar quote in A"))
    return rows


# --- actors and dates --------------------------------------------------------------------------

def _set_rows(kind: str, a: Dict[Any, Group], b: Dict[Any, Group], fields: Tuple[str, ...]) -> List[Dict[str, Any]]:
    rows = []
    for key, g in a.items():
        o = b.get(key)
        if o is not None:
            rows.append(_row("same", kind, g.view(fields), o.view(fields), "in both"))
        else:
            rows.append(_row("only_a", kind, g.view(fields), None, "not in B"))
    for key, g in b.items():
        if key not in a:
            rows.append(_row("only_b", kind, None, g.view(fields), "not in A"))
    return rows


# --- entry point -------------------------------------------------------------------------------

def _order(row: Dict[str, Any]) -> Tuple:
    side = row["a"] or row["b"]
    return (STATUSES.index(row["status"]), KINDS.index(row["kind"]), str(side.get("doc")),
            side.get("char_start") if isinstance(side.get("char_start"), int) else -1)


def diff(a_records: Iterable[Record], b_records: Iterable[Record], *, tol: float = am.TOL,
         fx_tol: float = am.FX_TOL, quote_ratio: float = QUOTE_RATIO) -> List[Dict[str, Any]]:
    """Rows pairing side A's records with side B's, sorted by status, kind, then position."""
    return diff_sides(Side(tol, fx_tol).add(a_records), Side(tol, fx_tol).add(b_records),
                      tol=tol, fx_tol=fx_tol, quote_ratio=quote_ratio)


def diff_sides(A: Side, B: Side, *, tol: float = am.TOL, fx_tol: float = am.FX_TOL,
               quote_ratio: float = QUOTE_RATIO) -> List[Dict[str, Any]]:
    # Amounts of undated articles are converted at the latest publication date either side knows:
    # articles compared together are usually about the same days.
    latest = max((d for d in (A.latest, B.latest) if d), default=None)
    A.fill_usd(latest)
    B.fill_usd(latest)
    with no_gc():
        rows = _money_rows(A, B, tol, fx_tol) + _quote_rows(A, B, quote_ratio)
        rows += _set_rows("actor", A.actors, B.actors, ACTOR_FIELDS)
        rows += _set_rows("date", A.dates, B.dates, DATE_FIELDS)
        rows.sort(key=_order)
    return rows


def differs(rows: Iterable[Dict[str, Any]]) -> bool:
    return any(r["status"] != "same" for r in rows)
