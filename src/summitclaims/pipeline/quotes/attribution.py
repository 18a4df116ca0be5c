"""Where a quote's attribution is looked for, one function per place, in the order tried.

Right after the quote (``"…," she said`` / ``said X`` / ``"…" – Name``), before it in the same
sentence (``Macron said: "…"``), later in the quote's sentence (``"…," about rates, Seger said``);
for a quote with none of those, the next sentence, the end of the previous paragraph, and a
previous paragraph announcing it (``X issued the following statement:``).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...text.passages import Passage
from .. import sents
from .context import Attribution, QuoteContext
from .cues import DASHES, name_run, quoted_as, speaker_words, subject, verb_in

SENT_END = frozenset(".!?;")        # stops the words read after a quote
ATTRIBUTION_LEAD = ",."             # what may sit between the closing mark and the attribution
DASH_NAME_END = ",;(\n["            # ends a dash attribution's name ("– Anna Berg, CEO of …")
SPEAKER_PUNCT = "!?\u2026"          # a quote ending in these needs no comma before ``she said``

AFTER_READ = 3                  # times max_gap tokens read after a quote: room for an apposition
INNER_COMMA_CHARS = 2           # a comma this close to the inner end counts (``…,'"`` nested marks)
DASH_NAME_MAX_WORDS = 8         # longer is a sentence after a dash, not a name
PREVIOUS_PARAGRAPH_SLACK = 4    # tokens past max_gap a cue may sit in the previous paragraph's sentence
ANNOUNCING = "following"        # "the following statement": a lead that ends in "." still announces


def after(ctx: QuoteContext, p: Passage, hi: int) -> Attribution | None:
    """An attribution right after the closing mark, before char ``hi``: ``"…," she said``,
    ``"…," said X``, ``"…," X, title, told reporters``, ``"…" – Name``."""
    text = ctx.text
    if not p.closed:
        return None
    j = p.end
    while j < hi and (text[j].isspace() or text[j] in ATTRIBUTION_LEAD):
        j += 1
    if j >= hi:
        return None
    if text[j] in DASHES:
        return dash(ctx, j, hi)
    toks = _words_after(ctx, j, hi)
    if not toks or (not _comma_before(text, p, j) and not toks[0].is_lower):
        return None
    found = quoted_as(ctx, toks, adjacent=True)
    if found is not None:
        return found
    # the verb comes within max_gap tokens, or later after a speaker with an apposition
    # ("…," James Kinnear, Texaco's president, told reporters)
    vi = next((k for k, t in enumerate(toks) if ctx.tables.is_verb(t)), None)
    if vi is None:
        return None
    cue = toks[vi].lemma_.lower()
    if vi > 0:
        words = speaker_words(toks[:vi], ctx.tables.max_gap)
        return ctx.words_attribution(words, cue, True) if words else None
    run = name_run(toks[vi + 1:], ctx.tables.job_titles)
    if not run:
        return None
    return ctx.words_attribution(_named_after(toks, run) or run, cue, True)


def _named_after(toks: list[Token], run: list[Token]) -> list[Token] | None:
    """``says Wise's dad, Darrin``: a description, then a comma and the name that ends the
    attribution; the name is the speaker (not the one the description is related to)."""
    if run[-1].pos_ != "NOUN" or not run[-1].is_lower:
        return None
    k = next((i for i, t in enumerate(toks) if t.i == run[-1].i), None)
    if k is None or k + 1 >= len(toks) or toks[k + 1].text != ",":
        return None
    name = []
    for t in toks[k + 2:]:
        if not (t.pos_ == "PROPN" and t.is_title):
            return None          # ("said the mayor, who ...": no name, or more than a name)
        name.append(t)
    return name or None


def signature(ctx: QuoteContext, p: Passage, hi: int) -> Attribution | None:
    """A quote paragraph signed on the next line: ``"…"\n- Jack Boyd, NASA Ames senior advisor``
    (the name after the dash, before char ``hi``)."""
    text = ctx.text
    if not p.closed:
        return None
    j = p.end
    while j < hi and text[j] in " \t":
        j += 1
    if j >= hi or text[j] != "\n":
        return None
    while j < hi and text[j].isspace():
        j += 1
    return dash(ctx, j, hi) if j < hi and text[j] in DASHES else None


def _comma_before(text: str, p: Passage, j: int) -> bool:
    """The quote hands over to an attribution: a comma at its end or after it, or ! ? …"""
    inner_end = text[p.parts[-1][1] - 1:p.end]
    return "," in text[p.parts[-1][1] - INNER_COMMA_CHARS:j] or any(c in inner_end for c in SPEAKER_PUNCT)


def _words_after(ctx: QuoteContext, j: int, hi: int) -> list[Token]:
    """The tokens from char ``j`` to the end of the clause; line breaks of wrapped copy skipped."""
    toks: list[Token] = []
    for t in ctx.tokens(j, hi):
        if t.is_space:          # hard-wrapped newswire: a newline inside the paragraph
            continue
        if t.text in SENT_END:
            break
        toks.append(t)
        if len(toks) > AFTER_READ * ctx.tables.max_gap:
            break
    return toks


def dash(ctx: QuoteContext, j: int, hi: int) -> Attribution | None:
    """``"…" – Anna Berg, CEO of Qlix``: the capitalised name after the dash at char ``j``."""
    text = ctx.text
    cue = text[j]
    k = j
    while k < hi and (text[k] in DASHES or text[k].isspace()):
        k += 1
    e = k
    while e < hi and text[e] not in DASH_NAME_END:
        e += 1
    name = text[k:e].rstrip(" .")
    if not name or not name[0].isupper() or len(name.split()) > DASH_NAME_MAX_WORDS:
        return None
    return Attribution(k, k + len(name), name, cue, True)


def before(ctx: QuoteContext, p: Passage, lo: int) -> Attribution | None:
    """An attribution earlier in the quote's sentence, after char ``lo``: ``according to her, "…"``,
    ``X was quoted as saying "…"``, ``Macron said: "…"`` (adjacent when only "that" is between)."""
    toks = ctx.tokens(lo, p.start)
    if not toks:
        return None
    sent_start = sents.sent(ctx.doc, toks[-1].i).start
    toks = [t for t in toks if t.i >= sent_start] or toks[-1:]
    found = _phrase_before(ctx, toks) or quoted_as(ctx, [t for t in toks if not t.is_space], adjacent=True)
    if found is not None:
        return found
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if not ctx.tables.is_verb(t):
            continue
        subj = subject(t)
        if subj is None or ctx.quoted(*subj):
            continue
        gap = [x for x in toks[k + 1:] if not x.is_punct and not x.is_space and x.lower_ != "that"]
        return ctx.attribution(subj[0], subj[1], t.lemma_.lower(), not gap)
    return None


def _phrase_before(ctx: QuoteContext, toks: list[Token]) -> Attribution | None:
    """``according to her, "…"``: a cue phrase of the table, the last one in the sentence."""
    lowers = [t.lower_ for t in toks]
    for phrase in ctx.tables.phrases:
        n = len(phrase)
        for k in range(len(toks) - n, -1, -1):
            if tuple(lowers[k:k + n]) == phrase:
                run = name_run(toks[k + n:], ctx.tables.job_titles)
                if run:
                    return ctx.words_attribution(run, " ".join(phrase), len(toks) - (k + n + len(run)) <= 1)
    return None


def around(ctx: QuoteContext, p: Passage, hi: int) -> Attribution | None:
    """A reporting verb later in the quote's own sentence:
    ``"He's tough," but "will hang on" until October, Watanabe told Reuters.``"""
    if not p.closed:
        return None
    after_toks = ctx.tokens(p.end, hi)
    if not after_toks:
        return None
    end = sents.sent(ctx.doc, after_toks[0].i).end
    return verb_in(ctx, [t for t in after_toks if t.i < end])


def next_sentence(ctx: QuoteContext, p: Passage, hi: int) -> Attribution | None:
    """``"We will build them." That was what the minister said.`` (same paragraph)."""
    after_toks = [t for t in ctx.tokens(p.end, hi) if not t.is_space]
    if not after_toks:
        return None
    end = sents.sent(ctx.doc, after_toks[0].i).end
    return verb_in(ctx, [t for t in after_toks if t.i < end], cue_first=ctx.tables.max_gap)


def previous_paragraph(ctx: QuoteContext, paras: list[tuple[int, int]], para: int,
                       floor: int) -> Attribution | None:
    """A quote paragraph after ``Lyng said …`` ending the previous paragraph (newswire); nothing
    before char ``floor`` (the end of the previous quote) is read."""
    toks = _last_sentence_before(ctx, paras, para, floor)
    if not toks:
        return None
    return verb_in(ctx, toks, cue_first=ctx.tables.max_gap + PREVIOUS_PARAGRAPH_SLACK)


def _last_sentence_before(ctx: QuoteContext, paras: list[tuple[int, int]], para: int, floor: int) -> list[Token]:
    """The words of the last sentence of paragraph ``para - 1``, none before char ``floor``."""
    if para == 0:
        return []
    lo, hi = max(paras[para - 1][0], floor), paras[para - 1][1]
    toks = [t for t in ctx.tokens(lo, hi) if not t.is_space]
    if not toks:
        return []
    start = sents.sent(ctx.doc, toks[-1].i).start
    return [t for t in toks if t.i >= start]


def announced(ctx: QuoteContext, paras: list[tuple[int, int]], para: int, floor: int) -> Attribution | None:
    """A quote paragraph announced by the previous one, as press releases and statements print
    them: ``X issued the following statement:``, ``The following is a statement by X regarding
    ...``, ``Statement from X, Apollo 11 lunar module pilot:``. The attribution is the document's
    words; who issued it is resolved as for "a statement from the EU said" (``resolve``). Nothing
    before char ``floor`` (the end of the previous quote) is read."""
    toks = _last_sentence_before(ctx, paras, para, floor)
    if not toks:
        return None
    if toks[-1].text != ":" and not any(t.lower_ == ANNOUNCING for t in toks):
        return None
    noun = next((t for t in toks if t.lemma_.lower() in ctx.tables.documents
                 and not ctx.quoted(t.idx, t.idx + 1)), None)
    if noun is None:
        return None
    return ctx.attribution(noun.left_edge.idx, noun.idx + len(noun), noun.lower_, False)
