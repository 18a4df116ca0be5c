"""summitclaims_attribute_ruler: the model's attribute ruler by table look-ups, the same annotations
as spaCy's own, token for token."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from summitclaims import nlp as _nlp
from summitclaims.pipeline import attributes
from tests.pipeline.standins import differing, docs_up_to, reloaded

P = pytest.param
MODEL_PIPES = ["tok2vec", "tagger", "parser"]     # what runs before the attribute ruler


def _annotations(doc):
    return [(t.tag, t.pos, t.morph.key, t.lemma, t.dep) for t in doc]


def _both(ruler, rules, doc):
    """The doc's annotations after spaCy's ruler and after the compiled rules, each on a copy."""
    data = doc.to_bytes()
    theirs = Doc(doc.vocab).from_bytes(data)
    ours = Doc(doc.vocab).from_bytes(data)
    ruler(theirs)
    rules.apply(ours)
    return _annotations(theirs), _annotations(ours)


@pytest.fixture(scope="module")
def model_ruler(nlp):
    """The built pipeline's attribute ruler: ours, wrapping the model's own."""
    fast = nlp.get_pipe(_nlp.ATTRIBUTE_RULER)
    assert isinstance(fast, attributes.FastAttributeRuler) and fast.rules is not None
    assert type(fast.ruler) is AttributeRuler
    return fast


def test_the_model_ruler_is_replaced_in_place(nlp, model_ruler):
    base = _nlp.load_base()
    assert nlp.pipe_names.index(_nlp.ATTRIBUTE_RULER) == nlp.pipe_names.index("parser") + 1
    assert [n for n in nlp.pipe_names if n in base.pipe_names] == base.pipe_names
    assert model_ruler.patterns == base.get_pipe(_nlp.ATTRIBUTE_RULER).patterns


def test_real_articles_get_the_same_annotations(nlp, model_ruler):
    docs = docs_up_to(nlp, MODEL_PIPES)
    tokens, differ = differing(docs, lambda doc: _both(model_ruler.ruler, model_ruler.rules, doc))
    assert tokens > 30_000 and differ == 0


def _doc(vocab, rows):
    """A doc from (word, tag, dep) rows, every head the first token (the rules read no heads)."""
    words, tags, deps = zip(*rows)
    return Doc(vocab, words=list(words), spaces=[False] * len(words), tags=list(tags), deps=list(deps),
               heads=[0] * len(words))


@pytest.mark.parametrize("rows, at, want", [
    P([("We", "PRP", "nsubj"), ("gon", "VBG", "ROOT"), ("na", "TO", "aux"), ("win", "VB", "xcomp")],
      1, {"lemma_": "go"}, id="gon-na-first"),
    P([("We", "PRP", "nsubj"), ("gon", "VBG", "ROOT"), ("na", "TO", "aux"), ("win", "VB", "xcomp")],
      2, {"lemma_": "to"}, id="gon-na-second"),
    P([("They", "PRP", "nsubj"), ("got", "VBD", "ROOT"), ("ta", "TO", "aux"), ("go", "VB", "xcomp")],
      2, {"lemma_": "to"}, id="got-ta"),
    P([("It", "PRP", "nsubj"), ("ai", "VBZ", "ROOT"), ("n't", "RB", "neg"), ("so", "RB", "advmod")],
      1, {"lemma_": "be"}, id="ai-n't"),
    P([("It", "PRP", "nsubj"), ("ai", "VBP", "ROOT"), ("nt", "RB", "neg")], 1, {"lemma_": "be"}, id="ai-nt-regex"),
    P([("let", "VB", "ROOT"), ("'s", "PRP", "nsubj"), ("go", "VB", "ccomp")], 1, {"lemma_": "us"}, id="let-'s"),
    P([("y'", "PRP", "nsubj"), ("all", "DT", "appos"), ("went", "VBD", "ROOT")], 0, {"lemma_": "you"},
      id="y'-all-regex"),
    P([("y", "PRP", "nsubj"), ("all", "DT", "appos")], 0, {"lemma_": "you"}, id="y-all-regex"),
    P([("c'm", "VB", "ROOT"), ("on", "RP", "prt")], 0, {"lemma_": "come"}, id="c'm-on"),
    P([("There", "EX", "expl"), ("'s", "VBZ", "ROOT"), ("hope", "NN", "attr")], 1, {"pos_": "VERB"},
      id="expl-then-be"),
    P([("The", "DT", "det"), ("man", "NN", "nsubj"), ("that", "WDT", "nsubj"), ("left", "VBD", "relcl")],
      2, {"pos_": "PRON", "morph": "PronType=Rel"}, id="that-by-dep-not-in"),
    P([("That", "DT", "det"), ("man", "NN", "ROOT")], 0, {"pos_": "DET"}, id="that-det-stays-det"),
    P([("But", "CC", "advmod"), ("then", "RB", "ROOT")], 0, {"pos_": "ADV"}, id="but-by-dep"),
    P([("I", "PRP", "nsubj"), ("saw", "VBD", "ROOT"), ("you", "PRP", "dobj")], 2,
      {"morph": "Case=Acc|Person=2|PronType=Prs"}, id="you-dep-in"),
    P([("He", "PRP", "nsubj"), ("has", "VBZ", "aux"), ("gone", "VBN", "ROOT")], 1,
      {"pos_": "AUX", "lemma_": "have"}, id="aux-tag-not-in"),
    P([("to", "TO", "aux"), ("go", "VB", "ROOT")], 0, {"pos_": "PART"}, id="to-not-aux"),
    P([("Done", "VBN", "ROOT"), ("\n\n", "_SP", "")], 1, {"pos_": "SPACE", "dep_": ""}, id="space-no-dep"),
    P([("Done", "VBN", "ROOT"), ("\n\n", "_SP", "punct")], 1, {"pos_": "SPACE", "dep_": "dep"}, id="space-dep"),
    P([("Done", "VBN", "ROOT"), ("\n", "NN", "dobj")], 1, {"tag_": "_SP", "pos_": "SPACE", "dep_": "dep"},
      id="space-tag-set"),
    P([("Done", "VBN", "ROOT"), ("x", "_SP", "dobj")], 1, {"pos_": "X"}, id="sp-tag-not-space"),
    P([("nothin'", "NN", "ROOT")], 0, {"lemma_": "nothing"}, id="nothin'-regex"),
    P([("Nuthin'", "NN", "ROOT")], 0, {"lemma_": "nothing"}, id="nuthin'-regex-lower"),
    P([("goin'", "VBG", "ROOT")], 0, {"lemma_": "go"}, id="goin'"),
])
def test_each_family_of_the_model_patterns(nlp, model_ruler, rows, at, want):
    doc = _doc(nlp.vocab, rows)
    theirs, ours = _both(model_ruler.ruler, model_ruler.rules, doc)
    assert ours == theirs
    model_ruler(doc)
    tok = doc[at]
    assert {k: str(getattr(tok, k)) for k in want} == want


@pytest.mark.parametrize("pattern", [
    P([{"LOWER": "very", "OP": "+"}], id="op"),
    P([{"LOWER": {">=": "a"}}], id="comparison"),
    P([{"LOWER": {"FUZZY": "bank"}}], id="fuzzy"),
    P([{"LOWER": {"IS_SUBSET": ["a"]}}], id="is-subset"),
    P([{"LOWER": {"REGEX": {"IN": ["^a"]}}}], id="regex-of-a-set"),
    P([{"IS_ALPHA": {"REGEX": "1"}}], id="regex-on-a-flag"),
    P([{"MORPH": "Number=Sing"}], id="morph"),
    P([{"ENT_TYPE": "ORG"}], id="ent-type"),
    P([{"IS_SENT_START": True}], id="sent-start"),
    P([{"_": {"thing": "x"}}], id="extension"),
])
def test_a_pattern_outside_the_subset_does_not_compile(pattern):
    ruler = AttributeRuler(English().vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([pattern], {"LEMMA": "x"})
    assert attributes.compile_ruler(ruler) is None


def test_a_rule_that_sets_an_attribute_not_mapped_does_not_compile():
    ruler = AttributeRuler(English().vocab)
    ruler.add([[{"LOWER": "acme"}]], {"ENT_TYPE": "ORG"})
    assert attributes.compile_ruler(ruler) is None


def test_a_subclass_of_the_ruler_does_not_compile():
    class Ruler(AttributeRuler):
        pass

    ruler = Ruler(English().vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    assert attributes.compile_ruler(ruler) is None


def test_a_model_whose_ruler_does_not_compile_keeps_its_own():
    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert not _nlp.fast_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_the_factory_made_component_compiles_what_is_added():
    nlp = English()
    fast = nlp.add_pipe(attributes.FACTORY)
    assert isinstance(fast, attributes.FastAttributeRuler) and fast.rules is None     # spaCy's (it warns)
    fast.add_patterns([{"patterns": [[{"LOWER": "bank"}]], "attrs": {"LEMMA": "shore"}}])
    assert fast.rules is not None
    assert [t.lemma_ for t in nlp("the bank")] == ["", "shore"]
    fast.add([[{"LOWER": "bank", "OP": "?"}]], {"LEMMA": "river"})
    assert fast.rules is None and [t.lemma_ for t in nlp("the bank")] == ["", "river"]


def _custom_ruler(vocab):
    ruler = AttributeRuler(vocab)
    ruler.add([[{"LOWER": "bank"}]], {"POS": "NOUN", "LEMMA": "bank1", "MORPH": "Number=Sing"})
    ruler.add([[{"TAG": "NN"}]], {"POS": "VERB"})                                    # overrides POS
    ruler.add([[{"LOWER": {"IN": ["bank", "river"]}, "TAG": {"NOT_IN": ["VB"]}}]], {"LEMMA": "water"})
    ruler.add([[{"ORTH": "the"}, {"TAG": "NN"}]], {"MORPH": "Definite=Def"}, index=-1)
    ruler.add([[{"TEXT": {"REGEX": "^b"}}], [{}, {"LOWER": "bank"}]], {"LEMMA": "last"}, index=0)
    return ruler


@pytest.mark.parametrize("rows, want", [
    P([("the", "DT", ""), ("bank", "NN", "")],
      [("the", "", "", "last"), ("bank", "VERB", "Definite=Def", "last")], id="all-rules"),
    P([("river", "NN", ""), ("bank", "VB", "")],
      [("river", "VERB", "", "last"), ("bank", "NOUN", "Number=Sing", "last")], id="not-in-fails"),
    P([("Bank", "NN", "")], [("Bank", "VERB", "Number=Sing", "water")], id="regex-on-orth-fails"),
])
def test_later_rules_override_earlier_ones(rows, want):
    vocab = English().vocab
    ruler = _custom_ruler(vocab)
    rules = attributes.compile_ruler(ruler)
    assert rules is not None
    doc = _doc(vocab, rows)
    theirs, ours = _both(ruler, rules, doc)
    assert ours == theirs
    rules.apply(doc)
    assert [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc] == want


def test_the_memos_stay_bounded(monkeypatch):
    vocab = English().vocab
    ruler = _custom_ruler(vocab)
    rules = attributes.compile_ruler(ruler)
    assert rules is not None
    monkeypatch.setattr(attributes, "MEMO_LIMIT", 4)
    for n in range(30):
        doc = _doc(vocab, [(f"w{n}", "NN", ""), (f"x{n}", "NN", ""), ("bank", "NN", "")])
        theirs, ours = _both(ruler, rules, doc)
        assert ours == theirs
        assert all(len(c.memo) <= 4 for c in rules.columns) and len(rules.merged) <= 4


def test_the_pipeline_saves_and_loads_with_the_same_annotations(tmp_path):
    again = reloaded(_nlp.fast_attribute_ruler, tmp_path)
    fast = again.get_pipe(_nlp.ATTRIBUTE_RULER)
    assert isinstance(fast, attributes.FastAttributeRuler) and fast.rules is not None
    text = "We're gonna see them there.\n\nThe man that she met did it, but y'all ain't."
    assert _annotations(again(text)) == _annotations(_nlp.load_base()(text))


# Random rulers over a few words, tags and dependencies, against spaCy's on random docs
WORDS = ["a", "A", "bank", "Bank", "y'", "n't", "\n", " "]
TAGS = ["NN", "VB", "DT", "_SP"]
DEPS = ["", "nsubj", "dobj", "ROOT"]
_value = {
    "LOWER": st.sampled_from([w.lower() for w in WORDS]), "ORTH": st.sampled_from(WORDS),
    "TAG": st.sampled_from(TAGS + [""]), "DEP": st.sampled_from(DEPS),
}


@st.composite
def _specs(draw):
    spec = {}
    for key, value in draw(st.lists(st.one_of(
            st.sampled_from(sorted(_value)).flatmap(lambda k: st.tuples(st.just(k), _value[k])),
            st.sampled_from(sorted(_value)).flatmap(lambda k: st.tuples(st.just(k), st.builds(
                lambda op, vs: {op: vs}, st.sampled_from(["IN", "NOT_IN"]), st.lists(_value[k], max_size=3)))),
            st.sampled_from(["LOWER", "ORTH"]).flatmap(lambda k: st.tuples(st.just(k), st.builds(
                lambda r: {"REGEX": r}, st.sampled_from(["^b", "n", "'$", "^\\s"])))),
            st.tuples(st.just("IS_SPACE"), st.booleans()),
    ), max_size=3)):
        spec[key] = value
    return spec


_rule = st.fixed_dictionaries({
    "patterns": st.lists(st.lists(_specs(), min_size=1, max_size=3), min_size=1, max_size=2),
    "attrs": st.dictionaries(st.sampled_from(["POS", "LEMMA", "TAG", "DEP", "MORPH"]),
                             st.sampled_from(["NOUN", "VERB", "x", "Number=Sing", "nsubj"]), min_size=1),
    "index": st.sampled_from([0, -1]),
})
_row = st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS))


_VOCAB = English().vocab      # one for every example: making a vocab is most of an example's time


@settings(max_examples=100, deadline=None)
@given(st.lists(_rule, min_size=1, max_size=6), st.lists(st.lists(_row, min_size=1, max_size=8), max_size=3))
def test_random_rulers_match_spacys(rules_in, docs):
    vocab = _VOCAB
    ruler = AttributeRuler(vocab)
    for r in rules_in:
        attrs = dict(r["attrs"])
        if attrs.get("POS") not in (None, "NOUN", "VERB"):
            attrs["POS"] = "NOUN"
        if attrs.get("MORPH") not in (None, "Number=Sing"):
            attrs["MORPH"] = "Number=Sing"
        ruler.add(r["patterns"], attrs, index=r["index"])
    rules = attributes.compile_ruler(ruler)
    assert rules is not None
    for rows in docs:
        theirs, ours = _both(ruler, rules, _doc(vocab, rows))
        assert ours == theirs
