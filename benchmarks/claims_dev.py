"""Money claims against the hand-annotated claim dev set (benchmarks/dev/claims).

    python benchmarks/claims_dev.py [--dev benchmarks/dev/claims] [--corpus ../shared/corpora/reuters21578.jsonl]
                                    [--show] [--json]

Runs the pipeline in this process (``api.extract``, the path every entry point takes) on each text
(Reuters-21578 texts are read from the corpus by id, as its licence keeps them out of the repository)
with the article's publication date, then aligns each gold amount with the money record whose offsets
overlap it, and reports:

- amounts: F1 of that alignment (a gold amount found, a record that is one);
- type: accuracy on aligned amounts;
- actor accuracy: of the aligned gold amounts that have an actor, the share whose record names it;
  actor precision: of the aligned records that name an actor, the share that is right (a gold null
  makes any actor wrong); an actor matches the gold name, folded, as the name or one of the
  record's actor aliases, legal suffixes ("Corp", "Ltd") aside (or one of the gold's ``actor_also``:
  the leader who announces a country's pledge, as the seeds name Emmanuel Macron for France's);
- claims: of the gold (actor, amount) pairs, the share some money record of the document states
  with that amount (value and currency) and actor, as ``shared/eval/score.py`` counts them;
- period: accuracy on aligned amounts where the gold or the record gives one;
- recipient, purpose: on aligned commitments, recall (the gold phrase given and overlapped by the
  record's) and precision (the record's phrase overlaps a gold one);
- new: accuracy on aligned amounts where the gold or the record says true or false;
- a joint actor ("Saudi Arabia and the United Arab Emirates") matches when each of its names does;
- actor_loose (and its precision): as actor, but a name whose words are all in the gold's (or the
  other way round) counts: how many actor errors are naming, not linking.

--show lists each document's misses.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from summitclaims import api  # noqa: E402
from summitclaims.text.names import legal_base  # noqa: E402

TYPES = ("commitment", "revenue", "valuation", "price", "rate", "other")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower().replace("’", "'")
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def name_keys(name: str | None) -> set[str]:
    if not name:
        return set()
    return {fold(name), fold(legal_base(name))} - {""}


def joint_parts(name: str) -> list[str]:
    """The names of a joint actor: "A, B and the C" -> [A, B, C]."""
    parts = re.split(r",\s*|\s+and\s+", name)
    return [re.sub(r"^the\s+", "", p.strip(), flags=re.I) for p in parts if p.strip()]


def gold_range(g: dict) -> tuple[float | None, float | None]:
    v = g.get("value")
    if isinstance(v, dict):
        return v.get("low"), v.get("high")
    if v is not None:
        return v, v
    return g.get("low"), g.get("high")


def pred_range(r: dict) -> tuple[float | None, float | None]:
    if r.get("value") is not None:
        return r["value"], r["value"]
    return r.get("low"), r.get("high")


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def same_amount(g: dict, r: dict) -> bool:
    if (g.get("currency") or "").upper() != (r.get("currency") or "").upper():
        return False
    (gl, gh), (pl, ph) = gold_range(g), pred_range(r)
    return same(gl, pl) and same(gh, ph)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def loose_ok(pred: str | None, want: str | None) -> bool:
    """Names of one actor written shorter or longer ("Monfort" for "Monfort of Colorado Inc"): the
    words of one are all in the other. Tells naming slips from linking errors; not the main score."""
    if not pred or not want:
        return False
    p, w = set(fold(legal_base(pred)).split()), set(fold(legal_base(want)).split())
    return bool(p) and bool(w) and (p <= w or w <= p)


def phrase_ok(found: str | None, want: str) -> bool:
    """Whether ``found`` says ``want``: one holds the other, or it has half of ``want``'s words."""
    if not found:
        return False
    f, w = fold(found), fold(want)
    return w in f or f in w or len(set(w.split()) & set(f.split())) * 2 >= len(w.split())


class Ratio:
    def __init__(self) -> None:
        self.hit = self.n = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.hit += bool(ok)

    def __str__(self) -> str:
        return f"{self.hit / self.n:.2f} ({self.hit}/{self.n})" if self.n else "n/a"

    @property
    def value(self) -> float | None:
        return self.hit / self.n if self.n else None


def load_texts(dev: Path, corpus: Path | None, gold: list[dict]) -> dict[str, dict]:
    texts = {t["id"]: t for t in read_jsonl(dev / "texts.jsonl")} if (dev / "texts.jsonl").exists() else {}
    wanted = {g["id"] for g in gold if g.get("source") == "reuters21578"}
    if wanted:
        if corpus is None or not corpus.exists():
            sys.exit(f"Error: {corpus}: the Reuters-21578 corpus is needed for {len(wanted)} dev texts")
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                if any(f'"{w}"' in line[:40] for w in wanted):
                    rec = json.loads(line)
                    if rec["id"] in wanted:
                        texts[rec["id"]] = rec
    return texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=HERE / "dev" / "claims")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl")
    ap.add_argument("--model", default=None)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args(argv)

    gold = read_jsonl(args.dev / "gold.jsonl")
    texts = load_texts(args.dev, args.corpus, gold)
    t: dict[str, Ratio] = {k: Ratio() for k in ("type", "actor", "actor_precision", "actor_loose",
                                                "actor_loose_precision", "claims", "period",
                                                "recipient", "recipient_precision", "purpose",
                                                "purpose_precision", "new")}
    counts = Counter()
    confusion: Counter = Counter()
    by_source: dict[str, dict[str, Ratio]] = {}
    for doc in gold:
        src = texts.get(doc["id"])
        if src is None:
            print(f"Error: {doc['id']}: no text", file=sys.stderr)
            continue
        published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
        recs = api.extract(src["text"], published=published, doc_id=doc["id"], model=args.model)
        money = [r for r in recs if r["kind"] == "money"]
        actors = [r for r in recs if r["kind"] == "actor"]
        aliases: dict[str, set[str]] = {}
        for a in actors:
            keys = name_keys(a["name"])
            for al in a.get("aliases") or ():
                keys |= name_keys(al)
            aliases[a["name"]] = keys
        misses: list[str] = []
        src_t = by_source.setdefault(doc.get("source", "?"), {k: Ratio() for k in ("type", "actor", "claims")})

        def actor_ok(pred: str | None, want: str | None, aliases: dict[str, set[str]] = aliases,
                     also: tuple[str, ...] = ()) -> bool:
            if not pred or not want:
                return not pred and not want
            keys = aliases.get(pred) or name_keys(pred)
            if any(name_keys(w) & keys for w in (want, *also)):
                return True
            # a joint actor ("Saudi Arabia and the United Arab Emirates") matches name by name
            parts, wanted = joint_parts(pred), joint_parts(want)
            return len(parts) > 1 and len(parts) == len(wanted) and all(
                any((aliases.get(p) or name_keys(p)) & name_keys(w) for p in parts) for w in wanted)

        used: set[int] = set()
        for g in doc["amounts"]:
            span = (g["char_start"], g["char_end"])
            k = next((i for i, r in enumerate(money) if i not in used
                      and overlap(span, (r["char_start"], r["char_end"]))), None)
            if k is None:
                counts["fn"] += 1
                misses.append(f"  - amount {g['text']!r} ({g['type']}, {g.get('actor')})")
                if g.get("actor"):
                    t["claims"].add(False)
                    src_t["claims"].add(False)
                continue
            used.add(k)
            r = money[k]
            counts["tp"] += 1
            ok = r.get("type") == g["type"]
            t["type"].add(ok)
            src_t["type"].add(ok)
            confusion[g["type"], r.get("type")] += 1
            if not ok:
                misses.append(f"  ~ type {g['text']!r}: {r.get('type')} (cue {r.get('type_cue')!r}), gold {g['type']}")
            if g.get("actor"):
                ok = actor_ok(r.get("actor"), g["actor"], also=tuple(g.get("actor_also", ())))
                t["actor"].add(ok)
                src_t["actor"].add(ok)
                t["actor_loose"].add(ok or loose_ok(r.get("actor"), g["actor"]))
            if r.get("actor"):
                ok = actor_ok(r["actor"], g.get("actor"), also=tuple(g.get("actor_also", ())))
                t["actor_precision"].add(ok)
                t["actor_loose_precision"].add(ok or loose_ok(r["actor"], g.get("actor")))
            if (g.get("actor") or r.get("actor")) and not actor_ok(r.get("actor"), g.get("actor"),
                                                                   also=tuple(g.get("actor_also", ()))):
                misses.append(f"  ~ actor {g['text']!r} ({g['type']}): {r.get('actor')!r} [{r.get('evidence')}], "
                              f"gold {g.get('actor')!r}")
            if g.get("period") or r.get("period"):
                ok = g.get("period") == r.get("period")
                t["period"].add(ok)
                if not ok:
                    misses.append(f"  ~ period {g['text']!r}: {r.get('period')}, gold {g.get('period')}")
            if g.get("new") is not None or r.get("new") is not None:
                t["new"].add(g.get("new") == r.get("new"))
            if g["type"] == "commitment":
                for field in ("recipient", "purpose"):
                    gp, rp = g.get(field), r.get(field)
                    if gp:
                        t[field].add(phrase_ok(rp, gp))
                        if not rp:
                            misses.append(f"  ~ {field} {g['text']!r}: None, gold {gp!r}")
                    if rp:
                        ok = phrase_ok(gp, rp)
                        t[field + "_precision"].add(ok)
                        if not ok:
                            misses.append(f"  ~ {field} {g['text']!r}: {rp!r}, gold {gp!r}")
            if g.get("actor"):
                ok = any(same_amount(g, p) and actor_ok(p.get("actor"), g["actor"], also=tuple(g.get("actor_also", ())))
                         for p in money)
                t["claims"].add(ok)
                src_t["claims"].add(ok)
        for i, r in enumerate(money):
            if i not in used:
                counts["fp"] += 1
                misses.append(f"  + amount {r['text']!r} ({r.get('type')}, {r.get('actor')})")
        if args.show and misses:
            print(f"{doc['id']}:")
            print("\n".join(misses))
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    figures = {"documents": len(gold), "amounts": tp + fn, "amount_f1": round(f1, 3),
               **{k: (round(v.value, 3) if v.value is not None else None) for k, v in t.items()}}
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"{len(gold)} documents, {tp + fn} gold amounts; amounts F1 {f1:.2f} (tp {tp}, fp {fp}, fn {fn})")
    for k, v in t.items():
        print(f"  {k:<20} {v}")
    print("  by source:")
    for s, r in by_source.items():
        print(f"    {s:<13} " + "  ".join(f"{k} {v}" for k, v in r.items()))
    print("  type confusion (gold -> predicted):")
    for g in TYPES:
        row = "  ".join(f"{p[:4]} {confusion[g, p]}" for p in TYPES if confusion[g, p])
        print(f"    {g:<11} {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
