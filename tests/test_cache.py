"""The start-up cache: compiled regexes and derived tables kept between runs, never a different result."""
from __future__ import annotations

import datetime as dt
import os
import pickle
import re
from dataclasses import astuple, dataclass
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims import cache


@pytest.fixture()
def fresh(tmp_path, monkeypatch):
    """An empty cache folder, and a process that has not read it yet."""
    monkeypatch.setenv("SUMMITCLAIMS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SUMMITCLAIMS_NO_CACHE", raising=False)
    cache._reset()
    yield tmp_path
    cache._reset()


def _big(words: list[str]) -> str:
    """A verbose pattern long enough to be cached, with named groups and a lookbehind."""
    alternation = "|".join(re.escape(w) for w in words)
    return rf"""
        (?<![A-Za-z])(?P<word>{alternation})   # one of the words
        \s* (?P<num>\d+(?:[.,]\d+)?)?           # and maybe a number
    """ + "#" + "x" * cache.MIN_CHARS


TEXT = "alpha 12 beta3 gamma, delta 4.5 zeta alphabet 7 ALPHA 9"
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon"]


def _matches(p: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in p.finditer(text)]


def test_cached_pattern_matches_as_re_compile(fresh):
    pattern = _big(WORDS)
    plain = re.compile(pattern, re.X | re.I)
    first = cache.regex(pattern, re.X | re.I)
    assert list(fresh.glob("regex-*.marshal")), "a large pattern is written to the cache"
    cache._reset()                                  # as a new process: rebuilt from the file
    second = cache.regex(pattern, re.X | re.I)
    for p in (first, second):
        assert p.pattern == plain.pattern and p.flags == plain.flags
        assert p.groupindex == plain.groupindex and p.groups == plain.groups
        assert _matches(p, TEXT) == _matches(plain, TEXT)


def test_small_pattern_not_cached(fresh):
    assert cache.regex(r"\d+").findall("a 1 b 22") == ["1", "22"]
    assert not list(fresh.iterdir())


def test_edited_pattern_is_a_miss_not_a_stale_hit(fresh):
    cache.regex(_big(WORDS), re.X)
    cache._reset()
    edited = cache.regex(_big(["omega"]), re.X)
    assert edited.search("omega 1") and not edited.search("alpha 1")


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xff" * 100])
def test_corrupt_file_falls_back(fresh, damage):
    pattern = _big(WORDS)
    cache.regex(pattern, re.X)
    for f in fresh.glob("regex-*.marshal"):
        f.write_bytes(damage)
    cache._reset()
    assert _matches(cache.regex(pattern, re.X), TEXT) == _matches(re.compile(pattern, re.X), TEXT)


def test_invalid_opcodes_are_refused_not_run(fresh):
    """_sre validates the code it is given: a tampered entry is rebuilt from the pattern."""
    import marshal

    pattern = _big(WORDS)
    cache.regex(pattern, re.X)
    (path,) = fresh.glob("regex-*.marshal")
    store = marshal.loads(path.read_bytes())
    for key, (src, flags, code, groups, gi, ig) in store.items():
        store[key] = (src, flags, [c ^ 0x5A for c in code], groups, gi, ig)
    path.write_bytes(marshal.dumps(store))
    cache._reset()
    assert _matches(cache.regex(pattern, re.X), TEXT) == _matches(re.compile(pattern, re.X), TEXT)


def test_unwritable_folder_still_compiles(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SUMMITCLAIMS_CACHE_DIR", str(blocker / "cache"))
    cache._reset()
    try:
        assert cache.regex(_big(WORDS), re.X).search("gamma 3")
        assert cache.table("t", lambda: {"a": 1}) == {"a": 1}
    finally:
        cache._reset()


def test_off_switch(fresh, monkeypatch):
    monkeypatch.setenv("SUMMITCLAIMS_NO_CACHE", "1")
    assert cache.regex(_big(WORDS), re.X).search("beta 2")
    assert cache.table("t", lambda: [1, 2]) == [1, 2]
    assert not list(fresh.iterdir())


def test_table_built_once_while_its_sources_stay(fresh, tmp_path):
    calls = []
    source = tmp_path / "data.txt"
    source.write_text("one")

    def build():
        calls.append(1)
        return {"words": frozenset({"a", "b"}), "n": (1, 2.5, None)}

    first = cache.table("demo", build, [source])
    again = cache.table("demo", build, [source])
    assert first == again == {"words": frozenset({"a", "b"}), "n": (1, 2.5, None)}
    assert len(calls) == 1
    source.write_text("one, changed")
    cache.table("demo", build, [source])
    assert len(calls) == 2, "a changed source is a miss"
    cache.table("demo", build, [source, None])
    assert len(calls) == 3, "another list of sources is another key"


def test_a_failing_build_caches_nothing(fresh):
    def broken():
        raise ValueError("bad table")

    with pytest.raises(ValueError):
        cache.table("broken", broken)
    assert not list(fresh.glob("table-broken*"))


@dataclass(frozen=True)
class _Part:
    name: str
    amount: Decimal
    when: dt.date | None


def test_objects_of_the_classes_named_are_kept(fresh):
    calls = []

    def build():
        calls.append(1)
        return {"a": _Part("a", Decimal("1.50"), dt.date(2025, 2, 10)), "b": (_Part("b", Decimal(2), None),)}

    classes = (_Part, Decimal, dt.date)
    first = cache.table("parts", build, classes=classes)
    again = cache.table("parts", build, classes=classes)
    assert again == first and again["a"].amount.as_tuple() == Decimal("1.50").as_tuple()
    assert len(calls) == 1


def test_a_kept_object_of_a_class_not_named_is_refused_not_built(fresh):
    """A cache file that names any class but those the caller allows (code to run, put there by
    anything that can write the folder) is read as no file: the value is built afresh."""
    calls = []

    def build():
        calls.append(1)
        return _Part("a", Decimal(1), None)

    cache.table("parts", build, classes=(_Part, Decimal))
    path = next(fresh.glob("table-parts*"))
    key = pickle.loads(path.read_bytes())[0]
    path.write_bytes(pickle.dumps((key, _Evil())))
    assert cache.table("parts", build, classes=(_Part, Decimal)) == _Part("a", Decimal(1), None)
    assert len(calls) == 2
    assert not _Evil.ran


class _Evil:
    ran = False

    def __reduce__(self):
        return (_Evil._run, ())

    @staticmethod
    def _run():
        _Evil.ran = True
        return None


def test_the_lexicon_and_places_kept_are_those_built(fresh, monkeypatch):
    """Byte-identical records rest on it: the money finder's lexicon and places read back from
    the cache equal those the tables build, they are built once, and they are keyed on exactly
    the tables they are built from."""
    from summitclaims import resources
    from summitclaims.normalize.money import context, lexicon

    read: list[str] = []
    real = resources.load_patterns
    monkeypatch.setattr(resources, "load_patterns", lambda name: read.append(name) or real(name))
    built = lexicon.build()
    assert sorted(set(read)) == sorted(lexicon.TABLES)
    read.clear()
    fields, cues = context._places()
    assert sorted(set(read)) == sorted(context.PLACE_TABLES)

    builds = []
    def counted():
        builds.append(1)
        return lexicon.build()
    sources = [resources.table_file(n) for n in lexicon.TABLES]
    for _ in range(2):                                    # a miss, then a hit
        cache._reset()
        assert cache.table("money_lexicon", counted, sources, classes=lexicon.PARTS) == built
    assert len(builds) == 1
    for _ in range(2):
        context.places.cache_clear()
        kept = context.places()
        assert astuple(kept)[:-1] == fields and kept.cues.pattern == cues and kept.cues.flags & re.X
    context.places.cache_clear()


def test_a_key_that_cannot_be_compared_is_a_miss(fresh):
    """A file whose key holds a value that raises when compared (a signalling NaN) is no hit and
    no error: the value is built and the file replaced."""
    cache.table("parts", lambda: _Part("a", Decimal(1), None), classes=(_Part, Decimal))
    path = next(fresh.glob("table-parts*"))
    path.write_bytes(pickle.dumps(([Decimal("sNaN"), 0], None)))
    assert cache.table("parts", lambda: _Part("b", Decimal(2), None), classes=(_Part, Decimal)).name == "b"
    assert cache.table("parts", lambda: _Part("c", Decimal(3), None), classes=(_Part, Decimal)).name == "b"


@pytest.mark.parametrize("damage", [
    pytest.param(b"[\xff\xff\xff\x7f", id="a list of 2**31 items"),
    pytest.param(b"(\x00\x00\x00\x04", id="a tuple cut short"),
    pytest.param(b"\x00", id="no marshal code"),
])
def test_damaged_table_is_rebuilt(fresh, damage):
    cache.table("t", lambda: [1])
    path = next(fresh.glob("table-t.*"))
    path.write_bytes(damage)
    assert cache.table("t", lambda: [2]) == [2]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_a_file_others_could_write_is_not_read(fresh):
    """A cache file writable by others (the folder may be shared) is ignored and replaced."""
    cache.table("t", lambda: [1])
    path = next(fresh.glob("table-t.*"))
    path.chmod(0o666)
    assert cache.table("t", lambda: [2]) == [2]
    assert path.stat().st_mode & 0o077 == 0, "the new file is the user's alone"
    assert cache.table("t", lambda: [3]) == [2]


def test_a_small_source_is_told_apart_by_content(fresh, tmp_path):
    """An edit that keeps the size and the times (cp -p, rsync -t, an unpacked archive) is a miss."""
    source = tmp_path / "rules.jsonl"
    source.write_text('{"factor": 1000000.0}\n')
    st = source.stat()
    assert cache.table("demo", lambda: 1, [source]) == 1
    source.write_text('{"factor": 2000000.0}\n')
    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert source.stat().st_size == st.st_size and source.stat().st_mtime_ns == st.st_mtime_ns
    cache._digest.cache_clear()           # a new process: the digest memo is per process
    assert cache.table("demo", lambda: 2, [source]) == 2


@settings(max_examples=40, deadline=None)
@given(words=st.lists(st.text(alphabet="abcxyz .-", min_size=1, max_size=8), min_size=1, max_size=30),
       text=st.text(alphabet="abcxyz .-0123456789", max_size=80))
def test_cached_and_plain_agree(words, text):
    pattern = _big(words)
    cache._reset()
    cached = cache.regex(pattern, re.X)
    cache._reset()
    reread = cache.regex(pattern, re.X)
    plain = re.compile(pattern, re.X)
    assert _matches(cached, text) == _matches(plain, text) == _matches(reread, text)
