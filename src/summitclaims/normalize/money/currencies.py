"""The grammar of a currency written before or after a number, and the ``Unit`` a form stands for."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.folds import word_key as fold
from .fragments import SP, WORD_END, WORD_START, alt
from .lexicon import Currencies, Unit


@dataclass(frozen=True)
class CurrencyGrammar:
    """Regex sources of a currency, for the amount grammars to embed."""
    before: str        # written before the number: "$", "US$", "HK $", "EUR", "Rs"
    after: str         # written after it, spaced, hyphened or glued: " euros", "-euro", "€", "p"
    code: str          # an ISO-style code as a word: "USD", "usd", "MEUR"


def currency_grammar(c: Currencies) -> CurrencyGrammar:
    """The currency grammars for the symbols, codes and names of the currency table."""
    # "US$", "hk$": dollar signs led by letters match in any case; other symbols only as written
    dollar_led = [s for s in c.prefix_symbols if "$" in s and s[0].isalpha()]
    symbols = rf"(?:{alt(dollar_led, 'i')}|{alt([s for s in c.prefix_symbols if s not in dollar_led])})"
    spaced = "|".join(re.escape(s).replace(r"\ ", SP + "?") for s in c.spaced_symbols)
    code = rf"(?:{alt(c.codes_upper)}|{alt(c.codes_any)})"
    # symbols led by letters ("US$", "Rs", "RM") also follow the number in some styles; "Rs." keeps
    # its point only before the number
    lettered = [s for s in c.prefix_symbols if s[0].isalpha() and len(s) >= 2 and not s.endswith(".")]
    before = rf"""(?:
        {WORD_START}(?i:{spaced})               # "HK $", "C $": a space may sit before the "$"
      | {WORD_START}{symbols}                   # "$", "€", "US$", "Rs.": not after a letter ("BUS$")
      | {WORD_START}{code}{WORD_END}            # "USD", "EUR" (lower case too where the table says so)
    )"""
    after = rf"""(?:
        {SP}?(?:-{SP}?)?                        # spaced, glued or hyphened: " euros", "€", "-euro"
        (?:
            (?i:{alt(c.names)}){WORD_END}       # "euros", "dlrs", "cents", in any case
          | {code}{WORD_END}                    # "USD"
          | {alt(c.suffix_symbols)}(?!{SP}?\d)  # "€", "$", unless it begins the next amount ("2025 $500")
          | {alt(lettered)}{WORD_END}(?!{SP}?\d) # a symbol of letters written after: "3.14US$", "20Rs", "42 RM"
        )
      | {alt(c.attached)}{WORD_END}             # a minor unit glued on: "12p"
    )"""
    return CurrencyGrammar(before, after, rf"{code}{WORD_END}")


def unit_before(c: Currencies, s: str) -> Unit | None:
    """The unit of a currency matched before the number ("US$", "usd", "HK $")."""
    s = s.strip()
    if s.isalpha() and (s.isupper() or s.islower()) and s.upper() in c.codes:
        return c.codes[s.upper()]
    return c.prefix.get(fold(s)) or c.prefix.get(fold(s).replace(" ", ""))


def unit_after(c: Currencies, s: str) -> Unit | None:
    """The unit of a currency matched after the number (" euros", "-euro", "USD", "€", "p")."""
    s = s.strip(" \t\u00a0-")
    f = fold(s)
    if f in c.words:
        return c.words[f]
    if s.upper() in c.codes and (s.isupper() or s.islower()):
        return c.codes[s.upper()]
    return c.suffix.get(f) or c.suffix.get(s) or c.prefix.get(f)
