"""summitclaims_money: monetary amounts, normalised and linked to actors.

Sets ``doc.spans[extensions.MONEY]``: token-aligned spans (including the qualifier, "up to $500
billion") with ``span._.sc_money`` = ``values.Money``. The amounts come from the pure finder
``normalize.money.find_money``; this component adds what needs the parse:

- ``actor``: the canonical name (from ``doc.spans[MENTIONS]``) of who commits, pledges, invests,
  spends, raises or announces the amount: the subject of the governing verb (climbing through
  "to invest", "pledging", "an investment of"), the possessor ("the UAE's 50 billion euros"), a
  list-item heading ("AMAZON: The retail giant pledged ..."), a pronoun's nearest PERSON mention;
  None when the text does not say;
- ``usd`` / ``eur`` / ``fx_date``: converted at the ECB rate of the publication date
  (``normalize.fx``), when the date is known.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..normalize import fx
from ..normalize.money import find_money
from . import extensions, sents

_SUBJ = frozenset(("nsubj", "nsubjpass", "csubj", "csubjpass"))
_CLIMB = frozenset(("xcomp", "advcl", "acl", "ccomp", "conj", "relcl", "pcomp", "prep", "pobj", "dobj",
                    "attr", "oprd", "appos", "npadvmod", "nummod", "quantmod", "compound", "amod",
                    "nmod", "dep", "advmod", "dative", "agent", "parataxis", "punct", "cc", "acomp",
                    "nsubj", "nsubjpass"))
_RELATIVE = frozenset(("that", "which", "who", "whom", "whose"))
_LABEL_RANK = {"PERSON": 0, "ORG": 0, "GPE": 1, "LOC": 2, "NORP": 3}
_MAX_CLIMB = 14
# "AMAZON: The U.S. retail giant pledged ...": a heading that names the actor of its line.
# "MILWAUKEE, WIS., March 17 - Shr 14 cts": a wire dateline names where, never who.
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Za-z.'’ -]{1,40},(?:[ \t]*[A-Za-z.' ]{2,20},)?[ \t]*"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)(?:,[ \t]*\d{4})?[ \t]*(?:-|–|—|\(\w+\))")
_HEADING = re.compile(r"(?:^|\n)[ \t]*(?:[-*•–]\s*)?(?P<h>[A-Z][A-Za-z0-9&.'’ -]{0,40}?)[ \t]*:[ \t]")


def _rules() -> dict[str, dict]:
    out: dict[str, dict] = {"descriptor": {}, "naming": {}, "first_person": {}, "third_person": {},
                            "neuter": {}, "receiver": {}, "giver": {}}
    for row in resources.load_patterns("money_actors"):
        kind = row.get("kind")
        if kind in out and row.get("word"):
            out[kind][row["word"].lower()] = row.get("label")
    return out


def _mention_index(doc: Doc) -> dict[int, Span]:
    """token index -> the actor mention covering it (first one wins)."""
    index: dict[int, Span] = {}
    for span in doc.spans.get(extensions.MENTIONS, ()):
        if not span._.sc_actor:
            continue
        for i in range(span.start, span.end):
            index.setdefault(i, span)
    return index


def _actor_of(doc: Doc, token: Token, index: dict[int, Span] | None = None) -> str | None:
    """Canonical name of the actor mention covering ``token``, or None."""
    if index is None:
        index = _mention_index(doc)
    span = index.get(token.i)
    return span._.sc_actor if span is not None else None


class _Linker:
    """Who commits / announces an amount, read off the dependency parse of one doc."""

    def __init__(self, doc: Doc, rules: dict[str, dict]):
        self.doc = doc
        self.text = sents.text(doc)
        self.rules = rules
        datelines = [m.span() for m in _DATELINE.finditer(self.text[:2000])]
        self.index = {i: s for i, s in _mention_index(doc).items()
                      if not any(a <= s.start_char < b for a, b in datelines)}
        self.mentions = sorted(
            (s for s in doc.spans.get(extensions.MENTIONS, ()) if s._.sc_actor
             and not any(a <= s.start_char < b for a, b in datelines)), key=lambda s: s.start)
        self.parsed = doc.has_annotation("DEP")

    def mention(self, tok: Token) -> Span | None:
        return self.index.get(tok.i)

    def nearest(self, tok: Token, labels: tuple[str, ...], after_ok: bool = False) -> str | None:
        """The most recent mention with one of ``labels`` before ``tok`` (or, for "we", just after)."""
        before = [s for s in self.mentions if s.end <= tok.i and s.label_ in labels]
        if after_ok:
            sent = sents.sent(self.doc, tok.i) if self.parsed or self.doc.has_annotation("SENT_START") else None
            limit = tok.idx + 300
            after = [s for s in self.mentions if s.start > tok.i and s.label_ in labels
                     and s.start_char <= limit]
            in_sent = [s for s in before if sent is not None and s.start >= sent.start]
            if in_sent:
                return in_sent[-1]._.sc_actor
            if after:
                return after[0]._.sc_actor
        return before[-1]._.sc_actor if before else None

    def recent_org(self, tok: Token) -> str | None:
        """"it plans to invest": the latest ORG mention of this or the previous sentence."""
        if not self.doc.has_annotation("SENT_START"):
            return None
        sent = sents.sent(self.doc, tok.i)
        floor = sents.sent(self.doc, sent.start - 1).start if sent.start > 0 else 0
        cands = [s for s in self.mentions if floor <= s.start and s.end <= tok.i and s.label_ == "ORG"]
        return cands[-1]._.sc_actor if cands else None

    # -- noun phrases ----------------------------------------------------------------------------
    def resolve_np(self, tok: Token) -> str | None:
        span = self.mention(tok)
        if span is not None:
            return span._.sc_actor
        low = tok.lower_
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$", "WP", "WDT", "DT"):
            if low in self.rules["third_person"]:
                return self.nearest(tok, ("PERSON",))
            if low in self.rules["first_person"]:
                return self.nearest(tok, ("PERSON",), after_ok=True)
            if low in _RELATIVE and tok.head.dep_ == "relcl":
                return self.resolve_np(tok.head.head)
            if low in self.rules["neuter"]:
                return self.recent_org(tok)
            return None
        owner = self.possessor(tok)       # "Our goal is to mobilise ...", "Iliad's plan"
        if owner:
            return owner
        descriptor = self.rules["descriptor"].get(tok.lemma_.lower()) or self.rules["descriptor"].get(low)
        # "London sugar prices fell 3.50 dlrs", "a Texas jury awarded ...": a place that only
        # modifies a common noun says where, not who.
        modifier_only = descriptor is None and tok.pos_ == "NOUN"
        best = self.best_in_subtree(tok, skip_places=descriptor == "ORG", skip_modifiers=modifier_only)
        if best is not None:
            return best
        if descriptor and any(c.dep_ in ("det", "poss") for c in tok.children):
            labels = ("ORG",) if descriptor == "ORG" else ("GPE", "ORG")
            return self.nearest(tok, labels)
        return None

    def best_in_subtree(self, head: Token, skip_places: bool = False,
                        skip_modifiers: bool = False) -> str | None:
        """The mention closest to ``head`` in its phrase; a name given by "dubbed X" wins."""
        best = None
        best_key = None
        seen: set[int] = set()
        for t in head.subtree:
            span = self.index.get(t.i)
            if span is None or id(span) in seen or t.dep_ in ("relcl",):
                continue
            seen.add(id(span))
            if span.label_ in ("GPE", "LOC", "NORP") and (skip_places or (
                    skip_modifiers and span.root.dep_ in ("compound", "amod") and span.root.head.i == head.i)):
                continue
            root = span.root
            depth, named, x = 0, False, root
            while x.i != head.i and depth < 20:
                if x.dep_ in ("relcl", "acl") and x.lemma_.lower() not in self.rules["naming"] \
                        and x.lower_ not in self.rules["naming"]:
                    depth += 2          # clauses say something else about the head
                if x.lower_ in self.rules["naming"]:
                    named = True
                x = x.head
                depth += 1
                if x.head.i == x.i and x.i != head.i:
                    break
            key = (not named, depth, _LABEL_RANK.get(span.label_, 4), span.start)
            if best_key is None or key < best_key:
                best, best_key = span._.sc_actor, key
        return best

    def possessor(self, tok: Token) -> str | None:
        for child in tok.children:
            if child.dep_ == "poss":
                return self.resolve_np(child)
        return None

    # -- the amount ------------------------------------------------------------------------------
    def link(self, span: Span) -> str | None:
        if not len(span):
            return None
        heading = self.heading(span)
        if not self.parsed:
            return heading
        root = span.root
        # "the UAE's 50 billion euros", "a 109-billion-euro investment" (possessor of the noun)
        owner = self.possessor(root)
        if owner:
            return owner
        tok = root
        from_noun = False
        received = False
        for _ in range(_MAX_CLIMB):
            if tok.pos_ in ("VERB", "AUX") or (tok.dep_ == "ROOT" and tok.pos_ != "NOUN"):
                if tok.lemma_ == "be" and from_noun:
                    return heading
                subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
                # passive: "was announced by Nvidia" names the actor in the agent
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                lemma = tok.lemma_.lower()
                # "France will receive 109 billion euros (from the EU)", "Contoso was awarded $5m":
                # the subject receives; the actor is the giver, when the text names one.
                if lemma in self.rules["receiver"] or (
                        lemma in self.rules["giver"] and subj is not None and subj.dep_ == "nsubjpass"
                        and not span.start <= subj.i < span.end):
                    giver = self.giver(tok) if by is None else self.resolve_np(by)
                    if giver is not None:
                        return giver
                    received = True
                if by is not None and (subj is None or subj.dep_ == "nsubjpass"):
                    subj = by
                if subj is not None and received:
                    return None
                if subj is not None:
                    if heading and self.mention(subj) is None and subj.pos_ != "PRON":
                        return heading
                    return self.resolve_np(subj)
                # "Iliad, pledging 3 billion euros": the participle's noun is the actor
                if tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("acl", "advcl"):
                    found = self.participle_actor(tok)
                    if found:
                        return found
                from_noun = False
            elif tok.pos_ in ("NOUN", "PROPN") and tok.i != root.i:
                owner = self.possessor(tok)
                if owner:
                    return owner
                from_noun = True
            if tok.head.i == tok.i or tok.dep_ not in _CLIMB:
                break
            tok = tok.head
        return heading

    def giver(self, verb: Token) -> str | None:
        """"receive ... from the EU": the object of a "from" / "by" attached to the verb or its object."""
        for t in (verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))):
            for prep in t.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by"):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return self.resolve_np(obj)
        return None

    def participle_actor(self, verb: Token) -> str | None:
        """The named noun a participle hangs on: "companies like Iliad, pledging ..." -> Iliad;
        "the Stargate project, promising ..." -> Stargate. Not the noun's whole phrase."""
        prev = self.doc[verb.i - 1] if verb.i > 0 else None
        if prev is not None and prev.text in (",", "(", "—", "–") and verb.i > 1:
            before = self.mention(self.doc[verb.i - 2])
            if before is not None:
                return before._.sc_actor
        if verb.dep_ == "acl":
            noun = verb.head
            for t in [noun, *(c for c in noun.children if c.dep_ in ("compound", "poss", "appos"))]:
                found = self.mention(t)
                if found is not None:
                    return found._.sc_actor
        return None

    def heading(self, span: Span) -> str | None:
        text = self.text
        line_start = text.rfind("\n", 0, span.start_char) + 1
        m = _HEADING.match(text, line_start, span.start_char)
        if not m:
            return None
        if len(text[m.end():span.start_char].split()) < 2:
            return None       # "REVENUE: $5bn" is a table row, not a heading over a clause
        h = m.group("h").strip()
        hs = self.doc.char_span(m.start("h"), m.start("h") + len(h), alignment_mode="expand")
        if hs is not None:
            for t in hs:
                found = self.mention(t)
                if found is not None:
                    return found._.sc_actor
        letters = [c for c in h if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters) and len(h.split()) <= 4:
            return h.title()
        return None


class MoneyFinder:
    def __init__(self, nlp: Language, name: str, link_actors: bool = True, convert: bool = True):
        self.name = name
        self.link_actors = link_actors
        self.convert = convert
        self.rules = _rules()

    def __call__(self, doc: Doc) -> Doc:
        found = find_money(sents.text(doc))
        linker = _Linker(doc, self.rules) if self.link_actors and found else None
        spans: list[Span] = []
        moved: dict[int, int] = {}
        for start, end, money in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            moved[start] = span.start_char
            if linker is not None and not money.rate_note:
                money.actor = linker.link(span)
            if self.convert:
                fx.convert(money, doc._.sc_published)
            span._.sc_money = money
            spans.append(span)
        by_start = {s.start_char: s for s in spans}
        for span in spans:
            m = span._.sc_money
            if m.equivalent_of is not None:
                m.equivalent_of = moved.get(m.equivalent_of)
                other = by_start.get(m.equivalent_of) if m.equivalent_of is not None else None
                if other is not None:
                    # a conversion names the same actor as the amount it converts
                    m.actor = m.actor or other._.sc_money.actor
        doc.spans[extensions.MONEY] = spans
        return doc


@Language.factory("summitclaims_money", default_config={"link_actors": True, "convert": True})
def make_money(nlp: Language, name: str, link_actors: bool, convert: bool) -> MoneyFinder:
    extensions.register()
    return MoneyFinder(nlp, name, link_actors=link_actors, convert=convert)
