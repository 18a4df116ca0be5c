"""One organisation per article: short forms in context ("the Commission"), the head of a longer
name seen here, acronyms (initials, or the acronym in brackets after the name), shorter forms of
one longer name ("Ford Motor Co" ... "Ford"), legal suffixes ignored."""
from __future__ import annotations

import re

from ...text import names
from .cleaning import inside_name
from .context import ARTICLES, DocContext, Mention

_EXCHANGES = frozenset(("NYSE", "NASDAQ", "AMEX", "LSE", "TSX", "ASX", "OTC", "OTCQX", "NYSEARCA", "TSE", "HKEX", "SGX",
                        "XETRA", "EURONEXT", "BSE", "NSE"))   # "(NASDAQ: BIIB)": a ticker follows
_OF_LABELS = ("ORG", "GPE", "LOC")
MIN_INITIALS = 2        # one letter is no acronym
FOR_WORDS = 5           # capitalised words of a name after its "for" ("for International Development")
MIN_SHORT = 4           # letters of a company's first word that may stand for it alone ("Tenet", not "AE")
MIN_RECURRING = 3       # letters of a one-word name found again by its spelling ("AE" is too short)
_DOTTED_COUNTRY = re.compile(r"(?:[A-Z]\.){2,3}")     # "U.S.", "U.K.": a country before an agency's name


def short_forms(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """"the Commission" -> European Commission when the article is about that body; a one-word
    organisation that ends a longer one here is that one, an institution's head word also the one
    it starts ("the Department" after "Department of Justice"); a head word naming none is no actor."""
    present = {m.canon for m in mentions if m.canon}
    orgs = [m.canon for m in mentions if m.label == "ORG" and m.canon and " " in m.canon]
    heads = ctx.tables.org_heads
    out = []
    for m in mentions:
        if m.source == "model" and m.label == "ORG" and not m.alias_hit and m.canon is not None \
                and " " not in m.canon:
            head = m.canon.lower() in heads
            full = next((f for f in orgs if f.split()[-1] == m.canon or (head and f.split()[0] == m.canon)), None)
            if full is not None:                     # head of a longer ORG seen here
                m.canon, m.alias_hit = full, True
            elif head:
                ctx.drop(m.start, m.end, m.label, "noise:generic-head")    # "the Department", no name
                continue
        out.append(m)
    if ctx.tables.short_rows:
        _add_short_forms(ctx, out, present)
    return out


def _add_short_forms(ctx: DocContext, out: list[Mention], present: set[str]) -> None:
    """Append the short forms whose context actor is named here, where nothing else is."""
    t = ctx.tables
    occupied: set[int] = set()
    for m in out:
        occupied.update(range(m.start, m.end))
    for key, start, end in t.short_matcher(ctx.doc):
        row = t.short_rows[t.short_ids[key]]
        if any(i in occupied for i in range(start, end)):
            continue
        if not any(c in present for c in row.get("context", ())):
            continue
        if inside_name(ctx, start, end):
            continue
        out.append(Mention(start, end, row["label"], row["id"], "short", alias_hit=True))
        occupied.update(range(start, end))


def of_names(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """"the Southern District" + "of" + "Texas": an institution's name the model cut before "of"
    and a place or organisation is one organisation ("Southern District of Texas"); so is a
    country's abbreviation the model cut off an institution ("U.S." + "District Court")."""
    doc, t = ctx.doc, ctx.tables
    by_start = {m.start: m for m in mentions}
    taken: set[int] = set()
    for m in sorted(mentions, key=lambda m: m.start):
        last = doc[m.end - 1]
        if id(m) in taken or m.source != "model" or m.label not in _OF_LABELS or not last.is_title \
                or (last.lower_ not in t.org_heads and last.lower_ not in t.of_heads):
            continue
        k = m.end + 1
        if k >= len(doc) or doc[m.end].lower_ != "of":
            continue
        if doc[k].lower_ == "the":
            k += 1
        b = by_start.get(k)
        if b is None or b.label not in _OF_LABELS or (b.end < len(doc) and doc[b.end].is_title and doc[b.end].is_alpha):
            continue                                 # "of New York Times Co": the name goes on
        ctx.drop(b.start, b.end, b.label, "of-name:inside")
        if m.label != "ORG":
            ctx.relabel(m, "ORG", "of-name")
        m.end, m.alias_hit = b.end, False
        m.canon = names.clean_surface(doc[m.start:m.end].text)
        taken.add(id(b))
    _country_before_institution(ctx, mentions, taken)
    _for_names(ctx, [m for m in mentions if id(m) not in taken], taken)
    return [m for m in mentions if id(m) not in taken]


def _for_names(ctx: DocContext, mentions: list[Mention], taken: set[int]) -> None:
    """"the U.S. Agency" + "for International Development": an institution's name the model cut
    before "for" goes on over the capitalised words after it (what overlaps them joins ``taken``)."""
    doc, t = ctx.doc, ctx.tables
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        last = doc[m.end - 1]
        k = m.end + 1
        if m.source != "model" or m.label != "ORG" or not last.is_title or last.lower_ not in t.org_heads \
                or k >= len(doc) or doc[m.end].lower_ != "for" or ctx.breaks(last):
            continue
        end = k
        while end < len(doc) and end - k < FOR_WORDS and not (end > k and ctx.breaks(doc[end - 1])):
            tok = doc[end]
            word = tok.is_title and tok.is_alpha and tok.lower_ not in ARTICLES
            joining = end > k and tok.lower_ in ("and", "of", "&") and end + 1 < len(doc) and doc[end + 1].is_title
            if not (word or joining):
                break
            end += 1
        if end == k:
            continue
        for i in range(k, end):
            inside = by_start.get(i)
            if inside is not None and inside.end <= end:
                ctx.drop(inside.start, inside.end, inside.label, "for-name:inside")
                taken.add(id(inside))
        m.end, m.alias_hit = end, False
        m.canon = names.clean_surface(doc[m.start:m.end].text)


def _country_before_institution(ctx: DocContext, mentions: list[Mention], taken: set[int]) -> None:
    """"U.S." + "District Court" the model cut apart: the institution's name starts at the country
    (whose mention joins ``taken``)."""
    doc, t = ctx.doc, ctx.tables
    by_start = {m.start: m for m in mentions if id(m) not in taken}
    for g in mentions:
        inst = by_start.get(g.end)
        if id(g) in taken or inst is None or g.label != "GPE" or not names.is_acronym(doc[g.start:g.end].text) \
                or inst.source != "model" or inst.label != "ORG" or doc[inst.end - 1].lower_ not in t.org_heads \
                or ctx.breaks(doc[g.end - 1]):
            continue
        ctx.drop(g.start, g.end, g.label, "of-name:country-before-institution")
        inst.start, inst.alias_hit = g.start, False
        inst.canon = names.clean_surface(doc[inst.start:inst.end].text)
        taken.add(id(g))


def join_orgs(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """The model's organisation mentions renamed to the one organisation of the article they name:
    "International Business Machines Corp (IBM)", later "IBM"; "Ford Motor Co" ... "Ford"."""
    legal = ctx.tables.legal
    orgs = [m for m in mentions if m.label == "ORG" and m.canon]
    if not orgs:
        return mentions
    fulls: dict[str, str] = {}                       # comparison key -> canonical
    # the longest form names the organisation; of two as long, the body's spelling ("Keycorp", not
    # the headline's "KEYCORP")
    for m in sorted(orgs, key=lambda m: (-len(m.canon or ""), (m.canon or "").isupper())):
        fulls.setdefault(names.org_key(m.canon or "", legal), m.canon or "")
    bracket = _bracketed(ctx, mentions, orgs)
    acronyms = dict(bracket)
    for key, canon in fulls.items():                 # initials of a name here
        if " " in key:
            for form in {canon, names.strip_legal_suffix(canon, legal), _without_country(ctx, canon)}:
                ini = names.initials(form)
                if len(ini) >= MIN_INITIALS:
                    acronyms.setdefault(ini, canon)
    _relabel(ctx, mentions, orgs, fulls, acronyms)
    for m in orgs:
        if m.source == "model" and not m.alias_hit:  # the gazetteer's names stay as they are
            _rename(ctx, m, fulls, acronyms)
    if bracket:
        _add_acronyms(ctx, mentions, bracket)
    return mentions


def _without_country(ctx: DocContext, name: str) -> str:
    """"U.S. Small Business Administration" -> "Small Business Administration", whose initials
    the article's "SBA" is; the name itself when it starts with no country."""
    first, _, rest = name.partition(" ")
    if rest and (_DOTTED_COUNTRY.fullmatch(first) or ctx.tables.is_place(first)):
        return rest
    return name


def _bracketed(ctx: DocContext, mentions: list[Mention], orgs: list[Mention]) -> dict[str, str | None]:
    """"Long Name (LN)": acronym -> the name before the bracket; the gazetteer's name instead where
    it knows the acronym ("... Exporting Countries (OPEC)")."""
    doc = ctx.doc
    bracket: dict[str, str | None] = {}
    known = {m.start: m for m in mentions if m.alias_hit and m.source == "gazetteer"}
    for m in orgs:
        k = m.end
        if k + 4 < len(doc) and doc[k].text == "(" and doc[k + 1].text.upper() in _EXCHANGES \
                and doc[k + 2].text == ":" and doc[k + 4].text == ")":
            bracket.setdefault(doc[k + 3].text, m.canon)     # "Biogen Inc (NASDAQ: BIIB)": its ticker
            continue
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")" \
                and names.is_acronym(doc[m.end + 1].text) and not names.is_acronym(m.canon or ""):
            g = known.get(m.end + 1)
            if g is not None and g.label == "ORG" and not m.alias_hit:
                m.canon, m.alias_hit = g.canon, True
            else:
                bracket.setdefault(doc[m.end + 1].text, m.canon)
    return bracket


def _relabel(ctx: DocContext, mentions: list[Mention], orgs: list[Mention], fulls: dict[str, str],
             acronyms: dict[str, str | None]) -> None:
    """Model mentions of an organisation here under another label become ORG (and join ``orgs``)."""
    legal = ctx.tables.legal
    companies = {m.canon for m in orgs if m.canon and ctx.doc[m.end - 1].lower_ in legal}
    for m in mentions:                               # "Wrather" tagged a place beside "Wrather Corp"
        if m.label not in ("GPE", "LOC", "PERSON") or m.source != "model" or m.alias_hit or not m.canon:
            continue
        key = names.org_key(m.canon, ctx.tables.legal)
        if fulls.get(key, m.canon) != m.canon:
            ctx.relabel(m, "ORG", "org-named-here")
            m.canon = fulls[key]
            continue
        # "Monfort" tagged a place after "Monfort of Colorado Inc": the start of the one company
        # (a name with a legal form) named here that it starts; a place the tables know stays a
        # place, and so does "Queensland" before "Queensland Museum", no company
        longer = {c for k, c in fulls.items() if k.startswith(key + " ")}
        if m.label != "PERSON" and len(longer) == 1 and longer <= companies and not ctx.tables.is_place(m.canon):
            ctx.relabel(m, "ORG", "start-of-org-named-here")
            m.canon = longer.pop()
    for m in mentions:                               # "FFCC" tagged a place after "... Council (FFCC)"
        if m.label != "ORG" and m.source == "model" and not m.alias_hit and m.end - m.start == 1 \
                and acronyms.get(ctx.doc[m.start].text) is not None:
            ctx.relabel(m, "ORG", "acronym-of-org-here")
            orgs.append(m)


def _rename(ctx: DocContext, m: Mention, fulls: dict[str, str], acronyms: dict[str, str | None]) -> None:
    """An acronym, the same name with another suffix, or the only longer name here it starts."""
    doc, legal = ctx.doc, ctx.tables.legal
    text = names.clean_surface(doc[m.start:m.end].text)
    if names.is_acronym(text) and text in acronyms and acronyms[text] != m.canon:
        m.canon = acronyms[text]
        return
    key = names.org_key(m.canon or "", legal)
    if fulls.get(key, m.canon) != m.canon:           # "Ford Motor Co." = "Ford Motor Co"
        m.canon = fulls[key]
        return
    longer = {c for k, c in fulls.items() if k.startswith(key + " ")}
    if len(longer) == 1 and doc[m.start].text[:1].isupper() and names.legal_base(text) == text \
            and key not in ctx.tables.bodies:        # "House" is not "House Agriculture Subcommittee"
        # (a name with its own legal suffix, "Gelco Corp", is a company of its own)
        m.canon = longer.pop()


def _add_acronyms(ctx: DocContext, mentions: list[Mention], bracket: dict[str, str | None]) -> None:
    """An acronym defined in brackets is a mention wherever it recurs, also where the model missed it."""
    occupied = {i for m in mentions for i in range(m.start, m.end)}
    for i, word in enumerate(ctx.words):
        canon = bracket.get(word)
        if canon is not None and i not in occupied:
            mentions.append(Mention(i, i + 1, "ORG", canon, "model", alias_hit=True))
            occupied.add(i)


def _one_word_companies(ctx: DocContext, mentions: list[Mention]) -> None:
    """"McAfee" tagged a person where the article names "McAfee, Inc.": the company, unless the
    word is part of a person's full name here ("Gloria Macapagal Arroyo") or a place the tables know."""
    doc = ctx.doc
    legal = ctx.tables.legal
    companies = {doc[m.start].text: m.canon for m in mentions      # "McAfee, Inc." -> McAfee
                 if m.label == "ORG" and m.canon and m.canon == doc[m.start].text
                 and doc[m.end - 1].lower_ in legal}
    firsts: dict[str, set[str]] = {}
    for m in mentions:                   # "Tenet Healthcare Corporation" ... "Tenet's billings"
        if m.label == "ORG" and m.canon:
            for short in _company_short(ctx, tuple(t.text for t in doc[m.start:m.end]), set()):
                if len(short) == 1:
                    firsts.setdefault(short[0], set()).add(m.canon)
    for word, canons in firsts.items():
        if len(canons) == 1:
            companies.setdefault(word, next(iter(canons)))
    if not companies:
        return
    people = {w for m in mentions if m.label == "PERSON" and m.canon and " " in m.canon for w in m.canon.split()}
    for m in mentions:
        text = doc[m.start].text
        if m.end - m.start == 1 and m.label in ("PERSON", "GPE", "LOC") and m.source == "model" \
                and not m.alias_hit and text in companies and text not in people and not ctx.tables.is_place(text):
            ctx.relabel(m, "ORG", "one-word-company-here")
            m.canon = companies[text]


def _company_short(ctx: DocContext, words: tuple[str, ...], others: set[str]) -> list[tuple[str, ...]]:
    """The shorter names a company with a legal form goes by later in its story: "Mazda Motor
    Corp" -> "Mazda Motor", "Mazda"; "Tenet Healthcare Corporation" -> "Tenet". A first word
    that opens many names ("General", "National") or is written in lower case here is none."""
    base = tuple(names.strip_legal_suffix(" ".join(words), ctx.tables.legal).split())
    if len(base) >= len(words) or not base:
        return []
    out = [base] if len(base) > 1 else []
    first = base[0]
    if len(first) >= MIN_SHORT and first.isalpha() and first[:1].isupper() \
            and first.lower() not in ctx.lower_words and first not in others \
            and names.fold(first) not in ctx.tables.alone and names.fold(first) not in ctx.tables.demonyms \
            and first.lower() not in ctx.tables.org_filler and ctx.tables.lookup(first) is None:
        out.append((first,))
    return out


def recurring(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """An organisation's name written again where the model did not tag it ("a tender offer for
    Cyclops common"): one name, one sense in one article. Only names the article never writes in
    lower case, of capitalised words, outside other mentions."""
    doc = ctx.doc
    _one_word_companies(ctx, mentions)
    surfaces: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    shorts: dict[tuple[str, ...], set[str]] = {}
    # a word that names a person or place here too ("Arroyo", the model's ORG once) is not spread
    others = {t.text for m in mentions if m.label != "ORG" for t in doc[m.start:m.end]}
    others |= {w for m in mentions if m.label != "ORG" and m.canon for w in m.canon.split()}
    for m in mentions:
        if m.label != "ORG" or not m.canon or any(t.text in others for t in doc[m.start:m.end]):
            continue
        words = tuple(t.text for t in doc[m.start:m.end])
        if not all(w[:1].isupper() and any(c.isalpha() for c in w) for w in words) \
                or (len(words) == 1 and (len(words[0]) < MIN_RECURRING or words[0].lower() in ctx.lower_words)):
            continue
        surfaces.setdefault(words[0], []).append((words, m.canon))
        for short in _company_short(ctx, words, others):
            shorts.setdefault(short, set()).add(m.canon)
    for short, canons in shorts.items():
        if len(canons) == 1:           # "Thornbury" of two Thornbury companies names neither
            surfaces.setdefault(short[0], []).append((short, next(iter(canons))))
    if not surfaces:
        return mentions
    for forms in surfaces.values():
        forms.sort(key=lambda f: -len(f[0]))      # "Mazda Motor Corp" before "Mazda"
    occupied = [False] * (len(doc) + 1)
    for m in mentions:
        for i in range(m.start, m.end):
            occupied[i] = True
    added = []
    written = ctx.words
    for at, word in enumerate(written):
        for words, canon in surfaces.get(word, ()):
            end = at + len(words)
            if end > len(doc) or any(occupied[i] for i in range(at, end)) or tuple(written[at:end]) != words:
                continue
            if (at and written[at - 1][:1].isupper() and doc[at - 1].is_alpha) \
                    or (end < len(doc) and written[end][:1].isupper() and doc[end].is_alpha):
                continue                             # part of a longer name: "Cyclops Industries"
            added.append(Mention(at, end, "ORG", canon, "model", alias_hit=True))
            for i in range(at, end):
                occupied[i] = True
            break
    return mentions + added


POSSESSIVE = frozenset(("'s", "’s"))
FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))     # "McDonald's reported": a verb no possessive's noun is
NAME_END_MARKS = frozenset((",", ".", ";", ":", ")"))


def possessive_names(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """ "McDonald's reported revenue", "Lloyd's of London has offered": a name whose "'s" is
    followed by a verb, a punctuation mark or "of" is spelled with it ("McDonald's"); every mention
    of that organisation here takes that spelling. A possessive before a noun ("Contoso's revenue")
    says nothing."""
    doc = ctx.doc
    spelled: set[str] = set()
    for m in mentions:
        if m.label != "ORG" or not m.canon or m.alias_hit or m.end + 1 >= len(doc):
            continue
        mark, after = doc[m.end], doc[m.end + 1]
        if mark.text in POSSESSIVE and (after.tag_ in FINITE or after.text in NAME_END_MARKS or after.lower_ == "of") \
                and not m.canon.endswith(tuple(POSSESSIVE)):
            spelled.add(m.canon)
    for m in mentions:
        if m.canon in spelled:
            m.canon = m.canon + "'s"
    return mentions
