"""What start-up builds from rules and data, built once per machine rather than once per process:
large compiled regexes (``regex``) and tables derived from data files (``table``).

Python compiles a regex in pure Python (``re._parser`` and ``re._compiler``) and keeps it only in
the process. The money grammars are three patterns of 60,000-80,000 characters each (every
currency word of every currency, spelt out in each alternative), and compiling them was half a
second of every run: most of what one article cost beyond the model. ``compile`` keeps the
compiled form of such a pattern (the engine's opcode list that ``_sre.compile`` takes) in a file of
the user's cache folder and rebuilds the pattern object from it in a few milliseconds, as spaCy
keeps a built pipeline in ``to_disk`` rather than rebuilding it from its rules.

Safety: the entry's key is the pattern text and flags themselves, so an edited pattern is a miss,
never a stale hit; the file is tied to the exact Python and regex-engine version (``_sre.MAGIC``);
``_sre.compile`` validates the opcodes it is given, and a rebuilt pattern must report the text,
flags and groups of the source. Anything unexpected (another Python implementation, an unreadable
or corrupt file, a read-only cache folder) falls back to ``re.compile``: the cache can only make a
run faster, never different.

A table (``table``) is a plain value (dicts, sets, strings) that a function derives from data
files, kept with a key naming its sources (path, size, modification time): a changed or
reinstalled source is a miss. A value built of our own classes (the money lexicon's frozen
dataclasses) is kept by ``pickle`` instead, and read back by an unpickler that rebuilds only the
classes its caller names: a cache file cannot make a run import or call anything else. A key
covers the Python and Unicode versions (the folder is shared by all of the user's environments)
and, for small files (our rule tables among them), their content as well as size and time. A
cache file that is not the user's own, or that others may write, is not read: a value kept
there is trusted as the rule tables' checked rows are, so only the user may have put it there.

``SUMMITCLAIMS_CACHE_DIR`` names another folder for the cache; ``SUMMITCLAIMS_NO_CACHE=1`` turns it
off.
"""
from __future__ import annotations

import hashlib
import importlib
import io
import marshal
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar


def _engine_module(new: str, old: str) -> Any:
    """The regex engine's parser or compiler module: ``re._parser`` from Python 3.11,
    ``sre_parse`` before (imported by name so that no one type checker's view of ``re`` matters)."""
    try:
        return importlib.import_module(new)
    except ImportError:                 # pragma: no cover - Python 3.9 and 3.10
        return importlib.import_module(old)


_sre_compiler = _engine_module("re._compiler", "sre_compile")
_sre_parser = _engine_module("re._parser", "sre_parse")

_sre: Any
try:
    _sre = importlib.import_module("_sre")
except ImportError:                     # pragma: no cover - not CPython
    _sre = None

# Below this size a pattern compiles in about a millisecond or less: caching it would save
# little more than its entry costs (a hash, a rebuild).
MIN_CHARS = 200
# Entries kept in the file: enough for the grammars of several versions side by side (an upgrade
# adds new ones; the oldest go first), small enough that loading the file stays cheap.
MAX_ENTRIES = 256
_FORMAT = 1

Entry = tuple[str, int, list[int], int, dict[str, int], tuple[Any, ...]]

_store: dict[str, Entry] | None = None
T = TypeVar("T")


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, through the cache for a large pattern."""
    flags = int(flags)
    if len(pattern) < MIN_CHARS or _sre is None or flags & re.DEBUG or not enabled():
        return re.compile(pattern, flags)
    key = hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()
    store = _load()
    entry = store.get(key)
    if entry is not None and entry[0] == pattern:
        rebuilt = _rebuild(entry)
        if rebuilt is not None:
            return rebuilt
    entry = _compile_entry(pattern, flags)
    if entry is None:
        return re.compile(pattern, flags)
    rebuilt = _rebuild(entry)
    if rebuilt is None:
        return re.compile(pattern, flags)
    store.pop(key, None)
    store[key] = entry
    _save(store)
    return rebuilt


def table(name: str, build: Callable[[], T], sources: Iterable[Path | None] = (),
          classes: Iterable[type] = ()) -> T:
    """``build()``, or the value it gave before while the code and the rule tables of summitclaims
    and the extra ``sources`` (data files of other packages it reads; None for one that is not
    there) are unchanged. The value must be plain data that ``marshal`` keeps: dicts, lists,
    tuples, sets, frozensets, strings, numbers, None; and, where ``classes`` names them,
    instances of those classes (frozen dataclasses of such data, ``Decimal``), kept by ``pickle``
    and read back by an unpickler that refuses every other class: a file of the cache can hold
    values, never code to run."""
    if not enabled():
        return build()
    allowed = {(c.__module__, c.__qualname__): c for c in classes}
    key = [name, _FORMAT, _code_key(), _runtime(), *(_content_stamp(p) for p in sources), sorted(allowed)]
    path = cache_dir() / f"table-{name}.{'pickle' if allowed else 'marshal'}"
    found = _read_objects(path, allowed) if allowed else _read(path)
    if isinstance(found, tuple) and len(found) == 2 and _same_key(found[0], key):
        return found[1]
    value = build()
    if allowed:
        _write_objects(path, (key, value))
    else:
        _write(path, (key, value))
    return value


def _same_key(found: object, key: list[Any]) -> bool:
    """``found == key``, compared as marshal bytes: a file's key is compared without running any
    ``__eq__`` of what the file holds (a Decimal signalling NaN raises on comparison). Format 2,
    the last without back-references, whose bytes depend on the values alone."""
    try:
        return type(found) is list and marshal.dumps(found, 2) == marshal.dumps(key, 2)
    except Exception:  # noqa: BLE001  (a key that is not plain data is no key of ours)
        return False


@lru_cache(maxsize=1)
def _runtime() -> tuple[str, tuple[int, int], str]:
    """What a derived table may depend on beyond our files: the Python that folded and split its
    words (``str.lower``, ``isalpha``) and the Unicode data it did so by. The cache folder is
    shared by every Python and virtual environment of the user."""
    return (sys.implementation.name, (sys.version_info[0], sys.version_info[1]), unicodedata.unidata_version)


class _Unpickler(pickle.Unpickler):
    """Rebuilds the classes it is given and no other (the "restricting globals" of the pickle docs)."""

    def __init__(self, data: io.BytesIO, allowed: dict[tuple[str, str], type]) -> None:
        super().__init__(data)
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        found = self.allowed.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not a class this cache keeps")
        return found


def _read_objects(path: Path, allowed: dict[tuple[str, str], type]) -> object:
    """The value of a pickled cache file, or None (missing, unreadable, damaged, another class)."""
    data = _read_bytes(path)
    if data is None:
        return None
    try:
        return _Unpickler(io.BytesIO(data), allowed).load()
    except Exception:  # noqa: BLE001  (any damage to the file: build the value afresh)
        return None


def _write_objects(path: Path, value: Any) -> None:
    try:
        data = pickle.dumps(value, protocol=5)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return
    _write_bytes(path, data)


@lru_cache(maxsize=1)
def _code_key() -> str:
    """One digest of every module of summitclaims (by size and time, as Python's own bytecode
    cache tells them apart) and of the content of every rule table: a table built by older code,
    or from older rules, is never taken for the current one, also after a copy that keeps times."""
    from . import resources

    package = Path(__file__).resolve().parent
    files = sorted(Path(root, f) for root, _, names in os.walk(package) for f in names if f.endswith(".py"))
    h = hashlib.blake2b(digest_size=12)
    for path in files:
        h.update(repr(_stamp(path)).encode("utf-8", "surrogatepass"))
    try:
        rules = sorted(resources.patterns_dir().glob("*.jsonl"))
    except resources.PatternFileError:
        rules = []
    for path in rules:
        h.update(repr(_content_stamp(path)).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _stamp(path: Path | None) -> tuple[str, int, int] | None:
    """What tells one version of a file from another without reading it."""
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), st.st_size, st.st_mtime_ns)


# Files up to this size are told apart by their content as well (hashing a megabyte takes about
# a millisecond): an edit that keeps the size and the time (a copy with ``cp -p``, ``rsync -t``,
# an unpacked archive) is a miss. Larger sources, other packages' installed data, go by stamp.
CONTENT_BYTES = 1 << 20


def _content_stamp(path: Path | None) -> tuple[Any, ...] | None:
    stamp = _stamp(path)
    if stamp is None or not 0 <= stamp[1] <= CONTENT_BYTES:
        return stamp
    return (*stamp, _digest(stamp))


@lru_cache(maxsize=256)
def _digest(stamp: tuple[str, int, int]) -> str:
    """The content digest of the file of ``stamp``, once per version of it in a process."""
    try:
        return hashlib.blake2b(Path(stamp[0]).read_bytes(), digest_size=12).hexdigest()
    except OSError:
        return ""


def enabled() -> bool:
    """False when ``SUMMITCLAIMS_NO_CACHE`` is set to anything but "" or "0"."""
    return os.environ.get("SUMMITCLAIMS_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    """``SUMMITCLAIMS_CACHE_DIR``, else the platform's user cache folder for summitclaims."""
    given = os.environ.get("SUMMITCLAIMS_CACHE_DIR")
    if given:
        return Path(given)
    import platformdirs

    return Path(platformdirs.user_cache_dir("summitclaims", appauthor=False))


def cache_file() -> Path:
    """The file of this Python's compiled regexes (the engine's opcodes differ between versions)."""
    impl = sys.implementation
    version = "".join(str(v) for v in sys.version_info[:3])
    return cache_dir() / f"regex-{impl.name}{version}-{getattr(_sre, 'MAGIC', 0)}-{_FORMAT}.marshal"


def _compile_entry(pattern: str, flags: int) -> Entry | None:
    """What ``re._compiler.compile`` hands ``_sre.compile``, computed the same way."""
    try:
        parsed = _sre_parser.parse(pattern, flags)
        code = _sre_compiler._code(parsed, flags)
        state = parsed.state
        groupindex = dict(state.groupdict)
        indexgroup: list[Any] = [None] * state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        # plain ints: the compiler emits opcodes as an int subclass, which marshal refuses
        return (pattern, flags | state.flags, [int(c) for c in code], state.groups - 1, groupindex,
                tuple(indexgroup))
    except Exception:  # noqa: BLE001  (internals of another version: compile the plain way)
        return None


def _rebuild(entry: Entry) -> re.Pattern[str] | None:
    """The pattern object of an entry, or None when the entry does not give back its own source."""
    try:
        pattern, flags, code, groups, groupindex, indexgroup = entry
        compiled = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001  (a corrupt entry: _sre validates the opcodes and refuses it)
        return None
    if compiled.pattern != pattern or compiled.groups != groups or dict(compiled.groupindex) != groupindex:
        return None
    return compiled


def _load() -> dict[str, Entry]:
    global _store
    if _store is None:
        _store = {}
        data = _read(cache_file())
        if isinstance(data, dict):
            _store = {k: v for k, v in data.items() if isinstance(k, str) and _well_formed(v)}
    return _store


def _well_formed(v: object) -> bool:
    return (isinstance(v, tuple) and len(v) == 6 and isinstance(v[0], str) and isinstance(v[1], int)
            and isinstance(v[2], list) and isinstance(v[3], int) and isinstance(v[4], dict)
            and isinstance(v[5], tuple))


def _save(store: dict[str, Entry]) -> None:
    while len(store) > MAX_ENTRIES:
        store.pop(next(iter(store)))
    _write(cache_file(), store)


def _write(path: Path, value: Any) -> None:
    try:
        data = marshal.dumps(value)
    except ValueError:                  # not plain data: run uncached
        return
    _write_bytes(path, data)


def _write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` in one step (a temporary file renamed over the old one), so that a reader,
    another process among them, sees the old file or the new one, never half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):       # read-only or full disk, no home folder: run uncached
        pass


def _read(path: Path) -> object:
    """The value of a cache file, or None (missing, unreadable, not marshal data)."""
    data = _read_bytes(path)
    if data is None:
        return None
    try:
        return marshal.loads(data)
    except Exception:  # noqa: BLE001  (damage of any kind, a size that cannot be allocated among it)
        return None


def _read_bytes(path: Path) -> bytes | None:
    """The bytes of a cache file, or None when it is missing or unreadable, or when someone else
    could have written it: not the user's own, or writable by others (the folder may be shared:
    ``SUMMITCLAIMS_CACHE_DIR``). Checked on the open file, so that it cannot be swapped between
    the check and the read."""
    try:
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            # POSIX only: Windows reports every writable file as 0o666 and has no uid to compare
            if hasattr(os, "getuid") and (st.st_mode & 0o022 or st.st_uid != os.getuid()):
                return None
            return fh.read()
    except OSError:
        return None


def _reset() -> None:
    """Forget the in-memory store (tests; the file stays)."""
    global _store
    _store = None
