"""Turn what the user gives (files, folders, JSONL, HTML, .gz, stdin) into articles, without raising.

Every input yields ``Article`` objects in a stable order: either text to process, or an ``error``
saying why it could not be read, so one bad file (or one bad JSONL line) never stops the others.
Nothing here prints: warnings travel on the article for the CLI to show.
"""
from __future__ import annotations

import datetime as dt
import gzip
import io
import itertools
import json
import os
import stat
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Iterable, Iterator

from ..fields import parse_iso_date
from ..kinds import RECORD_KINDS

STDIN = "<stdin>"
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_GLOBS = tuple(f"*{s}{gz}" for s in TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES for gz in ("", ".gz"))
INPUT_FORMATS = ("auto", "text", "html", "jsonl")
_BINARY_PROBE = 8192
# An input (a file once decompressed, stdin, one JSONL line) larger than this is refused rather
# than read: a gzip bomb, /dev/urandom or an endless line would otherwise fill memory and cost the
# whole run. 64 MiB is some hundred times the longest news article and keeps a run under 1 GB.
MAX_INPUT_BYTES = 64 * 1024 * 1024
# JSON nested deeper than this is refused: it is no article, and json's recursion (in reading, and
# again in writing ``meta``) would otherwise end in a RecursionError
MAX_JSON_DEPTH = 64
_READ_CHUNK = 1 << 20


@dataclass
class Article:
    """One input as read: ``text`` to process or an ``error`` saying why not; ``warnings`` for the CLI to show."""
    doc_id: str
    text: str | None = None
    error: str | None = None
    published: dt.date | None = None          # from the input itself (JSONL key, HTML metadata)
    published_source: str | None = None       # "given" (JSONL key) | "text" (found in the page)
    meta: dict[str, Any] | None = None        # other JSONL keys; the HTML title
    warnings: list[str] = field(default_factory=list)


@dataclass
class ReadOptions:
    """How inputs are read: the format (auto: by suffix, else by content), the JSONL keys, a folder's globs."""
    input_format: str = "auto"                 # auto | text | html | jsonl
    text_key: str = "text"
    id_key: str = "id"
    published_key: str = "published"
    globs: tuple[str, ...] = DEFAULT_GLOBS
    max_bytes: int = MAX_INPUT_BYTES           # per input once decompressed, and per JSONL line; 0: no limit
    skip: tuple[str, ...] = ()                 # files a folder's listing leaves out (the run's own -o FILE)


OUT_OF_MEMORY = "out of memory while reading it (set a limit with --max-input-size)"
# the HTML parser needs some 40 bytes of memory a byte of page: an eighth of the input limit keeps
# a page under a few hundred MB (a news page is well under 1 MiB)
HTML_SHARE = 8


class TooLarge(Exception):
    """An input past ``ReadOptions.max_bytes``: it is refused, not read on."""


def size_text(n: int) -> str:
    """1048576 -> '1 MiB': limits as people write them."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.4g} {unit}"
    return f"{n} bytes"


def too_large(limit: int, what: str = "") -> str:
    """The reason given for an input past the limit, naming the option that raises it."""
    return f"larger than {size_text(limit)}{what}: not read (raise the limit with --max-input-size)"


def read_bounded(fh: BinaryIO | io.BufferedIOBase, limit: int, what: str = "", used: int = 0) -> bytes:
    """All of ``fh``, or TooLarge once more than ``limit`` bytes (0: no limit) came, counting ``used``
    bytes read before: memory stays bounded by the limit however much the stream holds (a gzip
    bomb, /dev/zero)."""
    if not limit:
        return fh.read()
    parts: list[bytes] = []
    size = used
    if size > limit:
        raise TooLarge(too_large(limit, what))
    while True:
        part = fh.read(min(_READ_CHUNK, limit + 1 - size))
        if not part:
            return b"".join(parts)
        parts.append(part)
        size += len(part)
        if size > limit:
            raise TooLarge(too_large(limit, what))


def bounded_lines(fh: BinaryIO | io.BufferedIOBase, limit: int) -> Iterator[bytes | None]:
    """The lines of ``fh``; a line longer than ``limit`` bytes is skipped unread and stands as None."""
    if not limit:
        yield from fh
        return
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):      # the rest of the long line, thrown away
            line = fh.readline(_READ_CHUNK)
        yield None


# -- decoding -------------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, error, warning). UTF-8 (BOM or not), UTF-16 with BOM; Windows-1252 as a fallback with a
    warning; NUL bytes outside UTF-16 mean a binary file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None, None
        except UnicodeDecodeError as exc:
            return None, f"invalid UTF-16 text (byte offset {exc.start})", None
    if b"\x00" in data[:_BINARY_PROBE]:
        return None, "binary file (NUL bytes), not article text", None
    try:
        return data.decode("utf-8-sig"), None, None
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so the fallback never fails
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text, None, f"not UTF-8 ({where}); read as Windows-1252"


def _gunzip(data: bytes, limit: int) -> tuple[bytes | None, str | None]:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            return read_bounded(fh, limit, " once decompressed"), None
    except TooLarge as exc:
        return None, str(exc)
    except MemoryError:             # --max-input-size 0 (no limit) and a bomb
        return None, OUT_OF_MEMORY
    except (OSError, EOFError, zlib.error) as exc:
        return None, f"broken gzip data: {exc}"


# -- formats --------------------------------------------------------------------------------------

def _kind_of(name: str, data: bytes | None, input_format: str) -> str:
    if input_format != "auto":
        return input_format
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(TEXT_SUFFIXES) or data is None:
        return "text"
    return sniff(data)


def sniff(data: bytes) -> str:
    """Guess the format of unnamed content (stdin, files with no known suffix)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        first = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except RecursionError:
            return "jsonl"          # an object nested too deep: JSONL, whose reader says so for the line
        except ValueError:
            pass
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<body" in data[:65536].lower()):
        return "html"
    return "text"


def parse_date(value: Any) -> dt.date | None:
    """ISO date or datetime (``2025-02-11``, ``2025-02-11T10:00:00Z``) -> date; raises ValueError."""
    if value is not None and not isinstance(value, str):
        raise ValueError(f"invalid date {value!r}")
    try:
        return parse_iso_date(value, prefix=True)
    except ValueError:
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD") from None


def html_article(doc_id: str, html: str) -> Article:
    """Main text, title and date of a web page, with trafilatura (imported only when needed)."""
    try:
        import trafilatura
    except ImportError as exc:
        # a declared dependency, so this is a broken install: say what is really missing
        # (trafilatura itself, or a package it imports such as lxml_html_clean)
        return Article(doc_id, error=f"HTML input needs trafilatura, which cannot be imported: {exc}")
    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=True, favor_precision=False)
    except Exception as exc:  # trafilatura/lxml can raise many kinds on broken markup
        return Article(doc_id, error=f"cannot parse HTML: {type(exc).__name__}: {exc}")
    if found is None:
        return Article(doc_id, text="", warnings=["no main text found in the HTML"])
    meta = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    art = Article(doc_id, text=meta.get("text") or "")
    title = meta.get("title")
    if title:
        art.meta = {"title": title}
    try:
        art.published = parse_date(meta.get("date"))
        art.published_source = "text" if art.published else None
    except ValueError:
        pass
    return art


def _finite(text: str) -> float | None:
    value = float(text)
    return value if value - value == 0 else None     # 1e999 overflows to inf: read as null, like Infinity


def _loads(text: str) -> Any:
    """JSON as written by other tools: NaN and Infinity (which Python's json accepts and no JSON
    output may carry on in ``meta``), and numbers too large for a float, read as null."""
    return json.loads(text, parse_constant=lambda _name: None, parse_float=_finite)


def json_problem(value: Any, limit: int = MAX_JSON_DEPTH) -> str | None:
    """Why a parsed JSON value cannot travel on to the output, or None: nesting deeper than
    ``limit``, or a string with a lone surrogate (JSON's "\\ud800", which no UTF-8 output can hold)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:                      # iterative: the depth is what is being checked
        item, depth = stack.pop()
        if isinstance(item, str):
            if not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError as exc:
                    return f"a lone surrogate (\\u{ord(item[exc.start]):04x}) in a string"
        elif isinstance(item, (dict, list)):
            if depth > limit:
                return f"nested deeper than {limit} levels"
            if isinstance(item, dict):
                stack.extend((k, depth) for k in item)
                stack.extend((v, depth + 1) for v in item.values())
            else:
                stack.extend((v, depth + 1) for v in item)
    return None


def _is_record(row: dict[str, Any]) -> bool:
    return row.get("kind") in RECORD_KINDS and "char_start" in row and "doc" in row


def jsonl_articles(name: str, lines: Iterable[bytes | None], opts: ReadOptions) -> Iterator[Article]:
    """One article per JSONL line; a bad line is an error record naming its line number (a line
    past the size limit comes as None, unread)."""
    seen = seen_article = False
    for n, raw in enumerate(lines, 1):
        where = f"{name}:{n}"
        if raw is None:
            seen = True
            yield Article(where, error=f"line {n}: {too_large(opts.max_bytes)}")
            continue
        if not raw.strip():
            continue
        seen = True
        try:
            row = _loads(raw.decode("utf-8-sig") if n == 1 else raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Article(where, error=f"line {n}: not UTF-8 (byte offset {exc.start})")
            continue
        except RecursionError:
            yield Article(where, error=f"line {n}: not read (JSON nested deeper than {MAX_JSON_DEPTH} levels)")
            continue
        except ValueError as exc:
            yield Article(where, error=f"line {n}: not valid JSON ({str(exc).split(':')[0]})")
            continue
        if not isinstance(row, dict):
            yield Article(where, error=f"line {n}: not a JSON object")
            continue
        if _is_record(row) and not seen_article:
            # an earlier run's output (in a folder read again): its records carry a "text" too, and
            # would come back as articles of a few words each
            yield Article(name, error="a file of summitclaims records, not articles (diff and summarise read it)")
            return
        seen_article = True
        problem = json_problem(row)
        if problem:
            yield Article(where, error=f"line {n}: not read ({problem})")
            continue
        text = row.get(opts.text_key)
        if not isinstance(text, str):
            what = "no" if text is None else "a non-string"
            yield Article(where, error=f"line {n}: {what} {opts.text_key!r} key")
            continue
        doc_id = row.get(opts.id_key)
        art = Article(str(doc_id) if doc_id not in (None, "") else where, text=text)
        try:
            art.published = parse_date(row.get(opts.published_key))
            art.published_source = "given" if art.published else None
        except ValueError as exc:
            art.warnings.append(f"line {n}: {exc}; ignored")
        meta = {k: v for k, v in row.items() if k not in (opts.text_key, opts.id_key, opts.published_key)}
        art.meta = meta or None
        yield art
    if not seen:
        yield Article(name, error="no JSON lines")


def _from_bytes(name: str, data: bytes, opts: ReadOptions) -> Iterator[Article]:
    if name.lower().endswith(".gz") or data[:2] == b"\x1f\x8b":
        unzipped, error = _gunzip(data, opts.max_bytes)
        if unzipped is None:
            yield Article(name, error=error)
            return
        data = unzipped
    kind = _kind_of(name, data, opts.input_format)
    if kind == "jsonl":
        yield from jsonl_articles(name, bounded_lines(io.BytesIO(data), opts.max_bytes), opts)
        return
    text, error, warning = decode(data)
    if text is None:
        yield Article(name, error=error)
        return
    if kind == "html" and opts.max_bytes and len(data) > opts.max_bytes // HTML_SHARE:
        yield Article(name, error=too_large(opts.max_bytes // HTML_SHARE, " for an HTML page"))
        return
    art = html_article(name, text) if kind == "html" else Article(name, text=text)
    if warning:
        art.warnings.insert(0, warning)
    yield art


_READ_ERRORS = (TooLarge, MemoryError, OSError, EOFError, zlib.error)


def read_failure(exc: BaseException) -> str:
    """The reason an input could not be read, from what reading it raised (one of _READ_ERRORS)."""
    if isinstance(exc, MemoryError):
        return OUT_OF_MEMORY
    return getattr(exc, "strerror", None) or str(exc)


def _read_file(path: Path, name: str, opts: ReadOptions) -> Iterator[Article]:
    try:
        # a device (/dev/zero, /dev/urandom, a disk) is no article; a named pipe is read, bounded
        # like stdin (process substitution: <(zcat x.gz))
        mode = os.stat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            yield Article(name, error="not a regular file")
            return
        with open(path, "rb") as fh:
            if _kind_of(name, None, opts.input_format) == "jsonl":   # streamed: may not fit in memory
                if name.lower().endswith(".gz"):
                    with gzip.GzipFile(fileobj=fh) as unzipped:
                        yield from jsonl_articles(name, bounded_lines(unzipped, opts.max_bytes), opts)
                else:
                    yield from jsonl_articles(name, bounded_lines(fh, opts.max_bytes), opts)
                return
            # compressed or not, at most the limit (a .gz is then decompressed, bounded again)
            data = read_bounded(fh, opts.max_bytes)
    except _READ_ERRORS as exc:
        yield Article(name, error=read_failure(exc))
        return
    yield from _from_bytes(name, data, opts)


def read_stream(stream: BinaryIO, opts: ReadOptions | None = None, name: str = STDIN) -> Iterator[Article]:
    """The articles of a binary stream (stdin): JSONL read line by line, bounded per line, when the
    format says so or (auto) its first line is a JSON object; else read whole, bounded, and sniffed."""
    opts = opts or ReadOptions()
    try:
        if opts.input_format == "jsonl":
            yield from jsonl_articles(name, bounded_lines(stream, opts.max_bytes), opts)
            return
        first = b""
        if opts.input_format == "auto":
            first = stream.readline(opts.max_bytes + 1) if opts.max_bytes else stream.readline()
            if first[:2] != b"\x1f\x8b" and first.endswith(b"\n") and sniff(first) == "jsonl":
                lines = itertools.chain([first], bounded_lines(stream, opts.max_bytes))
                yield from jsonl_articles(name, lines, opts)
                return
        data = first + read_bounded(stream, opts.max_bytes, used=len(first))
    except _READ_ERRORS as exc:
        yield Article(name, error=read_failure(exc))
        return
    if opts.input_format == "auto" and data[:2] != b"\x1f\x8b" and sniff(data) == "jsonl":
        yield from jsonl_articles(name, bounded_lines(io.BytesIO(data), opts.max_bytes), opts)
        return
    yield from _from_bytes(name, data, opts)


def path_name(name: str) -> str:
    """A path as text any output can hold: the bytes of a file name that are not UTF-8 (which
    Python hands over as lone surrogates) written as ``\\xe9``; other text unchanged."""
    if name.isascii():
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:       # a lone surrogate no file name decodes to
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def glob_problem(pattern: str) -> str | None:
    """Why a --glob pattern cannot name files inside a folder, or None: an absolute path or one
    that climbs out with '..' would read files the folder does not hold."""
    if not pattern.strip():
        return "an empty pattern"
    parts = pattern.replace("\\", "/").split("/")
    if pattern.startswith(("/", "\\")) or os.path.isabs(pattern) or ".." in parts:
        return f"{pattern!r} must name files inside the folder (no absolute path, no '..')"
    return None


def _matches(rel: PurePosixPath, globs: Iterable[str]) -> bool:
    # as Path.rglob: a pattern without '/' matches the file name at any depth, one with '/' the
    # last parts of the path
    return any(rel.match(g.removeprefix("**/")) for g in globs)


def folder_files(folder: Path, globs: Iterable[str], errors: list[str] | None = None) -> list[Path]:
    """The files under ``folder`` (recursive, symlinked folders not entered) matching any glob,
    each once, sorted by relative POSIX path. A subfolder that cannot be read is named in
    ``errors`` (relative to ``folder``) rather than passed over in silence."""
    globs = tuple(globs)
    found: list[tuple[str, Path]] = []

    def unreadable(exc: OSError) -> None:
        if errors is None:
            return
        where = Path(exc.filename) if exc.filename else folder
        errors.append(f"{where}: cannot read folder: {(exc.strerror or str(exc)).lower()}")

    for root, _dirs, files in os.walk(folder, onerror=unreadable):
        for name in files:
            path = Path(root) / name
            rel = PurePosixPath(path.relative_to(folder).as_posix())
            if _matches(rel, globs) and path.is_file():
                found.append((rel.as_posix(), path))
    return [p for _, p in sorted(found)]


def iter_articles(
    paths: Iterable[str], stdin: BinaryIO | None = None, opts: ReadOptions | None = None
) -> Iterator[Article]:
    """Articles for each path in order: files, folders (recursive, sorted), ``-`` for stdin."""
    opts = opts or ReadOptions()
    skip = {os.path.realpath(p) for p in opts.skip}
    for arg in paths:
        if arg == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, opts)
            continue
        path, given = Path(arg), path_name(arg)     # opened as given, named as any output can hold
        try:
            # stat, not Path.is_dir/exists: those raise, not answer, under a folder we may not enter
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as exc:
            missing = isinstance(exc, (FileNotFoundError, NotADirectoryError))
            yield Article(given, error="no such file or directory" if missing else (exc.strerror or str(exc)).lower())
            continue
        if is_dir:
            unreadable: list[str] = []
            files = [f for f in folder_files(path, opts.globs, unreadable) if os.path.realpath(f) not in skip]
            top = f"{path}: "
            for problem in unreadable:
                # the folder itself, or a subfolder named as the user wrote the folder's path
                if problem.startswith(top):
                    yield Article(given, error=problem[len(top):])
                else:
                    where, _, why = problem.partition(": ")
                    yield Article(path_name(str(Path(arg) / Path(where).relative_to(path))), error=why)
            if unreadable and unreadable[0].startswith(top):
                continue
            if not files:
                yield Article(given, error=f"no article files ({', '.join(opts.globs)}) in folder")
            for f in files:
                yield from _read_file(f, path_name(str(Path(arg) / f.relative_to(path))), opts)
        else:
            yield from _read_file(path, given, opts)
