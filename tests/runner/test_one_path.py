"""Every entry point takes one path: ``summitclaims.extract``, ``extract_many`` and the CLI give the
same records, in the same order, for short articles and for one too long for a single doc."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import summitclaims

PUBLISHED = "2025-02-11"


def _cli(doc_id: str, text: str) -> list[dict]:
    line = json.dumps({"id": doc_id, "text": text, "published": PUBLISHED})
    proc = subprocess.run([sys.executable, "-m", "summitclaims", "extract", "-q", "-f", "jsonl", "-"],
                          input=line, capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(x) for x in proc.stdout.splitlines()]


def _all_three(doc_id: str, text: str) -> tuple[list, list, list]:
    one = summitclaims.extract(text, PUBLISHED, doc_id)
    many = list(summitclaims.extract_many([(doc_id, text, PUBLISHED)]))
    return one, many, _cli(doc_id, text)


def test_api_extract_many_and_cli_agree_on_the_samples(samples):
    for path in samples[:2]:
        one, many, cli = _all_three(path.name, path.read_text(encoding="utf-8"))
        assert one == many == cli
        assert [r["kind"] for r in one][0] == "document"


@pytest.mark.slow
def test_api_extract_many_and_cli_agree_on_an_article_run_in_pieces(samples):
    """Longer than a piece (100,000 chars): runs piece by piece on every path, and the actors of all
    pieces come last, merged, on every path. benchmarks/one_path.py checks the same past spaCy's
    max_length (a 1.1M-char article)."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in samples)
    text = "\n\n".join([text] * (250_000 // len(text) + 1))[:250_000]
    one, many, cli = _all_three("long", text)
    assert one == many == cli
    kinds = [r["kind"] for r in one]
    assert kinds.count("document") == 1 and kinds.count("money") > 200
    first_actor = kinds.index("actor")
    assert set(kinds[first_actor:]) == {"actor"}
