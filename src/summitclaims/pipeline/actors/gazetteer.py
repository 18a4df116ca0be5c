"""The gazetteer: rows of patterns/actors.jsonl or a user's ``--actors`` file, checked and split
for the two span rulers that fill ``doc.spans[GAZ_KEY]``."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from spacy.language import Language

from ... import resources

GAZ_KEY = "sc_gazetteer"                 # span group filled by the gazetteer span ruler
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")    # the actor labels of the record contract
_RULER_KEYS = ("label", "pattern", "id")  # what a span ruler takes; "ambiguous" is read by the component


def read_gazetteer(path: str | Path) -> list[dict[str, Any]]:
    """A user gazetteer (``--actors FILE``), same format as patterns/actors.jsonl, checked row by row
    so a mistake is reported once, naming file and line, before any model work."""
    rows = []
    for n, row in resources.numbered_rows(path):
        problem = _row_problem(row)
        if problem is not None:
            raise resources.PatternFileError(f"{path}:{n}: {problem}")
        rows.append(row)
    return rows


def _row_problem(row: dict[str, Any]) -> str | None:
    """What is wrong with one gazetteer row, or None."""
    label, pat, canon = row.get("label"), row.get("pattern"), row.get("id")
    if label not in LABELS:
        return f"label must be one of {', '.join(LABELS)}, not {label!r}"
    if not (isinstance(pat, str) and pat.strip()) and not (
        isinstance(pat, list) and pat and all(isinstance(t, dict) for t in pat)
    ):
        return "pattern must be a non-empty string (or a list of token patterns)"
    if isinstance(pat, list):
        problem = _token_pattern_problem(pat)
        if problem is not None:
            return problem
    if not (isinstance(canon, str) and canon.strip()):
        return "id (the canonical name) must be a non-empty string"
    qid = row.get("wikidata")
    if qid is not None and not (isinstance(qid, str) and resources.value_patterns()["wikidata"].fullmatch(qid)):
        return f"wikidata must be a Wikidata item id like 'Q142', not {qid!r}"
    return None


def _token_pattern_problem(pattern: list[dict[str, Any]]) -> str | None:
    """What spaCy's own schema says of a token pattern, and a REGEX that does not compile: found
    here, the line is named (the span ruler would say neither which row nor which file)."""
    from spacy.schemas import validate_token_pattern

    errors = validate_token_pattern(pattern)
    if errors:
        return f"token pattern: {errors[0]}"
    for token in pattern:
        for value in token.values():
            if isinstance(value, dict) and "REGEX" in value:
                try:
                    re.compile(value["REGEX"])
                except (re.error, TypeError) as exc:
                    return f"token pattern: REGEX {value['REGEX']!r} does not compile ({exc})"
    return None


def ruler_patterns(nlp: Language, rows: Iterable[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    """Gazetteer rows split for two span rulers: (exact, any case).  Multi-word names match in any
    case ("von Der Leyen", "european commission"); one-word names stay exact ("Orange" != "orange")."""
    exact: list[dict] = []
    caseless: list[dict] = []
    for row in rows:
        clean = {k: row[k] for k in _RULER_KEYS if k in row}
        pat = row.get("pattern")
        if isinstance(pat, str) and len(nlp.make_doc(pat)) > 1:
            caseless.append(clean)
        else:
            exact.append(clean)
    return exact, caseless
