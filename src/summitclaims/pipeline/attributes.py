"""summitclaims_attribute_ruler: the model's attribute ruler, matched by table look-ups.

The attribute ruler of en_core_web_sm (after the parser: POS and MORPH from the tag, the lemmas of
pronouns and contractions, "that" as a pronoun by its dependency) is 179 Matcher patterns whose
``IN``/``NOT_IN``/``REGEX`` tests spaCy's Matcher calls as Python functions at every token: a tenth
of the whole model's time, for annotations that depend on a handful of values per token.

``compile_ruler`` reads an ``AttributeRuler``'s own patterns (the model's rules stay the data, no
copy of them here) into one bit per token of a pattern. For each attribute the patterns read
(LOWER, TAG, DEP, IS_SPACE in the model) a value's bits are the patterns whose tests on that
attribute it passes; a token's bits are the AND of its attributes' bits, and the bits of a token
are mapped to the merged attributes of its matching rules. Both maps are remembered across docs
(bounded), so a token costs dict look-ups, and a pattern's test runs once per distinct value.

Exactly the ruler's annotations: as spaCy does, every match is found on the doc as the parser left
it before any attribute is set, and a token matched by several rules gets their attributes in rule
order (a later rule wins). One ``set_token_attrs`` call with the merged attributes is the same as
one call per rule because the attributes allowed (POS, TAG, MORPH, LEMMA, DEP, NORM) are separate
fields of the token. A ruler outside the subset compiled here (an ``OP``, a test or attribute not
mapped exactly, extension attributes) gives None and is left as it is (``summitclaims.nlp.build``).

Serialisation: spaCy's ``Language.to_disk`` skips a component without ``to_disk``, but a reload
would then make this factory's component empty, the rules lost. So the component wraps the ruler
it was built from and hands ``to_disk``/``from_disk``/``to_bytes``/``from_bytes`` to it (the files
spaCy's attribute_ruler writes), compiling again after a load: ``nlp.to_disk()`` of our pipeline,
reloaded with summitclaims importable (the factory is an entry point too), annotates the same. A
ruler that does not compile (an empty one, or one given patterns outside the subset) runs as
spaCy's own, inside the wrapper. Between docs the component keeps only the bounded memos.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Union

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Pipe
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import SimpleFrozenList
from spacy.vocab import Vocab

FACTORY = "summitclaims_attribute_ruler"
MEMO_LIMIT = 1 << 16    # remembered values per attribute and bit sets: cleared past this (memory stays flat)

# Token attributes a pattern may test, read as spaCy's Matcher reads them (``Doc.to_array`` and
# the Matcher share one getter for all of these; IS_SENT_START, ENT_IOB and MORPH differ: left out).
_STRING_ATTRS = frozenset(IDS[a] for a in ("ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX",
                                           "LEMMA", "POS", "TAG", "DEP"))
_FLAG_ATTRS = frozenset(IDS[a] for a in (
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_UPPER",
    "LIKE_URL", "LIKE_NUM", "LIKE_EMAIL", "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT", "IS_CURRENCY"))
_READABLE = _STRING_ATTRS | _FLAG_ATTRS | {IDS["LENGTH"]}
_NULL_ATTR = 0          # the Matcher's test for an empty token spec {}: flag 0 unset, i.e. any word
# Attributes a rule may set: each a field of its own on the token, none on the lexeme (so merging
# rules' attributes into one dict sets what setting them one after the other sets)
_SETTABLE = frozenset(IDS[a] for a in ("POS", "TAG", "MORPH", "LEMMA", "DEP", "NORM"))

# a test on one attribute's value (an int: a string's hash, a flag, a length)
EQ, IN, NOT_IN, REGEX = "eq", "in", "not_in", "regex"
Test = tuple[str, Any]


class Unsupported(ValueError):
    """A pattern outside what ``compile_ruler`` maps exactly; the message says which part."""


@dataclass
class _Column:
    """What the patterns ask of one attribute: for a value, the bits of the token specs it passes."""

    attr: int
    always: int = 0                                           # specs that do not test this attribute
    by_value: dict[int, int] = field(default_factory=dict)    # one test, equality or IN: value -> bits
    unless: int = 0                                           # one test, NOT_IN: passed ...
    unless_by_value: dict[int, int] = field(default_factory=dict)     # ... but by these values
    other: list[tuple[int, list[Test]]] = field(default_factory=list)  # REGEX, several tests: run
    memo: dict[int, int] = field(default_factory=dict)
    shared: dict[int, int] = field(default_factory=dict)      # one object per distinct bit set

    def add(self, bit: int, tests: list[Test]) -> None:
        if not tests:
            self.always |= bit
        elif len(tests) > 1 or tests[0][0] == REGEX:
            self.other.append((bit, tests))
        elif tests[0][0] == NOT_IN:
            self.unless |= bit
            for v in tests[0][1]:
                self.unless_by_value[v] = self.unless_by_value.get(v, 0) | bit
        else:
            kind, arg = tests[0]
            for v in (arg,) if kind == EQ else arg:
                self.by_value[v] = self.by_value.get(v, 0) | bit

    def bits(self, value: int, vocab: Vocab) -> int:
        out = self.always | self.by_value.get(value, 0) | (self.unless & ~self.unless_by_value.get(value, 0))
        for bit, tests in self.other:
            if all(_passes(t, value, vocab) for t in tests):
                out |= bit
        return out

    def masks(self, values: list[int], vocab: Vocab) -> list[int]:
        """The bits of each value, the distinct values new to the memo worked out once each."""
        memo, shared = self.memo, self.shared
        new = set(values).difference(memo)
        if new and len(memo) + len(new) > MEMO_LIMIT:
            memo.clear()
            shared.clear()
            new = set(values)
        for v in new:
            bits = self.bits(v, vocab)
            # most words pass the same tests: one int for them all, not one each (a third of the memory)
            memo[v] = shared.setdefault(bits, bits)
        return list(map(memo.__getitem__, values))


def _passes(test: Test, value: int, vocab: Vocab) -> bool:
    kind, arg = test
    if kind == EQ:
        return value == arg
    if kind == IN:
        return value in arg
    if kind == NOT_IN:
        return value not in arg
    # the Matcher's REGEX: re.search on the attribute's string
    return bool(arg.search(vocab.strings[value]))


@dataclass(frozen=True)
class _Multi:
    """A pattern of several tokens: the bit of each of its token specs, and the token it sets."""

    rule: int
    bits: tuple[int, ...]
    target: int          # offset from the match's first token (the rule's index, made non-negative)


@dataclass
class CompiledRules:
    """An attribute ruler's patterns as bit tables; ``apply`` sets what the ruler would set."""

    vocab: Vocab
    attrs: list[dict]                  # each rule's normalised attributes (the ruler's own dicts)
    columns: list[_Column]
    single_rule: dict[int, int]        # bit of a one-token pattern -> its rule
    multi: list[_Multi]
    every: int                         # all bits: a doc tested on no attribute passes every spec
    merged: dict[int, Optional[dict]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.multi_first = 0
        for m in self.multi:
            self.multi_first |= m.bits[0]
        self.read: list[int | str] = [c.attr for c in self.columns]

    def apply(self, doc: Doc) -> None:
        """Match the whole doc first (the ruler matches before it sets anything), then set."""
        n = len(doc)
        if not n:
            return
        masks = self._masks(doc, n)
        extra = self._multi_matches(masks, n) if self.multi_first else {}
        merged = self.merged
        new = set(masks).difference(merged)
        if new and len(merged) + len(new) > MEMO_LIMIT:
            merged.clear()
            new = set(masks)
        for m in new:
            merged[m] = self._merge(self._rules_of(m))
        todo = list(map(merged.__getitem__, masks))
        for i, rules in extra.items():         # the token's one-token rules and these, in rule order
            todo[i] = self._merge(sorted(set(self._rules_of(masks[i])) | rules))
        for token, attrs in zip(doc, todo):    # iterating the doc: no bounds check per token
            if attrs is not None:
                set_token_attrs(token, attrs)

    def _masks(self, doc: Doc, n: int) -> list[int]:
        if not self.columns:
            return [self.every] * n
        table = doc.to_array(self.read).reshape(n, len(self.read)).T.tolist()
        masks: list[int] | None = None
        for column, values in zip(self.columns, table):
            bits = column.masks(values, self.vocab)
            masks = bits if masks is None else list(map(operator.and_, masks, bits))
        assert masks is not None
        return masks

    def _multi_matches(self, masks: list[int], n: int) -> dict[int, set[int]]:
        """Token -> the rules of the several-token patterns that match over it and set it."""
        first = self.multi_first
        extra: dict[int, set[int]] = {}
        for i in [i for i, m in enumerate(masks) if m & first]:
            for p in self.multi:
                if i + len(p.bits) <= n and all(masks[i + j] & b for j, b in enumerate(p.bits)):
                    extra.setdefault(i + p.target, set()).add(p.rule)
        return extra

    def _rules_of(self, mask: int) -> list[int]:
        """The one-token rules whose bits are set, in rule order."""
        rules = set()
        while mask:
            low = mask & -mask
            rule = self.single_rule.get(low)
            if rule is not None:
                rules.add(rule)
            mask ^= low
        return sorted(rules)

    def _merge(self, rules: Iterable[int]) -> Optional[dict]:
        out: dict = {}
        for r in rules:
            out.update(self.attrs[r])
        return out or None


def compile_ruler(ruler: Any) -> CompiledRules | None:
    """The rules of a spaCy ``AttributeRuler`` as bit tables, or None when any of its patterns is
    outside the subset mapped exactly (the ruler then stays as it is)."""
    try:
        return _compile(ruler)
    except Unsupported:
        return None


def _compile(ruler: Any) -> CompiledRules:
    # a subclass may match or set differently; only spaCy's own class is known to do what we copy
    if type(ruler) is not AttributeRuler:
        raise Unsupported(f"not spaCy's AttributeRuler: {type(ruler).__name__}")
    if not ruler.attrs:      # spaCy's ruler warns that its matcher has no patterns: let it
        raise Unsupported("no rules")
    vocab = ruler.vocab
    specs: list[tuple[int, dict[int, list[Test]]]] = []        # (bit, attr -> tests) per token spec
    single_rule: dict[int, int] = {}
    multi: list[_Multi] = []
    for rule, attrs in enumerate(ruler.attrs):
        if not set(attrs) <= _SETTABLE:
            raise Unsupported(f"rule {rule} sets {sorted(map(str, attrs))}")
        got = ruler.matcher.get(str(rule))      # the ruler's key for its rule i is str(i)
        if got is None:
            raise Unsupported(f"rule {rule} has no patterns")
        on_match, patterns = got
        if on_match is not None:
            raise Unsupported(f"rule {rule} has a callback")
        index = ruler.indices[rule]
        for pattern in patterns:
            if not pattern or not -len(pattern) <= index < len(pattern):
                raise Unsupported(f"rule {rule}: index {index} of a pattern of {len(pattern)} tokens")
            bits = []
            for spec in pattern:
                bit = 1 << len(specs)
                specs.append((bit, _spec_tests(spec)))
                bits.append(bit)
            if len(bits) == 1:
                single_rule[bits[0]] = rule
            else:
                multi.append(_Multi(rule, tuple(bits), index % len(bits)))
    read = sorted({a for _, tests in specs for a in tests})
    columns = [_Column(a) for a in read]
    every = 0
    for bit, tests in specs:
        every |= bit
        for column in columns:
            column.add(bit, tests.get(column.attr, []))
    return CompiledRules(vocab, list(ruler.attrs), columns, single_rule, multi, every)


def _spec_tests(spec: Any) -> dict[int, list[Test]]:
    """One token of a pattern as attribute -> tests, as spaCy's Matcher reads it."""
    if not isinstance(spec, dict):
        raise Unsupported(f"token spec {spec!r}")
    if not spec:
        return {_NULL_ATTR: [(EQ, 0)]}
    tests: dict[int, list[Test]] = {}
    for key, value in spec.items():
        attr = _attr_id(key)
        if isinstance(value, dict):
            out = [_predicate(attr, op, arg) for op, arg in value.items()]
        elif isinstance(value, str):
            out = [(EQ, get_string_id(value))]      # the Matcher's strings.add: the same hash
        elif isinstance(value, int):                # bool too: True is 1, as the Matcher takes it
            out = [(EQ, int(value))]
        else:
            raise Unsupported(f"value {value!r} of {key!r}")
        tests.setdefault(attr, []).extend(out)
    return tests


def _attr_id(key: Any) -> int:
    if isinstance(key, str):
        name = key.upper()
        attr = IDS["ORTH"] if name == "TEXT" else IDS.get(name)
    else:
        attr = key
    if attr not in _READABLE:
        raise Unsupported(f"attribute {key!r}")
    return attr


def _predicate(attr: int, op: Any, arg: Any) -> Test:
    op = op.upper() if isinstance(op, str) else op
    if op in ("IN", "NOT_IN") and isinstance(arg, (list, tuple, set, frozenset)) \
            and all(isinstance(v, (str, int)) for v in arg):
        return (IN if op == "IN" else NOT_IN, frozenset(get_string_id(v) for v in arg))
    if op == "REGEX" and isinstance(arg, str) and attr in _STRING_ATTRS:
        return (REGEX, re.compile(arg))
    raise Unsupported(f"predicate {op!r}: {arg!r}")


class FastAttributeRuler(Pipe):
    """A drop-in for spaCy's attribute_ruler: the ruler it wraps, applied through ``CompiledRules``
    (through the ruler itself when its patterns do not compile). Between docs it keeps only the
    bounded memos of the compiled rules."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer: Optional[Callable] = attribute_ruler_score) -> None:
        self.name = name
        self.vocab = vocab
        self.scorer = scorer
        self.ruler = AttributeRuler(vocab, name, validate=validate, scorer=scorer)
        self.rules: CompiledRules | None = compile_ruler(self.ruler)

    def use(self, ruler: AttributeRuler, rules: CompiledRules | None = None) -> None:
        """Take over ``ruler`` (as loaded with the model), with its rules compiled if not given."""
        self.ruler = ruler
        self.rules = rules if rules is not None else compile_ruler(ruler)

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            if self.rules is None:
                self.ruler.set_annotations(doc, self.ruler.match(doc))
            else:
                self.rules.apply(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    @property
    def patterns(self) -> list:
        return self.ruler.patterns

    def add(self, patterns: Iterable, attrs: dict, index: int = 0) -> None:
        self.ruler.add(patterns, attrs, index)
        self.rules = compile_ruler(self.ruler)

    def add_patterns(self, patterns: Iterable) -> None:
        self.ruler.add_patterns(patterns)
        self.rules = compile_ruler(self.ruler)

    def clear(self) -> None:
        self.ruler.clear()
        self.rules = compile_ruler(self.ruler)

    def initialize(self, get_examples: Any, *, nlp: Any = None, **kwargs: Any) -> None:
        self.ruler.initialize(get_examples, nlp=nlp, **kwargs)
        self.rules = compile_ruler(self.ruler)

    def to_bytes(self, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return self.ruler.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data: bytes, exclude: Iterable[str] = SimpleFrozenList()) -> FastAttributeRuler:
        self.ruler.from_bytes(bytes_data, exclude=exclude)
        self.rules = compile_ruler(self.ruler)
        return self

    def to_disk(self, path: Union[str, Path], exclude: Iterable[str] = SimpleFrozenList()) -> None:
        self.ruler.to_disk(path, exclude=exclude)

    def from_disk(self, path: Union[str, Path], exclude: Iterable[str] = SimpleFrozenList()) -> FastAttributeRuler:
        self.ruler.from_disk(path, exclude=exclude)
        self.rules = compile_ruler(self.ruler)
        return self


@Language.factory(FACTORY, default_config={
    "validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"},
})
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Optional[Callable]
                         ) -> FastAttributeRuler:
    """The factory spaCy calls for ``nlp.add_pipe("summitclaims_attribute_ruler")``: empty, until
    ``use`` hands it the model's ruler or ``from_disk`` loads the patterns a saved pipeline wrote."""
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
