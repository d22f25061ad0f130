"""Where the Word templates live: the pristine defaults shipped inside the package, and the institution's own
copy in ``TEMPLATES_DIR`` (default ``<DATA_DIR>/templates_docx``), seeded from the defaults.

Rendering reads the institution's copy; installing a template writes there (never into the package, which may
be a read-only site-packages). The repository's top-level ``templates_docx/`` is the source of the packaged
copy: ``service/templates_docx`` is a symlink to it, which the wheel build turns into real files.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from flask import current_app, has_app_context

PACKAGED_DIR = Path(__file__).resolve().parents[1] / "templates_docx"  # service/templates_docx (package data)
TEMPLATE_GLOB = "*.*.docx"  # {kind}.{lang}.docx


class PackagedTemplatesReadOnly(RuntimeError):
    """Something tried to write into the packaged defaults instead of the institution's folder."""


def live_dir() -> Path:
    """The folder templates are read from and installed into.

    Within an app: its ``TEMPLATES_DIR`` (seeded by ``create_app``). Outside one (benchmarks, the doctor run
    on its own, pure rendering tests): ``TRIPARTITO_TEMPLATES_DIR`` if set, else the packaged defaults, read-only.
    """
    if has_app_context():
        return Path(current_app.config["TEMPLATES_DIR"])
    configured = os.environ.get("TRIPARTITO_TEMPLATES_DIR")
    return Path(configured) if configured else PACKAGED_DIR


def seed(target: Path, source: Path = PACKAGED_DIR) -> list[str]:
    """Copy every packaged template missing from ``target``; never overwrite one (it may be the institution's
    edit). Returns the names copied."""
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for template in sorted(source.glob(TEMPLATE_GLOB)):
        destination = target / template.name
        if destination.exists():
            continue
        partial = target / f".{template.name}.{os.getpid()}.seeding"
        shutil.copyfile(template, partial)
        try:  # a link, not a rename: never replaces a file that appeared meanwhile; never half a file
            os.link(partial, destination)
            copied.append(template.name)
        except FileExistsError:
            pass  # another process seeded it first
        finally:
            partial.unlink()
    return copied


def ensure_writable(folder: Path) -> None:
    """Refuse to install into the packaged defaults (site-packages): installs go to TEMPLATES_DIR."""
    if folder.resolve() == PACKAGED_DIR.resolve():
        raise PackagedTemplatesReadOnly(
            f"Refusing to write into the packaged templates ({PACKAGED_DIR}); install through the app, whose "
            "TEMPLATES_DIR (TRIPARTITO_TEMPLATES_DIR) holds the institution's copy.")


def logos_dir() -> Path | None:
    """The institution's logos (``st_crm.png``, ``st_rrocm.png``, ``ppt.png``): ``<DATA_DIR>/logos`` within an
    app, ``TRIPARTITO_LOGOS_DIR`` outside one; None: the templates' own plain marks are used."""
    if has_app_context():
        configured = current_app.config.get("LOGOS_DIR")
        if configured:
            return Path(configured)
        data_dir = current_app.config.get("DATA_DIR")
        return Path(data_dir) / "logos" if data_dir else None
    configured = os.environ.get("TRIPARTITO_LOGOS_DIR")
    return Path(configured) if configured else None
