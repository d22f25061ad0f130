"""The slow one-shot ``soffice --convert-to`` (a fresh hardened profile per document), kept for comparison."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from service.conversion.profile import write_hardened_profile
from service.conversion.protocol import ConversionFailed, ConversionTimeout

# The JSON form is needed: the older "pdf:writer_pdf_Export:SelectPdfVersion=2" exits 0 but writes plain PDF.
COLD_PDFA_TARGET = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def soffice_once(docx: bytes, pdfa: bool, timeout: float, workdir: Path | None = None) -> bytes:
    """A cold ``soffice --headless --convert-to pdf`` with a fresh hardened profile (what the pool avoids).

    Raises TimeoutError (the whole process group is killed) or RuntimeError.
    """
    with tempfile.TemporaryDirectory(prefix="cold-soffice-", dir=workdir) as tmp:
        profile = write_hardened_profile(Path(tmp) / "profile")
        source, outdir = Path(tmp) / "document.docx", Path(tmp) / "out"
        source.write_bytes(docx)
        argv = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                "--convert-to", COLD_PDFA_TARGET if pdfa else "pdf", "--outdir", str(outdir), str(source)]  # fmt: skip
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            output, _ = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)  # soffice.bin is a grandchild: kill the whole group
            child.communicate()
            raise TimeoutError(f"soffice took longer than {timeout:g} s") from None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)  # nothing of it may outlive the call
        pdf = outdir / "document.pdf"
        if child.returncode != 0 or not pdf.exists():
            tail = output.decode(errors="replace")[-500:]
            raise RuntimeError(f"soffice failed (exit {child.returncode}): {tail}")
        return pdf.read_bytes()



class ColdSofficeConverter:
    """One-shot ``soffice --convert-to`` per document with a fresh profile (~2 s each; for comparison)."""

    def __init__(self, timeout: float = 60, workdir: Path | None = None) -> None:
        self.timeout, self.workdir = timeout, workdir

    def convert(self, docx: bytes, *, pdfa: bool = True, timeout: float | None = None) -> bytes:
        try:
            return soffice_once(docx, pdfa, timeout or self.timeout, self.workdir)
        except TimeoutError as exc:
            raise ConversionTimeout(str(exc)) from exc
        except RuntimeError as exc:
            raise ConversionFailed(str(exc)) from exc

    def ping(self) -> dict[str, Any]:
        return {"ok": True, "kind": "cold", "state": "ready", "instances": [], "conversions": 0, "restarts": 0}

    def start(self) -> None:  # every conversion launches its own soffice
        pass

    def stop(self) -> None:
        pass
