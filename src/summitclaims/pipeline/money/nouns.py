"""The actor a noun phrase stands for: a mention in it, its possessor ("Iliad's plan"), a pronoun's
antecedent, or the named actor a descriptor ("the company") refers back to."""
from __future__ import annotations

from spacy.tokens import Span, Token

from . import labels as L
from .context import DocContext

MAX_DEPTH = 20            # steps from a mention up to the phrase's head; deeper parses are loops


def resolve(ctx: DocContext, tok: Token) -> str | None:
    """The actor the phrase headed by ``tok`` names, or None."""
    actor = ctx.actor(tok)
    if actor is not None:
        return actor
    if tok.pos_ == "PRON" or tok.tag_ in L.PRONOUN_TAGS:
        return _pronoun(ctx, tok)
    low = tok.lower_
    descriptor = ctx.words.descriptors.get(tok.lemma_.lower()) or ctx.words.descriptors.get(low)
    if descriptor == "GPE" and any(c.dep_ == L.POSSESSOR and c.lower_ in PERSONAL_POSSESSIVES
                                   for c in tok.children):
        # "Justin Trudeau said his country would provide": the country, not the man
        return ctx.referent(tok, ("GPE",))
    owner = possessor(ctx, tok)       # "Our goal is to mobilise ...", "Iliad's plan"
    if owner:
        return owner
    # "London sugar prices fell 3.50 dlrs", "a Texas jury awarded ...": a place that only
    # modifies a common noun says where, not who.
    modifier_only = descriptor is None and tok.pos_ == "NOUN"
    # "the iPhone maker", "the Gucci owner": the name before the epithet is what the company makes
    # or owns; the company itself is met earlier
    made = _made(ctx, tok) if tok.lemma_.lower() in ctx.words.makers or low in ctx.words.makers else frozenset()
    best = best_in_subtree(ctx, tok, skip_places=descriptor == "ORG", skip_modifiers=modifier_only,
                           skip=made)
    if best is not None:
        return best
    if descriptor and any(c.dep_ == L.POSSESSOR or (c.dep_ == "det" and c.lower_ in L.DEFINITE)
                          for c in tok.children):   # "the bank", "its lender"; not "a bank group"
        return ctx.referent(tok, ("ORG",) if descriptor == "ORG" else ("GPE", "ORG"),
                            not_actors=frozenset(ctx.actor(ctx.doc[i]) for i in made))
    return None


def _made(ctx: DocContext, tok: Token) -> frozenset[int]:
    """Token indices of the names that modify an epithet ("iPhone" in "the iPhone maker")."""
    return frozenset(t.i for c in tok.children if c.dep_ in L.MODIFIER_DEPS
                     for t in c.subtree if ctx.mention(t) is not None)


def respective(subj: Token, amount: Token) -> Token | None:
    """The subject an amount belongs to when both are lists: "Cheung Kong and Hutchison ended at
    41.75 and 51 dlrs" pairs them in order; a list of subjects against one amount, or lists of
    other lengths, say nothing (None). A single subject is itself."""
    subjects = [subj, *(c for c in subj.children if c.dep_ == "conj")]
    if len(subjects) == 1:
        return subj
    first = amount
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    amounts = [first]
    while True:
        nxt = next((c for c in amounts[-1].children if c.dep_ == "conj"), None)
        if nxt is None:
            break
        amounts.append(nxt)
    if len(amounts) != len(subjects) or amount not in amounts:
        return None
    return subjects[amounts.index(amount)]


JOINT_LABELS = frozenset(("ORG", "GPE", "NORP"))
MAX_JOINT = 4             # names in one joint actor ("A, B, C and D"); longer lists are not one giver


def joint(ctx: DocContext, subj: Token, actor: str | None, amount: Span) -> str | None:
    """ "The EU and the IMF agreed a 110 billion euro package": one amount two givers make
    together is theirs jointly ("European Union and International Monetary Fund"). Not when the
    sentence pairs givers with amounts ("pledged $1bn and $2bn respectively") or lists amounts."""
    if actor is None or ctx.label_of(actor) not in JOINT_LABELS:
        return actor
    if subj.head.lemma_.lower() in ctx.words.bilateral:
        return actor              # "the EIB and Ukraine will sign the loans": two sides, not two givers
    conjuncts = [c for c in subj.conjuncts if c.i > subj.i]
    if not conjuncts or any(t.lower_ == "respectively" for t in amount.sent):
        return actor
    root = amount.root
    if any(c.dep_ == "conj" for c in root.children) or root.dep_ == "conj":
        return actor
    names = [actor]
    for c in conjuncts:
        other = ctx.actor(c)
        if other is None or ctx.label_of(other) not in JOINT_LABELS:
            return actor          # "Iliad and its partners": not all named
        if other not in names:
            names.append(other)
    if len(names) == 1 or len(names) > MAX_JOINT:
        return actor
    return ", ".join(names[:-1]) + " and " + names[-1]


def _pronoun(ctx: DocContext, tok: Token) -> str | None:
    low, w = tok.lower_, ctx.words
    if low in w.third_person:
        return ctx.nearest(tok, ("PERSON",))
    if low in w.first_person:
        person = ctx.nearest(tok, ("PERSON",), after_ok=True)
        if person and low in PLURAL_FIRST:
            # "'We are investing $10 billion,' Microsoft president Brad Smith said": his company
            return _employer(ctx, person, tok) or person
        return person
    if low in L.RELATIVE_PRONOUNS and tok.head.dep_ == L.RELATIVE_CLAUSE:
        return resolve(ctx, tok.head.head)
    if low in w.neuter:
        # "Japan said it would contribute $300 million": the subject of the verb that reports it
        return _reporter(ctx, tok) or ctx.recent_org(tok)
    if low in PLURAL_THIRD:
        return _listed_before(ctx, tok)
    return None


PLURAL_THIRD = frozenset(("their", "they", "them"))


def _listed_before(ctx: DocContext, tok: Token) -> str | None:
    """ "We thank the governments of Saudi Arabia and the United Arab Emirates for their combined
    $930 million": "their" is the names listed just before it in its sentence, together."""
    if not ctx.doc.has_annotation("SENT_START"):
        return None
    sent = tok.sent
    for m in reversed([m for m in ctx.mentions_between(sent.start, tok.i) if m.end <= tok.i]):
        if m.label_ not in JOINT_LABELS or not m._.sc_actor:
            continue
        first = m.root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        found = [ctx.actor(t) for t in (first, *first.conjuncts) if t.i < tok.i]
        names: list[str] = []
        for n in found:
            if n and n not in names:
                names.append(n)
        if len(names) > 1 and all(ctx.label_of(n) in JOINT_LABELS for n in names):
            return ", ".join(names[:-1]) + " and " + names[-1]
        return None          # the nearest name is no list: "their" is not said to be it
    return None


PLURAL_FIRST = frozenset(("we", "our", "us", "ours"))
PERSONAL_POSSESSIVES = frozenset(("his", "her", "their", "our", "my"))
EMPLOYER_REACH = 6        # tokens before a person's name in which their organisation is named


def _employer(ctx: DocContext, person: str, tok: Token) -> str | None:
    """The company named on the nearest mention of ``person`` ("Microsoft president Brad Smith",
    "Brad Smith, Microsoft's president"), or None (none, or a public body)."""
    spans = [s for s in ctx.mentions if s._.sc_actor == person]
    if not spans:
        return None
    near = min(spans, key=lambda s: abs(s.start - tok.i))
    for t in near.root.subtree:
        if near.start <= t.i < near.end or abs(t.i - near.start) > EMPLOYER_REACH:
            continue
        named = ctx.mention(t)
        if named is not None and named.label_ == "ORG" and named._.sc_actor:
            # a public body's head speaks as its leader ("Commission President Ursula von der
            # Leyen": hers, as the seeds name the announcing leader); a company's officer for it
            public = ctx.words.offices & set(named._.sc_actor.lower().split())
            return None if public else named._.sc_actor
    return None


def _reporter(ctx: DocContext, tok: Token) -> str | None:
    """The organisation or country that says what "it" does, in the same sentence ("Japan said it
    would contribute"; "Iliad, the French telecoms group, said it would invest")."""
    if tok.dep_ not in L.SUBJECT_DEPS and tok.dep_ != L.POSSESSOR:
        return None
    verb = tok.head
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in L.SUBJECT_DEPS and c.i < tok.i), None)
        if subj is not None:
            named = ctx.mention(subj)
            if named is not None and named.label_ in ("ORG", "GPE") and named._.sc_actor:
                return named._.sc_actor
            return None
    return None


def possessor(ctx: DocContext, tok: Token) -> str | None:
    """The actor of ``tok``'s possessor ("the UAE's 50 billion euros"), or None."""
    for child in tok.children:
        if child.dep_ == L.POSSESSOR:
            return resolve(ctx, child)
    return None


def best_in_subtree(ctx: DocContext, head: Token, skip_places: bool = False,
                    skip_modifiers: bool = False, skip: frozenset[int] = frozenset()) -> str | None:
    """The mention closest to ``head`` in its phrase; a name given by "dubbed X" wins."""
    best = None
    best_key = None
    seen: set[int] = set()
    for t in head.subtree:
        span = ctx.index.get(t.i)
        if span is None or id(span) in seen or t.dep_ == L.RELATIVE_CLAUSE or t.i in skip:
            continue
        seen.add(id(span))
        if span.label_ in L.PLACE_LABELS and (skip_places or (
                skip_modifiers and span.root.dep_ in L.MODIFIER_DEPS and span.root.head.i == head.i)):
            continue
        named, depth = _path(ctx, span.root, head)
        if not named and _through_relative(ctx, span.root, head):
            continue    # "the loan that Ruritania received": who got it, not whose it is
        if span.label_ in L.PLACE_LABELS and not named and _in_clause(span.root, head):
            continue    # "Tenet, based in Dallas, agreed to pay": where the subject is, not who it is
        if not named and _through(span.root, head, L.RECEIVING_PREPS):
            continue    # "the proceeds to Treasury", "funding for Ruritania": who gets it
        if not named and head.lemma_.lower() in L.BOUGHT_NOUNS and _through(span.root, head, frozenset(("of",))):
            continue    # "the purchase of AE involved 125 mln stg": AE is bought, not the buyer
        if span.label_ in L.PLACE_LABELS and not named and _through(span.root, head, L.PLACE_PREPS):
            continue    # "tin business in London was confined to ...": where, not who
        key = (not named, depth, L.LABEL_RANK.get(span.label_, L.UNRANKED), span.start)
        if best_key is None or key < best_key:
            best, best_key = span._.sc_actor, key
    return best


def _through_relative(ctx: DocContext, tok: Token, head: Token) -> bool:
    """Whether a relative clause of a receiving verb lies on the way from ``tok`` up to ``head``
    ("the loan that Ruritania received"; not "the figure that Citigroup disclosed")."""
    x = tok
    for _ in range(MAX_DEPTH):
        if x.i == head.i or x.head.i == x.i:
            return False
        if x.dep_ == L.RELATIVE_CLAUSE:
            return x.lemma_.lower() in ctx.words.receivers
        x = x.head
    return False


def _through(tok: Token, head: Token, preps: frozenset[str]) -> bool:
    """Whether one of ``preps`` lies on the way from ``tok`` up to ``head``."""
    x = tok
    for _ in range(MAX_DEPTH):
        if x.i == head.i or x.head.i == x.i:
            return False
        if x.dep_ == "prep" and x.lower_ in preps:
            return True
        x = x.head
    return False


def _in_clause(tok: Token, head: Token) -> bool:
    """Whether a clause (relative, participle, apposition) lies between ``tok`` and ``head``."""
    x = tok
    for _ in range(MAX_DEPTH):
        if x.i == head.i or x.head.i == x.i:
            return False
        if x.dep_ in L.CLAUSE_DEPS or x.dep_ == "appos":
            return True
        x = x.head
    return False


def _path(ctx: DocContext, tok: Token, head: Token) -> tuple[bool, int]:
    """(whether a naming word lies on the way, how far) from ``tok`` up to ``head``."""
    naming = ctx.words.naming
    depth, named, x = 0, False, tok
    while x.i != head.i and depth < MAX_DEPTH:
        if x.dep_ in L.CLAUSE_DEPS and x.lemma_.lower() not in naming and x.lower_ not in naming:
            depth += 2          # clauses say something else about the head
        if x.lower_ in naming:
            named = True
        x = x.head
        depth += 1
        if x.head.i == x.i and x.i != head.i:
            break
    return named, depth
