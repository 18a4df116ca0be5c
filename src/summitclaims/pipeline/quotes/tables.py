"""The rule tables and limits of summitclaims_quotes, read once when the component is made."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ... import resources

DEFAULT_LABEL = "PERSON"        # a word no table names is read as a person ("the Texas Democrat")


@dataclass(frozen=True)
class QuoteTables:
    """Cue words, pronouns, gendered words and speaker nouns, plus the component's config limits."""
    verbs: frozenset[str]                       # reporting verbs, by lemma
    stances: dict[str, str]                     # reporting verb -> neutral | assertive | distancing | tentative
    reporting: frozenset[str]                   # the verbs whose clause is reported speech ("said that ...")
    hearer: frozenset[str]                      # verbs whose object is who was told ("told members that ...")
    told_things: frozenset[str]                 # objects of "tell" that are what was told ("the story")
    phrases: tuple[tuple[str, ...], ...]        # "according to": words before the speaker, in table order
    pronouns: dict[str, str]                    # pronoun -> the actor label it refers back to
    titles: dict[str, str]                      # "mr", "ms" -> gender
    first_names: dict[str, str]                 # first name -> gender (a tie-breaker only)
    job_titles: frozenset[str]                  # "secretary", "chairman": not part of a name
    company_suffixes: frozenset[str]            # "corp", "plc": a speaker ending so is a company
    nouns: dict[str, tuple[str, str | None]]    # head noun of a description -> (label, gender)
    sources: frozenset[str]                     # heads of an unnamed source ("official", "operative")
    documents: frozenset[str]                   # heads of a text speaking for who it names ("statement")
    speakers_for: frozenset[str]                # an unnamed person speaking for an organisation ("spokesman")
    governing: frozenset[str]                   # with a country's name, the country ("the Spanish government")
    max_gap: int                                # tokens between quote and reporting verb
    min_words: int                              # partial quotes shorter than this are scare quotes
    min_words_unattributed: int                 # a quote with no attribution needs this many words

    @classmethod
    def load(cls, cues: str, pronouns: str, gender: str, nouns: str, roles: str, max_gap: int,
             min_words: int, min_words_unattributed: int) -> QuoteTables:
        """Read the named tables of ``patterns/`` (checked by ``resources.load_patterns``)."""
        verbs: set[str] = set()
        stances: dict[str, str] = {}
        reporting: set[str] = set()
        hearer: set[str] = set()
        told_things: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        suffixes: set[str] = set()
        for row in resources.load_patterns(cues):
            if row["kind"] == "verb":
                lemma = str(row["lemma"]).lower()
                verbs.add(lemma)
                if "stance" in row:          # (its value checked against the schema on loading)
                    stances[lemma] = str(row["stance"])
                if row.get("indirect", True):
                    reporting.add(lemma)
                if row.get("hearer"):
                    hearer.add(lemma)
            elif row["kind"] == "told_thing":
                told_things.add(str(row["word"]).lower())
            elif row["kind"] == "phrase":
                phrases.append(tuple(str(row["phrase"]).lower().split()))
            else:
                suffixes.add(str(row["word"]).lower())
        titles: dict[str, str] = {}
        first_names: dict[str, str] = {}
        for r in resources.load_patterns(gender):
            table = titles if r.get("kind") == "title" else first_names
            table[str(r["word"]).lower().rstrip(".")] = str(r["gender"])
        return cls(
            verbs=frozenset(verbs), stances=stances, reporting=frozenset(reporting), hearer=frozenset(hearer),
            told_things=frozenset(told_things), phrases=tuple(phrases),
            pronouns={str(r["word"]).lower(): str(r["label"]) for r in resources.load_patterns(pronouns)},
            titles=titles, first_names=first_names,
            # shared with the actors component
            job_titles=frozenset(str(r["title"]).lower() for r in resources.load_patterns(roles)
                                 if r.get("kind") == "title"),
            company_suffixes=frozenset(suffixes),
            nouns={str(r["noun"]).lower(): (str(r.get("label", DEFAULT_LABEL)), r.get("gender"))
                   for r in resources.load_patterns(nouns)},
            sources=frozenset(str(r["noun"]).lower() for r in resources.load_patterns(nouns) if r.get("source")),
            documents=frozenset(str(r["noun"]).lower() for r in resources.load_patterns(nouns) if r.get("document")),
            speakers_for=frozenset(str(r["noun"]).lower() for r in resources.load_patterns(nouns)
                                   if r.get("speaks_for")),
            governing=frozenset(str(r["noun"]).lower() for r in resources.load_patterns(nouns) if r.get("governs")),
            max_gap=max_gap, min_words=min_words, min_words_unattributed=min_words_unattributed,
        )

    def is_verb(self, t: Token) -> bool:
        """``t`` is a reporting verb used as a verb (not "the say", not a noun "estimate")."""
        return t.lemma_.lower() in self.verbs and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"))

    def reports(self, t: Token) -> bool:
        """``t`` is a reporting verb whose clause is reported speech ("said that ...", not "believes")."""
        return self.is_verb(t) and t.lemma_.lower() in self.reporting

    def stance(self, cue: str | None) -> str | None:
        """The stance of a cue: the verb's class, neutral for an attribution phrase ("according to"),
        None for a dash or no cue."""
        if cue is None:
            return None
        if cue in self.stances:
            return self.stances[cue]
        return "neutral" if any(cue == " ".join(p) for p in self.phrases) else None

    def noun_label(self, word: str) -> str:
        """The actor label a description headed by ``word`` (lower case) refers to."""
        return self.nouns.get(word, (DEFAULT_LABEL,))[0]

    def noun_entry(self, word: str) -> tuple[str, str | None]:
        """(label, gender) of a description's head noun; a person of unknown gender if not listed."""
        return self.nouns.get(word, (DEFAULT_LABEL, None))

    def not_name(self, word: str) -> bool:
        """``word`` is a title ("Mr.", "Secretary"), never part of a person's name."""
        w = word.lower().rstrip(".")
        return w in self.titles or w in self.job_titles
