"""The actor rule tables, built once per component from patterns/*.jsonl: noise words, cues, U.S.
states, roles and short forms, and the gazetteer's alias index for looking names up."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from ... import resources
from ...text import names
from .gazetteer import LABELS

Alias = tuple[str, str, bool]            # (canonical name, label, ambiguous) of a gazetteer name
_FOLDED_CUES = frozenset(("group", "member"))   # cue kinds compared folded; the others lower-cased
PLACE_STEM = 6                           # "Philippine", "Argentine": a nationality shares this much with its country
_POSTAL_CODE = 2                         # "IN", "OR": postal codes are looked up as written, never title-cased


@dataclass
class ActorTables:
    """Every table the passes read. Filled at component init (the alias index also by
    ``add_gazetteer``), never changed by a document."""
    noise_words: set[str]                # a span that is this text, or has it before its last word
    heads: set[str]                      # a span ending in it names an event, law, place of work or product
    alone: set[str]                      # never an actor on its own ("National", "State")
    org_cues: set[str]                   # a noun right before a name makes it an organisation
    state_nouns: set[str]                # "the French government": a mention of the state
    demonyms: dict[str, str]             # folded nationality adjective -> country
    org_suffixes: set[str]               # the last word of an organisation's name ("Holdings", "N.V.")
    org_heads: set[str]                  # an institution's last word ("Office", "Committee"): an organisation
    of_heads: set[str]                   # with "of" and a place after it, an organisation ("District")
    groups: set[str]                     # folded nationality or party groups that are NORP ("Democrats")
    legal: set[str]                      # legal suffixes ("Corp", "Inc"): ignored when names are compared
    members: set[str]                    # folded party member words ("Democrat"): a person, not a group
    bodies: set[str]                     # institutions that are not the short form of their committees
    office_titles: set[str]              # titles that take "of": "Secretary of State" names no state
    org_filler: set[str]                 # words of a company name that name nothing alone ("Bros", "and")
    trailing_function: set[str]          # function words a name other than a person's never ends in
    states: dict[str, tuple[str, bool]]  # "Calif" -> ("California", sure)
    titles: set[str]                     # words that make a job title
    title_names: set[str]                # titles that are also first names ("dean"): "Dean Jones" is a name
    roles: list[dict[str, Any]]          # office rows with a holder, in table order
    role_matcher: PhraseMatcher          # their title phrases, any case; match id -> role_ids
    role_ids: dict[int, int]             # matcher match id -> index in roles
    role_index: dict[str, int]           # folded title phrase -> index in roles
    short_rows: list[dict[str, Any]]     # short forms of an organisation, linked in context
    short_matcher: PhraseMatcher         # their patterns, exact case; match id -> short_ids
    short_ids: dict[int, int]            # matcher match id -> index in short_rows
    alias: dict[str, Alias] = field(default_factory=dict)   # folded name or pattern -> gazetteer entry
    ambiguous: set[str] = field(default_factory=set)        # canonical names that are common words too
    place_stems: set[str] = field(default_factory=set)      # first letters of the gazetteer's places
    wikidata: dict[str, str] = field(default_factory=dict)  # canonical name -> Wikidata item ("Q142")

    def lookup(self, text: str) -> Alias | None:
        """The gazetteer entry of a name as written, legal suffix ignored; a lower-case word never
        ("orange" is not Orange)."""
        key = names.fold(names.clean_surface(text))
        hit = self.alias.get(key)
        if hit is None and " " in key:                  # "International Business Machines Corp"
            hit = self.alias.get(names.fold(names.strip_legal_suffix(key, self.legal)))
        if hit and " " not in text.strip() and text.islower():
            return None
        return hit

    def is_place(self, name: str) -> bool:
        """Whether ``name`` is a place the tables know: the gazetteer's, or a U.S. state's name."""
        hit = self.lookup(name)
        if hit:
            return hit[1] in ("GPE", "LOC")
        return any(v[0] == name for v in self.states.values())

    def state(self, text: str) -> tuple[str, bool] | None:
        """("California", sure) for "Calif", "Calif.", "CALIF."; else None."""
        key = text.strip().rstrip(".")
        hit = self.states.get(key)
        if hit is None and key.isupper() and len(key) > _POSTAL_CODE and "." not in key:
            hit = self.states.get(key.title())        # "OAK BROOK, ILL., March 9"
        return hit


def build_tables(nlp: Language, noise: str, cues: str, roles: str, short: str, states: str) -> ActorTables:
    """All tables of one component, from the named pattern files and the built-in gazetteer."""
    words = _read_noise(noise)
    cue, demonyms = _read_cues(cues)
    state_abbrs = _read_states(states)
    titles, title_names, role_rows, role_matcher, role_ids = _read_roles(nlp, roles)
    short_rows, short_matcher, short_ids = _read_short(nlp, short)
    tables = ActorTables(
        noise_words=words["word"], heads=words["head"], alone=words["alone"],
        org_cues=cue.get("org_cue", set()), state_nouns=cue.get("state_noun", set()), demonyms=demonyms,
        org_suffixes=cue.get("org_suffix", set()), org_heads=cue.get("org_head", set()),
        of_heads=cue.get("of_head", set()), groups=cue.get("group", set()),
        legal=cue.get("legal_suffix", set()), members=cue.get("member", set()), bodies=cue.get("body", set()),
        office_titles=cue.get("office_title", set()), org_filler=cue.get("org_filler", set()),
        trailing_function=cue.get("trailing_function", set()),
        states=state_abbrs, titles=titles, title_names=title_names,
        roles=role_rows, role_matcher=role_matcher, role_ids=role_ids,
        role_index={names.fold(p): i for i, r in enumerate(role_rows) for p in r.get("patterns", ())},
        short_rows=short_rows, short_matcher=short_matcher, short_ids=short_ids,
    )
    add_gazetteer(tables, resources.load_patterns("actors") + resources.load_patterns("actor_countries"))
    return tables


def add_gazetteer(tables: ActorTables, rows: Iterable[dict[str, Any]]) -> None:
    """Index the gazetteer's string patterns for looking up the model's entities by name."""
    for row in rows:
        pat, canon, label = row.get("pattern"), row.get("id"), row.get("label")
        if canon and row.get("wikidata"):           # one row of a name may carry it, any kind of pattern
            tables.wikidata.setdefault(canon, row["wikidata"])
        if isinstance(pat, str) and canon and label in LABELS:
            entry = (canon, label, bool(row.get("ambiguous")))
            tables.alias.setdefault(names.fold(names.clean_surface(pat)), entry)
            tables.alias.setdefault(names.fold(canon), entry)
            if label == "GPE" and len(canon) >= PLACE_STEM:
                tables.place_stems.add(names.fold(canon)[:PLACE_STEM])
            if row.get("ambiguous"):
                tables.ambiguous.add(canon)


def _read_noise(name: str) -> dict[str, set[str]]:
    """Folded noise texts by kind: word, head (also any kind not word or alone), alone."""
    out: dict[str, set[str]] = {"word": set(), "head": set(), "alone": set()}
    for row in resources.load_patterns(name):
        kind = row.get("kind")
        out[kind if kind in ("word", "alone") else "head"].add(names.fold(row.get("text", "")))
    return out


def _read_cues(name: str) -> tuple[dict[str, set[str]], dict[str, str]]:
    """(cue words by kind, folded demonym -> country)."""
    sets: dict[str, set[str]] = {}
    demonyms: dict[str, str] = {}
    for row in resources.load_patterns(name):
        kind, text = row.get("kind"), row.get("text", "")
        if kind == "demonym":
            demonyms[names.fold(text)] = row["country"]
        elif isinstance(kind, str):
            sets.setdefault(kind, set()).add(names.fold(text) if kind in _FOLDED_CUES else text.lower())
    return sets, demonyms


def _read_states(name: str) -> dict[str, tuple[str, bool]]:
    """Each state abbreviation, final dot dropped -> (state, never an English word)."""
    states: dict[str, tuple[str, bool]] = {}
    for row in resources.load_patterns(name):
        for ab in row.get("abbr", ()):
            states[ab.rstrip(".")] = (row["state"], bool(row.get("sure")))
    return states


def _read_roles(nlp: Language, name: str) -> tuple[set[str], set[str], list[dict[str, Any]], PhraseMatcher,
                                                  dict[int, int]]:
    """(title words, those that are first names too, office rows with a holder, a matcher of their
    phrases, match id -> row index)."""
    titles: set[str] = set()
    title_names: set[str] = set()
    rows: list[dict[str, Any]] = []
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    ids: dict[int, int] = {}
    for row in resources.load_patterns(name):
        if row["kind"] == "title":
            titles.add(row["title"].lower())
            if row.get("given_name"):
                title_names.add(row["title"].lower())
        elif row.get("holder"):
            key = str(len(rows))
            ids[nlp.vocab.strings.add(key)] = len(rows)
            rows.append(row)
            matcher.add(key, [nlp.make_doc(p) for p in row.get("patterns", ())])
    return titles, title_names, rows, matcher, ids


def _read_short(nlp: Language, name: str) -> tuple[list[dict[str, Any]], PhraseMatcher, dict[int, int]]:
    """(short-form rows, a matcher of their patterns, match id -> row index)."""
    rows = list(resources.load_patterns(name))
    matcher = PhraseMatcher(nlp.vocab)
    ids: dict[int, int] = {}
    for i, row in enumerate(rows):
        ids[nlp.vocab.strings.add(str(i))] = i
        matcher.add(str(i), [nlp.make_doc(row["pattern"])])
    return rows, matcher, ids
