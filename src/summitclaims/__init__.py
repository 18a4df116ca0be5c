"""summitclaims: money, actors, dates and quotes from news text as normalised JSON records."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    from .recordtypes import Record

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "__version__"]


def extract(text: str, published: str | dt.date | None = None, doc_id: str | None = None, *,
            model: str | None = None) -> list[Record]:
    """Records for one article: see ``summitclaims.api.extract`` (imported lazily: spaCy is heavy)."""
    from .api import extract as _extract

    return _extract(text, published, doc_id, model=model)


def extract_many(items: Iterable[str | tuple[Any, ...]], jobs: int = 1, *,
                 published: str | dt.date | None = None, kinds: Iterable[str] | str | None = None,
                 model: str | None = None) -> Iterator[Record]:
    """Records for many articles (texts or ``(id, text[, published])`` tuples), in input order,
    on ``jobs`` processes: see ``summitclaims.api.extract_many``."""
    from .api import extract_many as _extract_many

    return _extract_many(items, jobs, published=published, kinds=kinds, model=model)
