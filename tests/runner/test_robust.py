"""The whole pipeline on hostile text: never raises, every record valid and anchored in the text."""
from __future__ import annotations

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitclaims.resources import record_schema

VALIDATOR = jsonschema.Draft202012Validator(record_schema())

PIECES = st.sampled_from([
    '"', "'", "“", "”", "‘", "’", "«", "»", "„", " ", "\n", "\n\n", "$", "€", "£", "¥", "bn", " billion",
    " million euros", "-", "–", "—", ",", ".", "12", "1.5", "$1e400", "999999999999999999 trillion",
    "February 31", "Feb. 10-11", "Q4 2024", "on Monday", "yesterday", " she said", " said Macron",
    "Ursula von der Leyen", "von der Reyen", "the Commission President", "EU", "U.S.", "up to",
    "between 30 and", "(", ")", ":", "according to her", "CEO of Qlik", "₹", "Rs", "crore",
    # the claim reader's words: types, owners, targets, parts, periods
    " pledged", " raised", " led by Contoso", " a share", " per barrel", " to the dollar", " shares closed at",
    " revenue of", " its price target on", " valued at", " part of the", " included", " from the EU",
    " to build", " for AI", " by 2030", "first-quarter", "\n    Shr ", " vs ", "\n    Nine mths\n", " each",
    "<CTS>", " worth", " the goal was", " is to receive", " sold its unit to",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, published=st.sampled_from([None, "2025-02-11", "1987-02-26"]))
def test_pipeline_never_raises_and_records_are_valid(run, text, published):
    records = run(text, published)
    assert records[0]["kind"] == "document"
    for rec in records:
        assert not list(VALIDATOR.iter_errors(rec)), rec
        if rec["kind"] not in ("document", "error"):
            assert text[rec["char_start"]:rec["char_end"]] == rec["text"]
        if rec["kind"] == "money":
            for field in ("recipient", "purpose"):
                if rec[field] is not None:
                    assert text[rec[field + "_start"]:rec[field + "_end"]] == rec[field]
