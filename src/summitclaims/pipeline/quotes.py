"""summitclaims_quotes: direct quotations with their resolved speaker.

Sets ``doc.spans[extensions.QUOTES]``: each span covers the quotation including its marks, with
``span._.sc_quote`` = ``values.Quote``. Passages come from ``normalize.quotes.find_passages``; this
component decides which passages are quotes (not scare quotes or names), finds the attribution
around them and maps the speaker words to the actor mentions (``doc.spans[extensions.MENTIONS]``).

Where the attribution is looked for, in order: right after the quote (``"…," she said`` /
``said X`` / ``"…" – Name``), before it in the same sentence (``Macron said: "…"``), later in the
quote's sentence (``"…," about rates, Seger said``); then, for a quote with none of those, the
previous quote when it is in the same or the previous paragraph (a resumed quote, a newswire
paragraph continuing its speaker), the next sentence (``"…." That was what the minister said``) and
the last sentence of the previous paragraph.

Speaker resolution: a mention under the speaker words wins (a person over an organisation:
"a spokesman for IBM" -> IBM). Pronouns and definite descriptions ("the minister", "the Texas
Democrat") go back to the most recent compatible candidate, preferring recent subjects and
speakers; gender comes from the article (earlier pronouns, "Mr"/"Ms") and, as a tie-breaker, from
the first-name table ``patterns/quote_gender.jsonl``. Indefinite and plural descriptions ("one
trader", "analysts") name nobody. A name the actors component missed is completed from the text.

A quote interrupted by its attribution and resumed (``"A," she said. "B."``) gives two records with
the same speaker: the second inherits the attribution of the first.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..normalize.quotes import Passage, find_passages, paragraphs
from ..values import Quote
from . import extensions, sents

DASHES = frozenset("-\u2013\u2014\u2015\u2012")
_SENT_END = frozenset(".!?;")
_SPEAKER_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON", "PART"})
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "a", "an", "in", "on", "to", "de", "von", "der"})
_GENDER = {"she": "f", "her": "f", "he": "m", "him": "m"}
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "so-called"})
_DEFINITE = frozenset({"the", "this", "that"})
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "many", "most"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_RELATIVE = frozenset({"who", "which", "whose", "whom", "that"})
_AUX = frozenset({"was", "were", "is", "are", "been", "be", "has", "have", "had"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_LEAD_SKIP = frozenset({"ADP", "ADV", "SCONJ", "CCONJ"})    # "…," about rates, Seger said
# verbs of opinion: an attribution right next to a quote, too weak to reach across sentences
_MENTAL = frozenset({"think", "believe", "feel", "hope", "wonder", "reckon", "estimate", "forecast",
                     "predict", "expect", "muse"})
_NOT_FIRST = frozenset({"the", "a", "an", "but", "and", "however", "when", "in", "on", "at", "as", "said",
                        "says", "told", "by", "of", "for", "with", "if", "while", "after", "before"})
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019.-]*$")


def _dateline_dash(toks) -> int | None:
    """Index of a spaced dash ending a dateline ("WASHINGTON, March 13 - President Reagan"), not
    the hyphen of "Young-sam" or "all-party"."""
    for w in reversed(list(toks)):
        if w.text in DASHES and (w.text != "-" or (w.whitespace_ and w.i and w.doc[w.i - 1].whitespace_)):
            return w.i
    return None


@dataclass
class _Attribution:
    start: int                 # chars of the speaker words
    end: int
    text: str
    cue: str | None
    adjacent: bool             # right next to the quote (", she said" / "said:" / "– Name")


@dataclass
class _Cand:
    """Someone a pronoun or a description may refer back to."""
    pos: int
    actor: str | None          # canonical name (None: an unnamed speaker, "one trader")
    label: str                 # PERSON | ORG | GPE | ? (a name the actors component missed)
    gender: str | None         # from the text around it ("Mr", "spokeswoman")
    salient: bool              # subject of a clause, or the speaker of a quote


class QuoteFinder:
    def __init__(self, nlp: Language, name: str, cues: str, pronouns: str, gender: str, nouns: str,
                 roles: str, max_gap: int, min_words: int, min_words_unattributed: int):
        self.name = name
        self.verbs: set[str] = set()
        self.phrases: list[tuple[str, ...]] = []
        for row in resources.load_patterns(cues):
            if row["kind"] == "verb":
                self.verbs.add(str(row["lemma"]).lower())
            else:
                self.phrases.append(tuple(str(row["phrase"]).lower().split()))
        self.pronouns = {str(r["word"]).lower(): str(r["label"]) for r in resources.load_patterns(pronouns)}
        self.titles: dict[str, str] = {}
        self.first_names: dict[str, str] = {}
        for r in resources.load_patterns(gender):
            table = self.titles if r.get("kind") == "title" else self.first_names
            table[str(r["word"]).lower().rstrip(".")] = str(r["gender"])
        # job titles ("Secretary", "Chairman") are not part of a name (shared with the actors component)
        self.job_titles = {str(r["title"]).lower() for r in resources.load_patterns(roles) if r.get("kind") == "title"}
        self.nouns = {str(r["noun"]).lower(): (str(r.get("label", "PERSON")), r.get("gender"))
                      for r in resources.load_patterns(nouns)}
        self.max_gap = max_gap                      # tokens between quote and reporting verb
        self.min_words = min_words                  # partial quotes shorter than this are scare quotes
        self.min_words_unattributed = min_words_unattributed

    # ------------------------------------------------------------------ entry point
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[extensions.QUOTES] = self._quotes(doc)
        return doc

    def _quotes(self, doc: Doc) -> list[Span]:
        text = self._text = sents.text(doc)
        passages = find_passages(text)
        if not passages or not len(doc):
            return []
        self._starts = doc.to_array("IDX").tolist()
        self._gender: dict[str, str] = {}       # actor -> pronoun gender seen in this doc
        paras = paragraphs(text)
        para_starts = [s for s, _ in paras]
        mentions = sorted(doc.spans[extensions.MENTIONS] if extensions.MENTIONS in doc.spans else (),
                          key=lambda s: (s.start_char, s.end_char))
        self._inside = [(p.start, p.end) for p in passages]
        self._inside_starts = [a for a, _ in self._inside]
        self._mentions = mentions
        self._cands = self._mention_cands(doc, mentions)
        self._names: dict[str, str] | None = None      # missed names, built on first need
        out: list[Span] = []
        prev: tuple[int, Quote] | None = None       # (paragraph index, quote) of the last quote
        for n, p in enumerate(passages):
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            para = max(0, bisect_right(para_starts, p.start) - 1)
            lo = max(paras[para][0], passages[n - 1].end if n else 0)
            last_para = bisect_right(para_starts, max(p.start, p.end - 1)) - 1
            hi_para = paras[last_para][1]
            hi = min(hi_para, passages[n + 1].start if n + 1 < len(passages) else len(text))
            inner = p.inner(text)
            partial = not self._starts_sentence(text, p, lo, inner)
            attr = self._after(doc, p, hi) or self._before(doc, p, lo)
            if not self._is_quote(text, p, inner, partial, attr):
                continue
            if attr is None:
                attr = self._around(doc, p, lo, hi_para)
            if attr is None and prev is not None and para - prev[0] <= 1 and prev[1].speaker_text:
                # resumed quote, or a newswire paragraph continuing the last speaker
                q = Quote(quote=inner, speaker=prev[1].speaker, speaker_text=prev[1].speaker_text,
                          cue=prev[1].cue, partial=partial)
            else:
                if attr is None and p.closed and inner.rstrip("'\u2019\" ")[-1:] in ".!?\u2026":
                    attr = self._next_sentence(doc, p, hi) or self._previous_paragraph(
                        doc, paras, para, passages[n - 1].end if n else 0)
                if attr is not None:
                    speaker = self._resolve(doc, attr)
                    q = Quote(quote=inner, speaker=speaker, speaker_text=attr.text, cue=attr.cue,
                              partial=partial)
                else:
                    q = Quote(quote=inner, partial=partial)
            span._.sc_quote = q
            out.append(span)
            prev = (last_para, q)
        return out

    # ------------------------------------------------------------------ helpers
    def _tokens(self, doc: Doc, a: int, b: int) -> list[Token]:
        """Tokens that start inside [a, b)."""
        return list(doc[bisect_left(self._starts, a):bisect_left(self._starts, b)])

    def _quoted(self, a: int, b: int) -> bool:
        """Chars [a, b) lie inside a quoted passage."""
        k = bisect_right(self._inside_starts, a) - 1
        return k >= 0 and self._inside[k][0] <= a and b <= self._inside[k][1]

    @staticmethod
    def _starts_sentence(text: str, p: Passage, lo: int, inner: str) -> bool:
        i = p.start - 1
        while i >= lo and text[i].isspace():
            i -= 1
        if i < lo:
            return True
        prev = text[i]
        first = inner.lstrip("'\u2018\u2019\"([")[:1]
        if prev in ".!?:" or prev in DASHES:
            return True
        # "According to her, "Global ..." / "…, she said, "We…": a capitalised new sentence
        return prev == "," and first.isupper()

    def _is_verb(self, t: Token) -> bool:
        return t.lemma_.lower() in self.verbs and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"))

    def _is_quote(self, text: str, p: Passage, inner: str, partial: bool,
                  attr: _Attribution | None) -> bool:
        words = [w for w in inner.split() if any(c.isalnum() for c in w)]
        if not words:
            return False
        ends_clause = inner.rstrip("'\u2019\u201d\" ")[-1:] in ".!?,\u2026"
        caps = [w for w in words if w.lower() not in _SMALL_WORDS]
        name_like = (len(words) <= 6 and not ends_clause and caps
                     and all(w[0].isupper() or w[0].isdigit() for w in caps))
        if name_like and not (attr and attr.adjacent and not partial):
            return False            # "AI Champions", "Ghost Protocol": a name or title in marks
        if partial:
            before = text[max(0, p.start - 30):p.start].split()
            if before and before[-1].lower() in _DETERMINERS and len(words) <= 4 and not ends_clause:
                return False        # an "AI factory": a term
            if attr is not None:
                return len(words) >= self.min_words
            return len(words) >= self.min_words_unattributed
        if attr is not None and attr.adjacent:
            return True
        return len(words) >= self.min_words and (ends_clause or len(words) >= self.min_words_unattributed)

    def _attr(self, toks: list[Token], cue: str | None, adjacent: bool) -> _Attribution:
        a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
        return _Attribution(a, b, self._text[a:b], cue, adjacent)

    # ------------------------------------------------------------------ attribution after the quote
    def _after(self, doc: Doc, p: Passage, hi: int) -> _Attribution | None:
        text = self._text
        if not p.closed:
            return None
        j = p.end
        while j < hi and (text[j].isspace() or text[j] in ",."):
            j += 1
        if j >= hi:
            return None
        if text[j] in DASHES:
            return self._dash(doc, j, hi)
        inner_end = text[p.parts[-1][1] - 1:p.end]
        comma = "," in text[p.parts[-1][1] - 2:j] or any(c in inner_end for c in "!?\u2026")
        toks = []
        for t in self._tokens(doc, j, hi):
            if t.is_space:          # hard-wrapped newswire: a newline inside the paragraph
                continue
            if t.text in _SENT_END:
                break
            toks.append(t)
            if len(toks) > 3 * self.max_gap:
                break
        if not toks or (not comma and not toks[0].is_lower):
            return None
        quoted_as = self._quoted_as(toks, adjacent=True)
        if quoted_as is not None:
            return quoted_as
        # the verb comes within max_gap tokens, or later after a speaker with an apposition
        # ("…," James Kinnear, Texaco's president, told reporters)
        vi = next((k for k, t in enumerate(toks) if self._is_verb(t)), None)
        if vi is None:
            return None
        cue = toks[vi].lemma_.lower()
        if vi > 0:
            words = self._speaker_words(toks[:vi])
            return self._attr(words, cue, True) if words else None
        run = self._name_run(toks[vi + 1:])
        if not run:
            return None
        return self._attr(run, cue, True)

    def _speaker_words(self, words: list[Token]) -> list[Token] | None:
        """The speaker in the words between a quote and its verb, or None when they are a clause:
        ``Martin Mauro, senior economist for Merrill Lynch,`` -> Martin Mauro;
        ``the minister, who`` / ``the bank expects`` -> None."""
        while words and (words[0].is_punct or words[0].lower_ in ("and", "but", "as")):
            words = words[1:]
        if not words:
            return None
        if any(w.lower_ in _RELATIVE or w.tag_ in _FINITE for w in words):
            return None             # a clause, not a speaker: "…," the minister, who said …
        segments: list[list[Token]] = [[]]
        depth = 0
        for w in words:
            depth += w.text == "("
            depth -= w.text == ")" and depth > 0
            if w.text in ",;:" and not depth:
                segments.append([])
            elif w.text not in "()" or segments[-1]:
                segments[-1].append(w)
        segments = [s for s in segments if s]
        # "…," about exchange rates, Seger said: skip a lead that is not a noun phrase
        while len(segments) > 1 and segments[0][0].pos_ in _LEAD_SKIP:
            segments = segments[1:]
        speaker = segments[0] if segments else []
        while speaker and speaker[-1].is_punct:
            speaker = speaker[:-1]
        if not speaker or len(speaker) > self.max_gap + 2:
            return None
        if len(segments) == 1 and len(words) > self.max_gap + 2:
            return None
        if not any(w.pos_ in ("PROPN", "NOUN", "PRON") or w.ent_type_ for w in speaker):
            return None
        return speaker

    def _quoted_as(self, toks: list[Token], adjacent: bool) -> _Attribution | None:
        """``X quoted Y as saying`` -> Y; ``Y was quoted (by X) as saying`` -> Y."""
        qi = next((k for k, t in enumerate(toks) if t.lemma_.lower() == "quote" and t.pos_ == "VERB"), None)
        if qi is None:
            return None
        ai = next((k for k in range(qi + 1, min(len(toks), qi + 12)) if toks[k].lower_ == "as"), None)
        if ai is None or ai + 1 >= len(toks) or not self._is_verb(toks[ai + 1]):
            return None
        cue = toks[ai + 1].lemma_.lower()
        obj = [t for t in toks[qi + 1:ai] if not t.is_space]
        if obj and obj[0].lower_ != "by":
            run = self._name_run(obj)
            return self._attr(run, cue, adjacent) if run else None
        subj = [t for t in toks[:qi] if t.lower_ not in _AUX]
        words = self._speaker_words(subj) if subj else None
        return self._attr(words, cue, adjacent) if words else None

    def _dash(self, doc: Doc, j: int, hi: int) -> _Attribution | None:
        text = self._text
        cue = text[j]
        k = j
        while k < hi and (text[k] in DASHES or text[k].isspace()):
            k += 1
        e = k
        while e < hi and text[e] not in ",;(\n[":
            e += 1
        name = text[k:e].rstrip(" .")
        if not name or not name[0].isupper() or len(name.split()) > 8:
            return None
        return _Attribution(k, k + len(name), name, cue, True)

    @staticmethod
    def _name_run(toks: list[Token]) -> list[Token]:
        run: list[Token] = []
        for t in toks:
            if t.is_space:
                continue
            if t.is_punct:
                break
            if t.tag_ in ("WP", "WDT"):
                break               # "said an official who asked …"
            if t.ent_type_ or t.pos_ in _SPEAKER_POS or t.is_title:
                run.append(t)
                if t.pos_ == "PRON":
                    break
            else:
                break
        while run and run[-1].pos_ in ("DET", "PART") and not run[-1].ent_type_:
            run.pop()
        return run

    # ------------------------------------------------------------------ attribution before the quote
    def _before(self, doc: Doc, p: Passage, lo: int) -> _Attribution | None:
        toks = self._tokens(doc, lo, p.start)
        if not toks:
            return None
        sent_start = sents.sent(doc, toks[-1].i).start
        toks = [t for t in toks if t.i >= sent_start] or toks[-1:]
        lowers = [t.lower_ for t in toks]
        for phrase in self.phrases:   # "according to her, ..."
            n = len(phrase)
            for k in range(len(toks) - n, -1, -1):
                if tuple(lowers[k:k + n]) == phrase:
                    run = self._name_run(toks[k + n:])
                    if run:
                        return self._attr(run, " ".join(phrase), len(toks) - (k + n + len(run)) <= 1)
        quoted_as = self._quoted_as([t for t in toks if not t.is_space], adjacent=True)
        if quoted_as is not None:
            return quoted_as
        for k in range(len(toks) - 1, -1, -1):
            t = toks[k]
            if not self._is_verb(t):
                continue
            subj = self._subject(t)
            if subj is None or self._quoted(*subj):
                continue
            a, b = subj
            gap = [x for x in toks[k + 1:] if not x.is_punct and not x.is_space and x.lower_ != "that"]
            return _Attribution(a, b, self._text[a:b], t.lemma_.lower(), not gap)
        return None

    def _verb_in(self, toks: list[Token], cue_first: int | None = None) -> _Attribution | None:
        """The first reporting verb among ``toks`` with a subject outside quotes (not adjacent)."""
        for k, t in enumerate(toks):
            if cue_first is not None and k > cue_first:
                break
            if not self._is_verb(t) or t.lemma_.lower() in _MENTAL or self._quoted(t.idx, t.idx + 1):
                continue
            subj = self._subject(t)
            if subj is not None and not self._quoted(*subj):
                return _Attribution(subj[0], subj[1], self._text[subj[0]:subj[1]], t.lemma_.lower(), False)
        return None

    def _around(self, doc: Doc, p: Passage, lo: int, hi: int) -> _Attribution | None:
        """A reporting verb later in the quote's own sentence:
        ``"He's tough," but "will hang on" until October, Watanabe told Reuters.``"""
        if not p.closed:
            return None
        after = self._tokens(doc, p.end, hi)
        if not after:
            return None
        end = sents.sent(doc, after[0].i).end
        return self._verb_in([t for t in after if t.i < end])

    def _next_sentence(self, doc: Doc, p: Passage, hi: int) -> _Attribution | None:
        """``"We will build them." That was what the minister said.`` (same paragraph)."""
        after = [t for t in self._tokens(doc, p.end, hi) if not t.is_space]
        if not after:
            return None
        end = sents.sent(doc, after[0].i).end
        return self._verb_in([t for t in after if t.i < end], cue_first=self.max_gap)

    def _previous_paragraph(self, doc: Doc, paras: list[tuple[int, int]], para: int,
                            floor: int) -> _Attribution | None:
        """A quote paragraph after ``Lyng said …`` ending the previous paragraph (newswire)."""
        if para == 0:
            return None
        lo, hi = max(paras[para - 1][0], floor), paras[para - 1][1]
        toks = [t for t in self._tokens(doc, lo, hi) if not t.is_space]
        if not toks:
            return None
        start = sents.sent(doc, toks[-1].i).start
        return self._verb_in([t for t in toks if t.i >= start], cue_first=self.max_gap + 4)

    @staticmethod
    def _subject(verb: Token) -> tuple[int, int] | None:
        v = verb
        for _ in range(4):      # "…, while acknowledging that": climb to the verb that has one
            subj = next((c for c in v.children if c.dep_ in _SUBJ), None)
            if subj is not None and subj.lower_ in _RELATIVE:
                return None         # "an official who asked not to be named"
            if subj is not None:
                left = subj.left_edge
                if subj.i - left.i > 8:
                    left = subj
                # "WASHINGTON, March 13 - President Reagan": the dateline is not the speaker
                dash = _dateline_dash(verb.doc[left.i:subj.i])
                if dash is not None:
                    left = verb.doc[dash + 1]
                right = subj
                # keep the apposition's head out: "Kinnear, Texaco's president," -> Kinnear
                return left.idx, right.idx + len(right)
            if v.head is v or v.dep_ not in ("advcl", "xcomp", "conj", "ccomp", "dep", "parataxis"):
                break
            v = v.head
        prev = verb.doc[verb.i - 1] if verb.i else None
        if prev is not None and (prev.pos_ in ("PROPN", "PRON") or prev.ent_type_):
            return prev.idx, prev.idx + len(prev)
        return None

    # ------------------------------------------------------------------ speaker resolution
    def _mention_cands(self, doc: Doc, mentions: list[Span]) -> list[_Cand]:
        text = self._text
        out = []
        for m in mentions:
            if not m._.sc_actor or m.label_ not in ("PERSON", "ORG", "GPE") or self._quoted(m.start_char, m.end_char):
                continue
            before = text[max(0, m.start_char - 12):m.start_char].split()
            title = before[-1].lower().rstrip(".") if before else ""
            out.append(_Cand(m.start_char, m._.sc_actor, m.label_, self.titles.get(title),
                             m.root.dep_ in _SUBJ))
        # subjects of reporting verbs the actors component has no mention for (a name split by a
        # hard line wrap, an unknown company): still someone "he" or "the bank" may refer back to
        covered = {i for m in mentions for i in range(m.start, m.end)}
        # only proper-noun subjects qualify: pick them from the arrays, not by making every token
        strings = doc.vocab.strings
        subj = {strings[d] for d in _SUBJ}
        propn = strings["PROPN"]
        for i, (dep, pos) in enumerate(doc.to_array(["DEP", "POS"]).tolist()):
            if dep not in subj or pos != propn or i in covered:
                continue
            t = doc[i]
            if not self._is_verb(t.head):
                continue
            if self._quoted(t.idx, t.idx + 1):
                continue
            lo = t.left_edge.i
            dash = _dateline_dash(doc[lo:t.i])
            lo = lo if dash is None else dash + 1
            words = [w for w in doc[lo:t.right_edge.i + 1] if not w.is_space]
            if len(words) > 8 or any(w.is_punct and w.text not in ".&-" for w in words):
                words = [t]
            if not any(self.nouns.get(w.lower_, ("PERSON",))[0] == "ORG" for w in words):
                # "Indonesian Energy Minister Subroto": the words after the last title
                cut = max((k + 1 for k, w in enumerate(words) if w.lower_ in self.job_titles), default=0)
                words = words[cut:] if cut < len(words) else words
            while words and (words[0].pos_ == "DET" or words[0].lower_ in self.job_titles):
                words = words[1:]
            if not words or any(w.is_lower and w.pos_ != "ADP" for w in words) or t.is_upper:
                continue
            name = " ".join(w.text for w in words)
            org = any(self.nouns.get(w.lower_, ("PERSON",))[0] == "ORG" for w in words) or \
                words[-1].lower_.rstrip(".") in ("inc", "corp", "co", "ltd", "plc", "ag", "sa", "nv")
            out.append(_Cand(words[0].idx, name if org else (self._complete(name) or name),
                             "ORG" if org else "?", None, True))
        out.sort(key=lambda c: c.pos)
        return out

    def _gender_of(self, c: _Cand) -> str | None:
        if c.actor in self._gender:
            return self._gender[c.actor]
        if c.gender or c.label not in ("PERSON", "?") or not c.actor:
            return c.gender
        return self.first_names.get(c.actor.split()[0].lower())

    def _antecedent(self, pos: int, labels: tuple[str, ...], gender: str | None) -> _Cand | None:
        """The most recent candidate before ``pos``: salient ones (subjects, speakers) of the last
        ~2 paragraphs first, then any; a gender-compatible one first at each step."""
        before = [c for c in self._cands if c.pos < pos and c.label in labels]
        if not before:
            return None
        before.sort(key=lambda c: c.pos)
        window = pos - 600
        recent = [c for c in before if c.salient and c.pos >= window]
        salient = [c for c in before if c.salient]
        pools = (recent, salient, before)
        if gender:
            for pool in pools:
                ok = [c for c in pool if self._gender_of(c) in (None, gender)]
                if ok:
                    return ok[-1]
        for pool in pools:
            if pool:
                return pool[-1]
        return None

    def _resolve(self, doc: Doc, attr: _Attribution) -> str | None:
        speaker, label = self._speaker_of(doc, attr)
        # the speaker is someone later pronouns and descriptions may refer back to
        self._cands.append(_Cand(attr.start, speaker, label, None, True))
        return speaker

    def _speaker_of(self, doc: Doc, attr: _Attribution) -> tuple[str | None, str]:
        word = attr.text.strip().lower()
        if word in self.pronouns:
            want = self.pronouns[word]
            gender = _GENDER.get(word)
            labels = ("PERSON", "?") if want == "PERSON" else (want, "GPE")
            c = self._antecedent(attr.start, labels, gender)
            if c is None:
                return None, want
            if gender and c.actor:
                self._gender.setdefault(c.actor, gender)
            return c.actor, c.label
        span = doc.char_span(attr.start, attr.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        covering = [m for m in self._mentions if m.start_char < attr.end and attr.start < m.end_char
                    and m._.sc_actor and (m.label_ in ("PERSON", "ORG")
                                       or (m.label_ == "GPE" and root is not None and m.start <= root.i < m.end))]
        if covering:
            rank = {"PERSON": 0, "ORG": 1}
            covering.sort(key=lambda m: (rank.get(m.label_, 2), -(m.end_char - m.start_char)))
            best = covering[0]
            if best.label_ != "PERSON" and root is not None and root.pos_ == "NOUN" and not best.start <= root.i < best.end \
                    and self.nouns.get(root.lower_, ("PERSON",))[0] == "PERSON":
                return best._.sc_actor, "PERSON"     # "a spokesman for IBM": IBM, and later "he" too
            return best._.sc_actor, best.label_
        if span is None or root is None:
            return None, "?"
        first = span[0].lower_
        head = root.lower_
        if first not in _DEFINITE and first not in _INDEFINITE:
            if root.is_title:
                # "Stals" (tagged a plural noun) after "Chris Stals": an actor's surname
                known = self._surname(root.text)
                if known is not None:
                    return known, "?"
            if root.pos_ == "PROPN":
                return self._missed_name(span), "?"
        if root.tag_ in ("NNS", "NNPS"):
            return None, "PLURAL"      # "analysts": nobody in particular, and not a "he"
        if first in _INDEFINITE:
            return None, "PERSON"      # "analysts", "one trader": nobody in particular
        label, gender = self.nouns.get(head, ("PERSON", None))
        if first in _DEFINITE or span[0].tag_ == "PRP$":
            labels = ("PERSON", "?") if label == "PERSON" else (label,)
            c = self._antecedent(attr.start, labels, gender)
            return (c.actor, c.label) if c is not None else (None, label)
        return None, label

    def _surname(self, word: str) -> str | None:
        for c in self._cands:
            if c.actor and c.label in ("PERSON", "?") and c.actor.split()[-1] == word:
                return c.actor
        return None

    def _not_name(self, w: str) -> bool:
        w = w.lower().rstrip(".")
        return w in self.titles or w in self.job_titles

    def _missed_name(self, span: Span) -> str | None:
        """A name the actors component has no mention for ("Sprinkel" after "Beryl Sprinkel"
        was split by a line break): the longest capitalised run ending with it, or as written."""
        words = [t.text for t in span if not t.is_punct and not t.is_space]
        words = [w for w in words if not self._not_name(w)]
        if not words or not all(_NAME_WORD.match(w) for w in words):
            return None
        last = words[-1]
        if last.isupper() and len(last) > 4:
            return None                 # a headline in capitals
        known = self._surname(last)
        if known is not None:
            return known
        return self._complete(" ".join(words))

    def _complete(self, name: str) -> str | None:
        """A lone surname completed from its first full mention in the text ("Gramley" ->
        "Lyle Gramley", also across a line break)."""
        words = name.split()
        last = words[-1]
        if len(words) == 1:
            m = re.search(r"((?:[A-Z][\w'\u2019-]*\.?\s+){1,2})" + re.escape(last) + r"\b", self._text)
            if m:
                full = m.group(1).split()
                cut = max((k + 1 for k, w in enumerate(full)
                           if self._not_name(w) or w.lower() in _NOT_FIRST), default=0)
                full = full[cut:]      # "Treasury Secretary David Mulford": the words after a title
                if full and all(w[:1].isupper() and not w.isupper() for w in full):
                    return " ".join(full + [last])
        return " ".join(words)


@Language.factory(
    "summitclaims_quotes",
    default_config={"cues": "quote_cues", "pronouns": "quote_pronouns", "gender": "quote_gender",
                    "nouns": "quote_nouns", "roles": "roles", "max_gap": 8, "min_words": 3, "min_words_unattributed": 6},
)
def make_quotes(nlp: Language, name: str, cues: str, pronouns: str, gender: str, nouns: str, roles: str,
                max_gap: int, min_words: int, min_words_unattributed: int) -> QuoteFinder:
    extensions.register()
    return QuoteFinder(nlp, name, cues, pronouns, gender, nouns, roles, max_gap, min_words,
                       min_words_unattributed)
