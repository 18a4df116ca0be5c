"""summarise: clusters across documents, actor totals, speakers, timeline; the CLI of both commands."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summitclaims.cli.main import app
from summitclaims.compare.summarise import summarise
from tests.compare.test_diff_records import actor, date, document, money, quote
from tests.paths import SAMPLES_DIR

SAMPLES = SAMPLES_DIR


def cluster_of(summary, actor_name, value=None):
    return [c for c in summary["clusters"] if c["actor"] == actor_name and (value is None or c["value"] == value)]


@pytest.mark.parametrize("mentions, clusters, agree", [
    # restated in three articles: one cluster, three sources
    ([("d1", "€200 billion", 200e9, "EUR", 206e9), ("d2", "200 billion euros", 200e9, "EUR", 206e9),
      ("d3", "€200bn", 200e9, "EUR", 206e9)], 1, True),
    # rounding within the tolerance
    ([("d1", "€1.5bn", 1.5e9, "EUR", None), ("d2", "1.52 billion euros", 1.52e9, "EUR", None)], 1, True),
    # across currencies through usd
    ([("d1", "109 billion euros", 109e9, "EUR", 112.49e9), ("d2", "$112 billion", 112e9, "USD", 112e9)], 1, True),
    # different amounts: two clusters
    ([("d1", "€2 billion", 2e9, "EUR", None), ("d2", "€3 billion", 3e9, "EUR", None)], 2, True),
])
def test_clusters(mentions, clusters, agree):
    recs = []
    for doc, text, value, cur, usd in mentions:
        recs += [document(doc), money(doc, text, value, cur, actor="Acme", usd=usd)]
    s = summarise(recs, top=0)
    got = cluster_of(s, "Acme")
    assert len(got) == clusters
    assert all(c["agree"] is agree for c in got)
    if clusters == 1:
        assert got[0]["sources"] == len(mentions)
        assert sorted(got[0]["variants"]) == sorted({m[1] for m in mentions})


def test_types_cluster_apart_and_prices_are_listed_apart():
    recs = [document("d1"), money("d1", "$50 billion", 50e9, "USD", actor="Acme", type="commitment", usd=50e9),
            money("d1", "$50", 50, "USD", actor="Acme", type="price", start=40, usd=50,
                  sentence="Acme shares closed at $50."),
            document("d2"), money("d2", "$50 billion", 50e9, "USD", actor="Acme", type="revenue", usd=50e9,
                                  sentence="Acme earned $50 billion."),
            money("d2", "$50", 50, "USD", actor="Acme", type="price", start=40, usd=50,
                  sentence="Shares of Acme ended at $50.")]
    s = summarise(recs, top=0)
    assert sorted(c["type"] for c in s["clusters"]) == ["commitment", "revenue"]
    assert all(c["sources"] == 1 for c in s["clusters"])      # a pledge and a revenue never agree
    (price,) = s["other_amounts"]
    assert (price["type"], price["sources"], price["value"]) == ("price", 2, 50)
    acme = next(a for a in s["actors"] if a["name"] == "Acme")
    assert acme["totals"] == {"USD": 100e9}                   # share prices are not added to an actor's money


def test_an_undecided_type_joins_a_typed_cluster():
    recs = [document("d1"), money("d1", "€150 billion", 150e9, actor="Acme", type="commitment", type_cue="pledging"),
            document("d2"), money("d2", "150 billion euros", 150e9, actor="Acme", type="other", type_cue=None),
            document("d3"), money("d3", "€150bn", 150e9, actor="Acme", type="revenue", type_cue="sales")]
    clusters = summarise(recs, top=0)["clusters"]
    assert sorted((c["type"], c["sources"]) for c in clusters) == [("commitment", 2), ("revenue", 1)]


def test_wire_copies_are_not_independent_sources():
    wire = "Acme will invest €5 billion in data centres in France, the company said on Monday."
    recs = []
    for d, sentence in (("d1", wire), ("d2", wire), ("d3", wire.upper()),
                        ("d4", "French data centres get €5 billion from Acme, officials said.")):
        recs += [document(d), money(d, "€5 billion", 5e9, actor="Acme", type="commitment", sentence=sentence)]
    (c,) = summarise(recs, top=0)["clusters"]
    assert (c["sources"], c["copies"], c["mentions"]) == (2, 2, 4)


def test_actor_totals_count_each_claim_once():
    recs = [document("d1"), actor("d1", "Acme", "ORG", role="chipmaker"),
            money("d1", "€2bn", 2e9, actor="Acme", usd=2.1e9),
            document("d2"), money("d2", "2 billion euros", 2e9, actor="Acme", usd=2.1e9),
            money("d2", "$1bn", 1e9, "USD", actor="Acme", usd=1e9),
            money("d2", "between €1bn and €2bn", None, actor="Acme", low=1e9, high=2e9, start=50)]
    a = next(x for x in summarise(recs)["actors"] if x["name"] == "Acme")
    assert a["documents"] == 2 and a["money"] == 4 and a["claims"] == 3 and a["role"] == "chipmaker"
    assert a["totals"] == {"EUR": 2e9, "USD": 1e9} and a["ranges"] == 1
    assert a["total_usd"] == pytest.approx(3.1e9)


def test_a_speakers_sample_is_in_their_own_words():
    s = summarise([document("d1"),
                   quote("d1", "the company would build ten new factories across the continent", "Jane Doe",
                         type_="indirect"),
                   quote("d1", "We will build ten factories.", "Jane Doe", start=90)])
    assert s["speakers"][0]["quotes"] == 2
    assert s["speakers"][0]["sample"]["quote"] == "We will build ten factories."


def test_speakers_and_timeline():
    s = summarise([document("d1"), quote("d1", "Short bit", "Jane Doe", partial=True),
                   quote("d1", "We will build ten new factories across the continent by the end of the decade.",
                         "Jane Doe", start=40),
                   money("d1", "€3bn", 3e9, actor="Acme", sentence="On Monday Acme pledged €3bn.", start=90),
                   date("d1", "On Monday", "2025-02-10", sentence="On Monday Acme pledged €3bn.", start=90)])
    assert s["speakers"][0]["name"] == "Jane Doe" and s["speakers"][0]["quotes"] == 2
    assert s["speakers"][0]["sample"]["quote"].startswith("We will build")
    assert s["timeline"] == [{"start": "2025-02-10", "end": "2025-02-10", "granularity": "day", "money": 1,
                              "quotes": 0, "documents": 1,
                              "examples": [{"kind": "money", "doc": "d1", "text": "€3bn", "actor": "Acme"}]}]


def test_top_limits_every_section():
    recs = []
    for i in range(5):
        recs += [document(f"d{i}"), money(f"d{i}", f"€{i + 1}bn", (i + 1) * 1e9, actor=f"A{i}"),
                 quote(f"d{i}", "Words words words", f"S{i}")]
    s = summarise(recs, top=2)
    assert len(s["actors"]) == len(s["clusters"]) == len(s["speakers"]) == 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({
    "kind": st.sampled_from(["document", "money", "quote", "actor", "date", "error", "other"]),
    "doc": st.one_of(st.none(), st.sampled_from(["a", "b"])),
}, optional={
    "value": st.one_of(st.none(), st.floats(allow_nan=True), st.integers(-5, 10 ** 12), st.text(max_size=3)),
    "currency": st.one_of(st.none(), st.sampled_from(["EUR", "USD", "XYZ", ""])),
    "usd": st.one_of(st.none(), st.floats()), "actor": st.one_of(st.none(), st.text(max_size=5)),
    "speaker": st.one_of(st.none(), st.text(max_size=5)), "quote": st.one_of(st.none(), st.text(max_size=20)),
    "name": st.one_of(st.none(), st.text(max_size=5)), "sentence": st.one_of(st.none(), st.text(max_size=20)),
    "start": st.one_of(st.none(), st.text(max_size=10)), "published": st.one_of(st.none(), st.text(max_size=10)),
    "equivalent_of": st.one_of(st.none(), st.integers(0, 5)), "char_start": st.integers(0, 5),
}), max_size=30))
def test_odd_records_never_raise(recs):
    from summitclaims.compare.diff import diff

    json.dumps(summarise(recs, top=0))
    json.dumps(diff(recs, list(reversed(recs))))


@pytest.mark.parametrize("rec", [
    # JSON values of an unexpected type where summarise keys a table: skipped, never a TypeError
    actor("d1", ["Acme"], "ORG"), dict(actor("d1", "Acme", ["ORG"]), mentions="3", role={"r": 1}),
    dict(quote("d1", "Words words words", "Jane"), speaker=["Jane"]),
    dict(date("d1", "On Monday", "2025-02-10", sentence="They announced €3bn."), start=["2025-02-10"]),
    dict(date("d1", "On Monday", "2025-02-10"), sentence={"s": 1}),
    money("d1", ["€2bn"], 2e9, actor=["Acme"], sentence=["x"], qualifier=["about"]),
])
def test_odd_json_types_are_skipped_not_raised(rec):
    s = summarise([document("d1"), rec, money("d1", "€3bn", 3e9, actor="Acme")], top=0)
    assert s["records"] == 3 and any(c["actor"] == "Acme" and c["value"] == 3e9 for c in s["clusters"])


# --- the samples -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_summary():
    result = CliRunner().invoke(app, ["summarise", str(SAMPLES), "--format", "json", "--top", "0"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_samples_one_cluster_for_frances_109_billion(sample_summary):
    hits = [c for c in sample_summary["clusters"]
            if any("109" in v for v in c["variants"]) and any("112" in v for v in c["variants"])]
    assert len(hits) == 1
    c = hits[0]
    assert c["sources"] == 2 and c["agree"]
    assert {Path(d).name[:3] for d in c["docs"]} == {"001", "003"}


# --- CLI: both commands, every format, exit codes ----------------------------------------------

@pytest.fixture()
def files(tmp_path):
    a = [document("a"), money("a", "€200 billion", 200e9, actor="Ursula von der Leyen", usd=206e9),
         quote("a", "We want AI to be a force for good.", "Ursula von der Leyen")]
    b = [document("b"), money("b", "200 billion euros", 200e9, actor="Ursula von der Leyen", usd=206e9),
         money("b", "$5 million", 5e6, "USD", actor="Acme", usd=5e6)]
    paths = []
    for name, recs in (("a.jsonl", a), ("b.jsonl", b)):
        p = tmp_path / name
        p.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        paths.append(str(p))
    return paths


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_diff_cli_data_formats(files, fmt):
    result = CliRunner().invoke(app, ["diff", *files, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout) if fmt == "json" else [json.loads(x) for x in result.stdout.splitlines()]
    assert {(r["status"], r["kind"]) for r in rows} == {("same", "money"), ("only_b", "money"), ("only_a", "quote")}


def test_diff_cli_table(files):
    result = CliRunner().invoke(app, ["diff", *files, "--format", "table"])
    assert result.exit_code == 0
    for section in ("same (1)", "only in A (1)", "only in B (1)", "€200 billion", "200 billion euros"):
        assert section in result.stdout


@pytest.mark.parametrize("same, flag, code", [(False, ["--exit-code"], 1), (True, ["--exit-code"], 0),
                                              (False, [], 0)])
def test_diff_cli_exit_code(files, same, flag, code):
    result = CliRunner().invoke(app, ["diff", files[0], files[0] if same else files[1], "-f", "json", *flag])
    assert result.exit_code == code


def test_diff_cli_unreadable_input_is_exit_2(files, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "document", "doc": "x"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["diff", files[0], str(bad), "-f", "json"])
    assert result.exit_code == 2 and "line 2: not JSON" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_summarise_cli_formats(files, fmt):
    result = CliRunner().invoke(app, ["summarise", *files, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        s = json.loads(result.stdout)
        assert s["documents"] == 2 and s["clusters"][0]["sources"] == 2
    elif fmt == "jsonl":
        lines = [json.loads(x) for x in result.stdout.splitlines()]
        assert lines[0]["section"] == "totals" and {"actor", "cluster", "speaker"} <= {x["section"] for x in lines}
    else:
        assert "Claims across documents" in result.stdout and "Ursula von der Leyen" in result.stdout


def test_summarise_cli_bad_input_is_exit_1_and_still_summarises(files, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "document", "doc": "x"}\n{"kind": 3}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["summarise", files[0], str(bad), "-f", "json"])
    assert result.exit_code == 1 and "not a summitclaims record" in result.stderr
    assert json.loads(result.stdout)["documents"] == 2


MARKUP = ("[/]", "[bold]x[/bold]", "[link=https://evil]y[/link]")


@pytest.fixture()
def markup_files(tmp_path):
    bad, bold, link = MARKUP
    name = f"{bold} {bad}"
    recs = [document(link), actor(link, name, "ORG", role=bad),
            money(link, f"€5 billion {link}", 5e9, actor=name, usd=5.4e9, sentence=f"{bad} On Monday {name} said."),
            quote(link, f"{bad} {bold} {link} words", name), date(link, f"Monday {bad}", "2025-02-10",
                                                                    sentence=f"{bad} On Monday {name} said.")]
    a = tmp_path / "a.jsonl"
    a.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    b = tmp_path / "b.jsonl"
    b.write_text(json.dumps(document("b")) + "\n", encoding="utf-8")
    return str(a), str(b)


@pytest.mark.parametrize("command", ["summarise", "diff"])
def test_tables_show_record_text_literally_not_as_markup(markup_files, command):
    files = markup_files if command == "diff" else markup_files[:1]
    result = CliRunner().invoke(app, [command, *files, "-f", "table"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    for text in MARKUP:
        assert text in result.stdout
    assert "[bold]x[/bold] [/]" in result.stdout        # the actor's name


def test_commands_help_without_spacy():
    import subprocess
    import sys

    code = ("import sys\nfrom summitclaims.cli.main import app\n"
            "for c in ('diff', 'summarise'):\n"
            "    try:\n        app([c, '--help'])\n    except SystemExit:\n        pass\n"
            "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "--exit-code" in proc.stdout and "--top" in proc.stdout
    assert proc.stderr.strip().endswith("NO-SPACY")
