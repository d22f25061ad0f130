"""Tripartito: the paperwork and calendar of the Equipo Tripartito (CRM · RROCM · PPT).

The app factory lives in `service.app` and is imported on first use of `service.create_app`: a sandboxed child
that imports `service.uploads.pdfcheck` to read one upload must not pay for Flask and every area first (~1 s
a child, twice an upload, measured here).
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from service.app import create_app

        return create_app
    raise AttributeError(f"module 'service' has no attribute {name!r}")
