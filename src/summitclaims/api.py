"""The Python API: plain functions, no printing, no typer."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as _nlp
from .records import doc_records, error_record

if TYPE_CHECKING:
    from .io.readers import Article


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


def extract_articles(
    nlp: Language, articles: Iterable["Article"], published: dt.date | None = None
) -> Iterator[tuple["Article", list[dict[str, Any]]]]:
    """(article, records) per input in order; unreadable inputs give one ``error`` record."""
    for art in articles:
        if art.error is not None:
            yield art, [error_record(art.doc_id, art.error)]
            continue
        try:
            records = doc_records(process(nlp, art.text or "", published, art.doc_id))
        except Exception as exc:  # a bug of ours on one odd article must not stop the batch
            records = [error_record(art.doc_id, f"internal error: {type(exc).__name__}: {exc}")]
        yield art, records
