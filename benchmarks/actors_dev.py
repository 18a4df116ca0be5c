"""Actors against a hand-annotated dev set, for summitclaims and for the bare model, scored alike.

    python benchmarks/actors_dev.py [--dev benchmarks/dev/actors] [--show]

Document level, per label: the gold is each document's distinct actors (a canonical name and every
form the text uses); a prediction is a distinct (name, label) of the document: summitclaims' actor
records, or the bare model's entity texts. A prediction is right when its label is the gold actor's
and its name or one of the forms it was seen under (a record's ``aliases``: "USA" for the canonical
"United States"), folded, is the gold name or one of the actor's forms. Each gold actor is matched once:
a second prediction for it ("Smith" beside "John Smith") is a false positive, so an extractor that
does not merge the forms of one actor pays for it. --show lists each document's misses.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
GROUP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC/GPE", "LOC": "LOC/GPE", "NORP": "NORP"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(gold: list[dict], predicted: set[tuple[str, str, tuple[str, ...]]], fold, tally: Counter,
          misses: list[str]) -> list[bool]:
    """Tally one document: gold actors vs predicted (name, label) pairs; which gold actors were found."""
    keys = [(GROUP[g["label"]], {fold(g["name"]), *(fold(m) for m in g.get("mentions", ()))}) for g in gold]
    matched = [False] * len(keys)
    for name, label, aliases in sorted(predicted):
        group = GROUP.get(label)
        if group is None:
            continue
        seen = {fold(name), *(fold(a) for a in aliases)}
        k = next((i for i, (gl, forms) in enumerate(keys) if gl == group and seen & forms), None)
        if k is not None and not matched[k]:
            matched[k] = True
            tally[group, "tp"] += 1
        else:
            tally[group, "fp"] += 1
            misses.append(f"  + {label:<6} {name}" + ("  (again)" if k is not None else ""))
    for (group, _), g, hit in zip(keys, gold, matched):
        if not hit:
            tally[group, "fn"] += 1
            misses.append(f"  - {g['label']:<6} {g['name']}")
    return matched


def report(name: str, tally: Counter) -> None:
    cells = []
    micro = Counter()
    for group in ("PERSON", "ORG", "LOC/GPE", "NORP"):
        tp, fp, fn = (tally[group, k] for k in ("tp", "fp", "fn"))
        micro.update(tp=tp, fp=fp, fn=fn)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        cells.append(f"{group} {f1:.2f}")
    tp, fp, fn = micro["tp"], micro["fp"], micro["fn"]
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    print(f"{name:<14} " + "  ".join(cells) + f"  micro {f1:.2f}  (tp {tp}, fp {fp}, fn {fn})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", type=Path, default=HERE / "dev" / "actors")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    texts = {r["id"]: r for r in read_jsonl(args.dev / "texts.jsonl")}
    gold = {r["id"]: r["actors"] for r in read_jsonl(args.dev / "gold.jsonl")}

    import summitclaims
    from summitclaims import nlp as _nlp
    from summitclaims.text.folds import name_key

    bare = _nlp.load_base()
    ours_tally: Counter = Counter()
    bare_tally: Counter = Counter()
    lost: list[str] = []
    for doc_id, row in texts.items():
        records = summitclaims.extract(row["text"], row.get("published"), doc_id)
        ours = {(r["name"], r["label"], tuple(r.get("aliases") or ())) for r in records if r["kind"] == "actor"}
        plain = {(e.text, e.label_, ()) for e in bare(row["text"]).ents if e.label_ in LABELS}
        ours_miss: list[str] = []
        bare_miss: list[str] = []
        ours_hit = score(gold.get(doc_id, []), ours, name_key, ours_tally, ours_miss)
        bare_hit = score(gold.get(doc_id, []), plain, name_key, bare_tally, bare_miss)
        for g, o, b in zip(gold.get(doc_id, []), ours_hit, bare_hit):
            if b and not o:                  # the model had it right, we lost it
                lost.append(f"{doc_id}: {g['label']} {g['name']}")
        if args.show and ours_miss:
            print(f"{doc_id}: summitclaims\n" + "\n".join(ours_miss))
    print(f"{len(texts)} documents, {sum(len(v) for v in gold.values())} gold actors; F1 per label")
    report("bare model", bare_tally)
    report("summitclaims", ours_tally)
    right = sum(bare_tally[g, "tp"] for g in ("PERSON", "ORG", "LOC/GPE", "NORP"))
    print(f"gold actors the bare model finds and summitclaims loses: {len(lost)} of {right} "
          f"({100 * len(lost) / max(right, 1):.1f}%)")
    for line in lost if args.show else ():
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
