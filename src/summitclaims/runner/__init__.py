"""The one way from articles to records, for every entry point (CLI, API, diff/summarise, Spark, show).

``Runner`` runs one pipeline in this process: docs built the same way for everyone
(``runner.docs``), long articles in pieces (``runner.long``), chunks bounded in size
(``runner.chunks``) inside memory zones (``runner.zones``). ``run`` adds worker processes
(``runner.pool``) and run-wide unique ids.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .. import nlp as _nlp
from ..fields import assign_ids
from ..io.readers import Article
from ..records import doc_records
from .chunks import chunks, is_long
from .docs import Records, error_records, internal_error, make_doc, pipe, records_of
from .long import iter_long, split_points
from .options import RunOptions
from .zones import zones_of

Pair = tuple[Article, Records]


class Runner:
    """One pipeline and one set of options: articles in, records out, in this process."""

    def __init__(self, nlp: Language, opts: RunOptions | None = None) -> None:
        self.nlp = nlp
        self.opts = opts or RunOptions()
        self.names = _nlp.pipes_for(nlp, self.opts.kinds, rules_only=self.opts.rules_only)
        self.zones = zones_of(nlp)

    def parts(self, articles: Iterable[Article]) -> Iterator[Pair]:
        """(article, records) in input order as each chunk finishes: one pair per article, or
        several successive pairs (parts) for a long one, so that its records stream."""
        for chunk in chunks(articles, self.opts):
            if is_long(chunk[0], self.opts):
                yield from self.long_parts(chunk[0])
            else:
                yield from zip(chunk, self.chunk(chunk))

    def whole(self, articles: Iterable[Article]) -> Iterator[Pair]:
        """(article, all its records): one pair per article, also for long ones."""
        for chunk in chunks(articles, self.opts):
            yield from zip(chunk, self.chunk(chunk))

    def chunk(self, arts: list[Article]) -> list[Records]:
        """Records for each article of a chunk. A failure on one article costs only that article."""
        with self.zones.zone(self.nlp, sum(len(a.text or "") for a in arts)):
            return self._chunk(arts)

    def long_parts(self, art: Article) -> Iterator[Pair]:
        """The successive parts of a long article's records; a failure ends it with an error record."""
        try:
            for part in iter_long(self, art):
                yield art, part
        except Exception as exc:
            yield art, internal_error(art, exc)

    def doc(self, art: Article) -> Doc:
        """The processed doc of one article, for rendering it. Raises ValueError for an article
        longer than a piece, whose records come from pieces (``show`` refuses it)."""
        if is_long(art, self.opts):
            raise ValueError(f"longer than {self.opts.piece_chars:,} characters: too long to show as one doc")
        return next(pipe(self.nlp, [make_doc(self.nlp, art, self.opts)], self.names, 1))

    def doc_records(self, doc: Doc) -> Records:
        """The records of one processed doc, of the kinds asked for."""
        return doc_records(doc, self.opts.kinds)

    def _chunk(self, arts: list[Article]) -> list[Records]:
        out: list[Records | None] = [None] * len(arts)
        todo = []
        for i, art in enumerate(arts):
            if art.error is not None:
                out[i] = error_records(art.doc_id, art.error)
            elif is_long(art, self.opts):
                try:
                    out[i] = [r for part in iter_long(self, art) for r in part]
                except Exception as exc:
                    out[i] = internal_error(art, exc)
            else:
                try:
                    todo.append((i, make_doc(self.nlp, art, self.opts)))
                except Exception as exc:      # e.g. longer than nlp.max_length
                    out[i] = internal_error(art, exc)
        try:
            done = list(pipe(self.nlp, (d for _, d in todo), self.names, self.opts.batch_size))
            for (i, _), doc in zip(todo, done):
                out[i] = records_of(self.nlp, doc, arts[i], self.opts)
        except Exception:
            # one article broke the batch: redo them one by one, on fresh docs
            for i, _ in todo:
                try:
                    out[i] = records_of(self.nlp, self.doc(arts[i]), arts[i], self.opts)
                except Exception as exc:
                    out[i] = internal_error(arts[i], exc)
        return out  # type: ignore[return-value]


def run(
    articles: Iterable[Article],
    opts: RunOptions | None = None,
    *,
    model: str | None = None,
    actors_files: tuple[str, ...] = (),
    jobs: int = 1,
) -> Iterator[Pair]:
    """(article, records) in input order, as each chunk finishes, on ``jobs`` processes (0: every
    core), with ids unique in the run: the path the CLI and ``extract_many`` take."""
    from .pool import resolve_jobs, run_pool

    opts = opts or RunOptions()
    nlp = _nlp.load(model, actors_files)          # in the parent: forked workers share it
    jobs = resolve_jobs(jobs)
    pairs = Runner(nlp, opts).parts(articles) if jobs == 1 else run_pool(
        articles, Runner(nlp, opts), model, actors_files, jobs)
    yield from unique_ids(pairs)


def unique_ids(pairs: Iterable[Pair]) -> Iterator[Pair]:
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


__all__ = ["Pair", "Records", "RunOptions", "Runner", "run", "split_points", "unique_ids"]
