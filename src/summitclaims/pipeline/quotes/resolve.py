"""From the speaker words of an attribution to an actor: a sieve, its first matching step wins.

1. A pronoun ("she", "it", "they") opening its sentence goes back to the subject of the sentence
   before, in its paragraph, when that one fits ("Brown then started speaking. He said ...");
   else to the most recent compatible candidate: the speakers of the last two paragraphs first,
   then their subjects, then anyone; by gender where the article tells it (earlier pronouns,
   "Mr"/"Ms", then the first-name table); "they" may be an unnamed group that spoke ("traders
   said ... they said": nobody named).
2. A head noun of an unnamed source ("the senior ministry official", "one GOP operative") names
   nobody, not even the organisation in its words.
3. A document ("A statement from the EU") speaks for whoever its phrase names; a government
   ("the Spanish government") for the country its words name.
4. A mention under the speaker words: a person over an organisation ("a spokesman for IBM" -> IBM);
   an organisation's mention run on into a person's name is that person.
5. A proper name the actors component has no mention for: the subject completed from the text
   ("the Commonwealth Bank of Australia"), a surname of a known actor, else the name as written.
6. A definite description: a job title goes to the one person whose role it is ("The President"),
   else to the most recent compatible candidate whose name holds its head noun ("the ministry" ->
   "Finance Ministry"), else to the most recent compatible one ("the minister", "the company");
   indefinite and plural descriptions ("one trader", "analysts") name nobody.

``speaker_type`` says which kind of words named the speaker; an anonymous source never keeps a
person's name.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...text import people_names
from .. import sents
from .candidates import PERSON_LABELS, missed_name, surname
from .context import Attribution, Candidate, QuoteContext
from .cues import SUBJECT_DEPS, subject

PRONOUN_GENDER = {"she": "f", "her": "f", "he": "m", "him": "m"}
PLURAL_PRONOUNS = frozenset({"they", "them"})
PLURAL = "PLURAL"               # the label of a plural speaker no name covers ("analysts")
DEFINITE = frozenset({"the", "this", "that"})       # "the minister": someone named before
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "many", "most"})
PLURAL_TAGS = ("NNS", "NNPS")
LABEL_RANK = {"PERSON": 0, "ORG": 1}                # of the mentions under the speaker words, a person first

RECENT_CHARS = 600              # about two paragraphs: how far back a salient candidate is preferred


def resolve(ctx: QuoteContext, attr: Attribution) -> tuple[str | None, str]:
    """The actor the attribution names and how it names them (``speaker_type``); the speaker
    becomes a candidate later pronouns and descriptions may refer back to. An anonymous source
    ("a senior official", "one trader") never takes a person's name; its organisation it may
    ("a spokesman for IBM")."""
    speaker, label = _speaker_of(ctx, attr)
    kind = speaker_type(ctx, attr, label)
    if kind == "anonymous" and speaker is not None and not (
            _speaks_for(ctx, attr) and any(m._.sc_actor == speaker and m.label_ != "PERSON" for m in ctx.mentions)):
        speaker = None
    ctx.cands.append(Candidate(attr.start, speaker, label, None, True, True))
    return speaker, kind


def _speaks_for(ctx: QuoteContext, attr: Attribution) -> bool:
    """An unnamed source that speaks for the organisation its words name ("a spokesman for IBM",
    "Finance Ministry officials"), unlike "one GOP operative"."""
    span = ctx.doc.char_span(attr.start, attr.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.lower_ in ctx.tables.speakers_for or (
        root.tag_ in PLURAL_TAGS and root.lemma_.lower() in ctx.tables.sources)


def speaker_type(ctx: QuoteContext, attr: Attribution, label: str) -> str:
    """named | organisation (a name, as written), pronoun, nominal ("the minister", "the company")
    or anonymous ("a senior official", "analysts", "Finance Ministry officials")."""
    word = attr.text.strip().lower()
    if word in ctx.tables.pronouns:
        return "pronoun"
    span = ctx.doc.char_span(attr.start, attr.end, alignment_mode="expand")
    if span is None or not len(span):
        return "nominal"
    root = span.root
    if root.lower_ in ctx.tables.sources:
        return "anonymous"
    if (root.lower_ in ctx.tables.documents or root.lower_ in ctx.tables.governing) and label in ("ORG", "GPE"):
        return "organisation"
    if root.lower_ in ctx.tables.documents and label == "PERSON":
        return "named"                      # "a statement by Ray Lugo", "X issued the following statement"
    named = [m for m in _covering(ctx, attr, root) if m.start <= root.i < m.end]
    if named:
        return "named" if named[0].label_ == "PERSON" or _person_ending(named[0]) else "organisation"
    first = span[0]
    if first.lower_ in INDEFINITE or (root.tag_ in PLURAL_TAGS and first.lower_ not in DEFINITE
                                      and first.tag_ != "PRP$"):
        return "anonymous"
    if root.pos_ == "PROPN" and first.lower_ not in DEFINITE:
        return "organisation" if label in ("ORG", "GPE") else "named"
    return "nominal"


def _speaker_of(ctx: QuoteContext, attr: Attribution) -> tuple[str | None, str]:
    """(actor or None, label) of the speaker words."""
    word = attr.text.strip().lower()
    if word in ctx.tables.pronouns:
        return _pronoun(ctx, attr, word)
    span = ctx.doc.char_span(attr.start, attr.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    if root is not None and root.lower_ in ctx.tables.sources:
        return None, "PERSON"          # "the senior ministry official", "one GOP operative": unnamed
    if root is not None and root.lower_ in ctx.tables.documents:
        issuer = _issuer(ctx, root)    # "A statement from the EU said"
        if issuer is not None:
            return issuer._.sc_actor, issuer.label_
    if root is not None and root.lower_ in ctx.tables.governing:
        country = _governed(ctx, root)     # "the Spanish government said": Spain
        if country is not None:
            return country, "GPE"
    covering = _covering(ctx, attr, root)
    if covering:
        return _best_mention(ctx, covering, root)
    if span is None or root is None:
        return None, "?"
    return _description(ctx, attr, span, root)


def _governed(ctx: QuoteContext, noun: Token) -> str | None:
    """The country a government noun's modifier names ("the Spanish government", "The U.S.
    Government", "Japan's cabinet")."""
    for c in noun.children:
        if c.dep_ not in ("compound", "amod", "poss", "nmod"):
            continue
        m = next((m for m in ctx.mentions if m.start <= c.i < m.end and m._.sc_actor), None)
        if m is not None and m.label_ in ("GPE", "NORP"):
            return m._.sc_actor
    return None


def _issuer(ctx: QuoteContext, noun: Token) -> Span | None:
    """The mention a document noun's phrase names: "a statement from/by/of the EU", "the EU's
    statement", "a statement issued by the EU", "the EU issued a statement"."""
    by = [a for c in noun.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
    for c in [*noun.children, *by]:         # ("a statement issued by the Wallenberg companies")
        obj = next((o for o in c.children if o.dep_ == "pobj"), None) if c.dep_ in ("prep", "agent") and \
            c.lower_ in ("from", "by", "of") else c if c.dep_ == "poss" else None
        if obj is None:
            continue
        found = next((m for m in ctx.mentions if m.start <= obj.i < m.end and m._.sc_actor), None)
        if found is None and c.dep_ == "agent" and noun.head.i > c.i:
            # "issued by the holding companies AB Investor and ... said": the first name before the verb
            found = next((m for m in ctx.mentions if c.i < m.start and m.end <= noun.head.i and m._.sc_actor
                          and m.label_ in ("ORG", "PERSON", "GPE")), None)
        if found is not None:
            return found
    if noun.dep_ == "dobj":                 # "X issued the following statement:"
        chars = subject(noun.head)
        if chars is not None:
            return next((m for m in ctx.mentions if chars[0] <= m.start_char and m.end_char <= chars[1]
                         and m._.sc_actor and m.label_ in ("ORG", "PERSON", "GPE")), None)
    return None


def _pronoun(ctx: QuoteContext, attr: Attribution, word: str) -> tuple[str | None, str]:
    """"she", "they", "it": the most recent compatible candidate; a gendered pronoun also tells
    the gender of the actor it finds."""
    want = ctx.tables.pronouns[word]
    gender = PRONOUN_GENDER.get(word)
    labels: tuple[str, ...] = PERSON_LABELS if want == "PERSON" else (want, "GPE")
    if word in PLURAL_PRONOUNS:
        labels += (PLURAL,)     # "money traders said ... they said": the traders, who are nobody named
    c = _subject_before(ctx, attr, labels, gender) or antecedent(ctx, attr.start, labels, gender)
    if c is None:
        return None, want
    if gender and c.actor:
        ctx.gender.setdefault(c.actor, gender)
    return c.actor, c.label


def _subject_before(ctx: QuoteContext, attr: Attribution, labels: tuple[str, ...],
                    gender: str | None) -> Candidate | None:
    """The subject of the previous sentence of the paragraph, for a pronoun that is the first subject
    of its own sentence, when it is a candidate of the right label and gender: who a paragraph is
    about ("Brown then started speaking. He said ..."; "The President expressed his thanks. He
    noted ..."), not the last one to speak."""
    doc = ctx.doc
    span = doc.char_span(attr.start, attr.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    sent = sents.sent(doc, tok.i)
    if tok.dep_ not in SUBJECT_DEPS or sent.start == 0 or any(t.dep_ in SUBJECT_DEPS for t in doc[sent.start:tok.i]):
        return None
    prev = sents.sent(doc, sent.start - 1)
    if ctx.paragraph_break.search(ctx.text, prev.end_char, sent.start_char):
        return None
    subj = next((c for c in prev.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.i < prev.start:
        return None
    lo, hi = subj.left_edge.idx, subj.idx + len(subj)
    c = next((c for c in reversed(ctx.cands) if lo <= c.pos < hi), None)
    if c is None and subj.lower_ in ctx.tables.job_titles and subj.left_edge.lower_ in DEFINITE:
        c = _by_role(ctx, lo, subj.lower_)       # "The President expressed ..."
    if c is None and subj.pos_ == "PROPN" and subj.is_title:
        known = surname(ctx, subj.text)          # "Jones then started speaking": no mention, a surname
        c = Candidate(lo, known, "PERSON", None, True) if known else None
    if c is None or c.label not in labels or (gender and gender_of(ctx, c) not in (None, gender)):
        return None
    return c


def _covering(ctx: QuoteContext, attr: Attribution, root: Token | None) -> list[Span]:
    """Mentions overlapping the speaker words: persons and organisations, and a place only
    where it is the words' head ("France said")."""
    return [m for m in ctx.mentions if m.start_char < attr.end and attr.start < m.end_char
            and m._.sc_actor and (m.label_ in ("PERSON", "ORG")
                                  or (m.label_ == "GPE" and root is not None and m.start <= root.i < m.end))]


def _best_mention(ctx: QuoteContext, covering: list[Span], root: Token | None) -> tuple[str | None, str]:
    covering.sort(key=lambda m: (LABEL_RANK.get(m.label_, 2), -(m.end_char - m.start_char)))
    best = covering[0]
    person = _person_ending(best)
    if person is not None:
        return person, "PERSON"
    if best.label_ != "PERSON" and root is not None and root.pos_ == "NOUN" and not best.start <= root.i < best.end \
            and ctx.tables.noun_label(root.lower_) == "PERSON":
        return best._.sc_actor, "PERSON"     # "a spokesman for IBM": IBM, and later "he" too
    return best._.sc_actor, best.label_


def _person_ending(m: Span) -> str | None:
    """ "Minister in the Ministry of Finance Brian Manning": an organisation's mention that runs on
    into a person's name (a known first name and a surname, capitalised, at its end) is that person."""
    if m.label_ != "ORG" or len(m) < 4:
        return None
    first, last = m[-2], m[-1]
    if not (first.is_title and last.is_title and first.pos_ == "PROPN" and last.pos_ == "PROPN"):
        return None
    return f"{first.text} {last.text}" if people_names.is_given_name(first.text) else None


def _description(ctx: QuoteContext, attr: Attribution, span: Span, root: Token) -> tuple[str | None, str]:
    """Speaker words no mention covers: a surname or name the actors missed, or a description
    ("the minister" -> the person named before, "analysts" -> nobody)."""
    first = span[0].lower_
    if root.pos_ == "PROPN":
        # "the Commonwealth Bank of Australia said": a subject the actors component has no mention
        # for, completed from the text as a candidate (``candidates``)
        own = next((c for c in ctx.cands if attr.start <= c.pos < attr.end and c.actor and not c.spoke
                    and len(c.actor.split()) > 1       # ("The Ministry" is the one named before)
                    and not any(m.start_char == c.pos for m in ctx.mentions)), None)   # (not "Texas" of
        # "the Texas Democrat": a mention's candidate)
        if own is not None:
            return own.actor, own.label
    if first not in DEFINITE and first not in INDEFINITE:
        if root.is_title:
            # "Stals" (tagged a plural noun) after "Chris Stals": an actor's surname
            known = surname(ctx, root.text)
            if known is not None:
                return known, "?"
        if root.pos_ == "PROPN":
            return missed_name(ctx, span), "?"
    if root.tag_ in PLURAL_TAGS:
        return None, PLURAL        # "analysts": nobody in particular, and not a "he"
    if first in INDEFINITE:
        return None, "PERSON"      # "analysts", "one trader": nobody in particular
    label, gender = ctx.tables.noun_entry(root.lower_)
    if first in DEFINITE and root.lower_ in ctx.tables.job_titles:
        titled = _by_role(ctx, attr.start, root.lower_)    # "The President said": the one whose role it is
        if titled is not None:
            return titled.actor, titled.label
    if first in DEFINITE or span[0].tag_ == "PRP$":
        labels = PERSON_LABELS if label == "PERSON" else (label,)
        c = _named_by_head(ctx, attr.start, labels, root) or antecedent(ctx, attr.start, labels, gender)
        return (c.actor, c.label) if c is not None else (None, label)
    return None, label


def _named_by_head(ctx: QuoteContext, pos: int, labels: tuple[str, ...], root: Token) -> Candidate | None:
    """"The ministry said" after "the Finance Ministry" and other bodies: the latest candidate
    before ``pos`` whose name holds the description's head noun."""
    if root.pos_ not in ("NOUN", "PROPN") or labels == PERSON_LABELS:
        return None
    head = root.lower_
    return next((c for c in reversed(ctx.cands) if c.pos < pos and c.actor and c.label in labels
                 and head in c.actor.lower().split()), None)


def _by_role(ctx: QuoteContext, pos: int, title: str) -> Candidate | None:
    """The latest person before ``pos`` whose role, as the actors component read it ("President",
    "Prime Minister"), ends in ``title``; None when none does, or two different people do."""
    roles = {a.name: (a.role or "").lower().split() for a in ctx.doc._.sc_actors or () if a.role}
    people = [c for c in ctx.cands if c.pos < pos and c.actor and roles.get(c.actor, [""])[-1:] == [title]]
    if not people or len({c.actor for c in people}) > 1:
        return None
    return people[-1]


def gender_of(ctx: QuoteContext, c: Candidate) -> str | None:
    """The candidate's gender: what a pronoun said of the actor, its title, then its first name."""
    if c.actor in ctx.gender:
        return ctx.gender[c.actor]
    if c.gender or c.label not in PERSON_LABELS or not c.actor:
        return c.gender
    first = c.actor.split()[0]
    return ctx.tables.first_names.get(first.lower()) or people_names.gender_of(first)


def antecedent(ctx: QuoteContext, pos: int, labels: tuple[str, ...], gender: str | None) -> Candidate | None:
    """The most recent candidate before ``pos``: the speakers of the last ~2 paragraphs first
    ("Comdata said ... It said": not the bank named in what Comdata said), then salient ones
    (subjects, speakers) there, then any; a gender-compatible one first at each step."""
    before = [c for c in ctx.cands if c.pos < pos and c.label in labels]
    if not before:
        return None
    before.sort(key=lambda c: c.pos)
    window = pos - RECENT_CHARS
    speakers = [c for c in before if c.spoke and c.pos >= window]
    recent = [c for c in before if c.salient and c.pos >= window]
    salient = [c for c in before if c.salient]
    pools = (speakers, recent, salient, before)
    if gender:
        for pool in pools:
            ok = [c for c in pool if gender_of(ctx, c) in (None, gender)]
            if ok:
                return ok[-1]
    for pool in pools:
        if pool:
            return pool[-1]
    return None
