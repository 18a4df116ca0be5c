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
from typing import Iterable, Iterator

from .. import nlp as _nlp
from ..io.readers import Article
from . import Pair, Records, Runner
from .chunks import chunks, is_long
from .options import RunOptions

IN_FLIGHT_PER_JOB = 2      # one chunk working, one waiting: no worker idles while the parent writes


def resolve_jobs(jobs: int) -> int:
    """0 means every core."""
    return max(1, os.cpu_count() or 1) if jobs <= 0 else jobs


def _init_worker(model: str | None, actors_files: tuple[str, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    _nlp.load(model, actors_files)                  # forked: already loaded (cached); spawned: now


def _work(arts: list[Article], opts: RunOptions, model: str | None, actors_files: tuple[str, ...]
          ) -> list[Records]:
    # nlp.load is cached per process: this is the worker's one pipeline, no global of ours needed
    return Runner(_nlp.load(model, actors_files), opts).chunk(arts)


def run_pool(articles: Iterable[Article], local: Runner, model: str | None, actors_files: tuple[str, ...],
             jobs: int) -> Iterator[Pair]:
    """(article, records) in input order; long articles run here, streamed, in their place."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    opts = local.opts
    pending: deque[tuple[list[Article], Future]] = deque()

    def drain(keep: int) -> Iterator[Pair]:
        while len(pending) > keep:
            done, result = pending.popleft()
            yield from zip(done, result.result())

    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(model, actors_files)) as pool:
        try:
            for chunk in chunks(articles, opts):
                if is_long(chunk[0], opts):
                    yield from drain(0)               # what is in flight goes out first
                    yield from local.stream_long(chunk[0])
                    continue
                pending.append((chunk, pool.submit(_work, chunk, opts, model, actors_files)))
                yield from drain(IN_FLIGHT_PER_JOB * jobs - 1)
            yield from drain(0)
        finally:
            for _, fut in pending:
                fut.cancel()
