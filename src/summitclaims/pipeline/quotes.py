"""summitclaims_quotes: direct quotations with their resolved speaker.

Sets ``doc.spans[extensions.QUOTES]``: each span covers the quotation including its marks, with
``span._.quote`` = ``values.Quote``. Passages come from ``normalize.quotes.find_passages``; this
component decides which passages are quotes (not scare quotes or names), finds the attribution
around them and maps the speaker words to the actor mentions (``doc.spans[extensions.MENTIONS]``).

A quote interrupted by its attribution and resumed (``"A," she said. "B."``) gives two records with
the same speaker: the second inherits the attribution of the first.
"""
from __future__ import annotations

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
_RECENT = 6   # person mentions looked back over when a pronoun already named someone
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "so-called"})


@dataclass
class _Attribution:
    start: int                 # chars of the speaker words
    end: int
    text: str
    cue: str | None
    adjacent: bool             # right next to the quote (", she said" / "said:" / "– Name")


class QuoteFinder:
    def __init__(self, nlp: Language, name: str, cues: str, pronouns: str, max_gap: int,
                 min_words: int, min_words_unattributed: int):
        self.name = name
        self.verbs: set[str] = set()
        self.phrases: list[tuple[str, ...]] = []
        for row in resources.load_patterns(cues):
            if "lemma" in row:
                self.verbs.add(str(row["lemma"]).lower())
            elif "phrase" in row:
                self.phrases.append(tuple(str(row["phrase"]).lower().split()))
        self.pronouns = {str(r["word"]).lower(): str(r["label"]) for r in resources.load_patterns(pronouns)}
        self.max_gap = max_gap                      # tokens between quote and reporting verb
        self.min_words = min_words                  # partial quotes shorter than this are scare quotes
        self.min_words_unattributed = min_words_unattributed

    # ------------------------------------------------------------------ entry point
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[extensions.QUOTES] = self._quotes(doc)
        return doc

    def _quotes(self, doc: Doc) -> list[Span]:
        text = self._text = doc.text          # doc.text is rebuilt on every access
        passages = find_passages(text)
        if not passages or not len(doc):
            return []
        self._starts = [t.idx for t in doc]
        self._gender: dict[str, str] = {}       # actor -> pronoun gender seen in this doc
        paras = paragraphs(text)
        para_starts = [s for s, _ in paras]
        mentions = sorted(doc.spans[extensions.MENTIONS] if extensions.MENTIONS in doc.spans else (),
                          key=lambda s: (s.start_char, s.end_char))
        inside = [(p.start, p.end) for p in passages]
        out: list[Span] = []
        prev: tuple[int, Quote] | None = None       # (paragraph index, quote) of the last quote
        for n, p in enumerate(passages):
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            para = max(0, bisect_right(para_starts, p.start) - 1)
            lo = max(paras[para][0], passages[n - 1].end if n else 0)
            hi_para = paras[bisect_right(para_starts, max(p.start, p.end - 1)) - 1][1]
            hi = min(hi_para, passages[n + 1].start if n + 1 < len(passages) else len(text))
            inner = p.inner(text)
            partial = not self._starts_sentence(text, p, lo, inner)
            attr = self._after(doc, p, hi) or self._before(doc, p, lo)
            if not self._is_quote(text, p, inner, partial, attr):
                continue
            if attr is not None:
                speaker = self._resolve(text, attr, mentions, inside)
                q = Quote(quote=inner, speaker=speaker, speaker_text=attr.text, cue=attr.cue, partial=partial)
            elif prev is not None and para - prev[0] <= 1 and prev[1].speaker_text:
                # resumed quote, or a newswire paragraph continuing the last speaker
                q = Quote(quote=inner, speaker=prev[1].speaker, speaker_text=prev[1].speaker_text,
                          cue=prev[1].cue, partial=partial)
            else:
                q = Quote(quote=inner, partial=partial)
            span._.quote = q
            out.append(span)
            prev = (bisect_right(para_starts, max(p.start, p.end - 1)) - 1, q)
        return out

    # ------------------------------------------------------------------ helpers
    def _tokens(self, doc: Doc, a: int, b: int) -> list[Token]:
        """Tokens that start inside [a, b)."""
        return list(doc[bisect_left(self._starts, a):bisect_left(self._starts, b)])

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
            if len(toks) > self.max_gap + 8:
                break
        if not toks or (not comma and not toks[0].is_lower):
            return None
        vi = next((k for k, t in enumerate(toks[:self.max_gap + 1]) if self._is_verb(t)), None)
        if vi is None:
            return None
        cue = toks[vi].lemma_.lower()
        if vi > 0:
            words = toks[:vi]
            while words and (words[0].is_punct or words[0].lower_ in ("and", "but", "as")):
                words = words[1:]
            if not words or not any(w.pos_ in ("PROPN", "NOUN", "PRON") or w.ent_type_ for w in words):
                return None
            if any(w.pos_ in ("VERB", "AUX") or w.text in ",;:" for w in words):
                return None     # a clause, not a speaker: "…," the minister, who said …
            return _Attribution(words[0].idx, words[-1].idx + len(words[-1]),
                                self._text[words[0].idx:words[-1].idx + len(words[-1])], cue, True)
        run = self._name_run(toks[vi + 1:])
        if not run:
            return None
        return _Attribution(run[0].idx, run[-1].idx + len(run[-1]),
                            text[run[0].idx:run[-1].idx + len(run[-1])], cue, True)

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
                        return _Attribution(run[0].idx, run[-1].idx + len(run[-1]),
                                            self._text[run[0].idx:run[-1].idx + len(run[-1])],
                                            " ".join(phrase), len(toks) - (k + n + len(run)) <= 1)
        for k in range(len(toks) - 1, -1, -1):
            t = toks[k]
            if not self._is_verb(t):
                continue
            subj = self._subject(t)
            if subj is None:
                continue
            a, b = subj
            gap = [x for x in toks[k + 1:] if not x.is_punct and x.lower_ != "that"]
            return _Attribution(a, b, self._text[a:b], t.lemma_.lower(), not gap)
        return None

    @staticmethod
    def _subject(verb: Token) -> tuple[int, int] | None:
        v = verb
        for _ in range(4):      # "…, while acknowledging that": climb to the verb that has one
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                left = subj.left_edge
                if subj.i - left.i > 8:
                    left = subj
                return left.idx, subj.idx + len(subj)
            if v.head is v or v.dep_ not in ("advcl", "xcomp", "conj", "ccomp", "dep", "parataxis"):
                break
            v = v.head
        prev = verb.doc[verb.i - 1] if verb.i else None
        if prev is not None and (prev.pos_ in ("PROPN", "PRON") or prev.ent_type_):
            return prev.idx, prev.idx + len(prev)
        return None

    # ------------------------------------------------------------------ speaker resolution
    def _resolve(self, text: str, attr: _Attribution, mentions: list[Span],
                 inside: list[tuple[int, int]]) -> str | None:
        def quoted(m: Span) -> bool:
            return any(a <= m.start_char and m.end_char <= b for a, b in inside)

        word = attr.text.strip().lower()
        if word in self.pronouns:
            want = self.pronouns[word]
            labels = (want,) if want == "PERSON" else (want, "PERSON")
            gender = _GENDER.get(word)
            for label in labels:
                cands = [m._.actor for m in reversed(mentions) if m.end_char <= attr.start
                         and m.label_ == label and m._.actor and not quoted(m)]
                if not cands:
                    continue
                if gender:
                    # prefer a recent actor this pronoun already named; skip one known by the other
                    known = [a for a in cands[:_RECENT] if self._gender.get(a) == gender]
                    cands = known or [a for a in cands if self._gender.get(a, gender) == gender] or cands
                    self._gender[cands[0]] = gender
                return cands[0]
            return None
        covering = [m for m in mentions if m.start_char < attr.end and attr.start < m.end_char and m._.actor]
        if covering:
            rank = {"PERSON": 0, "ORG": 1}
            covering.sort(key=lambda m: (rank.get(m.label_, 2), -(m.end_char - m.start_char)))
            return covering[0]._.actor
        near = [m for m in mentions if m._.actor and m.label_ in ("PERSON", "ORG") and not quoted(m)]
        if near:
            return min(near, key=lambda m: min(abs(m.start_char - attr.end), abs(attr.start - m.end_char)))._.actor
        if not mentions and any(w[:1].isupper() for w in attr.text.split()) and word not in self.pronouns:
            return attr.text     # no actor mentions at all: the name as written beats nothing
        return None


@Language.factory(
    "summitclaims_quotes",
    default_config={"cues": "quote_cues", "pronouns": "quote_pronouns", "max_gap": 8,
                    "min_words": 3, "min_words_unattributed": 6},
)
def make_quotes(nlp: Language, name: str, cues: str, pronouns: str, max_gap: int, min_words: int,
                min_words_unattributed: int) -> QuoteFinder:
    extensions.register()
    return QuoteFinder(nlp, name, cues, pronouns, max_gap, min_words, min_words_unattributed)
