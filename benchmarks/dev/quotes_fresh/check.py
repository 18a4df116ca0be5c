#!/usr/bin/env python3
"""Validate the quotes_fresh gold (texts.jsonl + gold.jsonl + notes.md).

Checks, as GUIDELINES.md asks:
- texts.jsonl rows have id/url/title/published/licence/text, ids prefixed "wikinews-" or "usgov-",
  published as YYYY-MM-DD; gold.jsonl has one row per text with a matching source and published;
- every quote has the required keys (pieces optional, direct only), an allowed type and speaker_type,
  an anonymous source has speaker null, every span equals its text (content, source_text, cue; null
  fields have null offsets), pieces lie inside the content, quotes are in text order;
- every double quote mark (" “ ”) in a text lies in an annotated direct or mixed quote (inside its
  content, or the mark just before or just after it) or in a span listed in notes.md as
  `- exempt | <id> | @<start>-<end> | <marked text, newline as \\n> | <why>`.
Prints counts by type and speaker_type. Exit status 1 on any error.

    python3 check.py
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"direct", "mixed", "indirect"}
SPEAKER_TYPES = {"named", "organisation", "pronoun", "nominal", "anonymous"}
KEYS = {"type", "content_start", "content_end", "content", "source_text", "source_start", "source_end",
        "cue", "cue_start", "cue_end", "speaker", "speaker_type"}
TEXT_KEYS = {"id", "url", "title", "published", "licence", "text"}
MARKS = '"“”'
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def exemptions() -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {}
    notes = HERE / "notes.md"
    if not notes.exists():
        return out
    for line in notes.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^- exempt \| (\S+) \| @(\d+)-(\d+) \| (.+?) \| ", line)
        if m:
            out.setdefault(m.group(1), []).append((int(m.group(2)), int(m.group(3)), m.group(4)))
    return out


def main() -> int:
    errors: list[str] = []
    texts = rows(HERE / "texts.jsonl")
    gold = rows(HERE / "gold.jsonl")
    docs = {}
    for d in texts:
        if set(d) != TEXT_KEYS:
            errors.append(f"{d.get('id')}: text keys {sorted(d)}")
        if not re.match(r"^(wikinews|usgov)-[a-z0-9-]+$", d["id"]):
            errors.append(f"{d['id']}: bad id")
        if not DATE.match(d["published"]):
            errors.append(f"{d['id']}: published {d['published']!r}")
        if d["id"] in docs:
            errors.append(f"{d['id']}: duplicate text id")
        docs[d["id"]] = d
    if len({d["url"] for d in texts}) != len(texts):
        errors.append("duplicate url in texts.jsonl")
    exempt = exemptions()
    for doc_id in set(exempt) - set(docs):
        errors.append(f"notes.md exempts marks in unknown text {doc_id}")
    if {g["id"] for g in gold} != set(docs):
        errors.append("gold ids and text ids differ")
    by_type, by_st, by_source = Counter(), Counter(), Counter()
    n = 0
    for g in gold:
        doc = docs.get(g["id"])
        if doc is None:
            errors.append(f"{g['id']}: no text")
            continue
        text = doc["text"]
        if g["source"] != g["id"].split("-")[0] or g["source"] not in {"wikinews", "usgov"}:
            errors.append(f"{g['id']}: source {g['source']!r}")
        if g["published"] != doc["published"]:
            errors.append(f"{g['id']}: published differs from texts.jsonl")
        covered: list[tuple[int, int]] = []
        for a, b, shown in exempt.get(g["id"], []):
            if text[a:b].replace("\n", "\\n") != shown:
                errors.append(f"{g['id']}: exemption @{a}-{b} is {text[a:b]!r}, notes.md says {shown!r}")
            covered.append((a, b))
        last = -1
        for k, q in enumerate(g["quotes"]):
            n += 1
            tag = f"{g['id']} quote {k}"
            if not set(q) >= KEYS or set(q) - KEYS - {"pieces"}:
                errors.append(f"{tag}: keys {sorted(q)}")
                continue
            if q["type"] not in TYPES or q["speaker_type"] not in SPEAKER_TYPES:
                errors.append(f"{tag}: type {q['type']!r} / speaker_type {q['speaker_type']!r}")
            if q["speaker_type"] == "anonymous" and q["speaker"] is not None:
                errors.append(f"{tag}: an anonymous source with a speaker")
            if q["content"] is None:
                errors.append(f"{tag}: no content")
                continue
            for field, start, end in (("content", "content_start", "content_end"),
                                      ("source_text", "source_start", "source_end"),
                                      ("cue", "cue_start", "cue_end")):
                if q[field] is None:
                    if q[start] is not None or q[end] is not None:
                        errors.append(f"{tag}: {field} null with offsets")
                elif not (isinstance(q[start], int) and isinstance(q[end], int)
                          and 0 <= q[start] < q[end] <= len(text)):
                    errors.append(f"{tag}: {field} bad offsets")
                elif text[q[start]:q[end]] != q[field]:
                    errors.append(f"{tag}: {field} {q[field]!r} is not the text at its offsets")
            if (q["source_text"] is None) != (q["source_start"] is None):
                errors.append(f"{tag}: source offsets inconsistent")
            if "pieces" in q:
                ps = q["pieces"]
                if q["type"] != "direct" or not ps or ps[0][0] != q["content_start"] or ps[-1][1] != q["content_end"] \
                        or any(a >= b for a, b in ps) or any(ps[i][1] > ps[i + 1][0] for i in range(len(ps) - 1)):
                    errors.append(f"{tag}: bad pieces {ps}")
            if q["content_start"] < last:
                errors.append(f"{tag}: out of order")
            last = q["content_start"]
            if q["type"] in {"direct", "mixed"}:
                spans = q.get("pieces") or [[q["content_start"], q["content_end"]]]
                for a, b in spans:
                    covered.append((a - 1, b + 1))
            by_type[q["type"]] += 1
            by_st[q["speaker_type"]] += 1
            by_source[g["source"]] += 1
        for i, ch in enumerate(text):
            if ch in MARKS and not any(a <= i < b for a, b in covered):
                errors.append(f"{g['id']}: quote mark {ch!r} @{i} ({text[max(0, i - 20):i + 20]!r}) is in no quote "
                              f"and not exempted in notes.md")
    print(f"articles {len(docs)} quotes {n}: " + ("OK" if not errors else f"{len(errors)} errors"))
    print("  by source:", dict(by_source))
    print("  by type:", dict(by_type))
    print("  by speaker_type:", dict(by_st))
    for e in errors:
        print("  " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
