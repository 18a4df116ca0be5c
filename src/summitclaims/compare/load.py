"""Records from what a user names: JSONL record files (streamed) or articles (extracted on the fly).

A file whose first non-blank line is a JSON object with a record ``kind`` is a record file (as
``extract`` writes them); anything else (article text, folders of articles) goes to the extractor.
Nothing here raises on bad input: unreadable inputs and malformed lines become ``error`` records.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import zlib
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, cast

from ..fields import error_record
from ..io.readers import MAX_INPUT_BYTES, bounded_lines, too_large
from ..kinds import RECORD_KINDS
from ..resources import JSON_TYPE_NAMES, FieldTypes, field_types

try:  # a dependency (1.5x the json module's speed on record lines); json stays as a fallback
    import orjson as _orjson

    loads: Callable[[bytes], Any] = _orjson.loads
    JSON_ERRORS: tuple = (_orjson.JSONDecodeError, ValueError)
except ImportError:  # pragma: no cover - depends on the environment
    loads = json.loads
    JSON_ERRORS = (ValueError, RecursionError)

_SNIFF_BYTES = 1 << 20
_KIND_SET = frozenset(RECORD_KINDS)

Record = Dict[str, Any]


def is_record_file(path: str | Path) -> bool:
    """True when the file's first non-blank line is a summitclaims record."""
    p = Path(path)
    if not p.is_file():
        return False
    try:
        with _open(p) as f:
            seen = 0
            while seen <= _SNIFF_BYTES:
                line = f.readline(_SNIFF_BYTES + 1)    # bounded: a first line may be endless
                if not line or len(line) > _SNIFF_BYTES:
                    return False
                seen += len(line)
                if line.strip():
                    obj = _loads(line)
                    return isinstance(obj, dict) and obj.get("kind") in RECORD_KINDS
    except (OSError, EOFError, zlib.error, *JSON_ERRORS):
        return False
    return False


def _open(path: str | Path) -> Any:
    """A record file for reading; one ``extract -o records.jsonl.gz`` wrote is decompressed."""
    f = open(path, "rb")  # noqa: SIM115  (the caller closes it)
    return gzip.GzipFile(fileobj=f) if str(path).lower().endswith(".gz") else f


def _loads(line: bytes) -> Any:
    """A JSON line; one orjson refuses that Python's json reads (an integer wider than 64 bits,
    which extract passes on in ``meta``) is read by json, so extract's own output reads back."""
    try:
        return loads(line)
    except JSON_ERRORS:
        if loads is json.loads:
            raise
        try:
            return json.loads(line)
        except RecursionError:       # nested past orjson's limit, then past the interpreter's
            raise ValueError("nested too deeply") from None


def wrong_field(rec: Record, types: FieldTypes) -> Optional[str]:
    """Why a record's fields are not of the types its kind's schema gives ("currency is an array, not
    string or null"), or None. Fields the schema does not name, and absent ones, are let be: files of
    older versions lack the newer fields."""
    classes = types.classes
    for key, value in rec.items():
        allowed = classes.get(key)
        if allowed is not None and value.__class__ not in allowed:
            return f"{key} is {_a(value)}, not {types.allowed[key]}"
    for key, (allowed, names) in types.items.items():
        for i, item in enumerate(rec.get(key) or ()):
            if item.__class__ not in allowed:
                return f"{key}[{i}] is {_a(item)}, not {names}"
    return None


def _a(value: Any) -> str:
    name = JSON_TYPE_NAMES.get(value.__class__, value.__class__.__name__)
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


_LINE_ERROR = re.compile(r"line \d+: ")


def is_line_error(rec: Record) -> bool:
    """Whether an error record is about one line of an input (a record file's, a JSONL article
    file's), whose other lines were read, rather than about a whole input that could not be."""
    return bool(_LINE_ERROR.match(str(rec.get("error"))))


def read_records(path: str | Path) -> Iterator[Record]:
    """Records of a JSONL file, one at a time; a bad line (not JSON, not a record, a field of the
    wrong type) gives an ``error`` record naming it and reading goes on."""
    name = str(path)
    try:
        f = _open(path)   # closed below; apart, so that only opening errors land here
    except OSError as exc:
        yield error_record(name, exc.strerror or str(exc))
        return
    with f:
        try:
            yield from _records(name, f)
        except (OSError, EOFError, zlib.error) as exc:     # a .gz broken part-way
            yield error_record(name, f"broken gzip data: {exc}")


def _records(name: str, f: Any) -> Iterator[Record]:
    kinds = _KIND_SET
    types = field_types()
    # a line past the readers' size limit is skipped unread: an endless line must not fill memory
    for n, line in enumerate(bounded_lines(f, MAX_INPUT_BYTES), 1):
        if line is None:
            yield error_record(name, f"line {n}: {too_large(MAX_INPUT_BYTES)}")
            continue
        try:
            rec = _loads(line)
        except (*JSON_ERRORS, EOFError, zlib.error):
            if line.strip():     # blank lines fail to parse too: tested only then, not per line
                yield error_record(name, f"line {n}: not JSON")
            continue
        kind = rec.get("kind") if rec.__class__ is dict else None
        # a str first: a kind that is a list or an object cannot be looked up in a set
        if kind.__class__ is not str or kind not in kinds:
            yield error_record(name, f"line {n}: not a summitclaims record")
            continue
        wrong = wrong_field(rec, types[kind])
        if wrong:
            yield error_record(name, f"line {n}: {wrong}")
            continue
        yield rec


def iter_records(paths: Iterable[str], published: Optional[dt.date] = None, model: Optional[str] = None,
                 nlp_loader: Optional[Callable[[], Any]] = None) -> Iterator[Record]:
    """Records of every input in order: record files streamed, articles extracted (model loaded once)."""
    nlp: Any = None
    pending: List[str] = []

    def extract(batch: List[str]) -> Iterator[Record]:
        nonlocal nlp
        from .. import api
        from ..io.readers import iter_articles

        if nlp is None:
            if nlp_loader is not None:
                nlp = nlp_loader()
            else:
                from ..nlp import load

                nlp = load(model)
        for _article, records in api.extract_articles(nlp, iter_articles(batch), published):
            yield from cast(List[Record], records)

    for p in paths:
        if p != "-" and is_record_file(p):
            if pending:
                yield from extract(pending)
                pending = []
            yield from read_records(p)
        else:
            pending.append(p)
    if pending:
        yield from extract(pending)
