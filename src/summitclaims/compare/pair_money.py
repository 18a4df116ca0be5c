"""Money rows of a diff: twins, then amount matches with agreeing actors, then conflicts (same actor,
different amount, shared topic words); see ``compare.diff`` for the rules."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import amounts as am
from .sides import MONEY_FIELDS, Group, Side, row, twins

POSTING_CAP = 200       # a topic word shared by more groups than this says nothing
NOT_CLAIMS = frozenset(("price", "rate", "other"))   # amount types that are no claim to conflict with
CANDIDATES = 20         # amounts looked at for a group that names no actor

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
                    if _same_type(g, other):
                        found.append((tier, am.distance(g.amount, other_amount), other.n, other))
            if found:
                break
        if not found and not g.actors:
            for other_amount, other in self.any.near(g.amount, limit=CANDIDATES):
                if _same_type(g, other):
                    found.append((1, am.distance(g.amount, other_amount), other.n, other))
        if not found:
            return None
        tier, dist, _, other = min(found, key=lambda t: (t[0], t[1], t[3].first.get("char_start") or 0, t[2]))
        return tier, dist, other


def _same_type(a: Group, b: Group) -> bool:
    """A revenue figure is not the twin of a pledge of the same amount (an undecided type, or records
    written before types, match any)."""
    ta, tb = a.key[-1], b.key[-1]      # the claim's decided type (None: undecided or older records)
    return ta is None or tb is None or ta == tb


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


def money_rows(A: Side, B: Side, tol: float, fx_tol: float) -> List[Dict[str, Any]]:
    """The money rows of a diff, unsorted: pairs (twins, then best matches), conflicts, then each side's rest."""
    # Twinned groups stay in the indexes: a near amount without a twin may still pair with one.
    ia = _MoneyIndex(A.money.values(), tol, fx_tol)
    ib = _MoneyIndex(B.money.values(), tol, fx_tol)
    twinned, twin_a, twin_b = twins(A.money, B.money)
    pairs: Dict[Tuple[int, int], Tuple[Group, Group]] = {(id(g), id(o)): (g, o) for g, o in twinned}
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
        rows.append(row("same", "money", ga.view(MONEY_FIELDS), gb.view(MONEY_FIELDS), _money_reason(ga, gb)))

    left_a = [g for g in A.money.values() if id(g) not in matched_a]
    left_b = [g for g in B.money.values() if id(g) not in matched_b]
    for ga, gb, shared, actors in _conflicts(left_a, left_b):
        matched_a.add(id(ga))
        matched_b.add(id(gb))
        rows.append(row("conflict", "money", ga.view(MONEY_FIELDS), gb.view(MONEY_FIELDS),
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
            rows.append(row(status, "money", view if status == "only_a" else None,
                             view if status == "only_b" else None, reason))
    return rows


def _conflicts(left_a: List[Group], left_b: List[Group]):
    """Same actor and type, overlapping topic words, amounts that did not match: strongest overlap
    first. Prices, rates and other figures never conflict: a share price moves, a pledge is restated."""
    postings: Dict[Tuple[str, str], List[Group]] = defaultdict(list)
    for g in left_b:
        for actor in g.actors:
            for term in g.topic():
                postings[(actor, term)].append(g)
    cands = []
    for ga in left_a:
        if not ga.actors or not ga.topic() or ga.key[-1] in NOT_CLAIMS:
            continue
        counts: Dict[int, Tuple[Group, set, set]] = {}
        for actor in ga.actors:
            for term in ga.topic():
                lst = postings.get((actor, term))
                if not lst or len(lst) > POSTING_CAP:
                    continue
                for gb in lst:
                    entry = counts.setdefault(id(gb), (gb, set(), set()))
                    entry[1].add(term)
                    entry[2].add(actor)
        for gb, shared, actors in counts.values():
            if gb.key[-1] in NOT_CLAIMS or not _same_type(ga, gb):
                continue
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
