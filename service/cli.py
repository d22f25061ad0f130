"""The `tripartito` command line: a Flask command group around ``create_app``, whose commands each area
registers (see ``service.commands.register_commands``)."""

from __future__ import annotations

import click
from flask.cli import FlaskGroup

from service import create_app


@click.group(cls=FlaskGroup, create_app=create_app, add_default_commands=False, add_version_option=False)
def main() -> None:
    """Tripartito: paperwork and calendar of the Equipo Tripartito (CRM · RROCM · PPT)."""
