"""Locate and read the rule data in ``patterns/``.

In a wheel the folder is packaged as ``summitclaims/patterns``; in a source checkout
(editable install, tests) it is the top-level ``patterns/`` of the repository.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from . import cache

_HERE = Path(__file__).resolve().parent


class PatternFileError(ValueError):
    """A rule-data file is missing or malformed; the message names file and line."""


def patterns_dir() -> Path:
    """The rule-data folder, packaged or the checkout's; PatternFileError when neither is there (broken install)."""
    for candidate in (_HERE / "patterns", _HERE.parent.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise PatternFileError(f"{_HERE / 'patterns'}: patterns folder not found (broken install?)")


def numbered_rows(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of a JSONL rule file; errors name file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternFileError(f"{path}: cannot read: {exc}") from None
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternFileError(f"{path}:{n}: not valid JSON: {exc.msg}") from None
        except RecursionError:
            raise PatternFileError(f"{path}:{n}: not valid JSON: nested too deeply") from None
        if not isinstance(row, dict):
            raise PatternFileError(f"{path}:{n}: expected a JSON object")
        yield n, row


@dataclass(frozen=True)
class Shape:
    """The keys one kind of row must and may have."""
    required: frozenset[str]
    optional: frozenset[str] = frozenset()


def _shape(required: str, optional: str = "") -> Shape:
    return Shape(frozenset(required.split()), frozenset(optional.split()))


# What each built-in table may hold: per ``kind`` (None: a table of one row shape, no ``kind`` key)
# the keys a row must and may have. A typo in a shipped table would otherwise fall into a default
# branch of the code that reads it and silently change the output.
TABLES: dict[str, dict[str | None, Shape]] = {
    "actors": {None: _shape("id label pattern", "ambiguous wikidata")},
    "actor_countries": {None: _shape("id label pattern", "wikidata")},
    "actor_short": {None: _shape("id label pattern context")},
    "actor_us_states": {None: _shape("state abbr sure")},
    "actor_cues": {
        "org_cue": _shape("text"), "state_noun": _shape("text"), "demonym": _shape("text country"),
        "org_suffix": _shape("text"), "group": _shape("text"), "legal_suffix": _shape("text"),
        "member": _shape("text"), "body": _shape("text"), "office_title": _shape("text"),
        "org_filler": _shape("text"), "trailing_function": _shape("text"), "org_head": _shape("text"),
        "of_head": _shape("text"),
    },
    "actor_noise": {"word": _shape("text"), "head": _shape("text"), "alone": _shape("text")},
    "roles": {"title": _shape("title", "given_name"), "office": _shape("role holder label patterns")},
    "currencies": {None: _shape("iso", "words prefix suffix codes codes_any_case minor singular "
                                "minor_attached attached_not_after spaced note family units members "
                                "not_alone with_magnitude one")},
    "currencies_cldr": {
        "currency": _shape("iso name plural unit symbols active", "code_alone metal"),
        "territory": _shape("country name currencies", "names"),
    },
    "dateline_cities": {None: _shape("country cities")},
    "money_words": {
        "magnitude": _shape("word factor", "abbr short stops_grouping"), "number": _shape("word value"),
        "fraction": _shape("phrase value"), "change": _shape("word", "not_verb"), "range_opener": _shape("word"),
        "comparison": _shape("phrase"), "comparison_end": _shape("word"),
        "event_noun": _shape("word"), "compound_head": _shape("word"), "one_before": _shape("phrase"),
        "commodity_unit": _shape("word"),
    },
    "money_qualifiers": {None: _shape("phrase qualifier")},
    "fx_legacy": {None: _shape("iso per_eur")},
    "fx_pegs": {None: _shape("iso per_usd since")},
    "money_periods": {
        "unit": _shape("word code", "hyphen"), "phrase": _shape("phrase period"), "lead": _shape("phrase"),
        "position": _shape("word"), "cancel": _shape("word"),
    },
    "money_actors": {
        "descriptor": _shape("word label", "makes"), "naming": _shape("word"), "third_person": _shape("word"),
        "first_person": _shape("word"), "neuter": _shape("word"), "receiver": _shape("word"),
        "giver": _shape("word"), "issuer": _shape("word"), "security": _shape("word"),
        "penalty": _shape("word"), "bilateral": _shape("word"),
        "office": _shape("word"), "market": _shape("word"),
        "benchmark": _shape("word"), "settling": _shape("word"),
    },
    "money_types": {
        "noun": _shape("word type", "flow books economy"), "verb": _shape("word type"), "unit": _shape("word type"),
        "change": _shape("word", "moves"), "seller": _shape("word"), "currency": _shape("word"),
        "measure": _shape("word type"), "payment": _shape("word"), "announce": _shape("word"),
    },
    "money_claims": {
        "new": _shape("word"), "repeat": _shape("phrase", "after"), "reporting": _shape("word"),
        "results_period": _shape("phrase period rank"), "until": _shape("word"),
        "purpose_lead": _shape("phrase"), "acquire": _shape("word"), "part": _shape("word"),
        "inclusion": _shape("word"), "repaid": _shape("word"), "deal": _shape("word"),
        "loan": _shape("word"),
    },
    "dates": {
        "month": _shape("value aliases", "ambiguous"), "weekday": _shape("value aliases short"),
        "day": _shape("offset aliases"), "loose_day": _shape("offset aliases"),
        "shift": _shape("step aliases"), "loose_shift": _shape("step aliases"),
        "ordinal": _shape("value aliases"), "part": _shape("value aliases"), "cue": _shape("aliases"),
        "daynum": _shape("value aliases cardinal"), "daynum_tens": _shape("value aliases"),
        "holiday": _shape("aliases", "month day weekday nth offset easter week"),
        "season": _shape("value aliases"), "mod": _shape("mod aliases"), "spelled": _shape("value aliases"),
        "anaphor": _shape("step aliases"), "future_head": _shape("aliases"),
        "future_adjective": _shape("aliases"), "past_adjective": _shape("aliases"), "stative": _shape("aliases"),
        "ahead_alone": _shape("aliases"), "comparing": _shape("aliases"), "compared": _shape("aliases"),
        "year_cue": _shape("aliases"),
        "number": _shape("value aliases"), "few": _shape("value aliases"), "vague": _shape("aliases"),
        "future": _shape("aliases"), "past": _shape("aliases"), "unit": _shape("aliases"),
        "quantity": _shape("aliases"), "day_cue": _shape("aliases"), "holiday_cue": _shape("aliases"),
        "function_word": _shape("aliases"), "period_cue": _shape("aliases"), "past_period": _shape("aliases"),
        "week_of": _shape("aliases"),
    },
    "abbreviations": {"title": _shape("text")},
    "quote_cues": {"verb": _shape("lemma", "stance indirect hearer"), "phrase": _shape("phrase"),
                   "company_suffix": _shape("word"), "told_thing": _shape("word")},
    "quote_gender": {"title": _shape("word gender"), "name": _shape("word gender")},
    "quote_nouns": {None: _shape("noun label", "gender source document speaks_for governs")},
    "quote_pronouns": {None: _shape("word label")},
    "topic_words": {"stop": _shape("word"), "magnitude": _shape("word")},
}


@lru_cache(maxsize=None)
def value_domains() -> dict[str, frozenset[Any]]:
    """The values a key may take in any table: an actor ``label``, a money ``qualifier`` and
    ``type`` and a quote cue's ``stance`` as the record schema allows them (a typo would make records
    the schema refuses), a ``gender`` m or f."""
    defs = record_schema().get("$defs", {})
    domains: dict[str, frozenset[Any]] = {"gender": frozenset(("m", "f"))}
    for key, kind in (("label", "actor"), ("qualifier", "money"), ("type", "money"), ("stance", "quote")):
        enum = _enum(defs.get(kind, {}).get("properties", {}).get(key, {}))
        if enum:
            domains[key] = frozenset(v for v in enum if v is not None)
    return domains


def _enum(prop: dict[str, Any]) -> list[Any]:
    if "enum" in prop:
        return list(prop["enum"])
    return [v for alt in prop.get("anyOf", prop.get("oneOf", ())) for v in alt.get("enum", ())]


def check_row(path: str | Path, n: int, row: dict[str, Any], kinds: dict[str | None, Shape]) -> None:
    """Raise PatternFileError naming file and line if ``row`` is not one of the declared shapes."""
    keyed = None not in kinds
    kind = row.get("kind") if keyed else None
    if keyed and kind not in kinds:
        allowed = ", ".join(sorted(k for k in kinds if k is not None))
        raise PatternFileError(f"{path}:{n}: unknown kind {kind!r}: expected one of {allowed}")
    shape = kinds[kind]
    keys = set(row) - ({"kind"} if keyed else set())
    missing = sorted(shape.required - keys)
    if missing:
        what = f"a {kind} row" if keyed else "a row"
        raise PatternFileError(f"{path}:{n}: {what} needs {', '.join(map(repr, missing))}")
    unknown = sorted(keys - shape.required - shape.optional)
    if unknown:
        allowed = ", ".join(sorted(shape.required | shape.optional))
        raise PatternFileError(f"{path}:{n}: unknown key {unknown[0]!r}: expected {allowed}")
    for key, domain in value_domains().items():
        if key in row and row[key] is not None and row[key] not in domain:
            allowed = ", ".join(sorted(map(str, domain)))
            raise PatternFileError(f"{path}:{n}: {key} {row[key]!r} is not one of {allowed}")
    for key, pattern in value_patterns().items():
        if key in row and not (isinstance(row[key], str) and pattern.fullmatch(row[key])):
            raise PatternFileError(f"{path}:{n}: {key} {row[key]!r} does not match {pattern.pattern}")


@lru_cache(maxsize=None)
def value_patterns() -> dict[str, re.Pattern[str]]:
    """The shapes a key's value must have where the record schema gives one: ``wikidata`` "Q142"."""
    props = {name: prop for kind in record_schema().get("$defs", {}).values()
             for name, prop in kind.get("properties", {}).items()}
    return {key: re.compile(props[key]["pattern"].strip("^$"))
            for key in ("wikidata",) if "pattern" in props.get(key, {})}


def read_table(path: str | Path, kinds: dict[str | None, Shape]) -> list[dict[str, Any]]:
    """The rows of a rule file, each checked against ``kinds``."""
    rows = []
    for n, row in numbered_rows(path):
        check_row(path, n, row, kinds)
        rows.append(row)
    return rows


def check_tables() -> None:
    """Read and check every declared table now, so that a typo stops a run before its first article."""
    for name in TABLES:
        load_patterns(name)


def table_file(name: str) -> Path:
    """The file of the rule table ``name``: what a value derived from it is keyed on in the cache."""
    return patterns_dir() / f"{name}.jsonl"


@lru_cache(maxsize=None)
def load_patterns(name: str) -> tuple[dict[str, Any], ...]:
    """Rows of ``patterns/<name>.jsonl``, checked against ``TABLES[name]`` and cached per process
    (rule data never changes at run time).

    The checked rows are also kept in the cache folder (``cache.table``) while the file, the
    record schema its values are checked against and the code are unchanged: parsing and checking
    every row of every table was a fortieth of a one-article run, to find again what the last
    run found. A table that fails its check raises before anything is kept, so it fails every run."""
    if name not in TABLES:
        raise PatternFileError(f"{table_file(name)}: no table of that name is declared")
    path = table_file(name)
    return cache.table(f"rules-{name}", lambda: tuple(read_table(path, TABLES[name])),
                       [path, _SCHEMA])


# The Python classes a JSON value of each schema type parses to (exact classes: True is no integer)
_JSON_CLASSES: dict[str, frozenset[type]] = {
    "string": frozenset({str}), "integer": frozenset({int}), "number": frozenset({int, float}),
    "boolean": frozenset({bool}), "null": frozenset({type(None)}), "array": frozenset({list}),
    "object": frozenset({dict}),
}
JSON_TYPE_NAMES: dict[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean",
                                    type(None): "null", list: "array", dict: "object"}


@dataclass(frozen=True)
class FieldTypes:
    """What a record kind's fields may hold, as the record schema says: per property the classes
    its value may have and their JSON names (``allowed``); per array property, those of its items."""
    classes: dict[str, frozenset[type]]
    allowed: dict[str, str]
    items: dict[str, tuple[frozenset[type], str]]


def _json_types(prop: dict[str, Any]) -> list[str]:
    """The JSON types a property allows: its ``type``, or those of its ``const`` or ``enum`` values."""
    if "type" in prop:
        t = prop["type"]
        return list(t) if isinstance(t, list) else [t]
    values = [prop["const"]] if "const" in prop else _enum(prop)
    return list(dict.fromkeys(JSON_TYPE_NAMES[v.__class__] for v in values))


def _classes(types: list[str]) -> tuple[frozenset[type], str]:
    return frozenset().union(*(_JSON_CLASSES[t] for t in types)), " or ".join(types)


@lru_cache(maxsize=None)
def field_types() -> dict[str, FieldTypes]:
    """Per record kind, the JSON types of its fields, read from the record schema (the one list of
    them): what record files read back (``diff``, ``summarise``) are checked against."""
    out = {}
    for kind, d in record_schema().get("$defs", {}).items():
        classes, allowed, items = {}, {}, {}
        for name, prop in d.get("properties", {}).items():
            classes[name], allowed[name] = _classes(_json_types(prop))
            if "type" in prop.get("items", {}):
                items[name] = _classes(_json_types(prop["items"]))
        out[kind] = FieldTypes(classes, allowed, items)
    return out


_SCHEMA = _HERE / "schema" / "record.schema.json"


def record_schema() -> dict[str, Any]:
    """The JSON Schema of the records (shipped inside the package)."""
    return json.loads(_SCHEMA.read_text(encoding="utf-8"))
