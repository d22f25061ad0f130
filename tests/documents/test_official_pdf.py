"""An independent check of the issued PDFs (issue 12 items 6, 7): every single-document kind in both languages,
issued from the demo through the real LibreOffice, opened with a second library (pikepdf) and pdftotext.

PDF/A-2b clauses: trailer /ID, XMP identification (part 2, conformance B), an output intent, every font embedded,
no encryption, no JavaScript or launch actions. Accessibility: tagged (MarkInfo /Marked, a structure tree with
headings and tables), /Lang, the title shown in the viewer's title bar. Print: page N says it is page N of M, and
the institutional blocks are on the page.
"""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pytest

from service.conversion.protocol import PdfConverter
from service.demo import load_demo
from tests.conftest import NOW
from tests.documents.test_issuing_libreoffice import subject_of

pytestmark = pytest.mark.libreoffice

KINDS = ("minutes", "recommendations", "ppt_feedback", "monitoring_report", "work_plan")
FORBIDDEN_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/ResetForm", "/Rendition", "/Sound",
                     "/Movie"}


@pytest.fixture
def demo_with_libreoffice(app, libreoffice: PdfConverter):
    load_demo(2026, now=NOW)
    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, libreoffice
    yield
    services.converter = saved


def issued_pdf(client, auth, kind: str, language: str) -> bytes:
    response = client.post("/api/v1/documents", headers=auth["st_crm"],
                           json={"kind": kind, "subject_id": subject_of(kind), "language": language})
    assert response.status_code == 201, response.json
    return client.get(f"/api/v1/documents/{response.json['id']}/pdf", headers=auth["BZ"]).data


def page_texts(pdf: bytes) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True)
    pages = done.stdout.decode().split("\f")
    return [" ".join(page.split()) for page in pages[:-1]]  # the text ends with a form feed


def fonts_of(pdf: pikepdf.Pdf):
    """Every font dictionary the pages use, descendant fonts of Type0 fonts and fonts of form XObjects included."""
    seen: set[tuple[int, int]] = set()

    def walk(resources):
        if resources is None:
            return
        for font in (resources.get("/Font") or {}).values():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            yield font
            yield from font.get("/DescendantFonts", [])
        for xobject in (resources.get("/XObject") or {}).values():
            if xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                yield from walk(xobject.get("/Resources"))

    for page in pdf.pages:
        yield from walk(page.obj.get("/Resources"))


def elements(node, kind: str) -> list[pikepdf.Dictionary]:
    """The structure elements of one type under `node`, in reading order."""
    found, stack = [], [node]
    while stack:
        item = stack.pop(0)
        if isinstance(item, pikepdf.Dictionary):
            if item.get("/S") == kind:
                found.append(item)
            kids = item.get("/K")
            stack[:0] = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    return found


def structure_types(pdf: pikepdf.Pdf) -> set[str]:
    """The structure element types, resolved through the RoleMap (custom paragraph styles map to P)."""
    role_map = pdf.Root.StructTreeRoot.get("/RoleMap") or {}
    found: set[str] = set()
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                kind = str(node.S)
                found.add(str(role_map.get(kind, kind)))
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(kids)
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    return found


def actions_in(pdf: pikepdf.Pdf) -> set[str]:
    found = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary):
            if "/S" in obj and str(obj.S) in FORBIDDEN_ACTIONS:
                found.add(str(obj.S))
            if "/JS" in obj or "/AA" in obj:
                found.add("/JS" if "/JS" in obj else "/AA")
    return found


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_issued_pdf_meets_pdfa2b_is_tagged_and_prints_its_blocks_and_page_numbers(client, auth,
                                                                                 demo_with_libreoffice, kind,
                                                                                 language):
    data = issued_pdf(client, auth, kind, language)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        # PDF/A-2b
        ids = pdf.trailer.get("/ID")
        assert ids is not None
        assert len(ids) == 2
        meta = pdf.open_metadata()
        assert meta.get("pdfaid:part") == "2"
        assert meta.get("pdfaid:conformance") == "B"
        intents = pdf.Root.get("/OutputIntents")
        assert intents
        assert all(intent.get("/DestOutputProfile") is not None for intent in intents)
        assert str(intents[0].S) == "/GTS_PDFA1"
        for font in fonts_of(pdf):
            if font.get("/Subtype") in ("/Type0", "/Type3"):
                continue  # a Type0 font's glyphs are in its descendant; Type3 glyphs are drawn in the file
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None, f"{font.get('/BaseFont')} has no descriptor"
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), \
                f"{font.get('/BaseFont')} is not embedded"
        assert not pdf.is_encrypted
        # LibreOffice opens at page 1 with a destination array: allowed; an action dictionary would not be
        assert not isinstance(pdf.Root.get("/OpenAction"), pikepdf.Dictionary)
        assert "/JavaScript" not in (pdf.Root.get("/Names") or {})
        assert not actions_in(pdf)
        # accessibility
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang).startswith(language)
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.get("/Title"))
        assert {"/H1", "/Table", "/TR", "/TD", "/TH"} <= structure_types(pdf)
        # every data table names its columns (header row) or rows (label column) with /TH cells; the first
        # table is the symbol block, a layout table LibreOffice cannot mark as an artifact from Word
        tables = elements(pdf.Root.StructTreeRoot, "/Table")
        assert all(elements(table, "/TH") for table in tables[1:]), kind
        pages = len(pdf.pages)
    texts = page_texts(data)
    assert len(texts) == pages
    for number, text in enumerate(texts, start=1):
        expected = f"Página {number} de {pages}" if language == "es" else f"Page {number} of {pages}"
        assert expected in text
    whole = " ".join(texts)
    spanish = language == "es"
    for block in ("Distr.: General", "Original: español" if spanish else "Original: Spanish",
                  "Fecha de emisión:" if spanish else "Date of issue:",
                  "conforme al mecanismo de trabajo" if spanish else "under the mechanism that governs",
                  "más alta consideración" if spanish else "highest consideration",
                  "San José, Costa Rica,"):
        assert block in whole, f"{block!r} missing from the {kind} PDF"
    if kind == "minutes":  # issued only once the three approved: the endorsement block names them
        assert ("Aprobación" if spanish else "Endorsement") in whole
        assert ("sin aprobaciones registradas" if spanish else "no approvals by the parties") not in whole
    else:
        assert ("secretarías técnicas del Equipo Tripartito" if spanish
                else "technical secretariats of the Tripartite Team") in whole
