#!/usr/bin/env python3
"""Score quote records against the hand-made quote dev set (``benchmarks/dev/quotes``).

    python benchmarks/quotes_dev.py [--set quotes|quotes_fresh] [--show] [--model NAME]

Runs the pipeline in this process (``api.extract``, the path every entry point takes) on each
article of a set under ``benchmarks/dev/``: ``quotes`` (42 articles, Reuters-21578 texts read from
``../shared/corpora`` by id; the rules were developed on it) or ``quotes_fresh`` (30 government and
Wikinews articles annotated later, scored before any rule was written from them). A record matches a gold quote
when their spans share at least half of each (the record's span may carry the quote marks, the gold
content does not); matching is one to one, largest overlap first. Reported:

- F1 over all quotes, whatever their type, and F1 by type (a match counts for type T when both are T);
- speaker accuracy over matched quotes, by the gold speaker type: right when the record's speaker
  is the gold canonical name (folded; a record's name may drop or keep a legal suffix), or when both
  are null (an anonymous source must stay unnamed, though it may carry the organisation its words
  name: "Finance Ministry" for "Finance Ministry officials"); "naming aside" also when one name's words hold
  the other's (a short or long form of the right actor); and the share of right ``speaker_type``s;
- the passages in quote marks that are no quotation of the gold (titles, names, scare quotes), and
  how many of them the pipeline rejected (a record over one is a false quote);
- with ``--show``: each miss, false quote and wrong speaker.
"""
from __future__ import annotations

import argparse
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
from summitclaims.text.passages import find_passages  # noqa: E402

SETS = ("quotes", "quotes_fresh")
CORPUS = ROOT / ".." / "shared" / "corpora" / "reuters21578.jsonl"
TYPES = ("direct", "mixed", "indirect")
SPEAKER_TYPES = ("named", "organisation", "pronoun", "nominal", "anonymous")
MIN_SHARE = 0.5


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower().replace("\u2019", "'")
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def same_speaker(pred: str | None, gold: str | None) -> bool:
    if not gold or not pred:
        return not gold and not pred
    return bool({fold(pred), fold(legal_base(pred))} & {fold(gold), fold(legal_base(gold))} - {""})


def named_in(pred: str | None, source: str | None) -> bool:
    """An unnamed source's organisation, named in its words ("Finance Ministry" of "Finance Ministry
    officials", "IBM" of "a spokesman for IBM"): the issue allows it; a person's name it never is."""
    words = set(fold(source).split())
    return bool(pred) and bool(words) and set(fold(legal_base(pred or "")).split()) <= words


def loose_speaker(pred: str | None, gold: str | None) -> bool:
    """Naming aside: one name's words hold the other's ("Ford Canada" for "Ford Motor Co of Canada
    Ltd", "Gay" for "Tyson Gay")."""
    if same_speaker(pred, gold) or not pred or not gold:
        return same_speaker(pred, gold)
    a, b = set(fold(legal_base(pred)).split()), set(fold(legal_base(gold)).split())
    return bool(a and b) and (a <= b or b <= a)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The share of the shorter-covered side: min(common / len(a), common / len(b))."""
    common = min(a[1], b[1]) - max(a[0], b[0])
    if common <= 0:
        return 0.0
    return min(common / max(1, a[1] - a[0]), common / max(1, b[1] - b[0]))


def match(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    pairs = sorted(((overlap((p["char_start"], p["char_end"]), (g["content_start"], g["content_end"])), i, j)
                    for i, p in enumerate(preds) for j, g in enumerate(golds)), reverse=True)
    used_p, used_g, out = set(), set(), []
    for share, i, j in pairs:
        if share < MIN_SHARE:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i), used_g.add(j)
            out.append((i, j))
    return out


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def textacy_quotes(nlp, text: str) -> list[dict] | None:
    """textacy's direct quotations on the model's parse, as records (span without the marks), or
    None when textacy is not installed (it belongs in a separate bench venv: ``pip install textacy``).
    An article where it raises (an odd number of quote marks) gives no quotes."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    doc = nlp(text)
    try:
        found = list(direct_quotations(doc))
    except Exception:   # noqa: BLE001  (textacy raises on unbalanced marks: part of the comparison)
        return []
    out = []
    for dq in found:
        if not dq.content:
            continue
        a, b = dq.content[0], dq.content[-1]
        speaker = " ".join(t.text for t in dq.speaker) if dq.speaker else None
        out.append({"char_start": a.idx, "char_end": b.idx + len(b), "speaker": speaker, "type": "direct"})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=SETS, default="quotes", help="which dev set (default: quotes)")
    ap.add_argument("--show", action="store_true", help="list misses, false quotes and wrong speakers")
    ap.add_argument("--model", default=None, help="spaCy pipeline to load (default: the English model)")
    ap.add_argument("--textacy", action="store_true",
                    help="also score textacy's direct_quotations on the direct gold quotes (needs textacy)")
    args = ap.parse_args()
    base = None
    if args.textacy:
        from summitclaims import nlp as _nlp
        base = _nlp.load_base(args.model)
    dev = HERE / "dev" / args.set
    gold = read_jsonl(dev / "gold.jsonl")
    texts = {d["id"]: d["text"] for d in read_jsonl(dev / "texts.jsonl")}
    wanted = {g["id"] for g in gold} - set(texts)
    if wanted:
        with open(CORPUS, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d["id"] in wanted:
                    texts[d["id"]] = d["text"]
    n = Counter()
    spk = Counter()
    shown: list[str] = []
    for doc in gold:
        text = texts[doc["id"]]
        recs = [r for r in api.extract(text, published=doc["published"], doc_id=doc["id"], model=args.model)
                if r["kind"] == "quote"]
        golds = doc["quotes"]
        pairs = match(recs, golds)
        if base is not None:
            theirs = textacy_quotes(base, text) or []
            direct = [g for g in golds if g["type"] == "direct"]
            got = match(theirs, direct)
            n["textacy pred"] += len(theirs)
            n["textacy tp"] += len(got)
            n["textacy speaker"] += sum(loose_speaker(theirs[i]["speaker"], direct[j]["speaker"])
                                        or bool(theirs[i]["speaker"] and direct[j]["speaker"]
                                                and set(fold(theirs[i]["speaker"]).split())
                                                <= set(fold(direct[j]["speaker"]).split())) for i, j in got)
        # passages in marks that are no one's words (titles, names, scare quotes): rejected or not
        for p in find_passages(text):
            if any(g["content_start"] < p.end and p.start < g["content_end"] for g in golds):
                continue
            n["not quotes"] += 1
            taken = any(r["char_start"] < p.end and p.start < r["char_end"] for r in recs)
            n["not quotes taken"] += taken
            if taken:
                shown.append(f"{doc['id']}: taken as a quote: {text[p.start:p.end][:60]!r}")
        n["pred"] += len(recs)
        n["gold"] += len(golds)
        n["tp"] += len(pairs)
        for t in TYPES:
            n[f"pred {t}"] += sum(1 for r in recs if r.get("type", "direct") == t)
            n[f"gold {t}"] += sum(1 for g in golds if g["type"] == t)
            n[f"tp {t}"] += sum(1 for i, j in pairs if golds[j]["type"] == t and recs[i].get("type", "direct") == t)
        lines = []
        for i, j in pairs:
            g, r = golds[j], recs[i]
            st = g["speaker_type"]
            ok = same_speaker(r.get("speaker"), g["speaker"]) or (
                st == "anonymous" and named_in(r.get("speaker"), g["source_text"]))
            spk[f"n {st}"] += 1
            spk[f"ok {st}"] += ok
            spk["loose"] += loose_speaker(r.get("speaker"), g["speaker"])
            spk[f"type ok {st}"] += r.get("speaker_type") == st
            if not ok:
                lines.append(f"  ~ speaker {g['content'][:50]!r}: {r.get('speaker')!r} "
                             f"[{r.get('speaker_text')!r}], gold {g['speaker']!r} ({st}, {g['source_text']!r})")
        matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
        lines += [f"  - {g['type']} {g['content'][:70]!r} ({g['source_text']!r} {g['cue']!r})"
                  for j, g in enumerate(golds) if j not in matched_g]
        lines += [f"  + {r.get('type', 'direct')} {r['text'][:70]!r} ({r.get('speaker_text')!r} {r.get('cue')!r})"
                  for i, r in enumerate(recs) if i not in matched_p]
        if lines:
            shown += [f"{doc['id']}:"] + lines
    if args.show:
        print("\n".join(shown))
    p, r, f = f1(n["tp"], n["pred"], n["gold"])
    print(f"{len(gold)} articles, {n['gold']} gold quotes, {n['pred']} records")
    print(f"  all types   P {p:.2f}  R {r:.2f}  F1 {f:.2f}  (tp {n['tp']})")
    for t in TYPES:
        p, r, f = f1(n[f"tp {t}"], n[f"pred {t}"], n[f"gold {t}"])
        print(f"  {t:<11} P {p:.2f}  R {r:.2f}  F1 {f:.2f}  (gold {n[f'gold {t}']}, records {n[f'pred {t}']})")
    if base is not None:
        p, r, f = f1(n["textacy tp"], n["textacy pred"], n["gold direct"])
        print(f"  textacy direct_quotations on the direct gold: P {p:.2f}  R {r:.2f}  F1 {f:.2f}; speaker words "
              f"within the gold name {n['textacy speaker'] / n['textacy tp'] if n['textacy tp'] else 0:.2f}")
    print(f"  marks that hold no quotation (titles, names, scare quotes): {n['not quotes']}, "
          f"rejected {n['not quotes'] - n['not quotes taken']}")
    total = sum(spk[f"n {t}"] for t in SPEAKER_TYPES)
    right = sum(spk[f"ok {t}"] for t in SPEAKER_TYPES)
    print(f"  speaker     {right / total if total else 0:.2f} ({right}/{total} matched quotes); naming aside "
          f"{spk['loose'] / total if total else 0:.2f}")
    print("    by gold speaker type: speaker right, speaker_type right")
    for t in SPEAKER_TYPES:
        if spk[f"n {t}"]:
            print(f"    {t:<12} {spk[f'ok {t}'] / spk[f'n {t}']:.2f} ({spk[f'ok {t}']}/{spk[f'n {t}']})   "
                  f"{spk[f'type ok {t}'] / spk[f'n {t}']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
