"""Cleaning the model's entity spans: what is not part of the name is trimmed off, and a span
that names no actor (table rows, headlines, fragments, events) is noise."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...text import names, people_names
from .context import ARTICLES, DocContext, Mention
from .tables import PLACE_STEM

_PROPER_TAGS = frozenset(("NNP", "NNPS"))    # Penn tags of proper nouns: a name has one
_POSSESSIVE_ENDS = ("'s", "’s", "'", "’")    # spaCy splits a possessive off; it is not the name
_HEADING_MARKS = " \t•*-–—|"                 # bullets and rules around a heading line
_NORP_SHAPE = re.compile(
    r"""
    ^[A-Z][a-z]+                   # one capitalised word
    (?:[ie]ans?|ese|ish|i|ic|ch)$  # with a nationality ending: "Italian", "Thai", "Dutch"
    """,
    re.VERBOSE,
)
_PERIOD_CODE = re.compile(
    r"""
    ^(?:
        [QH][1-4]                  # a quarter or half: "Q4", "H1"
        | [1-4]Q(?:\d{2}|\d{4})?   # "4Q", "3Q24"
        | FY ?\d{2,4}              # a fiscal year: "FY2024", "FY25"
        | Q[1-4] ?(?:FY)?\d{2,4}    # "Q3 2024", "Q1FY25"
    )$
    """,
    re.VERBOSE | re.IGNORECASE,
)
_HYPHEN_PREFIXES = frozenset(("ex", "pro", "anti", "non", "post", "pre", "mid"))
_COMPASS = frozenset(("east", "west", "north", "south", "northern", "southern", "eastern", "western", "central"))
_SCORE = re.compile(r"^\d{2,3}$")      # "Gloucester 29": a score or table figure after a name
_CREDIT_MARKS = frozenset(("/", "|"))
_DASHES = frozenset(("-", "–", "—"))   # "Doug Ives/Canadian Press": a photo credit joins two names
NAME_RUN_ON = 4        # "EU AI Act", "Paris AI Action Summit": how far a longer name may run on
TICKER_WORDS = 2       # "<ERIC ST>": a ticker symbol has one or two words
TITLE_CASE_LINE = 5     # words of a line in Title Case that make it a headline
TITLE_CASE_SPAN = 3     # words of a span in such a headline that make it a fragment of it, unless it recurs
_SMALL_WORDS = frozenset(("a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "as"))
HEADLINE_WORDS = 3     # fewer words in capitals may be a name on a line of its own


def trim(ctx: DocContext, start: int, end: int, label: str) -> tuple[int, int, str | None]:
    """(start, end, title prefix) of the name in a model span: text after a line break, bullets,
    articles, titles, a sentence-initial common word ("Initial EU"), possessives and edge
    punctuation dropped."""
    doc = ctx.doc
    end = _cut_at_break(ctx, start, end)
    end = _cut_glued(doc, start, end)
    end = _cut_at_verb(doc, start, end)
    start = _skip_lead(doc, start, end, label)
    end = _cut_open_bracket(doc, start, end)
    prefix = None
    if label == "PERSON":
        start, prefix = _skip_titles(ctx, start, end)
    while end > start and _not_a_last_word(ctx, doc[end - 1], label):
        end -= 1
    if (
        end - start > 1 and doc[start].is_sent_start and doc[start].tag_ not in _PROPER_TAGS
        and label != "PERSON" and not names.is_acronym(doc[start].text)     # "BCI Holdings Corp said"
    ):
        start += 1
    return start, end, prefix


def _cut_at_verb(doc: Doc, start: int, end: int) -> int:
    """"U.S. Department of Commerce awarded Polar Semiconductor", "Cyclops to Dixons Group": a verb
    or "to" in lower case ends a name."""
    for i in range(start + 1, end):
        if (doc[i].pos_ in ("VERB", "AUX") or doc[i].text == "to") and doc[i].text.islower():
            return i
    return end


def _cut_at_break(ctx: DocContext, start: int, end: int) -> int:
    """Entities never cross a line (a paragraph if wrapped): the end at the first break."""
    for i in range(start, end):
        if ctx.breaks(ctx.doc[i]):
            if i == start:
                return end
            return i if ctx.doc[i].is_space else i + 1
    return end


def is_join(doc: Doc, i: int) -> bool:
    """Token ``i`` joins two names in one model span: a spaced dash ("West Indies - Sherwin
    Campbell") or a credit slash ("Doug Ives/Canadian Press")."""
    if not 0 < i < len(doc) - 1:
        return False
    tok, before, after = doc[i], doc[i - 1], doc[i + 1]
    if tok.text in _CREDIT_MARKS:                    # not inside "A/S", "S/A": letters, not names
        return len(before.text) > 1 and len(after.text) > 1
    return tok.text in _DASHES and bool(before.whitespace_)


def _cut_glued(doc: Doc, start: int, end: int) -> int:
    """The name ends before an e-mail address glued on, or a score after it ("Gloucester 29")."""
    for i in range(start + 1, end):
        if doc[i].like_email or "@" in doc[i].text:
            return i
    if end - start > 1 and _SCORE.match(doc[end - 1].text):
        return end - 1
    return end


def _skip_lead(doc: Doc, start: int, end: int, label: str) -> int:
    """Past leading bullets and spaces, then articles and (but in a person) numbers:
    "the 31,781,461 Caesars World Inc" shares."""
    while start < end and (doc[start].is_space or not any(c.isalnum() for c in doc[start].text)):
        start += 1
    while start < end and (doc[start].lower_ in ARTICLES or (label != "PERSON" and doc[start].like_num)):
        start += 1
    if start + 2 < end and doc[start].lower_ in _HYPHEN_PREFIXES and doc[start + 1].text == "-" \
            and not doc[start].whitespace_:
        start += 2                                   # "ex-USSR", "pro-Kremlin": the name after the prefix
    return start


def _cut_open_bracket(doc: Doc, start: int, end: int) -> int:
    """"Coffee Organization (ICO": a bracket the span does not close is not the name."""
    for i in range(start, end):
        if doc[i].text == "(" and not any(doc[j].text == ")" for j in range(i + 1, end)):
            return i
    return end


def _skip_titles(ctx: DocContext, start: int, end: int) -> tuple[int, str | None]:
    """Past the title words before a person's name (the last word stays): (start, the title). A
    title that is also a first name, right before the last word, is the first name ("Dean Jones")."""
    t0 = start
    titles, doc = ctx.tables.titles, ctx.doc
    while start < end - 1 and doc[start].lower_ in titles:
        if start == end - 2 and doc[start].lower_ in ctx.tables.title_names and doc[start].is_title:
            break
        start += 1
    return start, (ctx.doc[t0:start].text if start > t0 else None)


def _not_a_last_word(ctx: DocContext, last: Token, label: str) -> bool:
    """Brackets, spaces, possessives, punctuation (but "U.S.") and, after an organisation or place,
    a function word ("Donaldson, Lufkin and") never end a name; nor does a legal form in lower case
    ("Tribune company's earnings": the company Tribune)."""
    return (
        last.text in ("(", ")") or last.is_space or last.lower_ in _POSSESSIVE_ENDS
        or (label != "PERSON" and last.lower_ in ctx.tables.trailing_function)
        or (label == "ORG" and last.text.islower() and last.lower_ in ctx.tables.legal)   # "Tribune company's"
        or not any(c.isalnum() for c in last.text)
        or (last.is_punct and not (len(last.text) > 1 and last.text.endswith(".")))   # keep "U.S."
    )


def noise_reason(ctx: DocContext, m: Mention) -> str | None:
    """Why the mention names no actor (the rule's name), or None: no capital, a table row, a
    fragment of a longer name, an event or product, a heading or an all-caps headline."""
    span = ctx.doc[m.start:m.end]
    text = span.text
    if not any(c.isalpha() for c in text) or not any(c.isupper() for c in text):
        return "noise:no-capital"                    # "11.webp", "treasury"
    words = [t.lower_ for t in span if not t.is_space]
    return (
        _wrong_shape(ctx, m, span) or _fragment(ctx, m, span, words) or _not_proper(m, span)
        or _layout(ctx, m, span, words)
    )


def _wrong_shape(ctx: DocContext, m: Mention, span: Span) -> str | None:
    """Digits in a name that is not an organisation; a nationality that does not look like one."""
    text = span.text
    if m.label != "ORG" and any(t.like_num or any(c.isdigit() for c in t.text) for t in span):
        return "noise:digits"                        # table rows: "Mar 48.0", "Shr 4.10"
    if _PERIOD_CODE.match(text.replace(" ", "")) or _PERIOD_CODE.match(text):
        return "noise:period-code"                   # "Q4", "FY2024": a reporting period
    if m.label == "NORP" and not _nationality(ctx, span):
        return "noise:not-a-nationality"             # "Routine", "Arbitrageurs"
    return None


def _nationality(ctx: DocContext, span: Span) -> bool:
    """A nationality or group: known, shaped like one ("Italian", "Thai"), or named after a place
    of the gazetteer ("Philippine", "Argentine", "Nicaraguan"); "East", "West" may lead it
    ("East Timorese", "West German")."""
    t = ctx.tables
    folded = names.fold(span.text)
    if folded in t.demonyms or folded in t.groups:
        return True
    words = [w for w in span if not w.is_space]
    if not words or not all(w.lower_ in _COMPASS for w in words[:-1]):
        return False
    return nationality_word(ctx, words[-1].text)


def nationality_word(ctx: DocContext, word: str) -> bool:
    """One word that is a nationality: known, shaped like one, or named after a gazetteer place."""
    t = ctx.tables
    key = names.fold(word)
    return bool(_NORP_SHAPE.search(word)) or key in t.demonyms or key in t.groups or (
        len(key) >= PLACE_STEM and key[:PLACE_STEM] in t.place_stems and word[:1].isupper()
    )


def _fragment(ctx: DocContext, m: Mention, span: Span, words: list[str]) -> str | None:
    """What is left of a name cut short, a word never an actor alone, a title or a noise word."""
    t = ctx.tables
    text = span.text
    if m.label == "ORG" and all(w in t.legal or w in t.org_suffixes or w in t.alone or w in t.org_filler
                                for w in words):
        return "noise:suffix-only"                   # "Bros Inc", "Holdings Corp": the name was cut off
    if names.fold(text) in t.alone:
        return "noise:never-alone"                   # "National", "State"
    if m.label == "ORG" and len(words) == 1 and names.fold(text) in t.demonyms:
        return "noise:nationality-as-org"            # "Korean" as an ORG
    doc = ctx.doc
    if len(words) == 1 and m.start >= 2 and doc[m.start - 1].lower_ == "of" \
            and doc[m.start - 2].lower_ in t.office_titles:
        return "noise:office-title"                  # "Secretary of State", "Minister of Finance": a title
    if names.fold(text) in t.noise_words or (words[-1] not in t.legal and any(
            w in t.noise_words and w not in t.legal for w in words[:-1])):
        return "noise:word"                          # (not "Video Jukebox Network Inc": a company by its form)
    if words[-1] in t.heads and m.label != "NORP":
        return "noise:head-" + words[-1]             # "... Act", "... Summit": not an actor
    return None


def _not_proper(m: Mention, span: Span) -> str | None:
    """No proper noun in it, a camel-case product as a place, a plural as a person."""
    if m.label != "NORP" and not any(t.tag_ in _PROPER_TAGS for t in span):
        return "noise:no-proper-noun"
    if m.label in ("GPE", "LOC") and any(names.is_camel(t.text) for t in span):
        return "noise:camel-case-place"
    if m.label == "PERSON" and span[-1].tag_ == "NNPS" and (
        len(span) == 1 or not people_names.is_surname(span[-1].text)
    ):
        return "noise:plural-person"                 # "Wallenbergs"; not "Doug Ives"
    return None


def _layout(ctx: DocContext, m: Mention, span: Span, words: list[str]) -> str | None:
    """A ticker symbol, a heading line ("Tech News") or an all-caps headline: case says nothing."""
    full, text = ctx.text, span.text
    if span.start_char and full[span.start_char - 1] == "<" and full[span.end_char:span.end_char + 1] == ">" \
            and text.isupper() and len(words) <= TICKER_WORDS:
        return "noise:ticker"                        # "<ERIC ST>": a newswire ticker symbol
    line_start = full.rfind("\n", 0, span.start_char) + 1
    line_end = full.find("\n", span.end_char)
    line = full[line_start:line_end if line_end >= 0 else len(full)]
    if m.label == "ORG" and line.strip(_HEADING_MARKS) == text:
        return "noise:heading-line"
    if len(words) >= TITLE_CASE_SPAN and not ctx.wrapped and _title_case_line(line) and ctx.text.count(text) < 2:
        return "noise:title-case-headline"           # "Meta Outage Causes Login Problems For Millions"
    written = ctx.written_form(text)
    if not any(c.islower() for c in line) and sum(w.isalpha() for w in line.split()) >= HEADLINE_WORDS \
            and (written is None or written.islower()) and not (
                m.label == "ORG" and len(words) > 1 and words[-1] in ctx.tables.legal
            ):      # the body's spelling as a name ("dividend" is no name) or a legal form vouches for it
        return "noise:all-caps-line"
    return None


def _title_case_line(line: str) -> bool:
    """A headline in Title Case: enough words, every word but the small ones capitalised, no full stop
    (not in capitals: that is an all-caps headline's rule; not a hard-wrapped line of a paragraph,
    which the caller rules out)."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    if len(words) < TITLE_CASE_LINE or line.rstrip().endswith((".", ":", "?", "!")) \
            or not any(c.islower() for c in line):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


def inside_name(ctx: DocContext, start: int, end: int) -> bool:
    """The mention only modifies a longer name ("EU AI Act", "Paris AI Action Summit")."""
    doc = ctx.doc
    j = end
    while j < len(doc) and j - end < NAME_RUN_ON and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha:
        if doc[j].lower_ in ctx.tables.heads:
            return True
        if "\n" in doc[j].whitespace_:
            break
        j += 1
    return False
