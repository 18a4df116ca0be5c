"""Entry point: the typer app and the process-level handling of pipes and Ctrl-C."""
from __future__ import annotations

import os
import signal
import sys

import typer

from .. import __version__
from . import extract as _extract
from . import show as _show
from . import diff as _diff
from . import summarise as _summarise
from . import spark as _spark

app = typer.Typer(
    name="summitclaims",
    help="Extract money, actors, dates and quotes from news articles as normalised JSON records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summitclaims {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Exit codes: 0 all inputs processed, 1 some inputs failed (the good ones' records are written),
    2 usage error, 130 interrupted."""


app.command("extract", no_args_is_help=False)(_extract.extract_command)
app.command("show")(_show.show_command)
app.command("diff")(_diff.diff_command)
app.command("summarise")(_summarise.summarise_command)
app.command("spark-extract")(_spark.spark_extract_command)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the records."""
    import json

    from ..resources import record_schema

    typer.echo(json.dumps(record_schema(), indent=2, ensure_ascii=False))


def _quiet_stdout() -> None:
    # The consumer went away (| head): point stdout at /dev/null so the interpreter's final flush
    # cannot raise a second BrokenPipeError on the way out.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which click would turn into 'Aborted!' and exit 1."""


def _on_sigint(signum, frame):  # noqa: ARG001
    raise _Interrupted()


def main() -> None:
    signal.signal(signal.SIGINT, _on_sigint)
    try:
        app()
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)
    except (_Interrupted, KeyboardInterrupt):
        sys.stderr.write("Interrupted.\n")
        sys.exit(130)
