"""Build each document kind's context (see schemas/rendering.py) from the database.

A builder returns the context without the issue-specific header fields (reference, version, issued_on),
which the register adds; what it returns is what gets frozen with the issued document.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from service.errors import NotFound

ContextBuilder = Callable[[int, str, date], dict[str, Any]]

_BUILDERS: dict[str, ContextBuilder] = {}


def builder(kind: str) -> Callable[[ContextBuilder], ContextBuilder]:
    def register(function: ContextBuilder) -> ContextBuilder:
        _BUILDERS[kind] = function
        return function

    return register


def build_context(kind: str, subject_id: int, language: str, today: date) -> dict[str, Any]:
    from service.documents.contexts import followups, minutes  # noqa: F401 - they register their builders

    try:
        build = _BUILDERS[kind]
    except KeyError:
        raise NotFound(f"Documents of kind {kind!r} cannot be issued yet.", field="kind") from None
    return build(subject_id, language, today)


