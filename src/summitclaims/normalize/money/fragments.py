"""Regex pieces all the money grammars share: the space inside an amount, word edges, alternations.

Every grammar of the finder is compiled with ``re.VERBOSE``; the pieces here are written for it
(their spaces sit inside character classes, ``alt`` escapes its words) and must only be embedded in
verbose patterns.
"""
from __future__ import annotations

import re
from typing import Iterable

MAX_SPACES = 6      # spaces or tabs between two parts of an amount; more is a table layout
MAX_INDENT = 8      # a wrapped wire line's indent before the amount goes on

# A space inside an amount: wire copy breaks lines anywhere ("1.9\nbillion dlrs"), but a blank line
# ends the amount.
SP = rf"""(?:
    [ \t\u00a0]{{1,{MAX_SPACES}}}                       # spaces, tabs, no-break spaces ...
    (?:\r?\n(?![ \t]*\r?\n)[ \t\u00a0]{{0,{MAX_INDENT}}})?  # ... then perhaps one line break that is no blank line
  | \r?\n(?![ \t]*\r?\n)[ \t\u00a0]{{0,{MAX_INDENT}}}      # or that line break alone, with the next line's indent
)"""

WORD_START = r"(?<![A-Za-z])"     # not inside a word: "US$", not "BUS$"
WORD_END = r"(?![A-Za-z])"        # the word ends here: "5m", not "5mm"

# A range's connector: a dash or "to"/"and" as a word ("$30-50bn", "between $1 and $2 million").
CONNECTOR = rf"""(?P<conn>
    -|–|—                         # hyphen, en dash, em dash
  | (?i:to|and){WORD_END}
)"""


def alt(words: Iterable[str], flags: str = "") -> str:
    """Regex alternation of ``words``, longest first so that "us dollars" beats "dollars"; a space in
    a word matches any space inside an amount (``SP``)."""
    parts = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", SP) for w in parts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"
