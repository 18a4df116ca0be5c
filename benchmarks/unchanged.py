"""Is `summitclaims extract` output byte-identical to a saved run? For refactors that must not
change what the tool writes.

    python benchmarks/unchanged.py save DIR [--n 2000] [--cmd summitclaims]
    python benchmarks/unchanged.py check DIR [--n 2000] [--cmd summitclaims]

Runs the CLI on the samples, on the first N Reuters-21578 articles as JSONL (with their
"published" key) and on the same articles without it (so datelines decide the date), writing
JSONL. `save` keeps the outputs in DIR; `check` runs again and compares byte for byte, printing
the first differing line of each input set. The `producer.rules` hash is reported apart: it
changes whenever a rule table's bytes do, also when the rules themselves do not.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
NL = b"\n"
CORPUS = HERE.parent.parent / "shared" / "corpora" / "reuters21578.jsonl"


def inputs(n: int, tmp: Path) -> dict[str, list[str]]:
    with CORPUS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in islice(fh, n)]
    given = tmp / "reuters.jsonl"
    given.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    bare = tmp / "reuters_undated.jsonl"
    bare.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "published"}) + "\n"
                            for r in rows), encoding="utf-8")
    return {"samples": sorted(str(p) for p in SAMPLES.glob("*.txt")),
            "reuters": [str(given)], "reuters_undated": [str(bare)]}


def run(cmd: str, paths: list[str]) -> bytes:
    proc = subprocess.run([*shlex.split(cmd), "extract", "-f", "jsonl", "-j", "2", *paths],
                          capture_output=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return proc.stdout


def without_rules(line: bytes) -> bytes:
    rec = json.loads(line)
    if isinstance(rec.get("producer"), dict):
        rec["producer"].pop("rules", None)
    return json.dumps(rec, sort_keys=True).encode()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--cmd", default=str(Path(sys.executable).with_name("summitclaims")))
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, paths in inputs(args.n, Path(tmp)).items():
            out = run(args.cmd, paths)
            saved = args.dir / f"{name}.jsonl"
            if args.action == "save":
                saved.write_bytes(out)
                print(f"{name}: {out.count(NL)} records saved")
                continue
            want = saved.read_bytes()
            if out == want:
                print(f"{name}: {out.count(NL)} records, byte-identical")
                continue
            a, b = want.splitlines(), out.splitlines()
            if len(a) == len(b) and all(x == y or without_rules(x) == without_rules(y) for x, y in zip(a, b)):
                print(f"{name}: {len(b)} records, identical but for producer.rules")
                continue
            failed = True
            first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            print(f"{name}: DIFFERS ({len(a)} saved vs {len(b)} records); first at line {first + 1}:")
            print("  saved:", a[first][:600].decode() if first < len(a) else "<end>")
            print("  now:  ", b[first][:600].decode() if first < len(b) else "<end>")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
