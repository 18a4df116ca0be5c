"""The claim around one amount: its ``type`` and cue (``types``), whose money it is and why
(``clauses`` for a commitment's committer, ``owners`` for whose revenue, value, price or cost it
is), who receives it and what for (``targets``), whether the text calls it new or a repeat, the
date its sentence or paragraph gives, and the periods the normaliser cannot know: a results
period ("first-quarter profit": P3M) and "by 2030" (the years from the publication date).

The words come from ``patterns/money_claims.jsonl``, read once (``ClaimWords``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ... import resources
from ...normalize.money.finder import finder
from ...normalize.money.periods import duration
from ...values import Money
from .. import extensions, layout, sents
from . import clauses, nouns, owners, targets, types
from . import labels as L
from .context import DocContext, children

NEW_REACH = 3             # words before an amount in which "new" / "additional" is read
REPEAT_REACH = 40         # chars before an amount in which "previously announced" is read
REPEAT_AFTER = 24         # chars after it in which ", part of" is read
UNTIL_REACH = 80          # chars after an amount searched for "by 2030"
REPAID_REACH = 200        # chars after a loan searched for its repayment term
MAX_UNTIL_YEARS = 50
TERM_NOUN_REACH = 4       # words after "five-year" in which its loan noun is read ("floating rate note")
PARAGRAPH_LOOK_BACK = 3   # sentences back in a paragraph for the period its figures were given for
GIVER_REACH = 600        # chars back to the commitment whose giver a receiver's amount takes
EARNER_REACH = 400       # chars back to the results figure whose owner an ownerless one takes
PART_REACH = 4           # parse steps from an amount up to the "part of" that makes it a whole
TABLE_LOOK_BACK = 12      # lines above a results-table row searched for its section ("Nine mths")
_SECTION = re.compile(r"^[ \t]*(?P<w>[A-Za-z0-9][A-Za-z0-9 .-]{1,24}?)[ \t]*$")
_TERM = re.compile(r"(?P<n>[A-Za-z0-9]+)[ \t]*-[ \t]*(?P<unit>year|month)s?\b", re.I)    # "seven-year"
_STOP = re.compile(r"[.;!?](?=\s|$)")
# a sentence that opens by pointing back at the amount before it: its parts follow
_POINTS_BACK = re.compile(r"""
    \W*(?:
        (?:of|in|included\s+in|including)\s+(?:this|that|these|those|which)\b      # "Of this funding,"
      | (?:this|that|these|it)\s+(?:also\s+)?(?:includes?|included|comprises?|contains?)\b   # "This includes"
    )
""", re.X | re.I)
# "repaid in 25 years", "paid back over 10 years", "maturing within seven years": a word of the
# table's, then the span; the verb is checked against the table (money_claims kind "repaid")
_REPAID = re.compile(r"""
    \b(?P<verb>[A-Za-z]+)\s+(?:back\s+)?(?:over|in|within|after)\s+
    (?P<n>\d+|[A-Za-z]+)[\s-]+(?P<unit>years?|months?)\b
""", re.X)
# a sentence stating the term of the story's loan: "The financing will be for seven years", "the
# loans are repayable over 15 years", "The notes mature in 10 years"
_STATED_TERM = r"""
    \b(?:the|this|these|both|each|its|their)\s+
    (?:[\w-]+\s+){{0,3}}?                        # "the two World Bank"
    (?:{nouns})s?\b                               # the loan noun
    [^.;:\n]{{0,60}}?                              # "will be", "carry a maturity of", "are"
    \b(?:for|over|of|in|within)\s+
    (?P<n>[A-Za-z0-9]+)\s+(?P<unit>years?|months?)\b
"""
_COMPARED = re.compile(r"""
    \b(?:a|last|the\s+previous|the\s+prior|prior|previous|earlier|same)\s+(?:year|yr)(?:'s|’s)?\b
  | \byear[\s-](?:ago|earlier|before)\b
""", re.X)
_YEAR_NUMBER = re.compile(r"(?<![\d.,$€£])(?:19[5-9]\d|20\d\d)(?![\d.,%]|\s*(?:mln|billion|million|bn))")
_YEAR = re.compile(r"""
    (?:in\s+)?                                  # "maturing in 2003"
    (?:the\s+end\s+of\s+)?
    (?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?   # "due Sept 17, 1988", "by June 2027"
    (?P<y>(?:19|20)\d\d)\b
""", re.X)
# "for 2021-2023", "in 2021-23", "over 2024 to 2027": a range of years
_YEAR_RANGE = re.compile(r"\b(?:for|in|over|during|from|covering)\s+(?:the\s+)?(?:years?\s+|period\s+)?"
                         r"(?P<a>(?:19|20)\d\d)\s*(?:-|–|—|to|through|until)\s*(?P<b>(?:19|20)?\d\d)\b")


@dataclass(frozen=True)
class ClaimWords:
    new: frozenset[str]
    repeat_before: tuple[str, ...]
    repeat_after: tuple[str, ...]
    reporting: frozenset[str]
    results: tuple[tuple[str, str, int], ...]   # (phrase, period, rank), longest phrase first
    until: frozenset[str]
    parts: frozenset[str]
    inclusion: frozenset[str]
    repaid: frozenset[str]         # "to be repaid in 25 years": a loan's term follows these
    deals: frozenset[str]          # "the deal", "the transaction": an acquisition met before
    loans: frozenset[str]          # "loan", "facility": whose term a later sentence may state
    stated_term: re.Pattern[str]   # a sentence stating a term for those ("The financing will be for seven years")
    acquire: frozenset[str]        # "buy", "acquire": their subject is an acquirer
    targets: targets.TargetWords
    types: types.TypeWords


@lru_cache(maxsize=1)
def load() -> ClaimWords:
    rows = resources.load_patterns("money_claims")
    actors = resources.load_patterns("money_actors")
    tw = types.load()

    def words(kind: str, key: str = "word", table: tuple = rows) -> list[str]:
        return [r[key].lower() for r in table if r.get("kind") == kind]

    acquire = frozenset(words("acquire"))
    results = sorted(((r["phrase"].lower(), r["period"], int(r["rank"])) for r in rows
                      if r["kind"] == "results_period"), key=lambda x: -len(x[0]))
    return ClaimWords(
        new=frozenset(words("new")),
        repeat_before=tuple(r["phrase"].lower() for r in rows if r["kind"] == "repeat" and not r.get("after")),
        repeat_after=tuple(r["phrase"].lower() for r in rows if r["kind"] == "repeat" and r.get("after")),
        reporting=frozenset(words("reporting")),
        results=tuple(results),
        until=frozenset(words("until")),
        parts=frozenset(words("part")),
        inclusion=frozenset(words("inclusion")),
        repaid=frozenset(words("repaid")),
        deals=frozenset(words("deal")),
        loans=frozenset(words("loan")),
        stated_term=re.compile(_STATED_TERM.format(nouns="|".join(sorted(map(re.escape, words("loan"))))),
                               re.I | re.X),
        acquire=acquire,
        targets=targets.TargetWords(
            receivers=frozenset(words("receiver", table=actors)), givers=frozenset(words("giver", table=actors)),
            sellers=tw.sellers, acquire=acquire,
            purpose_leads=tuple(words("purpose_lead", "phrase"))),
        types=tw,
    )


def read(ctx: DocContext, span: Span, money: Money, words: ClaimWords,
         published: dt.date | None) -> None:
    """Fill the claim fields of ``money`` (the amount of ``span``) in place."""
    kind = types.classify(words.types, span, ctx.text, ctx.parsed, money.rate_note, ctx.orgs)
    if money.rate_note:
        money.type, money.type_cue = kind.type, kind.cue
        return
    found_targets = None
    if kind.via == "default":
        # "€20 billion to accelerate AI adoption": money given a purpose is money committed to it
        # "$2 million for Sri Lanka": money given to a named receiver is money committed to it
        recipient, purpose = found_targets = targets.targets(ctx, span, words.targets)
        if purpose is not None and (purpose.text.lower().startswith("to ")
                                    or _governing_verb(span) in words.types.announce):
            kind = types.Kind("commitment", purpose.text.split()[0], "purpose")
        elif recipient is not None and _named_receiver(ctx, span, recipient):
            kind = types.Kind("commitment", ctx.text[span.end_char:recipient.start].split()[-1], "recipient")
    money.type, money.type_cue = kind.type, kind.cue
    whole = _whole_of_part(ctx, span, words.parts)
    actor, why = _whole_owner(ctx, span, kind) if whole else _actor(ctx, span, kind, words)
    if actor and _is_money_word(actor, words.types):
        actor, why = None, None          # "PROFIT", "Budget": a headline's word taken for a name
    if actor and ctx.label_of(actor) == "NORP":
        actor, why = None, None          # "Chinese spot March will be set at": a nationality is no one
    if actor is None and why == clauses.RECEIVED:
        actor, why = _earlier_giver(ctx, span)
    if actor is None and kind.type == "revenue":
        actor, why = _paragraph_owner(ctx, span)
    economy = _economy_figure(kind, words.types)
    if actor is None and economy:
        actor, why = _economy(ctx, span)
    money.actor, money.evidence = actor, why if actor else None
    if actor and kind.type == "commitment":
        ctx.committers.append((span.start_char, actor))
    if actor and kind.type == "revenue":
        ctx.earners.append((span.start_char, actor))
    if actor and (economy and ctx.label_of(actor) == "GPE" or (why or "").startswith(ECONOMY_RULE)):
        ctx.economies.append(actor)
    if kind.type == "commitment" and not whole:
        recipient, purpose = found_targets or targets.targets(ctx, span, words.targets)
        if recipient is None and (money.evidence or "").startswith(DEAL_RULE):
            acquired = _acquirer_before(ctx, span, words)      # "the transaction": what was bought
            if acquired is not None and acquired[1] is not None:
                recipient = targets.Phrase(*acquired[1])
        if recipient is not None and money.actor and recipient.text == money.actor:
            recipient = None
        if recipient is not None and recipient.start <= span.start_char < recipient.end:
            recipient = None             # "agreed to a $100 billion fund for ...": the amount's own noun
        if recipient is not None:
            money.recipient, money.recipient_span = recipient.text, (recipient.start, recipient.end)
        if purpose is not None and not purpose.start <= span.start_char < purpose.end:
            # (a phrase holding the amount itself, "for a 25 mln dlr loan facility", says what it is)
            money.purpose, money.purpose_span = purpose.text, (purpose.start, purpose.end)
    money.new = _new(ctx, span, words, kind.type)
    if money.new is None and kind.type == "commitment" and (
            _part_of_previous(ctx, span) or (money.evidence or "").startswith(EARLIER_GIVER)):
        money.new = False                # "Of this funding, €150 million ...", "Libya is to receive
        # $8.9m" after "the bank approved $115m of loans": a part of what was given
    money.date, money.date_end, in_sentence = _date(ctx, span)
    if money.period is None and kind.type not in ("price", "rate"):
        # (a price has no term: "warrants at 6.50 dlrs until March 1991")
        money.period = _until(ctx, span.end_char, words, published)
    if money.period is None and kind.type == "commitment" and kind.token is not None and kind.via == "noun":
        money.period = _term(ctx, ctx.doc[kind.token])          # "a seven-year 25 mln stg credit"
    if money.period is None and kind.type == "commitment":
        money.period = _repaid(ctx, span, words) \
            or _term_after(ctx, span, words)                     # "raising 200 mln marks through a five-year eurobond"
    if money.period is None and kind.type == "commitment" and _lent(ctx, kind, words):
        money.period = _stated_term(ctx, words)                # "The financing will be for seven years"
    if money.period is None and kind.type in ("commitment", "revenue"):
        money.period = _year_range(ctx, span) or _since(ctx, span, published)
    dated = _date_period(money.date, money.date_end) if in_sentence else None
    if money.period is None and kind.type == "revenue":
        money.period = _results_period(ctx, span, words, dated)
    flow = kind.cue is not None and (kind.cue.lower() in words.types.flows
                                     or kind.cue.lower().rstrip("s") in words.types.flows)
    if money.period is None and kind.type == "other" and flow and ctx.parsed and len(span) \
            and not (kind.cue or "").lower().startswith("dividend"):     # a dividend is a payment, not a flow
        # "costs and expenses rose to 9.61 billion dlrs in the quarter": a cost's reporting period
        sent = sents.sent(ctx.doc, span.start)
        money.period = _period_in(ctx.text[sent.start_char:sent.end_char], words) \
            or dated or _paragraph_period(ctx, span, words)
    if money.period is None and (kind.type == "revenue" or flow):
        money.period = dated


ECONOMY_RULE = "economy of"
DEAL_RULE = "the deal of:"
EARLIER_GIVER = "giver of the commitment before:"
EARNER_RULE = "owner of the results before, in the paragraph:"


def _paragraph_owner(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """ "For the nine months, ARGOSystems reported earnings of 6.3 mln dlrs ... Sales rose 23.5 pct
    to 70.9 mln dlrs": a results figure with no owner of its own, in the paragraph of a figure that
    has one and with no other organisation named in between, is that one's."""
    if not ctx.earners:
        return None, None
    start, earner = ctx.earners[-1]
    text = ctx.text
    own = sents.sent(ctx.doc, span.start).start_char if sents.has_sents(ctx.doc) and len(span) else span.start_char
    if start >= own or span.start_char - start > EARNER_REACH \
            or ctx.paragraph_break().search(text, start, span.start_char):
        return None, None       # (its own sentence's figures are compared by the component, "beside")
    a = ctx.doc.char_span(start, span.start_char, alignment_mode="expand")
    if a is None or any(m.label_ == "ORG" and m._.sc_actor != earner
                        for m in ctx.mentions_between(a.start, span.end)):
        return None, None
    return earner, f"{EARNER_RULE} {earner}"


def _economy_figure(kind: types.Kind, tw: types.TypeWords) -> bool:
    """The amount is a whole economy's figure: its exports, trade deficit, reserves."""
    words = (kind.cue or "").lower().split()
    return kind.type == "other" and bool(words) and words[-1] in tw.economy   # "exports", "trade deficit"


def _economy(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """Whose exports, deficit or reserves an unowned figure is: the country of the statistics
    office or ministry its sentence names ("the U.S. Census Bureau ... announced that the goods and
    services deficit was $44.5 billion"), else the economy the story's figures were of so far."""
    if ctx.doc.has_annotation("SENT_START"):
        sent = sents.sent(ctx.doc, span.start)
        named: dict[str, str] = {}
        for m in ctx.mentions_between(sent.start, sent.end):
            if m.label_ == "ORG" \
                    and ctx.words.offices & set((m._.sc_actor or m.text).lower().split()):
                country = ctx.words.country_in(m._.sc_actor or m.text)
                if country:
                    named.setdefault(country, m.text)
        if len(named) == 1:
            country, org = next(iter(named.items()))
            return country, f"{ECONOMY_RULE} the office announcing it: {org}"
    if ctx.economies:
        return ctx.economies[-1], f"{ECONOMY_RULE} the story's figures: {ctx.economies[-1]}"
    return None, None


def _actor(ctx: DocContext, span: Span, kind: types.Kind, words: ClaimWords) -> tuple[str | None, str | None]:
    if kind.type == "rate":
        return None, None
    if kind.type == "commitment":
        verb = ctx.doc[kind.verb] if kind.verb is not None else None
        if verb is not None and verb.lemma_.lower() in words.types.sellers:
            return _buyer(ctx, verb)
        # "Biden's announcement builds on the $6.9 billion in U.S. government assistance": a giver
        # named on the noun that makes the amount a commitment beats the subject of a verb that
        # only mentions it
        named = _cue_owner(ctx, span, kind) if ctx.parsed and kind.via == "noun" else (None, None)
        if named[0]:
            return named
        found = clauses.link_why(ctx, span)
        if found[0] is None and found[1] != clauses.RECEIVED and ctx.parsed:
            found = _cue_owner(ctx, span, kind)
        if found[0] is None and found[1] != clauses.RECEIVED and _the_deal(ctx, kind, words):
            acquired = _acquirer_before(ctx, span, words)
            if acquired:
                return acquired[0], f"{DEAL_RULE} {acquired[0]}"
        if found[0] is None and found[1] != clauses.RECEIVED and _part_of_previous(ctx, span):
            for start, giver in reversed(ctx.committers):
                if span.start_char - start <= GIVER_REACH:
                    return giver, f"part of the commitment before: {giver}"
                break
        return found
    verb = ctx.doc[kind.verb] if kind.verb is not None and ctx.parsed else None
    if verb is not None and kind.type == "other" and words.types.lemma(verb) in ctx.words.penalties:
        return owners.fined(ctx, verb)      # the one fined pays, not the authority that fines
    if verb is not None and kind.type == "other" and words.types.lemma(verb) in ctx.words.settling:
        settled = owners.settled_with(ctx, verb)
        if settled is not None:
            return settled
    paying = kind.type == "other" and kind.via == "verb"       # "owes", "agreed to pay": the climb below
    found = (None, None) if paying else owners.owner(ctx, span, kind, words.reporting, words.types)
    if found[0] is None and kind.type == "other":
        actor, why = clauses.link_why(ctx, span)      # "agreed to pay a fine", "owes": who pays or owes
        if actor and not paying and ctx.label_of(actor) == "PERSON":
            return None, None       # a person who mentions a cost or a figure does not own it
        return actor, why
    return found


def _acquirer_before(ctx: DocContext, span: Span,
                     words: ClaimWords) -> tuple[str, tuple[str, int, int] | None] | None:
    """(who buys, what) in the latest purchase told before ``span`` ("ConAgra Inc agreed to
    acquire Monfort"): the subject of a buying verb, or of the verb it completes, and its object."""
    if not ctx.memo.get("acquirers"):
        ctx.memo["acquirers"] = True
        for tok in ctx.doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in words.acquire:
                continue
            verb = tok
            subj = next((c for c in verb.children if c.dep_ in L.SUBJECT_DEPS), None)
            if subj is None and verb.dep_ == "xcomp":        # "agreed to acquire"
                subj = next((c for c in verb.head.children if c.dep_ in L.SUBJECT_DEPS), None)
            actor = nouns.resolve(ctx, subj) if subj is not None else None
            if actor and ctx.label_of(actor) == "ORG":
                obj = next((c for c in verb.children if c.dep_ in L.OBJECT_DEPS), None)
                named = ctx.mention(obj) if obj is not None else None    # the name as written, whole
                bought = targets.Phrase(named.text, named.start_char, named.end_char) if named is not None \
                    else targets.phrase(ctx.doc, obj) if obj is not None else None
                ctx.acquirers.append((tok.i, actor, (bought.text, bought.start, bought.end) if bought else None))
    before = [(a, b) for i, a, b in ctx.acquirers if i < span.start]
    return before[-1] if before else None


def _the_deal(ctx: DocContext, kind: types.Kind, words: ClaimWords) -> bool:
    """ "The transaction is worth about 356.5 mln dlrs": a definite deal noun refers back to the
    acquisition the story is about."""
    if not ctx.parsed or kind.token is None:
        return False
    noun = ctx.doc[kind.token]
    if noun.lemma_.lower() not in words.deals:
        return False
    return any(c.dep_ == "det" and c.lower_ in L.DEFINITE for c in noun.children)


def _cue_owner(ctx: DocContext, span: Span, kind: types.Kind) -> tuple[str | None, str | None]:
    """The committer named on the noun that types a commitment, when no verb names one: its
    possessor ("bring the United States' total investment to $5.56bn"), the agent of a participle
    on it ("the €11bn package announced by the EU"), an organisation's name on it ("the EU support
    package"; not a country's, which is as often the receiver: "the Greece aid package")."""
    cues = [ctx.doc[kind.token]] if kind.token is not None and kind.via != "verb" else []
    root = span.root                 # "€300 million of EU support": the noun the amount measures
    cues += [o for p in root.children if p.dep_ == "prep" and p.lower_ == "of"
             for o in p.children if o.dep_ == L.PREP_OBJECT]
    for cue in (c for c in cues if c.pos_ in L.NOUN_POS):
        if cue.lemma_.lower() in ctx.words.securities or cue.lower_ in ctx.words.securities:
            continue        # "placed 30 mln dlrs of its notes": the issuer named on them receives
        owner = nouns.possessor(ctx, cue)
        if owner:
            return owner, f"possessor of '{cue.text}': {_possessor_text(cue)}"
        for c in cue.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                agent = next((a for a in c.children if a.dep_ == L.AGENT), None)
                by = next((o for o in agent.children if o.dep_ == L.PREP_OBJECT), None) if agent is not None else None
                actor = nouns.resolve(ctx, by) if by is not None else None
                if by is not None and actor:
                    return actor, f"agent of '{c.text}' on '{cue.text}': {by.text}"
        # "the EU support package", "$6.9 billion in U.S. government assistance"; not "the Greece
        # aid package", where the country is as often the receiver
        state = any(c.dep_ == "compound" and c.lower_ in ctx.words.state_nouns for c in cue.children)
        for c in cue.children:
            named = ctx.mention(c) if c.dep_ == "compound" else None
            if named is not None and named._.sc_actor and (named.label_ == "ORG" or (
                    named.label_ == "GPE" and (state or named[-1].lower_ in ctx.words.state_nouns))):
                return named._.sc_actor, f"name on '{cue.text}': {named.text}"
        country = _giving_country(ctx, cue)
        if country is not None:
            return country
    return None, None


def _possessor_text(tok: Token) -> str:
    return next((c.text for c in tok.children if c.dep_ == L.POSSESSOR), "")


def _names_country(ctx: DocContext, tok: Token) -> bool:
    named = ctx.mention(tok)
    return named is not None and named.label_ == "GPE"


def _giving_country(ctx: DocContext, cue: Token) -> tuple[str, str] | None:
    """ "West German aid to Bolivia", "U.S. loans to Mexico": a country named on the noun gives
    when the noun also names a receiving country; alone ("the Greece aid package") it is as often
    the receiver."""
    receivers = [o for p in cue.children if p.dep_ == "prep" and p.lower_ in ("to", "for")
                 for o in p.children if o.dep_ == L.PREP_OBJECT and _names_country(ctx, o)]
    if not receivers:
        return None
    mods = [c for c in cue.children if c.dep_ in L.MODIFIER_DEPS and c.i < cue.i]
    if not mods:
        return None
    words = ctx.doc[min(m.left_edge.i for m in mods):cue.i]        # "West German", "U.S."
    named = next((ctx.mention(t) for t in words if ctx.mention(t) is not None), None)
    texts = [words.text, *(ctx.doc[m.left_edge.i:m.i + 1].text for m in mods)]
    texts += [named.text] if named is not None else []
    text, country = next(((t, c) for t in (" ".join(x.split()) for x in texts)
                          for c in (ctx.words.countries.get(t),) if c), ("", None))
    if country is None and named is not None and named.label_ == "GPE":
        text = named.text
        country = named._.sc_actor
    if country and all(ctx.actor(o) != country for o in receivers):
        return country, f"country on '{cue.text}' to {receivers[0].text}: {text}"
    return None


def _whole_of_part(ctx: DocContext, span: Span, parts: frozenset[str]) -> bool:
    """ "(it will invest €3bn,) part of the €109 billion package": the amount is a whole its clause
    takes a part of; the clause's committer and purpose are the part's."""
    if not ctx.parsed or not len(span):
        return False
    tok = span.root
    for _ in range(PART_REACH):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in parts:
            return True
        tok = head
    return False


def _whole_owner(ctx: DocContext, span: Span, kind: types.Kind) -> tuple[str | None, str | None]:
    """A whole's actor only when its own phrase names one ("part of the EU's €200bn plan", "part of
    the €11bn package announced by the EU")."""
    for tok in (span.root, ctx.doc[kind.token] if kind.token is not None else None):
        actor = nouns.possessor(ctx, tok) if tok is not None else None
        if tok is not None and actor:
            return actor, f"possessor of '{tok.text}'"
    related = clauses.relative_giver(ctx, span)       # "half of the $4.5bn that G7 leaders committed"
    if related is not None:
        return related
    return _cue_owner(ctx, span, kind) if ctx.parsed and len(span) else (None, None)


def _is_money_word(name: str, tw: types.TypeWords) -> bool:
    words = name.lower().split()
    return bool(words) and all(w in tw.nouns or w.rstrip("s") in tw.nouns for w in words)


def _part_of_previous(ctx: DocContext, span: Span) -> bool:
    """The amount's sentence opens by pointing back at a commitment just given: "Of this funding,
    €150 million ...", "This includes nearly $1.7 billion ...", "Included in that is $2 million"."""
    doc = ctx.doc
    start = sents.sent(doc, span.start).start_char if sents.has_sents(doc) and len(span) else 0
    return bool(_POINTS_BACK.match(ctx.text, start, span.start_char))


def _earlier_giver(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """ "The bank approved $115m of loans ... Libya is to receive $8.9m": a receiver's amount with no
    giver in its clause comes from the committer of the commitment just before it."""
    for start, actor in reversed(ctx.committers):
        if span.start_char - start <= GIVER_REACH:
            return actor, f"{EARLIER_GIVER} {actor}"
        break
    return None, None


def _named_receiver(ctx: DocContext, span: Span, recipient: targets.Phrase) -> bool:
    """Whether the recipient is an actor named right after the amount ("$2 million for Sri Lanka",
    "$100,000 each to India")."""
    between = ctx.text[span.end_char:recipient.start]
    words = between.split()
    if not words or len(words) > 2 or words[-1].lower() not in ("for", "to"):
        return False
    start = ctx.doc.char_span(recipient.start, recipient.end, alignment_mode="expand")
    return start is not None and any(ctx.mention(t) is not None for t in start)


def _governing_verb(span: Span) -> str | None:
    """The lemma of the first verb above the amount."""
    tok = span.root if len(span) else None
    for _ in range(PART_REACH * 2):
        if tok is None or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower()
    return None


def _buyer(ctx: DocContext, verb: Token) -> tuple[str | None, str | None]:
    """ "sold its unit to Contoso for $5m": the buyer pays; without "to", nobody is named."""
    for prep in verb.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            actor = ctx.actor(obj) if obj is not None else None
            if obj is not None and actor:
                return actor, f"buyer, 'to' after '{verb.text}': {obj.text}"
    return None, None


def _new(ctx: DocContext, span: Span, words: ClaimWords, type_: str) -> bool | None:
    text = ctx.text
    before = text[max(0, span.start_char - REPEAT_REACH):span.start_char].lower()
    after = text[span.end_char:span.end_char + REPEAT_AFTER].lower().lstrip(" ,(")
    if any(before.endswith(p) or f"{p} " in before[-len(p) - 12:] for p in words.repeat_before):
        return False
    if any(after.startswith(p) for p in words.repeat_after):
        return False
    doc = ctx.doc
    if ctx.parsed and len(span) and _included(span, words.inclusion):
        return False
    if ctx.parsed and len(span) and type_ in ("commitment", "price") and _replaced(span):
        return False                     # "raise its offer to 92.50 dlrs from 80 dlrs": the old one
    lead = [t.lower_ for t in doc[max(0, span.start - NEW_REACH):span.start]]
    inside = [t.lower_ for t in span]
    if any(w in words.new for w in lead + inside):
        return True
    if ctx.parsed and len(span):
        noun = span.root.head if span.root.dep_ in types.MEASURE_DEPS else None
        if noun is not None and any(c.lower_ in words.new for c in children(ctx, noun, ("amod",))):
            return True
        for c in children(ctx, span.root, ("prep",)):
            if c.lower_ in ("of", "in"):
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and any(a.lower_ in words.new for a in obj.children if a.dep_ == "amod"):
                    return True
    return None


def _replaced(span: Span) -> bool:
    """The amount is what a change leaves behind: "from" beside a "to" on one verb ("increase its
    offer to 92.50 dlrs from 80 dlrs", "profit rose to 5 mln from 3 mln"), or "the previous offer of"."""
    root = span.root
    head = root.head
    if root.dep_ == L.PREP_OBJECT and head.lower_ == "from" and head.head.pos_ in L.VERB_POS:
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in head.head.children)
    noun = head if root.dep_ in types.MEASURE_DEPS else head.head if head.lower_ == "of" else None
    return noun is not None and noun.pos_ in L.NOUN_POS and any(
        c.dep_ == "amod" and c.lower_ in PREVIOUS for c in noun.children)


PREVIOUS = frozenset(("previous", "earlier", "prior", "former", "old", "original"))


def _included(span: Span, inclusion: frozenset[str]) -> bool:
    """ "Pledges included $3.3bn", "including €50bn", "consisting of $700m": a part of a whole."""
    tok = span.root
    for _ in range(PART_REACH):
        head = tok.head
        if head.i == tok.i:
            return False
        if head.lemma_.lower() in inclusion or head.lower_ in inclusion:
            return True
        if tok.dep_ not in ("dobj", "pobj", "prep", "conj", "appos", "nummod", "compound", "quantmod"):
            return False
        tok = head
    return False


def _date(ctx: DocContext, span: Span) -> tuple[dt.date | None, dt.date | None, bool]:
    """The resolved date nearest the amount in its sentence, else the last one before it in its
    paragraph; and whether it came from the sentence."""
    doc = ctx.doc
    dates = [d for d in doc.spans.get(extensions.DATES, ()) if d._.sc_date is not None
             and d._.sc_date.start is not None and not (span.start <= d.start < span.end)]
    if not dates:
        return None, None, False
    if sents.has_sents(doc) and len(span):
        sent = sents.sent(doc, span.start)
        near = [d for d in dates if sent.start <= d.start < sent.end]
        if near:
            best = min(near, key=lambda d: abs(d.start - span.start) + (0 if d.start >= span.end else 1))
            return best._.sc_date.start, best._.sc_date.end, True
    text = ctx.text
    para_start = text.rfind("\n", 0, span.start_char) + 1      # a line is a paragraph
    earlier = [d for d in dates if para_start <= d.start_char < span.start_char]
    if earlier:
        d = earlier[-1]._.sc_date
        return d.start, d.end, False
    return None, None, False


def _date_period(start: dt.date | None, end: dt.date | None) -> str | None:
    """A figure dated to a whole month, quarter or year is that month's, quarter's or year's."""
    if start is None or end is None or start.day != 1:
        return None
    after = end + dt.timedelta(days=1)
    if after.day != 1:
        return None
    months = (after.year - start.year) * 12 + after.month - start.month
    return {1: "P1M", 3: "P3M", 6: "P6M", 9: "P9M", 12: "P1Y"}.get(months)


def _term(ctx: DocContext, noun: Token) -> str | None:
    """A loan's or programme's term written on its noun: "a seven-year credit" -> P7Y."""
    doc = ctx.doc
    left = doc[noun.left_edge.i:noun.i].text
    m = _TERM.search(left)
    return _counted(m.group("n"), m.group("unit")) if m else None




def _clause_after(ctx: DocContext, end: int) -> str:
    """The text after char ``end``, UNTIL_REACH chars at most, to its clause's stop or its
    paragraph's end (a wire story's line wraps run on; elsewhere a line break ends it)."""
    window = ctx.text[end:end + UNTIL_REACH]
    cuts = [m.start() for m in (_STOP.search(window), ctx.paragraph_break().search(window)) if m]
    return window[:min(cuts)] if cuts else window


def _term_after(ctx: DocContext, span: Span, words: ClaimWords) -> str | None:
    """A term written on the loan the amount is raised or lent through, later in its clause:
    "is raising 200 mln marks through a five-year eurobond" -> P5Y."""
    window = _clause_after(ctx, span.end_char)
    for m in _TERM.finditer(window):
        after = re.findall(r"[A-Za-z]+", window[m.end():])[:TERM_NOUN_REACH]
        if any(w.lower() in words.loans or w.lower().removesuffix("s") in words.loans for w in after):
            return _counted(m.group("n"), m.group("unit"))
    return None


def _lent(ctx: DocContext, kind: types.Kind, words: ClaimWords) -> bool:
    """The commitment is a loan, credit or bond (by the noun that typed it)."""
    cue = ctx.doc[kind.token] if kind.token is not None and ctx.parsed else None
    return cue is not None and (cue.lemma_.lower() in words.loans or cue.lower_ in words.loans)


def _stated_term(ctx: DocContext, words: ClaimWords) -> str | None:
    """The one term the story states for its loans, or None (none, or several)."""
    if "term" not in ctx.memo:
        terms = {_counted(m.group("n"), m.group("unit").rstrip("s")) for m in words.stated_term.finditer(ctx.text)}
        terms.discard(None)
        ctx.memo["term"] = True
        ctx.terms.extend(sorted(t for t in terms if t))
    return ctx.terms[0] if len(ctx.terms) == 1 else None


def _counted(count: str, unit: str) -> str | None:
    """("seven", "year") -> "P7Y": a written count of a unit as a duration, None when either is no
    count or unit the normaliser knows, or the count is not a whole number up to MAX_UNTIL_YEARS."""
    f = finder().periods
    n = f.numbers.number(count)
    code = f.units.get(unit.lower())
    if n is None or code is None or n <= 0 or n > MAX_UNTIL_YEARS or n != int(n):
        return None
    return duration(code, int(n))


def _repaid(ctx: DocContext, span: Span, words: ClaimWords) -> str | None:
    """A loan's term said after it in its sentence: "to be repaid in 25 years", "paid over 10 years",
    "maturing in seven years" -> P25Y, P10Y, P7Y (not "a five year grace period")."""
    doc, text = ctx.doc, ctx.text
    stop = sents.sent(doc, span.end - 1).end_char if sents.has_sents(doc) and len(span) else len(text)
    for m in _REPAID.finditer(text, span.end_char, min(stop, span.end_char + REPAID_REACH)):
        found = _counted(m.group("n"), m.group("unit")) if m.group("verb").lower() in words.repaid else None
        if found:
            return found
    return None


def _year_range(ctx: DocContext, span: Span) -> str | None:
    """"€2.5 billion for 2021-2023" -> P3Y: the years of a range after the amount, both counted."""
    m = _YEAR_RANGE.search(_clause_after(ctx, span.end_char))
    if not m:
        return None
    first, last = int(m.group("a")), int(m.group("b"))
    if last < 100:
        last += first // 100 * 100                       # "2021-23"
    n = last - first + 1
    return f"P{n}Y" if 1 < n <= MAX_UNTIL_YEARS else None


def _since(ctx: DocContext, span: Span, published: dt.date | None) -> str | None:
    """"has provided $854 million since October 2016" in an article of April 2018 -> P18M: a total
    run up since a date, to the publication date, in whole months (years when whole)."""
    doc = ctx.doc
    if published is None or not sents.has_sents(doc) or not len(span):
        return None
    sent = sents.sent(doc, span.start)
    if "since" not in ctx.text[sent.start_char:sent.end_char].lower():
        return None                     # the usual case, decided without walking the doc's dates
    # the other amounts of the sentence, as the model tags them (this component's own are not set yet)
    amounts = [e for e in doc.ents if e.label_ == "MONEY" and sent.start <= e.start < sent.end
               and not (e.start <= span.start < e.end)] + [span]
    for d in doc.spans.get(extensions.DATES, ()):
        if not (sent.start <= d.start < sent.end) or d.start == 0 or doc[d.start - 1].lower_ != "since" \
                or d._.sc_date is None or d._.sc_date.start is None:
            continue
        a, b = sorted((d.start_char, span.start_char))
        nearest = min(amounts, key=lambda m: abs(m.start - d.start))
        if "\n" in ctx.text[a:b] or nearest.start != span.start:
            continue              # another amount's "since", or another paragraph's
        start, end = d._.sc_date.start, d._.sc_date.end
        if end is not None and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            years = published.year - start.year              # "since 2001" in 2005: P4Y
            return f"P{years}Y" if 0 < years <= MAX_UNTIL_YEARS else None
        months = (published.year - start.year) * 12 + published.month - start.month - (published.day < start.day)
        if months < 1 or months > MAX_UNTIL_YEARS * 12:
            return None
        return f"P{months // 12}Y" if months % 12 == 0 else f"P{months}M"
    return None


def _until(ctx: DocContext, end: int, words: ClaimWords, published: dt.date | None) -> str | None:
    """ "$5bn by 2030" in an article of 2025: P5Y."""
    if published is None:
        return None
    window = _clause_after(ctx, end)
    for m in re.finditer(r"\b(?P<w>[A-Za-z]+)\s+", window):
        if m.group("w").lower() in words.until:
            y = _YEAR.match(window, m.end())
            if y:
                n = int(y.group("y")) - published.year
                if 0 < n <= MAX_UNTIL_YEARS:
                    return f"P{n}Y"
    return None


def _results_period(ctx: DocContext, span: Span, words: ClaimWords, dated: str | None) -> str | None:
    """A revenue figure's reporting period: from its sentence ("first-quarter net profit"), else, in
    a results table, from the section line above its row ("Nine mths") or the headline ("4TH QTR NET"),
    else the month, quarter or year its sentence dates it to (``dated``), else the period its
    paragraph or the story's lead reports ("Swissair reported a drop in 1986 net profit")."""
    doc, text = ctx.doc, ctx.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    row = owners.is_table_row(text, span.start_char)
    if sents.has_sents(doc) and len(span):
        sent = sents.sent(doc, span.start)
        end = sent.end_char
        if row:               # a table's "sentence" runs on into the next section ("12 mths"): its own line
            line_end = text.find("\n", span.end_char)
            end = min(end, len(text) if line_end < 0 else line_end)
        found = _period_in(text[sent.start_char:end], words)
        if found and not (sent.start_char < line_start and row):
            return found
    if not row:
        if dated:
            return dated
        found = _paragraph_period(ctx, span, words)       # "For the nine months ..., earnings ... Sales rose"
        if found:
            return found
        head = layout.headline_end(text)                  # the headline says it best ("1986 PROFITS")
        found = _period_in(text[:head], words) if head else None
        if found:
            return found
        # else the lead before the amount's sentence ("revenues were higher in the first quarter")
        own = sents.sent(doc, span.start).start_char if sents.has_sents(doc) and len(span) else span.start_char
        lead = text[head or 0:min(owners.lead_end(ctx), own)]
        return _period_in(lead, words) if lead.strip() else None
    pos = line_start
    for _ in range(TABLE_LOOK_BACK):
        if pos <= 0:
            break
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev_start:pos - 1].rsplit(" - ", 1)[-1]    # a wire dateline opens the first line
        m = _SECTION.match(line)
        if m:
            found = _period_in(m.group("w"), words)
            if found:
                return found
        if prev_start == 0:
            return _period_in(line, words)      # the headline
        pos = prev_start
    return None


def _paragraph_period(ctx: DocContext, span: Span, words: ClaimWords) -> str | None:
    """The period the sentences before the amount's, in its paragraph, report: a results paragraph
    names it once ("For the nine months ended March 31, earnings doubled ... Sales rose 23 pct to
    70.9 mln dlrs")."""
    doc, text = ctx.doc, ctx.text
    if not sents.has_sents(doc) or not len(span):
        return None
    sent = sents.sent(doc, span.start)
    for _ in range(PARAGRAPH_LOOK_BACK):
        if sent.start == 0:
            return None
        prev = sents.sent(doc, sent.start - 1)
        gap = len(text[:sent.start_char].rstrip())
        if ctx.paragraph_break().search(text, gap, sent.start_char + 1):
            return None          # another paragraph's figures
        # a results word only: a year named in passing ("founded in 1985") dates no figure after it
        found = _period_in(text[prev.start_char:prev.end_char], words, years=False)
        if found:
            return found
        sent = prev
    return None


def _period_in(text: str, words: ClaimWords, years: bool = True) -> str | None:
    """The period of the highest-ranked results word in ``text`` ("quarter" over "year"), else with
    ``years`` a year's number (P1Y); a year only compared with ("a year earlier", "last year's")
    does not count."""
    low = _COMPARED.sub(" ", text.lower())
    best: tuple[int, str] | None = None
    for phrase, period, rank in words.results:
        if (best is None or rank < best[0]) and re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", low):
            best = (rank, period)
    if best is None and years and _YEAR_NUMBER.search(low):
        return "P1Y"
    return best[1] if best else None
