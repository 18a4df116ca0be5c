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
sentence, ``topics.topic_terms``) overlap: at least two shared words, or one when a side has no more
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

from typing import Any, Dict, Iterable, List, Tuple

from . import amounts as am
from .claims import Record, no_gc
from .pair_money import money_rows
from .pair_quotes import QUOTE_RATIO, quote_rows
from .sides import ACTOR_FIELDS, DATE_FIELDS, Group, Side, row

STATUSES = ("same", "conflict", "only_a", "only_b")
KINDS = ("money", "quote", "actor", "date")

__all__ = ["KINDS", "QUOTE_RATIO", "STATUSES", "Side", "diff", "diff_sides", "differs"]


# --- actors and dates --------------------------------------------------------------------------

def _set_rows(kind: str, a: Dict[Any, Group], b: Dict[Any, Group], fields: Tuple[str, ...]) -> List[Dict[str, Any]]:
    rows = []
    for key, g in a.items():
        o = b.get(key)
        if o is not None:
            rows.append(row("same", kind, g.view(fields), o.view(fields), "in both"))
        else:
            rows.append(row("only_a", kind, g.view(fields), None, "not in B"))
    for key, g in b.items():
        if key not in a:
            rows.append(row("only_b", kind, None, g.view(fields), "not in A"))
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
    """``diff`` of sides already folded; gives their undated amounts USD values (in place) at the latest date."""
    # Amounts of undated articles are converted at the latest publication date either side knows:
    # articles compared together are usually about the same days.
    latest = max((d for d in (A.latest, B.latest) if d), default=None)
    A.fill_usd(latest)
    B.fill_usd(latest)
    with no_gc():
        rows = money_rows(A, B, tol, fx_tol) + quote_rows(A, B, quote_ratio)
        rows += _set_rows("actor", A.actors, B.actors, ACTOR_FIELDS)
        rows += _set_rows("date", A.dates, B.dates, DATE_FIELDS)
        rows.sort(key=_order)
    return rows


def differs(rows: Iterable[Dict[str, Any]]) -> bool:
    """Whether any row is other than ``same``: what ``diff --exit-code`` exits 1 for."""
    return any(r["status"] != "same" for r in rows)
