#!/usr/bin/env python3
"""Validate the quote dev set: every span equals its text, fields come from the allowed sets,
quotes are in text order, an anonymous source names no one.

    python benchmarks/dev/quotes/check.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / ".." / "shared" / "corpora" / "reuters21578.jsonl"
TYPES = {"direct", "mixed", "indirect"}
SPEAKER_TYPES = {"named", "organisation", "pronoun", "nominal", "anonymous"}
KEYS = {"type", "content_start", "content_end", "content", "source_text", "source_start", "source_end",
        "cue", "cue_start", "cue_end", "speaker", "speaker_type"}


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def texts() -> dict[str, str]:
    out = {d["id"]: d["text"] for d in rows(HERE / "texts.jsonl")}
    wanted = {d["id"] for d in rows(HERE / "gold.jsonl")} - set(out)
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in wanted:
                out[d["id"]] = d["text"]
    return out


def main() -> int:
    docs = texts()
    errors, n = [], 0
    for g in rows(HERE / "gold.jsonl"):
        text = docs.get(g["id"])
        if text is None:
            errors.append(f"{g['id']}: no text")
            continue
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
            for field, start, end in (("content", "content_start", "content_end"),
                                      ("source_text", "source_start", "source_end"), ("cue", "cue_start", "cue_end")):
                if q[field] is None:
                    if q[start] is not None or q[end] is not None:
                        errors.append(f"{tag}: {field} null with offsets")
                elif text[q[start]:q[end]] != q[field]:
                    errors.append(f"{tag}: {field} {q[field]!r} is not the text at its offsets")
            if q["content_start"] < last:
                errors.append(f"{tag}: out of order")
            last = q["content_start"]
    print(f"articles {len(docs)} quotes {n}: " + ("OK" if not errors else f"{len(errors)} errors"))
    for e in errors:
        print("  " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
