"""Chunks run inside spaCy's memory zones once a process has warmed its tokenizer cache: the
words a chunk adds to the shared vocab are dropped afterwards, so memory does not grow with the
input, and the records are the same as without zones."""
from __future__ import annotations

import contextlib
import datetime as dt

import pytest

from summitclaims import nlp as _nlp
from summitclaims import runner
from summitclaims.io.readers import Article
from summitclaims.runner.zones import zones_of
from tests.paths import SAMPLES

PUBLISHED = dt.date(2025, 2, 11)


def articles(tag: str) -> list[Article]:
    # words no vocab has seen, so that a chunk would add strings to it
    novel = " ".join(f"Zq{tag}{i}x Corp pledged {i} billion euros." for i in range(20))
    arts = [Article(p.name, text=p.read_text(encoding="utf-8")) for p in SAMPLES]
    return arts + [Article(f"novel-{tag}", text=novel)]


@pytest.fixture()
def zones(monkeypatch):
    """Zones from the first chunk on (no warm-up)."""
    state = zones_of(_nlp.load())
    monkeypatch.setattr(state, "warmed", 0)
    monkeypatch.setattr(state, "warm_chars", 0)
    return state


def never_zoned(monkeypatch):
    monkeypatch.setattr(zones_of(_nlp.load()), "warm_chars", 10**12)


def run(arts, **kw):
    opts = runner.RunOptions(published=PUBLISHED, **kw)
    return runner.Runner(_nlp.load(), opts).chunk(arts)


def test_records_are_the_same_inside_zones(zones, monkeypatch):
    inside = run(articles("a"))
    never_zoned(monkeypatch)
    outside = run(articles("a"))
    assert inside == outside


def test_a_zoned_chunk_leaves_the_vocab_as_it_was(zones):
    nlp = _nlp.load()
    run(articles("warm"))                                 # the pipeline's own first-use strings
    before = len(nlp.vocab.strings)
    run(articles("b"))
    assert len(nlp.vocab.strings) == before


def test_without_zones_the_vocab_grows(monkeypatch):
    """The control: the test above can fail."""
    never_zoned(monkeypatch)
    nlp = _nlp.load()
    before = len(nlp.vocab.strings)
    run(articles("c"))
    assert len(nlp.vocab.strings) > before


def test_a_long_article_in_a_mixed_chunk_does_not_nest_zones(zones, monkeypatch):
    """A chunk handed to Runner.chunk may mix long and short articles (Runner.whole does): the
    long one's pieces must not open a zone of their own inside the chunk's (spaCy: "memory zones
    should not be nested"; an inner one would drop strings the chunk's other docs still use)."""
    nlp = _nlp.load()
    depth, deepest, real = [0], [0], type(nlp).memory_zone

    @contextlib.contextmanager
    def counting(*args, **kw):
        depth[0] += 1
        deepest[0] = max(deepest[0], depth[0])
        try:
            with real(nlp, *args, **kw):
                yield
        finally:
            depth[0] -= 1

    monkeypatch.setattr(nlp, "memory_zone", counting, raising=False)
    long_text = SAMPLES[-1].read_text(encoding="utf-8")
    arts = [Article("short", text="Zqvoltrex Corp pledged 3 billion euros, its chief Zqlan Varo said."),
            Article("long", text=long_text),
            Article("after", text="Orange pledged 1 billion euros.")]
    zoned = run(arts, piece_chars=700)
    zones.warm_chars = 10**12                              # restored by the fixture
    plain = run(arts, piece_chars=700)
    assert zoned == plain
    money = [[r["value"] for r in recs if r["kind"] == "money"] for recs in zoned]
    assert money[0] == [3_000_000_000] and money[2] == [1_000_000_000]
    assert "Zqvoltrex" in {r.get("name") for r in zoned[0]}
    assert deepest[0] == 1
