"""Replacing an institutional Word template: only if the template doctor accepts it; the previous file is kept.

The renderer's cache notices the new file (mtime and size), and issuing fingerprints the template, so the
next issue of any document of that kind makes a new version with the new template.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import datetime
from pathlib import Path

from service.common.i18n import LANGUAGES, N_
from service.errors import NotFound, RuleViolation
from service.templating import kinds
from service.templating.doctor import Problem, check_untrusted
from service.templating.location import ensure_writable


class TemplateRefused(RuleViolation):
    """The doctor found problems; `problems` says what and where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        if len(problems) > 1:
            super().__init__(N_("The template was refused: %(problem)s (and %(more)s more problems)"), field="file",
                             params={"problem": str(problems[0]), "more": len(problems) - 1})
        else:
            super().__init__(N_("The template was refused: %(problem)s"), field="file",
                             params={"problem": str(problems[0])})

    def payload(self) -> dict:
        return {**super().payload(), "problems": [str(p) for p in self.problems]}


def template_path(kind: str, language: str) -> Path:
    if kind not in kinds.KINDS or language not in LANGUAGES:
        raise NotFound(N_("No template %(kind)s.%(language)s: kinds are %(kinds)s; languages %(languages)s."),
                       params={"kind": kind, "language": language, "kinds": list(kinds.KINDS),
                               "languages": list(LANGUAGES)})
    return kinds.get_kind(kind).template_path(language)


def describe(kind: str, language: str) -> dict:
    path = template_path(kind, language)
    content = path.read_bytes()
    return {"kind": kind, "language": language, "file": path.name, "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
            "previous_versions": len(list((path.parent / "previous").glob(f"{kind}.{language}.*.docx")))}


def replace_template(kind: str, language: str, content: bytes, *, now: datetime) -> dict:
    """Install `content` as the template of `kind` in `language`, keeping the file it replaces."""
    path = template_path(kind, language)
    problems = check_untrusted(content, kind)  # the upload gate, then the doctor in a limited child
    if problems:
        raise TemplateRefused(problems)
    ensure_writable(path.parent)  # the institution's TEMPLATES_DIR, never the packaged defaults
    previous = path.parent / "previous"
    previous.mkdir(exist_ok=True)
    (previous / f"{kind}.{language}.{now:%Y%m%dT%H%M%S%fZ}.docx").write_bytes(path.read_bytes())
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(handle.name, path)  # atomic: a concurrent render sees the old file or the new one
    return describe(kind, language)
