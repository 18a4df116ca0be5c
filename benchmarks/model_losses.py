"""What do summitclaims' actor rules cost and add against the bare statistical model?

    python benchmarks/model_losses.py [--corpus ../shared/corpora/reuters21578.jsonl] [--n 500]
                                      [--skip 0] [--examples 15] [--samples]

Runs the bare model (its entities) and summitclaims (its actor mentions) over the same texts and
reports per label: entities both found with the same label, entities the model found that we
dropped (our losses), those we relabelled, and mentions only we found. A model entity counts as kept
when one of our mentions overlaps it with the same label; the most frequent lost and relabelled texts
are listed, to show what a rule costs. No gold is needed: this measures agreement with the model,
which the actor issues say we must not lose without a named reason.

Every loss and relabel is explained by the actor component's trace (``doc._.sc_actor_trace``: the
named rule that deleted or relabelled a span overlapping the entity); the report counts them by
rule, and lists the unexplained ones, which should not exist.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "reuters21578.jsonl"
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")


def texts(args: argparse.Namespace) -> list[tuple[str, str]]:
    if args.samples:
        return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((HERE.parent / "samples").glob("*.txt"))]
    with args.corpus.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in islice(fh, args.skip, args.skip + args.n)]
    return [(str(r["id"]), r["text"]) for r in rows]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def why(s: int, e: int, trace: list[dict]) -> str:
    """The named rule of the first trace decision over the span, or "unexplained"."""
    return next((d["reason"] for d in trace if overlaps((s, e), (d["start_char"], d["end_char"]))), "unexplained")


def compare(model: list[tuple[int, int, str, str]], ours: list[tuple[int, int, str, str]], trace: list[dict],
            tally: Counter, lost: Counter, relabelled: Counter, reasons: Counter) -> None:
    """Tally one document: (start, end, label, text) spans of the model and of summitclaims."""
    for s, e, label, text in model:
        hits = [o for o in ours if overlaps((s, e), (o[0], o[1]))]
        if any(o[2] == label for o in hits):
            tally[label, "both"] += 1
            continue
        reason = why(s, e, trace)
        reasons[reason] += 1
        if hits:
            tally[label, "relabelled"] += 1
            relabelled[f"{text!r} {label}->{hits[0][2]} [{reason}]"] += 1
        else:
            tally[label, "lost"] += 1
            lost[f"{text!r} {label} [{reason}]"] += 1
    for s, e, label, _ in ours:
        if not any(overlaps((s, e), (m[0], m[1])) for m in model):
            tally[label, "ours only"] += 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--skip", type=int, default=0, help="articles of the corpus to skip first")
    ap.add_argument("--examples", type=int, default=15, help="lost / relabelled texts to list")
    ap.add_argument("--samples", action="store_true", help="the five samples instead of the corpus")
    args = ap.parse_args()

    from summitclaims import nlp as _nlp
    from summitclaims.io.readers import Article
    from summitclaims.pipeline import extensions
    from summitclaims.runner import Runner, RunOptions

    docs = texts(args)
    bare = _nlp.load_base()
    runner = Runner(_nlp.load(), RunOptions())
    tally: Counter = Counter()
    lost: Counter = Counter()
    relabelled: Counter = Counter()
    reasons: Counter = Counter()
    for (doc_id, text), plain in zip(docs, bare.pipe(t for _, t in docs)):
        model = [(x.start_char, x.end_char, x.label_, x.text) for x in plain.ents if x.label_ in LABELS]
        try:
            ours_doc = runner.doc(Article(doc_id, text=text))
        except ValueError:                      # longer than one piece: not comparable as one doc
            continue
        ours = [(x.start_char, x.end_char, x.label_, x.text)
                for x in ours_doc.spans.get(extensions.MENTIONS, ()) if x.label_ in LABELS]
        compare(model, ours, ours_doc._.sc_actor_trace or [], tally, lost, relabelled, reasons)

    print(f"{len(docs)} texts; model entities vs summitclaims actor mentions")
    print(f"{'label':<8} {'model':>6} {'both':>6} {'lost':>6} {'relab':>6} {'loss%':>6} {'ours only':>9}")
    total = Counter()
    for label in LABELS:
        row = {k: tally[label, k] for k in ("both", "lost", "relabelled", "ours only")}
        found = row["both"] + row["lost"] + row["relabelled"]
        total.update(row)
        loss = 100 * (row["lost"] + row["relabelled"]) / found if found else 0.0
        print(f"{label:<8} {found:6d} {row['both']:6d} {row['lost']:6d} {row['relabelled']:6d} {loss:6.1f} "
              f"{row['ours only']:9d}")
    found = total["both"] + total["lost"] + total["relabelled"]
    loss = 100 * (total["lost"] + total["relabelled"]) / found if found else 0.0
    print(f"{'all':<8} {found:6d} {total['both']:6d} {total['lost']:6d} {total['relabelled']:6d} {loss:6.1f} "
          f"{total['ours only']:9d}")
    print(f"\nlosses and relabels by rule ({total['lost'] + total['relabelled']}; "
          f"unexplained {reasons['unexplained']}, {100 * reasons['unexplained'] / max(found, 1):.1f}% of the model's):")
    for reason, n in reasons.most_common():
        print(f"  {n:5d}  {reason}")
    for title, counter in (("lost (the model's entity, no mention of ours)", lost),
                           ("relabelled (model label -> ours)", relabelled)):
        print(f"\nmost frequent {title}:")
        for text, n in counter.most_common(args.examples):
            print(f"  {n:4d}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
