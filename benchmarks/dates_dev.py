#!/usr/bin/env python3
"""Score date records against the hand-made date dev set (``benchmarks/dev/dates``), beside dateparser.

    python benchmarks/dates_dev.py [--set dates|dates_fresh] [--show] [--dateparser] [--part reuters|modern]
                                   [--model NAME]

The sets (see their READMEs) mark every TIMEX3 DATE of their articles with its value resolved as
TimeML annotators resolve it: ``dates`` (70 articles, the rules of issue 18 were written from its
misses) and ``dates_fresh`` (30 articles annotated later, scored before any rule was written from
them). The pipeline runs in this process (``api.extract``, the path every
entry point takes) on each article with its publication date. A record matches a gold mark
when their spans overlap (one to one, largest overlap first). A record's value is its ``timex``;
for a range of days or years (``timex`` null) "first/last" at the record's granularity, against
the gold "value/range_end".

Reported, over the gold DATE marks with a calendar value (``*_REF`` and ``UNKNOWN`` apart):
- span precision / recall / F1;
- value F1 (a record counts when it matches a gold mark and has its value) and value accuracy
  over matched marks;
- value accuracy by the gold value's form (day, week, month, quarter, ...), by anchor (the
  publication date, another date of the story, none), for the publication-anchored marks by
  direction (the value before, at or after publication), and by the families of issue 18
  (future, fiscal/anaphoric, relative unit, season/half, range, spelled/holiday, modifier);
- ``mod`` right over matched marks that have one;
- the same without the fiscal marks (the set labels a fiscal period by the year it ends; the
  records read fiscal periods as calendar ones);
- with ``--dateparser``: dateparser's ``search_dates`` scored the same way (its values are days);
- with ``--show``: each miss, false hit and wrong value.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

SETS = ("dates", "dates_fresh")
CORPUS = ROOT / ".." / "shared" / "corpora" / "reuters21578.jsonl"
FORMS = [
    ("day", r"\d{4}-\d\d-\d\d"), ("week", r"\d{4}-W\d\d"), ("month", r"\d{4}-\d\d"), ("quarter", r"\d{4}-Q\d"),
    ("half", r"\d{4}-H\d"), ("season", r"\d{4}-(?:SP|SU|FA|WI)"), ("year", r"\d{4}"), ("decade", r"\d{3}"),
    ("century", r"\d\d"),
]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def form(value: str) -> str | None:
    return next((name for name, rx in FORMS if re.fullmatch(rx, value)), None)


def texts_of(gold: list[dict]) -> dict[tuple[str, str], dict]:
    """(source, id) -> the article row: Reuters from the shared corpus, the rest from the dev sets."""
    want = {(g["source"], g["id"]) for g in gold}
    out: dict[tuple[str, str], dict] = {}
    if any(src == "reuters21578" for src, _ in want):
        ids = {i for src, i in want if src == "reuters21578"}
        with CORPUS.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] in ids:
                    out[("reuters21578", row["id"])] = row
    for src in {s for s, _ in want if s != "reuters21578"}:
        for row in read_jsonl(HERE / "dev" / src / "texts.jsonl"):
            if (src, row["id"]) in want:
                out[(src, row["id"])] = row
    return out


def located(text: str, marks: list[dict]) -> list[dict]:
    """Each mark with its char span (the occurrence-th occurrence of its text)."""
    out = []
    for m in marks:
        at, pos = -1, -1
        for _ in range(m["occurrence"]):
            pos = text.find(m["text"], pos + 1)
            at = pos
        if at < 0:
            raise SystemExit(f"gold text not found: {m['text']!r}")
        out.append({**m, "s": at, "e": at + len(m["text"])})
    return out


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["e"], b["e"]) - max(a["s"], b["s"]))


def match(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    pairs = sorted(((overlap(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
                    if overlap(p, g) > 0), reverse=True)
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _unit(day: str, gran: str | None) -> str:
    if gran in ("month", "quarter", "half", "season"):
        return day[:7]
    if gran == "year":
        return day[:4]
    if gran == "decade":
        return day[:3]
    return day


def _old_timex(rec: dict) -> str | None:
    """The value of a record made before records had ``timex`` (to score older commits)."""
    s, e, g = rec.get("start"), rec.get("end"), rec.get("granularity")
    if not s or not e:
        return None
    if g == "day" and s == e:
        return s
    if g == "month" and s[:7] == e[:7] and s.endswith("-01"):
        return s[:7]
    if g == "quarter" and s[:4] == e[:4]:
        return f"{s[:4]}-Q{(int(s[5:7]) + 2) // 3}"
    if g == "year" and s[:4] == e[:4] and s.endswith("01-01") and e.endswith("12-31"):
        return s[:4]
    return None


def pred_value(rec: dict) -> str | None:
    """A record's value as the gold writes it: its timex, or "first/last" for a range."""
    if "timex" not in rec and _old_timex(rec):
        return _old_timex(rec)
    if rec.get("timex"):
        return rec["timex"]
    if rec.get("start") and rec.get("end"):
        return f"{_unit(rec['start'], rec['granularity'])}/{_unit(rec['end'], rec['granularity'])}"
    return None


def gold_value(g: dict) -> str:
    return f"{g['value']}/{g['range_end']}" if g.get("range_end") else g["value"]


# The families of issue 18, from a gold mark's text, value and anchor (a mark may be in several).
_RELATIVE_UNIT = re.compile(r"\b(?:earlier|later|ago|past|this|fiscal|year[\s-]?end|current)\b", re.I)
_SPELLED_HOLIDAY = re.compile(r"\b(?:nineteen|twenty|thousand|christmas|easter|thanksgiving|election|new year|"
                              r"independence|labou?r day|memorial|veterans|holiday|eve)\b", re.I)


def families(g: dict, published: str) -> list[str]:
    out = []
    if g["anchor"] == "dct" and direction(g, published) == "after":
        out.append("future")
    if g["anchor"] == "text" or g.get("fiscal"):
        out.append("fiscal/anaphoric")
    if _RELATIVE_UNIT.search(g["text"]) and g["anchor"] == "dct":
        out.append("relative unit")
    if form(g["value"]) in ("season", "half"):
        out.append("season/half")
    if g.get("range_end"):
        out.append("range")
    if _SPELLED_HOLIDAY.search(g["text"]):
        out.append("spelled/holiday")
    if g.get("mod"):
        out.append("modifier")
    return out


def direction(g: dict, published: str) -> str:
    v = g["value"]
    if form(v) is None:
        return "other"
    first = v if form(v) == "day" else None
    if first is None:
        # compare at the value's own unit: "1987-03" against the publication month
        n = len(v)
        pub = published[:n] if form(v) in ("month", "year", "decade") else None
        if pub is None:
            return "other"
        return "before" if v < pub else "after" if v > pub else "at"
    return "before" if v < published else "after" if v > published else "at"


class Score:
    def __init__(self) -> None:
        self.n_pred = self.n_gold = self.span_tp = self.value_tp = 0
        self.by: dict[str, Counter] = defaultdict(Counter)
        self.mod = Counter()
        self.show: list[str] = []

    def add(self, doc: dict, text: str, preds: list[dict], golds: list[dict], show: bool) -> None:
        self.n_pred += len(preds)
        self.n_gold += len(golds)
        pairs = match(preds, golds)
        self.span_tp += len(pairs)
        matched_g = {j for _, j in pairs}
        matched_p = {i for i, _ in pairs}
        for i, j in pairs:
            p, g = preds[i], golds[j]
            ok = pred_value(p) == gold_value(g)
            self.value_tp += ok
            for key in (f"form {form(g['value'])}", f"anchor {g['anchor']}"):
                self.by[key]["n"] += 1
                self.by[key]["ok"] += ok
            if g["anchor"] == "dct":
                key = f"dct {direction(g, doc['published'])}"
                self.by[key]["n"] += 1
                self.by[key]["ok"] += ok
            for fam in families(g, doc["published"]):
                self.by[f"family {fam}"]["n"] += 1
                self.by[f"family {fam}"]["ok"] += ok
            if g.get("mod"):
                self.mod["n"] += 1
                self.mod["ok"] += (p.get("mod") or "").upper() == g["mod"]
            if show and not ok:
                self.show.append(f"{doc['id']} [{doc['published']}] WRONG {g['text']!r}: gold {gold_value(g)} "
                                 f"({g['anchor']}) pred {pred_value(p)} {p['text']!r} | {context(text, g)}")
        for j, g in enumerate(golds):
            if j not in matched_g:
                for key in (f"form {form(g['value'])}", f"anchor {g['anchor']}",
                            *(f"family {fam}" for fam in families(g, doc["published"]))):
                    self.by[key]["missed"] += 1
                if show:
                    self.show.append(f"{doc['id']} [{doc['published']}] MISS {g['text']!r} {gold_value(g)} | "
                                     f"{context(text, g)}")
        for i, p in enumerate(preds):
            if i not in matched_p and show:
                self.show.append(f"{doc['id']} [{doc['published']}] FALSE {p['text']!r} {pred_value(p)} | "
                                 f"{context(text, p)}")

    def report(self, title: str) -> None:
        def f1(tp: int) -> str:
            p = tp / self.n_pred if self.n_pred else 0.0
            r = tp / self.n_gold if self.n_gold else 0.0
            return f"{2 * p * r / (p + r) if p + r else 0.0:.3f} (P {p:.3f} / R {r:.3f})"
        print(f"== {title}: {self.n_gold} gold marks, {self.n_pred} records")
        print(f"  span F1  {f1(self.span_tp)}")
        print(f"  value F1 {f1(self.value_tp)}; value right on matched marks "
              f"{self.value_tp}/{self.span_tp} = {self.value_tp / max(1, self.span_tp):.3f}")
        for key in sorted(self.by):
            c = self.by[key]
            print(f"    {key:<16} {c['ok']:>4}/{c['n']:<4} = {c['ok'] / max(1, c['n']):.2f}"
                  f"   (missed {c['missed']})")
        if self.mod["n"]:
            print(f"  mod right on matched marks with a mod: {self.mod['ok']}/{self.mod['n']}")


def context(text: str, span: dict, width: int = 70) -> str:
    s, e = span["s"], span["e"]
    return " ".join((text[max(0, s - width):s] + "[[" + text[s:e] + "]]" + text[e:e + width]).split())


def kept(preds: list[dict], left_out: list[dict]) -> list[dict]:
    """The records that overlap no mark left out of the score."""
    return [p for p in preds if not any(overlap(p, m) for m in left_out)]


def calendar_marks(marks: list[dict], fiscal: bool) -> list[dict]:
    return [m for m in marks if m["type"] == "DATE" and form(m["value"])
            and (fiscal or not m.get("fiscal"))]


def ours(text: str, doc: dict, model: str | None) -> list[dict]:
    from summitclaims import api

    return [r for r in api.extract(text, published=doc["published"], doc_id=doc["id"], model=model)
            if r["kind"] == "date"]


def dateparser_records(text: str, published: str) -> list[dict]:
    from dateparser.search import search_dates

    pub = dt.date.fromisoformat(published)
    found = search_dates(text, languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(pub.year, pub.month, pub.day), "PREFER_DATES_FROM": "current_period"}) or []
    out, pos = [], 0
    for phrase, when in found:
        at = text.find(phrase, pos)
        if at < 0:
            continue
        pos = at + len(phrase)
        out.append({"text": phrase, "s": at, "e": at + len(phrase), "timex": when.date().isoformat(),
                    "granularity": "day"})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=SETS, default="dates", help="which dev set (default: dates)")
    ap.add_argument("--show", action="store_true", help="list misses, false hits and wrong values")
    ap.add_argument("--dateparser", action="store_true", help="score dateparser's search_dates beside")
    ap.add_argument("--part", choices=("reuters", "modern"), help="only the Reuters-21578 or the modern articles")
    ap.add_argument("--model", help="spaCy pipeline to load instead of the default")
    args = ap.parse_args()

    gold = read_jsonl(HERE / "dev" / args.set / "gold.jsonl")
    if args.part:
        gold = [g for g in gold if (g["source"] == "reuters21578") == (args.part == "reuters")]
    texts = texts_of(gold)
    runs = {"summitclaims": Score(), "summitclaims, no fiscal marks": Score()}
    if args.dateparser:
        runs["dateparser"] = Score()
    refs: Counter[str] = Counter()
    durations = Score()
    for doc in gold:
        text = texts[(doc["source"], doc["id"])]["text"]
        marks = located(text, doc["timexes"])
        refs.update(m["value"] for m in marks if m["value"].endswith("_REF"))
        # records over a mark left out of the score (a *_REF, a duration) are neither hits nor
        # false hits; durations ("P2Y") are scored on their own, against the DURATION marks
        left_out = [m for m in marks if m not in calendar_marks(marks, True)]
        preds = [{**r, "s": r["char_start"], "e": r["char_end"]} for r in ours(text, doc, args.model)]
        durations.add(doc, text, [p for p in preds if (p.get("timex") or "").startswith("P")],
                      [m for m in marks if m["type"] == "DURATION"], False)
        dates = [p for p in preds if not (p.get("timex") or "").startswith("P")]
        runs["summitclaims"].add(doc, text, kept(dates, left_out), calendar_marks(marks, True), args.show)
        no_fiscal = calendar_marks(marks, False)
        runs["summitclaims, no fiscal marks"].add(
            doc, text, kept(dates, [m for m in marks if m not in no_fiscal]), no_fiscal, False)
        if args.dateparser:
            runs["dateparser"].add(doc, text, kept(dateparser_records(text, doc["published"]), left_out),
                                   calendar_marks(marks, True), False)
    for title, score in runs.items():
        score.report(title)
    print(f"durations (gold DURATION marks, records with a P... timex): {durations.span_tp} matched of "
          f"{durations.n_gold} marks and {durations.n_pred} records, {durations.value_tp} with the value")
    print(f"(left out: {sum(refs.values())} *_REF marks: {dict(refs)})")
    if args.show:
        print("\n".join(runs["summitclaims"].show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
