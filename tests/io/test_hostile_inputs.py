"""Hostile inputs at the readers: sizes past the limit, devices, bombs, JSON that no output can carry.

Each is read (or refused) as one error for that input or line, in bounded memory, and the inputs
around it come through whole. Limits are lowered so that a few KB exercise the paths a gigabyte would.
"""
from __future__ import annotations

import gzip
import io
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.cli.main import app
from summitclaims.io.readers import (
    MAX_JSON_DEPTH,
    ReadOptions,
    bounded_lines,
    iter_articles,
    json_problem,
    read_bounded,
    read_stream,
)

GOOD = "Apple said it would invest $5 billion in Texas."


def read(paths, **kw):
    return list(iter_articles([str(p) for p in paths], opts=ReadOptions(**kw)))


def summary(arts):
    return [(a.doc_id, a.error) if a.error else (a.doc_id, len(a.text or "")) for a in arts]


def test_a_file_past_the_limit_is_refused_and_the_next_is_read(tmp_path):
    big, good = tmp_path / "big.txt", tmp_path / "good.txt"
    big.write_text("word " * 1000)
    good.write_text(GOOD)
    arts = read([big, good], max_bytes=1000)
    assert arts[0].error.startswith("larger than 1000 bytes: not read")
    assert "--max-input-size" in arts[0].error
    assert (arts[1].doc_id, arts[1].text) == (str(good), GOOD)


def test_exactly_the_limit_is_read(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("x" * 1000)
    assert read([f], max_bytes=1000)[0].text == "x" * 1000
    assert read([f], max_bytes=0)[0].text == "x" * 1000          # 0: no limit


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.gz", "bomb.bin"])
def test_a_gzip_bomb_is_refused_once_decompressed(tmp_path, name):
    # 2 MB of zeros compress to about 2 KB: under the limit as a file, over it once decompressed
    f = tmp_path / name
    f.write_bytes(gzip.compress(b"0" * 2_000_000))
    (err,) = read([f], max_bytes=100_000)
    assert err.error.startswith("larger than 97.66 KiB once decompressed: not read")


def test_a_jsonl_gz_bomb_line_is_one_error_and_the_lines_after_it_are_read(tmp_path):
    f = tmp_path / "bomb.jsonl.gz"
    f.write_bytes(gzip.compress(
        b'{"id": "a", "text": "' + b"0" * 2_000_000 + b'"}\n{"id": "b", "text": "ok"}\n'))
    arts = read([f], max_bytes=100_000)
    assert arts[0].doc_id == f"{f}:1" and arts[0].error.startswith("line 1: larger than")
    assert (arts[1].doc_id, arts[1].text) == ("b", "ok")


def test_an_endless_jsonl_line_on_stdin_is_skipped_unkept():
    stream = io.BytesIO(b'{"text": "' + b"a" * 50_000 + b'"}\n{"text": "ok"}\n')
    arts = list(read_stream(stream, ReadOptions(input_format="jsonl", max_bytes=1000)))
    assert arts[0].error.startswith("line 1: larger than 1000 bytes")
    assert arts[1].text == "ok"


def test_stdin_past_the_limit():
    (art,) = read_stream(io.BytesIO(b"x" * 5000), ReadOptions(max_bytes=1000))
    assert art.doc_id == "<stdin>" and art.error.startswith("larger than 1000 bytes")


def test_bounded_lines_never_holds_more_than_the_limit():
    class Tracking(io.BytesIO):
        biggest = 0

        def readline(self, size=-1):
            assert size != -1, "an unbounded readline would hold the whole line"
            line = super().readline(size)
            Tracking.biggest = max(Tracking.biggest, len(line))
            return line

    lines = list(bounded_lines(Tracking(b"a" * 10_000_000 + b"\nshort\n"), 100))
    assert lines == [None, b"short\n"]
    assert Tracking.biggest <= 1 << 20


def test_read_bounded_reads_at_most_the_limit_plus_one():
    class Endless(io.RawIOBase):
        given = 0

        def read(self, n=-1):
            assert n > 0
            Endless.given += n
            return b"\0" * n

    with pytest.raises(Exception, match="larger than 1 MiB"):
        read_bounded(Endless(), 1 << 20)
    assert Endless.given == (1 << 20) + 1


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_not_a_regular_file(tmp_path, device):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    arts = read([device, good])
    assert summary(arts) == [(device, "not a regular file"), (str(good), len(GOOD))]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_read_bounded(tmp_path):
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "wb") as fh:
            fh.write(GOOD.encode())

    t = threading.Thread(target=feed)
    t.start()
    (art,) = read([fifo])
    t.join()
    assert art.text == GOOD


@pytest.mark.parametrize("line, expected", [
    ('{"id": "a", "text": "t", "x": 1e999}', None),                      # overflow: read as null
    ('{"id": "a", "text": "t", "x": -1e999}', None),
    ('{"id": "a", "text": "t", "x": NaN}', None),
    ('{"id": "a", "text": "t", "x": Infinity}', None),
])
def test_numbers_no_json_output_may_carry_read_as_null(line, expected):
    (art,) = read_stream(io.BytesIO(line.encode()), ReadOptions(input_format="jsonl"))
    assert art.error is None and art.meta == {"x": expected}


@pytest.mark.parametrize("line, reason", [
    ('{"id": "\\ud800", "text": "t"}', "a lone surrogate (\\ud800) in a string"),
    ('{"id": "a", "text": "t", "meta": {"k": ["\\udfff"]}}', "a lone surrogate (\\udfff) in a string"),
    ('{"id": "a", "text": "t\\udc00"}', "a lone surrogate (\\udc00) in a string"),
    ('{"\\ud801": 1, "text": "t"}', "a lone surrogate (\\ud801) in a string"),
    ('{"text": "t", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", f"JSON nested deeper than {MAX_JSON_DEPTH} levels"),
    ('{"text": "t", "x": ' + "[" * 100 + "]" * 100 + "}", f"nested deeper than {MAX_JSON_DEPTH} levels"),
    ("[" * 100_000, f"JSON nested deeper than {MAX_JSON_DEPTH} levels"),
])
def test_json_no_output_can_carry_is_an_error_for_its_line(line, reason):
    data = (line + '\n{"id": "next", "text": "ok"}\n').encode()
    first, second = read_stream(io.BytesIO(data), ReadOptions(input_format="jsonl"))
    assert first.doc_id == "<stdin>:1" and first.error == f"line 1: not read ({reason})"
    assert (second.doc_id, second.text) == ("next", "ok")


def test_a_surrogate_pair_is_one_character_not_an_error():
    (art,) = read_stream(io.BytesIO(b'{"id": "\\ud83d\\ude00", "text": "t"}'), ReadOptions(input_format="jsonl"))
    assert art.error is None and art.doc_id == "\U0001f600"


def test_json_problem_at_the_depth_limit():
    nested: object = "x"
    for _ in range(MAX_JSON_DEPTH):
        nested = [nested]
    assert json_problem(nested) is None
    assert json_problem([nested]) == f"nested deeper than {MAX_JSON_DEPTH} levels"


@settings(max_examples=150, deadline=2000)
@given(st.binary(max_size=3000))
def test_any_bytes_as_jsonl_give_one_outcome_a_line(data):
    arts = list(read_stream(io.BytesIO(data), ReadOptions(input_format="jsonl", max_bytes=500)))
    assert arts
    for art in arts:
        assert (art.error is None) != (art.text is None)
        if art.error is None:        # what was read can be written
            json.dumps([art.doc_id, art.text, art.meta], ensure_ascii=False, allow_nan=False).encode("utf-8")


@settings(max_examples=150, deadline=2000)
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.gz", "x.jsonl", "x.html", "x"]))
def test_any_bytes_as_a_file_never_raise(tmp_path_factory, data, name):
    f = tmp_path_factory.mktemp("fuzz") / name
    f.write_bytes(data)
    for art in read([f], max_bytes=1000):
        assert (art.error is None) != (art.text is None)


# -- through the CLI: the Error line, the exit code, the good records kept ---------------------------

def test_cli_bomb_device_and_bad_lines_beside_good_input(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 3_000_000))
    lines = tmp_path / "bad.jsonl"
    lines.write_text('{"id": "x", "text": "t", "m": 1e999}\n{"id": "\\ud800", "text": "t"}\n'
                     + "[" * 50_000 + "\n", encoding="utf-8")
    paths = [str(bomb), "/dev/zero", str(lines), str(good)] if os.path.exists("/dev/zero") else \
        [str(bomb), str(lines), str(good)]
    result = runner.invoke(app, ["extract", "-q", "-f", "jsonl", "--max-input-size", "1M", *paths])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    errors = {r["doc"]: r["error"] for r in records if r["kind"] == "error"}
    assert errors[str(bomb)].startswith("larger than 1 MiB once decompressed")
    assert errors[f"{lines}:2"] == "line 2: not read (a lone surrogate (\\ud800) in a string)"
    assert errors[f"{lines}:3"].startswith("line 3: not read (JSON nested deeper")
    docs = {r["doc"]: r for r in records if r["kind"] == "document"}
    assert docs["x"]["meta"] == {"m": None}
    assert any(r["kind"] == "money" and r["doc"] == str(good) for r in records)
    stderr = result.stderr.splitlines()
    assert f"Error: {bomb}: larger than 1 MiB once decompressed: not read (raise the limit with " \
           f"--max-input-size)" in stderr
    if "/dev/zero" in paths:
        assert "Error: /dev/zero: not a regular file" in stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("given, ok", [("64M", True), ("1.5g", True), ("500k", True), ("0", True),
                                       ("1000", True), ("10x", False), ("-1M", False), ("", False)])
def test_cli_max_input_size_values(runner, tmp_path, given, ok):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = runner.invoke(app, ["extract", "-q", "-f", "jsonl", "--only", "dates",
                                 "--max-input-size", given, str(good)])
    assert result.exit_code == (0 if ok else 2), result.output
    if not ok:
        assert "is not a size such as 64M" in result.output


# -- found by review: sniffing, stdin, record files, sizes -------------------------------------------

def test_deep_json_on_unnamed_input_is_sniffed_as_jsonl_and_one_line_fails(tmp_path):
    f = tmp_path / "deep.dat"
    f.write_text('{"text": "t", "a": ' + "[" * 100_000 + "]" * 100_000 + '}\n{"id": "g", "text": "ok"}\n')
    for arts in (read([f]), list(read_stream(io.BytesIO(f.read_bytes())))):
        assert arts[0].error == f"line 1: not read (JSON nested deeper than {MAX_JSON_DEPTH} levels)"
        assert (arts[1].doc_id, arts[1].text) == ("g", "ok")


def test_jsonl_on_stdin_in_auto_mode_is_limited_per_line_not_as_a_whole():
    data = b"".join(json.dumps({"id": str(i), "text": "x" * 400}).encode() + b"\n" for i in range(10))
    arts = list(read_stream(io.BytesIO(data), ReadOptions(max_bytes=1000)))
    assert [a.doc_id for a in arts] == [str(i) for i in range(10)] and not any(a.error for a in arts)


def test_stdin_exactly_at_the_limit_is_read_and_one_byte_more_is_not():
    assert read_stream(io.BytesIO(b"x" * 1000), ReadOptions(max_bytes=1000)).__next__().text == "x" * 1000
    assert next(read_stream(io.BytesIO(b"x" * 1001), ReadOptions(max_bytes=1000))).error.startswith("larger than")


def test_an_html_page_has_an_eighth_of_the_limit(tmp_path):
    from summitclaims.io.readers import HTML_SHARE

    page = tmp_path / "big.html"
    page.write_text("<html><body>" + "<p>Acme paid $5 million.</p>" * 100 + "</body></html>")
    limit = page.stat().st_size * HTML_SHARE - 1
    (art,) = read([page], max_bytes=limit)
    assert art.error.endswith("for an HTML page: not read (raise the limit with --max-input-size)")
    (art,) = read([page], max_bytes=limit + HTML_SHARE)
    assert art.error is None and "Acme" in art.text


def test_an_earlier_runs_records_in_a_folder_are_one_error_not_articles(tmp_path):
    (tmp_path / "out.jsonl").write_text(json.dumps(
        {"id": "1", "kind": "money", "doc": "a", "text": "$5", "char_start": 0, "char_end": 2}) + "\n")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": "ok"}) + "\n")
    arts = read([tmp_path])
    assert [(a.doc_id, a.error) for a in arts] == [
        ("a", None),
        (str(tmp_path / "out.jsonl"), "a file of summitclaims records, not articles (diff and summarise read it)"),
    ]


def test_no_limit_and_a_bomb_too_big_for_memory_is_one_error(tmp_path, monkeypatch):
    from summitclaims.io import readers

    def no_memory(_fh, _limit, what="", used=0):
        raise MemoryError

    monkeypatch.setattr(readers, "read_bounded", no_memory)
    f = tmp_path / "bomb.txt.gz"
    f.write_bytes(gzip.compress(b"0" * 1000))
    (art,) = read([f], max_bytes=0)
    assert art.error.startswith("out of memory while reading it")


def test_cli_max_input_size_past_any_memory_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["extract", "-q", "--max-input-size", "99999999999G", str(tmp_path)],
                           env={"COLUMNS": "300"})
    assert result.exit_code == 2 and "more than 1T" in result.output
