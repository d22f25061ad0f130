"""Stand-ins for the outside processes, for tests that are not about them."""

from __future__ import annotations

import io
import threading

from pypdf import PdfWriter


class CountingConverter:
    """Turns any .docx into a one-page PDF and counts the conversions (the real pool is tested on its own)."""

    def __init__(self) -> None:
        self.conversions = 0
        self.lock = threading.Lock()

    def convert(self, docx: bytes, *, pdfa: bool = True, timeout: float | None = None) -> bytes:
        assert docx.startswith(b"PK"), "the converter must be given a .docx"
        with self.lock:
            self.conversions += 1
        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        writer.add_metadata({"/Title": f"conversion {self.conversions}"})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def ping(self) -> dict:
        return {"ok": True, "kind": "fake"}

    def start(self) -> None:
        """Nothing to start."""

    def stop(self) -> None:
        """Nothing to stop."""
