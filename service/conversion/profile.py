"""A LibreOffice user profile hardened before its first start, and the command line that starts unoserver.

Every converter gets its own fresh profile directory; before LibreOffice starts we write
``user/registrymodifications.xcu`` so the very first document it opens already runs with:

* ``BlockUntrustedRefererLinks`` -- a DOCX whose image is an external link (``TargetMode="External"``)
  would otherwise make LibreOffice fetch the URL (http://, SSRF) or read a local file (file://) and
  embed it into the PDF;
* macros off (security level "very high", macro execution disabled, Basic never run);
* no online update check.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

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
