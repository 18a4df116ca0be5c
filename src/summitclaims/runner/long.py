"""Articles longer than a piece: cut at paragraph breaks, run piece by piece, records re-joined.

The model's memory grows with the length of a doc, and spaCy refuses docs over ``nlp.max_length``;
pieces keep both bounded however long the article, and offsets are shifted back to the whole text.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any, Iterator

from ..fields import assign_ids
from ..io.readers import Article
from ..normalize.money.repeats import Repeats
from .docs import Records, fill_head, make_doc, pipe

if TYPE_CHECKING:
    from . import Runner

_SEPARATORS = ("\n\n", "\n", " ")     # cut at a paragraph break, else a line break, else a space
_OFFSET_FIELDS = ("char_start", "char_end", "equivalent_of", "recipient_start", "recipient_end",
                  "purpose_start", "purpose_end")


def split_points(text: str, limit: int) -> list[int]:
    """Start offsets of pieces of at most ``limit`` chars, cut at paragraph breaks outside quotes
    (else at a line break, else at a space), so sentences and quotes never straddle two pieces."""
    if len(text) <= limit:
        return [0]
    from ..text.passages import find_passages

    inside = sorted((p.start, p.end) for p in find_passages(text))
    starts_q = [a for a, _ in inside]

    def in_quote(i: int) -> bool:
        k = bisect_right(starts_q, i) - 1
        return k >= 0 and inside[k][0] < i < inside[k][1]

    points = [0]
    while len(text) - points[-1] > limit:
        lo, hi = points[-1] + 1, points[-1] + limit
        cut = None
        for sep in _SEPARATORS:
            j = text.rfind(sep, lo, hi)
            while j > lo and in_quote(j + len(sep)):
                j = text.rfind(sep, lo, j)
            if j > lo:
                cut = j + len(sep)
                break
        points.append(cut if cut is not None else hi)
    return points


def _shift(rec: dict[str, Any], offset: int) -> dict[str, Any]:
    for key in _OFFSET_FIELDS:
        if rec.get(key) is not None:
            rec[key] += offset
    return rec


class _ActorMerge:
    """One actor record per (name, label) over all pieces: mentions summed, aliases joined."""

    def __init__(self) -> None:
        self.actors: dict[tuple[str, str], dict[str, Any]] = {}

    def add(self, rec: dict[str, Any]) -> None:
        """Take one piece's actor record: the first per (name, label) is kept, taking a later role if it has none."""
        seen = self.actors.get((rec["name"], rec["label"]))
        if seen is None:
            self.actors[(rec["name"], rec["label"])] = rec
            return
        seen["mentions"] += rec["mentions"]
        seen["aliases"] += [x for x in rec["aliases"] if x not in seen["aliases"]]
        seen["role"] = seen["role"] or rec["role"]


def iter_long(runner: Runner, art: Article) -> Iterator[Records]:
    """The article's records as successive lists: the document record with the first piece's money,
    dates and quotes, then each further piece's, then the actors of all pieces merged. Pieces run
    one by one and their records are given up as they come, so memory stays bounded."""
    nlp, opts = runner.nlp, runner.opts
    text = art.text or ""
    points = split_points(text, opts.piece_chars) + [len(text)]
    actors = _ActorMerge()
    repeats = Repeats()        # amounts of earlier pieces: stated again, they are repeats
    published = None
    for n, (a, b) in enumerate(zip(points, points[1:])):
        piece = Article(art.doc_id, text=text[a:b], published=art.published or published,
                        published_source=art.published_source or ("text" if published else None))
        with runner.zones.zone(nlp, b - a):
            doc = next(pipe(nlp, [make_doc(nlp, piece, opts)], runner.names, 1))
            if published is None and doc._.sc_published is not None and art.published is None:
                published = doc._.sc_published      # a dateline found in the first piece holds for the rest
            records = runner.doc_records(doc)
        out = []
        if n == 0:
            head = records[0]
            head.update(char_end=len(text), chars=len(text))
            fill_head(nlp, head, art, opts)
            out.append(head)
        for rec in records[1:]:
            _shift(rec, a)
            if rec["kind"] == "actor":
                actors.add(rec)
                continue
            if rec["kind"] == "money" and repeats.repeat(rec["currency"], rec["value"], rec["low"], rec["high"],
                                                         rec.get("equivalent_of") is not None) \
                    and n > 0 and rec["new"] is None:
                rec["new"] = False
            out.append(rec)
        yield assign_ids(out)
    if actors.actors:
        yield assign_ids(list(actors.actors.values()))
