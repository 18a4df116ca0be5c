"""spaCy citizenship: prefixed extension attributes whose values survive spaCy's serialisation."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import DocBin, Span

from summitclaims import nlp as _nlp
from summitclaims.pipeline import extensions

TEXT = ("BRUSSELS, Feb 11 (Reuters) - The European Commission pledged 50 billion euros on Monday. "
        '"We will invest," said Ursula von der Leyen.')


def _values(doc):
    return (
        [(s.start_char, s._.sc_money) for s in doc.spans[extensions.MONEY]],
        [(s.start_char, s._.sc_date) for s in doc.spans[extensions.DATES]],
        [(s.start_char, s._.sc_quote) for s in doc.spans[extensions.QUOTES]],
        list(doc._.sc_actors or ()), doc._.sc_published,
    )


def test_extension_values_survive_docbin():
    nlp = _nlp.load()
    doc = nlp(TEXT)
    assert doc.spans[extensions.MONEY] and doc.spans[extensions.QUOTES]
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = next(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    assert _values(back) == _values(doc)


def test_extension_values_survive_nlp_pipe_with_two_processes():
    nlp = _nlp.load()
    texts = [TEXT, TEXT.replace("50 billion", "20 billion")]
    assert [_values(d) for d in nlp.pipe(texts, n_process=2)] == [_values(nlp(t)) for t in texts]


def test_an_unprefixed_extension_of_another_package_is_not_ours():
    # another package may own Span._.date; ours is Span._.sc_date and keeps its values
    if not Span.has_extension("date"):
        Span.set_extension("date", default="someone else's")
    doc = _nlp.load()("It pledged $5 million on 10 February 2025.")
    span = doc.spans[extensions.DATES][0]
    assert span._.sc_date.start == dt.date(2025, 2, 10)
    assert span._.date == "someone else's"
