"""Articles longer than one piece: paragraph-aligned pieces, offsets and records as for the whole."""
from __future__ import annotations

import datetime as dt

import pytest

from summitclaims import runner
from summitclaims.io.readers import Article
from tests.paths import SAMPLES_DIR

SAMPLE = (SAMPLES_DIR / "004_2bdf0ec7640d6463.txt").read_text(encoding="utf-8")
PUBLISHED = dt.date(2025, 2, 11)


def run(text, piece_chars, published=PUBLISHED):
    opts = runner.RunOptions(published=published, piece_chars=piece_chars)
    return [r for _, part in runner.run([Article("long", text=text)], opts) for r in part]


@pytest.mark.parametrize("limit", [50, 300, 1000])
def test_split_points_cut_at_breaks_outside_quotes(limit):
    from summitclaims.text.passages import find_passages

    points = runner.split_points(SAMPLE, limit)
    assert points[0] == 0 and points == sorted(set(points))
    quotes = [(p.start, p.end) for p in find_passages(SAMPLE)]
    for cut in points[1:]:
        assert SAMPLE[cut - 1] in "\n " or cut - points[points.index(cut) - 1] == limit
        if SAMPLE[cut - 1] == "\n":
            assert not any(a < cut < b for a, b in quotes)


def test_pieces_give_the_records_of_the_whole():
    whole = run(SAMPLE, 1_000_000)
    pieces = run(SAMPLE, 700)
    assert pieces[0] == whole[0]                               # the document record
    for kind in ("money", "date"):
        assert [r for r in pieces if r["kind"] == kind] == [r for r in whole if r["kind"] == kind]
    assert [r["char_start"] for r in pieces if r["kind"] == "quote"] == \
        [r["char_start"] for r in whole if r["kind"] == "quote"]
    for rec in pieces[1:]:
        assert SAMPLE[rec["char_start"]:rec["char_end"]] == rec["text"]


def test_actors_are_merged_across_pieces():
    pieces = run(SAMPLE * 3, 1500)
    names = [(r["name"], r["label"]) for r in pieces if r["kind"] == "actor"]
    assert len(names) == len(set(names))
    uvdl = next(r for r in pieces if r["kind"] == "actor" and r["name"] == "Ursula von der Leyen")
    whole = next(r for r in run(SAMPLE, 1_000_000) if r["kind"] == "actor" and r["name"] == "Ursula von der Leyen")
    assert uvdl["mentions"] >= 2 * whole["mentions"]
    assert uvdl["char_start"] == whole["char_start"]


def test_dateline_of_the_first_piece_holds_for_the_rest():
    text = "February 5, 2025\n\n" + "Filler paragraph about nothing much at all.\n\n" * 30 + "It ended on Monday."
    recs = run(text, 400, published=None)
    assert recs[0]["published"] == "2025-02-05"
    monday = [r for r in recs if r["kind"] == "date" and r["text"] == "Monday"]
    assert monday and monday[0]["start"] == "2025-02-03"


def test_a_piece_without_any_break_is_still_cut():
    text = "x" * 2500
    assert runner.split_points(text, 1000) == [0, 1000, 2000]
    assert run(text, 1000)[0]["chars"] == 2500


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_long_article_streams_in_parts_in_input_order(jobs):
    arts = [Article("a", text="Iliad pledged 3 billion euros."), Article("long", text=SAMPLE),
            Article("z", text="Orange pledged 1 billion euros.")]
    opts = runner.RunOptions(published=PUBLISHED, piece_chars=700)
    parts = list(runner.run(arts, opts, jobs=jobs))
    assert [a.doc_id for a, _ in parts][0] == "a" and parts[-1][0].doc_id == "z"
    long_parts = [recs for a, recs in parts if a.doc_id == "long"]
    assert len(long_parts) == len(runner.split_points(SAMPLE, 700)) + 1     # pieces, then the actors
    assert long_parts[0][0]["kind"] == "document"
    assert {r["kind"] for r in long_parts[-1]} == {"actor"}
    assert all(r["kind"] != "actor" for part in long_parts[:-1] for r in part)
