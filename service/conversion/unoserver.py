"""unoserver's XML-RPC calls (``info`` and ``convert``) with a timeout, and what they send LibreOffice."""

from __future__ import annotations

import http.client
import xmlrpc.client
from collections.abc import Sequence

API_VERSION = "3"  # unoserver's XML-RPC API; 3.x clients and servers speak it
# PDF/A-2b (see shared/TOOLCHAIN.md), tagged (headings, tables, alt text as structure; /Lang from the document's
# language) and with the document's title, not the file name, in the viewer's title bar.
PDFA_OPTIONS = ("SelectPdfVersion=2", "UseTaggedPDF=true", "DisplayPDFDocTitle=true")
# Only the Word import filter: bytes that are really RTF, HTML, ODT... must not reach another import filter.
DOCX_FILTER = "MS Word 2007 XML"
BROKEN = (OSError, http.client.HTTPException, xmlrpc.client.ProtocolError)  # transport-level failures

class _TimeoutTransport(xmlrpc.client.Transport):
    """xmlrpc's default transport has no timeout: a hung LibreOffice would block the caller forever."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host):  # type: ignore[no-untyped-def]
        conn = super().make_connection(host)
        conn.timeout = self._timeout
        return conn


def _proxy(host: str, port: int, timeout: float) -> xmlrpc.client.ServerProxy:
    return xmlrpc.client.ServerProxy(
        f"http://{host}:{port}", transport=_TimeoutTransport(timeout), allow_none=True
    )


def rpc_info(host: str, port: int, timeout: float = 2.0) -> dict:
    """unoserver's ``info`` call; raises OSError/xmlrpc errors when the server is not answering."""
    with _proxy(host, port, timeout) as proxy:
        info = proxy.info()
    if info.get("api") != API_VERSION:
        raise RuntimeError(f"unoserver at {host}:{port} speaks API {info.get('api')}, need {API_VERSION}")
    return {"unoserver": info.get("unoserver"), "libreoffice": info.get("libreoffice_version")}


def rpc_convert(host: str, port: int, docx: bytes, options: Sequence[str], timeout: float) -> bytes:
    """One DOCX -> PDF conversion on one unoserver.

    We call XML-RPC ourselves instead of ``UnoClient.convert``: that one has no timeout, asks ``info``
    before every call and silently retries a dead server for ~50 s.
    """
    with _proxy(host, port, timeout) as proxy:
        result = proxy.convert(  # update_index off: it refreshes the document twice to rebuild tables of
            # contents, which our templates do not have (PAGE, NUMPAGES and the dossier's PAGEREF fields are
            # computed at layout anyway); measured 2.37 s -> 1.96 s for the 13-page dossier under load 12
            None, xmlrpc.client.Binary(docx), None, "pdf", None, list(options), False, DOCX_FILTER, None
        )
    data = result.data if isinstance(result, xmlrpc.client.Binary) else b""
    if not data.startswith(b"%PDF"):
        raise RuntimeError("unoserver returned no PDF")
    return data
