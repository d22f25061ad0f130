"""A stand-in PDF converter for page tests: a real (one-page) PDF, without LibreOffice."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfWriter


class StandInConverter:
    def __init__(self) -> None:
        self.calls = 0

    def convert(self, docx: bytes, *, pdfa: bool = True, timeout: float | None = None) -> bytes:
        self.calls += 1
        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        writer.add_metadata({"/Title": f"stand-in {self.calls}"})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def ping(self) -> dict[str, Any]:
        return {"ok": True, "kind": "stand-in"}

    def start(self) -> None: ...

    def stop(self) -> None: ...
