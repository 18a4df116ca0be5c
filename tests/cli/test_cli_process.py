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
