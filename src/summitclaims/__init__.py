"""summitclaims: money, actors, dates and quotes from news text as normalised JSON records."""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "__version__"]


def extract(text, published=None, doc_id=None, *, model=None):
    """Records for one article: see ``summitclaims.api.extract`` (imported lazily: spaCy is heavy)."""
    from .api import extract as _extract

    return _extract(text, published, doc_id, model=model)


def extract_many(items, jobs=1, *, published=None, kinds=None, model=None):
    """Records for many articles (texts or ``(id, text[, published])`` tuples), in input order,
    on ``jobs`` processes: see ``summitclaims.api.extract_many``."""
    from .api import extract_many as _extract_many

    return _extract_many(items, jobs, published=published, kinds=kinds, model=model)
