"""summitclaims_money: monetary amounts, normalised and linked to actors.

Sets ``doc.spans[extensions.MONEY]``: token-aligned spans (including the qualifier, "up to $500
billion") with ``span._.sc_money`` = ``values.Money``. The amounts come from the pure finder
``normalize.money.find_money``; this component (``component``) adds what needs the parse:

- ``actor``: the canonical name (from ``doc.spans[MENTIONS]``) of who commits, pledges, invests,
  spends, raises or announces the amount: the subject of the governing verb (climbing through
  "to invest", "pledging", "an investment of": ``clauses``), the possessor ("the UAE's 50 billion
  euros"), a list-item heading ("AMAZON: The retail giant pledged ...": ``headings``), a pronoun's
  nearest PERSON mention (``nouns``); None when the text does not say. The doc's mentions are
  read once per call into a ``context.DocContext``;
- ``usd`` / ``eur`` / ``fx_date``: converted at the ECB rate of the publication date
  (``normalize.fx``), when the date is known.
"""
from __future__ import annotations

from .component import MoneyFinder, make_money

__all__ = ["MoneyFinder", "make_money"]
