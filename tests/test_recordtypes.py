"""The TypedDicts of the Python API and the JSON Schema describe the same records."""
from __future__ import annotations

from pathlib import Path

import pytest

import summitclaims
from summitclaims.recordtypes import BY_KIND
from summitclaims.resources import record_schema


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_typed_dict_keys_are_the_schema_properties(kind):
    td = BY_KIND[kind]
    spec = record_schema()["$defs"][kind]
    assert set(td.__required_keys__) | set(td.__optional_keys__) == set(spec["properties"])
    assert set(td.__required_keys__) == set(spec["required"])


def test_extract_records_fit_their_typed_dicts():
    recs = summitclaims.extract("Acme pledged $5 billion on 10 February 2025, its chief said.", doc_id="a")
    for rec in recs:
        td = BY_KIND[rec["kind"]]
        assert set(td.__required_keys__) <= set(rec) <= set(td.__required_keys__) | set(td.__optional_keys__)


def test_package_is_marked_typed():
    assert (Path(summitclaims.__file__).parent / "py.typed").is_file()
