"""Every input format: JSONL (keys, meta, bad lines), HTML, .gz, folders with --glob, stdin sniffing."""
from __future__ import annotations

import gzip
import json

import pytest

from summitclaims.cli.main import app

ARTICLE = "Macron announced a 109-billion-euro investment on Monday."
PAGE = """<!DOCTYPE html><html><head><title>EU launches InvestAI</title>
<meta property="article:published_time" content="2025-02-11T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>EU launches InvestAI</h1>
<p>Today, at the AI Action Summit in Paris, European Commission President Ursula von der Leyen
launched the InvestAI initiative to mobilise €200 billion in AI investment across Europe.</p>
<p>"Our goal is to mobilise a total of €200 billion for AI investment in Europe," she said.</p>
</article><footer>Cookie settings. All rights reserved, 2025.</footer></body></html>"""


def recs(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def docs(records):
    return [r for r in records if r["kind"] == "document"]


def jsonl_lines(*rows):
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


def test_jsonl_file_ids_dates_and_meta(runner, tmp_path):
    f = tmp_path / "articles.jsonl"
    f.write_text(jsonl_lines(
        {"id": "a1", "published": "2025-02-11", "title": "T1", "text": "It happened on Monday."},
        {"id": "a2", "text": ARTICLE},
    ), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-f", "jsonl", "--published", "2024-01-01"])
    assert result.exit_code == 0, result.stderr
    d = docs(recs(result))
    assert [(x["doc"], x["published"], x["published_source"], x.get("meta")) for x in d] == [
        ("a1", "2025-02-11", "given", {"title": "T1"}),
        ("a2", "2024-01-01", "given", None),          # --published fills the gaps
    ]
    monday = [r for r in recs(result) if r["kind"] == "date" and r["doc"] == "a1"]
    assert monday[0]["start"] == "2025-02-10"


def test_jsonl_custom_keys(runner, tmp_path):
    f = tmp_path / "a.ndjson"
    f.write_text(jsonl_lines({"uid": 7, "body": ARTICLE, "date": "2025-02-10T08:00:00Z"}), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-f", "jsonl", "--text-key", "body", "--id-key", "uid",
                                 "--published-key", "date"])
    d = docs(recs(result))[0]
    assert (d["doc"], d["published"]) == ("7", "2025-02-10")


def test_jsonl_bad_lines_are_errors_with_line_numbers(runner, tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(jsonl_lines({"text": "One."}, "{not json", "[1, 2]", {"title": "no text"}, {"text": "Five."}),
                 encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-f", "jsonl"])
    assert result.exit_code == 1
    out = recs(result)
    assert [r["kind"] for r in out if r["kind"] in ("document", "error")] == \
        ["document", "error", "error", "error", "document"]
    errors = [r for r in out if r["kind"] == "error"]
    assert [e["doc"] for e in errors] == [f"{f}:2", f"{f}:3", f"{f}:4"]
    assert errors[0]["error"].startswith("line 2: not valid JSON")
    assert errors[2]["error"] == "line 4: no 'text' key"
    assert docs(out)[1]["doc"] == f"{f}:5"    # no id key: path and line


def test_jsonl_bad_date_is_a_warning_not_a_loss(runner, tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(jsonl_lines({"id": "x", "published": "last week", "text": ARTICLE}), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-f", "jsonl"])
    assert result.exit_code == 0
    assert "Warning: x: line 1: invalid date 'last week'" in result.stderr
    assert docs(recs(result))[0]["published"] is None


def test_stdin_jsonl_is_sniffed(runner):
    result = runner.invoke(app, ["extract", "-f", "jsonl"], input=jsonl_lines({"id": "s1", "text": ARTICLE}))
    assert docs(recs(result))[0]["doc"] == "s1"


def test_stdin_input_format_forces_text(runner):
    text = jsonl_lines({"id": "s1", "text": ARTICLE})
    result = runner.invoke(app, ["extract", "-f", "jsonl", "--input-format", "text"], input=text)
    assert docs(recs(result))[0]["doc"] == "<stdin>"


def test_html_main_text_title_and_date(runner, tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-f", "jsonl", "--keep-text"])
    assert result.exit_code == 0, result.stderr
    out = recs(result)
    d = docs(out)[0]
    assert d["published"] == "2025-02-11" and d["published_source"] == "text"
    assert d["meta"] == {"title": "EU launches InvestAI"}
    assert "Cookie" not in d["text"] and "Home" not in d["text"]
    for r in out[1:]:       # offsets refer to the extracted text
        assert d["text"][r["char_start"]:r["char_end"]] == r["text"]
    assert {(r["value"], r["currency"]) for r in out if r["kind"] == "money"} == {(200000000000, "EUR")}
    assert any(r["kind"] == "quote" and r["speaker"] == "Ursula von der Leyen" for r in out)


def test_html_on_stdin_is_sniffed(runner):
    result = runner.invoke(app, ["extract", "-f", "jsonl"], input=PAGE)
    assert docs(recs(result))[0]["meta"] == {"title": "EU launches InvestAI"}


@pytest.mark.parametrize("name, payload", [
    ("a.txt.gz", ARTICLE.encode()),
    ("a.jsonl.gz", jsonl_lines({"id": "g1", "text": ARTICLE}).encode()),
    ("a.html.gz", PAGE.encode()),
])
def test_gzip_of_every_format(runner, tmp_path, name, payload):
    f = tmp_path / name
    f.write_bytes(gzip.compress(payload))
    result = runner.invoke(app, ["extract", str(f), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert any(r["kind"] == "money" for r in recs(result))


def test_gzip_on_stdin(runner):
    result = runner.invoke(app, ["extract", "-f", "jsonl"], input=gzip.compress(ARTICLE.encode()))
    assert any(r["kind"] == "money" for r in recs(result))


def test_folder_default_and_glob(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.md").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl"])
    assert [d["doc"].rsplit("/", 1)[-1] for d in docs(recs(result))] == ["a.txt", "b.html"]
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "--glob", "*.md"])
    assert [d["doc"].rsplit("/", 1)[-1] for d in docs(recs(result))] == ["c.md"]
