"""Turn the paths a user gives into articles to process, in a stable order, without ever raising.

Every input yields one ``Article``: either text, or an ``error`` saying why it could not be read,
so one bad file never stops the others.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

STDIN = "<stdin>"
ARTICLE_GLOB = "*.txt"


@dataclass
class Article:
    doc_id: str
    text: str | None = None
    error: str | None = None


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason). UTF-8, with or without BOM; NUL bytes mean binary."""
    if b"\x00" in data[:8192]:
        return None, "binary file (NUL bytes), not article text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"


def read_article(path: Path, doc_id: str) -> Article:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Article(doc_id, error=exc.strerror or str(exc))
    text, error = decode(data)
    return Article(doc_id, text=text, error=error)


def read_stream(stream: BinaryIO, doc_id: str = STDIN) -> Article:
    try:
        data = stream.read()
    except OSError as exc:
        return Article(doc_id, error=exc.strerror or str(exc))
    text, error = decode(data)
    return Article(doc_id, text=text, error=error)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob(ARTICLE_GLOB) if p.is_file())


def iter_articles(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Article]:
    """Articles for each path in order: files, folders (recursive, sorted ``*.txt``), ``-`` for stdin."""
    for given in paths:
        if given == "-":
            yield read_stream(stdin if stdin is not None else sys.stdin.buffer)
            continue
        path = Path(given)
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                yield Article(given, error=f"no article files ({ARTICLE_GLOB}) in folder")
            for f in files:
                yield read_article(f, str(Path(given) / f.relative_to(path)))
        elif path.exists():
            yield read_article(path, given)
        else:
            yield Article(given, error="no such file or directory")
