"""Do our stand-ins for the model's components annotate exactly as spaCy's do? And how fast?

    python benchmarks/components_equal.py [--component attribute_ruler|lemmatizer]
                                          [--corpus ../shared/corpora/reuters21578.jsonl] [--n N]
                                          [--batch 200] [--examples 10]

``attribute_ruler`` (default) compares summitclaims_attribute_ruler with spaCy's ruler,
``lemmatizer`` summitclaims_lemmatizer with the model's lemmatizer. Runs the model up to the
component (for the lemmatizer: with spaCy's own attribute ruler) over the first N articles (all by
default), copies each doc twice (``Doc.to_bytes``) and applies spaCy's component to one copy and
ours, built from that same component, to the other; then compares every token's tag, pos, morph,
lemma and dep. Prints the articles and tokens compared, the tokens that differ (must be 0, with the
first few shown), and each component's time in ms per 1,000 tokens. The two take turns batch by
batch on the same docs, so a busy machine slows both alike: compare the two numbers of one run,
not across runs.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Any, Iterator

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "reuters21578.jsonl"
MODEL_PIPES = {"attribute_ruler": ["tok2vec", "tagger", "parser"],
               "lemmatizer": ["tok2vec", "tagger", "parser", "attribute_ruler"]}
FIELDS = ("tag_", "pos_", "morph", "lemma_", "dep_")


def texts(corpus: Path, n: int | None) -> Iterator[str]:
    with corpus.open(encoding="utf-8") as fh:
        for line in islice(fh, n):
            yield json.loads(line)["text"]


def annotations(doc) -> list[tuple]:
    return [(t.tag, t.pos, t.morph.key, t.lemma, t.dep) for t in doc]


def batches(it: Iterator, size: int) -> Iterator[list]:
    while True:
        batch = list(islice(it, size))
        if not batch:
            return
        yield batch


def memo_bytes(ours) -> int:
    """About what our component's memos hold: the dicts, their keys and their distinct values."""
    rules = getattr(ours, "rules", None)
    memos = ([c.memo for c in rules.columns] + [c.shared for c in rules.columns] + [rules.merged]
             if rules is not None else [ours.memo])
    total = 0
    for memo in memos:
        total += sys.getsizeof(memo) + sum(sys.getsizeof(k) for k in memo)
        total += sum(sys.getsizeof(v) for v in {id(v): v for v in memo.values()}.values())
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--component", choices=sorted(MODEL_PIPES), default="attribute_ruler")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=None, help="articles (default: all)")
    ap.add_argument("--batch", type=int, default=200, help="docs per turn of each ruler")
    ap.add_argument("--examples", type=int, default=10, help="differing tokens to show")
    args = ap.parse_args()

    from spacy.tokens import Doc

    from summitclaims import nlp as _nlp
    from summitclaims.pipeline import attributes, lemmas

    nlp = _nlp.load_base()
    spacys = nlp.get_pipe(args.component)
    ours: Any
    if args.component == "lemmatizer":
        if not lemmas.replaceable(spacys):
            print("the model's lemmatizer is not one summitclaims_lemmatizer reproduces", file=sys.stderr)
            return 2
        ours = lemmas.FastLemmatizer(nlp.vocab)
        ours.use(spacys)
    else:
        ours = attributes.FastAttributeRuler(nlp.vocab)
        ours.use(spacys)
        if ours.rules is None:
            print("the model's attribute ruler does not compile: nothing to compare", file=sys.stderr)
            return 2
    articles = tokens = differ = 0
    t_spacy = t_ours = t_model = 0.0
    fields: Counter = Counter()
    shown = 0
    started = time.perf_counter()
    with nlp.select_pipes(enable=MODEL_PIPES[args.component]):
        stream = nlp.pipe(texts(args.corpus, args.n), batch_size=64)
        while True:
            t = time.perf_counter()
            batch = list(islice(stream, args.batch))
            t_model += time.perf_counter() - t
            if not batch:
                break
            data = [d.to_bytes() for d in batch]
            theirs = [Doc(nlp.vocab).from_bytes(b) for b in data]
            mine = [Doc(nlp.vocab).from_bytes(b) for b in data]
            t = time.perf_counter()
            for d in theirs:
                spacys(d)
            t_spacy += time.perf_counter() - t
            t = time.perf_counter()
            for d in mine:
                ours(d)
            t_ours += time.perf_counter() - t
            for a, b in zip(theirs, mine):
                articles += 1
                tokens += len(a)
                want, have = annotations(a), annotations(b)
                if want == have:
                    continue
                for ta, tb, x, y in zip(a, b, want, have):
                    if x == y:
                        continue
                    differ += 1
                    got = {f: (str(getattr(ta, f)), str(getattr(tb, f))) for f in FIELDS}
                    fields.update(f for f, (x, y) in got.items() if x != y)
                    if shown < args.examples:
                        shown += 1
                        print(f"  article {articles} token {ta.i} {ta.text!r}: "
                              + ", ".join(f"{f} {x!r} vs ours {y!r}" for f, (x, y) in got.items() if x != y))
            if articles % 2000 < args.batch:
                print(f"  ... {articles} articles, {tokens} tokens, {differ} differ, memos "
                      f"{memo_bytes(ours) / 1e6:.1f} MB ({time.perf_counter() - started:.0f} s)",
                      file=sys.stderr, flush=True)
    print(f"articles {articles}, tokens {tokens}, tokens that differ {differ}"
          + (f" ({dict(fields)})" if fields else ""))
    per = 1e6 / max(tokens, 1)
    print(f"spaCy {args.component:<18} {t_spacy * per:8.3f} ms per 1,000 tokens ({t_spacy:.2f} s)")
    print(f"summitclaims's           {t_ours * per:8.3f} ms per 1,000 tokens ({t_ours:.2f} s), "
          f"{t_spacy / max(t_ours, 1e-9):.1f}x faster")
    print(f"model up to it           {t_model * per:8.3f} ms per 1,000 tokens ({t_model:.2f} s)")
    rules = getattr(ours, "rules", None)
    if rules is not None:
        print("memo entries at the end: " + ", ".join(
            f"{nlp.vocab.strings[c.attr] if c.attr else 'NULL'} {len(c.memo)}" for c in rules.columns)
            + f", merged {len(rules.merged)} (each bounded by {attributes.MEMO_LIMIT}), "
            f"about {memo_bytes(ours) / 1e6:.1f} MB")
    else:
        print(f"memo entries at the end: {len(ours.memo)} (bounded by {lemmas.MEMO_LIMIT}), "
              f"about {memo_bytes(ours) / 1e6:.1f} MB")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
