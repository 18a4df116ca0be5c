"""Every emitted record validates against the shipped JSON Schema."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from summitclaims.api import extract_articles
from summitclaims.io.readers import iter_articles
from summitclaims.resources import record_schema
from tests.paths import SAMPLES_DIR

SAMPLES = SAMPLES_DIR


@pytest.fixture(scope="module")
def validator():
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def sample_records(nlp):
    out = []
    for _, records in extract_articles(nlp, iter_articles([str(SAMPLES), "missing.txt"])):
        out.extend(records)
    return out


def test_samples_produce_every_kind(sample_records):
    kinds = {r["kind"] for r in sample_records}
    assert {"document", "error"} <= kinds


def test_every_record_validates(validator, sample_records):
    for rec in sample_records:
        errors = sorted(validator.iter_errors(rec), key=str)
        assert not errors, (rec, [e.message for e in errors])


def test_offsets_point_at_the_text(sample_records):
    texts = {p.relative_to(SAMPLES).as_posix(): p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}
    for rec in sample_records:
        if rec["kind"] in ("document", "error"):
            continue
        name = Path(rec["doc"]).name
        assert texts[name][rec["char_start"]:rec["char_end"]] == rec["text"], rec


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "money", "doc": "x", "text": "$5", "char_start": 0, "char_end": 2, "sentence": None,
         "value": -5, "low": None, "high": None, "currency": "USD", "qualifier": None, "period": None, "actor": None},
        {"kind": "date", "doc": "x", "text": "Monday", "char_start": 0, "char_end": 6, "sentence": None,
         "start": "10 Feb", "end": None, "granularity": "day"},
        {"kind": "nonsense", "doc": "x"},
    ],
)
def test_schema_rejects_bad_records(validator, bad):
    assert list(validator.iter_errors(bad))
