"""summitclaims: money, actors, dates and quotes from news text as normalised JSON records."""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "__version__"]


def extract(text, published=None, doc_id=None, *, model=None):
    """Records for one article: see ``summitclaims.api.extract`` (imported lazily: spaCy is heavy)."""
    from .api import extract as _extract

    return _extract(text, published, doc_id, model=model)
