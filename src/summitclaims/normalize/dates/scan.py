"""Where in a text each rule may match, and its matches there.

Every rule starts at a word start, so the scan tries each rule only at the words it can begin with
instead of at every character (that scan was most of the finder's time). A text word must equal a
rule's start word, or, for its ``prefixes`` (the pattern lets letters follow: "midyear",
"Valentines"), begin with it. Digit runs are keyed by length and the character after them (see
``grammar.digits``). tests/dates/test_dates_scan.py checks the result equals a plain search over
the whole text. A ``Scan`` of a text is made once and read by the dateline and the finder both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from ...text.folds import FOLD_TO_ASCII
from .grammar import Rule

# Text words whose rule lists are kept; past this the memo starts over (memory must not grow
# with the input).
WORD_MEMO_SIZE = 20_000

# a digit run takes the character after it along, for the key
_WORD_START = re.compile(r"(?<!\w)(?:\d+(?:\D|$)|[^\W\d_]+)")
_RULE_WORD_HEAD = re.compile(r"(\d+)(.?)|[a-z]+")

Candidate = tuple[int, int, Rule, "re.Match[str]"]      # start, end, rule, match


def digit_key(run: int, after: str) -> str:
    """A digit run's key: its length and the character after it ("" at the end)."""
    cls = "s" if after.isspace() else "a" if after.isalpha() else "p" if after and after in "/.-" else "o"
    return f"#{run}{cls}"


def head(word: str) -> str | None:
    """What a text word must begin with to start a match of this rule word: its letters, or the
    key of its digits ("1st" -> "#1a"); a digit key is its own head."""
    if word.startswith("#"):
        return word
    m = _RULE_WORD_HEAD.match(word.lower())
    if m and m.group(1):
        return digit_key(len(m.group(1)), m.group(2))
    return m.group() if m else None


@dataclass
class StartIndex:
    """Rule start words by their heads -> the indices of the rules (in tie order) they start."""
    starts: dict[str, set[int]] = field(default_factory=dict)
    prefixes: dict[str, set[int]] = field(default_factory=dict)
    memo: dict[str, tuple[int, ...]] = field(default_factory=dict)     # text word -> its rules

    @classmethod
    def of(cls, rules: Sequence[Rule]) -> StartIndex:
        """The index of the rules' start words."""
        index = cls()
        for i, rule in enumerate(rules):
            for table, words in ((index.starts, rule.starts), (index.prefixes, rule.prefixes)):
                for w in words:
                    key = head(w)
                    if key:
                        table.setdefault(key, set()).add(i)
        return index

    def rules_at(self, word: str) -> tuple[int, ...]:
        """The rules a text word (a letter run, or a digit run with the character after it) may start."""
        rules = self.memo.get(word)
        if rules is None:
            if len(self.memo) > WORD_MEMO_SIZE:
                self.memo.clear()
            rules = self.memo[word] = self._lookup(word)
        return rules

    def _lookup(self, word: str) -> tuple[int, ...]:
        if word[0].isdecimal():
            after = "" if word[-1].isdecimal() else word[-1]
            return tuple(sorted(self.starts.get(digit_key(len(word) - len(after), after), ())))
        key = word.translate(FOLD_TO_ASCII).lower()     # a word as re.I sees it
        found = set(self.starts.get(key, ()))
        for k in range(1, len(key) + 1):
            found |= self.prefixes.get(key[:k], set())
        return tuple(sorted(found))


@dataclass(frozen=True)
class Scan:
    """A text and, for each rule (in tie order), the word starts in it where the rule may match."""
    text: str
    at: tuple[list[int], ...]

    @classmethod
    def of(cls, text: str, rules: Sequence[Rule], index: StartIndex) -> Scan:
        """Scan ``text`` once for the start words of every rule."""
        at: tuple[list[int], ...] = tuple([] for _ in rules)
        memo = index.memo                   # read inline: this loop runs on every word of the text
        for w in _WORD_START.finditer(text):
            word = w.group()
            found = memo.get(word)
            if found is None:
                found = index.rules_at(word)
            if found:
                p = w.start()
                for i in found:
                    at[i].append(p)
        return cls(text, at)


def matches(text: str, rx: re.Pattern[str], starts: list[int], overlapping: bool,
            begin: int = 0) -> Iterator[re.Match[str]]:
    """What ``rx.search`` finds from ``begin`` on, and again from each match's start + 1
    (``overlapping``) or its end, trying only ``starts``."""
    nxt = begin
    for p in starts:
        if p < nxt:
            continue
        m = rx.match(text, p)
        if m:
            yield m
            nxt = m.start() + 1 if overlapping else max(m.end(), m.start() + 1)


def candidates(scan: Scan, rules: Sequence[Rule], strict: bool) -> list[Candidate]:
    """Every rule's matches, as ``search`` from each match on would find them; in running text
    (``strict``) without the loose rules."""
    cands: list[Candidate] = []
    for rule, starts in zip(rules, scan.at):
        if not starts or (strict and rule.loose):
            continue
        # a "span" group marks the date inside a longer match
        span = "span" in rule.pattern.groupindex
        for m in matches(scan.text, rule.pattern, starts, rule.overlapping):
            s, e = m.span("span") if span else m.span()
            cands.append((s, e, rule, m))
    return cands
