"""The Python API: plain functions, no printing, no typer."""
from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as _nlp
from .records import doc_records


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """ISO date (YYYY-MM-DD) or date -> date; raises ValueError naming the bad value."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"invalid publication date {value!r}: expected YYYY-MM-DD") from None


def make_doc(nlp: Language, text: str, published: dt.date | None = None, doc_id: str | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.doc_id = doc_id
    doc._.published = published
    doc._.published_source = "given" if published else None
    return doc


def process(nlp: Language, text: str, published: dt.date | None = None, doc_id: str | None = None) -> Doc:
    return nlp(make_doc(nlp, text, published, doc_id))


def extract(
    text: str,
    published: str | dt.date | None = None,
    doc_id: str | None = None,
    *,
    model: str | None = None,
) -> list[dict[str, Any]]:
    """Records (dicts, as in the JSON Schema) for one article's text."""
    nlp = _nlp.load(model)
    return doc_records(process(nlp, text, parse_published(published), doc_id))
