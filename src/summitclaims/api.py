"""The Python API: plain functions, no printing, no typer."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as _nlp
from .recordtypes import Record

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
    doc._.sc_doc_id = doc_id
    doc._.sc_published = published
    doc._.sc_published_source = "given" if published else None
    return doc


def process(nlp: Language, text: str, published: dt.date | None = None, doc_id: str | None = None) -> Doc:
    return nlp(make_doc(nlp, text, published, doc_id))


def extract(
    text: str,
    published: str | dt.date | None = None,
    doc_id: str | None = None,
    *,
    model: str | None = None,
) -> list[Record]:
    """Records (dicts, as in the JSON Schema) for one article's text."""
    from .batch import RunOptions, process_chunk
    from .io.readers import Article

    nlp = _nlp.load(model)
    art = Article(doc_id, text=text)   # type: ignore[arg-type]  (None: records carry doc null)
    return process_chunk(nlp, [art], RunOptions(published=parse_published(published)))[0]  # type: ignore[return-value]


def extract_articles(
    nlp: Language,
    articles: Iterable["Article"],
    published: dt.date | None = None,
    *,
    kinds: frozenset[str] | None = None,
    keep_text: bool = False,
) -> Iterator[tuple["Article", list[Record]]]:
    """(article, records) per input in order, in this process; unreadable inputs give one
    ``error`` record. For several processes see ``summitclaims.batch.run``."""
    from .batch import RunOptions, _chunks, process_chunk

    opts = RunOptions(published=published, kinds=kinds, keep_text=keep_text)
    for chunk in _chunks(articles, opts.batch_size, opts):
        yield from zip(chunk, process_chunk(nlp, chunk, opts))  # type: ignore[misc]


def extract_many(
    items: Iterable[str | tuple[Any, ...]],
    jobs: int = 1,
    *,
    published: str | dt.date | None = None,
    kinds: Iterable[str] | str | None = None,
    model: str | None = None,
) -> Iterator[Record]:
    """Records for many articles, in order: ``items`` are texts or ``(id, text[, published])``
    tuples; ``jobs`` processes (0 = every core)."""
    from .batch import RunOptions, parse_kinds, run
    from .io.readers import Article

    def articles() -> Iterator[Article]:
        for n, item in enumerate(items, 1):
            if isinstance(item, str):
                yield Article(str(n), text=item)
                continue
            doc_id, text, *rest = item
            art = Article(str(doc_id) if doc_id is not None else str(n), text=text)
            if rest and rest[0]:
                art.published, art.published_source = parse_published(rest[0]), "given"
            yield art

    opts = RunOptions(published=parse_published(published), kinds=parse_kinds(kinds))
    for _, records in run(articles(), opts, model=model, jobs=jobs):
        yield from records
