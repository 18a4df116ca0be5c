"""--rules-only: money and dates from the rules alone, the statistical model not run. Not the full
run's records (no actor, a guessed tense) but the same amounts and dates found in the same text."""
from __future__ import annotations

import pytest

from summitclaims import nlp as _nlp
from summitclaims import runner
from summitclaims.io.readers import iter_articles
from summitclaims.runner.options import RULE_KINDS
from tests.paths import SAMPLES_DIR

MODEL_PIPES = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}


def _records(opts):
    return [r for _, recs in runner.run(iter_articles([str(SAMPLES_DIR)]), opts) for r in recs]


@pytest.fixture(scope="module")
def rules_only():
    return _records(runner.RunOptions(rules_only=True))


@pytest.fixture(scope="module")
def full_money_dates():
    return _records(runner.RunOptions(kinds=RULE_KINDS))


def test_no_statistical_pipe_runs(nlp):
    names = _nlp.pipes_for(nlp, None, rules_only=True)
    assert names == [_nlp.LAYOUT, _nlp.SENTENCIZER, "summitclaims_dates", "summitclaims_money"]
    assert not MODEL_PIPES & set(names)
    assert _nlp.pipes_for(nlp, frozenset({"date"}), rules_only=True) == [
        _nlp.LAYOUT, _nlp.SENTENCIZER, "summitclaims_dates"]


def test_the_sentencizer_is_off_in_a_full_run(nlp):
    assert _nlp.SENTENCIZER in nlp.component_names and _nlp.SENTENCIZER not in nlp.pipe_names
    assert _nlp.SENTENCIZER not in _nlp.pipes_for(nlp, None)


def test_kinds_default_to_money_and_dates_and_others_are_refused():
    assert runner.RunOptions(rules_only=True).kinds == RULE_KINDS
    assert runner.RunOptions(rules_only=True, kinds=frozenset({"date"})).kinds == {"date"}
    with pytest.raises(ValueError, match="not actor, quote"):
        runner.RunOptions(rules_only=True, kinds=frozenset({"money", "actor", "quote"}))


def test_the_same_amounts_and_dates_are_found(rules_only, full_money_dates):
    def found(recs):
        return sorted((r["doc"], r["kind"], r["char_start"], r["char_end"], r.get("value"), r.get("currency"))
                      for r in recs if r["kind"] in ("money", "date"))
    assert found(rules_only) == found(full_money_dates) and len(found(rules_only)) > 20


def test_records_say_no_model_ran_and_amounts_have_no_actor(rules_only):
    docs = [r for r in rules_only if r["kind"] == "document"]
    assert len(docs) == 5 and all(d["producer"]["model"] == _nlp.NO_MODEL for d in docs)
    money = [r for r in rules_only if r["kind"] == "money"]
    assert money and all(r["actor"] is None for r in money)
    assert {r["kind"] for r in rules_only} == {"document", "money", "date"}


def test_sentences_are_split_by_punctuation(rules_only):
    sentences = [r["sentence"] for r in rules_only if r["kind"] == "money"]
    assert all(s and len(s) < 600 for s in sentences)
