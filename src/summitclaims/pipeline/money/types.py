"""What kind of money an amount is: a ``commitment`` (pledge, investment, deal value), a ``revenue``
(sales, profit, earnings), a ``valuation``, a ``price``, a ``rate`` or ``other``; decided from the
words that govern it, read from ``patterns/money_types.jsonl``.

The nearest governing word decides, in this order:

1. the noun the amount measures: "a $5bn *deal*", "$5bn in *revenue*", "a *loss* of $5m";
2. climbing the parse: a noun the amount hangs on ("its *valuation* of $3tn"), the verb it is the
   object of ("*pledged* $5bn"); after a change verb ("*rose* to $5bn", "was $5bn"), or any verb
   reached through a preposition ("*closed* at $250"), that verb's object or subject noun first
   ("its price *target* to $150", "*shares* closed at");
3. a unit right after the amount: "a share", "per barrel", "an hour" (after an earnings or
   dividend noun "a share" stays what that noun says: "15 cts a share" of profit is earnings);
4. the nearest cue word before the amount on its line, for tables and unparsed text
   ("Net 12.6 mln dlrs", "Shr one dlr vs 73 cts");
5. else ``other``, with no cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from ... import resources
from . import labels as L

TYPES = ("commitment", "revenue", "valuation", "price", "rate", "other")
MAX_CLIMB = 10            # parse steps from the amount; further up is another clause's matter
LOOK_BACK = 8             # words before the amount on its line searched by the lexical fallback
LINE_WINDOW = 600         # characters before the amount those words are looked for in
# the measured noun an amount modifies: "a $5bn deal", "a 2.5 million fine"
MEASURE_DEPS = frozenset(("compound", "nummod", "amod", "nmod", "quantmod", "npadvmod", "appos"))
# an amount's own complements that say what it is: "$5bn of investment", "$5bn in revenue"
OWN_PREPS = frozenset(("of", "in", "for"))
# how an amount reaches a verb through a preposition: "rose to", "closed at", "from $120"
VIA_PREP = frozenset(("to", "from", "at", "by", "around", "above", "below", "near", "over", "under",
                      "about", "of", "with", "than", "for", "in"))
PAYING = frozenset(("pay",))
_PER_CURRENCY = re.compile(r"\s*(?:to|against|per)\s+(?:the|a|one|each)\s+(?P<cur>[A-Za-z]+)\b", re.I)
_UNIT = re.compile(r"\s*(?:(?:an|a|per|each)\s+|/\s*)(?P<unit>[A-Za-z]+)\b|\s*(?P<each>each)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
LABELS = frozenset(("note", "notes"))   # before a colon, a note to the text
NET_WORDS = frozenset(("net", "gross"))   # right after an amount, how it is counted, not what it is
_LINE_BREAK = re.compile(r"[.;!?]\s|\n\s*\n")


@dataclass(frozen=True)
class TypeWords:
    """The money_types table by kind, lower case."""
    nouns: dict[str, str]         # noun (or "two words") -> type
    verbs: dict[str, str]         # verb lemma -> type
    units: dict[str, str]         # "share", "barrel", "hour" -> type
    change: frozenset[str]        # verbs that only move a figure
    sellers: frozenset[str]       # verbs whose subject gives up what the amount buys
    currencies: frozenset[str]    # "dollar", "yen": a currency moving or quoted is an exchange rate
    measures: dict[str, str]      # "value", "total": the noun of their "of" decides, else this type
    payments: frozenset[str]      # "in cash", "in stock": how it is paid, not what it is
    moves: frozenset[str] = frozenset()   # change verbs that move a company's share price
    flows: frozenset[str] = frozenset()   # nouns of figures per period
    books: frozenset[str] = frozenset()   # nouns of a company's own accounts ("charge", "dividend")
    economy: frozenset[str] = frozenset()  # nouns of a whole economy's figures ("exports", "deficit")
    announce: frozenset[str] = frozenset()  # verbs that state a commitment given a purpose
    # regular forms of the table's verbs -> the verb: the small model lemmatises some wrongly
    # ("fined" -> "fin", "pledged" -> "pledg")
    inflected: dict[str, str] = field(default_factory=dict)

    def lemma(self, tok: Token) -> str:
        """The verb ``tok`` is, as the tables spell it: its lemma, else the verb its form is of."""
        lemma = tok.lemma_.lower()
        if lemma in self.verbs or lemma in self.change or lemma in self.sellers:
            return lemma
        return self.inflected.get(tok.lower_, lemma)


def _forms(verb: str) -> tuple[str, ...]:
    """Regular inflections of a verb: "fine" -> fines, fined, fining."""
    if verb.endswith("e"):
        return verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    return verb + "s", verb + "ed", verb + "ing"


@lru_cache(maxsize=1)
def load() -> TypeWords:
    """The words of the shipped table."""
    rows = resources.load_patterns("money_types")

    def by(kind: str) -> dict[str, str]:
        return {r["word"].lower(): r.get("type", "") for r in rows if r["kind"] == kind}

    return TypeWords(nouns=by("noun"), verbs=by("verb"), units=by("unit"),
                     change=frozenset(by("change")), sellers=frozenset(by("seller")),
                     currencies=frozenset(by("currency")), measures=by("measure"),
                     payments=frozenset(by("payment")),
                     moves=frozenset(r["word"] for r in rows if r["kind"] == "change" and r.get("moves")),
                     flows=frozenset(r["word"] for r in rows if r["kind"] == "noun" and r.get("flow")),
                     books=frozenset(r["word"] for r in rows if r["kind"] == "noun" and r.get("books")),
                     economy=frozenset(r["word"] for r in rows if r["kind"] == "noun" and r.get("economy")),
                     announce=frozenset(by("announce")),
                     inflected={form: verb for kind in ("verb", "change", "seller") for verb in by(kind)
                                if " " not in verb for form in _forms(verb)})


@dataclass(frozen=True)
class Kind:
    """An amount's type, the word that decided it (None: nothing did) and how it was found."""
    type: str
    cue: str | None = None
    via: str = "default"             # noun | verb | subject | object | unit | line | rate-note | default
    token: int | None = None         # index of the cue token in the doc (None: not a parse token)
    verb: int | None = None          # the verb the climb stopped at, if any


def noun_type(words: TypeWords, tok: Token, measures: bool = True) -> tuple[str, str] | None:
    """(type, cue) of a noun: the two words ending in it first ("market value"), then the word;
    a measure noun ("value", "total") by what its "of" names, else (``measures``) by its own type."""
    doc = tok.doc
    if tok.lower_ in LABELS and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
        return None                  # "NOTE: 1985 net includes ...": a label, not a security
    if tok.i > 0:
        prev = doc[tok.i - 1]
        for two in (f"{prev.lower_} {tok.lower_}", f"{prev.lower_} {tok.lemma_.lower()}"):
            if two in words.nouns:
                return words.nouns[two], f"{prev.text} {tok.text}"
    # "LOANS" in a headline the model does not lemmatise; "co-financing"
    plain = tok.lower_[:-1] if tok.lower_.endswith("s") and tok.is_upper else tok.lower_
    for key in (tok.lower_, tok.lemma_.lower(), plain, plain.removeprefix("co-")):
        if key in words.nouns:
            return words.nouns[key], tok.text
    if tok.lower_ not in words.measures and tok.lemma_.lower() not in words.measures:
        # "disaster loan approvals", "a $337 million loan guarantee": an untyped noun is of the
        # kind its last compound names
        kind = next((c for c in reversed(list(tok.children)) if c.dep_ == "compound" and c.i < tok.i
                     and c.pos_ == "NOUN"), None)
        if kind is not None and (kind.lower_ in words.nouns or kind.lemma_.lower() in words.nouns):
            return words.nouns.get(kind.lower_) or words.nouns[kind.lemma_.lower()], f"{kind.text} {tok.text}"
    for key in (tok.lower_, tok.lemma_.lower()):
        if key in words.measures:
            # "the value of the dollar was 155 yen", "a yen/dollar value at 147 yen": a currency's
            # value is an exchange rate
            if any(c.dep_ in ("compound", "amod", "nmod") and _names_currency(words, c) for c in tok.children):
                return "rate", tok.text
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    obj = next((c for c in prep.children if c.dep_ == L.PREP_OBJECT), None)
                    if obj is not None and _names_currency(words, obj):
                        return "rate", tok.text
                    hit = noun_type(words, obj) if obj is not None and not obj.like_num else None
                    if hit:
                        return hit
            for acl in tok.children:       # "the total pledged under the initiative": what was done
                if acl.dep_ == "acl" and words.verbs.get(acl.lemma_.lower()) not in (None, "other"):
                    return words.verbs[acl.lemma_.lower()], acl.text
            return (words.measures[key], tok.text) if measures else None
    return None


def _names_currency(words: TypeWords, tok: Token) -> bool:
    """ "the dollar", "yen/dollar": a currency's name, or a pair of them, not counted ("a total of
    200 billion euros" is an amount of euros, not the euro's value)."""
    if tok.like_num or any(c.dep_ in ("nummod", "quantmod", "compound") and (c.like_num or c.pos_ == "NUM")
                           for c in tok.children):
        return False
    parts = tok.lower_.split("/")
    return any(p in words.currencies or p.rstrip("s") in words.currencies for p in parts) \
        or tok.lemma_.lower() in words.currencies


def classify(words: TypeWords, span: Span, text: str, parsed: bool, rate_note: bool = False,
             orgs: frozenset[int] = frozenset()) -> Kind:
    """The type of the amount ``span`` (``text``: the doc's text; ``orgs``: the token indices of
    organisations' names)."""
    if rate_note:
        return Kind("rate", None, "rate-note")
    quoted = _PER_CURRENCY.match(text, span.end_char, min(len(text), span.end_char + 30))
    if quoted and quoted.group("cur").lower().rstrip("s") in words.currencies:
        return Kind("rate", quoted.group("cur"), "unit")         # "147 yen to the dollar"
    found = _by_parse(words, span, orgs) if parsed and len(span) else None
    unit = _unit(words, text, span.end_char)
    if unit is not None:
        utype, uword = unit
        keep = found is not None and uword in ("share", "shr") and found.type in ("revenue", "other")
        if not keep:
            return Kind(utype, uword, "unit", None, found.verb if found else None)
    if found is not None:
        return found
    line = _on_line(words, text, span.start_char)
    if line is not None:
        return Kind(line[0], line[1], "line")
    return Kind("other")


def _unit(words: TypeWords, text: str, end: int) -> tuple[str, str] | None:
    m = _UNIT.match(text, end, min(len(text), end + 30))
    if not m:
        return None
    if m.group("each"):
        return "price", "each"          # "2,095 warrants at 1,709 dlrs each"
    unit = m.group("unit").lower()
    for key in (unit, unit[:-1] if unit.endswith("s") else unit):
        if key in words.units:
            return words.units[key], key
    return None


def _by_parse(words: TypeWords, span: Span, orgs: frozenset[int]) -> Kind | None:
    root = span.root
    # 1. the amount's own phrase: "a $5bn deal", "$5bn in revenue", "€109bn of investment"
    for t in span:
        if t.i != root.i and t.pos_ == "NOUN" and not t.like_num:
            hit = noun_type(words, t)
            if hit and hit[0] not in ("rate",):
                return Kind(hit[0], hit[1], "noun", t.i)
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in OWN_PREPS:
            obj = next((c for c in child.children if c.dep_ == L.PREP_OBJECT), None)
            if obj is not None and not obj.like_num and obj.lower_ not in words.payments:
                # "$115m of trade and project financing loans": the conjoined nouns too
                for noun in (obj, *(c for c in obj.children if c.dep_ == "conj")):
                    hit = noun_type(words, noun)
                    if hit:
                        return Kind(hit[0], hit[1], "noun", noun.i)
    # 2. climbing
    tok, prep = root, None
    fallback: Kind | None = None
    for _ in range(MAX_CLIMB):
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "prep" or (tok.pos_ == "ADP" and tok.dep_ in ("prep", "agent", "dative")):
            prep = tok.lower_
        if head.pos_ in L.NOUN_POS and not head.like_num and head.i not in range(span.start, span.end) \
                and not (head.lower_ in words.payments and tok.dep_ in MEASURE_DEPS) \
                and not (head.lower_ in NET_WORDS and head.i == span.end):   # "raise 126 mln stg net"
            if tok.dep_ in MEASURE_DEPS or tok.dep_ in ("prep", "pobj", "conj", "appos", "acl", "amod"):
                hit = noun_type(words, head, measures=False)
                if hit and tok.dep_ == "acl" and _bought_shares(words, head, tok.lemma_.lower(), hit[0], prep):
                    hit = None          # "shares totaling $100m": the climb goes on to what bought them
                if hit:
                    return Kind(hit[0], hit[1], "noun", head.i)
                if head.lemma_.lower() in words.measures or head.lower_ in words.measures:
                    # "a campus worth €30bn" someone finances: the climb goes on, the measure is the fallback
                    fallback = fallback or Kind(words.measures.get(head.lower_) or words.measures[head.lemma_.lower()],
                                                head.text, "noun", head.i)
        elif head.pos_ == "ADJ" and head.lower_ in words.measures:
            # "a deal worth $19bn", "the deal is worth $19bn": the noun it is said of decides; "a
            # campus worth €30bn" that someone finances: the climb goes on, worth is the fallback
            of = head.head if head.head.pos_ in L.NOUN_POS else next(
                (c for c in head.head.children if c.dep_ in L.SUBJECT_DEPS), None)
            hit = noun_type(words, of) if of is not None and of.i != head.i else None
            if hit:
                return Kind(hit[0], hit[1], "noun", of.i if of is not None else None)
            fallback = fallback or Kind(words.measures[head.lower_], head.text, "verb", head.i)
        elif head.pos_ in L.VERB_POS:
            found = _at_verb(words, head, tok, prep, orgs)
            if found is not None:
                return found
        if tok.dep_ not in L.CLIMB_DEPS:
            break
        tok = head
    return fallback


def _at_verb(words: TypeWords, verb: Token, came: Token, prep: str | None, orgs: frozenset[int]) -> Kind | None:
    lemma = words.lemma(verb)
    # "the deal, valued at $6.5bn": a participle says what the noun it hangs on is worth
    if verb.dep_ == "acl" and verb.head.pos_ in L.NOUN_POS:
        hit = noun_type(words, verb.head)
        if hit and not _bought_shares(words, verb.head, lemma, hit[0], prep):
            return Kind(hit[0], hit[1], "noun", verb.head.i, verb.i)
    via_prep = came.dep_ in ("prep", "agent", "dative") and prep in VIA_PREP
    direct = came.dep_ in L.OBJECT_DEPS or came.dep_ in ("attr", "oprd", "npadvmod", "dative")
    if came.dep_ in L.SUBJECT_DEPS and any(
            c.dep_ == "prep" and c.lower_ == "from" and any(o.pos_ == "PROPN" for o in c.children)
            for c in verb.children) and lemma not in words.verbs:
        return Kind("commitment", "from", "verb", verb.i, verb.i)    # "€20bn will come from Brookfield"
    if words.verbs.get(lemma) == "valuation" and verb.dep_ != "acl":
        # "the deal is valued at $53bn": what the passive subject is decides; "the deal values
        # Figma at $20bn", "the company is valued at $3bn": a valuation
        subj = next((c for c in verb.children if c.dep_ == L.PASSIVE_SUBJECT and c.pos_ in L.NOUN_POS), None)
        hit = noun_type(words, subj) if subj is not None else None
        if hit is not None and hit[0] == "commitment":
            return Kind(hit[0], hit[1], "subject", subj.i if subj is not None else None, verb.i)
        return Kind("valuation", verb.text, "verb", verb.i, verb.i)
    if via_prep or lemma in words.change or not direct:
        # "raised its price target to $150": the object; "shares closed at": the subject
        for dep in (L.OBJECT_DEPS, L.SUBJECT_DEPS):
            for c in verb.children:
                if c.dep_ not in dep:
                    continue
                if c.lower_ in L.RELATIVE_PRONOUNS and verb.dep_ == L.RELATIVE_CLAUSE:
                    c = verb.head       # "borrowings, which had risen to 234 mln stg": the noun it stands for
                if c.i != came.i and c.pos_ in L.NOUN_POS:
                    if dep is L.SUBJECT_DEPS and c.lemma_.lower() in words.currencies:
                        return Kind("rate", c.text, "subject", c.i, verb.i)   # "the dollar rose to"
                    found = noun_type(words, c)
                    if found and _bought_shares(words, c, lemma, found[0], prep):
                        continue
                    if found:
                        return Kind(found[0], found[1], "object" if dep is L.OBJECT_DEPS else "subject",
                                    c.i, verb.i)
    if came.dep_ in L.OBJECT_DEPS and lemma not in words.verbs:
        # "MEXICO GETS 205 MLN DLRS IN WORLD BANK LOANS": the parse hangs "in" on a verb that
        # does not type the amount itself
        for in_ in verb.children:
            if in_.dep_ == "prep" and in_.lower_ == "in" and in_.i > came.i:
                obj = next((c for c in in_.children if c.dep_ == L.PREP_OBJECT), None)
                hit = noun_type(words, obj) if obj is not None and not obj.like_num \
                    and obj.lower_ not in words.payments else None          # not "in cash"
                if hit is not None and hit[0] != "rate" and obj is not None:
                    return Kind(hit[0], hit[1], "noun", obj.i, verb.i)
    if lemma in words.moves and _names_company(verb, came, orgs):
        return Kind("price", verb.text, "verb", verb.i, verb.i)   # "Hutchison rose 50 cents to 22.40 dlrs"
    if lemma in words.change and lemma not in words.verbs:
        return None
    if lemma in words.verbs and (direct or via_prep or lemma not in words.change):
        vtype = words.verbs[lemma]
        if vtype == "revenue" and not direct:
            return None             # "reported at 4,225 stg" is a price quoted, not earnings posted
        # "agreed to pay $900m to resolve allegations": a payment is a fine, a settlement, a
        # dividend or a wage unless it buys something ("paid $5bn for Contoso", "to acquire")
        if lemma in PAYING and not any(c.dep_ == "prep" and c.lower_ == "for"
                                       for c in (*verb.children, *came.children)) \
                and not any(c.dep_ in ("advcl", "xcomp") and words.verbs.get(c.lemma_.lower()) == "commitment"
                            for c in verb.children) and not _paid_in_kind(words, came):
            vtype = "other"
        return Kind(vtype, verb.text, "verb", verb.i, verb.i)
    return None


def _paid_in_kind(words: TypeWords, amount: Token) -> bool:
    """ "will pay $12 billion in stock and $4 billion in cash": the price of a deal."""
    for tok in (amount, *(c for c in amount.children if c.dep_ == "conj")):
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "in" and any(
                    c.lower_ in words.payments for c in prep.children if c.dep_ == L.PREP_OBJECT):
                return True
    return False


def _bought_shares(words: TypeWords, noun: Token, lemma: str, type_: str, prep: str | None) -> bool:
    """ "Shares totaling $100m" were bought: an amount of shares is a stake's value; a share price
    is one a share closes, moves or is offered at."""
    return type_ == "price" and noun.lemma_.lower() in words.units and words.verbs.get(lemma) != "price" \
        and lemma not in words.moves and prep != "at"


def _names_company(verb: Token, came: Token, orgs: frozenset[int]) -> bool:
    """Whether a change verb's subject is an organisation's name ("Hutchison rose 50 cents to 22.40
    dlrs"): its share price moved."""
    subj = next((c for c in verb.children if c.dep_ in L.SUBJECT_DEPS and c.i != came.i), None)
    return subj is not None and subj.pos_ == "PROPN" and (subj.i in orgs or subj.ent_type_ == "ORG")


def _on_line(words: TypeWords, text: str, start: int) -> tuple[str, str] | None:
    """The nearest cue noun or verb written before ``start`` on its line and clause."""
    # no further back than LINE_WINDOW: eight words lie well within it, and a scan from the line's
    # start for every amount is quadratic on a long line of amounts ("$5, $5, $5, ...")
    low = max(0, start - LINE_WINDOW)
    line_start = text.rfind("\n", low, start) + 1 or low
    if line_start == low and low > 0 and text[low - 1] != "\n":
        space = text.find(" ", low, start)       # not from inside a word
        line_start = space + 1 if space >= 0 else start
    before = text[line_start:start]
    cut = None
    for m in _LINE_BREAK.finditer(before):
        cut = m.end()
    if cut is not None:
        before = before[cut:]
    matches = list(_WORD.finditer(before))[-LOOK_BACK:]
    found = [m.group() for m in matches]
    for i in range(len(found) - 1, -1, -1):
        if i > 0 and found[i][:1].isupper() and found[i][1:2].islower() and found[i - 1][:1].isupper() \
                and before[matches[i - 1].end():matches[i].start()] == " ":
            continue             # a word of a name ("Marathon Oil Co's"), not a noun that types
        w = found[i].lower()
        if i > 0 and f"{found[i - 1].lower()} {w}" in words.nouns:
            return words.nouns[f"{found[i - 1].lower()} {w}"], f"{found[i - 1]} {found[i]}"
        for key in (w, w[:-1] if w.endswith("s") else w):
            if key in words.nouns and not (words.nouns[key] == "price" and key in words.units):
                return words.nouns[key], found[i]   # "shares" before an amount need not price them
    return None
