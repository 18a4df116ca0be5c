"""Which quoted passages are quotes: not scare quotes, terms or names in marks; partial or whole."""
from __future__ import annotations

from ...text.passages import Passage
from .context import Attribution
from .cues import DASHES
from .tables import QuoteTables

# short words a title in marks keeps in lower case ("Champions of the North")
SMALL_WORDS = frozenset({"of", "the", "and", "for", "a", "an", "in", "on", "to", "de", "von", "der"})
# a word before the opening mark that makes the passage a term: an "AI factory"
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "so-called"})
SENTENCE_BEFORE = ".!?:"        # the char before the opening mark ends a sentence (or introduces)
CLAUSE_END = ".!?,\u2026"        # the quote's last char ends a clause: a quote rather than a name
CLOSING_JUNK = "'\u2019\u201d\" "   # stripped from the quote's end before looking at its last char
OPENING_JUNK = "'\u2018\u2019\"(["  # stripped from the quote's start before looking at its first char

NAME_MAX_WORDS = 6              # a title or name in marks is short ("AI Champions", "Ghost Protocol")
TERM_LOOKBACK_CHARS = 30        # chars before the opening mark searched for the word before it
TERM_MAX_WORDS = 4              # an "AI factory": a term after a determiner is a few words


def starts_sentence(text: str, p: Passage, lo: int, inner: str) -> bool:
    """The passage opens a sentence (a whole quote) rather than continuing one (a partial quote);
    nothing before char ``lo`` is looked at."""
    i = p.start - 1
    while i >= lo and text[i].isspace():
        i -= 1
    if i < lo:
        return True
    prev = text[i]
    first = inner.lstrip(OPENING_JUNK)[:1]
    if prev in SENTENCE_BEFORE or prev in DASHES:
        return True
    # "According to her, "Global ..." / "…, she said, "We…": a capitalised new sentence
    return prev == "," and first.isupper()


def is_quote(tables: QuoteTables, text: str, p: Passage, inner: str, partial: bool,
             attr: Attribution | None) -> bool:
    """The passage is a quote: long enough for what it is (partial, attributed or not), and not
    a name, title or term in marks."""
    words = [w for w in inner.split() if any(c.isalnum() for c in w)]
    if not words:
        return False
    ends_clause = inner.rstrip(CLOSING_JUNK)[-1:] in CLAUSE_END
    if _name_like(words, ends_clause) and not (attr and attr.adjacent and not partial):
        return False            # "AI Champions", "Ghost Protocol": a name or title in marks
    if partial:
        before = text[max(0, p.start - TERM_LOOKBACK_CHARS):p.start].split()
        if before and before[-1].lower() in DETERMINERS and len(words) <= TERM_MAX_WORDS and not ends_clause:
            return False        # an "AI factory": a term
        if attr is not None:
            return len(words) >= tables.min_words
        return len(words) >= tables.min_words_unattributed
    if attr is not None and attr.adjacent:
        return True
    return len(words) >= tables.min_words and (ends_clause or len(words) >= tables.min_words_unattributed)


def _name_like(words: list[str], ends_clause: bool) -> bool:
    """A few capitalised words not ending a clause: a name or title."""
    caps = [w for w in words if w.lower() not in SMALL_WORDS]
    return bool(len(words) <= NAME_MAX_WORDS and not ends_clause and caps
                and all(w[0].isupper() or w[0].isdigit() for w in caps))
