"""summitclaims_quotes: direct quotations with their resolved speaker.

Sets ``doc.spans[extensions.QUOTES]``: each span covers the quotation including its marks, with
``span._.sc_quote`` = ``values.Quote``. Passages come from ``text.passages.find_passages``; this
component decides which passages are quotes (not scare quotes or names), finds the attribution
around them and maps the speaker words to the actor mentions (``doc.spans[extensions.MENTIONS]``).

A quote interrupted by its attribution and resumed (``"A," she said. "B."``) gives two records with
the same speaker: the second inherits the attribution of the first.

Modules, in the order of a call: ``tables`` (rule data, read once per component), ``context`` (the
per-document state of one call), ``detect`` (is a passage a quote), ``attribution`` (where the
speaker words are) with ``cues`` (reading them from tokens), ``candidates`` (who may be referred
back to) and ``resolve`` (speaker words -> actor); ``component`` runs them.
"""
from __future__ import annotations

from .component import QuoteFinder, make_quotes

__all__ = ["QuoteFinder", "make_quotes"]
