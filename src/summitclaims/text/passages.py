"""Find quoted passages in raw text by scanning quote marks (pure; never raises).

Only double marks open a passage: ``"`` ``“ ”`` ``„ ‟`` ``« »`` (and reversed ``» «``, Swedish
``” ”``). Single marks are nested quotes or apostrophes (``isn't``, ``Europe’s``, ``‘90s``) and are
ignored, except in a text with no double-marked passage at all, where British-style single quotes
are scanned with stricter flanking rules.

A passage never crosses a paragraph break unless the next paragraph re-opens the mark (the
newswire convention for multi-paragraph quotes). An opening mark never closed ends at the end of
its paragraph, or just before the next opening mark, so nothing is swallowed beyond it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ALL_MARKS", "DOUBLE_MARKS", "SINGLE_MARKS", "Passage", "find_passages", "is_hard_wrapped",
           "paragraphs"]

# glyph -> role: "o" opener, "c" closer, "a" ambiguous (decided by flanking and state)
DOUBLE_MARKS = {
    '"': "a", "\uff02": "a",                 # straight, fullwidth
    "\u201c": "o", "\u201f": "o", "\u201e": "o", "\u00ab": "o", "\u301d": "o",   # “ ‟ „ « 〝
    "\u201d": "c", "\u00bb": "c", "\u301e": "c",                                 # ” » 〞
}
SINGLE_MARKS = {"'": "a", "\u2018": "o", "\u201b": "o", "\u201a": "o", "\u2039": "o",
                "\u2019": "c", "\u203a": "c"}
# closers accepted for a given opener besides the usual ones (German „…“, Danish »…«)
_SPECIAL_CLOSE = {"\u201e": "\u201c\u201d", "\u00bb": "\u00ab\u00bb", "\u201a": "\u2018\u2019",
                  "\u203a": "\u2039\u203a"}
ALL_MARKS = "".join(DOUBLE_MARKS) + "".join(SINGLE_MARKS)

_OPEN_CONTEXT = set("([{<\u2013\u2014-/:")       # a mark after these may open
_CLOSE_CONTEXT = set(".,;:!?)]}>\u2026\u2013\u2014-/")  # a mark before these may close
_FRENCH_SPACES = " \u00a0\u202f"                # French typography spaces the words from « »
_DOUBLE_RE = re.compile("[" + re.escape("".join(DOUBLE_MARKS)) + "]")
_SINGLE_RE = re.compile("[" + re.escape("".join(SINGLE_MARKS)) + "]")
_DECADE_RE = re.compile(r"""
    \d0s \b         # ‘90s, ’80s: the mark elides a century, it quotes nothing
""", re.VERBOSE)
_BLANK_OR_INDENT = re.compile(r"""
    \n [ \t]* \n \s*        # a blank line (and the indent of the line after it)
  | \n (?= [ \t]+ \S )      # or a newline before an indented line: wire copy's paragraph start
""", re.VERBOSE)
_NEWLINE = re.compile(r"""
    \n+             # unwrapped text: every line is a paragraph
""", re.VERBOSE)

# hard-wrap test: wire copy has many short lines, most of them ending mid-sentence
WRAP_MIN_LINES = 4          # fewer lines say nothing about how the text is wrapped
WRAP_WIDTH = 80             # the widest line a fixed-width wire wraps at
WRAP_SHORT_SHARE = 0.9      # nearly every line fits the width (a few long headlines or tables)
WRAP_UNENDED_SHARE = 0.5    # at least half the lines stop mid-sentence
_LINE_ENDS = (".", "!", "?", ":", '"', "\u201d")    # how a line that ends a sentence or quote ends


@dataclass(frozen=True)
class Passage:
    """A quoted passage: ``start`` at its opening mark, ``end`` after its closing one, ``parts`` per paragraph."""
    start: int                          # index of the opening mark
    end: int                            # after the closing mark (or the paragraph's last char)
    parts: tuple[tuple[int, int], ...]  # inner char ranges, one per paragraph
    closed: bool                        # False: the opening mark was never closed

    def inner(self, text: str) -> str:
        """The words inside the marks; paragraphs joined by a newline."""
        return "\n".join(" ".join(text[s:e].split()) for s, e in self.parts if text[s:e].strip())


def is_hard_wrapped(text: str) -> bool:
    """Newswire-style text wrapped at a fixed width: a single newline is not a paragraph break."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < WRAP_MIN_LINES:
        return False
    short = sum(len(ln) <= WRAP_WIDTH for ln in lines)
    unended = sum(not ln.rstrip().endswith(_LINE_ENDS) for ln in lines)
    return short >= WRAP_SHORT_SHARE * len(lines) and unended >= WRAP_UNENDED_SHARE * len(lines)


_LINE_WRAP = re.compile(r"(?<=\S)\n(?=\S)")     # a break inside a paragraph: no indent, no blank line


def unwrapped(text: str) -> str:
    """The text the statistical model reads: a hard-wrapped story (after its headline line) with its
    line wraps as spaces, so "Treasury secretary\nJames Baker" parses as one phrase. The same length,
    so every offset holds; paragraph breaks (indents, blank lines) stay."""
    if "\n" not in text or not is_hard_wrapped(text):
        return text
    head = text.find("\n") + 1
    return text[:head] + _LINE_WRAP.sub(" ", text[head:])


def paragraph_break(text: str) -> re.Pattern[str]:
    """What ends a paragraph in ``text``: a blank line or an indent in hard-wrapped wire copy,
    any line break elsewhere."""
    return _BLANK_OR_INDENT if is_hard_wrapped(text) else _NEWLINE


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace trimmed; hard-wrapped text breaks only at
    blank lines and indented lines."""
    breaker = paragraph_break(text)
    out, pos = [], 0
    for m in breaker.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _flanks(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(can_open, can_close) of the mark at i from its neighbours inside [lo, hi)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    can_open = not nxt.isspace() and (prev.isspace() or prev in _OPEN_CONTEXT or prev in ALL_MARKS)
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT or nxt in ALL_MARKS)
    return can_open, can_close


def _single_is_mark(text: str, i: int, lo: int, hi: int) -> bool:
    """A single mark that quotes: not the apostrophe of isn't / Europe’s, not the elision of ‘90s."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return False
    return not _DECADE_RE.match(text, i + 1)


class _Scanner:
    """One pass over the paragraphs of one text; holds the pending opening mark between marks."""

    def __init__(self, text: str, marks: dict[str, str], pattern: re.Pattern[str], single: bool):
        self.text, self.marks, self.pattern, self.single = text, marks, pattern, single
        self.out: list[Passage] = []
        self.open_at = -1          # index of the pending opening mark
        self.open_mark = ""
        self.parts: list[tuple[int, int]] = []
        self.first = -1            # start of a multi-paragraph passage

    def _open(self, i: int, ch: str) -> None:
        self.open_at, self.open_mark = i, ch

    def _emit(self, end: int, inner_end: int, closed: bool) -> None:
        start = self.first if self.first >= 0 else self.open_at
        parts = self.parts + [(self.open_at + 1, inner_end)]
        self.out.append(Passage(start, end, tuple(parts), closed))
        self.open_at, self.parts, self.first = -1, [], -1

    def _cut_before(self, i: int, lo: int) -> None:
        """Close an unclosed passage just before position i (trailing spaces dropped)."""
        e = i
        while e > lo and self.text[e - 1].isspace():
            e -= 1
        self._emit(max(e, self.open_at + 1), max(e, self.open_at + 1), closed=False)

    def paragraph(self, lo: int, hi: int, next_lo: int | None) -> None:
        """Scan the marks of the paragraph [lo, hi); ``next_lo`` starts the next one (or None)."""
        text = self.text
        for m in self.pattern.finditer(text, lo, hi):
            i = m.start()
            if self.single and not _single_is_mark(text, i, lo, hi):
                continue
            if self.open_at < 0:
                self._mark_at_rest(i, lo, hi)
            else:
                self._mark_inside(i, lo, hi)
        if self.open_at >= 0:
            self._paragraph_end(hi, next_lo)

    def _mark_at_rest(self, i: int, lo: int, hi: int) -> None:
        """A mark with no passage pending: it opens one or is noise."""
        text, ch = self.text, self.text[i]
        can_open, can_close = _flanks(text, i, lo, hi)
        if ch == "\u00ab" and i + 2 < hi and text[i + 1] in _FRENCH_SPACES and not text[i + 2].isspace():
            can_open = True     # French spacing: « nous »
        if can_open and (self.marks[ch] == "o" or not can_close):
            self._open(i, ch)

    def _mark_inside(self, i: int, lo: int, hi: int) -> None:
        """A mark inside a pending passage: it closes it, cuts it and opens anew, or is noise."""
        ch = self.text[i]
        role = self.marks[ch]
        can_open, can_close = _flanks(self.text, i, lo, hi)
        special = _SPECIAL_CLOSE.get(self.open_mark, "")
        if ch in special or role == "c" or (role == "a" and (can_close or not can_open)):
            if role == "c" and can_open and not can_close and ch not in special and i > self.open_at + 1:
                # ” used as an opener after an unclosed passage (Swedish style)
                self._cut_before(i, lo)
                self._open(i, ch)
                return
            if i == self.open_at + 1 and not can_close:
                return  # empty ""; treat the pair as noise
            self._emit(i + 1, i, closed=True)
        elif can_open and not can_close:
            # a clear new opener: the pending one was never closed
            self._cut_before(i, lo)
            self._open(i, ch)
        elif role == "o":
            self._emit(i + 1, i, closed=True)   # “…“ typo used as a closer

    def _paragraph_end(self, hi: int, next_lo: int | None) -> None:
        """The paragraph ends inside a passage: continue if the next paragraph re-opens the mark."""
        text = self.text
        if next_lo is not None and text[next_lo] in self.marks and (
                self.marks[text[next_lo]] in "oa" or _flanks(text, next_lo, next_lo, len(text))[0]):
            if self.first < 0:
                self.first = self.open_at
            self.parts.append((self.open_at + 1, hi))
            self._open(next_lo, text[next_lo])
            return
        self._emit(hi, hi, closed=False)


def _scan(text: str, paras: list[tuple[int, int]], single: bool) -> list[Passage]:
    marks, pattern = (SINGLE_MARKS, _SINGLE_RE) if single else (DOUBLE_MARKS, _DOUBLE_RE)
    sc = _Scanner(text, marks, pattern, single)
    for n, (lo, hi) in enumerate(paras):
        next_lo = paras[n + 1][0] if n + 1 < len(paras) else None
        if sc.open_at >= 0 and sc.open_at == lo:
            # the re-opening mark of a continued passage: scan after it
            sc.paragraph(lo + 1, hi, next_lo)
        else:
            sc.paragraph(lo, hi, next_lo)
    return sc.out


def find_passages(text: str) -> list[Passage]:
    """Every quoted passage of ``text``, in order. Never raises on odd text."""
    if not isinstance(text, str) or not text:
        return []
    paras = paragraphs(text)
    found = _scan(text, paras, single=False)
    if not found and any(ch in text for ch in SINGLE_MARKS):
        found = _scan(text, paras, single=True)
    return [p for p in found if any(text[s:e].strip() for s, e in p.parts)]
