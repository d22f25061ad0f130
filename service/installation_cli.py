"""`tripartito converters setup|check`, and what `init` and `serve` say about the converters' interpreter."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from service.conversion.uno_python import UnoPythonMissing, find_uno_python, set_up_uno_venv


def uses_local_converters(app: Flask) -> bool:
    """Only ``TRIPARTITO_CONVERTERS=auto`` starts LibreOffice here; remote unoservers need no interpreter."""
    return app.config.get("CONVERTER") is None and str(app.config["CONVERTERS"]).strip().lower() == "auto"


def locate(app: Flask) -> Path:
    """The interpreter this app's converters run with; raises UnoPythonMissing naming the fix."""
    return find_uno_python(Path(app.config["DATA_DIR"]), app.config.get("UNO_PYTHON"))


def locate_for_command(app: Flask) -> Path:
    """``locate`` for a command: no interpreter is a one-line error with the fix, not a traceback."""
    try:
        return locate(app)
    except UnoPythonMissing as missing:
        raise click.ClickException(str(missing)) from None


def prepare(app: Flask) -> Path:
    """Find the interpreter, or make ``<DATA_DIR>/uno-venv`` when only unoserver is missing."""
    try:
        return locate(app)
    except UnoPythonMissing:
        if app.config.get("UNO_PYTHON"):
            raise  # a configured interpreter is the administrator's choice: say it is broken, do not replace it
        return set_up_uno_venv(Path(app.config["DATA_DIR"]))


def init_report(app: Flask) -> str:
    """For `tripartito init`: prepare the converters' interpreter; a problem is reported, never fatal."""
    if not uses_local_converters(app):
        return "Converters: remote (TRIPARTITO_CONVERTERS), no local interpreter needed."
    try:
        return f"Converters run with {prepare(app)}."
    except UnoPythonMissing as missing:
        return f"Warning: {missing}"


@click.group("converters")
def converters_group() -> None:
    """The LibreOffice converters' Python interpreter (unoserver)."""


@converters_group.command("setup")
@with_appcontext
def converters_setup() -> None:
    """Find the unoserver interpreter, or create <DATA_DIR>/uno-venv (needs python3-uno and the package index)."""
    try:
        python = prepare(current_app)
    except UnoPythonMissing as missing:
        raise click.ClickException(str(missing)) from None
    click.echo(f"Converters run with {python}.")


@converters_group.command("check")
@with_appcontext
def converters_check() -> None:
    """Say which interpreter `serve` would start the converters with (exit 1 and the fix if none)."""
    click.echo(f"Converters run with {locate_for_command(current_app)}.")
