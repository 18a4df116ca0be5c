"""Validate the hand-annotated actor dev set (texts.jsonl + gold.jsonl) and print counts.

Two sources, told apart by the id's prefix: Wikinews articles (CC BY 2.5, a wikinews.org address)
and US federal government releases (public domain, an address on a .gov host).

Run: python benchmarks/dev/actors/check.py   (exits 1 on any problem)
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
# id prefix -> (licence, whether the url is one of the source's addresses)
SOURCES = {
    "wikinews-": ("CC BY 2.5", lambda url: "wikinews.org/" in url),
    "usgov-": ("public domain (US federal government work)",
               lambda url: urlparse(url).scheme in ("http", "https")
               and (urlparse(url).hostname or "").endswith(".gov")),
}
TEXT_FIELDS = ("id", "url", "title", "published", "beat", "licence", "text")


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"{path.name}:{n}: bad JSON: {e}")
    return rows


def bounded(mention, text):
    """True if mention occurs in text with no letter/digit glued on either side."""
    pat = r"(?<![^\W_])" + re.escape(mention) + r"(?![^\W_])"
    return re.search(pat, text) is not None


def main():
    texts = load(HERE / "texts.jsonl")
    gold = load(HERE / "gold.jsonl")
    errors = []
    by_id = {}
    for t in texts:
        missing = [k for k in TEXT_FIELDS if not t.get(k)]
        if missing:
            errors.append(f"texts {t.get('id')}: missing {missing}")
        if t.get("id", "") in by_id:
            errors.append(f"texts: duplicate id {t['id']}")
        source = next((p for p in SOURCES if str(t.get("id", "")).startswith(p)), None)
        if source is None:
            errors.append(f"texts {t.get('id')}: id must start with one of {sorted(SOURCES)}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(t.get("published", ""))):
            errors.append(f"texts {t.get('id')}: published not YYYY-MM-DD")
        if source is not None:
            licence, url_ok = SOURCES[source]
            if t.get("licence") != licence:
                errors.append(f"texts {t.get('id')}: licence must be {licence!r}")
            if not url_ok(str(t.get("url", ""))):
                errors.append(f"texts {t.get('id')}: url is not an address of its source")
        by_id[t.get("id")] = t

    gold_ids = [g.get("id") for g in gold]
    if len(set(gold_ids)) != len(gold_ids):
        errors.append("gold: duplicate ids")
    if set(gold_ids) != set(by_id):
        errors.append(f"ids differ: only in texts {sorted(set(by_id) - set(gold_ids))}, "
                      f"only in gold {sorted(set(gold_ids) - set(by_id))}")

    labels = Counter()
    mentions = Counter()
    for g in gold:
        text = by_id.get(g.get("id"), {}).get("text", "")
        names = set()
        for a in g.get("actors", []):
            name, label, ms = a.get("name"), a.get("label"), a.get("mentions")
            where = f"gold {g.get('id')} / {name!r}"
            if not name:
                errors.append(f"{where}: empty name")
            if name in names:
                errors.append(f"{where}: actor listed twice")
            names.add(name)
            if label not in LABELS:
                errors.append(f"{where}: bad label {label!r}")
            if not ms or not isinstance(ms, list):
                errors.append(f"{where}: no mentions")
                continue
            if len(set(ms)) != len(ms):
                errors.append(f"{where}: repeated mention string")
            for m in ms:
                if m not in text:
                    errors.append(f"{where}: mention {m!r} not in text")
                elif not bounded(m, text):
                    errors.append(f"{where}: mention {m!r} only occurs inside a longer word")
            labels[label] += 1
            mentions[label] += len(ms)

    beats = Counter(t.get("beat") for t in texts)
    print(f"articles: {len(texts)}   actors: {sum(labels.values())}   mention strings: {sum(mentions.values())}")
    for lab in sorted(LABELS):
        print(f"  {lab:6s} actors {labels[lab]:3d}   mention strings {mentions[lab]:3d}")
    print("beats: " + ", ".join(f"{b} {n}" for b, n in sorted(beats.items())))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
