"""Actor names as plain strings: canonical forms, surname keys, particles, initials, fuzzy matching.

Total functions: any string in, a string (or bool) out, never an exception.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Collection

from cleanco import basename
from rapidfuzz.distance import Levenshtein

from .folds import name_key as fold

# Lower-case name particles ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
PARTICLES = frozenset([
    "von", "van", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos", "du", "la", "le", "zu",
    "ter", "ten", "bin", "ibn", "al", "el",
])
_WS = re.compile(r"\s+")
# what clean_surface strips off both ends of a name
_EDGE = re.compile(
    r"""
    ^[\W_]+           # leading punctuation, quotes, bullets
    | [\W_]+$         # trailing ones (a dotted abbreviation gets its dot back)
    """,
    re.VERBOSE,
)
# a name ending in a dotted abbreviation ("U.S.", "the U.N."), whose last dot is part of it
_ABBREV = re.compile(
    r"""
    (?:^|\s)          # a word of its own
    (?:[A-Za-z]\.){2,} # of two or more dotted letters
    $                 # at the end of the name
    """,
    re.VERBOSE,
)
# a leading article, not part of the name ("the EU")
_DETERMINER = re.compile(
    r"""
    ^(?:the|a|an)     # the article, any case
    \s+               # followed by the name
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CAMEL = re.compile(r"[a-z][A-Z]")              # a capital right after a lower-case letter
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+")        # "U.S.": letters each followed by a dot


def strip_possessive(text: str) -> str:
    """"France's" -> "France"; "Reuters'" keeps its s ("s'" only drops the mark)."""
    text = str(text or "").strip()
    if text[-2:].lower() in ("'s", "’s", "`s", "´s"):
        return text[:-2]
    if text[-1:] in ("'", "’") and text[-2:-1].lower() == "s":
        return text[:-1]
    if text[-2:] == '"s' and text[-3:-2].isalpha():       # old wire style: 'Ecuador"s'
        return text[:-2]
    return text


def clean_surface(text: str) -> str:
    """Spaces collapsed, edge punctuation/quotes, a leading article and a possessive removed."""
    text = _WS.sub(" ", str(text or "")).strip()
    keep_dot = bool(_ABBREV.search(text))      # "U.S." keeps its final dot
    text = _EDGE.sub("", text) + ("." if keep_dot else "")
    text = _DETERMINER.sub("", text)
    return strip_possessive(text).strip()


def name_tokens(name: str) -> list[str]:
    """The words of a name, split at any whitespace."""
    return [t for t in _WS.split(str(name or "").strip()) if t]


def split_name(name: str) -> tuple[list[str], list[str]]:
    """(given names, surname tokens); particles before the last name belong to the surname, a
    generational suffix after it ("Jr.", "III") to neither."""
    toks = name_tokens(name)
    while len(toks) > 2 and is_name_suffix(toks[-1]):
        toks = toks[:-1]
    if len(toks) <= 1:
        return [], toks
    i = len(toks) - 1
    while i > 0 and toks[i - 1].lower() in PARTICLES:
        i -= 1
    if i == 0:          # "Von der Leyen": no given name, all surname
        return [], toks
    return toks[:i], toks[i:]


def is_name_suffix(word: str) -> bool:
    """"Jr.", "Sr", "III", "Esq.": a suffix after a person's name, by nameparser's table (loaded only
    for a short last word, the only kind that can be one)."""
    key = word.lower().strip(".,")
    if not key or len(key) > _SUFFIX_MAX or not key.replace(".", "").isalpha():
        return False
    return key in _name_suffixes()


@lru_cache(maxsize=1)
def _name_suffixes() -> frozenset[str]:
    try:
        from nameparser.config import CONSTANTS
    except ImportError:                              # names then keep their suffix in the surname
        return frozenset()
    return frozenset(CONSTANTS.suffix_not_acronyms) - _NOT_SUFFIXES


def canonical_person(name: str) -> str:
    """Spacing and particle case normalised: "Ursula von Der Leyen" -> "Ursula von der Leyen"."""
    toks = name_tokens(clean_surface(name))
    out = []
    for i, tok in enumerate(toks):
        if 0 < i < len(toks) - 1 and tok.lower() in PARTICLES:
            tok = tok.lower()
        out.append(tok)
    return " ".join(out)


def surname_key(name: str) -> str:
    """Folded surname with its particles: "Von Der Leyen" and "Ursula von der Leyen" -> "von der leyen"."""
    _, surname = split_name(canonical_person(name))
    return fold(" ".join(surname))


def given_key(name: str) -> str:
    """Folded given names: "Ursula von der Leyen" -> "ursula" (empty for a surname alone)."""
    given, _ = split_name(canonical_person(name))
    return fold(" ".join(given))


def surname_core(key: str) -> str:
    """The surname key without particles (compare "leyen" with "reyen")."""
    toks = [t for t in str(key or "").split() if t not in PARTICLES]
    return " ".join(toks) or str(key or "")


TYPO_FROM = 5           # letters: shorter surnames tolerate no typo (Lee/Lei are different people)
TWO_TYPOS_FROM = 9      # letters: from this length two typos are still the same surname


def max_edits(length: int) -> int:
    """Typos tolerated for a surname of that length: none for short names (Lee/Lei are different people)."""
    if length < TYPO_FROM:
        return 0
    return 1 if length < TWO_TYPOS_FROM else 2


def near_surname(a: str, b: str) -> bool:
    """Same surname up to a typo ("von der Leyen" ~ "von der Reyen"); particles must agree."""
    ka, kb = surname_key(a), surname_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    pa = [t for t in ka.split() if t in PARTICLES]
    pb = [t for t in kb.split() if t in PARTICLES]
    if pa != pb:
        return False
    ca, cb = surname_core(ka), surname_core(kb)
    limit = max_edits(min(len(ca), len(cb)))
    return limit > 0 and Levenshtein.distance(ca, cb, score_cutoff=limit) <= limit


def compatible_given(a: str, b: str) -> bool:
    """Given names do not contradict: one missing, equal, an initial, or a typo of the other."""
    ga, gb = given_key(a), given_key(b)
    if not ga or not gb or ga == gb:
        return True
    fa, fb = ga.split()[0], gb.split()[0]
    if fa.rstrip(".") == fb.rstrip(".") or (len(fa.rstrip(".")) == 1 and fb.startswith(fa[0])) or (
        len(fb.rstrip(".")) == 1 and fa.startswith(fb[0])
    ):
        return True
    limit = max_edits(min(len(fa), len(fb)))
    return limit > 0 and Levenshtein.distance(fa, fb, score_cutoff=limit) <= limit


def is_camel(token: str) -> bool:
    """Internal capital after lower case ("InvestAI", "GigaFactories"): brand/product-style names."""
    token = str(token or "")
    return bool(_CAMEL.search(token))


# Words skipped when reading initials: "Organisation for Economic Co-operation and Development" -> OECD.
_INITIAL_SKIP = frozenset(["of", "for", "and", "the", "de", "des", "du", "la", "le", "et", "&", "in", "on", "to"])
_ACRONYM = re.compile(
    r"""
    ^(?:[A-Z]\.){2,}$        # dotted capitals: "U.N.", "U.S.A."
    | ^[A-Z][A-Z&]{1,7}$     # 2-8 capitals, "&" inside: "IBM", "AT&T"
    """,
    re.VERBOSE,
)


def is_acronym(text: str) -> bool:
    """"IBM", "OECD", "U.N." (2-8 capitals); not "Inc" nor a word in capitals of one letter."""
    return bool(_ACRONYM.match(str(text or "").strip()))


def initials(name: str) -> str:
    """Capital initials of a name's words, function words skipped; hyphenated words give one
    letter ("Co-operation" -> C); a dotted abbreviation gives its letters ("U.S." -> US)."""
    out = []
    for tok in name_tokens(str(name or "").replace("/", " ")):
        if tok.lower() in _INITIAL_SKIP or tok[:1].islower():
            continue
        letters = tok.replace(".", "") if _DOTTED.fullmatch(tok) else tok[:1]
        if not letters[:1].isalpha():
            continue
        out.append(letters.upper())
    return "".join(out)


_SUFFIX_MAX = 7         # letters: "esquire"; longer last words are never looked up as a suffix
_NOT_SUFFIXES = frozenset(("2", "v", "i"))   # an initial or a digit at a name's end is no suffix in news
_SPELLED_OUT = frozenset(("corporation", "company", "incorporated", "limited", "cooperative", "co-operative"))
_PLURAL_FROM = 3      # letters: "systems" and "system" are one word in a company's name; "bus" stays
_SUFFIX_JOINERS = ("and", "&")            # "Goldman, Sachs and Co": the word joining a suffix goes with it
_LOWER_IN_PLACES = ("of", "and", "upon", "on")   # small words that stay lower case: "Stratford upon Avon"


def strip_legal_suffix(name: str, suffixes: Collection[str]) -> str:
    """"Ford Motor Co" -> "Ford Motor", "Goldman, Sachs and Co" -> "Goldman, Sachs": a comparison
    form; nothing stripped when that would leave nothing."""
    toks = name_tokens(name)
    end = len(toks)
    while end > 1 and toks[end - 1].lower().rstrip(",") in suffixes:
        end -= 1
        if end > 1 and toks[end - 1].lower() in _SUFFIX_JOINERS:
            end -= 1
    return " ".join(toks[:end]).rstrip(" ,") if end else str(name or "")


@lru_cache(maxsize=1 << 14)
def legal_base(name: str) -> str:
    """A company's name without its legal form, by cleanco's table of legal forms of many
    countries ("Super Micro Computer, Inc." -> "Super Micro Computer", "Elkem A/S" -> "Elkem"); the
    name as it is when nothing would be left ("Inc") or the form is spelled out as part of an
    institution's name ("Commodity Credit Corporation", "British Broadcasting Corporation")."""
    try:
        base = basename(name).strip(" ,")
    except Exception:                                # cleanco's regexes on odd text: keep the name
        return name
    words = base.split()
    if len(words) > 1 and words[-1].lower() in _SUFFIX_JOINERS:
        base = " ".join(words[:-1]).rstrip(" ,")     # "Goldman, Sachs and Co": the "and" goes with the form
    dropped = name_tokens(name)[len(name_tokens(base)):]
    if not base or any(w.lower().strip(".,") in _SPELLED_OUT for w in dropped):
        return name
    return base


def org_key(name: str, suffixes: Collection[str]) -> str:
    """How two names of one company are compared: folded, legal suffix off, each word singular
    ("ETA Systems Inc", "ETA System" -> "eta system")."""
    words = fold(strip_legal_suffix(name, suffixes)).split()
    return " ".join(w[:-1] if len(w) > _PLURAL_FROM and w.endswith("s") and not w.endswith("ss") else w
                    for w in words)


def title_case(text: str) -> str:
    """A name written in capitals in its usual case ("SANTA CRUZ" -> "Santa Cruz"); other text as is."""
    text = _WS.sub(" ", str(text or "")).strip()
    if not text.isupper():
        return text
    out = []
    for i, w in enumerate(text.split()):
        low = w.lower()
        out.append(low if i and (low in PARTICLES or low in _LOWER_IN_PLACES) else w.title())
    return " ".join(out)                                 # "RIO DE JANEIRO" -> "Rio de Janeiro"


def written_in_lower(text: str, name: str) -> str | None:
    """The first whole-word occurrence of ``name`` in ``text``, in any case, that has a lower-case
    letter ("American Express" for "AMERICAN EXPRESS"), or None.

    What ``re.finditer(r"(?<!\\w)NAME(?!\\w)", text, re.IGNORECASE)`` finds, without compiling a
    pattern per name (a component asks this of many names per article): for ASCII text and name,
    whose case folding is ``str.lower()``'s and whose word characters are letters, digits and "_",
    the same left-to-right, non-overlapping scan over ``text.lower()``; any other text the regex."""
    if not name:
        return None
    if not (text.isascii() and name.isascii()):
        pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
        return next((m.group(0) for m in re.finditer(pattern, text, re.IGNORECASE)
                     if any(c.islower() for c in m.group(0))), None)
    low, want, size = text.lower(), name.lower(), len(name)
    at = low.find(want)
    while at >= 0:
        end = at + size
        if (at == 0 or not _ascii_word(text[at - 1])) and (end == len(text) or not _ascii_word(text[end])):
            found = text[at:end]
            if any(c.islower() for c in found):
                return found
            at = low.find(want, end)        # a match ends where the next search starts
        else:
            at = low.find(want, at + 1)
    return None


def _ascii_word(char: str) -> bool:
    return char.isalnum() or char == "_"
