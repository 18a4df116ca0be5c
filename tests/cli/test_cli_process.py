"""Process-level behaviour that CliRunner cannot show: imports, pipes closed early."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.paths import SAMPLES_DIR

SAMPLES = SAMPLES_DIR


def test_help_does_not_import_spacy():
    code = (
        "import sys\n"
        "from summitclaims.cli.main import app\n"
        "try:\n    app(['extract', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "--published" in proc.stdout
    assert proc.stderr.strip().endswith("NO-SPACY")


def test_consumer_closing_the_pipe_ends_quietly():
    args = [sys.executable, "-m", "summitclaims", "extract", "--format", "jsonl"] + [str(SAMPLES)] * 20
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    _, err = proc.communicate(timeout=120)
    assert json.loads(first)["kind"] == "document"
    assert err == b"", err.decode()
    # as for ripgrep or sqlite-utils: the reader had what it wanted, which is success (not click's
    # exit 1, the code for failed inputs)
    assert proc.returncode == 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_without_traceback_and_leaves_no_partial_output(tmp_path, jobs):
    import signal
    import time

    out = tmp_path / "records.jsonl"
    out.write_text("previous good output\n", encoding="utf-8")
    args = [sys.executable, "-m", "summitclaims", "extract", "-j", jobs, "-o", str(out)] + [str(SAMPLES)] * 200
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        time.sleep(0.1)       # wait until it is writing
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    sent = time.time()
    _, err = proc.communicate(timeout=60)
    # at once, not after the chunks in flight: the workers are stopped, not waited for
    assert time.time() - sent < 10
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err and err.decode().strip().endswith("Interrupted.")
    assert out.read_text(encoding="utf-8") == "previous good output\n"   # not clobbered
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_only_is_checked_without_importing_spacy():
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom summitclaims.cli.main import app\n"
            "r = CliRunner().invoke(app, ['extract', '-', '--only', 'bogus'], input='x')\n"
            "assert r.exit_code == 2 and 'bogus' in r.output, r.output\n"
            "assert 'spacy' not in sys.modules\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


# The console script ends with os._exit once the command is done (the interpreter's teardown of
# the model was a quarter of a second of every run): what it wrote must be complete, its exit
# code the command's, and atexit handlers must still run.
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_quick_exit_leaves_complete_output(tmp_path, fmt, jobs):
    out = tmp_path / f"out.{fmt}"
    base = [sys.executable, "-m", "summitclaims", "extract", "-q", "-j", jobs, str(SAMPLES)]
    piped = subprocess.run(base + ["-f", "jsonl"], capture_output=True, timeout=300)
    to_file = subprocess.run(base + ["-f", fmt, "-o", str(out)], capture_output=True, timeout=300)
    assert piped.returncode == to_file.returncode == 0, to_file.stderr.decode()
    rows = [json.loads(line) for line in piped.stdout.splitlines()]
    assert rows and piped.stdout.endswith(b"\n")
    if fmt == "jsonl":
        assert out.read_bytes() == piped.stdout
    elif fmt == "csv":
        import csv

        with out.open(newline="", encoding="utf-8") as fh:
            assert len(list(csv.DictReader(fh))) == len(rows)
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == len(rows)


def test_quick_exit_keeps_the_exit_code_and_runs_atexit(tmp_path):
    marker = tmp_path / "atexit-ran"
    code = (
        "import atexit, pathlib, sys\n"
        f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes')\n"
        "sys.argv = ['summitclaims', 'extract', '-q', sys.argv[1]]\n"
        "from summitclaims.cli.main import main\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "missing.txt")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("Error: ") and "Traceback" not in proc.stderr
    assert marker.read_text() == "yes"
