"""summitclaims_lemmatizer: the model's rule lemmatizer, remembered by (word, POS, morphology).

spaCy's Lemmatizer walks a doc in Python, token by token: it builds a ``Token``, reads its POS
string and ``MorphAnalysis``, and for the many tokens whose form is already the lemma (a singular
noun, an infinitive, a positive adjective) converts the morphology to a dict before it answers,
with no cache for those. That loop was 7% of a whole run. Yet in the ``rule`` and ``lookup`` modes
of spaCy's ``Lemmatizer`` and ``EnglishLemmatizer`` a lemma depends on nothing but the word, its
POS and its morphology (the key spaCy's own rule cache uses), so this component reads those three
columns with one ``Doc.to_array``, works a lemma out once per distinct key (ever, within a bound),
and writes the lemma column back with one ``Doc.from_array``. A key not seen before is worked out
from the wrapped lemmatizer's own tables with its own steps, except that a POS's word index is a
set rather than the list spaCy scans: 0.1 ms less for each new word.

Exactly the wrapped lemmatizer's lemmas: a token whose lemma is set already (the attribute ruler's
pronouns) keeps it unless ``overwrite``; a token without a POS is handed to the lemmatizer itself
(once per word in each doc; it warns then, as spaCy's does) and never remembered; any other
lemmatizer class or mode, whose answer may read more of the token, is not replaced at all
(``summitclaims.nlp.build``).

The remembered values are strings, not their hashes: inside ``nlp.memory_zone()`` (the runner's
chunks) a string added to the vocab is dropped when the zone ends, so each doc adds the lemmas it
uses again (one call per distinct key in the doc). Serialisation is the wrapped lemmatizer's (its
lookup tables), as for ``pipeline.attributes``: a saved pipeline reloads with the same lemmas.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Union

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer, Pipe
from spacy.pipeline.lemmatizer import lemmatizer_score
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList
from spacy.vocab import Vocab

FACTORY = "summitclaims_lemmatizer"
MODES = ("rule", "lookup")   # the modes whose lemma is a function of (ORTH, POS, MORPH) alone
MEMO_LIMIT = 1 << 16         # keys remembered (about 11 MB): cleared past this, so memory stays flat on any stream
_COLUMNS = [ORTH, POS, MORPH, LEMMA]


def exact_classes() -> tuple[type, ...]:
    """Lemmatizer classes whose ``rule``/``lookup`` answer reads only the word, POS and morphology:
    spaCy's own and the English one (which overrides ``is_base_form`` from POS and morphology)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    return (Lemmatizer, EnglishLemmatizer)


def replaceable(lemmatizer: Any) -> bool:
    """True when ``lemmatizer`` is one this component reproduces exactly."""
    return type(lemmatizer) in exact_classes() and getattr(lemmatizer, "mode", None) in MODES


class FastLemmatizer(Pipe):
    """A drop-in for the model's lemmatizer: the one it wraps, asked once per (word, POS,
    morphology). Between docs it keeps only that bounded memo."""

    def __init__(self, vocab: Vocab, name: str = "lemmatizer", *, inner: Any = None,
                 scorer: Optional[Callable] = lemmatizer_score) -> None:
        self.name = name
        self.vocab = vocab
        self.scorer = scorer
        self.inner = inner
        self._reset()

    def _reset(self) -> None:
        """Forget what was derived from the wrapped lemmatizer and its tables (they were replaced)."""
        self._exact = self.inner is not None and replaceable(self.inner)
        self.memo: dict[tuple[int, int, int], str] = {}
        self._rule_tables: dict[str, tuple[frozenset, dict, list]] = {}

    def use(self, lemmatizer: Any) -> None:
        """Take over ``lemmatizer`` (as loaded with the model)."""
        self.inner = lemmatizer
        self._reset()

    @property
    def mode(self) -> str:
        return str(self.inner.mode)

    @property
    def overwrite(self) -> bool:
        return bool(self.inner.overwrite)

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        if not self._exact:
            return inner(doc) if inner is not None else doc
        if not inner._validated:
            inner._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            if len(doc):
                self._lemmatize(doc, inner)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _lemmatize(self, doc: Doc, inner: Any) -> None:
        overwrite = bool(inner.overwrite)
        memo = self.memo
        add = self.vocab.strings.add
        in_doc: dict[tuple[int, int, int], int] = {}     # key -> lemma hash, added to this doc's vocab
        lemmas: list[int] = []
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(_COLUMNS).tolist()):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = in_doc.get(key)
            if found is None:
                text = memo.get(key) if pos else None
                if text is None:
                    text = self._first_lemma(doc[i], inner)
                    if pos:
                        if len(memo) >= MEMO_LIMIT:
                            memo.clear()
                        memo[key] = text
                found = in_doc[key] = add(text)
            lemmas.append(found)
            changed = changed or found != lemma
        if changed:
            column: Any = numpy.array(lemmas, dtype="uint64").reshape(-1, 1)
            doc.from_array([LEMMA], column)

    def _first_lemma(self, token: Any, inner: Any) -> str:
        """The first of ``inner.lemmatize(token)``. In ``rule`` mode worked out here from the same
        tables in the same order: spaCy tests a candidate's membership in a POS's word index, a
        list of up to tens of thousands of words, by scanning it, which made a word never seen
        before cost about 0.1 ms; here the index is a set. Every other case is spaCy's own."""
        if inner.mode != "rule":
            return str(inner.lemmatize(token)[0])
        pos = token.pos_.lower()
        if pos in ("", "eol", "space"):
            return str(inner.lemmatize(token)[0])
        if inner.is_base_form(token):
            return str(token.text.lower())
        tables = self._rule_tables.get(pos)
        if tables is None:
            tables = self._rule_tables[pos] = self._tables_of(inner, pos)
        index, exceptions, rules = tables
        text = str(token.text)
        if not (index or exceptions or rules):
            return text if pos == "propn" else text.lower()
        word = text.lower()
        indexed: list[str] = []      # candidates the index knows: the last rule's first
        other: list[str] = []        # not in the index but not a plain word (digits, hyphens): kept
        unknown: list[str] = []      # plain words the index does not know: only if nothing else
        for old, new in rules:
            if word.endswith(old):
                form = word[: len(word) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    indexed.append(form)
                elif not form.isalpha():
                    other.append(form)
                else:
                    unknown.append(form)
        forms = list(dict.fromkeys(indexed[::-1] + other))
        for form in exceptions.get(word, ()):      # each exception not yet a candidate goes first
            if form not in forms:
                forms.insert(0, form)
        return forms[0] if forms else unknown[0] if unknown else text

    @staticmethod
    def _tables_of(inner: Any, pos: str) -> tuple[frozenset, dict, list]:
        lookups = inner.lookups
        index = lookups.get_table("lemma_index", {}).get(pos) or ()
        exceptions = lookups.get_table("lemma_exc", {}).get(pos) or {}
        rules = lookups.get_table("lemma_rules", {}).get(pos) or ()
        return frozenset(index), exceptions, [(old, new) for old, new in rules]

    # The wrapped lemmatizer's interface, so that code written for spaCy's finds it here.
    def lemmatize(self, token: Any) -> list[str]:
        return list(self.inner.lemmatize(token))

    def initialize(self, get_examples: Any = None, *, nlp: Any = None, **kwargs: Any) -> None:
        self.inner.initialize(get_examples, nlp=nlp, **kwargs)
        self._reset()

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return bytes(self.inner.to_bytes(exclude=exclude))

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> FastLemmatizer:
        self.inner.from_bytes(bytes_data, exclude=exclude)
        self._reset()
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        self.inner.to_disk(path, exclude=exclude)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = SimpleFrozenList()) -> FastLemmatizer:
        self.inner.from_disk(path, exclude=exclude)
        self._reset()
        return self


@Language.factory(FACTORY, default_config={
    "mode": "rule", "overwrite": False, "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
})
def make_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool, scorer: Optional[Callable]
                    ) -> FastLemmatizer:
    """The factory spaCy calls for ``nlp.add_pipe("summitclaims_lemmatizer")``: it wraps the
    language's own lemmatizer (English's for English) made with the same settings, whose tables
    ``from_disk`` then loads, or which ``use`` replaces by the model's."""
    inner = nlp.create_pipe("lemmatizer", name=name,
                            config={"mode": mode, "overwrite": overwrite, "model": None})
    return FastLemmatizer(nlp.vocab, name, inner=inner, scorer=scorer)
