"""Who commits, pledges, invests, raises or announces an amount: climbing the parse from the amount
to the verb that governs it ("to invest", "pledging", "an investment of") and taking its subject,
its passive agent, the giver of a receiving verb, or the noun a participle hangs on."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from . import headings, nouns
from . import labels as L
from .context import DocContext, children

RECEIVED = "received, no giver named"     # evidence of a receiver's amount: the actor is not said here
LISTED_DEPS = frozenset(("nummod", "appos", "npadvmod", "compound", "nmod"))   # "Freedonia $1.7bn"
LEADING = frozenset(("lead", "back", "co-lead", "anchor"))   # "a round led by X": X is the giver
MAX_CLIMB = 14            # steps from the amount up the parse; further up is another sentence's matter


@dataclass
class _Climb:
    """Per-amount state of one climb."""
    span: Span
    heading: str | None
    from_noun: bool = False   # the last step came through a noun ("an investment of")
    received: bool = False    # a receiving verb was passed and no giver named
    evidence: str | None = None

    def why(self, actor: str | None, rule: str, words: str | None) -> str | None:
        """Note and return the evidence for ``actor`` (None without one)."""
        self.evidence = f"{rule}: {words}" if actor and words else (rule if actor else None)
        return self.evidence


def link(ctx: DocContext, span: Span) -> str | None:
    """The actor of the amount ``span``, or None when the text does not say."""
    return link_why(ctx, span)[0]


def link_why(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """(actor, evidence) of the committer of the amount ``span``: the actor, and the rule and words
    that linked it ("subject of 'pledged': Iliad"); (None, None) when the text does not say."""
    if not len(span):
        return None, None
    heading = headings.heading(ctx, span)
    climb = _Climb(span, heading)
    if not ctx.parsed:
        return heading, climb.why(heading, "line heading", heading)
    root = span.root
    # "the UAE's 50 billion euros", "a 109-billion-euro investment" (possessor of the noun)
    owner = nouns.possessor(ctx, root)
    if owner:
        return owner, climb.why(owner, "possessor of the amount", _poss_text(root))
    # "Ruritania pledged $3bn, Freedonia $1.7bn and Sylvania $2.6bn": a list that leaves out the
    # verb names each item's actor just before its amount
    if root.dep_ in LISTED_DEPS and span.start > 0:
        named = ctx.mention(root.head)
        if named is not None and named.end == span.start and named._.sc_actor and not _receiving_list(ctx, named):
            return named._.sc_actor, climb.why(named._.sc_actor, "named before the amount in a list", named.text)
    # "pledges included $3.3 billion from the European Union", "$2.9 billion in new assistance from
    # the U.S.": who it comes from
    measured = _measured(root)
    for prep in (p for t in (root, *measured) for p in t.children):
        if prep.dep_ in L.GIVER_PREP_DEPS and prep.lower_ == "from":
            obj = next((c for c in prep.children if c.dep_ == L.PREP_OBJECT), None)
            giver = ctx.actor(obj) if obj is not None else None
            if obj is not None and not giver:
                # "€50 billion from the EU budget": the name that owns the source
                giver = next((ctx.actor(c) for c in obj.children if c.dep_ in L.NAME_PART_DEPS
                              and ctx.actor(c)), None)
            if obj is not None and giver:
                return giver, climb.why(giver, "'from' after the amount", _phrase(obj))
    found = _relative_giver(ctx, root, measured)
    if found is not None:
        return found[0], climb.why(found[0], found[1], found[2])
    tok = root
    for _ in range(MAX_CLIMB):
        if tok.pos_ in L.VERB_POS or (tok.dep_ == "ROOT" and tok.pos_ != "NOUN"):
            decided, actor = _at_verb(ctx, climb, tok)
            if decided:
                return actor, climb.evidence if actor or climb.evidence == RECEIVED else None
        elif tok.pos_ in L.NOUN_POS and tok.i != root.i:
            owner = nouns.possessor(ctx, tok)
            if owner and _security(ctx, tok):
                # "increase its convertible bond issue to 75 mln dlrs": the issuer receives what
                # the securities bring; the buyers who pay are not named
                climb.evidence = RECEIVED
                return None, RECEIVED
            if owner:
                return owner, climb.why(owner, f"possessor of '{tok.text}'", _poss_text(tok))
            # "closed a 600 million euro round led by General Catalyst": the investor leading it,
            # not the company that closes (and receives) it
            leader = _leader(ctx, tok)
            if leader:
                return leader, climb.why(leader, f"leader of the '{tok.text}'", leader)
            climb.from_noun = True
        if tok.head.i == tok.i or tok.dep_ not in L.CLIMB_DEPS:
            break
        tok = tok.head
    return heading, climb.why(heading, "line heading", heading)


def relative_giver(ctx: DocContext, span: Span) -> tuple[str, str] | None:
    """(giver, evidence) named by a relative clause on the amount ("the $4.5 billion in resources
    that G7 leaders committed"), or None."""
    if not ctx.parsed or not len(span):
        return None
    root = span.root
    found = _relative_giver(ctx, root, _measured(root))
    return (found[0], f"{found[1]}: {found[2]}") if found is not None else None


def _measured(root: Token) -> list[Token]:
    """The nouns an amount measures: "$2.9 billion in new assistance", "€300 million of support"."""
    return [o for p in root.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
            for o in p.children if o.dep_ == L.PREP_OBJECT and o.pos_ == "NOUN"]


def _relative_giver(ctx: DocContext, root: Token, measured: list[Token]) -> tuple[str, str, str] | None:
    # "the $4.5 billion in resources that G7 leaders committed", "the $5 billion that Contoso
    # promised": the subject of a relative clause whose object is the amount
    for noun in (root, *measured):
        for rel in noun.children:
            if rel.dep_ != L.RELATIVE_CLAUSE or rel.pos_ not in L.VERB_POS:
                continue
            objects = [c for c in rel.children if c.dep_ in L.OBJECT_DEPS]
            subj = next((c for c in rel.children if c.dep_ in L.SUBJECT_DEPS
                         and c.lower_ not in L.RELATIVE_PRONOUNS), None)
            if subj is None or any(o.lower_ not in L.RELATIVE_PRONOUNS for o in objects):
                continue
            giver = nouns.resolve(ctx, subj)
            if giver and ctx.label_of(giver) != "PERSON":
                return giver, f"subject of '{rel.text}' on the amount", _phrase(subj)
    return None


def _from_named(ctx: DocContext, verb: Token) -> tuple[str, str] | None:
    """(actor, words) of a "from X" on ``verb`` that names an actor."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            obj = next((c for c in prep.children if c.dep_ == L.PREP_OBJECT), None)
            actor = ctx.actor(obj) if obj is not None else None
            if obj is not None and actor:
                return actor, obj.text
    return None


def _receiving_list(ctx: DocContext, named: Span) -> bool:
    """ "Libya is to receive $8.9m, North Yemen $5.5m": a list under a receiving verb (any verb above
    the name: the parse may hang the item on a clause in between) names receivers."""
    tok = named.root
    for _ in range(MAX_CLIMB):
        if tok.pos_ in L.VERB_POS:
            # "Libya is to receive": the verb, or the one its "be" or "have" opens
            for verb in (tok, *(c for c in tok.children if c.dep_ == "xcomp")):
                lemma = verb.lemma_.lower()
                if lemma in ctx.words.receivers or lemma in ctx.words.givers and any(
                        c.dep_ == L.PASSIVE_SUBJECT for c in verb.children):
                    return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _poss_text(tok: Token) -> str:
    return next((c.text for c in tok.children if c.dep_ == L.POSSESSOR), "")


def _at_verb(ctx: DocContext, climb: _Climb, verb: Token) -> tuple[bool, str | None]:
    """(True, actor) when ``verb`` decides the actor (None: nobody named), else (False, None)."""
    if verb.lemma_ == "be" and climb.from_noun:
        climb.why(climb.heading, "line heading", climb.heading)
        return True, climb.heading
    if _resized_issue(ctx, climb.span, verb):
        climb.evidence = RECEIVED
        return True, None
    # "The private equity firm KKR will pay": of two subjects the parse gives, the named one
    subjects = children(ctx, verb, L.SUBJECT_DEPS)
    subj = next((c for c in subjects if ctx.mention(c) is not None), subjects[0] if subjects else None)
    if subj is None and verb.dep_ == "xcomp":
        # "Barbados has mandated Barclays Bank to arrange a 25 mln stg credit": the object of the
        # verb above does what the clause says
        controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                           and ctx.mention(c) is not None), None)
        if controller is not None:
            subj = controller
    # passive: "was announced by Nvidia" names the actor in the agent
    agent = next(iter(children(ctx, verb, (L.AGENT,))), None)
    by = next((c for c in agent.children if c.dep_ == L.PREP_OBJECT), None) if agent is not None else None
    if subj is not None and climb.span.start <= subj.i < climb.span.end:
        # "€20 billion will come from Brookfield", "$10bn is expected from Fluidstack"
        source = _from_named(ctx, verb)
        if source is not None:
            climb.why(source[0], f"'from' after '{verb.text}'", source[1])
            return True, source[0]
    if _subject_receives(ctx, climb, verb, subj):
        # "$1.3 billion asked for by the UN": the agent of a receiving verb is who receives
        receiving = verb.lemma_.lower() in ctx.words.receivers
        giver = _giver(ctx, verb) if by is None or receiving else nouns.resolve(ctx, by)
        if giver is not None:
            climb.why(giver, f"giver to the receiver of '{verb.text}'", giver)
            return True, giver
        climb.received = True
    if by is not None and (subj is None or subj.dep_ == L.PASSIVE_SUBJECT):
        subj = by
    if subj is not None:
        if climb.received:
            climb.evidence = RECEIVED
            return True, None
        if climb.heading and ctx.mention(subj) is None and subj.pos_ != "PRON":
            climb.why(climb.heading, "line heading", climb.heading)
            return True, climb.heading
        if verb.lemma_ == "be" and generic(ctx, subj):
            return True, None       # "the conference goal was $7bn": nobody is said to give it
        paired = nouns.respective(subj, climb.span.root) if subj.conjuncts else None
        if paired is not None:   # "A and B pledged $1bn and $2bn": each its own
            subj = paired
            actor = nouns.resolve(ctx, subj)
        else:
            actor = nouns.joint(ctx, subj, nouns.resolve(ctx, subj), climb.span)
        if actor is None and generic(ctx, subj):
            # "Pledges included $3.3 billion from the European Union": a subject naming no one, and
            # the verb says where the money comes from
            source = _from_named(ctx, verb)
            if source is not None:
                climb.why(source[0], f"'from' after '{verb.text}'", source[1])
                return True, source[0]
        rule = "agent of" if subj.dep_ == "pobj" else "subject of"
        climb.why(actor, f"{rule} '{verb.text}'", _phrase(subj))
        return True, actor
    # "Iliad, pledging 3 billion euros": the participle's noun is the actor
    if verb.tag_ in L.PARTICIPLE_TAGS and verb.dep_ in L.PARTICIPLE_DEPS:
        found = _participle_actor(ctx, verb)
        if found:
            climb.why(found, f"noun of the participle '{verb.text}'", found)
            return True, found
    climb.from_noun = False
    return False, None


def generic(ctx: DocContext, subj: Token) -> bool:
    """A common noun naming no one: no mention, possessor, pronoun or descriptor ("the goal")."""
    if subj.pos_ != "NOUN" or ctx.mention(subj) is not None:
        return False
    if any(c.dep_ == L.POSSESSOR for c in subj.children):
        return False
    low = subj.lemma_.lower()
    return low not in ctx.words.descriptors and subj.lower_ not in ctx.words.descriptors


def _phrase(tok: Token) -> str:
    """The words naming an actor: the token with its compounds ("the company", "General Catalyst")."""
    doc = tok.doc
    start = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "det", "poss", "amod")
                           and c.i < tok.i])
    return doc[start:tok.i + 1].text


def _subject_receives(ctx: DocContext, climb: _Climb, verb: Token, subj: Token | None) -> bool:
    """ "France will receive 109 billion euros (from the EU)", "Contoso was awarded $5m": the subject
    receives; the actor is the giver, when the text names one."""
    lemma = verb.lemma_.lower()
    return lemma in ctx.words.receivers or (
        lemma in ctx.words.givers and subj is not None and subj.dep_ == L.PASSIVE_SUBJECT
        and not climb.span.start <= subj.i < climb.span.end) or (
        lemma in ctx.words.issuers and securities_sold(ctx, climb.span, verb))


def _resized_issue(ctx: DocContext, span: Span, verb: Token) -> bool:
    """ "decided to increase its bond issue to 75 mln dlrs from 60 mln": the amount sizes the
    issuer's own securities (through "to", "from", "by"), which it receives, not gives."""
    root = span.root
    if not (root.dep_ == L.PREP_OBJECT and root.head.lower_ in ("to", "from", "by") and root.head.head.i == verb.i):
        return False
    return any(c.dep_ in L.OBJECT_DEPS and _security(ctx, c) and any(p.dep_ == L.POSSESSOR for p in c.children)
               for c in verb.children)


def _security(ctx: DocContext, noun: Token) -> bool:
    sec = ctx.words.securities
    return noun.lemma_.lower() in sec or noun.lower_ in sec


def securities_sold(ctx: DocContext, span: Span, verb: Token) -> bool:
    """The amount is what securities bring ("offer 250 mln dlrs of notes", "issue a 75 mln dlr
    convertible bond", "offered 10 mln shares for 205 mln stg"): their issuer receives it."""
    root = span.root
    nouns_ = [o for p in root.children if p.dep_ == "prep" and p.lower_ in ("of", "in")   # "$120m in notes"
              for o in p.children if o.dep_ == L.PREP_OBJECT]
    if root.dep_ in LISTED_DEPS or root.dep_ == "amod":
        nouns_.append(root.head)
    nouns_ += [c for c in verb.children if c.dep_ in L.OBJECT_DEPS and c.i != root.i]
    sec = ctx.words.securities
    return any(n.lemma_.lower() in sec or n.lower_ in sec for n in nouns_)


def _giver(ctx: DocContext, verb: Token) -> str | None:
    """ "receive ... from the EU": the object of a "from" / "by" attached to the verb or its object."""
    receiving = verb.lemma_.lower() in ctx.words.receivers     # "raised by Contoso": Contoso receives
    for t in (verb, *(c for c in verb.children if c.dep_ in L.OBJECT_DEPS)):
        for prep in t.children:
            if prep.dep_ in L.GIVER_PREP_DEPS and prep.lower_ in L.GIVER_PREPS \
                    and not (receiving and prep.lower_ == "by"):
                obj = next((c for c in prep.children if c.dep_ == L.PREP_OBJECT), None)
                if obj is not None:
                    return nouns.resolve(ctx, obj)
    # "raised $100m in a round led by General Catalyst": the investor leading it
    for prep in verb.children:
        for obj in (c for c in prep.children if c.dep_ == L.PREP_OBJECT):
            leader = _leader(ctx, obj)
            if leader:
                return leader
    return None


def _leader(ctx: DocContext, noun: Token) -> str | None:
    """The investor a round is "led by" / "backed by", or None."""
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in LEADING:
            by = next((c for c in acl.children if c.dep_ == L.AGENT), None)
            who = next((c for c in by.children if c.dep_ == L.PREP_OBJECT), None) if by is not None else None
            if who is not None:
                return nouns.resolve(ctx, who)
    return None


def _participle_actor(ctx: DocContext, verb: Token) -> str | None:
    """The named noun a participle hangs on: "companies like Iliad, pledging ..." -> Iliad;
    "the Stargate project, promising ..." -> Stargate. Not the noun's whole phrase."""
    doc = ctx.doc
    prev = doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.text in (",", "(", "—", "–") and verb.i > 1:
        named = ctx.mention(doc[verb.i - 2])
        # "trading in Asia, passing US$91.10": a region before the comma is where, not who
        if named is not None and named._.sc_actor and named.label_ not in L.PLACE_LABELS - {"GPE"}:
            return named._.sc_actor
    if verb.dep_ == "acl":
        noun = verb.head
        for t in [noun, *(c for c in noun.children if c.dep_ in L.NAME_PART_DEPS)]:
            found = ctx.actor(t)
            if found is not None:
                return found
    return None
