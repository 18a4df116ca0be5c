"""Articles grouped for ``nlp.pipe``: bounded in count and in characters, in input order."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..io.readers import Article
from .options import RunOptions


def is_long(art: Article, opts: RunOptions) -> bool:
    """Longer than one piece: runs alone, in pieces (see ``runner.long``)."""
    return art.error is None and len(art.text or "") > opts.piece_chars


def chunks(items: Iterable[Article], opts: RunOptions) -> Iterator[list[Article]]:
    """Lists of up to ``opts.batch_size`` articles holding at most ``opts.batch_chars`` chars (or
    one article); a long article travels alone."""
    chunk: list[Article] = []
    chars = 0
    for art in items:
        if is_long(art, opts):
            if chunk:
                yield chunk
                chunk, chars = [], 0
            yield [art]
            continue
        n = len(art.text or "")
        if chunk and chars + n > opts.batch_chars:
            yield chunk
            chunk, chars = [], 0
        chunk.append(art)
        chars += n
        if len(chunk) >= opts.batch_size:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk
