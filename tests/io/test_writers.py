"""The CSV writer: rows that every reader splits the same way."""
from __future__ import annotations

import csv
import io

import pytest

from summitclaims.io.writers import CsvWriter

COLUMNS = ["id", "kind", "quote", "value", "aliases", "partial"]


def csv_text(records, **kw):
    out = io.StringIO()
    CsvWriter(out, COLUMNS, **kw).write(records)
    return out.getvalue()


def rows_of(records, **kw):
    return list(csv.DictReader(io.StringIO(csv_text(records, **kw), newline="")))


@pytest.mark.parametrize("quote", ["a\rb", "\rb", "a\r\nb", "a\nb", "a,b", 'a"b'])
def test_line_breaks_and_separators_in_a_cell_stay_in_the_cell(quote):
    [row] = rows_of([{"id": "a1", "kind": "quote", "quote": quote}])
    assert row["quote"].lstrip("'") == quote


def test_rows_end_in_a_newline_only():
    text = csv_text([{"id": "a1", "kind": "quote", "quote": "x"}, {"id": "a2", "kind": "quote", "quote": "y"}])
    assert text == "id,kind,quote,value,aliases,partial\na1,quote,x,,,\na2,quote,y,,,\n"
