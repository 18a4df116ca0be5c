"""The CSV writer: rows that every reader splits the same way; text cells a spreadsheet would run as
formulas neutralised unless raw, numbers left alone."""
from __future__ import annotations

import csv
import io

import pytest

from summitclaims.io.writers import FORMULA_STARTS, CsvWriter

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


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_text_cell_that_could_start_a_formula_gets_a_quote_mark(start):
    quote = f"{start}cmd|' /C calc'!A0"
    rid = f'{start}HYPERLINK("https://evil")'
    [row] = rows_of([{"id": rid, "kind": "quote", "quote": quote}])
    assert row["quote"] == "'" + quote and row["id"] == "'" + rid
    [row] = rows_of([{"id": rid, "kind": "quote", "quote": quote}], raw=True)
    assert row["quote"] == quote and row["id"] == rid


def test_the_formula_starts_are_owasps():
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


def test_numbers_booleans_and_json_text_are_left_alone():
    [row] = rows_of([{"id": "a1", "kind": "money", "quote": "-", "value": -5.0, "aliases": ["=x", "-y"],
                      "partial": False}])
    assert row["value"] == "-5.0" and float(row["value"]) == -5.0
    assert row["aliases"] == '["=x", "-y"]' and row["partial"] == "false"
    assert row["quote"] == "'-"       # a text cell, however short


def test_a_negative_integer_stays_a_number():
    [row] = rows_of([{"id": "a1", "kind": "actor", "value": -5}])
    assert row["value"] == "-5"


def test_ordinary_text_is_unchanged():
    [row] = rows_of([{"id": "0123abcd", "kind": "quote", "quote": "We want AI to be a force for good."}])
    assert row["quote"] == "We want AI to be a force for good." and row["id"] == "0123abcd"


def test_spaces_before_a_formula_start_do_not_hide_it():
    from summitclaims.io.writers import neutralise

    assert neutralise("  =1+1") == "'  =1+1"
    assert neutralise("  plain") == "  plain"
