#!/usr/bin/env python3
"""Direct quotations side by side: summitclaims vs textacy's ``extract.triples.direct_quotations``.

    python benchmarks/quotes_textacy.py [--gold PATH] [--show] [FILES...]   # default samples/*.txt

Both run on the same spaCy parse of each article. With a gold file (default
../shared/gold/seeds.gold.json, the scorer's format: quotes with ``starts``/``speaker``/``required``)
each side gets quote precision/recall/F1 and speaker accuracy, matched as ../shared/eval/score.py
does (prefix match on folded text). textacy gives the speaker as written: it is counted right when its
folded words are the gold name or a part of it ("Macron" for Emmanuel Macron), which favours it; a
pronoun counts wrong, since textacy does not resolve it. Articles where textacy raises (it does on
an odd number of quote marks) count as no quotes and are listed. Without textacy installed (it
belongs in the separate bench venv: ``pip install textacy``) only our side is reported.
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

from summitclaims import nlp as _nlp
from summitclaims.api import parse_published, process
from summitclaims.records import doc_records

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / ".." / "shared" / "gold" / "seeds.gold.json"
QUOTE_CHARS = "\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a"


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = "".join(" " if ch in QUOTE_CHARS else ch for ch in text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def textacy_quotes(doc) -> tuple[list[tuple[str, str | None]], str | None]:
    """[(quote, speaker text)] from textacy, or ([], error)."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return [], "not installed"
    try:
        out = []
        for dq in direct_quotations(doc):
            content = doc[dq.content[0].i:dq.content[-1].i + 1].text if dq.content else ""
            speaker = " ".join(t.text for t in dq.speaker) if dq.speaker else None
            out.append((content, speaker))
        return out, None
    except Exception as exc:   # textacy raises on unbalanced marks; that is the point of the comparison
        return [], f"{type(exc).__name__}: {str(exc)[:80]}"


class Tally:
    def __init__(self) -> None:
        self.tp_pred = self.n_pred = self.tp_gold = self.n_gold = self.spk_ok = self.spk_n = 0

    def line(self, name: str) -> str:
        p = self.tp_pred / self.n_pred if self.n_pred else 1.0
        r = self.tp_gold / self.n_gold if self.n_gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        s = self.spk_ok / self.spk_n if self.spk_n else 0.0
        return (f"{name:<12} quotes P {p:.3f} R {r:.3f} F1 {f:.3f} ({self.n_pred} predicted / {self.n_gold} gold)"
                f"   speaker {s:.3f} ({self.spk_ok}/{self.spk_n})")


def score(tally: Tally, preds: list[tuple[str, str | None]], gold: list[dict], speaker_ok, show: list[str],
          who: str) -> None:
    used: set[int] = set()
    required = [g for g in gold if g.get("required", True)]
    for g in required:
        for i, (q, spk) in enumerate(preds):
            if i not in used and fold(q).startswith(fold(g["starts"])):
                used.add(i)
                tally.spk_n += 1
                ok = speaker_ok(spk, g["speaker"])
                tally.spk_ok += ok
                if not ok:
                    show.append(f"  {who}: {g['starts'][:40]!r} speaker {spk!r}, gold {g['speaker']!r}")
                break
        else:
            show.append(f"  {who}: missed {g['starts'][:50]!r}")
    found = len(used)
    for g in gold:
        if not g.get("required", True):
            for i, (q, _) in enumerate(preds):
                if i not in used and fold(q).startswith(fold(g["starts"])):
                    used.add(i)
                    break
    for i, (q, _) in enumerate(preds):
        if i not in used:
            show.append(f"  {who}: false hit {q[:50]!r}")
    tally.tp_pred += len(used)
    tally.n_pred += len(preds)
    tally.tp_gold += found
    tally.n_gold += len(required)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--show", action="store_true", help="print misses and wrong speakers")
    args = ap.parse_args()
    files = args.files or sorted((ROOT / "samples").glob("*.txt"))
    gold = {}
    if args.gold.is_file():
        gold = {d["file"]: d for d in json.loads(args.gold.read_text(encoding="utf-8"))["documents"]}
    nlp = _nlp.load()
    ours, theirs = Tally(), Tally()
    errors, show = [], []
    have_textacy = True
    for path in files:
        text = path.read_text(encoding="utf-8")
        g = gold.get(path.name)
        published = parse_published(g["published"]) if g and g.get("published") else None
        doc = process(nlp, text, published, path.name)
        mine = [(r["quote"], r["speaker"]) for r in doc_records(doc) if r["kind"] == "quote"]
        peer, err = textacy_quotes(doc)
        if err == "not installed":
            have_textacy = False
        elif err:
            errors.append(f"{path.name}: {err}")
        print(f"{path.name}: summitclaims {len(mine)} quotes, textacy "
              f"{'not installed' if not have_textacy else (len(peer) if not err else 'raised')}")
        if g is None:
            continue
        show.append(path.name)
        score(ours, mine, g["quotes"], lambda s, w: fold(s or "") == fold(w or ""), show, "summitclaims")
        if have_textacy:
            score(theirs, peer, g["quotes"],
                  lambda s, w: bool(s) and bool(fold(s)) and f" {fold(s)} " in f" {fold(w or '')} ", show, "textacy")
    if gold:
        print()
        print(ours.line("summitclaims"))
        print(theirs.line("textacy") if have_textacy
              else "textacy      not installed (pip install textacy in the bench venv)")
    if errors:
        print("textacy raised on:", *errors, sep="\n  ")
    if args.show:
        print(*show, sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
