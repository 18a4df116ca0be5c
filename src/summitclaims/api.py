"""The Python API: plain functions, no printing, no typer."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable, Iterator, cast

from spacy.language import Language
from spacy.tokens import Doc

from .fields import parse_iso_date
from .recordtypes import Record

if TYPE_CHECKING:
    from .io.readers import Article


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """ISO date (YYYY-MM-DD) or date -> date; raises ValueError naming the bad value."""
    try:
        return parse_iso_date(value)
    except ValueError:
        raise ValueError(f"invalid publication date {value!r}: expected YYYY-MM-DD") from None


def process(nlp: Language, text: str, published: dt.date | None = None, doc_id: str | None = None) -> Doc:
    """The processed doc of one text, built as every entry point builds it (for tests and rendering)."""
    from .io.readers import Article
    from .runner import Runner, RunOptions

    return Runner(nlp, RunOptions(published=published)).doc(Article(doc_id, text=text))  # type: ignore[arg-type]


def extract(
    text: str,
    published: str | dt.date | None = None,
    doc_id: str | None = None,
    *,
    model: str | None = None,
) -> list[Record]:
    """Records (dicts, as in the JSON Schema) for one article's text."""
    from .io.readers import Article
    from .runner import RunOptions, run

    art = Article(doc_id, text=text)  # type: ignore[arg-type]  # None: the records carry doc null
    opts = RunOptions(published=parse_published(published))
    return [cast(Record, r) for _, part in run([art], opts, model=model) for r in part]


def extract_articles(
    nlp: Language,
    articles: Iterable["Article"],
    published: dt.date | None = None,
    *,
    kinds: frozenset[str] | None = None,
    keep_text: bool = False,
) -> Iterator[tuple["Article", list[Record]]]:
    """(article, records) per input in order, in this process; unreadable inputs give one
    ``error`` record. For several processes see ``summitclaims.runner.run``."""
    from .runner import Runner, RunOptions

    opts = RunOptions(published=published, kinds=kinds, keep_text=keep_text)
    yield from Runner(nlp, opts).whole(articles)  # type: ignore[misc]


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
    from .io.readers import Article
    from .kinds import parse_kinds
    from .runner import RunOptions, run

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
        yield from (cast(Record, r) for r in records)
