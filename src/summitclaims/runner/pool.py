"""Worker processes: chunks fanned out to a pool, results taken back in input order.

We fan out chunks ourselves rather than through ``nlp.pipe(n_process=)`` so that what crosses
between processes is plain record dicts (cheap) and the parent decides the order. At most
``IN_FLIGHT_PER_JOB * jobs`` chunks are in flight, so memory stays flat however long the input.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from .. import nlp as _nlp
from ..io.readers import Article
from . import Pair, Records, Runner
from .chunks import chunks, is_long
from .docs import error_records
from .options import RunOptions

IN_FLIGHT_PER_JOB = 2      # one chunk working, one waiting: no worker idles while the parent writes
WORKER_DIED = "internal error: the worker process died on this article's chunk (out of memory?)"


def resolve_jobs(jobs: int) -> int:
    """0 means every core."""
    return max(1, os.cpu_count() or 1) if jobs <= 0 else jobs


def _init_worker(model: str | None, actors_files: tuple[str, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    # a forked worker inherits the CLI's handlers, which unwind a run: the parent ends a cut
    # run's workers with SIGTERM, and they should just end
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _nlp.load(model, actors_files)                  # forked: already loaded (cached); spawned: now


def _work(arts: list[Article], opts: RunOptions, model: str | None, actors_files: tuple[str, ...]
          ) -> list[Records]:
    # nlp.load is cached per process: this is the worker's one pipeline, no global of ours needed
    return Runner(_nlp.load(model, actors_files), opts).chunk(arts)


class _Workers:
    """A process pool that can be replaced when a worker dies, and stopped at once when the run is cut."""

    def __init__(self, jobs: int, model: str | None, actors_files: tuple[str, ...]) -> None:
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.jobs, self.args = jobs, (model, actors_files)
        self.pool = self._new(jobs)

    def _new(self, jobs: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=self.ctx, initializer=_init_worker, initargs=self.args)

    def submit(self, arts: list[Article], opts: RunOptions) -> Future:
        """The future of the chunk sent to the pool; a fresh pool first if a worker has died since the last submit."""
        try:
            return self.pool.submit(_work, arts, opts, *self.args)
        except BrokenProcessPool:           # a worker died since the last submit: start afresh
            self.pool = self._new(self.jobs)
            return self.pool.submit(_work, arts, opts, *self.args)

    def result(self, arts: list[Article], opts: RunOptions, fut: Future) -> list[Records]:
        """The chunk's records; if a worker died, the chunk runs again alone in a fresh process, so
        that only the chunk that kills its worker is lost (as error records)."""
        try:
            return fut.result()
        except BrokenProcessPool:
            solo = self._new(1)
            try:
                return solo.submit(_work, arts, opts, *self.args).result()
            except BrokenProcessPool:
                return [error_records(a.doc_id, WORKER_DIED) for a in arts]
            finally:
                solo.shutdown(wait=True)

    def close(self, finished: bool) -> None:
        """Shut the pool: wait for it after a finished run, else cancel what is queued and end the workers now."""
        if finished:
            self.pool.shutdown(wait=True)
            return
        # cut (Ctrl-C, --strict, a closed pipe): do not wait for chunks nobody will read
        # the executor keeps its processes private; terminating them is the only way not to wait
        procs = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for p in procs:
            p.terminate()


def run_pool(articles: Iterable[Article], local: Runner, model: str | None, actors_files: tuple[str, ...],
             jobs: int) -> Iterator[Pair]:
    """(article, records) in input order; long articles run here, streamed, in their place."""
    opts = local.opts
    workers = _Workers(jobs, model, actors_files)
    pending: deque[tuple[list[Article], Future]] = deque()

    def drain(keep: int) -> Iterator[Pair]:
        while len(pending) > keep:
            done, fut = pending.popleft()
            yield from zip(done, workers.result(done, opts, fut))

    finished = False
    try:
        for chunk in chunks(articles, opts):
            if is_long(chunk[0], opts):
                yield from drain(0)               # what is in flight goes out first
                yield from local.long_parts(chunk[0])
                continue
            pending.append((chunk, workers.submit(chunk, opts)))
            yield from drain(IN_FLIGHT_PER_JOB * jobs - 1)
        yield from drain(0)
        finished = True
    finally:
        workers.close(finished)
