"""--only KINDS changes which records are written, never a record: every field, `sentence` included,
equals the full run's (benchmarks/only_equal.py checks the same on Reuters-21578)."""
from __future__ import annotations

import pytest

from summitclaims import nlp as _nlp
from summitclaims import runner
from summitclaims.io.readers import iter_articles
from summitclaims.kinds import parse_kinds
from tests.paths import SAMPLES_DIR

SAMPLES = SAMPLES_DIR
COMBOS = ("actors", "money", "dates", "quotes", "money,dates", "actors,quotes", "dates,quotes")


def records_by_doc(kinds):
    out: dict[str, list[dict]] = {}
    for art, recs in runner.run(iter_articles([str(SAMPLES)]), runner.RunOptions(kinds=kinds)):
        out.setdefault(art.doc_id, []).extend(recs)
    return out


@pytest.fixture(scope="module")
def full():
    got = records_by_doc(None)
    assert len(got) == 5
    return got


@pytest.mark.parametrize("only", COMBOS)
def test_only_writes_the_full_runs_records_of_those_kinds(full, only):
    kinds = parse_kinds(only)
    got = records_by_doc(kinds)
    assert list(got) == list(full)
    for doc_id, recs in full.items():
        want = [r for r in recs if r["kind"] in kinds | {"document"}]
        assert got[doc_id] == want, doc_id
    # the samples hold every kind, so an empty comparison cannot pass for an equal one
    assert all(any(r["kind"] == k for rs in got.values() for r in rs) for k in kinds)


def test_the_samples_resolve_a_date_by_tense_and_link_money_to_an_actor(full):
    # what --only used to get wrong without the model: a year-less weekday and money's actor
    recs = [r for rs in full.values() for r in rs]
    assert any(r["kind"] == "money" and r["actor"] for r in recs)
    assert any(r["kind"] == "date" and r["granularity"] == "day" and r["text"].lower().startswith(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) for r in recs)


def test_only_dates_skips_what_dates_does_not_read(nlp):
    names = _nlp.pipes_for(nlp, frozenset({"date"}))
    assert "summitclaims_dates" in names and "tagger" in names and "parser" in names
    assert not {"ner", "lemmatizer", "summitclaims_actors", "summitclaims_money"} & set(names)


@pytest.mark.parametrize("kinds", [frozenset({"actor"}), frozenset({"quote"}), frozenset({"money"})])
def test_every_only_run_reads_the_dateline(nlp, kinds):
    # the document record's published date comes from summitclaims_dates
    assert "summitclaims_dates" in _nlp.pipes_for(nlp, kinds)
