"""Token-level reading of an attribution: the speaker words around a reporting verb.

Where these are looked for (after the quote, before it, nearby) is ``attribution``; this module
only reads a run of tokens: a verb's subject, a name after "said", the speaker before the verb,
``X quoted Y as saying``.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from ...text import people_names
from ..syntax import NOMINAL_SUBJECTS, RELATIVE_PRONOUNS
from .context import Attribution, QuoteContext

DASHES = frozenset("-\u2013\u2014\u2015\u2012")
SUBJECT_DEPS = NOMINAL_SUBJECTS         # a speaker is a noun phrase, never a clause
RELATIVE_WORDS = RELATIVE_PRONOUNS      # open a relative clause
# a verb without a subject of its own takes it from the verb it hangs off by these labels
CLAUSE_DEPS = frozenset({"advcl", "xcomp", "conj", "ccomp", "dep", "parataxis"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})      # a finite verb makes the words a clause
AUX_WORDS = frozenset({"was", "were", "is", "are", "been", "be", "has", "have", "had"})
SPEAKER_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON", "PART"})
NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON"})      # a speaker has at least one of these
LEAD_SKIP_POS = frozenset({"ADP", "ADV", "SCONJ", "CCONJ"})    # "…," about rates, Seger said
LEAD_WORDS = frozenset({"and", "but", "as"})            # "…," and the minister said
WH_TAGS = frozenset({"WP", "WDT"})                      # "said an official who asked …"
# verbs of opinion: an attribution right next to a quote, too weak to reach across sentences
MENTAL_VERBS = frozenset({"think", "believe", "feel", "hope", "wonder", "reckon", "estimate", "forecast",
                          "predict", "expect", "muse"})

SPEAKER_SLACK = 2           # tokens past max_gap a speaker may have ("Martin Mauro, senior economist")
QUOTED_AS_REACH = 12        # tokens from "quoted" to its "as": the quoted one's name and title fit
SUBJECT_CLIMB = 4           # clause levels climbed to find a verb's subject ("…, while acknowledging that")
SUBJECT_MAX_WORDS = 8       # a subject phrase longer than this is cut to its head word
NAME_PARTICLES = frozenset({"de", "la", "del", "van", "von", "der", "da", "di", "le", "bin", "al"})
DESCRIPTOR_REACH = 10       # words of a descriptor and name after the cue ("oil and gas worker Mike Wipf")
TICKER_REACH = 6            # tokens of a wire ticker between a name and its verb ("<AGLA.S>")


def dateline_dash(toks: Iterable[Token]) -> int | None:
    """Index of a spaced dash ending a dateline ("WASHINGTON, March 13 - President Reagan"), not
    the hyphen of "Young-sam" or "all-party"."""
    for w in reversed(list(toks)):
        if _is_dash(w):
            return w.i
    return None


def _is_dash(w: Token) -> bool:
    """A dash as datelines use it: "-" spaced, "--", an en or em dash."""
    return bool(w.text) and set(w.text) <= DASHES and (
        w.text != "-" or bool(w.whitespace_ and w.i and w.doc[w.i - 1].whitespace_))


def _dateline(subj: Token) -> bool:
    """"WASHINGTON -- ..." parsed as the subject: a word in capitals before a dateline dash."""
    nxt = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
    return subj.is_upper and nxt is not None and _is_dash(nxt)


def _name_before(verb: Token, lo: int) -> tuple[int, int] | None:
    """Chars of the nearest person named before ``verb`` after token ``lo`` (else the nearest
    organisation): the subject the parse lost to a dateline ("WASHINGTON -- After the launch,
    John P. Holdren, Assistant to the President, issued")."""
    ents = [e for e in verb.doc.ents if lo < e.start and e.end <= verb.i and e.label_ in ("PERSON", "ORG")]
    best = [e for e in ents if e.label_ == "PERSON"] or ents
    return (best[-1].start_char, best[-1].end_char) if best else None


def subject(verb: Token) -> tuple[int, int] | None:
    """Chars of the subject of ``verb`` (or of the clause it hangs off), or the name just before
    it; None for a relative pronoun ("an official who asked not to be named")."""
    v = verb
    for _ in range(SUBJECT_CLIMB):
        # of two subjects ("maker/nsubj Moulinex/nsubj <MOUP.PA> said", a wire line broken inside
        # the phrase), the one next to the verb
        subjs = [c for c in v.children if c.dep_ in SUBJECT_DEPS and any(ch.isalnum() for ch in c.text)
                 and c.pos_ not in ("VERB", "AUX")]     # (a clause the parse made a subject: what was said)
        subj = max((c for c in subjs if c.i < v.i), key=lambda c: c.i, default=subjs[0] if subjs else None)
        far = subjs[0] if subjs else None
        if subj is not None and far is not None and far.i < subj.i and any(
                c.dep_ in ("acl", "relcl") and far.i < c.i < subj.i for c in far.children):
            subj = far      # "A group led by investor Natalie Koether said": the name is the clause's
        if subj is None and any(c.dep_ in SUBJECT_DEPS for c in v.children):
            # "The Australian Gas Light Co <AGLA.S> said": the parse makes the ticker's ">" the subject
            named = _before_ticker(verb)
            if named is not None:
                return named
        if subj is not None and subj.lower_ in RELATIVE_WORDS:
            # "Kintz, who said ...": the one the relative clause is about; "an official who asked
            # not to be named": nobody for the verb of the clause
            doc = verb.doc
            ante = v.head if v.dep_ == "relcl" else doc[subj.i - 2] if subj.i >= 2 and doc[subj.i - 1].text == "," \
                else None       # (the parse may hang "who said" elsewhere: the name before ", who")
            if v.i == verb.i and ante is not None and ante.pos_ == "PROPN" and subj.lower_ == "who":
                first = ante
                while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].dep_ == "compound":
                    first = doc[first.i - 1]
                return first.idx, ante.idx + len(ante)
            return None
        if subj is not None and _dateline(subj):
            return _name_before(verb, subj.i)
        if subj is not None:
            return _subject_chars(verb, subj)
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.i != v.head.i:
            v = v.head.head     # "opened the forum by telling ...", "After telling the Soldiers ..., he"
            continue
        if v.head is v or v.dep_ not in CLAUSE_DEPS:
            break
        v = v.head
    prev = verb.doc[verb.i - 1] if verb.i else None
    if prev is not None and (prev.pos_ in ("PROPN", "PRON") or prev.ent_type_):
        return prev.idx, prev.idx + len(prev)
    return None


def _name_after_title(verb: Token, subj: Token) -> tuple[int, int] | None:
    """Chars of a person's name (a given name, then capitalised words up to the verb or a comma)
    after a common-noun subject in its own subtree, or None."""
    doc = verb.doc
    # the subject's words end at the verb, or at the subject's edge after an inverted "said X"
    limit = verb.i if verb.i > subj.i else subj.right_edge.i + 1
    if subj.pos_ == "PROPN":
        # "Spain's Deputy Prime Minister, Maria ...,": a capitalised title, its person in apposition;
        # "said Chief of Staff of the Army Gen. Ray Odierno": in its phrase
        own = doc[subj.left_edge.i:subj.i + 1]
        if any(people_names.is_given_name(t.text) for t in own if t.is_title):
            return None
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.i < limit), None)
        if appos is not None:
            window = doc[appos.left_edge.i:min(limit, appos.right_edge.i + 1)]
        elif any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
            window = doc[subj.i + 1:min(limit, subj.right_edge.i + 1)]
        else:
            return None
    elif subj.pos_ == "NOUN":
        window = doc[subj.i + 1:min(limit, subj.right_edge.i + 1)]
    else:
        return None
    for t in window:
        if t.pos_ == "PROPN" and t.is_title and people_names.is_given_name(t.text) and not _in_clause(t, subj):
            end = t
            for u in doc[t.i + 1:limit]:
                if u.is_punct or u.is_space and "\n\n" in u.text:
                    break
                if u.is_title or u.lower_ in NAME_PARTICLES:
                    end = u
                elif not u.is_space:
                    break
            while end.lower_ in NAME_PARTICLES:
                end = doc[end.i - 1]
            if end.i > t.i:
                return t.idx, end.idx + len(end)
    return None


def _in_clause(t: Token, subj: Token) -> bool:
    """``t`` sits in a clause modifying ``subj`` ("a group led by investor Natalie Koether", "the
    firm which Jan Novak founded"): who the clause names is not the subject."""
    while t.i != subj.i and t.head.i != t.i:
        if t.dep_ in ("acl", "relcl"):
            return True
        t = t.head
    return False


def _before_ticker(verb: Token) -> tuple[int, int] | None:
    """Chars of the name before a wire ticker that stands right before ``verb`` ("Acme Corp <ACME.N>
    said"), or None."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ">":
        return None
    while i >= 0 and doc[i].text != "<" and verb.i - i <= TICKER_REACH:
        i -= 1
    if i <= 0 or doc[i].text != "<":
        return None
    end = doc[i - 1]
    if end.pos_ != "PROPN":
        return None
    start = end
    while start.i > 0 and doc[start.i - 1].pos_ == "PROPN" and not doc[start.i - 1].is_space:
        start = doc[start.i - 1]
    return start.idx, end.idx + len(end)


def _subject_chars(verb: Token, subj: Token) -> tuple[int, int]:
    left = subj.left_edge
    if subj.i - left.i > SUBJECT_MAX_WORDS:
        left = subj
    # "WASHINGTON, March 13 - President Reagan": the dateline is not the speaker
    dash = dateline_dash(verb.doc[left.i:subj.i])
    if dash is not None:
        left = verb.doc[dash + 1]
    # a title whose person's name follows it in the subject ("Commerce undersecretary of economic
    # affairs Robert Ortner", "Spain's Deputy Prime Minister, Maria Teresa Fernandez de la Vega,"):
    # the name
    named = _name_after_title(verb, subj)
    if named is not None:
        return named
    # the right edge is the head: keep an apposition out ("Kinnear, Texaco's president," -> Kinnear),
    # but not a name standing right after its title ("Treasury secretary\nJames Baker", parsed so)
    right = subj
    for c in subj.rights:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i < verb.i \
                and all(t.is_space for t in verb.doc[right.i + 1:c.left_edge.i]):
            right = c
            break
    return left.idx, right.idx + len(right)


def name_run(toks: Sequence[Token], titles: frozenset[str] = frozenset()) -> list[Token]:
    """The speaker words at the start of ``toks`` (after "said", "according to"): up to the first
    punctuation, relative pronoun or word no name is made of; "of" only inside a title (one of
    ``titles``: "Chief of Staff Gen. Ray Odierno", not "Perrin Long of Lipper Analytical")."""
    run: list[Token] = []
    for k, t in enumerate(toks):
        if t.is_space:
            continue
        if t.is_punct or t.tag_ in WH_TAGS:
            break
        if not (t.ent_type_ or t.pos_ in SPEAKER_POS or t.is_title or (run and _title_of(toks, k, titles))):
            break
        run.append(t)
        if t.pos_ == "PRON":
            break
    while run and run[-1].pos_ in ("DET", "PART") and not run[-1].ent_type_:
        run.pop()
    if run and not any(t.pos_ == "PROPN" for t in run):
        # "said oil and gas worker Mike Wipf": a descriptor the run broke off at its conjunction;
        # the name ends the phrase
        named = _trailing_name(toks)
        if named:
            return named
    return run


def _title_of(toks: Sequence[Token], k: int, titles: frozenset[str]) -> bool:
    """``toks[k]`` is the "of" (or its "the") inside a title before a name: "Army Chief of Staff
    Gen. Ray Odierno", "Sgt. Maj. of the Army Raymond Chandler"."""
    t = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if t.lower_ == "the":
        return k > 0 and toks[k - 1].lower_ == "of" and nxt is not None and nxt.is_title
    return t.lower_ == "of" and k > 0 and toks[k - 1].lower_ in titles and nxt is not None and (
        nxt.is_title or nxt.lower_ == "the")


def _trailing_name(toks: Sequence[Token]) -> list[Token]:
    """The proper names ending the phrase that opens ``toks`` (up to punctuation or a relative
    word, DESCRIPTOR_REACH words at most), or []."""
    phrase: list[Token] = []
    for t in toks:
        if t.is_space:
            continue
        if t.is_punct or t.tag_ in WH_TAGS or len(phrase) >= DESCRIPTOR_REACH:
            break
        phrase.append(t)
    names: list[Token] = []
    for t in reversed(phrase):
        if t.pos_ != "PROPN" or not t.is_title:
            break
        names.insert(0, t)
    return names if names and len(names) < len(phrase) else []


def speaker_words(words: list[Token], max_gap: int) -> list[Token] | None:
    """The speaker in the words between a quote and its verb, or None when they are a clause:
    ``Martin Mauro, senior economist for Merrill Lynch,`` -> Martin Mauro;
    ``the minister, who`` / ``the bank expects`` -> None."""
    while words and (words[0].is_punct or words[0].lower_ in LEAD_WORDS):
        words = words[1:]
    if not words:
        return None
    if any(w.lower_ in RELATIVE_WORDS or w.tag_ in FINITE_TAGS for w in words):
        return None             # a clause, not a speaker: "…," the minister, who said …
    segments = _segments(words)
    # "…," about exchange rates, Seger said: skip a lead that is not a noun phrase
    while len(segments) > 1 and segments[0][0].pos_ in LEAD_SKIP_POS:
        segments = segments[1:]
    speaker = segments[0] if segments else []
    while speaker and speaker[-1].is_punct:
        speaker = speaker[:-1]
    if not speaker or len(speaker) > max_gap + SPEAKER_SLACK:
        return None
    if len(segments) == 1 and len(words) > max_gap + SPEAKER_SLACK:
        return None
    if not any(w.pos_ in NOMINAL_POS or w.ent_type_ for w in speaker):
        return None
    return speaker


def _segments(words: list[Token]) -> list[list[Token]]:
    """``words`` cut at commas, semicolons and colons outside parentheses; parentheses dropped
    where they open a segment."""
    segments: list[list[Token]] = [[]]
    depth = 0
    for w in words:
        depth += w.text == "("
        depth -= w.text == ")" and depth > 0
        if w.text in ",;:" and not depth:
            segments.append([])
        elif w.text not in "()" or segments[-1]:
            segments[-1].append(w)
    return [s for s in segments if s]


def quoted_as(ctx: QuoteContext, toks: list[Token], adjacent: bool) -> Attribution | None:
    """``X quoted Y as saying`` -> Y; ``Y was quoted (by X) as saying`` -> Y."""
    qi = next((k for k, t in enumerate(toks) if t.lemma_.lower() == "quote" and t.pos_ == "VERB"), None)
    if qi is None:
        return None
    ai = next((k for k in range(qi + 1, min(len(toks), qi + QUOTED_AS_REACH)) if toks[k].lower_ == "as"), None)
    if ai is None or ai + 1 >= len(toks) or not ctx.tables.is_verb(toks[ai + 1]):
        return None
    cue = toks[ai + 1].lemma_.lower()
    obj = [t for t in toks[qi + 1:ai] if not t.is_space]
    if obj and obj[0].lower_ != "by":
        run = name_run(obj, ctx.tables.job_titles)
        return ctx.words_attribution(run, cue, adjacent) if run else None
    subj = [t for t in toks[:qi] if t.lower_ not in AUX_WORDS]
    words = speaker_words(subj, ctx.tables.max_gap) if subj else None
    return ctx.words_attribution(words, cue, adjacent) if words else None


def verb_in(ctx: QuoteContext, toks: list[Token], cue_first: int | None = None) -> Attribution | None:
    """The first reporting verb among ``toks`` (among the first ``cue_first + 1`` if given) with a
    subject outside quotes; not adjacent. Opinion verbs do not count at this distance."""
    for k, t in enumerate(toks):
        if cue_first is not None and k > cue_first:
            break
        if not ctx.tables.is_verb(t) or t.lemma_.lower() in MENTAL_VERBS or ctx.quoted(t.idx, t.idx + 1):
            continue
        subj = subject(t)
        if subj is not None and not ctx.quoted(*subj):
            return ctx.attribution(subj[0], subj[1], t.lemma_.lower(), False)
    return None
