"""Find and normalise monetary amounts in plain text (pure: no spaCy, never raises).

``find_money(text, published=None)`` -> ``[(start, end, Money)]`` (char offsets, end exclusive); ``parse_money(phrase)``
-> ``Money | None``. The grammars are built once per process from the rule data in
``patterns/currencies.jsonl``, ``money_words.jsonl``, ``money_qualifiers.jsonl`` and
``money_periods.jsonl`` (``lexicon``).

The passes, one module each, in the order ``finder`` runs them: single amounts (``singles``: a
currency before or after a number, with magnitudes, tried only where ``scan`` says one can begin);
ranges around them (``ranges``: "between 30 billion and 50 billion euros", "$30-50bn"); cents
joined to their whole amount (``cents``); wire comparisons giving bare amounts the currency they are
compared with (``comparisons``: "136.6 mln dlrs from 127.4 mln"); a qualifier just before
(``qualifiers``: "up to"); a period just after in the same clause (``periods``: "over five years");
conversions and exchange-rate notes linked (``links``: "109 billion euros ($112 billion)").
Numbers and magnitudes are read in ``numbers``, currencies in ``currencies``.
Currencies are every ISO 4217 currency of CLDR under the newsroom table (``catalog``); a word
several currencies share ("dlrs", "crowns", "francs") takes the currency of the story's country,
else its default or None (``context``), and ``currency_source`` says which.
"""
from __future__ import annotations

from .finder import find_money, parse_money

__all__ = ["find_money", "parse_money"]
