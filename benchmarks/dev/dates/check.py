"""Check gold.jsonl against the source texts and GUIDELINES.md's record format.

    python benchmarks/dev/dates/check.py [GOLD]
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = HERE.parent
CORPUS = BASE.parent.parent.parent / "shared" / "corpora" / "reuters21578.jsonl"
GOLD = sys.argv[1] if len(sys.argv) > 1 else str(HERE / "gold.jsonl")
SOURCES = ("claims", "actors", "quotes", "quotes_fresh")

DATE_FORMS = [
    ("day", r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"),
    ("month", r"\d{4}-(0[1-9]|1[0-2])"),
    ("quarter", r"\d{4}-Q[1-4]"),
    ("half", r"\d{4}-H[12]"),
    ("season", r"\d{4}-(SP|SU|FA|WI)"),
    ("week", r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])"),
    ("year", r"\d{4}"),
    ("decade", r"\d{3}"),
    ("century", r"\d{2}"),
    ("reference", r"(PRESENT|PAST|FUTURE)_REF"),
    ("unknown", r"UNKNOWN"),
]
DURATION = r"P(\d+|X)(Y|M|W|D)|PT(\d+|X)(H|M|S)"
MODS = {"START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}
ANCHORS = {"dct", "text", "none"}
KEYS = {"text", "occurrence", "type", "value", "anchor", "mod", "fiscal", "range_end", "note"}

def form(v):
    for name, rx in DATE_FORMS:
        if re.fullmatch(rx, v):
            return name
    return None

def positions(text, s):
    out, i = [], text.find(s)
    while i != -1:
        out.append(i)
        i = text.find(s, i + 1)
    return out

texts = {}
for src in SOURCES:
    for line in (BASE / src / "texts.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        texts[(src, r["id"])] = r
gold_lines = Path(GOLD).read_text(encoding="utf-8").splitlines()
wanted = {json.loads(line)["id"] for line in gold_lines}
with CORPUS.open(encoding="utf-8") as fh:
    for line in fh:
        r = json.loads(line)
        if r["id"] in wanted:
            texts[("reuters21578", r["id"])] = r

errors, n_marks, seen = [], 0, set()
for ln, line in enumerate(gold_lines, 1):
    rec = json.loads(line)
    key = (rec.get("source"), rec.get("id"))
    where = f"line {ln} {key[1]}"
    if key not in texts:
        errors.append(f"{where}: unknown source/id {key}")
        continue
    if key in seen:
        errors.append(f"{where}: duplicate article")
    seen.add(key)
    row = texts[key]
    if rec.get("published") != row["published"]:
        errors.append(f"{where}: published {rec.get('published')} != {row['published']}")
    t = row["text"]
    last = -1
    for j, m in enumerate(rec.get("timexes", []), 1):
        n_marks += 1
        w = f"{where} mark {j} {m.get('text')!r}"
        extra = set(m) - KEYS
        if extra:
            errors.append(f"{w}: unexpected keys {extra}")
        for k in ("text", "occurrence", "type", "value", "anchor"):
            if k not in m:
                errors.append(f"{w}: missing {k}")
        if not all(k in m for k in ("text", "occurrence", "type", "value")):
            continue
        pos = positions(t, m["text"])
        occ = m["occurrence"]
        if not isinstance(occ, int) or occ < 1:
            errors.append(f"{w}: bad occurrence {occ}")
            continue
        if len(pos) < occ:
            errors.append(f"{w}: text occurs {len(pos)} times, occurrence {occ}")
            continue
        p = pos[occ - 1]
        if p < last:
            errors.append(f"{w}: out of text order")
        last = p
        v, ty = m["value"], m["type"]
        if ty == "DATE":
            if form(v) is None:
                errors.append(f"{w}: DATE value {v!r} matches no guideline form")
        elif ty == "DURATION":
            if not re.fullmatch(DURATION, v):
                errors.append(f"{w}: DURATION value {v!r} is not a P... duration")
        else:
            errors.append(f"{w}: type {ty!r} not DATE/DURATION")
        if m.get("anchor") not in ANCHORS:
            errors.append(f"{w}: anchor {m.get('anchor')!r} not in {sorted(ANCHORS)}")
        if "mod" in m and m["mod"] not in MODS:
            errors.append(f"{w}: mod {m['mod']!r} not allowed")
        if "fiscal" in m and m["fiscal"] is not True:
            errors.append(f"{w}: fiscal must be true when given")
        if "range_end" in m and (form(m["range_end"]) != form(v) or m["range_end"] < v):
            errors.append(f"{w}: range_end {m['range_end']!r} inconsistent with {v!r}")
        if v == "UNKNOWN" and not m.get("note"):
            errors.append(f"{w}: UNKNOWN without note")
        if m.get("anchor") == "none" and (v.endswith("_REF") or ty == "DURATION"):
            errors.append(f"{w}: anchor none for a DCT-relative value")

for e in errors:
    print("ERROR", e)
print(f"{len(seen)} articles, {n_marks} marks, {len(errors)} errors")
sys.exit(1 if errors else 0)
