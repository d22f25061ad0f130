"""Stand-ins for the outside processes, for tests that are not about them."""

from __future__ import annotations

import html
import io
import re
import threading
import zipfile
from pathlib import Path

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
        writer.add_metadata({"/Title": f"conversion {self.conversions}", **_core_properties(docx)})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def ping(self) -> dict:
        return {"ok": True, "kind": "fake"}

    def start(self) -> None:
        """Nothing to start."""

    def stop(self) -> None:
        """Nothing to stop."""


def _core_properties(docx: bytes) -> dict[str, str]:
    """The Word file's title and subject, which LibreOffice carries into the PDF's metadata (as the real one does)."""
    try:
        core = zipfile.ZipFile(io.BytesIO(docx)).read("docProps/core.xml").decode()
    except (KeyError, zipfile.BadZipFile):
        return {}
    found = {key: re.search(rf"<dc:{key}>(.*?)</dc:{key}>", core, re.DOTALL) for key in ("title", "subject")}
    return {f"/{key.title()}": html.unescape(match.group(1)) for key, match in found.items() if match}


def fake_python(path: Path, *modules: str) -> Path:
    """An executable answering `-c "import a, b"` with success only if it "has" every module named."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wanted = " ".join(modules)
    path.write_text(
        "#!/bin/sh\n"
        f'have="{wanted}"\n'
        'for name in $(printf %s "$2" | sed "s/^import //; s/,/ /g; s/\\.[a-z]*//g"); do\n'
        '  case " $have " in *" $name "*) ;; *) exit 1 ;; esac\n'
        "done\n"
        "exit 0\n"
    )
    path.chmod(0o755)
    return path
