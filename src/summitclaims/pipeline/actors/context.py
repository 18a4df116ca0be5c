"""What the passes share: the mention records they hand on, and the per-call context of one
document (spaCy's own components keep per-document state local; so does this one)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from ...text import names
from ...text.passages import is_hard_wrapped
from .. import sents
from .tables import ActorTables

ARTICLES = frozenset(("the", "a", "an"))    # never part of a name; before a title they make it a mention
FULL_NAME = 2          # words of a first name and a surname
_WORD = re.compile(r"[^\W\d_]+")      # a run of letters
# in hard-wrapped newswire only a blank line or an indented line ends a paragraph (and a name)
_WRAPPED_BREAK = re.compile(
    r"""
    \n[ \t]*\n        # a blank line
    | \n[ \t]+        # or a line that starts indented
    """,
    re.VERBOSE,
)


@dataclass
class Mention:
    """An actor mention while the passes work on it."""
    start: int                   # token offsets
    end: int
    label: str
    canon: str | None = None     # canonical name once known
    source: str = "model"        # model | gazetteer | title | short | dateline
    role: str | None = None
    world: bool = False          # resolved only from the office-holders table
    surface: str = ""
    alias_hit: bool = False


@dataclass
class Cluster:
    """One person of the article: the canonical name and the mentions that name them."""
    name: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class Decision:
    """Why a rule deleted or relabelled a span the model (or the gazetteer) had: one line of the
    trace, in character offsets so it can be laid over the bare model's entities."""
    start_char: int
    end_char: int
    text: str
    label: str                   # the label the span had
    action: str                  # "drop" | "relabel"
    reason: str                  # a named rule: "noise:digits", "gazetteer-wins", ...
    to: str | None = None        # the new label of a relabel


@dataclass
class DocContext:
    """One document during one call of the component: its text, whether it is hard-wrapped, the
    component's tables, and the trace of what the rules took from the model."""
    doc: Doc
    text: str                    # the doc's text, built once (sents.text)
    wrapped: bool                # hard-wrapped newswire: a single newline is a space
    tables: ActorTables
    trace: list[Decision] = field(default_factory=list)
    _written: dict[str, str | None] = field(default_factory=dict, repr=False)

    @cached_property
    def words(self) -> list[str]:
        """Each token's text, read once: the rules that look for a word in the whole doc scan this
        list rather than make a ``Token`` per position (five such scans were a fifth of the
        component's time)."""
        strings = self.doc.vocab.strings
        return [strings[orth] for orth in self.doc.to_array(ORTH).tolist()]

    def positions(self, word: str) -> list[int]:
        """The offsets of the tokens written ``word``."""
        return [i for i, w in enumerate(self.words) if w == word]

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """Every word the text writes in lower case ("block" makes "Block" a common word here)."""
        return frozenset(w for w in _WORD.findall(self.text) if w.islower())

    def written_form(self, text: str) -> str | None:
        """How the text writes a name it also has in capitals ("AMERICAN EXPRESS" in a headline,
        "American Express" in the body): the first occurrence with a lower-case letter, or None."""
        if text not in self._written:
            self._written[text] = names.written_in_lower(self.text, text)
        return self._written[text]

    def usual_case(self, text: str, one_word: bool = False) -> str:
        """A name in capitals as the text writes it elsewhere, else in title case ("AMERICAN
        EXPRESS" -> "American Express"); one word only if ``one_word`` (a person: "REAGAN"), since
        a company's one word in capitals may be its name ("USX"). Other text as it is."""
        if not text.isupper() or not any(c.isalpha() for c in text):
            return text
        return self.written_form(text) or (names.title_case(text) if one_word or " " in text.strip() else text)

    def drop(self, start: int, end: int, label: str, reason: str) -> None:
        """Record that the tokens ``start:end`` (labelled ``label``) are no actor mention, and why."""
        if start < end:
            sp = self.doc[start:end]
            self.trace.append(Decision(sp.start_char, sp.end_char, sp.text, label, "drop", reason))

    def relabelled(self, start: int, end: int, label: str, to: str, reason: str) -> None:
        """Record that the tokens ``start:end`` go on labelled ``to``, not ``label``, and why."""
        if start < end and label != to:
            sp = self.doc[start:end]
            self.trace.append(Decision(sp.start_char, sp.end_char, sp.text, label, "relabel", reason, to))

    def relabel(self, m: Mention, label: str, reason: str) -> None:
        """Give ``m`` another label, recording why."""
        self.relabelled(m.start, m.end, m.label, label, reason)
        m.label = label

    @classmethod
    def of(cls, doc: Doc, tables: ActorTables) -> DocContext:
        """The context of ``doc``: its text read once, the wrap detected once."""
        text = sents.text(doc)
        return cls(doc, text, is_hard_wrapped(text), tables)

    def breaks(self, tok: Token) -> bool:
        """The token ends a name: a line break; in hard-wrapped text only a blank or indented line
        ("Ali\\nTigrel" is one name there), or any other whitespace token."""
        if not tok.is_space and "\n" not in tok.whitespace_:
            return False
        if self.wrapped and "\n" in tok.text and tok.text.strip(" \t\n") == "":
            return bool(_WRAPPED_BREAK.search(tok.text))
        return True
