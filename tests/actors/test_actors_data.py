"""The actor rule data: gazetteer, roles, noise and cue tables are well-formed."""
from __future__ import annotations

from collections import defaultdict

import pytest

from summitclaims import resources

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
GAZETTEERS = ("actors", "actor_countries")


@pytest.mark.parametrize("name", GAZETTEERS)
def test_gazetteer_rows_are_complete(name):
    rows = resources.load_patterns(name)
    assert rows
    for row in rows:
        assert set(row) <= {"label", "pattern", "id", "ambiguous", "wikidata"}, row
        assert row["label"] in LABELS, row
        assert isinstance(row["pattern"], str) and row["pattern"].strip() == row["pattern"] != "", row
        assert isinstance(row["id"], str) and row["id"].strip(), row


def test_each_canonical_name_has_one_label_and_each_pattern_one_meaning():
    label_of, meaning = {}, defaultdict(set)
    for name in GAZETTEERS:
        for row in resources.load_patterns(name):
            assert label_of.setdefault(row["id"], row["label"]) == row["label"], row
            meaning[(row["pattern"], row["label"])].add(row["id"])
    clashes = {k: v for k, v in meaning.items() if len(v) > 1}
    assert not clashes


def test_a_wikidata_item_names_one_actor_once():
    item_of: dict[str, str] = {}
    name_of: dict[str, str] = {}
    for name in GAZETTEERS:
        for row in resources.load_patterns(name):
            qid = row.get("wikidata")
            if qid is None:
                continue
            assert resources.value_patterns()["wikidata"].fullmatch(qid), row
            assert item_of.setdefault(row["id"], qid) == qid, row        # one item per name
            assert name_of.setdefault(qid, row["id"]) == row["id"], row  # one name per item
    assert len(item_of) > 150


def test_every_canonical_name_matches_itself():
    ids = defaultdict(set)
    for name in GAZETTEERS:
        for row in resources.load_patterns(name):
            ids[row["id"]].add(row["pattern"])
    assert [i for i, pats in ids.items() if i not in pats] == []


@pytest.mark.parametrize("pattern,canonical", [
    pytest.param("U.S.", "United States", id="dotted-us"), pytest.param("US", "United States", id="us"),
    pytest.param("America", "United States", id="america"), pytest.param("EU", "European Union", id="eu"),
    pytest.param("UK", "United Kingdom", id="uk"), pytest.param("Britain", "United Kingdom", id="britain"),
    pytest.param("UAE", "United Arab Emirates", id="uae"), pytest.param("Mistral", "Mistral AI", id="mistral"),
    pytest.param("Macron", "Emmanuel Macron", id="macron"), pytest.param("Germany", "Germany", id="germany"),
    pytest.param("Korea, Republic of", None, id="no-inverted-iso-name"),
])
def test_required_short_forms(pattern, canonical):
    found = {r["pattern"]: r["id"] for n in GAZETTEERS for r in resources.load_patterns(n)}
    assert found.get(pattern) == canonical


def test_roles_table():
    rows = resources.load_patterns("roles")
    titles = [r for r in rows if "title" in r]
    holders = [r for r in rows if "holder" in r]
    assert titles and holders
    assert all(r["title"] == r["title"].lower() for r in titles)
    seen = set()
    for r in holders:
        assert r["role"] and r["holder"] and r["patterns"], r
        for p in r["patterns"]:
            assert p == p.lower() and p not in seen, p      # one role per title phrase
            seen.add(p)


def test_noise_and_cue_tables():
    for row in resources.load_patterns("actor_noise"):
        assert row["kind"] in {"word", "head", "alone"} and row["text"] == row["text"].lower()
    kinds = {row["kind"] for row in resources.load_patterns("actor_cues")}
    assert kinds == {"org_cue", "state_noun", "demonym", "org_suffix", "group", "member", "legal_suffix", "body",
                     "office_title", "org_filler", "trailing_function", "org_head", "of_head"}
    for row in resources.load_patterns("actor_cues"):
        if row["kind"] == "demonym":
            assert row["country"]
    for row in resources.load_patterns("actor_short"):
        assert row["label"] in LABELS and row["id"] and row["pattern"] and row["context"]


def test_us_state_abbreviations():
    rows = resources.load_patterns("actor_us_states")
    assert len(rows) == 51                                # 50 states and D.C.
    seen = set()
    for row in rows:
        assert row["state"] and isinstance(row["sure"], bool) and row["abbr"], row
        for ab in row["abbr"]:
            assert ab.rstrip(".") not in seen, ab            # one state per abbreviation
            seen.add(ab.rstrip("."))
