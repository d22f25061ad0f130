"""The issued dossier read by a second library (pikepdf) and by pdftotext: the PDF/A-2b clauses, the parts' tags,
one run of printed page numbers, a contents page giving each part's start page, and the annex under the
dossier's header and footer."""

from __future__ import annotations

import io
import re
import subprocess

import pikepdf
import pytest

from tests.documents.test_issuing_libreoffice import demo_year, issue  # noqa: F401  (the fixture)

pytestmark = pytest.mark.libreoffice

FORBIDDEN_ACTIONS = {"/JavaScript", "/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/SubmitForm",
                     "/Hide", "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"}


def page_texts(pdf: bytes) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True)
    return done.stdout.decode().split("\f")[:-1]


def fonts_of(resources: pikepdf.Dictionary, seen: dict[str, bool]) -> None:
    for font in (resources.get("/Font") or {}).values():
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0] if descendants else font).get("/FontDescriptor")
        seen[str(font.get("/BaseFont"))] = descriptor is not None and any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            fonts_of(xobject.Resources, seen)


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_dossier_is_a_pdfa_2b_that_keeps_the_parts_tags(client, auth, demo_year, language):  # noqa: F811
    document, pdf = issue(client, auth, "dossier", language)
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        identifier = opened.trailer.get("/ID")
        assert identifier is not None
        assert len(identifier) == 2
        assert len(bytes(identifier[0])) >= 16
        assert not opened.is_encrypted
        with opened.open_metadata(set_pikepdf_as_editor=False) as xmp:
            assert (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) == ("2", "B")
        intents = opened.Root.get("/OutputIntents")
        assert intents is not None
        assert intents[0].get("/S") == "/GTS_PDFA1"
        assert "/DestOutputProfile" in intents[0]
        fonts: dict[str, bool] = {}
        for page in opened.pages:
            fonts_of(page.Resources, fonts)
        assert fonts
        assert all(fonts.values()), [name for name, embedded in fonts.items() if not embedded]
        assert "/StructTreeRoot" in opened.Root
        assert opened.Root.MarkInfo.Marked
        assert "/JavaScript" not in opened.Root.get("/Names", {})
        assert "/AA" not in opened.Root
        assert isinstance(opened.Root.get("/OpenAction", pikepdf.Array()), pikepdf.Array)  # a destination
        for obj in opened.objects:
            if isinstance(obj, pikepdf.Dictionary):
                assert "/JS" not in obj
                assert "/AA" not in obj
                if obj.get("/Type") == "/Action" or ("/S" in obj and "/Next" in obj):
                    assert obj.get("/S") not in FORBIDDEN_ACTIONS
                action = obj.get("/A") if obj.get("/Subtype") == "/Link" else None
                assert action is None or action.get("/S") not in FORBIDDEN_ACTIONS
        assert next(str(item.title) for item in opened.open_outline().root) in ("Portada", "Cover")
        # the laid-in annex pages are in the tag tree: a /Figure each, with alt text, reached from the page
        top = opened.Root.StructTreeRoot.K
        top = top if isinstance(top, pikepdf.Dictionary) else top[0]
        figures = [kid for kid in top.K if kid.get("/S") == "/Figure"
                   and str(kid.get("/Alt", "")).startswith(("Anexo:", "Annex:"))]
        assert figures
        last = opened.pages[-1]
        assert figures[-1].Pg.objgen == last.obj.objgen
        count = len(figures)
        assert str(figures[-1].Alt).endswith(f"página {count} de {count}; original en español." if language == "es"
                                             else f"page {count} of {count}; original in Spanish.")
        marks = pikepdf.NumberTree(opened.Root.StructTreeRoot.ParentTree)[int(last.StructParents)]
        assert marks[int(figures[-1].K)].objgen == figures[-1].objgen
    assert document["pdfa"] is True


@pytest.mark.parametrize("language", ["es", "en"])
def test_page_n_prints_n_and_the_contents_give_each_parts_start_page(client, auth, demo_year,  # noqa: F811
                                                                       language):
    document, pdf = issue(client, auth, "dossier", language)
    pages = page_texts(pdf)
    total = len(pages)
    assert total == document["pages"] > 5
    word, of = ("Página", "de") if language == "es" else ("Page", "of")
    for number, text in enumerate(pages, start=1):
        assert re.search(rf"{word} {number} {of} {total}\b", text), (number, text[-300:])
    # the contents (first page) list each part's reference and start page; the part starts there
    rows = re.findall(r"(ET-CRM/\d{4}/[A-Z]{3}-\d{3})\s+(\d+)\s*$", pages[0], flags=re.MULTILINE)
    assert len(rows) == 4  # monitoring report, recommendations, two minutes
    for reference, start in rows:
        first_page = pages[int(start) - 1]
        assert reference in first_page
        assert int(start) == 2 or reference not in pages[int(start) - 2]  # page 1: the contents
    annex_start = int(re.search(r"^\s*5\s+(?:Anexo|Annex)\b.*?(\d+)\s*$", pages[0], flags=re.MULTILINE).group(1))
    assert ("Anexo: nota conceptual" if language == "es" else "Annex: concept note") in pages[annex_start - 1]
    if language == "en":  # the concept note is Spanish: the English dossier says so on the annex sheet
        assert "Available in Spanish only" in pages[annex_start - 1]
    # the annex pages: the note's own text under the dossier's header and footer
    assert "Nota conceptual de la Presidencia Pro" in " ".join(pages[annex_start:])
    for text in pages[annex_start:]:
        assert "EQUIPO TRIPARTITO" in text or "TRIPARTITE TEAM" in text
        assert document["reference"] in text
