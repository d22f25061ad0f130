"""LibreOffice on this host: hardened profile, command lines, warm-up document, the process group of one
unoserver (start, readiness, memory, kill), and a one-shot ``soffice --convert-to``.

Every converter gets its own fresh profile directory; before LibreOffice starts we write
``user/registrymodifications.xcu`` so the very first document it opens already runs with:

* ``BlockUntrustedRefererLinks`` -- a DOCX whose image is an external link (``TargetMode="External"``)
  would otherwise make LibreOffice fetch the URL (http://, SSRF) or read a local file (file://) and
  embed it into the PDF;
* macros off (security level "very high", macro execution disabled, Basic never run);
* no online update check.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import xmlrpc.client
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import quoteattr

from service.conversion.queue import PDFA_OPTIONS, rpc_convert, rpc_info

_SCRIPTING = "/org.openoffice.Office.Common/Security/Scripting"
_UPDATE = "/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments"

# (node path, property name, xs type, value)
HARDENING: tuple[tuple[str, str, str, str], ...] = (
    (_SCRIPTING, "BlockUntrustedRefererLinks", "xs:boolean", "true"),
    (_SCRIPTING, "MacroSecurityLevel", "xs:int", "3"),
    (_SCRIPTING, "DisableMacrosExecution", "xs:boolean", "true"),
    (_SCRIPTING, "OfficeBasic", "xs:int", "0"),
    (_SCRIPTING, "ExecutePlugins", "xs:boolean", "false"),
    (_UPDATE, "AutoCheckEnabled", "xs:boolean", "false"),
)
# The JSON form is needed: the older "pdf:writer_pdf_Export:SelectPdfVersion=2" exits 0 but writes plain PDF.
_PAGE = os.sysconf("SC_PAGE_SIZE")
COLD_PDFA_TARGET = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def registry_xml() -> str:
    """The ``registrymodifications.xcu`` text carrying the hardening settings."""
    items = "\n".join(
        f'<item oor:path={quoteattr(path)}><prop oor:name="{name}" oor:op="fuse" oor:type="{kind}">'
        f"<value>{value}</value></prop></item>"
        for path, name, kind, value in HARDENING
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}\n</oor:items>\n"
    )


def write_hardened_profile(profile_dir: Path) -> Path:
    """(Re)create ``profile_dir`` as an empty profile holding only the hardening settings.

    Starting from an empty folder also avoids a stale ``.lock`` left by a killed LibreOffice.
    """
    shutil.rmtree(profile_dir, ignore_errors=True)
    profile_dir.mkdir()  # not parents=True: never resurrect a pool folder that stop() just removed
    user = profile_dir / "user"
    user.mkdir()
    (user / "registrymodifications.xcu").write_text(registry_xml(), encoding="utf-8")
    return profile_dir


def tiny_docx() -> bytes:
    """A minimal valid DOCX, used to warm an instance up (first conversion loads Writer)."""
    ns = "http://schemas.openxmlformats.org/"
    parts = {
        "[Content_Types].xml": (
            f'<Types xmlns="{ns}package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{ns}package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{ns}officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            f'<w:document xmlns:w="{ns}wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>warm-up</w:t>'
            "</w:r></w:p></w:body></w:document>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def unoserver_argv(uno_python: str, port: int, uno_port: int, profile: Path) -> list[str]:
    """unoserver on loopback only, with its own XML-RPC and UNO ports and our profile."""
    return [
        uno_python, "-m", "unoserver.server",
        "--interface", "127.0.0.1", "--uno-interface", "127.0.0.1",
        "--port", str(port), "--uno-port", str(uno_port),
        "--user-installation", str(profile),
    ]  # fmt: skip


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def group_pids(pgid: int, name: str | None = None) -> list[int]:
    """Live (non-zombie) processes of a process group, optionally only those called ``name``.

    Zombies are skipped: where PID 1 does not reap orphans (some containers) killed soffice.bin
    processes stay listed as ``Z`` although they hold no memory and run nothing.
    """
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        comm_end = stat.rfind(")")
        comm = stat[stat.find("(") + 1 : comm_end]
        fields = stat[comm_end + 2 :].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state not in ("Z", "X") and (name is None or comm == name[:15]):
            found.append(int(entry))
    return found


def kill_groups_mentioning(marker: str) -> None:
    """SIGKILL the process group of every process whose command line contains ``marker`` (not our own)."""
    for entry in os.listdir("/proc"):
        with contextlib.suppress(OSError, ValueError):
            if entry.isdigit() and marker.encode() in Path(f"/proc/{entry}/cmdline").read_bytes():
                pgid = os.getpgid(int(entry))
                if pgid != os.getpgrp():
                    os.killpg(pgid, signal.SIGKILL)


def group_rss_mb(pgid: int) -> float:
    """Resident memory of a whole process group (unoserver + oosplash + soffice.bin), in MiB."""
    total = 0
    for pid in group_pids(pgid):
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total * _PAGE / 2**20


class ServerProcess:
    """One unoserver and the LibreOffice it starts, alone in their own session / process group."""

    def __init__(self, argv: Sequence[str], port: int, log_path: Path, profile: Path | None = None) -> None:
        self.port, self.profile = port, profile
        if log_path.exists():  # keep the previous run's log: it says why that instance died
            log_path.replace(log_path.with_suffix(".previous.log"))
        with open(log_path, "wb") as log:  # the child keeps its own copy of the descriptor
            self._popen = subprocess.Popen(
                list(argv), stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
            )
        self.pid = self._popen.pid  # == process group id, thanks to start_new_session

    def alive(self) -> bool:
        return self._popen.poll() is None

    def office_alive(self) -> bool:
        return self.alive() and bool(group_pids(self.pid, "soffice.bin"))

    def rss_mb(self) -> float:
        return group_rss_mb(self.pid)

    def wait_ready(self, deadline: float, warm_up: bool = True) -> bool:
        """Poll until the server answers ``info`` (and converts a tiny document) or the deadline passes."""
        while time.monotonic() < deadline and self.alive():
            try:
                rpc_info("127.0.0.1", self.port, timeout=2.0)
                if warm_up:
                    rpc_convert("127.0.0.1", self.port, tiny_docx(), PDFA_OPTIONS, timeout=30.0)
                return True
            except (OSError, xmlrpc.client.Error, RuntimeError):
                time.sleep(0.2)
        return False

    def kill(self) -> None:
        """SIGKILL the whole group at once: for a hung or crashed instance there is nothing to save."""
        self._signal_group(signal.SIGKILL)
        self._reap(5.0)
        self._await_group_gone()
        self._drop_profile()

    def terminate(self, grace: float = 5.0) -> None:
        """Graceful stop, then SIGKILL for whatever is left of the group.

        SIGTERM goes to unoserver only: it forwards it to LibreOffice and exits cleanly (~1.5 s). A SIGTERM
        to the whole group leaves unoserver and oosplash hanging with a zombie soffice.bin.
        """
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self._reap(grace)
        self._signal_group(signal.SIGKILL)
        self._reap(5.0)
        self._await_group_gone()
        self._drop_profile()

    def _await_group_gone(self, timeout: float = 5.0) -> None:
        """Return once no process of the group runs: grandchildren (soffice.bin) need a moment to die."""
        deadline = time.monotonic() + timeout
        while group_pids(self.pid) and time.monotonic() < deadline:
            time.sleep(0.02)

    def _drop_profile(self) -> None:
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)

    def _signal_group(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signum)

    def _reap(self, timeout: float) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(timeout)
