"""Worker processes: a worker that dies costs only the chunk it was running, as error records."""
from __future__ import annotations

import multiprocessing
import os

import pytest

from summitclaims import runner
from summitclaims.io.readers import Article
from summitclaims.runner import pool

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the patched worker function reaches the workers by fork")


def test_a_dead_worker_costs_only_its_chunk(monkeypatch):
    real = pool._work

    def dying(arts, *args):
        if any(a.doc_id == "boom" for a in arts):
            os._exit(1)                      # as the out-of-memory killer would
        return real(arts, *args)

    # pickled by name: it must be found where the pool looks for its work function
    dying.__module__, dying.__qualname__ = pool.__name__, "_work"
    monkeypatch.setattr(pool, "_work", dying)
    arts = [Article(name, text=f"{name.title()} Corp pledged $5 million.")
            for name in ("alpha", "boom", "gamma", "delta")]
    out = {a.doc_id: recs for a, recs in runner.run(arts, runner.RunOptions(batch_size=1), jobs=2)}
    assert list(out) == ["alpha", "boom", "gamma", "delta"]
    assert [r["kind"] for r in out["boom"]] == ["error"]
    assert "worker process died" in out["boom"][0]["error"]
    for name in ("alpha", "gamma", "delta"):
        assert [r["value"] for r in out[name] if r["kind"] == "money"] == [5_000_000.0]
