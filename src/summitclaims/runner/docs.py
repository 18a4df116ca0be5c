"""Articles to docs, and processed docs to records: the two ends of one article's way."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .. import nlp as _nlp
from ..fields import assign_ids, error_record
from ..io.readers import Article
from ..pipeline import sents
from ..records import doc_records
from ..text.passages import unwrapped
from .options import RunOptions

Records = list[dict[str, Any]]


def make_doc(nlp: Language, art: Article, opts: RunOptions) -> Doc:
    """A tokenised doc carrying the article's id and publication date (its own, else the run's)."""
    doc = nlp.make_doc(unwrapped(art.text or ""))
    sents.remember_text(doc, art.text or "")
    doc._.sc_doc_id = art.doc_id
    if art.published is not None:
        doc._.sc_published, doc._.sc_published_source = art.published, art.published_source or "given"
    elif opts.published is not None:
        doc._.sc_published, doc._.sc_published_source = opts.published, "given"
    return doc


def pipe(nlp: Language, docs: Iterable[Doc], names: list[str], batch_size: int) -> Iterator[Doc]:
    """Like ``nlp.pipe`` over the named components only (--only: see ``nlp.pipes_for``)."""
    for name in names:
        proc = nlp.get_pipe(name)
        if hasattr(proc, "pipe"):
            docs = proc.pipe(docs, batch_size=batch_size)
        else:
            docs = map(proc, docs)
    return iter(docs)


def fill_head(nlp: Language, head: dict[str, Any], art: Article, opts: RunOptions) -> None:
    """What the document record carries beyond the doc: provenance, meta, the text if asked."""
    head["producer"] = _nlp.producer(nlp, rules_only=opts.rules_only)
    if art.meta:
        head["meta"] = art.meta
    if opts.keep_text:
        head["text"] = art.text or ""


def records_of(nlp: Language, doc: Doc, art: Article, opts: RunOptions) -> Records:
    """The records of one processed doc, of the kinds asked for, with ids and the document record filled in."""
    records = doc_records(doc, opts.kinds)
    fill_head(nlp, records[0], art, opts)
    return assign_ids(records)


def error_records(doc_id: str | None, message: str) -> Records:
    """The lone error record, id set, that stands for a document which could not be read or processed."""
    return assign_ids([error_record(doc_id, message)])


def internal_error(art: Article, exc: BaseException) -> Records:
    """The error record of an article whose processing raised: ``internal error:``, the exception's type and text."""
    return error_records(art.doc_id, f"internal error: {type(exc).__name__}: {exc}")
