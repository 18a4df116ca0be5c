"""Names data for telling people from other names: given names (gender-guesser's dictionary, about
48,000 names of many countries, with their gender) and surnames (the U.S. Census 1990 surname list
that the ``names`` package ships, about 89,000 names).  Read once, on first use, from the files the
packages install; both are plain facts, kept folded (lower case, accents off) for lookup.

Pure: no spaCy; a missing package gives empty tables (the rules then fall back to the text alone).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from .. import cache
from .folds import name_key

_GIVEN_PACKAGE, _GIVEN_FILE = "gender_guesser", "data/nam_dict.txt"
_SURNAME_PACKAGE, _SURNAME_FILE = "names", "dist.all.last"
# nam_dict.txt is fixed-width: a gender code in columns 0-2, the name in columns 3-29
_CODE_END, _NAME_END = 3, 29
_HEX = frozenset("0123456789abcdefABCDEF")
_DOMINANT = 3          # a gender at least this many times as common as the other (and unisex) uses
_GENDERS = {"M": "m", "?M": "m", "1M": "m", "F": "f", "?F": "f", "1F": "f"}   # "?": unisex, left out


def _source(package: str, path: str) -> Path | None:
    """The data file a package installs, or None (the package is not installed)."""
    try:
        return Path(str(resources.files(package) / path))
    except (ModuleNotFoundError, TypeError, ValueError):
        return None


def _read(source: Path | None) -> str:
    if source is None:
        return ""
    try:
        return source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


@lru_cache(maxsize=1)
def given_names() -> dict[str, str | None]:
    """Folded given name -> "m" | "f" | None (used for both). A name listed for both genders gets
    the one its frequency columns (one hex digit per country) make far more common: "Jane" is
    female, "Mike" male, "Jan" or "Andrea" neither."""
    # built from the data file once per machine: reading and weighing 48,000 names was a fifth
    # of a second of every run's first article
    source = _source(_GIVEN_PACKAGE, _GIVEN_FILE)
    return cache.table("given_names", lambda: _given_names(_read(source)), [source])


def _given_names(text: str) -> dict[str, str | None]:
    entries: dict[str, list[tuple[str | None, str]]] = {}
    for line in text.splitlines():
        if not line or line[0] in "#=":              # comments; "=" rows are spelling equivalences
            continue
        code, name = line[:_CODE_END].strip(), line[_CODE_END:_NAME_END].strip()
        if not name:
            continue
        forms = {name.replace("+", "-"), name.replace("+", " ")} if "+" in name else (name,)
        for form in forms:                           # "Jean+Marie": both spellings
            key = form.lower() if form.isascii() else name_key(form)
            entries.setdefault(key, []).append((_GENDERS.get(code), line))
    out: dict[str, str | None] = {}
    for key, rows in entries.items():
        if len({g for g, _ in rows}) == 1:
            out[key] = rows[0][0]
            continue
        w: dict[str | None, int] = {}                # only names listed with two genders are weighed
        for gender, line in rows:
            w[gender] = w.get(gender, 0) + (sum(int(c, 16) for c in line[_NAME_END + 1:] if c in _HEX) or 1)
        m, f, either = w.get("m", 0), w.get("f", 0), w.get(None, 0)
        out[key] = "m" if m > _DOMINANT * (f + either) else "f" if f > _DOMINANT * (m + either) else None
    return out


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Folded surnames."""
    source = _source(_SURNAME_PACKAGE, _SURNAME_FILE)
    # all ASCII capitals, the name first on each line
    return cache.table("surnames", lambda: frozenset(
        line.split(None, 1)[0].lower() for line in _read(source).splitlines() if line.strip()), [source])


def is_given_name(word: str) -> bool:
    """"Dean", "Melker", "Ursula": a given name in the names data."""
    return name_key(word) in given_names()


def is_surname(word: str) -> bool:
    """"Jones", "Beesley": a surname in the names data."""
    return name_key(word) in surnames()


def gender_of(word: str) -> str | None:
    """"m" or "f" if the given name is used for one gender only, else None."""
    return given_names().get(name_key(word))
