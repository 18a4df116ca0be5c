"""One cluster per person: full names first, then surnames, typos and lone first names join them;
a title mention goes to the article's holder of that role, else to the office-holders table's."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from ...text import names, people_names
from ..syntax import SUBJECTS
from .context import FULL_NAME, Cluster, DocContext, Mention

_SPEECH_LEMMAS = frozenset(("say", "tell", "add"))   # "Smith said": a person speaks
# "REAGAN SAYS": words in capitals are lemmatised badly, so the forms too
_SPEECH_WORDS = frozenset(("says", "said", "tells", "told", "adds", "added"))
# verbs companies and indexes are the subject of as often as people ("Medusa rose 2 pct")
MAX_SURNAME_WORDS = 4        # "Fernandez de la Vega": a surname alone, particles and all
MAX_GIVEN_WORDS = 3          # "Ali Akbar Hashemi": given names written before a surname
_BARE_VERBS = frozenset(("be", "have", "do", "rise", "fall", "gain", "lose", "close", "open", "report", "post"))


def resolve_people(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Every person mention named by its cluster; a lone unknown word as a person is dropped.
    Order: the other mentions, the people, the title mentions."""
    _people_typed_org(ctx, mentions)
    _surnames_are_people(ctx, mentions)
    people = sorted((m for m in mentions if m.label == "PERSON" and m.source != "title"), key=lambda m: m.start)
    clusters: list[Cluster] = []
    for m in people:                                 # pass 1: full names as written in the article
        _join_full_name(ctx, m, clusters)
    keep = [m for m in people if _join_short_name(ctx, m, clusters)]   # pass 2: the rest
    lone = [c for c in clusters if len(names.name_tokens(c.name)) <= MAX_SURNAME_WORDS]
    if lone:
        where = _capitalised_words(ctx)
        surnames = Counter(names.surname_key(c.name) for c in clusters)
        gone: set[int] = set()                       # clusters joined to a fuller name
        for c in lone:
            if id(c) not in gone and surnames[names.surname_key(c.name)] == 1:   # (no one else's surname)
                gone.update(id(part) for part in _fuller_name(ctx, c, clusters, where))
    others = [m for m in mentions if m.label != "PERSON"]
    titled = [m for m in mentions if m.source == "title"]
    for m in titled:
        _name_holder(ctx, m, clusters)
    return others + keep + titled


def _people_typed_org(ctx: DocContext, mentions: list[Mention]) -> None:
    """The model's organisations that are people by their shape and context: an honorific or title
    before a surname ("Bishop Smith"), or a first name and a surname listed with a person or
    speaking ("Logan Couture and Melker Karlsson each had two goals", "Jane Holloway said")."""
    doc, t = ctx.doc, ctx.tables
    person_at = {i for m in mentions if m.label == "PERSON" for i in range(m.start, m.end)}
    for m in mentions:
        if m.source != "model" or m.alias_hit or m.label != "ORG" or not 1 < m.end - m.start <= FULL_NAME + 1:
            continue
        words = list(doc[m.start:m.end])
        if not all(w.is_alpha and w.is_title for w in words) or any(
            w.lower_ in t.legal or w.lower_ in t.org_suffixes or w.lower_ in t.heads or w.lower_ in t.org_heads
            for w in words
        ) or (m.start and doc[m.start - 1].lower_ in t.org_cues):
            continue
        if words[0].lower_ in t.titles and words[0].lower_ not in t.title_names:
            if people_names.is_surname(words[-1].text) and not any(w.lower_ in t.titles for w in words[1:]):
                m.role = m.role or words[0].text
                m.start += 1                         # "Bishop Smith": Smith, a bishop
                ctx.relabel(m, "PERSON", "person:title-before-surname")
            continue
        if people_names.is_given_name(words[0].text) and _person_context(ctx, m, person_at):
            ctx.relabel(m, "PERSON", "person:first-name-in-person-context")


def _person_context(ctx: DocContext, m: Mention, person_at: set[int]) -> bool:
    """Listed with a person ("X and Melker Karlsson", "Melker Karlsson and X") or speaking ("X said")."""
    doc = ctx.doc
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and _speaks(after):
        return True
    if after is not None and after.lower_ == "and" and m.end + 1 in person_at:
        return True
    return m.start >= 2 and doc[m.start - 1].lower_ == "and" and m.start - 2 in person_at


def _surnames_are_people(ctx: DocContext, mentions: list[Mention]) -> None:
    """"Holloway" tagged ORG after "Jane Holloway": the surname of a full name here is a person."""
    doc = ctx.doc
    surnames = set()
    for m in mentions:
        if m.label == "PERSON" and m.source != "title":
            given, sur = names.split_name(names.canonical_person(doc[m.start:m.end].text))
            if given:
                surnames.add(names.fold(" ".join(sur)))
    for m in mentions:
        one_word_gazetteer = m.source == "gazetteer" and m.end - m.start == 1
        if (one_word_gazetteer or (m.source == "model" and not m.alias_hit)) and m.label in ("ORG", "GPE", "LOC") \
                and names.fold(doc[m.start:m.end].text) in surnames:
            ctx.relabel(m, "PERSON", "surname-of-person-here")
            if one_word_gazetteer:                   # "Bloomberg" after "Michael Bloomberg": the person
                m.canon, m.alias_hit, m.source = None, False, "model"


def _find(clusters: list[Cluster], name: str) -> Cluster | None:
    """The cluster of that name, compared folded."""
    f = names.fold(name)
    return next((c for c in clusters if names.fold(c.name) == f), None)


def _find_or_add(clusters: list[Cluster], name: str) -> Cluster:
    """The cluster of that name, a new one if there is none."""
    c = _find(clusters, name) or Cluster(name)
    if c not in clusters:
        clusters.append(c)
    return c


def _join_full_name(ctx: DocContext, m: Mention, clusters: list[Cluster]) -> None:
    """A full name joins the cluster of the same name, of the same surname and given names, or of a
    typo of the surname with the same given names; else it starts one."""
    text = _person_text(ctx, m)
    if len(names.name_tokens(text)) < FULL_NAME or not names.split_name(text)[0]:
        return
    canon = m.canon or text
    c = _find(clusters, canon)
    if c is None:
        c = next((c for c in clusters if names.surname_key(c.name) == names.surname_key(canon)
                  and names.given_key(c.name) == names.given_key(canon)), None)
    if c is None:
        c = next((c for c in clusters if names.near_surname(c.name, canon)
                  and names.given_key(c.name) == names.given_key(canon)), None)
    if c is None:                                    # "Ramos Horta" after "Jose Ramos Horta"
        tail = names.fold(canon).split()
        c = next((c for c in clusters if names.fold(c.name).split()[-len(tail):] == tail
                  and len(c.name.split()) > len(tail)), None)
    if c is None:
        c = Cluster(canon)
        clusters.append(c)
    m.canon = c.name
    c.mentions.append(m)


def _join_short_name(ctx: DocContext, m: Mention, clusters: list[Cluster]) -> bool:
    """Surnames, typos, lone first names and gazetteer short names join the one cluster they fit;
    False for a lone unknown word ("Block", "Banner:"), which is noise."""
    if any(m in c.mentions for c in clusters):
        return True
    text = _person_text(ctx, m)
    same = _fitting(clusters, text)
    if len(same) == 1 or (same and m.alias_hit and len({c.name for c in same}) == 1):
        c = same[0]
    elif same and len(names.name_tokens(text)) == 1 and names.surname_key(text) == names.surname_key(same[0].name):
        # "Raymond F. Chandler III and his wife Jeanne Chandler ... Chandler said": a surname alone
        # is the story's first person of that name (a relative is named in full, or by first name)
        c = same[0]
    elif m.alias_hit and m.canon:
        c = _find_or_add(clusters, m.canon)
    elif m.end - m.start == 1 and not _stands_alone(ctx, m):
        ctx.drop(m.start, m.end, m.label, "person:lone-unknown-word")
        return False
    else:
        c = _find_or_add(clusters, text)
    m.canon = c.name
    c.mentions.append(m)
    return True


def _fuller_name(ctx: DocContext, c: Cluster, clusters: list[Cluster], where: dict[str, list[int]]) -> list[Cluster]:
    """A person known only by a surname whose full name the text writes where the model did not
    take it ("The American Tyson Gay failed ... said Gay", "spokesman Ali Akbar Hashemi
    Rafsanjani"): the cluster takes the fuller name, and the given names the model took for a
    person of their own ("Ali Akbar") join it; returns those joined."""
    words = names.name_tokens(c.name)
    if not words or len(words) > MAX_SURNAME_WORDS:
        return []
    if people_names.is_given_name(words[0]) and (len(words) > 1 or not people_names.is_surname(words[0])):
        return []                                    # a full name already, or a lone first name
    at = _occurrences(ctx, words, where)
    found = {g for g in (_given_before(ctx, i) for i in at) if g}
    if len(found) != 1:                              # two given names: two people, or a doubt
        return []
    given = found.pop()
    c.name = names.canonical_person(f"{given} {c.name}")
    head = names.fold(given).split()

    def part_of_name(o: Cluster) -> bool:            # its words start the given names, right before the surname
        return o is not c and names.fold(o.name).split() == head[:len(o.name.split())] and all(
            any(0 <= i - m.end < MAX_GIVEN_WORDS for i in at) for m in o.mentions)

    parts = [o for o in clusters if part_of_name(o)]
    for part in parts:
        c.mentions.extend(part.mentions)
    if parts:
        clusters[:] = [o for o in clusters if not any(o is part for part in parts)]
    for m in c.mentions:
        m.canon = c.name
    return parts


def _capitalised_words(ctx: DocContext) -> dict[str, list[int]]:
    """Token offsets of each capitalised word, folded: read once for all the clusters."""
    out: dict[str, list[int]] = {}
    for i, word in enumerate(ctx.words):
        if word[:1].isupper():
            out.setdefault(names.fold(word), []).append(i)
    return out


def _occurrences(ctx: DocContext, words: list[str], where: dict[str, list[int]]) -> list[int]:
    """Where the words are written in a row, as token offsets of the first."""
    doc, n = ctx.doc, len(words)
    want = [names.fold(w) for w in words]
    return [i for i in where.get(want[0], ()) if i + n <= len(doc)
            and [names.fold(w.text) for w in doc[i:i + n]] == want]


def _given_before(ctx: DocContext, i: int) -> str | None:
    """The given names written right before token ``i``: a run of capitalised proper nouns (no
    title, nationality or word the text also writes in lower case) from its first known given
    name on ("Hojatoleslam Ali Akbar" -> "Ali Akbar")."""
    doc, t = ctx.doc, ctx.tables
    j = i
    while j > 0 and i - j < MAX_GIVEN_WORDS:
        w = doc[j - 1]
        if not (w.is_alpha and w.is_title and w.pos_ == "PROPN") or w.ent_type_ not in ("", "PERSON") \
                or w.lower_ in t.titles or w.lower_ in ctx.lower_words or names.fold(w.text) in t.demonyms:
            break
        j -= 1
    k = next((k for k in range(j, i) if people_names.is_given_name(doc[k].text)), None)
    return None if k is None else " ".join(w.text for w in doc[k:i])


def _speaks(tok: Token) -> bool:
    """The token is a speech verb ("said", "SAYS")."""
    return tok.lemma_ in _SPEECH_LEMMAS or tok.lower_ in _SPEECH_WORDS


def _stands_alone(ctx: DocContext, m: Mention) -> bool:
    """A one-word person the article names no more fully ("Ronaldo", "Smith") is one when something
    says so: a title or role before it ("Mr Smith", "striker Ronaldo"), a speech verb after it
    ("Smith said"), acting as the subject of a verb people do ("Later Kaka scored"), or the names
    data knowing the word as a first name (mononyms: "Ronaldo", "Adriano"); never when the text
    writes the word in lower case. A surname alone is not enough: most are words and companies too
    ("Block", "Ford")."""
    doc = ctx.doc
    tok = doc[m.start]
    if m.role or (m.start and doc[m.start - 1].lower_ in ctx.tables.titles):
        return True
    if m.end < len(doc) and _speaks(doc[m.end]):
        return True
    if not (tok.is_alpha and tok.is_title) or tok.lower_ in ctx.lower_words:
        return False
    if tok.dep_ in SUBJECTS and tok.head.pos_ == "VERB" and tok.head.lemma_ not in _BARE_VERBS \
            and not tok.is_sent_start and not any(w.lower_ == "its" for w in tok.head.subtree):
        return True                                  # "Later Kaka scored"; not "Block is changing its models"
    return people_names.is_given_name(tok.text)


def _person_text(ctx: DocContext, m: Mention) -> str:
    """The mention's name as a person's, a headline's capitals as the text writes it elsewhere
    ("REAGAN" -> "Reagan")."""
    return names.canonical_person(ctx.usual_case(ctx.doc[m.start:m.end].text, one_word=True))


def _fitting(clusters: list[Cluster], text: str) -> list[Cluster]:
    """The clusters a short name fits: same surname, else a typo of it with compatible given names,
    else (one word) the same first name."""
    key = names.surname_key(text)
    same = [c for c in clusters if names.surname_key(c.name) == key]
    if not same:
        same = [c for c in clusters if names.near_surname(c.name, text) and names.compatible_given(c.name, text)]
    if not same and len(names.name_tokens(text)) == 1:
        same = [c for c in clusters if names.given_key(c.name).split()[:1] == [names.fold(text)]]
    return same


def _name_holder(ctx: DocContext, m: Mention, clusters: list[Cluster]) -> None:
    """A title mention names the article's holder of that role (its role then dropped), else the
    table's holder: a person of the article if it is one, else world knowledge (``world``)."""
    row_i = ctx.tables.role_index.get(names.fold(m.surface))
    holder = _article_holder(ctx, clusters, row_i)
    if holder is None and row_i is not None:
        holder = ctx.tables.roles[row_i]["holder"]
        here = next((c for c in clusters if names.fold(c.name) == names.fold(holder) or (
            names.surname_key(c.name) == names.surname_key(holder) and names.compatible_given(c.name, holder)
        )), None)
        if here is None:
            m.canon, m.world = holder, True
            return
        holder = here.name
    m.canon, m.world = holder, False
    m.role = None


def _article_holder(ctx: DocContext, clusters: list[Cluster], row_i: int | None) -> str | None:
    """The first person here given that role ("European Commission President Ursula von der Leyen")."""
    if row_i is None:
        return None
    index = ctx.tables.role_index
    holder = None
    for c in clusters:
        if any(pm.role and index.get(names.fold(pm.role)) == row_i for pm in c.mentions):
            holder = c.name
            if holder:
                break
    return holder
