"""Entry point: the typer app and the process-level handling of pipes and Ctrl-C."""
from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
from enum import Enum
from typing import NoReturn

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from .. import __version__
from . import diff as _diff
from . import extract as _extract
from . import show as _show
from . import spark as _spark
from . import summarise as _summarise


class _Plain:
    """Help without Python types as metavars: typer labels the --help flag <bool> and a PATH...
    argument <list[str]>, though the flag takes no value and the argument is named already."""

    def get_help_option(self, ctx):
        opt = super().get_help_option(ctx)
        if opt is not None:
            opt.metavar = ""
        return opt

    def format_help(self, ctx, formatter):
        for param in self.params:
            if isinstance(param, TyperArgument) and param.metavar:
                param.display_type_rich = lambda ctx: None
            elif getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return super().format_help(ctx, formatter)


class _Group(_Plain, TyperGroup):
    pass


class _Command(_Plain, TyperCommand):
    pass


app = typer.Typer(
    name="summitclaims",
    cls=_Group,
    help="Extract money, actors, dates and quotes from news articles as normalised JSON records.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summitclaims {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", metavar="", callback=_version, is_eager=True,
                                 help="Show the version."),
) -> None:
    """Exit codes: 0 all inputs processed, 1 some inputs failed (the good ones' records are written)
    or the output could not be written, 2 usage error, 130 interrupted."""


app.command("extract", no_args_is_help=False, cls=_Command)(_extract.extract_command)
app.command("show", cls=_Command)(_show.show_command)
app.command("diff", cls=_Command)(_diff.diff_command)
app.command("summarise", cls=_Command)(_summarise.summarise_command)
app.command("spark-extract", cls=_Command)(_spark.spark_extract_command)


class SchemaForm(str, Enum):
    """What ``schema --as`` prints: the JSON Schema, the flat table's DuckDB columns, or a SQLite CREATE TABLE."""
    json_schema = "json-schema"
    columns = "columns"
    sql = "sql"


@app.command("schema", cls=_Command)
def schema_command(
    form: SchemaForm = typer.Option(
        SchemaForm.json_schema, "--as", case_sensitive=False,
        help="json-schema: the contract; columns: {column: DuckDB type} of the flat table, for "
             "read_json(columns=...); sql: a SQLite CREATE TABLE for the records.",
    ),
) -> None:
    """Print the schema of the records: the JSON Schema, or the flat table's typed columns."""
    import json

    from .. import columns
    from ..resources import record_schema

    if form is SchemaForm.sql:
        typer.echo(columns.create_table_sql(), nl=False)
    elif form is SchemaForm.columns:
        typer.echo(json.dumps(columns.duckdb_columns(), indent=2))
    else:
        typer.echo(json.dumps(record_schema(), indent=2, ensure_ascii=False))


def _quiet_stdout() -> None:
    # The consumer went away (| head): point stdout at /dev/null so the interpreter's final flush
    # cannot raise a second BrokenPipeError on the way out.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _PipeClosed(BaseException):
    """The reader of stdout went away. A BaseException, so that neither click (which turns a
    BrokenPipeError into exit 1, the code for failed inputs) nor an ``except Exception`` on the way
    catches it before ``main``."""


class _StdoutFailed(BaseException):
    """stdout could not be written (a full disk: ``> /dev/full``). A BaseException for the same
    reason as _PipeClosed: ``main`` says so in one Error line."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(exc.strerror or str(exc))


class _GuardedStream:
    """stdout (and its binary buffer) turning BrokenPipeError into _PipeClosed, another failed
    write into _StdoutFailed."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, data):
        try:
            return self._stream.write(data)
        except BrokenPipeError:
            raise _PipeClosed() from None
        except OSError as exc:
            raise _StdoutFailed(exc) from None

    def flush(self):
        try:
            return self._stream.flush()
        except BrokenPipeError:
            raise _PipeClosed() from None
        except OSError as exc:
            raise _StdoutFailed(exc) from None

    @property
    def buffer(self):
        """The binary buffer, guarded the same way (Target writes Parquet to stdout through it)."""
        return _GuardedStream(self._stream.buffer)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class _Interrupted(BaseException):
    """Ctrl-C, SIGTERM or SIGHUP. Not a KeyboardInterrupt, which click would turn into 'Aborted!'
    and exit 1: raised in the main thread, it unwinds the run's cleanup (temporary output, workers)."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = signum


_SIGNALS = {signal.SIGINT: "Interrupted."}
for _name, _said in (("SIGTERM", "Terminated."), ("SIGHUP", "Hangup.")):
    if hasattr(signal, _name):          # no SIGHUP on Windows
        _SIGNALS[getattr(signal, _name)] = _said


def _on_signal(signum, _frame):
    raise _Interrupted(signum)


def _fill_closed_streams() -> None:
    """A standard stream closed by the shell (``2>&-``) becomes /dev/null: the run goes on and
    writes its output (Python gives None for such a stream, which nothing here can write to), and
    the first file the run opens cannot take the closed number and get the messages meant for it."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    # held open for the life of the process, as the standard streams are
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def main() -> None:
    """The console script: the app, with a closed stdout pipe as exit 0 and Ctrl-C as ``Interrupted.`` and exit 130."""
    try:
        _main()
    except SystemExit as exc:
        _exit(exc.code)
    _exit(0)


def _exit(code: object) -> NoReturn:
    """``sys.exit(code)``, skipping the interpreter's teardown when nothing is left to finish.
    Freeing the model's objects one by one at shutdown took a quarter of a second of every run,
    more than all of our own start-up. The atexit handlers still run, and the teardown is kept
    where it may matter: other threads or child processes alive, a profiler or tracer, dev mode."""
    if isinstance(code, str):
        if sys.stderr is not None:
            sys.stderr.write(code + "\n")
        status = 1
    else:
        status = code if isinstance(code, int) else 0 if code is None else 1
    if _teardown_matters():
        sys.exit(status)
    _flush_streams()
    atexit._run_exitfuncs()
    _flush_streams()
    os._exit(status & 0xFF)


def _teardown_matters() -> bool:
    if threading.active_count() > 1 or sys.flags.dev_mode or sys.getprofile() or sys.gettrace():
        return True
    mp = sys.modules.get("multiprocessing")
    if mp is not None and mp.active_children():
        return True
    return not hasattr(atexit, "_run_exitfuncs")


def _flush_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError, _PipeClosed):
            pass


def _main() -> None:
    _fill_closed_streams()
    for signum in _SIGNALS:
        signal.signal(signum, _on_signal)
    if sys.stdout is not None:
        sys.stdout = _GuardedStream(sys.stdout)
    try:
        try:
            app()
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()        # here, where a failure is caught, not at shutdown
    except _StdoutFailed as exc:
        if sys.stderr is not None:
            sys.stderr.write(f"Error: <stdout>: {exc}\n")
        _quiet_stdout()
        sys.exit(1)
    except (BrokenPipeError, _PipeClosed):
        # | head: the reader has what it wanted; as for ripgrep or sqlite-utils, that is success
        _quiet_stdout()
        sys.exit(0)
    except (_Interrupted, KeyboardInterrupt) as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        if sys.stderr is not None:
            sys.stderr.write(_SIGNALS[signum] + "\n")
        # The run's own cleanup (temporary output, workers stopped) has happened on the way here.
        # Exit now: at interpreter shutdown, concurrent.futures wakes the manager thread of the pool
        # the interrupt cut through a pipe already closed, and prints an OSError traceback.
        _flush_streams()
        os._exit(128 + signum)
