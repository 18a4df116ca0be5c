"""summitclaims_actors: canonical actors from the model's entities and the gazetteer.

Inputs: ``doc.ents`` (the statistical NER) and ``doc.spans[GAZ_KEY]`` (matches of the
``summitclaims_gazetteer`` span ruler, ``span.id_`` = canonical name).  Sets:
- ``doc.spans[extensions.MENTIONS]``: every mention of an actor (names, surnames, typos of a name
  in the article, title mentions such as "the Commission President", organisation short forms
  such as "the Commission"), ``span._.sc_actor`` = canonical name, ``span.label_`` in LABELS;
- ``doc._.sc_actors``: ``values.Actor`` per distinct actor, in order of first mention;
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
from ..normalize.quotes import is_hard_wrapped
from ..text import names
from ..values import Actor
from . import extensions, sents

GAZ_KEY = "sc_gazetteer"                 # span group filled by the gazetteer span ruler
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
_PROPER_TAGS = frozenset(("NNP", "NNPS"))
_DETS = frozenset(("the", "a", "an"))
_RULER_KEYS = ("label", "pattern", "id")
_NORP_SHAPE = re.compile(r"^[A-Z][a-z]+(?:[ie]ans?|ese|ish|i|ic|ch)$")   # "Italian", "Thai", "Dutch"
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?=\S)")
_STOP_ROLE = frozenset(",;:()[]{}\"“”«»|•–—")
# in hard-wrapped newswire only a blank line or an indented line ends a paragraph (and a name)
_WRAPPED_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]+")
_TRAILING_FUNCTION = frozenset(("and", "&", "of", "for", "the", "on", "in"))   # "Donaldson, Lufkin and"
_ORG_FILLER = frozenset(("bros", "bros.", "brothers", "and", "&", "of", "the"))
_OFFICE_TITLES = frozenset(("secretary", "minister", "undersecretary", "under-secretary"))
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "SANTA CRUZ, Calif., Feb 26 -" / "LONDON, March 3 (Reuters) -": the city of a newswire dateline
_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})"
    r"(?:,[ \t]*([A-Z][A-Za-z.]{1,6}))?,[ \t]+" + _MONTHS + r"[ \t]+\d{1,2}\b"
)


def read_gazetteer(path) -> list[dict]:
    """A user gazetteer (``--actors FILE``), same format as patterns/actors.jsonl, checked row by row
    so a mistake is reported once, naming file and line, before any model work."""
    rows = []
    for n, row in resources.numbered_rows(path):
        label, pat, canon = row.get("label"), row.get("pattern"), row.get("id")
        if label not in LABELS:
            problem = f"label must be one of {', '.join(LABELS)}, not {label!r}"
        elif not (isinstance(pat, str) and pat.strip()) and not (
            isinstance(pat, list) and pat and all(isinstance(t, dict) for t in pat)
        ):
            problem = "pattern must be a non-empty string (or a list of token patterns)"
        elif not (isinstance(canon, str) and canon.strip()):
            problem = "id (the canonical name) must be a non-empty string"
        else:
            rows.append(row)
            continue
        raise resources.PatternFileError(f"{path}:{n}: {problem}")
    return rows


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
    def __init__(self, nlp: Language, name: str, noise: str, cues: str, roles: str, short: str,
                 states: str = "actor_us_states"):
        self.name = name
        self._text = ""                                  # text of the doc being processed
        self._wrapped = False                            # that text is hard-wrapped newswire
        self.alias: dict[str, tuple[str, str, bool]] = {}
        self.ambiguous: set[str] = set()
        self.noise_words, self.heads, self.alone = set(), set(), set()
        for row in resources.load_patterns(noise):
            kind = row.get("kind")
            (self.noise_words if kind == "word" else self.alone if kind == "alone" else self.heads).add(
                names.fold(row.get("text", "")))
        self.org_cues, self.state_nouns, self.demonyms = set(), set(), {}
        self.org_suffixes, self.groups, self.legal, self.members = set(), set(), set(), set()
        self.bodies: set[str] = set()
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
            elif kind == "member":
                self.members.add(names.fold(text))
            elif kind == "body":
                self.bodies.add(text.lower())
            elif kind == "legal_suffix":
                self.legal.add(text.lower())
        self.states: dict[str, tuple[str, bool]] = {}      # "Calif" -> ("California", sure)
        for row in resources.load_patterns(states):
            for ab in row.get("abbr", ()):
                self.states[ab.rstrip(".")] = (row["state"], bool(row.get("sure")))
        self.titles: set[str] = set()
        self.roles: list[dict] = []
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for row in resources.load_patterns(roles):
            if row["kind"] == "title":
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
        for i in range(start, end):                      # entities never cross a line (a paragraph if wrapped)
            if self._breaks(doc[i]):
                if i == start or doc[i].is_space:
                    end = i if i > start else end
                else:
                    end = i + 1
                break
        while start < end and (doc[start].is_space or not any(c.isalnum() for c in doc[start].text)):
            start += 1
        while start < end and (doc[start].lower_ in _DETS or (label != "PERSON" and doc[start].like_num)):
            start += 1                                   # "the 31,781,461 Caesars World Inc" shares
        for i in range(start, end):                      # "Coffee Organization (ICO": the bracket is not the name
            if doc[i].text == "(" and not any(doc[j].text == ")" for j in range(i + 1, end)):
                end = i
                break
        if label == "PERSON":
            t0 = start
            while start < end - 1 and doc[start].lower_ in self.titles:
                start += 1
            if start > t0:
                prefix = doc[t0:start].text
        while end > start:
            last = doc[end - 1]
            if last.text in ("(", ")") or last.is_space or last.lower_ in ("'s", "’s", "'", "’") \
                    or (label != "PERSON" and last.lower_ in _TRAILING_FUNCTION) \
                    or not any(c.isalnum() for c in last.text) or (
                last.is_punct and not (len(last.text) > 1 and last.text.endswith("."))   # keep "U.S."
            ):
                end -= 1
            else:
                break
        if (
            end - start > 1 and doc[start].is_sent_start and doc[start].tag_ not in _PROPER_TAGS
            and label != "PERSON" and not names.is_acronym(doc[start].text)     # "BCI Holdings Corp said"
        ):
            start += 1
        return start, end, prefix

    def _breaks(self, tok) -> bool:
        """The token ends a name: a line break; in hard-wrapped text only a blank or indented line
        ("Ali\nTigrel" is one name there), or any other whitespace token."""
        if not tok.is_space and "\n" not in tok.whitespace_:
            return False
        if self._wrapped and "\n" in tok.text and tok.text.strip(" \t\n") == "":
            return bool(_WRAPPED_BREAK.search(tok.text))
        return True

    def _lookup(self, text: str):
        key = names.fold(names.clean_surface(text))
        hit = self.alias.get(key)
        if hit is None and " " in key:                  # "International Business Machines Corp"
            hit = self.alias.get(names.fold(names.strip_legal_suffix(key, self.legal)))
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
        words = [t.lower_ for t in span if not t.is_space]
        if m.label == "ORG" and all(w in self.legal or w in self.org_suffixes or w in self.alone or w in _ORG_FILLER
                                    for w in words):
            return True                                  # "Bros Inc", "Holdings Corp": the name was cut off
        full = self._text
        if span.start_char and full[span.start_char - 1] == "<" and full[span.end_char:span.end_char + 1] == ">" \
                and text.isupper() and len(words) <= 2:
            return True                                  # "<ERIC ST>": a newswire ticker symbol
        if names.fold(text) in self.alone or (
            m.label == "ORG" and len(words) == 1 and names.fold(text) in self.demonyms
        ):
            return True                                  # "National", "State", "Korean" as an ORG
        if len(words) == 1 and m.start >= 2 and doc[m.start - 1].lower_ == "of" \
                and doc[m.start - 2].lower_ in _OFFICE_TITLES:
            return True                                  # "Secretary of State", "Minister of Finance": a title
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
        self._text = sents.text(doc)
        self._wrapped = is_hard_wrapped(self._text)
        raw_ents = [e for e in doc.ents if e.label_ in LABELS]
        mentions = self._candidates(doc, raw_ents)
        mentions = self._datelines(doc, mentions)
        mentions = self._titles(doc, mentions)
        mentions = self._short_forms(doc, mentions)
        mentions = self._join_orgs(doc, mentions)
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
            label = e.label_
            if end < len(doc) and doc[end].lower_ in self.legal and doc[end].text[:1].isupper() \
                    and not self._breaks(doc[end - 1]):
                end, label = end + 1, "ORG"               # "Wrather Corp": the model stopped short
            if label != "PERSON":                        # "National Security Adviser Brent Scowcroft"
                k = next((i for i in range(start + 1, end - 2) if doc[i].lower_ in self.titles), None)
                tail = [t for t in doc[k + 1:end] if not t.is_space] if k is not None else []
                if len(tail) >= 2 and all(t.is_title and t.is_alpha for t in tail):
                    start, label, prefix = tail[0].i, "PERSON", doc[start:k + 1].text
            model.append(_Mention(start, end, label, None, "model", role=prefix))
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
            state = self._state(text)
            if state is not None:                        # "Calif", "N.Y.": a state, or nothing
                if state[1] or self._after_place(doc, m.start):
                    m.canon, m.label, m.alias_hit = state[0], "GPE", True
                    out.append(m)
                continue
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
                if m.label == "NORP" and names.fold(text) in self.members and m.start and (
                    doc[m.start - 1].lower_ in _DETS or doc[m.start - 1].ent_type_ in ("GPE", "LOC")
                ):
                    continue                             # "the Texas Democrat", "a Republican": a person
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

    def _state(self, text: str):
        """("California", sure) for "Calif", "Calif.", "CALIF."; else None."""
        key = text.strip().rstrip(".")
        hit = self.states.get(key)
        if hit is None and key.isupper() and len(key) > 2 and "." not in key:
            hit = self.states.get(key.title())        # "OAK BROOK, ILL., March 9"
        return hit

    @staticmethod
    def _after_place(doc: Doc, i: int) -> bool:
        """"Elkhart, Ind.": a comma right after a capitalised word."""
        return i >= 2 and doc[i - 1].text == "," and doc[i - 2].text[:1].isupper() and doc[i - 2].is_alpha

    def _datelines(self, doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """The city (and state) of a newswire dateline near the top, "SANTA CRUZ, Calif., Feb 26 -":
        always a place, whatever the model said, named in its usual case ("Santa Cruz")."""
        m = _DATELINE.search(self._text, 0, 600)
        if m is None:
            return mentions
        found = []
        city = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if city is not None and len(city) and names.fold(city.text) not in self.alone:
            hit = self._lookup(city.text)
            canon = hit[0] if hit and hit[1] in ("GPE", "LOC") else names.title_case(city.text)
            found.append(_Mention(city.start, city.end, "GPE", canon, "dateline", alias_hit=True))
        if m.group(2):
            st = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
            state = self._state(m.group(2))
            if st is not None and state is not None:
                found.append(_Mention(st.start, st.end, "GPE", state[0], "dateline", alias_hit=True))
        if not found:
            return mentions
        return [x for x in mentions if not any(x.start < f.end and f.start < x.end for f in found)] + found

    def _join_orgs(self, doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
        """One organisation per article: "International Business Machines Corp (IBM)", later "IBM"
        (initials, or the acronym in brackets after the name), "Ford Motor Co" ... "Ford" (a shorter
        form that only one longer name here starts with), legal suffixes ignored."""
        orgs = [m for m in mentions if m.label == "ORG" and m.canon]
        if not orgs:
            return mentions
        fulls: dict[str, str] = {}                       # comparison key -> canonical
        for m in sorted(orgs, key=lambda m: -len(m.canon)):
            fulls.setdefault(names.fold(names.strip_legal_suffix(m.canon, self.legal)), m.canon)
        bracket: dict[str, str] = {}
        known = {m.start: m for m in mentions if m.alias_hit and m.source == "gazetteer"}
        for m in orgs:                                   # "Long Name (LN)": the bracket names it
            if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")" \
                    and names.is_acronym(doc[m.end + 1].text) and not names.is_acronym(m.canon):
                g = known.get(m.end + 1)
                if g is not None and g.label == "ORG" and not m.alias_hit:
                    m.canon, m.alias_hit = g.canon, True    # "... Exporting Countries (OPEC)": the gazetteer's
                else:
                    bracket.setdefault(doc[m.end + 1].text, m.canon)
        acronyms = dict(bracket)
        for key, canon in fulls.items():                 # initials of a name here
            if " " in key:
                for form in {canon, names.strip_legal_suffix(canon, self.legal)}:
                    ini = names.initials(form)
                    if len(ini) >= 2:
                        acronyms.setdefault(ini, canon)
        for m in mentions:                               # "Wrather" tagged a place beside "Wrather Corp"
            if m.label in ("GPE", "LOC", "PERSON") and m.source == "model" and not m.alias_hit and m.canon \
                    and fulls.get(names.fold(m.canon), m.canon) != m.canon:
                m.label, m.canon = "ORG", fulls[names.fold(m.canon)]
        for m in mentions:                               # "FFCC" tagged a place after "... Council (FFCC)"
            if m.label != "ORG" and m.source == "model" and not m.alias_hit and m.end - m.start == 1 \
                    and acronyms.get(doc[m.start].text) is not None:
                m.label = "ORG"
                orgs.append(m)
        for m in orgs:
            if m.source != "model" or m.alias_hit:
                continue                                 # the gazetteer's names stay as they are
            text = names.clean_surface(doc[m.start:m.end].text)
            if names.is_acronym(text) and text in acronyms and acronyms[text] != m.canon:
                m.canon = acronyms[text]
                continue
            key = names.fold(names.strip_legal_suffix(m.canon, self.legal))
            if fulls.get(key, m.canon) != m.canon:       # "Ford Motor Co." = "Ford Motor Co"
                m.canon = fulls[key]
                continue
            longer = {c for k, c in fulls.items() if k.startswith(key + " ")}
            if len(longer) == 1 and doc[m.start].text[:1].isupper() and key == names.fold(m.canon) \
                    and key not in self.bodies:          # "House" is not "House Agriculture Subcommittee"
                # (a name with its own legal suffix, "Gelco Corp", is a company of its own)
                m.canon = longer.pop()
        # an acronym defined in brackets is a mention wherever it recurs, also where the model missed it
        if bracket:
            occupied = {i for m in mentions for i in range(m.start, m.end)}
            for tok in doc:
                canon = bracket.get(tok.text)
                if canon is not None and tok.i not in occupied:
                    mentions.append(_Mention(tok.i, tok.i + 1, "ORG", canon, "model", alias_hit=True))
                    occupied.add(tok.i)
        return mentions

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
            while i > 0:
                if doc[i - 1].lower_ in self.titles:
                    i -= 1
                elif i >= 3 and doc[i - 2].lower_ == "of" and doc[i - 1].is_title and doc[i - 3].lower_ in self.titles:
                    i -= 2                               # "Secretary of State George Shultz"
                else:
                    break
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
            sp._.sc_actor = m.canon
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
                a.role = " ".join(m.role.split())       # a wrapped line inside the title
        doc.spans[extensions.MENTIONS] = group
        doc._.sc_actors = list(actors.values())
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
        "states": "actor_us_states",
    },
)
def make_actors(nlp: Language, name: str, noise: str, cues: str, roles: str, short: str, states: str) -> ActorLinker:
    return ActorLinker(nlp, name, noise, cues, roles, short, states)
