"""For the tests that compare our stand-ins for the model's pipes (attribute ruler, lemmatizer)
with spaCy's own: real articles run up to the pipe, and a pipeline saved and loaded again."""
from __future__ import annotations

import json
from itertools import islice

import pytest

from tests.paths import ROOT

CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
ARTICLES = 200          # about 35,000 tokens; the model's parse is most of the time


def docs_up_to(nlp, pipes: list[str], n: int = ARTICLES) -> list:
    """The first ``n`` Reuters articles through ``pipes`` only; the test is skipped without the corpus."""
    if not CORPUS.exists():
        pytest.skip(f"no corpus at {CORPUS}")
    with CORPUS.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in islice(fh, n)]
    with nlp.select_pipes(enable=pipes):
        return list(nlp.pipe(texts))


def differing(docs, both) -> tuple[int, int]:
    """(tokens compared, tokens that differ): ``both(doc)`` gives spaCy's and our annotations."""
    tokens = differ = 0
    for doc in docs:
        theirs, ours = both(doc)
        tokens += len(theirs)
        differ += sum(a != b for a, b in zip(theirs, ours))
    return tokens, differ


def reloaded(replace, path):
    """The bare model with ``replace(nlp)`` applied (it must replace a pipe), saved to ``path`` and
    loaded again by spaCy, as a user's ``nlp.to_disk`` of our pipeline would be."""
    import spacy

    from summitclaims import nlp as _nlp

    base = _nlp.load_base()
    assert replace(base)
    base.to_disk(path)
    return spacy.load(path)
