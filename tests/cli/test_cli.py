"""CLI behaviour through typer's CliRunner: exit codes, stdout as parseable data, errors on stderr."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from summitclaims.cli.main import app
from summitclaims.columns import schema_columns
from summitclaims.resources import record_schema
from tests.paths import SAMPLES_DIR

SAMPLES = SAMPLES_DIR
ARTICLE = "Paris, February 5, 2025 - Macron announced a 109-billion-euro investment on Monday.\n"


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_help_lists_extract(runner):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.stdout


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("summitclaims ")


def test_stdin_gives_document_record_first(runner):
    result = runner.invoke(app, ["extract", "--format", "jsonl", "--published", "2025-02-11", "--quiet"],
                           input=ARTICLE)
    assert result.exit_code == 0, result.stderr
    recs = jsonl(result.stdout)
    head = recs[0]
    assert re.fullmatch(r"[0-9a-f]{16}", head.pop("id"))
    assert set(head.pop("producer")) == {"summitclaims", "model", "rules"}
    assert head == {
        "kind": "document", "doc": "<stdin>", "text": None, "char_start": 0, "char_end": len(ARTICLE),
        "sentence": None, "published": "2025-02-11", "published_source": "given", "chars": len(ARTICLE),
    }
    assert result.stderr == ""


def test_dash_reads_stdin(runner):
    result = runner.invoke(app, ["extract", "-", "-f", "jsonl"], input="Hello.")
    assert result.exit_code == 0
    assert jsonl(result.stdout)[0]["doc"] == "<stdin>"


def test_piped_output_defaults_to_jsonl(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f)])
    assert result.exit_code == 0
    assert jsonl(result.stdout)[0]["doc"] == str(f)


def test_json_format_is_one_array_of_the_same_records(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    as_jsonl = jsonl(runner.invoke(app, ["extract", str(f), "-f", "jsonl"]).stdout)
    result = runner.invoke(app, ["extract", str(f), "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == as_jsonl


def test_json_format_with_only_errors_is_valid_json(runner, tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), "-f", "json"])
    assert result.exit_code == 1
    assert [r["kind"] for r in json.loads(result.stdout)] == ["error"]


def test_table_format_renders_kinds(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-f", "table"])
    assert result.exit_code == 0
    assert "Documents (1)" in result.stdout


MARKUP = ("[/]", "[bold]x[/bold]", "[link=https://evil]y[/link]", ":thumbs_up:")


def test_table_shows_article_text_literally_not_as_markup(runner, tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "[bold]id[/bold] [/]",
                             "text": f'"{" ".join(MARKUP)} end," said Jane Smith on Monday.'}) + "\n",
                 encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-f", "table", "-q"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    for text in MARKUP + ("[bold]id[/bold] [/]",):
        assert text in result.stdout


def test_folder_is_walked_in_sorted_order(runner, tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).write_text("Text.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 0
    docs = [r["doc"] for r in jsonl(result.stdout) if r["kind"] == "document"]
    assert [Path(d).relative_to(tmp_path).as_posix() for d in docs] == ["a.txt", "b.txt", "sub/c.txt"]


def test_output_file(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert jsonl(out.read_text(encoding="utf-8"))[0]["kind"] == "document"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# -- bad input: one-line error naming the input, an error record, the others still processed, exit 1

@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("missing.txt", None, "no such file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("utf16.txt", b"\xff\xfeA\x00\x00\xd8", "invalid UTF-16"),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00garbage", "broken gzip"),
        ("emptydir", "DIR", "no article files"),
    ],
)
def test_bad_input_is_reported_and_others_go_on(runner, tmp_path, name, content, reason):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / name
    if content == "DIR":
        bad.mkdir()
    elif content is not None:
        bad.write_bytes(content)
    result = runner.invoke(app, ["extract", str(bad), str(good), "-f", "jsonl"])
    assert result.exit_code == 1
    recs = jsonl(result.stdout)
    assert recs[0]["kind"] == "error" and recs[0]["doc"] == str(bad) and reason in recs[0]["error"]
    assert recs[1] == {**recs[1], "kind": "document", "doc": str(good)}
    err_lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(err_lines) == 1 and err_lines[0].startswith(f"Error: {bad}: ")
    assert "Traceback" not in result.stderr
    assert "1 errors" in result.stderr.splitlines()[-1]   # the closing summary


def test_empty_file_gives_only_a_document_record(runner, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(f), "-f", "jsonl"])
    assert result.exit_code == 0
    recs = jsonl(result.stdout)
    assert [r["kind"] for r in recs] == ["document"] and recs[0]["chars"] == 0


def test_utf8_bom_is_not_part_of_the_text(runner, tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffHello.".encode("utf-8"))
    recs = jsonl(runner.invoke(app, ["extract", str(f), "-f", "jsonl"]).stdout)
    assert recs[0]["chars"] == len("Hello.")


@pytest.mark.parametrize("value", ["2025-13-01", "yesterday", "11/02/2025", "", "  "])
def test_invalid_published_is_a_usage_error(runner, value):
    result = runner.invoke(app, ["extract", "-", "--published", value], input="x")
    assert result.exit_code == 2
    assert "--published" in result.stderr and "Traceback" not in result.stderr


def test_unknown_model_is_a_clear_error(runner):
    result = runner.invoke(app, ["extract", "-", "--model", "no_such_model_xyz"], input="x")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot load spaCy model 'no_such_model_xyz'")


def test_unknown_format_is_a_usage_error(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "xml"], input="x")
    assert result.exit_code == 2


def test_windows_1252_is_read_with_a_warning(runner, tmp_path):
    f = tmp_path / "cp1252.txt"
    f.write_bytes("Caf\u00e9 \u201cquoted\u201d costs \u20ac5 million.".encode("cp1252"))
    result = runner.invoke(app, ["extract", str(f), "-f", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"Warning: {f}: not UTF-8")
    money = [r for r in jsonl(result.stdout) if r["kind"] == "money"]
    assert [(m["value"], m["currency"]) for m in money] == [(5000000, "EUR")]


def test_utf16_with_bom(runner, tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("The deal is worth $5 million.".encode("utf-16"))
    recs = jsonl(runner.invoke(app, ["extract", str(f), "-f", "jsonl"]).stdout)
    assert [r["value"] for r in recs if r["kind"] == "money"] == [5000000]


def test_strict_stops_at_the_first_bad_input(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), str(good), "--strict", "-f", "jsonl"])
    assert result.exit_code == 1
    assert [r["kind"] for r in jsonl(result.stdout)] == ["error"]


def test_quiet_leaves_stderr_empty(runner):
    result = runner.invoke(app, ["extract", "-", "-q", "-f", "jsonl"], input="Hello.")
    assert result.exit_code == 0 and result.stderr == ""


def test_closing_summary_counts_records(runner):
    result = runner.invoke(app, ["extract", "-", "-f", "jsonl"], input=ARTICLE)
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("summitclaims: 1 documents, ") and "0 errors" in last


@pytest.mark.parametrize("command, offered, not_offered", [
    ("extract", ("table", "jsonl", "json", "csv", "parquet"), ()),
    ("diff", ("table", "json", "jsonl"), ("csv", "parquet")),
    ("summarise", ("table", "json", "jsonl"), ("csv", "parquet")),
])
def test_help_offers_the_formats_each_command_writes(runner, command, offered, not_offered):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if "--format" in x)
    choices = re.search(r"\[([a-z|]+)\]|<([a-z|]+)>", line)
    listed = set((choices.group(1) or choices.group(2)).split("|"))
    assert set(offered) == listed and not listed & set(not_offered)
    for fmt in offered:
        out = runner.invoke(app, [command, "-f", fmt, "--help"])
        assert out.exit_code == 0


@pytest.mark.parametrize("command", ["extract", "show", "diff", "summarise", "schema", "spark-extract"])
def test_help_shows_no_python_type_metavars(runner, command):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for metavar in ("<bool>", "<str>", "<int>", "<float>", "<path>"):
        assert metavar not in result.stdout, (command, metavar)


def test_input_format_help_lists_its_choices(runner):
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert "auto|text|html|jsonl" in result.stdout


def test_short_version_flag_and_shell_completion(runner):
    result = runner.invoke(app, ["-V"])
    assert result.exit_code == 0 and result.stdout.startswith("summitclaims ")
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout


def test_schema_forms(runner):
    js = runner.invoke(app, ["schema"])
    assert json.loads(js.stdout)["title"] == "summitclaims record"
    cols = json.loads(runner.invoke(app, ["schema", "--as", "columns"]).stdout)
    assert cols["value"] == "DOUBLE" and cols["char_start"] == "BIGINT" and cols["published"] == "DATE"
    sql = runner.invoke(app, ["schema", "--as", "sql"]).stdout
    assert sql.startswith('CREATE TABLE IF NOT EXISTS "records"') and '"value" REAL' in sql


@pytest.mark.parametrize("given", ["jsonl", "JSONL", "Jsonl"])
def test_input_format_is_read_in_any_case(runner, given):
    line = json.dumps({"id": "x1", "text": "Acme pledged $5 million."})
    result = runner.invoke(app, ["extract", "-", "-f", "jsonl", "--input-format", given], input=line)
    assert result.exit_code == 0, result.stderr
    assert jsonl(result.stdout)[0]["doc"] == "x1"


def test_an_unknown_input_format_is_a_usage_error(runner):
    result = runner.invoke(app, ["extract", "-", "--input-format", "pdf"], input="x")
    assert result.exit_code == 2
    assert "pdf" in result.stderr and "Traceback" not in result.stderr


def test_csv_has_the_schema_columns_and_one_row_per_record(runner):
    as_json = jsonl(runner.invoke(app, ["extract", str(SAMPLES), "-f", "jsonl", "-q"]).stdout)
    result = runner.invoke(app, ["extract", str(SAMPLES), "-f", "csv", "-q"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == schema_columns(record_schema())
    assert len(rows) == len(as_json)
    for row, rec in zip(rows, as_json):
        assert row["kind"] == rec["kind"] and row["char_start"] == str(rec["char_start"])
        if rec["kind"] == "actor":
            assert json.loads(row["aliases"]) == rec["aliases"]
        if rec["kind"] == "quote":
            assert row["partial"] == ("true" if rec["partial"] else "false")


@pytest.mark.parametrize("raw", [False, True])
def test_csv_cells_that_could_run_as_formulas(runner, tmp_path, raw):
    starts = ("=", "+", "-", "@", "\t", "\r")
    articles = tmp_path / "a.jsonl"
    articles.write_text("".join(json.dumps({
        "id": f'{c}HYPERLINK("https://evil"){i}',
        "text": f'"{c}cmd|\' /C calc\'!A0 and more words here," said Jane Smith. Acme will invest €5 billion.',
    }) + "\n" for i, c in enumerate(starts)), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(articles), "-f", "csv", "-q", *(["--csv-raw"] if raw else [])])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    mark = "" if raw else "'"
    assert {r["doc"] for r in rows} == {f'{mark}{c}HYPERLINK("https://evil"){i}' for i, c in enumerate(starts)}
    quotes = [r["quote"] for r in rows if r["kind"] == "quote"]
    for c in "=+-@":
        assert f"{mark}{c}cmd|' /C calc'!A0 and more words here," in quotes
    money = [r for r in rows if r["kind"] == "money"]
    assert money and all(float(r["value"]) == 5e9 for r in money)


def test_schema_command_prints_the_schema(runner):
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0 and json.loads(result.stdout) == record_schema()


def test_rules_only_writes_money_and_dates_without_the_model(runner):
    result = runner.invoke(app, ["extract", "--rules-only", "--published", "2025-02-11", "--quiet"], input=ARTICLE)
    assert result.exit_code == 0, result.stderr
    recs = jsonl(result.stdout)
    assert [r["kind"] for r in recs] == ["document", "money", "date", "date"]
    assert recs[0]["producer"]["model"] == "none (rules only)"
    assert recs[1]["value"] == 109_000_000_000 and recs[1]["currency"] == "EUR" and recs[1]["actor"] is None
    assert recs[3]["start"] == "2025-02-10"          # "announced ... on Monday": past, read from the words


def test_rules_only_refuses_kinds_that_need_the_model(runner):
    result = runner.invoke(app, ["extract", "--rules-only", "--only", "money,quotes", "--quiet"], input=ARTICLE)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--rules-only" in result.stderr and "quote" in result.stderr
