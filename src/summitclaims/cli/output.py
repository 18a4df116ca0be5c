"""The output options every command shares, and a file target written through a temporary file."""
from __future__ import annotations

import contextlib
import gzip
import io
import os
import stat
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Optional, TextIO

import typer

from .common import fail


class Format(str, Enum):
    """What ``extract`` writes."""
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"


class ReportFormat(str, Enum):
    """What ``diff`` and ``summarise`` write."""
    table = "table"
    json = "json"
    jsonl = "jsonl"


BINARY_FORMATS = frozenset({"parquet"})
# -o FILE names its format by suffix (a further .gz compresses the text formats)
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
                  ".parquet": "parquet", ".pq": "parquet"}


def output_option(allowed: type[Enum], default_format: str) -> Any:
    """--output FILE; ``allowed`` (Format or ReportFormat) are the formats its suffix may name."""
    names = {m.value for m in allowed}
    suffixes = " ".join(x for x, f in SUFFIX_FORMATS.items() if f in names)
    gz = ", also with .gz" if names - BINARY_FORMATS else ""
    return typer.Option(
        None, "--output", "-o", metavar="FILE", callback=_output_path,
        help=f"Write to FILE, atomically (a failed run leaves FILE as it was); its suffix picks the "
             f"format unless --format is given ({suffixes}{gz}; else {default_format}); '-' is stdout.",
    )


def format_option(piped: str) -> Any:
    """--format; its choices come from the parameter's Enum type (Format or ReportFormat)."""
    return typer.Option(
        None, "--format", "-f", case_sensitive=False,
        help=f"Output format. Default: from the -o suffix, else table on a terminal and {piped} otherwise.",
    )


def csv_raw_option() -> Any:
    """--csv-raw flag: CSV text cells written as they are, even those a spreadsheet would run as a formula."""
    return typer.Option(
        False, "--csv-raw", metavar="",
        help="CSV: write text cells as they are; by default one starting with = + - @ (or a tab or "
             "carriage return) gets a leading ' so that a spreadsheet shows it rather than runs it.",
    )


def _output_path(value: Optional[Path]) -> Optional[Path]:
    if value is None or str(value) == "-":
        return None
    if not str(value) or str(value) == ".":
        raise typer.BadParameter("an empty file name", param_hint="'--output'")
    # os.path.isdir, not Path.is_dir: it answers False instead of raising under a folder we may not
    # enter, and mkstemp then says why the file cannot be made
    if os.path.isdir(value):
        raise typer.BadParameter(f"{value}: is a folder", param_hint="'--output'")
    return value


def _suffixes(output: Path) -> tuple[str, bool]:
    """(format suffix, gzip?) of a file name: out.jsonl.gz -> (".jsonl", True)."""
    name = output.name.lower()
    gz = name.endswith(".gz")
    return Path(name[:-3] if gz else name).suffix, gz


def resolve_format(fmt: Optional[Enum], output: Optional[Path], piped: str = "jsonl",
                   allowed: Optional[type[Enum]] = None) -> str:
    """The format to write: --format, else the -o suffix (among ``allowed``), else table on a
    terminal and ``piped`` otherwise. Raises BadParameter for parquet to a terminal or in .gz."""
    choices = {m.value for m in (allowed or Format)}
    if fmt is not None:
        name = fmt.value
    elif output is not None:
        suffix, _ = _suffixes(output)
        name = SUFFIX_FORMATS.get(suffix, piped)
        if name not in choices:
            raise typer.BadParameter(
                f"{output}: this command writes {', '.join(sorted(choices - {'table'}))}, not {name}",
                param_hint="'--output'")
    else:
        name = "table" if sys.stdout.isatty() else piped
    if name in BINARY_FORMATS:
        if output is None and sys.stdout.isatty():
            raise typer.BadParameter(f"{name} is binary: give -o FILE or pipe it", param_hint="'--format'")
        if output is not None and _suffixes(output)[1]:
            raise typer.BadParameter(f"{output}: {name} is compressed already; drop the .gz",
                                     param_hint="'--output'")
    return name


def _new_file_mode(path: Path) -> int:
    """The mode open() would give: an existing file keeps its own, a new one the umask's."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def overwrites_input(output: Optional[Path], paths: Iterable[str]) -> Optional[str]:
    """The input file that ``output`` is (it would be overwritten while read), or None."""
    if output is None:
        return None
    try:
        out = os.stat(output)
    except OSError:
        return None
    if not stat.S_ISREG(out.st_mode):       # /dev/stdout and the like: a stream, not the input
        return None
    for given in paths:
        try:
            if given != "-" and os.path.samestat(os.stat(given), out):
                return given
        except OSError:
            continue
    return None


class Target:
    """stdout, or FILE written via a temp file in the same folder and renamed on success; a .gz
    FILE is compressed (text formats), reproducibly (no time stamp in the header). A FILE that is
    not a regular file (/dev/stdout, a named pipe) is written directly. This is the one place
    that reports a failed write: ``Error: FILE: reason`` and exit 1, FILE left as it was."""

    def __init__(self, output: Optional[Path], binary: bool = False):
        # a symlink to a file is followed: that file is replaced (atomically), the link stays a link
        # (a link to a device, as /dev/stdout is, is written directly: see _special)
        self.output = output
        if output is not None and os.path.islink(output) and os.path.isfile(output):
            self.output = Path(os.path.realpath(output))
        self.shown = output              # the name the user gave, for messages
        self.binary = binary
        self.tmp: Optional[str] = None
        self.stream: Any = None
        self.keep_old = False            # set by a run that stopped short (--strict): FILE stays as it was
        self._opened: list[Any] = []

    def __enter__(self) -> Any:
        if self.output is None:
            if not self.binary:
                self.stream = sys.stdout
                return self.stream
            sys.stdout.flush()
            self.stream = sys.stdout.buffer
            return self.stream
        try:
            if self._special():
                raw: Any = open(self.output, "wb")
            else:
                folder = self.output.parent if str(self.output.parent) else Path(".")
                fd, self.tmp = tempfile.mkstemp(prefix=f".{self.output.name}.", suffix=".tmp", dir=folder)
                raw = os.fdopen(fd, "wb")
            self._opened.append(raw)
            if _suffixes(self.output)[1] and not self.binary:
                raw = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
                self._opened.append(raw)
            self.stream = raw if self.binary else io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        except OSError as exc:
            self._cleanup()
            raise typer.BadParameter(f"{self.shown}: {exc.strerror or exc}", param_hint="'--output'") from None
        if not self.binary:
            self._opened.append(self.stream)
        return self.stream

    def _close(self) -> Optional[OSError]:
        """Close what was opened (text wrapper, then gzip, then the file); the first error."""
        first: Optional[OSError] = None
        for f in reversed(self._opened):
            try:
                f.close()
            except OSError as err:
                first = first or err
            except ValueError:               # a wrapper already closed with what it wraps
                pass
        self._opened = []
        return first

    def _cleanup(self) -> None:
        self._close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None

    def _special(self) -> bool:
        try:
            return self.output is not None and not stat.S_ISREG(os.stat(self.output).st_mode)
        except OSError:
            return False

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.output is None:
            if self.binary and exc_type is None:
                self.stream.flush()
            return
        failed: Optional[OSError] = exc if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) else None
        closing = self._close()
        if exc_type is None:                 # else the run's own exception says what happened
            failed = closing
        if exc_type is None and failed is None and self.tmp is not None and not self.keep_old:
            try:
                os.chmod(self.tmp, _new_file_mode(self.output))
                os.replace(self.tmp, self.output)
                self.tmp = None
            except OSError as err:
                failed = err
        self._cleanup()                      # a temp file still here belongs to a failed run
        if failed is not None:
            fail(f"{self.shown}: {failed.strerror or failed}")


def write_json(stream: TextIO, obj: object) -> None:
    """One JSON document (indented: it is read by people as often as by scripts)."""
    import json

    stream.write(json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=2) + "\n")


def write_jsonl(stream: TextIO, rows: Iterable[object]) -> None:
    """One JSON object a line."""
    import json

    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")


def human_amount(value: Optional[float], currency: Optional[str] = None) -> str:
    """1.09e11, 'EUR' -> 'EUR 109 bn': short enough for a table cell."""
    if value is None:
        return ""
    for size, unit in ((1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k")):
        if abs(value) >= size:
            text = f"{value / size:,.2f}".rstrip("0").rstrip(".") + unit
            break
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{currency} {text}" if currency else text
