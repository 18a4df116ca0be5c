"""The runner through its users: --only, --jobs (order, identical output), the library API, chunks,
spaCy factories."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import summitclaims
from summitclaims.cli.main import app
from tests.paths import SAMPLES_DIR

SAMPLES = SAMPLES_DIR
ARTICLE = "Paris, Feb 10 - Iliad said on Monday it would invest 3 billion euros, CEO Thomas Reynaud said."


def recs(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("only, kinds", [
    ("money", {"money"}),
    ("money,dates", {"money", "date"}),
    ("quotes", {"quote"}),
    ("actors", {"actor"}),
])
def test_only_emits_just_those_kinds(runner, only, kinds):
    result = runner.invoke(app, ["extract", str(SAMPLES), "-f", "jsonl", "--only", only, "-q"])
    assert result.exit_code == 0
    got = {r["kind"] for r in recs(result.stdout)} - {"document"}
    assert got == kinds


def test_only_money_matches_the_full_run(runner):
    # money's actor and FX date read the actors and the dateline: --only money runs them too
    full = [r for r in recs(runner.invoke(app, ["extract", str(SAMPLES), "-f", "jsonl", "-q"]).stdout)
            if r["kind"] in ("document", "money")]
    fast = recs(runner.invoke(app, ["extract", str(SAMPLES), "-f", "jsonl", "-q", "--only", "money"]).stdout)
    assert fast == full
    assert any(r["kind"] == "money" and r["actor"] for r in fast)


def test_only_rejects_unknown_kinds(runner):
    result = runner.invoke(app, ["extract", "-", "--only", "money,prices"], input="x")
    assert result.exit_code == 2 and "prices" in result.stderr


def test_jobs_two_gives_identical_output_in_input_order(runner, tmp_path):
    for n in range(12):   # more articles than one chunk per worker
        (tmp_path / f"{n:02d}.txt").write_text(f"Article {n}: Iliad pledged {n + 1} billion euros.", encoding="utf-8")
    one = runner.invoke(app, ["extract", str(tmp_path), str(SAMPLES), "-f", "jsonl", "-q"])
    two = runner.invoke(app, ["extract", str(tmp_path), str(SAMPLES), "-f", "jsonl", "-q", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    ids = [r["doc"] for r in recs(two.stdout) if r["kind"] == "document"]
    assert ids[:12] == [str(tmp_path / f"{n:02d}.txt") for n in range(12)]


def test_extract_many_over_texts_and_tuples():
    items = [ARTICLE, ("b", "The EU pledged €50 billion on Monday.", "2025-02-11")]
    records = list(summitclaims.extract_many(items))
    heads = [r for r in records if r["kind"] == "document"]
    assert [(h["doc"], h["published"]) for h in heads] == [("1", None), ("b", "2025-02-11")]
    assert {(r["doc"], r["value"]) for r in records if r["kind"] == "money"} == {("1", 3e9), ("b", 5e10)}
    assert [r for r in records if r["kind"] == "date" and r["doc"] == "b"][0]["start"] == "2025-02-10"


def test_extract_many_with_two_jobs_matches_one():
    items = [(f"d{n}", f"Orange said it would spend {n + 1} million euros in Paris.") for n in range(20)]
    assert list(summitclaims.extract_many(items, jobs=2)) == list(summitclaims.extract_many(items))


def test_components_are_spacy_factories_through_the_entry_point():
    # a fresh interpreter that never imports summitclaims itself: spaCy finds the factories
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('summitclaims_money'); nlp.add_pipe('summitclaims_dates')\n"
        "doc = nlp('It pledged $5 million on 10 February 2025.')\n"
        "print([s._.sc_money.value for s in doc.spans['sc_money']],"
        " [str(s._.sc_date.start) for s in doc.spans['sc_dates']])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[5000000.0] ['2025-02-10']"


def test_chunks_hold_at_most_batch_chars_in_input_order():
    from summitclaims.io.readers import Article
    from summitclaims.runner import RunOptions
    from summitclaims.runner.chunks import chunks as make_chunks

    sizes = [900, 800, 5000, 700, 300, 12000, 100, 100, 4000, 4000, 4000, 50]
    arts = [Article(str(i), text="x" * n) for i, n in enumerate(sizes)]
    opts = RunOptions(batch_size=4, batch_chars=8000)
    chunks = list(make_chunks(arts, opts))
    assert [a.doc_id for c in chunks for a in c] == [str(i) for i in range(len(sizes))]
    assert all(len(c) <= 4 for c in chunks)
    # within the budget, or a single article longer than it
    assert all(sum(len(a.text) for a in c) <= 8000 or len(c) == 1 for c in chunks)
    assert [len(c) for c in chunks] == [4, 1, 1, 3, 2, 1]
