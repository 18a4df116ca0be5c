"""Per-document state of summitclaims_quotes: made afresh for every call, never kept on the component."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...text.passages import Passage, paragraph_break
from .. import extensions
from .tables import QuoteTables


@dataclass
class Attribution:
    """The words that name a quote's speaker, and the cue that introduced them."""
    start: int                 # chars of the speaker words
    end: int
    text: str
    cue: str | None
    adjacent: bool             # right next to the quote (", she said" / "said:" / "– Name")


@dataclass
class Candidate:
    """Someone a pronoun or a description may refer back to."""
    pos: int
    actor: str | None          # canonical name (None: an unnamed speaker, "one trader")
    label: str                 # PERSON | ORG | GPE | ? (a name the actors component missed)
    gender: str | None         # from the text around it ("Mr", "spokeswoman")
    salient: bool              # subject of a clause, or the speaker of a quote
    spoke: bool = False        # the speaker of a quote: "it said" goes back to a speaker first


@dataclass
class QuoteContext:
    """What one call of the component knows about its document; grows as quotes are resolved."""
    doc: Doc
    text: str
    tables: QuoteTables
    passages: list[Passage]
    mentions: list[Span]                    # actor mentions, in text order
    starts: list[int]                       # char offset of each token
    inside: list[tuple[int, int]]           # (start, end) of each passage
    inside_starts: list[int]
    paragraph_break: re.Pattern[str]        # what ends a paragraph in this text (read once)
    cands: list[Candidate] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)    # actor -> pronoun gender seen in this doc

    @classmethod
    def create(cls, doc: Doc, text: str, passages: list[Passage], tables: QuoteTables) -> QuoteContext:
        """The context of one document: its token offsets, passages and actor mentions."""
        spans = doc.spans.get(extensions.MENTIONS, ())
        mentions = sorted(spans, key=lambda s: (s.start_char, s.end_char))
        inside = [(p.start, p.end) for p in passages]
        return cls(doc=doc, text=text, tables=tables, passages=passages, mentions=mentions,
                   starts=doc.to_array("IDX").tolist(), inside=inside, inside_starts=[a for a, _ in inside],
                   paragraph_break=paragraph_break(text))

    def tokens(self, a: int, b: int) -> list[Token]:
        """Tokens that start inside chars [a, b)."""
        return list(self.doc[bisect_left(self.starts, a):bisect_left(self.starts, b)])

    def quoted(self, a: int, b: int) -> bool:
        """Chars [a, b) lie inside a quoted passage."""
        k = bisect_right(self.inside_starts, a) - 1
        return k >= 0 and self.inside[k][0] <= a and b <= self.inside[k][1]

    def touches_passage(self, a: int, b: int) -> bool:
        """Chars [a, b) overlap a passage in marks (passages are in text order and apart, so the
        last one starting before ``b`` is the only one that can)."""
        k = bisect_left(self.inside_starts, b) - 1
        return k >= 0 and self.inside[k][1] > a

    def attribution(self, a: int, b: int, cue: str | None, adjacent: bool) -> Attribution:
        """The attribution naming chars [a, b) as the speaker."""
        return Attribution(a, b, self.text[a:b], cue, adjacent)

    def words_attribution(self, toks: list[Token], cue: str | None, adjacent: bool) -> Attribution:
        """The attribution naming the words ``toks`` (first to last) as the speaker."""
        return self.attribution(toks[0].idx, toks[-1].idx + len(toks[-1]), cue, adjacent)
