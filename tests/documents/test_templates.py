"""The shipped Word templates: one per kind and language, house layout, portable fonts, LibreOffice-safe tables."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from service.templating.kinds import KINDS
from service.templating.render import render_docx
from tests.documents import samples
from tests.documents.samples import part_xml

TEMPLATES = [KINDS[kind].template_path(lang) for kind in KINDS for lang in ("es", "en")]
FONTS = {"Carlito", "Liberation Sans", "Liberation Mono"}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_each_template_has_letterhead_symbol_block_and_page_x_of_y(path: Path) -> None:
    data = path.read_bytes()
    header, footer, body = (part_xml(data, f"word/{n}.xml") for n in ("header1", "footer1", "document"))
    assert all(name in header for name in ("CRM", "RROCM", "{{ header.ppt_country_name }}"))
    spanish = path.name.endswith(".es.docx")
    for tag in ("{{ header.reference }}", "{{ header.issued_on }}", "{{ header.original }}", "{{ header.title }}",
                "Distr.: ", "Fecha de emisión: " if spanish else "Date of issue: "):
        assert tag in body
    words = ("Página ", " de ") if spanish else ("Page ", " of ")
    assert all(w in footer for w in words)
    assert " PAGE " in footer
    assert " NUMPAGES " in footer


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_styles_name_portable_fonts_for_every_script(path: Path) -> None:
    styles = part_xml(path.read_bytes(), "word/styles.xml")
    for fonts in re.findall(r"<w:rFonts [^>]*/>", styles):
        assert "Theme" not in fonts  # theme fonts would fall back to DejaVu in the PDF
        named = dict(re.findall(r'w:(ascii|hAnsi|eastAsia|cs)="([^"]+)"', fonts))
        assert set(named) == {"ascii", "hAnsi", "eastAsia", "cs"}
        assert set(named.values()) <= FONTS


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_tables_have_fixed_layout_column_and_cell_widths(path: Path) -> None:
    document = docx.Document(str(path))
    tables = list(document.element.body.iter(qn("w:tbl")))
    tables += [t for s in document.sections for t in s.header._element.iter(qn("w:tbl"))]
    assert tables
    for table in tables:
        assert table.find(f"{qn('w:tblPr')}/{qn('w:tblLayout')}").get(qn("w:type")) == "fixed"
        # a width is a number, or filled in at render time (the monitoring matrix's columns, per question)
        assert all(col.get(qn("w:w")).startswith("{{") or int(col.get(qn("w:w"))) > 0
                   for col in table.iter(qn("w:gridCol")))
        assert all(cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}") is not None for cell in table.iter(qn("w:tc")))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_have_three_logo_slots_and_the_verification_qr_placeholder_with_alt_text_and_no_external_links(
        path: Path) -> None:
    from service.templating.qr import QR_PLACEHOLDER_PNG

    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        rels = "".join(zf.read(n).decode() for n in names if n.endswith(".rels"))
        media = sorted(n for n in names if n.startswith("word/media/"))
        assert [n for n in media if n.startswith("word/media/logo_")] == [
            "word/media/logo_ppt.png", "word/media/logo_st_crm.png", "word/media/logo_st_rrocm.png"]
        # the footer's one other image: the blank square issuing turns into the verification QR code
        assert [zf.read(n) for n in media if not n.startswith("word/media/logo_")] == [QR_PLACEHOLDER_PNG]
    alts = re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', part_xml(path.read_bytes(), "word/header1.xml"))
    assert len(alts) == 3
    assert all(alt.startswith(("Logotipo: ", "Logo: ")) for alt in alts)
    footer_alts = re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', part_xml(path.read_bytes(), "word/footer1.xml"))
    assert footer_alts
    assert all("QR" in alt for alt in footer_alts)
    assert 'TargetMode="External"' not in rels


def test_build_script_reproduces_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import scripts.build_templates as build

    monkeypatch.setattr(build, "OUT", tmp_path)
    first = build.build("minutes", "es").read_bytes()
    assert build.build("minutes", "es").read_bytes() == first


@pytest.mark.libreoffice
def test_minutes_pdf_shows_user_text_verbatim_and_page_numbers(tmp_path: Path) -> None:
    (tmp_path / "minutes.docx").write_bytes(render_docx("minutes", "es", samples.minutes()))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "minutes.docx")],
                   check=True, capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "minutes.pdf"), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    fonts = subprocess.run(["pdffonts", str(tmp_path / "minutes.pdf")], check=True, capture_output=True,
                           text=True, timeout=60).stdout
    assert re.search(r"Página 1 de [2-9]", text)
    for hostile in ("A & B < C", '"quotes" and ’curly’', "ñáéíóú", "{% if %}", "</w:t><w:t>", "🇭🇳✅"):
        assert hostile in text
    assert "Primera línea del acuerdo" in text
    assert "Segunda línea" in text
    assert "Carlito" in fonts
    assert "LiberationSans" in fonts


def test_rendered_documents_open_in_python_docx_with_letterhead_filled(tmp_path: Path) -> None:
    data = render_docx("dossier_cover", "en", samples.dossier_cover("en"))
    header = docx.Document(io.BytesIO(data)).sections[0].header
    text = " ".join(c.text for t in header.tables for row in t.rows for c in row.cells)
    assert "Pro Tempore Presidency\nHonduras" in text  # the country on its own line under the party
