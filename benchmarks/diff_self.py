"""Self-diffs of a records file: every document against itself, then the whole file against itself.

    python benchmarks/diff_self.py RECORDS.jsonl [--show N] [--json]

A text compared with itself must say nothing but ``same``; this counts the documents whose self-diff
has any other row (with the kinds and statuses of those rows) and the rows by status of the whole
file diffed against itself. Make the records once with
``summitclaims extract corpus.jsonl -q -o RECORDS.jsonl``; this script needs no model.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from typing import Any, Dict, List

from summitclaims.compare.claims import iter_docs
from summitclaims.compare.diff import STATUSES, diff
from summitclaims.compare.load import read_records


def _docs(records: List[Dict[str, Any]]) -> List[List[Dict[str, Any]]]:
    out = []
    for head, body in iter_docs(records):
        out.append(([head] if head is not None else []) + body)
    return out


def main(argv: List[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("records")
    p.add_argument("--show", type=int, default=10, help="list this many failing documents (0: none)")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    args = p.parse_args(argv)

    records = list(read_records(args.records))
    docs = _docs(records)
    t = time.perf_counter()
    failing: List[Dict[str, Any]] = []
    bad_rows: Counter = Counter()
    for recs in docs:
        rows = diff(recs, recs)
        odd = [r for r in rows if r["status"] != "same"]
        if odd:
            shapes = Counter(f"{r['status']}/{r['kind']}" for r in odd)
            bad_rows.update(shapes)
            failing.append({"doc": recs[0].get("doc"), "rows": dict(shapes)})
    per_doc = time.perf_counter() - t

    t = time.perf_counter()
    whole = diff(records, records)
    whole_time = time.perf_counter() - t
    by_status = Counter(r["status"] for r in whole)
    by_kind = Counter(f"{r['status']}/{r['kind']}" for r in whole if r["status"] != "same")

    report = {
        "records": len(records), "documents": len(docs), "failing_documents": len(failing),
        "failing_rows": dict(sorted(bad_rows.items())), "failing": failing[:args.show] if args.show else [],
        "whole_file": {s: by_status.get(s, 0) for s in STATUSES}, "whole_file_not_same": dict(sorted(by_kind.items())),
        "seconds": {"per_document": round(per_doc, 2), "whole_file": round(whole_time, 2)},
    }
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(f"{report['records']:,} records, {report['documents']:,} documents")
        print(f"documents whose self-diff is not all same: {len(failing)} / {len(docs)}"
              f"  ({per_doc:.1f} s)")
        for shape, n in report["failing_rows"].items():
            print(f"  {shape}: {n} rows")
        for f in report["failing"]:
            print(f"  {f['doc']}: {f['rows']}")
        print("whole file against itself: " + ", ".join(f"{s} {n}" for s, n in report["whole_file"].items())
              + f"  ({whole_time:.1f} s)")
        for shape, n in report["whole_file_not_same"].items():
            print(f"  {shape}: {n} rows")
    return 1 if failing or any(by_kind.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
