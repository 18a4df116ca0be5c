"""Shared fixtures: the pipeline is loaded once per test session."""
from __future__ import annotations

import os
import tempfile

import pytest

from tests.paths import SAMPLES

# The compiled-regex and table cache of the test session in a folder of its own, not the user's:
# a test run starts cold and leaves nothing behind in ~/.cache.
os.environ.setdefault("SUMMITCLAIMS_CACHE_DIR", tempfile.mkdtemp(prefix="summitclaims-cache-"))


@pytest.fixture()
def runner():
    """typer's CliRunner: the commands run in-process, their exit code and output are returned."""
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture(scope="session")
def samples():
    """The sample articles' paths, sorted."""
    return SAMPLES


@pytest.fixture(scope="session")
def nlp():
    from summitclaims import nlp as _nlp

    return _nlp.load()


@pytest.fixture(scope="session")
def run(nlp):
    """run(text, published=None) -> list of record dicts, as the CLI would print them (through
    the one path every entry point takes: summitclaims.runner)."""
    from summitclaims.api import parse_published
    from summitclaims.io.readers import Article
    from summitclaims.runner import RunOptions
    from summitclaims.runner import run as run_articles

    def _run(text, published=None, doc_id="t"):
        opts = RunOptions(published=parse_published(published))
        return [r for _, part in run_articles([Article(doc_id, text=text)], opts) for r in part]

    return _run


@pytest.fixture(scope="session")
def kinds(run):
    """kinds(text, kind, published=None) -> records of one kind."""

    def _kinds(text, kind, published=None):
        return [r for r in run(text, published) if r["kind"] == kind]

    return _kinds
