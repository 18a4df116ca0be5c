"""Hostile use of the commands: -o where it can do harm, signals, closed streams, forged messages,
globs out of the folder, unreadable subfolders, bad token patterns."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from summitclaims.cli.common import printable
from summitclaims.cli.main import app
from summitclaims.io import readers
from summitclaims.io.readers import ReadOptions, folder_files, iter_articles

GOOD = "Apple said it would invest $5 billion in Texas."


def recs(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture()
def good(tmp_path):
    f = tmp_path / "good.txt"
    f.write_text(GOOD)
    return f


# -- -o ---------------------------------------------------------------------------------------------

def test_o_through_a_symlink_writes_its_file_and_keeps_the_link(runner, tmp_path, good):
    real, link = tmp_path / "real.jsonl", tmp_path / "link.jsonl"
    real.write_text("old\n")
    real.chmod(0o640)
    link.symlink_to(real)
    result = runner.invoke(app, ["extract", "-q", str(good), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert [r["kind"] for r in recs(real.read_text())][0] == "document"
    assert oct(real.stat().st_mode & 0o777) == oct(0o640)        # the file's own mode, not 0600


@pytest.mark.parametrize("how", ["same", "other spelling"])
def test_o_naming_an_input_is_a_usage_error_and_the_input_is_untouched(runner, tmp_path, good, how):
    out = good if how == "same" else tmp_path / "." / "good.txt"
    result = runner.invoke(app, ["extract", "-q", str(good), "-o", str(out)], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert f"{out}: is one of the inputs" in result.output
    assert good.read_text() == GOOD


def test_o_inside_an_input_folder_is_not_read_back(runner, tmp_path, good):
    out = tmp_path / "out.jsonl"
    for _ in range(2):                       # the second run finds the first run's output there
        result = runner.invoke(app, ["extract", "-q", str(tmp_path), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert [r["doc"] for r in recs(out.read_text()) if r["kind"] == "document"] == [str(good)]


def test_a_run_strict_stops_keeps_the_old_file(runner, tmp_path, good):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    result = runner.invoke(app, ["extract", "-q", "--strict", str(good), str(tmp_path / "missing.txt"),
                                 str(good), "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_error_line(runner, good):
    result = runner.invoke(app, ["extract", "-q", str(good), "-o", "/dev/full"])
    assert result.exit_code == 1
    assert "Error: /dev/full: No space left on device" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("signum, said", [(signal.SIGTERM, "Terminated."), (signal.SIGHUP, "Hangup.")])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_signal_leaves_the_old_file_and_no_temporary_one(tmp_path, signum, said, jobs):
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": GOOD * 20}) + "\n" for i in range(3000)))
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    proc = subprocess.Popen([sys.executable, "-m", "summitclaims", "extract", "-q", "-j", jobs, str(src),
                             "-o", str(out)], stderr=subprocess.PIPE)
    # once the temporary file exists, the run is under way
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum
    assert err.decode().strip().splitlines()[-1] == said
    assert "Traceback" not in err.decode()
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_with_stderr_closed_the_records_are_still_written(tmp_path, good):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(f'"{sys.executable}" -m summitclaims extract "{good}" "{tmp_path}/missing.txt" '
                          f'-o "{out}" 2>&-', shell=True, timeout=300)
    assert proc.returncode == 1
    kinds = [r["kind"] for r in recs(out.read_text())]
    assert "money" in kinds and "error" in kinds


# -- what reaches stderr ----------------------------------------------------------------------------

@pytest.mark.parametrize("raw, shown", [
    ("a\nError: forged", "a\\nError: forged"),
    ("x\x1b]0;title\x07", "x\\x1b]0;title\\x07"),
    ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
    ("caf\udce9.txt", "caf\\xe9.txt"),
    ("plain café", "plain café"),
])
def test_printable(raw, shown):
    assert printable(raw) == shown


def test_an_id_cannot_forge_a_line_on_stderr(runner):
    line = json.dumps({"id": "x\nError: all good\x1b[2J", "text": "It paid $5.", "published": "never"})
    result = runner.invoke(app, ["extract", "-q", "--input-format", "jsonl", "-"], input=line + "\n")
    assert result.exit_code == 0
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("Warning: x\\nError: all good\\x1b[2J: line 1: invalid date")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8(runner, tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    path = tmp_path / name
    try:
        path.write_text(GOOD)
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses the name")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", "-q", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    docs = [r["doc"] for r in recs(out.read_text(encoding="utf-8")) if r["kind"] == "document"]
    assert docs == [str(tmp_path / "caf\\xe9.txt")]


# -- folders and globs ------------------------------------------------------------------------------

@pytest.mark.parametrize("pattern", ["/etc/*", "../*", "sub/../../*", ""])
def test_a_glob_out_of_the_folder_is_a_usage_error(runner, tmp_path, good, pattern):
    result = runner.invoke(app, ["extract", "-q", str(tmp_path), "--glob", pattern])
    assert result.exit_code == 2
    assert "--glob" in result.output


def test_globs_match_names_at_any_depth_and_paths_from_the_right(tmp_path):
    for rel in ("a.txt", "sub/b.txt", "sub/deep/c.txt", "other/d.txt", "e.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(GOOD)
    rel = lambda globs: [p.relative_to(tmp_path).as_posix() for p in folder_files(tmp_path, globs)]  # noqa: E731
    assert rel(["*.txt"]) == ["a.txt", "other/d.txt", "sub/b.txt", "sub/deep/c.txt"]
    assert rel(["sub/*.txt"]) == ["sub/b.txt"]
    assert rel(["**/*.txt"]) == rel(["*.txt"])
    assert rel(["*.md", "a.*"]) == ["a.txt", "e.md"]


def test_an_unreadable_subfolder_is_an_error_and_the_rest_is_read(tmp_path, monkeypatch):
    # tests may run as root, whom permissions do not stop: the refusal is what os.scandir would raise
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(GOOD)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(GOOD)
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(readers.os, "scandir", scandir)
    arts = list(iter_articles([str(tmp_path)], opts=ReadOptions()))
    assert [(a.doc_id, a.error) for a in arts] == [
        (str(tmp_path / "locked"), "cannot read folder: permission denied"),
        (str(tmp_path / "ok" / "a.txt"), None),
    ]


# -- --actors ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("pattern, says", [
    ([{"TEXT": {"REGEX": "(("}}], "REGEX '((' does not compile"),
    ([{"TEXTX": "a"}], "TEXTX"),
    ([{"TEXT": {"IN": 5}}], "IN"),
    ([{"OP": "?!"}], "OP"),
])
def test_a_bad_token_pattern_names_file_and_line(runner, tmp_path, good, pattern, says):
    table = tmp_path / "mine.jsonl"
    table.write_text(json.dumps({"label": "ORG", "pattern": [{"LOWER": "ok"}], "id": "Ok"}) + "\n"
                     + json.dumps({"label": "ORG", "pattern": pattern, "id": "X"}) + "\n")
    result = runner.invoke(app, ["extract", "-q", str(good), "--actors", str(table)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {table}:2: token pattern: ") and says in line


def test_show_html_naming_its_input_is_refused(runner, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><p>{GOOD}</p></body></html>")
    before = page.read_text()
    result = runner.invoke(app, ["show", str(page), "--html", str(page)], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert f"{page}: is the input" in result.output
    assert page.read_text() == before


def test_show_html_through_a_symlink_keeps_the_link(runner, tmp_path, good):
    real, link = tmp_path / "real.html", tmp_path / "view.html"
    real.write_text("old")
    link.symlink_to(real)
    result = runner.invoke(app, ["show", str(good), "--html", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "<html" in real.read_text().lower()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["extract", "-q", "-f", "jsonl"], ["extract", "-q", "-f", "csv"], ["schema"]])
def test_a_full_disk_on_stdout_is_one_error_line(good, args):
    cmd = [sys.executable, "-m", "summitclaims", *args] + ([str(good)] if args[0] == "extract" else [])
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr.decode().strip().splitlines() == ["Error: <stdout>: No space left on device"]


def test_a_deeply_nested_actors_file_names_file_and_line(runner, tmp_path, good):
    table = tmp_path / "deep.jsonl"
    table.write_text('{"label": "ORG", "id": "X", "pattern": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    result = runner.invoke(app, ["extract", "-q", str(good), "--actors", str(table)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {table}:1: not valid JSON: nested too deeply"
