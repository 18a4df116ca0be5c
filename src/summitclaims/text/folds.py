"""Every way summitclaims folds text into a key, side by side: each fold serves one kind of
comparison, and having them in one place keeps them from drifting into near copies."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

# Non-ASCII characters that a case-insensitive regex matches to ASCII letters (Python's ``re``
# folds the long s to s, dotless and dotted i to i, the Kelvin sign to k). The finders that try their
# rules only at likely words must see these as the letters the rules are written in.
TO_ASCII = {"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"}
FOLD_TO_ASCII = str.maketrans(TO_ASCII)

QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›`´"
_QUOTE_TO_SPACE = str.maketrans(dict.fromkeys(QUOTE_MARKS, " "))
_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def word_key(text: str) -> str:
    """A table word as it is looked up: lower case, one space between words ("Per  Cent" -> "per cent")."""
    return " ".join(text.lower().split())


def name_key(text: str) -> str:
    """An actor name as it is compared: lower case, accents and quote marks dropped, spaces collapsed."""
    return _name_key(text if isinstance(text, str) else str(text or ""))


@lru_cache(maxsize=1 << 16)     # the same names are folded many times per article
def _name_key(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WS.sub(" ", text.translate(_QUOTE_TO_SPACE)).strip().lower()


def quote_key(text: Optional[str]) -> str:
    """Quote text as two records' quotes are compared: NFKC, case, punctuation and spacing gone."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split()).replace("_", " ").strip()
