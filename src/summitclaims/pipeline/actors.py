"""summitclaims_actors: canonical actors from the model's entities and the gazetteer.

Inputs: ``doc.ents`` (the statistical NER) and ``doc.spans[GAZ_KEY]`` (matches of the
``summitclaims_gazetteer`` span ruler, ``span.id_`` = canonical name).  Sets:
- ``doc.spans[extensions.MENTIONS]``: every mention of an actor (names, surnames, typos of a name
  in the article, title mentions such as "the Commission President", organisation short forms
  such as "the Commission"), ``span._.actor`` = canonical name, ``span.label_`` in LABELS;
- ``doc._.actors``: ``values.Actor`` per distinct actor, in order of first mention;
- ``doc.ents``: the cleaned actor mentions plus the model's other entities (DATE, MONEY, ...).

Conventions: a title mention resolved only from the office-holders table (nobody in the article
holds that role) is a mention, so money/quotes can link it, but creates no actor record: the table
is world knowledge that ages, the records list who the article names.  Nationality adjectives are
NORP, except before a state noun ("the French government"), which is a mention of the country.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import resources
from ..normalize import actors as names
from ..values import Actor
from . import extensions

GAZ_KEY = "sc_gazetteer"                 # span group filled by the gazetteer span ruler
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
_PROPER_TAGS = frozenset(("NNP", "NNPS"))
_DETS = frozenset(("the", "a", "an"))
_RULER_KEYS = ("label", "pattern", "id")
_NORP_SHAPE = re.compile(r"^[A-Z][a-z]+(?:[ie]ans?|ese|ish|i|ic|ch)$")   # "Italian", "Thai", "Dutch"
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?=\S)")
_STOP_ROLE = frozenset(",;:()[]{}\"“”«»|•–—")


def ruler_patterns(nlp: Language, rows) -> tuple[list[dict], list[dict]]:
    """Gazetteer rows split for two span rulers: (exact, any case).  Multi-word names match in any
    case ("von Der Leyen", "european commission"); one-word names stay exact ("Orange" != "orange")."""
    exact, caseless = [], []
    for row in rows:
        clean = {k: row[k] for k in _RULER_KEYS if k in row}
        pat = row.get("pattern")
        if isinstance(pat, str) and len(nlp.make_doc(pat)) > 1:
            caseless.append(clean)
        else:
            exact.append(clean)
    return exact, caseless


@dataclass
class _Mention:
    start: int                   # token offsets
    end: int
    label: str
    canon: str | None = None     # canonical name once known
    source: str = "model"        # model | gazetteer | title | short
    role: str | None = None
    world: bool = False          # resolved only from the office-holders table
    surface: str = ""
    alias_hit: bool = False


@dataclass
class _Cluster:
    name: str
    mentions: list = field(default_factory=list)


class ActorLinker:
    def __init__(self, nlp: Language, name: str, noise: str, cues: str, roles: str, short: str):
        self.name = name
        self._text = ""                                  # text of the doc being processed
        self.alias: dict[str, tuple[str, str, bool]] = {}
        self.ambiguous: set[str] = set()
        self.noise_words, self.heads = set(), set()
        for row in resources.load_patterns(noise):
            (self.noise_words if row.get("kind") == "word" else self.heads).add(names.fold(row.get("text", "")))
        self.org_cues, self.state_nouns, self.demonyms = set(), set(), {}
        self.org_suffixes, self.groups = set(), set()
        for row in resources.load_patterns(cues):
            kind, text = row.get("kind"), row.get("text", "")
            if kind == "org_cue":
                self.org_cues.add(text.lower())
            elif kind == "state_noun":
                self.state_nouns.add(text.lower())
            elif kind == "demonym":
                self.demonyms[names.fold(text)] = row["country"]
            elif kind == "org_suffix":
                self.org_suffixes.add(text.lower())
            elif kind == "group":
                self.groups.add(names.fold(text))
        self.titles: set[str] = set()
        self.roles: list[dict] = []
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for row in resources.load_patterns(roles):
            if "title" in row:
                self.titles.add(row["title"].lower())
            elif row.get("holder"):
                key = str(len(self.roles))
                self.roles.append(row)
                self.role_matcher.add(key, [nlp.make_doc(p) for p in row.get("patterns", ())])
        self.role_index = {names.fold(p): i for i, r in enumerate(self.roles) for p in r.get("patterns", ())}
        self.short_rows = list(resources.load_patterns(short))
        self.short_matcher = PhraseMatcher(nlp.vocab)
        for i, row in enumerate(self.short_rows):
            self.short_matcher.add(str(i), [nlp.make_doc(row["pattern"])])
        self.add_gazetteer(resources.load_patterns("actors") + resources.load_patterns("actor_countries"))

    def add_gazetteer(self, rows) -> None:
        """Index the gazetteer's string patterns for looking up the model's entities by name."""
        for row in rows:
            pat, canon, label = row.get("pattern"), row.get("id"), row.get("label")
            if isinstance(pat, str) and canon and label in LABELS:
                key = names.fold(names.clean_surface(pat))
                self.alias.setdefault(key, (canon, label, bool(row.get("ambiguous"))))
                self.alias.setdefault(names.fold(canon), (canon, label, bool(row.get("ambiguous"))))
                if row.get("ambiguous"):
                    self.ambiguous.add(canon)

    # ---- cleaning the model's spans -------------------------------------------------
    def _trim(self, doc: Doc, start: int, end: int, label: str) -> tuple[int, int, str | None]:
        """Drop what is not the name: text after a line break, bullets, articles, titles,
        a sentence-initial common word ("Initial EU"), possessives and edge punctuation."""
        prefix = None
        for i in range(start, end):                      # entities never cross a line
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_ or doc[i].is_space:
                if i == start or doc[i].is_space:
                    end = i if i > start else end
                else:
                    end = i + 1
                break
        while start < end and (doc[start].is_space or not any(c.isalnum() for c in doc[start].text)):
            start += 1
        while start < end and doc[start].lower_ in _DETS:
            start += 1
        if label == "PERSON":
            t0 = start
            while start < end - 1 and doc[start].lower_ in self.titles:
                start += 1
            if start > t0:
                prefix = doc[t0:start].text
        while end > start:
            last = doc[end - 1]
            if last.text in ("(", ")") or last.is_space or last.lower_ in ("'s", "’s", "'", "’") or (
                last.is_punct and not (len(last.text) > 1 and last.text.endswith("."))   # keep "U.S."
            ):
                end -= 1
            else:
                break
        if (
            end - start > 1 and doc[start].is_sent_start and doc[start].tag_ not in _PROPER_TAGS
            and label != "PERSON"
        ):
            start += 1
        return start, end, prefix

    def _lookup(self, text: str):
        hit = self.alias.get(names.fold(names.clean_surface(text)))
        if hit and " " not in text.strip() and text.islower():
            return None                                   # "orange" is not Orange
        return hit

    def _noise(self, doc: Doc, m: _Mention) -> bool:
        span = doc[m.start:m.end]
        text = span.text
        if not any(c.isalpha() for c in text) or not any(c.isupper() for c in text):
            return True                                  # "11.webp", "treasury"
        if m.label != "ORG" and any(t.like_num or any(c.isdigit() for c in t.text) for t in span):
            return True                                  # table rows: "Mar 48.0", "Shr 4.10"
        if m.label == "NORP" and names.fold(text) not in self.demonyms and names.fold(text) not in self.groups \
                and not _NORP_SHAPE.search(text):
            return True                                  # "Routine", "Arbitrageurs"
        words = [t.lower_ for t in span]
        if names.fold(text) in self.noise_words or any(w in self.noise_words for w in words[:-1]):
            return True
        if words[-1] in self.heads and m.label != "NORP":
            return True
        if m.label != "NORP" and not any(t.tag_ in _PROPER_TAGS for t in span):
            return True
        if m.label in ("GPE", "LOC") and any(names.is_camel(t.text) for t in span):
            return True
        if m.label == "PERSON" and span[-1].tag_ == "NNPS":
            return True
        full = self._text                                # doc.text is rebuilt on every access
        line_start = full.rfind("\n", 0, span.start_char) + 1
        line_end = full.find("\n", span.end_char)
        line = full[line_start:line_end if line_end >= 0 else len(full)]
        if m.label == "ORG" and line.strip(" \t•*-–—|") == text:   # a heading line ("Tech News")
            return True
        if not any(c.islower() for c in line) and sum(w.isalpha() for w in line.split()) >= 3:
            return True                                  # an all-caps headline: case says nothing
        return False

    def _inside_name(self, doc: Doc, start: int, end: int) -> bool:
        """The mention only modifies a longer name ("EU AI Act", "Paris AI Action Summit")."""
        j = end
        while j < len(doc) and j - end < 4 and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha:
            if doc[j].lower_ in self.heads:
                return True
            if "\n" in doc[j].whitespace_:
                break
            j += 1
        return False

    # ---- the component ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self._text = doc.text
        raw_ents = [e for e in doc.ents if e.label_ in LABELS]
        mentions = self._candidates(doc, raw_ents)
        mentions = self._titles(doc, mentions)
        mentions = self._short_forms(doc, mentions)
        self._appositions(doc, mentions)
        mentions = self._resolve_people(doc, mentions)
        self._write(doc, mentions, raw_ents)
        return doc

    def _candidates(self, doc: Doc, raw_ents) -> list[_Mention]:
        taken = [False] * (len(doc) + 1)
        for e in raw_ents:
            for i in range(e.start, e.end):
                taken[i] = True
        gaz = []
        for s in filter_spans(list(doc.spans.get(GAZ_KEY, ()))):
            canon = s.id_ or s.text
            if canon in self.ambiguous and s[0].is_sent_start and not any(taken[i] for i in range(s.start, s.end)):
                continue                                 # "Orange juice ...": capitalised only by position
            if s.label_ not in LABELS or self._inside_name(doc, s.start, s.end):
                continue
            lead = next((t for t in s if names.fold(t.text) not in names.PARTICLES), s[0])
            if lead.text[:1].islower():
                continue                                 # case-blind match of a phrase: "large-scale AI"
            gaz.append(_Mention(s.start, s.end, s.label_, canon, "gazetteer", alias_hit=True))
        model = []
        for e in raw_ents:
            start, end, prefix = self._trim(doc, e.start, e.end, e.label_)
            if start >= end:
                continue
            model.append(_Mention(start, end, e.label_, None, "model", role=prefix))
        model = self._merge_particles(doc, model) + self._bylines(doc, taken)
        out = list(gaz)
        for m in model:
            over = [g for g in gaz if g.start < m.end and m.start < g.end]
            if over:
                if m.label == "PERSON" and all(g.label != "PERSON" for g in over) and all(
                    m.start <= g.start and g.end <= m.end for g in over
                ) and (m.end - m.start) > max(g.end - g.start for g in over):
                    for g in over:                       # "Michael Jordan" is not Jordan
                        out.remove(g)
                else:
                    for g in over:                       # keep a title stripped off by the ruler
                        g.role = g.role or m.role
                    continue
            text = doc[m.start:m.end].text
            hit = self._lookup(text)
            if hit:
                m.canon, m.label, m.alias_hit = hit[0], hit[1], True
            else:
                prev = doc[m.start - 1].lower_ if m.start else ""
                if m.label in ("PERSON", "GPE", "LOC", "NORP") and (
                    prev in self.org_cues or (m.end - m.start > 1 and doc[m.end - 1].lower_ in self.org_suffixes)
                ):
                    m.label = "ORG"                      # "software firm Qlik", "Sedio N.V."
                if self._noise(doc, m) or self._inside_name(doc, m.start, m.end):
                    continue
                if m.label == "NORP":
                    nxt = doc[m.end].lower_ if m.end < len(doc) else ""
                    country = self.demonyms.get(names.fold(text))
                    if country and nxt in self.state_nouns:
                        m.label, m.canon = "GPE", country
                    else:
                        m.canon = names.clean_surface(text)
                elif m.label == "PERSON":
                    m.canon = names.canonical_person(text)
                else:
                    m.canon = names.clean_surface(text)
            if m.canon:
                out.append(m)
        return out

    def _bylines(self, doc: Doc, taken) -> list[_Mention]:
        """A line opening "Aliza Waqar, Marketing Writer" or "By Jane Doe": a person the model often misses."""
        out = []
        for match in _LINE_START.finditer(self._text):     # only line starts, not every token
            span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if span is None or not len(span):
                continue
            i = span.start
            tok = doc[i]
            if taken[i] or tok.is_space:
                continue
            j = i + 1 if tok.lower_ == "by" else i
            k = j
            while k < len(doc) and k - j < 4 and doc[k].is_title and doc[k].is_alpha and not taken[k]:
                k += 1
            if k - j < 2 or k >= len(doc):
                continue
            if j == i:                                   # no "By": a title must follow the comma
                after = [t.lower_ for t in doc[k + 1:k + 5]] if doc[k].text == "," else []
                if not any(w in self.titles for w in after):
                    continue
            elif "\n" not in doc[k - 1].whitespace_ and doc[k].text not in (",", "|", "-", "–"):
                continue
            if all(t.lower_ not in self.titles for t in doc[j:k]):
                out.append(_Mention(j, k, "PERSON", None, "model"))
        return out

    def _merge_particles(self, doc: Doc, model: list[_Mention]) -> list[_Mention]:
        """"Ursula von" + "Leyen": a person ending in a particle takes the capitalised surname after it."""
        out = []
        for m in model:
            if out and m.start < out[-1].end:
                continue
            if m.label == "PERSON" and names.fold(doc[m.end - 1].text) in names.PARTICLES:
                j = m.end
                while j < len(doc) and j - m.end < 3 and names.fold(doc[j].text) in names.PARTICLES:
                    j += 1
                if j < len(doc) and doc[j].is_alpha and doc[j].text[:1].isupper() and "\n" not in doc[j - 1].whitespace_:
                    m.end = j + 1
            out.append(m)
        return out

    def _titles(self, doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """"the Commission President" -> the person holding that role here, else the table's holder."""
        found = []
        for key, start, end in self.role_matcher(doc):
            found.append((start, end, int(self.role_matcher.vocab.strings[key])))
        if not found:
            return mentions
        spans = filter_spans([Span(doc, s, e, label=str(i)) for s, e, i in found])
        persons = {m.start: m for m in mentions if m.label == "PERSON"}
        out = list(mentions)
        for sp in spans:
            row = self.roles[int(sp.label_)]
            nxt = persons.get(sp.end)
            if nxt is not None:                          # "French President Emmanuel Macron": a title
                nxt.role = nxt.role or sp.text
                continue
            prev = doc[sp.start - 1].lower_ if sp.start else ""
            if prev not in _DETS and prev not in ("'s", "’s"):
                continue                                 # "..., Google DeepMind CEO": an apposition
            out = [m for m in out if not (m.start < sp.end and sp.start < m.end and m.label != "PERSON")]
            out.append(_Mention(sp.start, sp.end, "PERSON", None, "title", role=row["role"], surface=sp.text))
        return out

    def _short_forms(self, doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """"the Commission" -> European Commission when the article is about that body."""
        present = {m.canon for m in mentions if m.canon}
        orgs = [m.canon for m in mentions if m.label == "ORG" and m.canon and " " in m.canon]
        out = []
        for m in mentions:
            if m.source == "model" and m.label == "ORG" and not m.alias_hit and " " not in m.canon:
                for full in orgs:                        # head of a longer ORG seen here
                    if full.split()[-1] == m.canon:
                        m.canon, m.alias_hit = full, True
                        break
            out.append(m)
        if self.short_rows:
            occupied = set()
            for m in out:
                occupied.update(range(m.start, m.end))
            for key, start, end in self.short_matcher(doc):
                row = self.short_rows[int(self.short_matcher.vocab.strings[key])]
                if any(i in occupied for i in range(start, end)):
                    continue
                if not any(c in present for c in row.get("context", ())):
                    continue
                if self._inside_name(doc, start, end):
                    continue
                out.append(_Mention(start, end, row["label"], row["id"], "short", alias_hit=True))
                occupied.update(range(start, end))
        return out

    def _appositions(self, doc: Doc, mentions: list[_Mention]) -> None:
        """Roles: "Google DeepMind CEO Demis Hassabis", "Victor Riparbelli, CEO of ...", "– Mike Capone, CEO of ..."."""
        by_end = {m.end: m for m in mentions}
        person_at = {i for m in mentions if m.label == "PERSON" for i in range(m.start, m.end)}
        for m in mentions:
            if m.label != "PERSON" or m.source == "title":
                continue
            # before the name: title words, optionally led by an organisation / place / nationality
            i = m.start
            while i > 0 and doc[i - 1].lower_ in self.titles and "\n" not in doc[i - 1].whitespace_:
                i -= 1
            if i < m.start:
                j = i
                owner = by_end.get(i)
                if owner is not None and owner.label != "PERSON":
                    j = owner.start
                m.role = doc[j:m.start].text if not m.role or j < i else m.role
            # after the name: ", CEO of British AI startup Synthesia"
            k = m.end
            if k < len(doc) - 1 and doc[k].text == "," and "\n" not in doc[k].whitespace_:
                j, words = k + 1, []
                while j < len(doc) and len(words) < 14:
                    t = doc[j]
                    if t.text in _STOP_ROLE or t.is_quote or t.is_space or (t.is_sent_start and words):
                        break
                    words.append(t)
                    if "\n" in t.whitespace_:
                        break
                    j += 1
                while words and (words[-1].is_punct or words[-1].lower_ in ("and", "said", "says")):
                    words.pop()
                lead = [w.lower_ for w in words[:4]]
                if words and any(w in self.titles for w in lead) and not any(w.pos_ == "VERB" for w in words[:3]) \
                        and lead[0] not in ("and", "or") and not any(w.i in person_at for w in words):
                    role = doc[words[0].i:words[-1].i + 1].text
                    if role.lower() not in self.titles or m.role is None:
                        m.role = m.role if m.role and len(m.role) > len(role) else role

    def _resolve_people(self, doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """One cluster per person: full names first, then surnames, typos and first names join them."""
        surnames = set()
        for m in mentions:
            if m.label == "PERSON" and m.source != "title":
                given, sur = names.split_name(names.canonical_person(doc[m.start:m.end].text))
                if given:
                    surnames.add(names.fold(" ".join(sur)))
        for m in mentions:                               # "Holloway" tagged ORG after "Jane Holloway"
            if m.source == "model" and not m.alias_hit and m.label in ("ORG", "GPE", "LOC") \
                    and names.fold(doc[m.start:m.end].text) in surnames:
                m.label = "PERSON"
        people = sorted((m for m in mentions if m.label == "PERSON" and m.source != "title"), key=lambda m: m.start)
        clusters: list[_Cluster] = []

        def find(name: str):
            f = names.fold(name)
            return next((c for c in clusters if names.fold(c.name) == f), None)

        # pass 1: full names as written in the article
        for m in people:
            text = names.canonical_person(doc[m.start:m.end].text)
            if len(names.name_tokens(text)) < 2 or not names.split_name(text)[0]:
                continue
            canon = m.canon or text
            c = find(canon)
            if c is None:
                c = next((c for c in clusters if names.surname_key(c.name) == names.surname_key(canon)
                          and names.given_key(c.name) == names.given_key(canon)), None)
            if c is None:
                c = next((c for c in clusters if names.near_surname(c.name, canon)
                          and names.given_key(c.name) == names.given_key(canon)), None)
            if c is None:
                c = _Cluster(canon)
                clusters.append(c)
            m.canon = c.name
            c.mentions.append(m)
        # pass 2: surnames, typos, lone first names, gazetteer short names
        keep = []
        for m in people:
            if any(m in c.mentions for c in clusters):
                keep.append(m)
                continue
            text = names.canonical_person(doc[m.start:m.end].text)
            key = names.surname_key(text)
            same = [c for c in clusters if names.surname_key(c.name) == key]
            if not same:
                same = [c for c in clusters if names.near_surname(c.name, text)
                        and names.compatible_given(c.name, text)]
            if not same and len(names.name_tokens(text)) == 1:
                same = [c for c in clusters if names.given_key(c.name).split()[:1] == [names.fold(text)]]
            if len(same) == 1 or (same and m.alias_hit and len({c.name for c in same}) == 1):
                c = same[0]
            elif m.alias_hit and m.canon:
                c = find(m.canon) or _Cluster(m.canon)
                if c not in clusters:
                    clusters.append(c)
            else:
                if m.end - m.start == 1:
                    continue                             # a lone unknown word ("Block", "Banner:"): noise
                c = find(text) or _Cluster(text)
                if c not in clusters:
                    clusters.append(c)
            m.canon = c.name
            c.mentions.append(m)
            keep.append(m)
        # title mentions: the article's holder of that role, else the table's
        others = [m for m in mentions if m.label != "PERSON"]
        titled = []
        for m in mentions:
            if m.source != "title":
                continue
            row_i = self.role_index.get(names.fold(m.surface))
            holder = None
            for c in clusters:
                for pm in c.mentions:
                    if pm.role and row_i is not None and self.role_index.get(names.fold(pm.role)) == row_i:
                        holder = c.name
                        break
                if holder:
                    break
            if holder is None and row_i is not None:
                holder = self.roles[row_i]["holder"]
                for c in clusters:
                    if names.fold(c.name) == names.fold(holder) or (
                        names.surname_key(c.name) == names.surname_key(holder)
                        and names.compatible_given(c.name, holder)
                    ):
                        holder = c.name
                        break
                else:
                    m.canon, m.world = holder, True
                    titled.append(m)
                    continue
            m.canon, m.world = holder, False
            m.role = None
            titled.append(m)
        return others + keep + titled

    def _write(self, doc: Doc, mentions: list[_Mention], raw_ents) -> None:
        mentions = [m for m in mentions if m.canon and m.start < m.end]
        spans = filter_spans([Span(doc, m.start, m.end, label=m.label) for m in mentions])
        by_pos = {(m.start, m.end): m for m in mentions}
        actors: dict[str, Actor] = {}
        group = []
        for sp in sorted(spans, key=lambda s: s.start):
            m = by_pos[(sp.start, sp.end)]
            sp._.actor = m.canon
            group.append(sp)
            if m.world:
                continue
            key = names.fold(m.canon)
            a = actors.get(key)
            if a is None:
                a = actors[key] = Actor(name=m.canon, label=m.label)
            a.mentions.append((sp.start_char, sp.end_char))
            alias = names.clean_surface(sp.text)
            if alias and alias not in a.aliases:
                a.aliases.append(alias)
            if m.role and not a.role:
                a.role = m.role
        doc.spans[extensions.MENTIONS] = group
        doc._.actors = list(actors.values())
        # doc.ents: the cleaned mentions replace the model's actor entities; other labels stay
        keep = [e for e in doc.ents if e.label_ not in LABELS]
        taken = set()
        for sp in group:
            taken.update(range(sp.start, sp.end))
        keep = [e for e in keep if not any(i in taken for i in range(e.start, e.end))]
        try:
            doc.ents = sorted(keep + group, key=lambda s: s.start)
        except ValueError:                               # overlapping: leave the model's entities
            pass


@Language.factory(
    "summitclaims_actors",
    default_config={
        "noise": "actor_noise",
        "cues": "actor_cues",
        "roles": "roles",
        "short": "actor_short",
    },
)
def make_actors(nlp: Language, name: str, noise: str, cues: str, roles: str, short: str) -> ActorLinker:
    return ActorLinker(nlp, name, noise, cues, roles, short)
