"""Who a pronoun or a description may refer back to: the actor mentions, the proper-noun subjects
of reporting verbs the actors component has no mention for, and names completed from the text."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .context import Candidate, QuoteContext
from .cues import SUBJECT_DEPS, dateline_dash
from .tables import QuoteTables

CANDIDATE_LABELS = ("PERSON", "ORG", "GPE")      # mentions a speaker may be
PERSON_LABELS = ("PERSON", "?")                  # a person, or a name the actors component missed
NAME_PUNCT = ".&-"                               # punctuation a name may hold ("U.S.", "AT&T", "Young-sam")
# capitalised words before a surname that are no first name ("But Mulford", "Said Gramley")
NOT_FIRST_NAMES = frozenset({"the", "a", "an", "but", "and", "however", "when", "in", "on", "at", "as", "said",
                             "says", "told", "by", "of", "for", "with", "if", "while", "after", "before"})

TITLE_LOOKBACK_CHARS = 12       # before a mention: enough for "Mrs." or "Ms." and its space
CANDIDATE_MAX_WORDS = 8         # a longer subject phrase is a description: keep its head word only
ACRONYM_MAX_LETTERS = 4         # a longer word in capitals is a headline, not a name

_NAME_WORD = re.compile(r"""
    [A-Z]               # a name word is capitalised
    [\w'\u2019.-]*      # letters, apostrophes (O'Neill), initials' dots and hyphens
    $                   # the whole word (punctuation tokens are dropped before the test)
""", re.VERBOSE)
# the words before a surname in its first full mention; the escaped surname and \b follow
_FIRST_NAMES = r"""
    (                           # group 1: the first names, to be cut after a title
      (?: [A-Z][\w'\u2019-]*    #   a capitalised word: a first name, or a title before it
          \.?                   #   an initial's dot ("Lyle E. Gramley")
          \s+                   #   any space, a line break of wrapped copy too
      ){1,2}                    #   one or two words: "Lyle Gramley", "David C. Mulford"
    )
"""


def mention_cands(ctx: QuoteContext) -> list[Candidate]:
    """The document's candidates in text order: its actor mentions outside quotes, then the
    subjects the actors component has no mention for."""
    text = ctx.text
    out = []
    for m in ctx.mentions:
        if not m._.sc_actor or m.label_ not in CANDIDATE_LABELS or ctx.quoted(m.start_char, m.end_char):
            continue
        before = text[max(0, m.start_char - TITLE_LOOKBACK_CHARS):m.start_char].split()
        title = before[-1].lower().rstrip(".") if before else ""
        out.append(Candidate(m.start_char, m._.sc_actor, m.label_, ctx.tables.titles.get(title),
                             m.root.dep_ in SUBJECT_DEPS))
    out.extend(_unmentioned_subjects(ctx))
    out.sort(key=lambda c: c.pos)
    return out


def _unmentioned_subjects(ctx: QuoteContext) -> list[Candidate]:
    """Subjects of reporting verbs the actors component has no mention for (a name split by a
    hard line wrap, an unknown company): still someone "he" or "the bank" may refer back to."""
    doc = ctx.doc
    covered = {i for m in ctx.mentions for i in range(m.start, m.end)}
    # only proper-noun subjects qualify: pick them from the arrays, not by making every token
    strings = doc.vocab.strings
    subj = {strings[d] for d in SUBJECT_DEPS}
    propn = strings["PROPN"]
    out = []
    for i, (dep, pos) in enumerate(doc.to_array(["DEP", "POS"]).tolist()):
        if dep not in subj or pos != propn or i in covered:
            continue
        t = doc[i]
        if not ctx.tables.is_verb(t.head) or ctx.quoted(t.idx, t.idx + 1):
            continue
        cand = _subject_cand(ctx, t)
        if cand is not None:
            out.append(cand)
    return out


def _subject_cand(ctx: QuoteContext, t: Token) -> Candidate | None:
    """The name of the subject headed by ``t``, without a dateline, determiners and titles."""
    tables = ctx.tables
    words = _subject_words(t)
    if not any(tables.noun_label(w.lower_) == "ORG" for w in words):
        # "Indonesian Energy Minister Subroto": the words after the last title
        cut = max((k + 1 for k, w in enumerate(words) if w.lower_ in tables.job_titles), default=0)
        words = words[cut:] if cut < len(words) else words
    while words and (words[0].pos_ == "DET" or words[0].lower_ in tables.job_titles):
        words = words[1:]
    if not words or any(w.is_lower and w.pos_ != "ADP" for w in words) or t.is_upper:
        return None
    name = " ".join(w.text for w in words)
    org = any(tables.noun_label(w.lower_) == "ORG" for w in words) or \
        words[-1].lower_.rstrip(".") in tables.company_suffixes
    return Candidate(words[0].idx, name if org else complete(ctx.text, tables, name),
                     "ORG" if org else "?", None, True)


def _subject_words(t: Token) -> list[Token]:
    """The words of the phrase ``t`` heads, after a dateline; just ``t`` if the phrase is long
    or punctuated."""
    doc = t.doc
    lo = t.left_edge.i
    dash = dateline_dash(doc[lo:t.i])
    lo = lo if dash is None else dash + 1
    words = [w for w in doc[lo:t.right_edge.i + 1] if not w.is_space]
    if len(words) > CANDIDATE_MAX_WORDS or any(w.is_punct and w.text not in NAME_PUNCT for w in words):
        words = [t]
    return words


def surname(ctx: QuoteContext, word: str) -> str | None:
    """The first candidate person whose name ends with ``word`` ("Stals" -> "Chris Stals")."""
    for c in ctx.cands:
        if c.actor and c.label in PERSON_LABELS and c.actor.split()[-1] == word:
            return c.actor
    return None


def missed_name(ctx: QuoteContext, span: Span) -> str | None:
    """A name the actors component has no mention for ("Sprinkel" after "Beryl Sprinkel"
    was split by a line break): the longest capitalised run ending with it, or as written."""
    words = [t.text for t in span if not t.is_punct and not t.is_space]
    words = [w for w in words if not ctx.tables.not_name(w)]
    if not words or not all(_NAME_WORD.match(w) for w in words):
        return None
    last = words[-1]
    if last.isupper() and len(last) > ACRONYM_MAX_LETTERS:
        return None
    known = surname(ctx, last)
    if known is not None:
        return known
    return complete(ctx.text, ctx.tables, " ".join(words))


def complete(text: str, tables: QuoteTables, name: str) -> str:
    """A lone surname completed from its first full mention in the text ("Gramley" ->
    "Lyle Gramley", also across a line break)."""
    words = name.split()
    last = words[-1]
    if len(words) == 1:
        m = first_full_mention(text, last)
        if m:
            full = m.group(1).split()
            cut = max((k + 1 for k, w in enumerate(full)
                       if tables.not_name(w) or w.lower() in NOT_FIRST_NAMES), default=0)
            full = full[cut:]      # "Treasury Secretary David Mulford": the words after a title
            if full and all(w[:1].isupper() and not w.isupper() for w in full):
                return " ".join(full + [last])
    return " ".join(words)


_NAME_CHAR = re.compile(r"[\w'\u2019-]")     # what a word of ``_FIRST_NAMES`` holds after its capital
_SPACE = re.compile(r"\s")
_CAPITAL = re.compile(r"[A-Z]")


def first_full_mention(text: str, last: str) -> re.Match[str] | None:
    """``re.search(_FIRST_NAMES + last + r"\b", text)``, the one or two capitalised words before the
    surname's first mention that has them, in time linear in the text.

    The search itself tries every capital of the text, and each try reads its word to the end: a
    run of capitals ("AAAA...") made it quadratic. Instead the surname's mentions are found, the
    earliest place the words before each may begin is read backwards from it (a word may begin at
    any capital of its run, as the pattern has no word boundary before it), and the pattern is
    matched once, at the earliest of them, where the search would have found it."""
    pattern = re.compile(_FIRST_NAMES + re.escape(last) + r"\b", re.VERBOSE)
    starts = [p for m in re.finditer(re.escape(last) + r"\b", text)
              if (p := _names_start(text, m.start())) is not None]
    return pattern.match(text, min(starts)) if starts else None


def _names_start(text: str, end: int) -> int | None:
    """The earliest start of one or two words of ``_FIRST_NAMES`` that end (with their space) at
    ``end``, or None."""
    word = _word_before(text, end)
    if word is None:
        return None
    run, first = word
    if run == first and (two := _word_before(text, run)) is not None:
        return two[1]
    return first


def _word_before(text: str, end: int) -> tuple[int, int] | None:
    """(start of its run of word characters, its first capital) of a word of ``_FIRST_NAMES``
    followed by spaces up to ``end``, or None."""
    i = end
    while i > 0 and _SPACE.match(text, i - 1):
        i -= 1
    if i == end:
        return None             # the words and the surname are apart by a space at least
    if i > 0 and text[i - 1] == ".":
        i -= 1                  # an initial's dot
    run = i
    while run > 0 and _NAME_CHAR.match(text, run - 1):
        run -= 1
    first = _CAPITAL.search(text, run, i)
    return None if first is None else (run, first.start())
