"""The pipeline as ``nlp.build`` makes it: what it adds to the model before any component runs."""
from __future__ import annotations

import pytest

from summitclaims import resources


@pytest.mark.parametrize("text, name", [
    pytest.param("Lt. Col. Kevin Fujimoto spoke first.", "Lt. Col. Kevin Fujimoto", id="military-ranks"),
    pytest.param("Sgt. 1st Class David Kintz spoke first.", "Sgt. 1st Class David Kintz", id="rank-and-class"),
    pytest.param("Lt.-Gov. Janet Austin spoke first.", "Lt.-Gov. Janet Austin", id="canadian-press-hyphenated"),
])
def test_an_abbreviated_title_is_one_token_and_no_sentence_end(nlp, text, name):
    doc = nlp(text)
    n = len(name.split())
    assert [t.text for t in doc[:n]] == name.split()
    assert not any(t.is_sent_start for t in doc[1:n])


def test_every_abbreviation_of_the_table_stays_whole(nlp):
    for row in resources.load_patterns("abbreviations"):
        assert [t.text for t in nlp.make_doc(f'"{row["text"]} Smith,"')][1] == row["text"]
