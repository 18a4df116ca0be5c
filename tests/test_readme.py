"""The README's examples run as written."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", README, flags=re.S)
LOAD = README[README.index("## Load the records"):README.index("## Python API")]
LOAD_BLOCKS = re.findall(r"```(\w*)\n(.*?)```", LOAD, flags=re.S)


def test_set_up_commands_come_first():
    lang, body = BLOCKS[0]
    lines = [x for x in body.splitlines() if x.strip()]
    assert len(lines) == 2 and lines[0].startswith("pip install .") and "pytest" in lines[1]


def test_spacy_component_example_runs():
    code = next(b for lang, b in BLOCKS if lang == "python" and "spacy.load" in b)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)      # noqa: S102 - our own README
    doc = scope["doc"]
    assert [(s.text, s._.sc_money.value, s._.sc_money.currency) for s in doc.spans["sc_money"]] == [
        ("3 billion euros", 3e9, "EUR")]


@pytest.fixture()
def records_folder(tmp_path, monkeypatch):
    """records.jsonl/.parquet of the samples in a temporary folder, the console scripts on PATH."""
    bindir = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", bindir + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.chdir(tmp_path)
    from typer.testing import CliRunner

    from summitclaims.cli.main import app

    for name in ("records.jsonl", "records.parquet", "records.csv"):
        result = CliRunner().invoke(app, ["extract", str(ROOT / "samples"), "-q", "-o", name])
        assert result.exit_code == 0, result.output
    return tmp_path


def test_load_the_records_examples_run(records_folder):
    pytest.importorskip("duckdb")
    pytest.importorskip("polars")
    ran = 0
    for lang, code in LOAD_BLOCKS:
        if lang == "python":
            exec(compile(code, "README.md", "exec"), {})   # noqa: S102
        elif lang == "sh":
            if "sqlite-utils" in code and not (Path(sys.executable).parent / "sqlite-utils").exists():
                pytest.skip("sqlite-utils CLI not installed")
            subprocess.run(["bash", "-euo", "pipefail", "-c", code], check=True, timeout=300)
        ran += 1
    assert ran == 3
    import sqlite3

    con = sqlite3.connect(records_folder / "records.db")
    n = len((records_folder / "records.jsonl").read_text(encoding="utf-8").splitlines())
    assert con.execute("SELECT count(*) FROM records").fetchone()[0] == n
    assert con.execute("SELECT DISTINCT typeof(value) FROM records WHERE kind = 'money' AND value IS NOT NULL"
                       ).fetchall() == [("real",)]
    json.loads(con.execute("SELECT producer FROM records WHERE kind = 'document'").fetchone()[0])
