"""summitclaims_lemmatizer: the model's lemmatizer asked once per (word, POS, morphology), the same
lemmas as spaCy's own, token for token."""
from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc

from summitclaims import nlp as _nlp
from summitclaims.pipeline import lemmas
from tests.pipeline.standins import differing, docs_up_to, reloaded

MODEL_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler"]     # what runs before the lemmatizer


def _lemmas(doc):
    return [t.lemma_ for t in doc]


def _both(spacys, ours, doc):
    """The doc's lemmas after spaCy's lemmatizer and after ours, each on a copy."""
    data = doc.to_bytes()
    theirs, mine = Doc(doc.vocab).from_bytes(data), Doc(doc.vocab).from_bytes(data)
    return _lemmas(spacys(theirs)), _lemmas(ours(mine))


@pytest.fixture(scope="module")
def model_lemmatizer(nlp):
    fast = nlp.get_pipe(_nlp.LEMMATIZER)
    assert isinstance(fast, lemmas.FastLemmatizer)
    assert type(fast.inner) is EnglishLemmatizer and fast.mode == "rule"
    return fast


def _tagged(vocab, rows, lemma=None):
    """A doc from (word, pos, morph) rows; every lemma unset, or ``lemma`` for all."""
    words, pos, morphs = zip(*rows)
    return Doc(vocab, words=list(words), pos=list(pos), morphs=list(morphs),
               lemmas=[lemma] * len(words) if lemma else None)


def test_the_model_lemmatizer_is_replaced_in_place(nlp, model_lemmatizer):
    base = _nlp.load_base()
    assert nlp.pipe_names.index(_nlp.LEMMATIZER) == nlp.pipe_names.index(_nlp.ATTRIBUTE_RULER) + 1
    assert [n for n in nlp.pipe_names if n in base.pipe_names] == base.pipe_names
    assert nlp.config["components"][_nlp.LEMMATIZER]["factory"] == lemmas.FACTORY


def test_real_articles_get_the_same_lemmas(nlp, model_lemmatizer):
    docs = docs_up_to(nlp, MODEL_PIPES)
    tokens, differ = differing(docs, lambda doc: _both(model_lemmatizer.inner, model_lemmatizer, doc))
    assert tokens > 30_000 and differ == 0


ROWS = [("Ministers", "NOUN", "Number=Plur"), ("were", "AUX", "Mood=Ind|Tense=Past|VerbForm=Fin"),
        ("pledging", "VERB", "Aspect=Prog|Tense=Pres|VerbForm=Part"), ("billions", "NOUN", "Number=Plur"),
        ("said", "VERB", "Tense=Past|VerbForm=Fin"), ("said", "VERB", "Aspect=Perf|Tense=Past|VerbForm=Part"),
        ("Said", "PROPN", "Number=Sing"), ("better", "ADJ", "Degree=Cmp"), ("better", "ADV", "Degree=Cmp"),
        ("the", "DET", "Definite=Def|PronType=Art"), ("\n\n", "SPACE", ""), ("geese", "NOUN", "Number=Plur")]


def test_a_word_gets_the_lemma_of_its_pos_and_morphology(model_lemmatizer):
    vocab = model_lemmatizer.vocab
    theirs, ours = _both(model_lemmatizer.inner, model_lemmatizer, _tagged(vocab, ROWS))
    assert ours == theirs
    assert ours[:6] == ["minister", "were", "pledge", "billion", "say", "say"] and ours[-1] == "goose"


def test_a_lemma_set_before_is_kept_unless_overwrite(model_lemmatizer):
    vocab = model_lemmatizer.vocab
    doc = model_lemmatizer(_tagged(vocab, ROWS[:3], lemma="kept"))
    assert _lemmas(doc) == ["kept"] * 3
    inner = model_lemmatizer.inner
    fast = lemmas.FastLemmatizer(vocab, inner=inner)
    inner.overwrite = True
    try:
        theirs, ours = _both(inner, fast, _tagged(vocab, ROWS[:3], lemma="kept"))
    finally:
        inner.overwrite = False
    assert ours == theirs == ["minister", "were", "pledge"]


def test_the_factory_wraps_the_languages_own_lemmatizer():
    nlp = English()
    fast = nlp.add_pipe(lemmas.FACTORY, name="lemmatizer", config={"mode": "lookup", "overwrite": True})
    assert type(fast.inner) is EnglishLemmatizer and fast.mode == "lookup" and fast.overwrite


def test_a_token_without_pos_is_asked_each_time_and_warns(model_lemmatizer):
    vocab = model_lemmatizer.vocab
    doc = Doc(vocab, words=["Ministers", "Ministers"])
    theirs, _ = _both(model_lemmatizer.inner, model_lemmatizer, doc)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        ours = _lemmas(model_lemmatizer(Doc(vocab, words=["Ministers", "Ministers"])))
    assert ours == theirs == ["ministers", "ministers"]
    assert any("W108" in str(w.message) for w in seen)
    assert all(key[1] for key in model_lemmatizer.memo)          # nothing remembered without a POS


def test_lemmas_survive_a_memory_zone(nlp):
    """A lemma string the memo remembers is added again to the vocab of each doc that uses it."""
    text = "Wobblefrotzes were pledging zzyzxings."
    with nlp.select_pipes(enable=MODEL_PIPES + [_nlp.LEMMATIZER]):
        with nlp.memory_zone():
            first = _lemmas(nlp(text))
        with nlp.memory_zone():
            again = _lemmas(nlp(text))
    assert again == first and "pledge" in first


def test_the_memo_stays_bounded(model_lemmatizer, monkeypatch):
    monkeypatch.setattr(lemmas, "MEMO_LIMIT", 3)
    vocab = model_lemmatizer.vocab
    fast = lemmas.FastLemmatizer(vocab, inner=model_lemmatizer.inner)
    for _ in range(2):
        theirs, ours = _both(fast.inner, fast, _tagged(vocab, ROWS))
        assert ours == theirs and len(fast.memo) <= 3


def test_a_lemmatizer_of_another_mode_or_class_stays():
    class Custom(EnglishLemmatizer):
        pass

    nlp = English()
    own = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    assert lemmas.replaceable(own)
    own._mode = "pos_lookup"                # a mode that reads more than the word, POS and morphology
    assert not _nlp.fast_lemmatizer(nlp) and nlp.get_pipe("lemmatizer") is own
    assert not lemmas.replaceable(Custom(nlp.vocab, None, mode="rule"))


def test_the_pipeline_saves_and_loads_with_the_same_lemmas(tmp_path):
    again = reloaded(_nlp.fast_lemmatizer, tmp_path)
    fast = again.get_pipe(_nlp.LEMMATIZER)
    assert isinstance(fast, lemmas.FastLemmatizer) and type(fast.inner) is EnglishLemmatizer
    text = "The ministers were pledging billions; she said the geese had flown better."
    assert _lemmas(again(text)) == _lemmas(_nlp.load_base()(text))


_row = st.tuples(st.sampled_from(["runs", "Runs", "running", "ran", "better", "men", "data", "x1", "'s"]),
                 st.sampled_from(["NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX", "PRON", "NUM", "X"]),
                 st.sampled_from(["", "Number=Sing", "Number=Plur", "VerbForm=Inf", "Degree=Pos",
                                  "Degree=Cmp", "Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_row, min_size=1, max_size=8), min_size=1, max_size=4))
def test_random_docs_match_spacys(model_lemmatizer, docs):
    vocab = model_lemmatizer.vocab
    for rows in docs:
        theirs, ours = _both(model_lemmatizer.inner, model_lemmatizer, _tagged(vocab, rows))
        assert ours == theirs


# Words made of the suffixes the English rules rewrite ("-ies", "-ed", "-ing", "-est", ...) and
# of digits and hyphens, so that every branch of the rule path is taken: a candidate the index
# knows, an exception, a form that is not a plain word, none at all.
_word = st.builds(lambda stem, end: stem + end,
                  st.sampled_from(["", "b", "ax", "go", "stud", "hop", "happ", "wom", "co-op", "3", "ran"]),
                  st.sampled_from(["", "s", "es", "ies", "ed", "ing", "er", "est", "en", "men", "'s", "-ed"]))
_pos = st.sampled_from(["NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX", "NUM", "PUNCT", "INTJ"])
_morph = st.sampled_from(["", "Number=Plur", "Tense=Past|VerbForm=Fin", "Aspect=Prog|Tense=Pres|VerbForm=Part",
                          "Degree=Sup", "Degree=Cmp", "Number=Sing", "VerbForm=Inf"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_word.filter(bool), _pos, _morph), min_size=1, max_size=6))
def test_the_rule_path_gives_spacys_first_lemma(model_lemmatizer, rows):
    """A new key's lemma, worked out with the index as a set, against spaCy's rule_lemmatize."""
    inner = model_lemmatizer.inner
    fast = lemmas.FastLemmatizer(model_lemmatizer.vocab, inner=inner)
    doc = _tagged(model_lemmatizer.vocab, rows)
    for token in doc:
        inner.cache.clear()
        assert fast._first_lemma(token, inner) == inner.rule_lemmatize(token)[0], token.text
