"""Quote rows of a diff: twins, then rapidfuzz matches among candidates that share word trigrams;
see ``compare.diff`` for the rules."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Dict, Iterable, List, Optional, Tuple

from rapidfuzz import fuzz

from .sides import QUOTE_FIELDS, Group, Side, row, twins
from .topics import shingles

QUOTE_RATIO = 85.0      # rapidfuzz ratio from which two quotes are the same words
PARTIAL = 95.0          # partial ratio from which a truncated quote meets its full one
POSTING_CAP = 200       # a trigram shared by more quotes than this says nothing
CANDIDATES = 20         # candidates checked with rapidfuzz per quote

def _quote_sim(a: str, b: str, ratio: float) -> float:
    """Similarity 0-100 when the two folded quotes match, else 0."""
    r = fuzz.ratio(a, b, score_cutoff=ratio)
    if r:
        return r
    short = a if len(a) <= len(b) else b
    if len(short.split()) >= 4:
        p = fuzz.partial_ratio(a, b, score_cutoff=PARTIAL)
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
        """(similarity 0-100, group) of the best match for ``g``, or None: the same speaker first, then an unknown
        one, then another; the higher similarity breaks ties."""
        counts: Dict[str, int] = {}
        for s in set(shingles(g.folded)):
            lst = self.post.get(s)
            if not lst or len(lst) > POSTING_CAP:
                continue
            for text in lst:
                counts[text] = counts.get(text, 0) + 1
        top = sorted(counts, key=lambda t: -counts[t])[:CANDIDATES]
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


def quote_rows(A: Side, B: Side, ratio: float) -> List[Dict[str, Any]]:
    """The quote rows of a diff, unsorted: pairs (a conflict when the speakers differ), then each side's rest."""
    ia, ib = _QuoteIndex(A.quotes.values()), _QuoteIndex(B.quotes.values())
    # a twin may be beyond the trigram and candidate caps, and a longer quote of another speaker
    # within them would then make a conflict of a quote that B has word for word
    twinned, twin_a, twin_b = twins(A.quotes, B.quotes)
    pairs: Dict[Tuple[int, int], Tuple[Group, Group, float]] = {(id(g), id(o)): (g, o, 100.0)
                                                                 for g, o in twinned}
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
            rows.append(row("conflict", "quote", ga.view(QUOTE_FIELDS), gb.view(QUOTE_FIELDS),
                             f"{words}, different speaker ({ga.speaker} vs {gb.speaker})"))
            continue
        who = (f"same speaker ({ga.speaker})" if ga.speaker == gb.speaker and ga.speaker
               else "no speaker on either side" if ga.speaker == gb.speaker
               else f"speaker only in {'A' if ga.speaker else 'B'} ({ga.speaker or gb.speaker})")
        rows.append(row("same", "quote", ga.view(QUOTE_FIELDS), gb.view(QUOTE_FIELDS), f"{words}, {who}"))
    for g in A.quotes.values():
        if id(g) not in ma:
            rows.append(row("only_a", "quote", g.view(QUOTE_FIELDS), None, "no similar quote in B"))
    for g in B.quotes.values():
        if id(g) not in mb:
            rows.append(row("only_b", "quote", None, g.view(QUOTE_FIELDS), "no similar quote in A"))
    return rows
