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

# The space between the parts of one currency name ("Kuwaiti dinars", "pounds sterling"): as
# ``SP``, but shorter, since a name part follows (which no blank line can be): the name tables
# repeat it once per name.
NAME_SP = "(?:[ \\t\u00a0]{1,%d}(?:\\r?\\n[ \\t\u00a0]{0,%d})?|\\r?\\n[ \\t\u00a0]{0,%d})" % (
    MAX_SPACES, MAX_INDENT, MAX_INDENT)

WORD_START = r"(?<![A-Za-z])"     # not inside a word: "US$", not "BUS$"
WORD_END = r"(?![A-Za-z])"        # the word ends here: "5m", not "5mm"

# A range's connector: a dash or "to"/"and" as a word ("$30-50bn", "between $1 and $2 million").
CONNECTOR = rf"""(?P<conn>
    -|–|—                         # hyphen, en dash, em dash
  | (?i:to|and){WORD_END}
)"""


def alt(words: Iterable[str], flags: str = "") -> str:
    """Regex alternation of ``words``, longer first so that "us dollars" beats "dollars"; a space in
    a word matches any space between the parts of a name (``NAME_SP``).

    The alternation is a trie of the words' characters: each shared beginning ("kuwaiti dinar",
    "kuwaiti dinars") is written and tried once, so that a table of every currency's names costs
    about one test per character of the text, not one per name."""
    root: dict[str, dict] = {}
    for w in {w for w in words if w}:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}                       # a word ends here
    body = _trie_regex(root)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _trie_regex(node: dict[str, dict]) -> str:
    """A node's continuations; where a word may also end here the continuation is optional and
    greedy, so the longer word wins."""
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        head = NAME_SP if ch == " " else re.escape(ch)
        # a chain of single continuations is written as one literal run
        while len(child) == 1 and "" not in child:
            (nxt, grand), = child.items()
            head += NAME_SP if nxt == " " else re.escape(nxt)
            child = grand
        tail = {k: v for k, v in child.items() if k}
        if not tail:
            branches.append(head)
        else:
            branches.append(f"{head}(?:{_trie_regex(tail)})" + ("?" if "" in child else ""))
    return "|".join(branches)
