"""Non-ASCII characters that a case-insensitive regex matches to ASCII letters (Python's ``re``
folds the long s to s, dotless and dotted i to i, the Kelvin sign to k). The finders that try their
rules only at likely words must see these as the letters the rules are written in."""
from __future__ import annotations

TO_ASCII = {"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"}
FOLD_TO_ASCII = str.maketrans(TO_ASCII)
