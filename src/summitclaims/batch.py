"""Batch extraction: articles in, (article, records) out, in input order, streaming, on N processes.

Each worker process holds one pipeline and runs spaCy's ``nlp.pipe`` over a chunk of articles,
returning plain record dicts. We fan out chunks ourselves rather than through ``nlp.pipe(n_process=)``
because spaCy ships docs between processes as msgpack, which cannot carry our extension values
(dataclasses, dates); records are plain JSON and cheap to send back. At most ``2 * jobs`` chunks are
in flight, so memory stays flat however long the input is.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import signal
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from spacy.language import Language

from . import nlp as _nlp
from .io.readers import Article
from .pipeline import sents
from .records import KIND_ORDER, assign_ids, doc_records, error_record

KIND_NAMES = {
    "actor": "actor", "actors": "actor",
    "money": "money",
    "date": "date", "dates": "date",
    "quote": "quote", "quotes": "quote",
}


def parse_kinds(spec: str | Iterable[str] | None) -> frozenset[str] | None:
    """"money,dates" -> {"money", "date"}; None or empty -> None (every kind). Raises ValueError."""
    if spec is None:
        return None
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    kinds = set()
    for item in (i.strip().lower() for i in items):
        if not item:
            continue
        if item not in KIND_NAMES:
            raise ValueError(f"unknown kind {item!r}: choose from actors, money, dates, quotes")
        kinds.add(KIND_NAMES[item])
    return frozenset(kinds) or None


@dataclass(frozen=True)
class RunOptions:
    published: dt.date | None = None       # default for articles that do not carry their own
    kinds: frozenset[str] | None = None    # None: every kind
    keep_text: bool = False                # put the article text on the document record
    batch_size: int = 16
    piece_chars: int = 100_000             # longer articles run in paragraph-aligned pieces
    # the model's working memory grows with the text of a whole batch (about 2.5 MB per 1,000
    # chars with en_core_web_sm): a batch holds at most this many chars (a longer article runs
    # alone), so that a few long articles together do not set the peak memory of the whole run
    batch_chars: int = 24_000


def _make_doc(nlp: Language, art: Article, opts: RunOptions):
    doc = nlp.make_doc(art.text or "")
    sents.remember_text(doc, art.text or "")
    doc._.sc_doc_id = art.doc_id
    if art.published is not None:
        doc._.sc_published, doc._.sc_published_source = art.published, art.published_source or "given"
    elif opts.published is not None:
        doc._.sc_published, doc._.sc_published_source = opts.published, "given"
    return doc


def _head(nlp: Language, head: dict[str, Any], art: Article, opts: RunOptions) -> None:
    """What the document record carries beyond the doc: provenance, meta, the text if asked."""
    head["producer"] = _nlp.producer(nlp)
    if art.meta:
        head["meta"] = art.meta
    if opts.keep_text:
        head["text"] = art.text or ""


def _records(nlp: Language, doc, art: Article, opts: RunOptions) -> list[dict[str, Any]]:
    records = doc_records(doc, opts.kinds)
    _head(nlp, records[0], art, opts)
    return assign_ids(records)


def _error(doc_id: str | None, message: str) -> list[dict[str, Any]]:
    return assign_ids([error_record(doc_id, message)])


def _internal_error(art: Article, exc: BaseException) -> list[dict[str, Any]]:
    return _error(art.doc_id, f"internal error: {type(exc).__name__}: {exc}")


def split_points(text: str, limit: int) -> list[int]:
    """Start offsets of pieces of at most ``limit`` chars, cut at paragraph breaks outside quotes
    (else at a line break, else at a space), so sentences and quotes never straddle two pieces."""
    if len(text) <= limit:
        return [0]
    from .normalize.quotes import find_passages

    inside = sorted((p.start, p.end) for p in find_passages(text))
    starts_q = [a for a, _ in inside]

    def in_quote(i: int) -> bool:
        k = bisect_right(starts_q, i) - 1
        return k >= 0 and inside[k][0] < i < inside[k][1]

    points = [0]
    while len(text) - points[-1] > limit:
        lo, hi = points[-1] + 1, points[-1] + limit
        cut = None
        for sep in ("\n\n", "\n", " "):
            j = text.rfind(sep, lo, hi)
            while j > lo and in_quote(j + len(sep)):
                j = text.rfind(sep, lo, j)
            if j > lo:
                cut = j + len(sep)
                break
        points.append(cut if cut is not None else hi)
    return points


def _shift(rec: dict[str, Any], offset: int) -> dict[str, Any]:
    for key in ("char_start", "char_end", "equivalent_of"):
        if rec.get(key) is not None:
            rec[key] += offset
    return rec


def iter_long(nlp: Language, art: Article, opts: RunOptions, names: list[str] | None = None
              ) -> Iterator[list[dict[str, Any]]]:
    """An article longer than ``piece_chars``, as successive lists of records: the document record
    with the first piece's money, dates and quotes, then each further piece's, then the actors of all
    pieces merged (one record each). Pieces run one by one and their records are given up as they
    come, so memory stays bounded however long the article; offsets refer to the whole article."""
    names = _nlp.pipes_for(nlp, opts.kinds) if names is None else names
    text = art.text or ""
    points = split_points(text, opts.piece_chars) + [len(text)]
    actors: dict[tuple[str, str], dict[str, Any]] = {}
    published = None
    for n, (a, b) in enumerate(zip(points, points[1:])):
        piece = Article(art.doc_id, text=text[a:b], published=art.published or published,
                        published_source=art.published_source or ("text" if published else None))
        with _zone(nlp, b - a):
            doc = next(iter(_pipe(nlp, [_make_doc(nlp, piece, opts)], names, 1)))
            if published is None and doc._.sc_published is not None and art.published is None:
                published = doc._.sc_published      # a dateline found in the first piece holds for the rest
            records = doc_records(doc, opts.kinds)
        out = []
        if n == 0:
            head = records[0]
            head.update(char_end=len(text), chars=len(text))
            _head(nlp, head, art, opts)
            out.append(head)
        for rec in records[1:]:
            _shift(rec, a)
            if rec["kind"] != "actor":
                out.append(rec)
                continue
            seen = actors.get((rec["name"], rec["label"]))
            if seen is None:
                actors[(rec["name"], rec["label"])] = rec
            else:
                seen["mentions"] += rec["mentions"]
                seen["aliases"] += [x for x in rec["aliases"] if x not in seen["aliases"]]
                seen["role"] = seen["role"] or rec["role"]
        yield assign_ids(out)
    if actors:
        yield assign_ids(list(actors.values()))


def is_long(art: Article, opts: RunOptions) -> bool:
    return art.error is None and len(art.text or "") > opts.piece_chars


# spaCy keeps every new word it meets in the shared vocab, so memory grows with the input. Inside
# nlp.memory_zone() what a chunk adds is dropped when the chunk is done (its records are plain
# dicts by then); but the tokenizer does not cache inside a zone, so each process first reads this
# much text outside one, filling the cache with the common words (bounded, the same for any input).
_WARM_CHARS = 500_000
_warmed = 0
_zoned = False          # zones do not nest: an inner one would drop what the outer chunk still uses


@contextlib.contextmanager
def _zone(nlp: Language, chars: int) -> Iterator[None]:
    global _warmed, _zoned
    if _zoned or _warmed < _WARM_CHARS:
        _warmed += chars
        yield
        return
    _zoned = True
    try:
        with nlp.memory_zone():
            yield
    finally:
        _zoned = False


def process_chunk(nlp: Language, arts: list[Article], opts: RunOptions) -> list[list[dict[str, Any]]]:
    """Records for each article of a chunk. A failure on one article costs only that article."""
    with _zone(nlp, sum(len(a.text or "") for a in arts)):
        return _process_chunk(nlp, arts, opts)


def _process_chunk(nlp: Language, arts: list[Article], opts: RunOptions) -> list[list[dict[str, Any]]]:
    out: list[list[dict[str, Any]] | None] = [None] * len(arts)
    names = _nlp.pipes_for(nlp, opts.kinds)
    todo = []
    for i, art in enumerate(arts):
        if art.error is not None:
            out[i] = _error(art.doc_id, art.error)
            continue
        if len(art.text or "") > opts.piece_chars:
            try:
                out[i] = [r for part in iter_long(nlp, art, opts, names) for r in part]
            except Exception as exc:
                out[i] = _internal_error(art, exc)
            continue
        try:
            todo.append((i, _make_doc(nlp, art, opts)))
        except Exception as exc:      # e.g. longer than nlp.max_length
            out[i] = _internal_error(arts[i], exc)
    try:
        done = list(_pipe(nlp, (d for _, d in todo), names, opts.batch_size))
        for (i, _), doc in zip(todo, done):
            out[i] = _records(nlp, doc, arts[i], opts)
    except Exception:
        # one article broke the batch: redo them one by one, on fresh docs
        for i, _ in todo:
            try:
                doc = next(iter(_pipe(nlp, [_make_doc(nlp, arts[i], opts)], names, 1)))
                out[i] = _records(nlp, doc, arts[i], opts)
            except Exception as exc:
                out[i] = _internal_error(arts[i], exc)
    return out  # type: ignore[return-value]


def _pipe(nlp: Language, docs: Iterable, names: list[str], batch_size: int) -> Iterable:
    """Like ``nlp.pipe`` over the named components only (--only: see ``nlp.pipes_for``)."""
    for name in names:
        proc = nlp.get_pipe(name)
        if hasattr(proc, "pipe"):
            docs = proc.pipe(docs, batch_size=batch_size)
        else:
            docs = map(proc, docs)
    return docs


def _chunks(items: Iterable[Article], size: int, opts: RunOptions | None = None) -> Iterator[list[Article]]:
    """Lists of up to ``size`` articles; with ``opts``, a long article travels alone and a list
    holds at most ``opts.batch_chars`` chars (or one article)."""
    chunk: list[Article] = []
    chars = 0
    for art in items:
        if opts is not None and is_long(art, opts):
            if chunk:
                yield chunk
                chunk, chars = [], 0
            yield [art]
            continue
        n = len(art.text or "")
        if chunk and opts is not None and chars + n > opts.batch_chars:
            yield chunk
            chunk, chars = [], 0
        chunk.append(art)
        chars += n
        if len(chunk) >= size:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


# -- worker processes -----------------------------------------------------------------------------
_WORKER_NLP: Language | None = None


def _init_worker(model: str | None, actors_files: tuple[str, ...]) -> None:
    global _WORKER_NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    _WORKER_NLP = _nlp.load(model, actors_files)    # already loaded when forked: no cost


def _work(arts: list[Article], opts: RunOptions) -> list[list[dict[str, Any]]]:
    assert _WORKER_NLP is not None
    return process_chunk(_WORKER_NLP, arts, opts)


def _stream_long(nlp: Language, art: Article, opts: RunOptions) -> Iterator[tuple[Article, list[dict[str, Any]]]]:
    try:
        for part in iter_long(nlp, art, opts):
            yield art, part
    except Exception as exc:
        yield art, _internal_error(art, exc)


def resolve_jobs(jobs: int) -> int:
    """0 means every core."""
    return max(1, os.cpu_count() or 1) if jobs <= 0 else jobs


def run(
    articles: Iterable[Article],
    opts: RunOptions | None = None,
    *,
    model: str | None = None,
    actors_files: tuple[str, ...] = (),
    jobs: int = 1,
) -> Iterator[tuple[Article, list[dict[str, Any]]]]:
    """(article, records) in input order, as each chunk finishes: one pair per article, or several
    successive pairs for an article longer than ``opts.piece_chars`` (see ``iter_long``)."""
    opts = opts or RunOptions()
    yield from _unique_ids(_run(articles, opts, model, actors_files, resolve_jobs(jobs)))


def _unique_ids(pairs: Iterator[tuple[Article, list[dict[str, Any]]]]) -> Iterator[tuple[Article, list[dict[str, Any]]]]:
    """Record ids are unique in a run: the records of a document whose id an earlier document of
    the run already had (the same file given twice, JSONL rows repeating an id) get ids qualified
    by its occurrence. Only document ids are kept, not record ids."""
    seen: dict[str, int] = {}
    previous = None
    occurrence = 0
    for art, records in pairs:
        if art is not previous:          # the parts of a long article are one document
            occurrence = seen.get(art.doc_id, -1) + 1
            seen[art.doc_id] = occurrence
            previous = art
        if occurrence:
            assign_ids(records, occurrence)
        yield art, records


def _run(articles: Iterable[Article], opts: RunOptions, model: str | None, actors_files: tuple[str, ...],
         jobs: int) -> Iterator[tuple[Article, list[dict[str, Any]]]]:
    nlp = _nlp.load(model, actors_files)          # in the parent: forked workers share it
    if jobs == 1:
        for chunk in _chunks(articles, opts.batch_size, opts):
            if is_long(chunk[0], opts):
                yield from _stream_long(nlp, chunk[0], opts)
            else:
                yield from zip(chunk, process_chunk(nlp, chunk, opts))
        return
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(model, actors_files)) as pool:
        pending: deque = deque()
        for chunk in _chunks(articles, opts.batch_size, opts):
            if is_long(chunk[0], opts):
                # streamed here, in order: what is in flight goes out first
                while pending:
                    done, result = pending.popleft()
                    yield from zip(done, result.get())
                yield from _stream_long(nlp, chunk[0], opts)
                continue
            pending.append((chunk, pool.apply_async(_work, (chunk, opts))))
            while len(pending) >= 2 * jobs:
                done, result = pending.popleft()
                yield from zip(done, result.get())
        while pending:
            done, result = pending.popleft()
            yield from zip(done, result.get())


__all__ = ["KIND_ORDER", "RunOptions", "parse_kinds", "process_chunk", "run"]
