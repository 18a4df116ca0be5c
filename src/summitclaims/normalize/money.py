"""Find and normalise monetary amounts in plain text (pure: no spaCy, never raises).

``find_money(text)`` -> ``[(start, end, Money)]`` (char offsets, end exclusive); ``parse_money(phrase)``
-> ``Money | None``. The regexes are built once from the rule data in ``patterns/currencies.jsonl``,
``money_words.jsonl``, ``money_qualifiers.jsonl`` and ``money_periods.jsonl``.

How it works: single amounts (a currency before or after a number, with magnitudes) are found first;
ranges are then formed around them ("between 30 billion and 50 billion euros", "$30-50bn"), a
qualifier is looked for just before ("up to"), a period just after in the same clause ("over five
years"), and conversions / exchange-rate notes are linked ("109 billion euros ($112 billion)").
Wire comparisons give bare amounts the currency they are compared with ("136.6 mln dlrs from 127.4
mln"). European / machine-translated numbers ("1,5 Mrd.", "1.234,5 million", "10 000 euros") are
read with price-parser deciding the decimal separator; price-parser does not find amounts (it drops
magnitudes and reads one price per string).
Exchange-rate notes ("($1 = 0.9698 euros)") are kept, both sides marked ``rate_note`` (no period,
no actor, no conversion): a consumer drops them with one test, and they document the rate used.
Currency words shared by several countries ("crowns", "pesos", "francs") give ``currency`` None.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .. import resources
from ..values import Money
from .casefold import TO_ASCII

# A space inside an amount: wire copy breaks lines anywhere, but a blank line ends the amount.
_SP = (r"(?:[ \t\u00a0]{1,6}(?:\r?\n(?![ \t]*\r?\n)[ \t\u00a0]{0,8})?"
       r"|\r?\n(?![ \t]*\r?\n)[ \t\u00a0]{0,8})")
_MAX_VALUE = 1e18             # guards against absurd digit strings


def _alt(words, flags: str = "") -> str:
    """Regex alternation, longest first so that "us dollars" beats "dollars"."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", _SP) for w in parts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@dataclass(frozen=True)
class _Unit:
    iso: str | None
    factor: float = 1.0       # 0.01 for cents/pence, 1e6 for "MUSD"


class _Rules:
    """Compiled regexes and lookup tables, built once per process."""

    def __init__(self) -> None:
        cur_rows = resources.load_patterns("currencies")
        word_rows = resources.load_patterns("money_words")
        qual_rows = resources.load_patterns("money_qualifiers")
        period_rows = resources.load_patterns("money_periods")

        self.prefix: dict[str, _Unit] = {}     # key: folded symbol
        self.suffix: dict[str, _Unit] = {}
        self.codes: dict[str, _Unit] = {}      # key: upper-case code
        self.words: dict[str, _Unit] = {}      # key: folded word
        self.attached_not_after: dict[str, set[Decimal]] = {}
        self.singular_words: set[str] = set()
        prefix_cs, prefix_spaced, suffix_sym = [], [], []
        codes_upper, codes_any, words, attached = [], [], [], []
        for row in cur_rows:
            iso = row.get("iso")
            unit = _Unit(iso)
            minor = _Unit(iso, 0.01)
            for s in row.get("prefix", ()):
                self.prefix[_fold(s)] = unit
                prefix_cs.append(s)
            for s in row.get("spaced", ()):
                self.prefix[_fold(s)] = unit
                prefix_spaced.append(s)
            for s in row.get("suffix", ()):
                self.suffix[_fold(s)] = unit
                suffix_sym.append(s)
            for c in row.get("codes", ()):
                self.codes[c.upper()] = unit
                self.codes["M" + c.upper()] = _Unit(iso, 1e6)
                codes_upper += [c.upper(), "M" + c.upper()]
                if row.get("codes_any_case"):
                    codes_any += [c.lower(), "m" + c.lower()]
            for w in _with_wire_forms(row.get("words", ())):
                self.words[_fold(w)] = unit
                words.append(w)
            for w in row.get("minor", ()):
                self.words[_fold(w)] = minor
                words.append(w)
            for w in row.get("minor_attached", ()):
                self.suffix[_fold(w)] = minor
                attached.append(w)
                self.attached_not_after[_fold(w)] = {Decimal(n) for n in row.get("attached_not_after", ())}
            self.singular_words.update(_fold(w) for w in _with_wire_forms(row.get("singular", ())))

        self.mag: dict[str, float] = {}
        full, abbr, short = [], [], []
        self.numwords: dict[str, int] = {}
        self.fractions: dict[str, float] = {}
        self.change_words: set[str] = set()
        for row in word_rows:
            kind = row.get("kind")
            if kind == "magnitude":
                w = row["word"]
                self.mag[w.lower()] = float(row["factor"])
                (short if row.get("short") else abbr if row.get("abbr") else full).append(w)
            elif kind == "number":
                self.numwords[row["word"].lower()] = int(row["value"])
            elif kind == "fraction":
                self.fractions[_fold(row["phrase"])] = float(row["value"])
            elif kind == "change":
                self.change_words.add(row["word"].lower())

        self.qualifiers = {_fold(r["phrase"]): r["qualifier"] for r in qual_rows}
        self.period_units = {r["word"].lower(): r["code"] for r in period_rows if r.get("kind") == "unit"}
        self.period_phrases = {_fold(r["phrase"]): r["period"] for r in period_rows if r.get("kind") == "phrase"}

        # --- numbers and magnitudes -------------------------------------------------------------
        # English "1,234.5"; also European / machine-translated "1.234,5", "1,5" (a comma and one or
        # two digits is a decimal comma) and "10 000" (space-grouped thousands, never before a
        # magnitude: "on July 6 100 mln dlrs" is a date, then 100 mln).
        digits = (r"(?:\d{1,3}(?:\.\d{3})+,\d+(?![\d])"
                  r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
                  r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d]|[.,]\d)(?!\s*(?i:thousand|million|mln|billion|bn|bln|trillion|milliard|mrd|crore|lakh)\b)"
                  r"|\d+,\d{1,2}(?![\d]|[.,]\d)"
                  r"|\d+(?:\.\d+)?|\.\d+)")
        units = [w for w, v in self.numwords.items() if v < 20 or v == 12]
        tens = [w for w, v in self.numwords.items() if v >= 20 and v % 10 == 0 and w != "dozen"]
        one = _alt(units + tens)
        wordnum = (
            rf"(?:{_alt(tens)}[- ]{_alt(units)}|{one})"
            rf"(?:{_SP}hundred(?:{_SP}(?:and{_SP})?(?:{_alt(tens)}[- ]{_alt(units)}|{one}))?)?"
        )
        mag_word = (rf"(?:{_SP}?(?:-{_SP}?)?(?i:{_alt(full + abbr)})(?![A-Za-z])"
                    rf"|{_alt(short)}(?![A-Za-z]))")
        mag_short_upper = r"(?:[KMB](?![A-Za-z]))"
        mag = rf"(?:{mag_word}|{mag_short_upper})"
        frac = _alt(self.fractions, "i")
        # nm_pre follows a currency ("EUR200"); nm stands alone, so it must start a word.
        words_nm = (rf"|(?<![A-Za-z])(?i:{wordnum})(?![A-Za-z]){mag_word}{{0,2}}"
                    rf"|(?<![A-Za-z]){frac}(?:{mag_word}){{1,2}})")
        self.nummag_src = rf"(?:(?<![\w.,/]){digits}(?![\d]){mag}{{0,2}}" + words_nm
        nm_pre = rf"(?:{digits}(?![\d]|[.,]\d){mag}{{0,2}}" + words_nm
        self.nummag = re.compile(
            rf"(?P<num>{digits}|(?i:{wordnum})|{frac})(?P<mags>{mag}{{0,2}})$")
        self.mag_tokens = re.compile(rf"(?i:{_alt(full + abbr)})|{_alt(short)}|[KMB]")

        # --- currencies ---------------------------------------------------------------------------
        # "US$", "hk$": letter-led dollar signs in any case; other symbols exactly as written.
        dollar_led = [s for s in prefix_cs if "$" in s and s[0].isalpha()]
        pre_sym = _alt([s for s in prefix_cs if s not in dollar_led])
        pre_sym = f"(?:{_alt(dollar_led, 'i')}|{pre_sym})"
        spaced = "|".join(re.escape(s).replace(r"\ ", _SP + "?").replace(r"\$", r"\$")
                          for s in prefix_spaced)
        code_upper = _alt(codes_upper)
        code_any = _alt(codes_any)
        # Letter-led prefixes must start a word ("US$", not "BUS$"); symbols may follow anything.
        cur_pre = (rf"(?:(?<![A-Za-z])(?i:{spaced})|(?<![A-Za-z]){pre_sym}"
                   rf"|(?<![A-Za-z])(?:{code_upper}|{code_any})(?![A-Za-z]))")
        cur_word = rf"(?i:{_alt(words)})(?![A-Za-z])"
        cur_code = rf"(?:{code_upper}|{code_any})(?![A-Za-z])"
        # A suffix symbol must not start the next amount ("10 $ 30 $", not "2025 $500").
        cur_sym = rf"{_alt(suffix_sym)}(?!{_SP}?\d)"
        cur_suf = rf"(?:{_SP}?(?:-{_SP}?)?(?:{cur_word}|{cur_code}|{cur_sym})|{_alt(attached)}(?![A-Za-z]))"

        nm = self.nummag_src
        single = (
            # "$5.6 million", "US$ 4.7bn", "EUR200 billion", "Rs 500 crore"
            rf"(?P<pre>{cur_pre}){_SP}?(?P<pnum>{nm_pre})"
            # "75 USD million"
            rf"|(?P<cnum>{digits}){_SP}(?P<ccode>{cur_code}){_SP}(?P<cmag>(?i:{_alt(full + abbr)}))(?![A-Za-z])"
            # "3 billion euros", "109-billion-euro", "120 mln dlrs", "20€", "12p", "five million yen"
            rf"|(?P<snum>{nm})(?P<suf>{cur_suf})"
        )
        self.single = re.compile(single)
        # Where a single amount can begin, so that _singles tries `single` there only instead of
        # at every character (that scan was most of the finder's time): a digit run or ".5" not
        # after a word, a dot or a slash; the first character of a symbol; a word that is a code,
        # a letter-led symbol's letters ("US" of "US$"), a number word, or a fraction that a
        # magnitude may follow unspaced ("amillion"). tests/test_money_scan.py checks the result
        # equals single.finditer.
        words_at, fractions, syms = set(), set(), set()
        for w in [*prefix_cs, *prefix_spaced, *codes_upper, *codes_any, *units, *tens, *self.fractions]:
            head = re.match(r"[a-z]+", w.lower())
            if head:
                words_at.add(head.group())
                if head.group() == w.lower() and w in self.fractions:
                    fractions.add(w.lower())
            else:
                syms.update({w[0], w[0].lower(), w[0].upper()})
        self.start_words = frozenset(words_at)
        self.start_fractions = tuple(sorted(fractions))
        self.start_mags = tuple(sorted({m.group() for w in full + abbr + short
                                        if (m := re.match(r"[a-z]+", w.lower()))}))
        sym_class = "|[" + "".join(re.escape(c) for c in sorted(syms)) + "]" if syms else ""
        self.cand = re.compile(rf"\d+|\.(?=\d){sym_class}|([A-Za-z]+)")
        self.word_ok: dict[str, bool] = {}
        self.number_chars = "0123456789" if "." in syms else "0123456789."
        # "75 USD million" may begin inside a digit run ("1234,567 USD million" at "234"); texts
        # with a code between a number and a magnitude are scanned whole
        self.code_mag = re.compile(rf"\d{_SP}{cur_code}{_SP}(?i:{_alt(full + abbr)})(?![A-Za-z])")
        # The low end of a range, written before a found amount (which is the high end).
        low = rf"(?:(?P<lpre>{cur_pre}){_SP}?(?P<lpnum>{nm_pre})|(?P<lnum>{nm})(?P<lsuf>{cur_suf})?)"
        self.range_back = re.compile(
            rf"(?:(?<![A-Za-z])(?P<kw>(?i:between|from))\s+)?{low}\s*(?P<conn>-|–|—|(?i:to|and)(?![A-Za-z]))\s*$")
        # The high end written bare after a found amount ("$30-50bn", "$1 to 2 million").
        self.range_fwd = re.compile(rf"\s*(?P<conn>-|–|—|(?i:to|and)(?![A-Za-z]))\s*(?P<hnum>{nm_pre})(?P<hsuf>{cur_suf})?")
        # Wire style "rose to 136.6 mln dlrs from 127.4 mln": a bare number with a magnitude after a
        # comparison word, shortly after an amount, is in that amount's currency.
        self.carry = re.compile(
            rf"(?<![A-Za-z])(?i:from|against|versus|vs\.?|compared{_SP}(?:with|to)|(?:up|down){_SP}from)"
            rf"{_SP}(?P<num>{digits})(?![\d]|[.,]\d)(?P<mags>{mag_word})"
            r"(?=\s*(?:[.,;:)]|$)|\s+(?i:in|a|an|the|for|at|on|last|previously|earlier|during|year|and|or|to)\b)")
        self.sentence_break = re.compile(r"[.!?;]\s+[A-Z\"“]|\n[ \t]*\n|\d")
        # "a $100 million-plus deal", "$1bn+": a trailing plus is "more than".
        self.plus_after = re.compile(r"(?:-?(?i:plus)(?![A-Za-z])|\+(?![\w]))")
        self.conn_end = re.compile(r"(?:-|–|—|(?<![A-Za-z])(?i:to|and))\s*$")
        self.last_word = re.compile(r"([A-Za-z]+)\W*$")
        self.kw_before = re.compile(r"(?i:\b(?:between|from))\s+$")
        self.qual_back = re.compile(
            rf"(?:^|(?<=[\s(\[,;:\"'“‘—–-]))(?P<q>(?i:{_alt(self.qualifiers)}))\s*$")

        nums = rf"(?:\d+|(?i:{wordnum})|a|an|the)"
        unit_words = _alt(self.period_units, "i")
        phrases = _alt(self.period_phrases).replace(_SP, r"[\s-]{1,3}")     # "$2bn-a-year"
        self.period_re = re.compile(
            rf"(?<![A-Za-z])(?i:over|across|during|within|spread{_SP}over|in{_SP}the{_SP}(?:next|coming))"
            rf"\s+(?:(?i:the)\s+)?(?:(?i:next|coming|following|first)\s+)?"
            rf"(?:(?P<n>{nums})(?:\s+|-))?(?P<unit>{unit_words})(?![A-Za-z])"
            rf"|(?<![A-Za-z])(?P<ph>(?i:{phrases}))(?![A-Za-z])"
            rf"(?!\s+(?i:ago|earlier|before|later|after|from|of|on)\b)"
        )
        # "a five-year, €10 billion programme": the period written just before the amount.
        self.period_before = re.compile(
            rf"(?<![A-Za-z])(?P<n>\d+|(?i:{wordnum}))-(?P<unit>(?i:year|month|week|day|decade))"
            rf"(?:-long)?[ \t,]*$")
        # A period ends at a clause boundary or a line break.
        self.clause_end = re.compile(r"[.!?;:](?=\s|$)|[,\n\r(\u2014]|\s[-\u2013]\s")
        # "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars and 50."
        self.minor_after = re.compile(rf"{_SP}(?:(?i:and){_SP})?$")
        self.bare_minor = re.compile(
            rf"{_SP}(?:(?i:and){_SP})?(?P<n>\d{{1,2}}|(?i:{wordnum}))(?![\w,.]\w)(?=\s*(?:[.,;!?)]|$))")
        self.rate_between = re.compile(r"^\s*=\s*$")
        self.conv_between = re.compile(r"^\s*(?:\(\s*|\[\s*|,?\s+or\s+|/\s*)$", re.I)
        self.wordnum_re = re.compile(
            rf"(?i)(?:(?P<t>{_alt(tens)})[- ](?P<u>{_alt(units)})|(?P<o>{one}))"
            rf"(?:{_SP}hundred(?:{_SP}(?:and{_SP})?(?:(?P<t2>{_alt(tens)})[- ](?P<u2>{_alt(units)})|(?P<o2>{one})))?)?$")
        self.hundred_re = re.compile(r"(?i)hundred")

    # ------------------------------------------------------------------------------------------
    def number(self, s: str) -> Decimal | None:
        s = s.strip()
        if not s:
            return None
        if s[0].isdigit() or s[0] == ".":
            return _digits_value(s)
        f = _fold(s)
        if f in self.fractions:
            return Decimal(str(self.fractions[f]))
        m = self.wordnum_re.match(s)
        if not m:
            return None
        nw = self.numwords

        def part(t, u, o):
            if o:
                return nw.get(o.lower(), 0)
            return nw.get((t or "").lower(), 0) + nw.get((u or "").lower(), 0)

        head = part(m.group("t"), m.group("u"), m.group("o"))
        if self.hundred_re.search(s):
            head = head * 100 + part(m.group("t2"), m.group("u2"), m.group("o2"))
        return Decimal(head)

    def nummag_value(self, s: str) -> tuple[Decimal | None, Decimal | None]:
        """(number, magnitude factor or None) of "1.5 billion", "30", "half a billion"."""
        m = self.nummag.match(s.strip())
        if not m:
            return None, None
        n = self.number(m.group("num"))
        factor = None
        for tok in self.mag_tokens.findall(m.group("mags")):
            f = self.mag.get(tok.lower())
            if f is not None:
                factor = (factor or Decimal(1)) * Decimal(str(f))
        return n, factor


def _fold(s: str) -> str:
    return " ".join(s.lower().split())


# a number right after these (or after a letter or digit) does not begin an amount
_AFTER_NUMBER = frozenset(".,/_")


def _starts_amount(r: _Rules, word: str) -> bool:
    key = word.lower()
    if key in r.start_words:
        return True
    return any(key.startswith(f) and key[len(f):].startswith(r.start_mags) for f in r.start_fractions)


def _singles(r: _Rules, text: str):
    """``r.single.finditer(text)``, trying only the places where an amount can begin."""
    # a code between number and magnitude may start mid-run; folding letters defeat the word check
    if r.code_mag.search(text) or any(c in text for c in TO_ASCII):
        yield from r.single.finditer(text)
        return
    rx, ok, pos = r.single, r.word_ok, 0
    for c in r.cand.finditer(text):
        p = c.start()
        if p < pos:
            continue
        word = c.group(1)
        if word is not None:
            good = ok.get(word)
            if good is None:
                if len(ok) > 20_000:         # bounded: memory must not grow with the input
                    ok.clear()
                good = ok[word] = _starts_amount(r, word)
            if not good:
                continue
        elif p and c.group()[0] in r.number_chars and (text[p - 1].isalnum() or text[p - 1] in _AFTER_NUMBER):
            continue
        m = rx.match(text, p)
        if m:
            yield m
            pos = m.end()


def _with_wire_forms(words) -> list[str]:
    """Each "... dollar(s)" name plus its wire-copy form "... dlr(s)" ("12 mln Taiwan dlrs")."""
    out = list(words)
    out += [w.replace("dollars", "dlrs").replace("dollar", "dlr") for w in words if "dollar" in w.lower()]
    return out


_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")
_EURO_STYLE = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$|^\d+,\d{1,2}$")


def _digits_value(s: str) -> Decimal | None:
    """Value of a digit string the finder matched; price-parser decides which separator is the
    decimal one in European / machine-translated numbers ("1.234,5", "1,5")."""
    s = s.translate(_SPACES)
    if _EURO_STYLE.match(s):
        amount = _price_amount(s)
        if amount is not None:
            return amount
        s = s.replace(".", "").replace(",", ".")
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _price_amount(s: str) -> Decimal | None:
    try:
        from price_parser import Price
    except ImportError:     # an optional speed-up of nothing: the fallback is the same rule
        return None
    try:
        amount = Price.fromstring(s).amount
    except Exception:  # noqa: BLE001 - a parser bug must not break extraction
        return None
    return amount if isinstance(amount, Decimal) else None


@lru_cache(maxsize=1)
def rules() -> _Rules:
    return _Rules()


# ------------------------------------------------------------------------------------------------
@dataclass
class _Hit:
    start: int
    end: int
    unit: _Unit
    num: Decimal | None
    factor: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: str | None = None
    period: str | None = None


def _finite(x: Decimal | None) -> float | None:
    if x is None:
        return None
    try:
        v = float(x)
    except (OverflowError, ValueError):
        return None
    if not math.isfinite(v) or v < 0 or v > _MAX_VALUE:
        return None
    return v


def _unit_of_prefix(r: _Rules, s: str) -> _Unit | None:
    s = s.strip()
    if s.isalpha() and (s.isupper() or s.islower()) and s.upper() in r.codes:
        return r.codes[s.upper()]
    return r.prefix.get(_fold(s)) or r.prefix.get(_fold(s).replace(" ", ""))


def _unit_of_suffix(r: _Rules, s: str) -> _Unit | None:
    s = s.strip(" \t\u00a0-")
    f = _fold(s)
    if f in r.words:
        return r.words[f]
    if s.upper() in r.codes and (s.isupper() or s.islower()):
        return r.codes[s.upper()]
    return r.suffix.get(f) or r.suffix.get(s)


def _single(r: _Rules, m: re.Match) -> _Hit | None:
    if m.group("pre") is not None:
        unit = _unit_of_prefix(r, m.group("pre"))
        num, factor = r.nummag_value(m.group("pnum"))
    elif m.group("ccode") is not None:
        unit = _unit_of_suffix(r, m.group("ccode"))
        num = r.number(m.group("cnum"))
        factor = Decimal(str(r.mag.get(m.group("cmag").lower(), 1.0)))
    else:
        unit = _unit_of_suffix(r, m.group("suf"))
        num, factor = r.nummag_value(m.group("snum"))
        if num is not None and factor is None and _not_an_amount(r, m.group("snum"), m.group("suf"), num):
            return None
    if unit is None or num is None:
        return None
    return _Hit(m.start(), m.end(), unit, num, factor)


def _not_an_amount(r: _Rules, num_text: str, suffix: str, num: Decimal) -> bool:
    """"1080p" is a video resolution; "the 2025 euro area" a year before the currency's name."""
    suf = _fold(suffix.strip(" \t\u00a0-"))
    if suf in r.attached_not_after and num in r.attached_not_after[suf]:
        return True
    return (suf in r.singular_words and num_text.strip().isdigit() and len(num_text.strip()) == 4
            and 1900 <= num <= 2100)


def _scaled(h_num: Decimal | None, factor: Decimal | None, unit: _Unit) -> Decimal | None:
    if h_num is None:
        return None
    v = h_num * (factor if factor is not None else 1) * Decimal(str(unit.factor))
    return v


def _try_range_back(r: _Rules, text: str, hit: _Hit, prev_end: int) -> tuple[_Hit, bool] | None:
    """Extend ``hit`` (the high end) leftwards over a low end; True when it swallowed the previous hit.

    The low end may be the previous hit itself: "$30bn-$50bn", "from $1bn to $2bn".
    """
    lo = max(0, hit.start - 80)
    window = text[lo:hit.start]
    if not r.conn_end.search(window):
        return None       # cheap test first: most amounts follow no "-", "to" or "and"
    m = r.range_back.search(window)
    if not m:
        return None
    kw, conn = m.group("kw"), m.group("conn").lower()
    if conn == "and" and not kw:
        return None
    if conn == "to" and not kw and (m.group("lpre") or m.group("lsuf")):
        # "$60 billion to $65 billion" is a range; "rose 35 mln dlrs to 339 billion dlrs" a change
        prev_word = r.last_word.search(window, 0, m.start())
        if prev_word is not None and prev_word.group(1).lower() in r.change_words:
            return None
    if conn in "-–—" and not kw and (window[m.start("conn") - 1: m.start("conn")].isspace()
                                     and window[m.end("conn"):].strip() == "" and window.endswith(" ")):
        return None       # "Article 3 - $5 million": a separator, not a range
    low_unit = None
    if m.group("lpre"):
        low_unit = _unit_of_prefix(r, m.group("lpre"))
        lnum, lfactor = r.nummag_value(m.group("lpnum"))
    else:
        if m.group("lsuf"):
            low_unit = _unit_of_suffix(r, m.group("lsuf"))
            if low_unit is None:
                return None
        lnum, lfactor = r.nummag_value(m.group("lnum"))
    if low_unit is not None and low_unit.iso != hit.unit.iso:
        return None
    if lnum is None:
        return None
    unit = low_unit or hit.unit
    high = _scaled(hit.num, hit.factor, hit.unit)
    low = _bare_low(lnum, lfactor, hit.factor, unit, high, has_currency=low_unit is not None)
    if low is None:
        return None
    start = lo + m.start()
    return _Hit(start, hit.end, hit.unit, None, None, low=low, high=high), start < prev_end


def _bare_low(lnum, lfactor, hfactor, unit, high, has_currency) -> Decimal | None:
    """The low end's value: a missing magnitude is borrowed from the high end when that fits."""
    if high is None:
        return None
    if lfactor is None and hfactor is not None:
        borrowed = lnum * hfactor * Decimal(str(unit.factor))
        if borrowed <= high:
            return borrowed
        if not has_currency:
            return None         # "2019 to $5 billion": a year, not a range
    low = lnum * (lfactor if lfactor is not None else 1) * Decimal(str(unit.factor))
    if lfactor is None and hfactor is None and low > 0 and high > 100 * low:
        return None       # "1.5110-5120 stg": a quote shorthand, not a range
    return low if low <= high else None


def _try_range_fwd(r: _Rules, text: str, hit: _Hit, before: str) -> _Hit | None:
    """Extend ``hit`` (the low end) rightwards over a bare high end: "$30-50bn", "$1 to 2 million"."""
    m = r.range_fwd.match(text, hit.end, min(len(text), hit.end + 60))
    if not m:
        return None
    conn = m.group("conn").lower()
    hnum, hfactor = r.nummag_value(m.group("hnum"))
    if hnum is None:
        return None
    kw = r.kw_before.search(before)
    if conn in ("and", "to") and not kw:
        return None       # "rose 5 mln dlrs to 40 mln": a change, not a range
    if conn == "to" and hfactor is None:
        return None
    if m.group("hsuf"):
        hunit = _unit_of_suffix(r, m.group("hsuf"))
        if hunit is None or hunit.iso != hit.unit.iso or hunit.factor != hit.unit.factor:
            return None
    if m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] in "$€£"):
        return None
    if conn in "-–—" and (text[m.start("conn") - 1].isspace() or text[m.end("conn")].isspace()):
        return None       # "$500 million - 2025": a separator, not a range
    high = _scaled(hnum, hfactor if hfactor is not None else hit.factor, hit.unit)
    low = _bare_low(hit.num, hit.factor, hfactor, hit.unit, high, has_currency=True)
    if low is None or high is None:
        return None
    start = hit.start - (len(before) - kw.start()) if kw else hit.start
    return _Hit(start, m.end(), hit.unit, None, None, low=low, high=high)


def _merge_minor(r: _Rules, text: str, hits: list[_Hit]) -> list[_Hit]:
    """Join a whole amount and its cents: "3 dollars 50 cents", "15 dollars and 50."."""
    out: list[_Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if (prev is not None and prev.low is None and prev.factor is None and prev.unit.factor == 1
                and h.low is None and h.factor is None and h.unit.factor == 0.01
                and h.unit.iso == prev.unit.iso and r.minor_after.match(text[prev.end:h.start])):
            prev.num = prev.num + (h.num or 0) / 100
            prev.end = h.end
            continue
        out.append(h)
    for h in out:
        if h.low is None and h.factor is None and h.unit.factor == 1 and h.num is not None \
                and h.num == int(h.num):
            m = r.bare_minor.match(text, h.end)
            if m:
                cents = r.number(m.group("n"))
                if cents is not None and cents < 100:
                    h.num += cents / 100
                    h.end = m.end()
    return out


def _period(r: _Rules, text: str, start: int, stop: int) -> str | None:
    window = text[start:stop]
    cut = r.clause_end.search(window)
    if cut:
        window = window[: cut.start()]
    m = r.period_re.search(window)
    if not m:
        return None
    if m.group("ph"):
        return r.period_phrases.get(_fold(m.group("ph").replace("-", " ")))
    code = r.period_units.get(m.group("unit").lower())
    if not code:
        return None
    n_txt = (m.group("n") or "").strip()
    if n_txt.lower() in ("", "a", "an", "the"):
        n = 1
    else:
        d = r.number(n_txt)
        if d is None or d <= 0 or d != int(d) or d > 1000:
            return None
        n = int(d)
    return code.replace("{n10}", str(n * 10)).replace("{n}", str(n))


def _period_before(r: _Rules, text: str, start: int) -> str | None:
    m = r.period_before.search(text, max(0, start - 40), start)
    if not m:
        return None
    n = r.number(m.group("n"))
    code = r.period_units.get(m.group("unit").lower())
    if n is None or code is None or n <= 0 or n != int(n) or n > 1000:
        return None
    return code.replace("{n10}", str(int(n) * 10)).replace("{n}", str(int(n)))


def _money(text: str, h: _Hit) -> Money:
    raw = text[h.start:h.end]
    if h.low is not None:
        return Money(raw=raw, low=_finite(h.low), high=_finite(h.high), currency=h.unit.iso,
                     qualifier=h.qualifier, period=h.period)
    return Money(raw=raw, value=_finite(_scaled(h.num, h.factor, h.unit)), currency=h.unit.iso,
                 qualifier=h.qualifier, period=h.period)


def _carry_currency(r: _Rules, text: str, hits: list[_Hit]) -> list[_Hit]:
    """Add the bare comparison amounts of wire copy: "136.6 mln dlrs from 127.4 mln" -> 127.4 mln dlrs.

    Only right after an amount (nothing but words between, same sentence) and only with a magnitude,
    so that "5 mln dlrs vs 17 pct" or a later unrelated "from 20 mln" is left alone."""
    if not hits:
        return hits
    out: list[_Hit] = []
    for i, h in enumerate(hits):
        out.append(h)
        if h.low is not None or h.factor is None:
            continue
        stop = hits[i + 1].start if i + 1 < len(hits) else len(text)
        m = r.carry.search(text, h.end, min(stop, h.end + 60))
        if not m or r.sentence_break.search(text, h.end, m.start()):
            continue
        num, factor = r.nummag_value(m.group("num") + m.group("mags"))
        if num is None or factor is None:
            continue
        out.append(_Hit(m.start("num"), m.end("mags"), h.unit, num, factor))
    return out


def _find(text: str) -> list[tuple[int, int, Money]]:
    r = rules()
    hits: list[_Hit] = []
    for m in _singles(r, text):
        h = _single(r, m)
        if h is None:
            continue
        prev_end = hits[-1].end if hits else -1
        back = _try_range_back(r, text, h, prev_end)
        if back is not None:
            rng, swallowed = back
            if swallowed:
                if hits[-1].start < rng.start:
                    # the low end overlapped only part of the previous hit: keep the hit alone
                    hits.append(h)
                    continue
                hits.pop()
            hits.append(rng)
            continue
        fwd = _try_range_fwd(r, text, h, text[max(0, h.start - 20):h.start])
        hits.append(fwd or h)
    hits = _merge_minor(r, text, hits)
    hits = _carry_currency(r, text, hits)
    # A forward range may now overlap the next hit; drop hits swallowed by their predecessor.
    clean: list[_Hit] = []
    for h in hits:
        if clean and h.start < clean[-1].end:
            continue
        clean.append(h)
    for i, h in enumerate(clean):
        plus = r.plus_after.match(text, h.end)
        if plus and h.low is None:
            h.qualifier = "more_than"
            h.end = plus.end()
        q = r.qual_back.search(text, max(0, h.start - 30), h.start)
        if q and (i == 0 or q.start() >= clean[i - 1].end):
            h.qualifier = r.qualifiers.get(_fold(q.group("q")))
            h.start = q.start()
        stop = clean[i + 1].start if i + 1 < len(clean) else len(text)
        h.period = _period(r, text, h.end, min(stop, h.end + 160)) or _period_before(r, text, h.start)
    out = [(h.start, h.end, _money(text, h)) for h in clean]
    _link(r, text, out)
    return [o for o in out if o[2].value is not None or o[2].low is not None]


def _link(r: _Rules, text: str, out: list[tuple[int, int, Money]]) -> None:
    """Exchange-rate notes ("$1 = 0.9698 euros") and conversions ("109 billion euros ($112 billion)")."""
    for (s1, e1, a), (s2, e2, b) in zip(out, out[1:]):
        between = text[e1:s2]
        if r.rate_between.match(between):
            a.rate_note = b.rate_note = True
            a.period = b.period = None
        elif r.conv_between.match(between) and a.currency != b.currency and not (a.rate_note or b.rate_note):
            a.equivalent_of, b.equivalent_of = s2, s1
            # the conversion shares the original's period ("€150 billion ($156 billion) over five years")
            a.period = a.period or b.period
            b.period = b.period or a.period


def find_money(text: str) -> list[tuple[int, int, Money]]:
    """All amounts in ``text`` as (start, end, Money); the span includes a leading qualifier."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _find(text)
    except (ValueError, ArithmeticError, IndexError, KeyError, TypeError, RecursionError):
        return []


def parse_money(text: str) -> Money | None:
    """The one amount of a short phrase ("up to $500 billion"), or None."""
    found = find_money(text)
    if not found:
        return None
    return found[0][2]
