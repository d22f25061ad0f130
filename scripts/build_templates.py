"""Generate the shipped Word templates in templates_docx/ (python-docx), reproducibly.

    .venv/bin/python scripts/build_templates.py            # all kinds, both languages
    .venv/bin/python scripts/build_templates.py minutes    # one kind

The committed .docx files are what secretariat staff edit afterwards in Word or LibreOffice; rerunning this
script overwrites their edits, so run it only to reset a template to the house design. Every Jinja tag is
written as a run of its own so no tag is ever split across runs, and every table gets autofit off plus
column AND cell widths (LibreOffice ignores cell widths alone, Word ignores column widths alone).
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "templates_docx"
sys.path.insert(0, str(ROOT))
from service.reference.data import official_name  # noqa: E402  (the one spelling of each official name)
from service.templating.qr import QR_PLACEHOLDER_PNG  # noqa: E402  (the footer image issuing turns into the QR)

BODY_FONT = "Carlito"             # metric-compatible with Calibri (Windows staff see Calibri's layout)
HEADING_FONT = "Liberation Sans"  # metric-compatible with Arial
NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
HEAD_FILL = "1F3864"   # table header rows
LABEL_FILL = "E8EEF6"  # label column of key/value tables
RULE = "8EA9C8"        # table borders
TEXT_WIDTH_CM = 17.0   # Letter, 2.3 cm margins
FIXED_DATE = datetime(2026, 1, 1)  # core properties: the same bytes on every run

Part = str | tuple[str, dict]  # a run: plain text / Jinja tag, or (text, {"bold": True, ...})


# ---------------------------------------------------------------- styles


def _set_fonts(rpr_parent, font: str) -> None:
    """Name the font for every script (ascii, hAnsi, East Asian, complex) and drop theme fonts."""
    rpr = rpr_parent.get_or_add_rPr() if hasattr(rpr_parent, "get_or_add_rPr") else rpr_parent
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def _style(doc: DocxDocument, name: str, *, font: str, size: float, bold: bool = False,
           color: RGBColor | None = None, before: float = 0, after: float = 6, keep_next: bool = False,
           italic: bool = False) -> None:
    style = doc.styles[name]
    style.font.name = font
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = color or RGBColor(0, 0, 0)
    _set_fonts(style.element, font)
    szcs = style.element.get_or_add_rPr().find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        style.element.get_or_add_rPr().append(szcs)
    szcs.set(qn("w:val"), str(int(size * 2)))
    pf = style.paragraph_format
    pf.space_before, pf.space_after, pf.keep_with_next = Pt(before), Pt(after), keep_next
    if name != "Normal":
        pf.line_spacing = 1.0 if name.startswith(("Title", "Heading")) else None


def _setup_styles(doc: DocxDocument, language: str) -> None:
    # document defaults too, so text outside any style never falls back to a theme font
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    _set_fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), BODY_FONT)
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).append(lang)
    lang.set(qn("w:val"), "es-HN" if language == "es" else "en-US")
    lang.set(qn("w:bidi"), "ar-SA")
    _style(doc, "Normal", font=BODY_FONT, size=10.5, after=5)
    doc.styles["Normal"].paragraph_format.line_spacing = 1.1
    _style(doc, "Title", font=HEADING_FONT, size=17, bold=True, color=NAVY, before=6, after=4)
    _style(doc, "Subtitle", font=HEADING_FONT, size=11.5, color=GREY, after=10)
    _style(doc, "Heading 1", font=HEADING_FONT, size=12.5, bold=True, color=NAVY, before=14, after=5,
           keep_next=True)
    _style(doc, "Heading 2", font=HEADING_FONT, size=11, bold=True, color=NAVY, before=9, after=3,
           keep_next=True)
    _style(doc, "Heading 3", font=HEADING_FONT, size=10.5, bold=True, color=GREY, before=6, after=2,
           keep_next=True)
    for name in ("Header", "Footer"):
        _style(doc, name, font=HEADING_FONT, size=8, color=GREY, after=0)
    for name in ("List Number", "List Bullet"):
        _style(doc, name, font=BODY_FONT, size=10.5, after=3)
    # the title style of python-docx's default template has a theme border: replace it by ours
    title_ppr = doc.styles["Title"].element.get_or_add_pPr()
    for old in title_ppr.findall(qn("w:pBdr")):
        title_ppr.remove(old)
    cell_text = doc.styles.add_style("Texto de tabla", WD_STYLE_TYPE.PARAGRAPH)
    cell_text.base_style = doc.styles["Normal"]
    _style(doc, "Texto de tabla", font=BODY_FONT, size=9.5, before=1.5, after=1.5)
    cell_text.paragraph_format.line_spacing = 1.0
    # LibreOffice tags a cell whose paragraph has its "Table Heading" style as /TH in the PDF: the header rows and
    # the label column of label/value tables say what the data cells mean to a screen reader (PDF/UA 7.5).
    heading = doc.styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = cell_text
    for name in ("Header", "Footer"):  # python-docx's defaults carry center/right tabs at Letter 1" margins
        for stop in list(doc.styles[name].paragraph_format.tab_stops):
            doc.styles[name].paragraph_format.tab_stops._pPr.tabs.remove(stop._tab)
    _add_table_style(doc)
    # every other built-in style (Heading 4–9, Quote, …) still points at theme fonts: name ours instead
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        if any(name.endswith(("Theme", "theme")) for name in (k.split("}")[1] for k in fonts.attrib)):
            font = HEADING_FONT if any("major" in v for v in fonts.attrib.values()) else BODY_FONT
        else:  # "macro" uses Courier, absent on Linux: its metric twin
            font = {"Courier": "Liberation Mono"}.get(fonts.get(qn("w:ascii")), fonts.get(qn("w:ascii")))
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), font)


def _add_table_style(doc: DocxDocument) -> None:
    """'Tabla Tripartito': thin blue-grey rules, compact cell text; header rows get direct shading too."""
    style = doc.styles.add_style("Tabla Tripartito", WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    style.font.name = BODY_FONT
    style.font.size = Pt(9.5)
    _set_fonts(style.element, BODY_FONT)
    ppr = style.element.get_or_add_pPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "20")
    spacing.set(qn("w:after"), "20")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    tblpr = OxmlElement("w:tblPr")
    tblpr.append(_borders("w:tblBorders", RULE))
    tblpr.append(_cell_margins())
    style.element.append(tblpr)


def _borders(tag: str, color: str, sides: Sequence[str] = ("top", "left", "bottom", "right", "insideH",
                                                           "insideV"), size: int = 4) -> OxmlElement:
    borders = OxmlElement(tag)
    for side in sides:
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), str(size))
        b.set(qn("w:space"), "0")
        b.set(qn("w:color"), color)
        borders.append(b)
    return borders


def _cell_margins() -> OxmlElement:
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", 40), ("left", 90), ("bottom", 40), ("right", 90)):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(width))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    return margins


# ---------------------------------------------------------------- building blocks


def para(container, parts: Sequence[Part], style: str | None = None, align=None):
    """A paragraph made of runs: each string part is one run, so a Jinja tag is never split."""
    p = container.add_paragraph(style=style)
    if align is not None:
        p.alignment = align
    for part in parts:
        text, fmt = (part, {}) if isinstance(part, str) else part
        run = p.add_run(text)
        run.bold = fmt.get("bold")
        run.italic = fmt.get("italic")
        if "color" in fmt:
            run.font.color.rgb = fmt["color"]
        if "size" in fmt:
            run.font.size = Pt(fmt["size"])
    return p


def _fill_cell(cell: _Cell, parts: Sequence[Part], *, fill: str | None = None, bold: bool = False,
               color: RGBColor | None = None, align=None, style: str = "Texto de tabla") -> None:
    p = cell.paragraphs[0]
    p.style = cell.part.document.styles[style]
    if align is not None:
        p.alignment = align
    for part in parts:
        text, fmt = (part, {}) if isinstance(part, str) else part
        run = p.add_run(text)
        run.bold = fmt.get("bold", bold) or None
        run.italic = fmt.get("italic")
        if color is not None or "color" in fmt:
            run.font.color.rgb = fmt.get("color", color)
    if fill:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shd)


def _widths(table: Table, widths_cm: Sequence[float]) -> None:
    table.autofit = False
    for i, width in enumerate(widths_cm):
        table.columns[i].width = Cm(width)
        for cell in table.columns[i].cells:
            cell.width = Cm(width)


def _no_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def data_table(doc, widths_cm: Sequence[float], headers: Sequence[str]) -> Table:
    """A table with a shaded header row repeated on every page."""
    table = doc.add_table(rows=1, cols=len(widths_cm))
    table.style = doc.styles["Tabla Tripartito"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _fill_cell(cell, [text], fill=HEAD_FILL, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF), style="Table Heading")
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))
    _no_split(table.rows[0])
    for cell in table.rows[0].cells:  # a header row never ends a page on its own
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    _widths(table, widths_cm)
    return table


def add_row(table: Table, cells: Sequence[Sequence[Part]], widths_cm: Sequence[float] | None = None,
            *, fill: str | None = None) -> None:
    row = table.add_row()
    _no_split(row)
    for cell, parts in zip(row.cells, cells, strict=True):
        _fill_cell(cell, parts, fill=fill)
    _widths(table, widths_cm or [c.width.cm for c in table.columns])


def tag_row(table: Table, tag: str) -> None:
    """A row holding only a docxtpl row tag ({%tr ... %}); docxtpl removes the whole row when rendering."""
    widths = [c.width.cm for c in table.columns]
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1]) if len(row.cells) > 1 else row.cells[0]
    _fill_cell(merged, [(tag, {"color": GREY})])
    _widths(table, widths)


def kv_table(doc, rows: Sequence[tuple[str, Sequence[Part]] | str], widths_cm=(4.6, 12.4)) -> Table:
    """Label/value pairs; a plain string in ``rows`` is a {%tr %} tag row (conditional rows)."""
    table = doc.add_table(rows=0, cols=2)
    table.style = doc.styles["Tabla Tripartito"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths_cm)
    for item in rows:
        if isinstance(item, str):
            tag_row(table, item)
            continue
        row = table.add_row()
        _no_split(row)
        _fill_cell(row.cells[0], [item[0]], fill=LABEL_FILL, bold=True, color=NAVY, style="Table Heading")
        _fill_cell(row.cells[1], item[1])
        _widths(table, widths_cm)
    keep_table_together(table)
    return table


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A real Word field (PAGE, NUMPAGES) so Word and LibreOffice compute it."""
    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def spacer(doc, points: float = 4) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(points)
    p.paragraph_format.space_before = Pt(0)


# ---------------------------------------------------------------- page furniture


def _letterhead(section, tr: Callable[[str, str], str]) -> None:
    header = section.header
    p0 = header.paragraphs[0]
    p0.text = ""
    table = header.add_table(rows=1, cols=3, width=Cm(TEXT_WIDTH_CM))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tblpr = table._tbl.tblPr
    tblpr.append(_borders("w:tblBorders", "1F3864", sides=("bottom",), size=12))
    tblpr.append(_cell_margins())
    lang = "es" if tr("es", "en") == "es" else "en"
    cells = [
        ("st_crm", official_name("crm", lang, acronym=True), official_name("crm", lang), None),
        ("st_rrocm", "RROCM", official_name("rrocm", lang), None),
        ("ppt", "PPT", official_name("ppt", lang), "{{ header.ppt_country_name }}"),
    ]
    aligns = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT)
    for cell, (party, acronym, name, extra), align in zip(table.rows[0].cells, cells, aligns, strict=True):
        p = cell.paragraphs[0]
        p.alignment = align
        _logo(p, party, tr)
        run = p.add_run("  " + acronym)
        run.bold, run.font.size, run.font.color.rgb = True, Pt(13), NAVY
        p2 = cell.add_paragraph(style="Header")
        p2.alignment = align
        p2.add_run(name)
        if extra:  # the country on its own line: a " · " wrapped at the end of the line looked like a stray dot
            p2.add_run().add_break()
            country = p2.add_run(extra)
            country.bold = True
    _widths(table, (5.0, 7.0, 5.0))
    sub = header.add_paragraph(style="Header")
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.paragraph_format.space_before = Pt(3)
    run = sub.add_run("  ·  ".join([official_name("team", lang).upper(), official_name("st_crm", lang, acronym=True),
                                    official_name("st_rrocm", lang, acronym=True), "PPT"]))
    run.font.size = Pt(7.5)
    run.font.color.rgb = GREY
    header._element.remove(p0._p)


def _footer(section, tr: Callable[[str, str], str]) -> None:
    p = section.footer.paragraphs[0]
    p.style = "Footer"
    ppr = p._p.get_or_add_pPr()
    ppr.append(_borders("w:pBdr", RULE, sides=("top",), size=6))
    p.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    for part in ("{{ header.reference }}", tr(" · versión ", " · version "), "{{ header.version }}", "\t",
                 tr("Página ", "Page ")):
        p.add_run(part)
    _field(p, "PAGE", "1")
    p.add_run(tr(" de ", " of "))
    _field(p, "NUMPAGES", "1")


def _verification(section, tr: Callable[[str, str], str]) -> None:
    """The footer's verification line: the QR code placeholder and the short link, both filled in at issue."""
    p = section.footer.add_paragraph(style="Footer")
    p.paragraph_format.space_before = Pt(2)
    # service/templating/qr.py replaces this blank square (by its bytes) with the QR code at issue (issue 13)
    shape = p.add_run().add_picture(io.BytesIO(QR_PLACEHOLDER_PNG), width=Cm(1.2), height=Cm(1.2))
    shape._inline.docPr.set("name", "verification_qr")
    shape._inline.docPr.set("descr", tr("Código QR del enlace de verificación", "QR code of the verification link"))
    label = tr("Verifique este documento en ", "Verify this document at ")
    p.add_run('  {{ ("' + label + '" ~ header.verification_url) if header.verification_url else "" }}')


def new_document(language: str, tr: Callable[[str, str], str], *, subtitle: Sequence[Part]) -> DocxDocument:
    doc = Document()
    _setup_styles(doc, language)
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # Letter: the region's paper size
    section.left_margin = section.right_margin = Cm(2.3)
    # the letterhead with its logos is ~2.6 cm tall; the footer with the verification QR code ~1.8 cm
    section.top_margin, section.bottom_margin = Cm(3.9), Cm(3.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    _letterhead(section, tr)
    _footer(section, tr)
    _verification(section, tr)
    symbol_block(doc, tr)
    para(doc, ["{{ header.title }}"], style="Title")
    if subtitle:
        para(doc, subtitle, style="Subtitle")
    core = doc.core_properties
    core.author = tr("Equipo Tripartito de la CRM", "CRM Tripartite Team")
    core.title = ""
    core.created = core.modified = FIXED_DATE
    core.last_modified_by = core.author
    core.revision = 1
    core.language = "es-HN" if language == "es" else "en-US"
    return doc


def section_heading(doc, text: str) -> None:
    para(doc, [text], style="Heading 1")


def if_else(cond: str, then: Sequence[Part], otherwise: Sequence[Part]) -> list[Part]:
    return [f"{{% if {cond} %}}", *then, "{% else %}", *otherwise, "{% endif %}"]


def opt(expr: str, empty: str = "—") -> list[Part]:
    """The value, or a dash when it is empty (optional fields arrive as '')."""
    return if_else(expr, [f"{{{{ {expr} }}}}"], [empty])


# ---------------------------------------------------------------- logo slots

# The demo's plain marks, one colour per party: never an institution's real emblem. The renderer swaps each
# for <data folder>/logos/{party}.png when the institution provides one (service/templating/render.py).
MARK_COLOURS = {"st_crm": (0x1F, 0x38, 0x64), "st_rrocm": (0x2E, 0x7D, 0x32), "ppt": (0x8C, 0x6D, 0x1F)}
LOGO_CM = 0.85


def plain_mark(colour: tuple[int, int, int], size: int = 96) -> bytes:
    """A PNG ring in one colour on white, written by hand (no imaging library needed)."""
    rows = []
    centre, outer, inner = (size - 1) / 2, size / 2 - 2, size / 2 - 14
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            distance = ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5
            row += bytes(colour) if inner <= distance <= outer or distance <= inner / 3 else b"\xff\xff\xff"
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


MARKS = {party: plain_mark(colour) for party, colour in MARK_COLOURS.items()}


def _logo(paragraph, party: str, tr: Callable[[str, str], str]) -> None:
    """An inline logo slot with alternative text (the PDF's tagged Figure gets it)."""
    run = paragraph.add_run()
    shape = run.add_picture(io.BytesIO(MARKS[party]), height=Cm(LOGO_CM))
    doc_pr = shape._inline.docPr
    doc_pr.set("name", f"logo_{party}")
    names = {"st_crm": official_name("st_crm", "es" if tr("es", "en") == "es" else "en", both=True),
             "st_rrocm": official_name("st_rrocm", "es" if tr("es", "en") == "es" else "en", both=True),
             "ppt": official_name("ppt", "es" if tr("es", "en") == "es" else "en", both=True)}
    doc_pr.set("descr", tr("Logotipo: ", "Logo: ") + names[party])


# ---------------------------------------------------------------- institutional form


def _keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def keep_table_together(table: Table) -> None:
    """Every row's paragraphs keep with the next: Word and LibreOffice move a short table whole to the next page
    rather than leave a lone row (or the totals) behind."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                _keep_with_next(paragraph)


def symbol_block(doc, tr) -> None:
    """The UN-style head: the team on the left; reference, distribution, date of issue and original language on
    the right."""
    lang = "es" if tr("es", "en") == "es" else "en"
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table._tbl.tblPr.append(_borders("w:tblBorders", "1F3864", sides=("top", "bottom"), size=8))
    table._tbl.tblPr.append(_cell_margins())
    left, right = table.rows[0].cells
    _fill_cell(left, [(official_name("team", lang), {"bold": True})], color=NAVY)
    left.paragraphs[0].runs[0].font.size = Pt(13)
    para(left, [(official_name("crm", lang, both=True), {"color": GREY})], style="Texto de tabla")
    _fill_cell(right, [("{{ header.reference }}", {"bold": True})], align=WD_ALIGN_PARAGRAPH.RIGHT)
    right.paragraphs[0].runs[0].font.size = Pt(11)
    for parts in (["Distr.: ", tr("General", "General")],
                  [tr("Fecha de emisión: ", "Date of issue: "), "{{ header.issued_on }}"],
                  ["Original: ", "{{ header.original }}"]):
        para(right, parts, style="Texto de tabla", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _no_split(table.rows[0])
    _widths(table, (9.0, 8.0))
    spacer(doc, 2)


def addressee(doc, tr, parts: Sequence[Part]) -> None:
    p = para(doc, [(tr("Destinatario: ", "To: "), {"bold": True, "color": NAVY}), *parts])
    p.paragraph_format.space_before = Pt(6)


def preamble(doc, tr, purpose: tuple[str, str]) -> None:
    """One sentence citing the mechanism under which the team issues the document."""
    lang = "es" if tr("es", "en") == "es" else "en"
    team = tr(
        f"El {official_name('team', 'es')} de la {official_name('crm', 'es', both=True)}, integrado por la "
        f"{official_name('st_crm', 'es', both=True)}, la {official_name('st_rrocm', 'es', both=True)} y la "
        f"{official_name('ppt', 'es', both=True)}, conforme al mecanismo de trabajo que lo rige, ",
        f"The {official_name('team', 'en')} of the {official_name('crm', 'en', both=True)}, made up of the "
        f"{official_name('st_crm', 'en', both=True)}, the {official_name('st_rrocm', 'en', both=True)} and the "
        f"{official_name('ppt', 'en', both=True)}, acting under the mechanism that governs its work, ")
    p = para(doc, [team + purpose[0 if lang == "es" else 1]])
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(8)


def closing(doc, tr, formula: tuple[str, str], *, followed: bool = False) -> None:
    """Closing formula, place and date, and the endorsement block (from the recorded approvals) — kept together,
    and kept with what follows when `followed` (the minutes' distribution line must not end alone on a page)."""
    lang = "es" if tr("es", "en") == "es" else "en"
    spacer(doc, 8)
    _keep_with_next(para(doc, [formula[0 if lang == "es" else 1]]))
    place = para(doc, ["{{ header.place }}", ", ", "{{ header.issued_on }}"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    place.paragraph_format.space_before = Pt(8)
    _keep_with_next(place)
    para(doc, ["{%p if endorsements %}"])  # the heading only over a table: alone it could end a page
    _keep_with_next(para(doc, [tr("Aprobación", "Endorsement")], style="Heading 2"))
    widths = (7.0, 5.2, 4.8)  # the date on one line ("30 de noviembre de 2026")
    table = data_table(doc, widths, [tr("Parte", "Party"), tr("Nombre", "Name"), tr("Fecha", "Date")])
    tag_row(table, "{%tr for endorsement in endorsements %}")
    add_row(table, [["{{ endorsement.party }}"], ["{{ endorsement.name }}", "{% if endorsement.role %}", ", ",
                                                   "{{ endorsement.role }}", "{% endif %}"],
                    opt("endorsement.on")], widths)
    tag_row(table, "{%tr endfor %}")
    keep_table_together(table)
    if followed:
        for cell in table.rows[-1].cells:
            for paragraph in cell.paragraphs:
                _keep_with_next(paragraph)
    para(doc, ["{%p else %}"])
    issued_by = para(doc, [(tr(f"Documento emitido por las secretarías técnicas del {official_name('team', 'es')} "
                   f"({official_name('st_crm', 'es', acronym=True)} y "
                   f"{official_name('st_rrocm', 'es', acronym=True)}) en nombre del "
                   f"{official_name('team', 'es')}; sin aprobaciones registradas de las partes.",
                   f"Issued by the technical secretariats of the {official_name('team', 'en')} "
                   f"({official_name('st_crm', 'en', acronym=True)} and "
                   f"{official_name('st_rrocm', 'en', acronym=True)}) on behalf of the "
                   f"{official_name('team', 'en')}; no approvals by the parties are recorded."),
                {"italic": True, "color": GREY})])
    if followed:
        _keep_with_next(issued_by)
    para(doc, ["{%p endif %}"])


def _names(lang: str) -> dict[str, str]:
    return {key: official_name(key, lang, acronym=True) for key in ("crm", "grcm", "ppt")}


def _form_texts(kind: str) -> dict[str, tuple[str, str]]:
    """Per kind: the preamble's purpose and the closing formula, (Spanish, English)."""
    es, en = _names("es"), _names("en")
    member_countries = ("El Equipo Tripartito aprovecha la oportunidad para reiterar a los Países Miembros de la "
                        f"{es['crm']} las seguridades de su más alta consideración.",
                        "The Tripartite Team avails itself of this opportunity to renew to the Member Countries of "
                        f"the {en['crm']} the assurances of its highest consideration.")
    texts = {
        "minutes": ("deja constancia de lo tratado y acordado en la reunión que se detalla a continuación.",
                    "records below what was discussed and agreed at the meeting described."),
        "recommendations": (f"somete a la consideración del {official_name('grcm', 'es', both=True)} las "
                            "recomendaciones siguientes.",
                            f"submits the following recommendations to the {official_name('grcm', 'en', both=True)} "
                            "for its consideration."),
        "monitoring_report": ("presenta a los Países Miembros el informe de monitoreo de los instrumentos y de las "
                              f"recomendaciones de la {es['crm']}, previo a la reunión del {es['grcm']}.",
                              "presents to the Member Countries the monitoring report on the instruments and "
                              f"recommendations of the {en['crm']}, ahead of the {en['grcm']} meeting."),
        "ppt_feedback": ("transmite a la Presidencia Pro Tempore entrante sus observaciones sobre la nota conceptual "
                         "y el plan de trabajo presentados.",
                         "conveys to the incoming Pro Tempore Presidency its observations on the concept note and "
                         "work plan it has submitted."),
        "work_plan": ("adopta el plan de trabajo anual siguiente, con sus mecanismos de implementación, monitoreo y "
                      "seguimiento y los recursos identificados.",
                      "adopts the following annual work plan, with its implementation, monitoring and follow-up "
                      "mechanisms and the resources identified."),
        "dossier_cover": (f"remite a los Países Miembros el expediente preparatorio de la reunión del {es['grcm']} "
                          "que se indica.",
                          f"transmits to the Member Countries the preparatory dossier for the {en['grcm']} meeting "
                          "indicated."),
    }
    closings = {
        "recommendations": (f"El Equipo Tripartito aprovecha la oportunidad para reiterar al {es['grcm']} las "
                            "seguridades de su más alta consideración.",
                            f"The Tripartite Team avails itself of this opportunity to renew to the {en['grcm']} the "
                            "assurances of its highest consideration."),
        "ppt_feedback": ("El Equipo Tripartito aprovecha la oportunidad para reiterar a la Presidencia Pro Tempore "
                         "entrante las seguridades de su más alta consideración.",
                         "The Tripartite Team avails itself of this opportunity to renew to the incoming Pro "
                         "Tempore Presidency the assurances of its highest consideration."),
    }
    return {"purpose": texts[kind], "closing": closings.get(kind, member_countries)}


ADDRESSEES: dict[str, Callable[[Callable[[str, str], str]], list[Part]]] = {
    "recommendations": lambda tr: [tr(official_name("grcm", "es", both=True), official_name("grcm", "en", both=True))],
    "ppt_feedback": lambda tr: [tr("Presidencia Pro Tempore entrante: ", "Incoming Pro Tempore Presidency: "),
                                "{{ term.country_name }}"],
}


# ---------------------------------------------------------------- the six kinds


def build_minutes(doc, tr) -> None:
    section_heading(doc, tr("1. Datos de la reunión", "1. Meeting details"))
    kv_table(doc, [
        (tr("Tipo de reunión", "Type of meeting"), ["{{ meeting.kind }}"]),
        (tr("Título", "Title"), ["{{ meeting.title }}"]),
        (tr("Fecha", "Date"), ["{{ meeting.date }}"]),
        (tr("Hora", "Time"), ["{{ meeting.time_range }}"]),
        (tr("Modalidad", "Modality"), ["{{ meeting.modality }}"]),
        "{%tr if meeting.location %}",
        (tr("Lugar", "Venue"), ["{{ meeting.location }}"]),
        "{%tr endif %}",
        "{%tr if meeting.video_url %}",
        (tr("Enlace de la videoconferencia", "Video conference link"), ["{{ meeting.video_url }}"]),
        "{%tr endif %}",
    ])
    section_heading(doc, tr("2. Participantes", "2. Participants"))
    widths = (8.0, 9.0)
    table = data_table(doc, widths, [tr("Nombre", "Name"), tr("Cargo / función", "Position / role")])
    tag_row(table, "{%tr for group in attendee_groups %}")
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[1])
    _fill_cell(merged, ["{{ group.label }}"], fill=LABEL_FILL, bold=True, color=NAVY)
    merged.paragraphs[0].paragraph_format.keep_with_next = True  # a party's name never ends a page
    _no_split(row)
    _widths(table, widths)
    tag_row(table, "{%tr for person in group.attendees %}")
    add_row(table, [["{{ person.name }}"], opt("person.role")], widths)
    tag_row(table, "{%tr endfor %}")
    tag_row(table, "{%tr endfor %}")

    section_heading(doc, tr("3. Agenda", "3. Agenda"))
    para(doc, ["{%p for item in agenda_items %}"])
    para(doc, ["{{ item.title }}"], style="List Number")
    para(doc, ["{%p endfor %}"])

    section_heading(doc, tr("4. Desarrollo de la reunión", "4. Discussion"))
    para(doc, ["{%p for item in agenda_items %}"])
    para(doc, ["4.", "{{ loop.index }}", " ", "{{ item.title }}"], style="Heading 2")
    para(doc, if_else("item.discussion", ["{{ item.discussion }}"],
                      [(tr("Sin observaciones.", "No remarks."), {"italic": True})]))
    para(doc, ["{%p endfor %}"])

    section_heading(doc, tr("5. Acuerdos", "5. Agreements"))
    para(doc, ["{%p if agreements %}"])
    widths = (1.0, 9.2, 3.8, 3.0)
    table = data_table(doc, widths, [tr("N.º", "No."), tr("Acuerdo", "Agreement"), tr("Responsable", "Responsible"),
                                     tr("Plazo", "Due date")])
    tag_row(table, "{%tr for agreement in agreements %}")
    add_row(table, [["{{ loop.index }}"], ["{{ agreement.text }}"], ["{{ agreement.responsible }}"],
                    opt("agreement.due_on")], widths)
    tag_row(table, "{%tr endfor %}")
    para(doc, ["{%p else %}"])
    para(doc, [(tr("No se adoptaron acuerdos en esta reunión.", "No agreements were adopted at this meeting."),
                {"italic": True})])
    para(doc, ["{%p endif %}"])

    section_heading(doc, tr("6. Próxima reunión", "6. Next meeting"))
    para(doc, if_else("next_meeting", ["{{ next_meeting }}"], [tr("Por definir.", "To be determined.")]))


def build_recommendations(doc, tr) -> None:
    section_heading(doc, tr("Reunión del Grupo Regional de Consulta sobre Migración (GRCM)",
                           "Meeting of the Regional Consultation Group on Migration (RCGM)"))
    _grcm_table(doc, tr)
    para(doc, ["{%p if introduction %}"])
    para(doc, ["{{ introduction }}"])
    para(doc, ["{%p endif %}"])
    section_heading(doc, tr("Recomendaciones", "Recommendations"))
    para(doc, ["{%p for rec in recommendations %}"])
    para(doc, [tr("Recomendación ", "Recommendation "), "{% if rec.number %}", "{{ rec.number }}", "{% else %}",
               "{{ loop.index }}", "{% endif %}", ". ", "{{ rec.title }}"], style="Heading 2")
    para(doc, [(tr("Destinatario: ", "Addressed to: "), {"bold": True}), "{{ rec.addressee }}",
               "{% if rec.state %}", (tr("   ·   Estado: ", "   ·   Status: "), {"bold": True}), "{{ rec.state }}",
               "{% endif %}"])
    para(doc, ["{{ rec.text }}"])
    para(doc, [tr("Justificación", "Rationale")], style="Heading 3")
    para(doc, ["{{ rec.rationale }}"])
    para(doc, ["{%p endfor %}"])
    para(doc, ["{%p if not recommendations %}"])
    para(doc, [(tr("No hay recomendaciones para esta reunión.", "There are no recommendations for this meeting."),
                {"italic": True})])
    para(doc, ["{%p endif %}"])


def _grcm_table(doc, tr) -> None:
    kv_table(doc, [
        (tr("Reunión", "Meeting"), ["{{ grcm.title }}"]),
        (tr("Fecha", "Date"), ["{{ grcm.dates }}"]),
        (tr("Lugar", "Venue"), opt("grcm.location")),
    ])
    spacer(doc, 2)


def build_ppt_feedback(doc, tr) -> None:
    section_heading(doc, tr("1. Presidencia Pro Tempore entrante", "1. Incoming Pro Tempore Presidency"))
    kv_table(doc, [
        (tr("País", "Country"), ["{{ term.country_name }}"]),
        (tr("Período", "Term"), ["{{ term.dates }}"]),
        (tr("Nota conceptual recibida", "Concept note received"), opt("concept_note_received_on")),
        (tr("Plan de trabajo recibido", "Work plan received"), opt("work_plan_received_on")),
        (tr("Reunión previa del Equipo Tripartito", "Tripartite Team pre-PPT meeting"), opt("meeting_on")),
    ])
    para(doc, ["{%p if summary %}"])
    para(doc, [tr("Resumen", "Summary")], style="Heading 2")
    para(doc, ["{{ summary }}"])
    para(doc, ["{%p endif %}"])
    section_heading(doc, tr("2. Retroalimentación por sección", "2. Feedback by section"))
    para(doc, ["{%p for section in feedback_sections %}"])
    para(doc, ["{{ section.title }}"], style="Heading 2")
    para(doc, ["{%p for entry in section.entries %}"])
    para(doc, ["{% if entry.document %}", ("{{ entry.document }}", {"bold": True}), (": ", {"bold": True}),
               "{% endif %}", "{{ entry.text }}"], style="List Bullet")
    para(doc, ["{%p endfor %}"])
    para(doc, ["{%p endfor %}"])
    section_heading(doc, tr("3. Acciones conjuntas propuestas", "3. Proposed joint actions"))
    para(doc, ["{%p if joint_actions %}"])  # never a table of headings alone
    widths = (1.0, 7.0, 3.2, 2.6, 3.2)
    table = data_table(doc, widths, [tr("N.º", "No."), tr("Acción", "Action"), tr("Responsable", "Responsible"),
                                     tr("Plazo", "Timeline"), tr("Red de enlace", "Liaison network")])
    tag_row(table, "{%tr for action in joint_actions %}")
    add_row(table, [["{{ loop.index }}"], ["{{ action.action }}"], ["{{ action.responsible }}"],
                    opt("action.timeline"), opt("action.network")], widths)
    tag_row(table, "{%tr endfor %}")
    para(doc, ["{%p else %}"])
    para(doc, [(tr("No se proponen acciones conjuntas.", "No joint actions are proposed."), {"italic": True})])
    para(doc, ["{%p endif %}"])


def build_monitoring_report(doc, tr) -> None:
    section_heading(doc, tr("Datos del informe", "Report details"))
    kv_table(doc, [
        (tr("Reunión del GRCM", "RCGM meeting"), ["{{ grcm.title }}", " (", "{{ grcm.dates }}", ")"]),
        "{%tr if period_label %}",
        (tr("Período cubierto", "Period covered"), ["{{ period_label }}"]),
        "{%tr endif %}",
        (tr("Envío a los Países Miembros", "Sent to Member Countries"),
         [tr("a más tardar el ", "no later than "), "{{ due_on }}", " ",
          *if_else("late", [(tr("— enviado fuera de plazo", "— issued late"),
                             {"bold": True, "color": RGBColor(0xB0, 0x1E, 0x1E)})],
                   [(tr("— dentro del plazo", "— on time"), {"color": RGBColor(0x2E, 0x7D, 0x32)})])]),
    ])
    para(doc, ["{%p if summary %}"])
    para(doc, [tr("Resumen", "Summary")], style="Heading 2")
    para(doc, ["{{ summary }}"])
    para(doc, ["{%p endif %}"])

    section_heading(doc, tr("1. Monitoreo de instrumentos, por red de enlace",
                           "1. Monitoring of instruments, by liaison network"))
    para(doc, ["{%p for group in network_groups %}"])
    para(doc, ["{{ group.name }}"], style="Heading 2")
    widths = (4.6, 2.2, 2.4, 2.6, 5.2)
    table = data_table(doc, widths, [tr("Instrumento", "Instrument"), tr("Tipo", "Type"), tr("Período", "Period"),
                                     tr("Estado", "Status"), tr("Resultado del monitoreo", "Monitoring result")])
    tag_row(table, "{%tr for instrument in group.instruments %}")
    add_row(table, [["{{ instrument.title }}"], ["{{ instrument.kind }}"],
                    if_else("instrument.latest", ["{{ instrument.latest.period }}", "{% if instrument.latest."
                            "country_name %}", " · ", "{{ instrument.latest.country_name }}", "{% endif %}"], ["—"]),
                    if_else("instrument.latest", ["{{ instrument.latest.status }}"], ["—"]),
                    if_else("instrument.latest", ["{{ instrument.latest.summary }}"],
                            [(tr("Sin monitoreo registrado.", "No monitoring recorded."), {"italic": True})])],
            widths)
    tag_row(table, "{%tr endfor %}")
    spacer(doc)
    para(doc, ["{%p endfor %}"])
    para(doc, ["{%p if not network_groups %}"])
    para(doc, [(tr("No hay instrumentos registrados.", "No instruments are registered."), {"italic": True})])
    para(doc, ["{%p endif %}"])

    _monitoring_tools(doc, tr)

    section_heading(doc, tr("3. Cumplimiento de las recomendaciones aprobadas",
                           "3. Compliance with approved recommendations"))
    para(doc, ["{%p if recommendations %}"])  # never a table of headings alone
    widths = (4.8, 2.6, 2.8, 4.6, 2.2)
    table = data_table(doc, widths, [tr("Recomendación", "Recommendation"), tr("Decisión", "Decision"),
                                     tr("Estado", "Status"), tr("Evidencia", "Evidence"),
                                     tr("Actualizado", "Updated")])
    tag_row(table, "{%tr for rec in recommendations %}")
    add_row(table, [["{{ rec.title }}"], opt("rec.decision_reference"), ["{{ rec.status }}"], opt("rec.evidence"),
                    opt("rec.updated_on")], widths)
    tag_row(table, "{%tr endfor %}")
    para(doc, ["{%p else %}"])
    para(doc, [(tr("Aún no hay recomendaciones aprobadas por la CRM en seguimiento.",
                  "No recommendations approved by the RCM are under follow-up yet."), {"italic": True})])
    para(doc, ["{%p endif %}"])

    section_heading(doc, tr("4. Participación de la sociedad civil en los espacios de la CRM",
                           "4. Civil society participation in RCM spaces"))
    para(doc, [tr("Eventos de la CRM registrados: ", "RCM events recorded: "), ("{{ events_total }}", {"bold": True}),
               tr(". Con participación de la sociedad civil: ", ". With civil society participation: "),
               ("{{ events_open }}", {"bold": True}), "."])
    para(doc, [tr("Excepciones: eventos solo para Países Miembros, a solicitud expresa de un País Miembro",
                 "Exceptions: members-only events, at the express request of a Member Country")],
         style="Heading 2")
    para(doc, ["{%p if exceptions %}"])
    widths = (5.6, 2.6, 3.0, 3.2, 2.6)
    table = data_table(doc, widths, [tr("Evento", "Event"), tr("Fecha", "Date"), tr("Tipo", "Type"),
                                     tr("Solicitado por", "Requested by"), tr("Fecha de solicitud", "Requested on")])
    tag_row(table, "{%tr for event in exceptions %}")
    add_row(table, [["{{ event.title }}"], ["{{ event.starts_on }}"], ["{{ event.kind }}"],
                    ["{{ event.requested_by_name }}"], ["{{ event.requested_on }}"]], widths)
    tag_row(table, "{%tr endfor %}")
    para(doc, ["{%p else %}"])
    para(doc, [(tr("No hubo excepciones: la sociedad civil participó en todos los eventos registrados.",
                  "There were no exceptions: civil society took part in every recorded event."), {"italic": True})])
    para(doc, ["{%p endif %}"])


def _monitoring_tools(doc, tr) -> None:
    """Issue 17: per network and instrument, the member countries' answers to the monitoring tool: the status
    chart against the previous period, the same numbers as a table, and the country × question matrix (a text
    label in every cell; the shading repeats it). Countries that did not answer are named."""
    section_heading(doc, tr("2. Respuestas de los Países Miembros a las herramientas de monitoreo",
                           "2. Member Countries' answers to the monitoring tools"))
    para(doc, ["{%p for group in tool_groups %}"])
    para(doc, ["{{ group.name }}"], style="Heading 2")
    _keep_with_next(para(doc, ["{{ group.summary }}"]))
    para(doc, ["{%p for tool in group.tools %}"])
    para(doc, ["{{ tool.instrument_title }}", " — ", "{{ tool.period }}"], style="Heading 3")
    _keep_with_next(para(doc, [tr("Herramienta versión ", "Tool version "), "{{ tool.questionnaire_version }}",
                               tr(", plazo de respuesta: ", ", answers due: "), "{{ tool.due_on }}",
                               tr(". Respondieron ", ". Answered: "), ("{{ tool.answered }}", {"bold": True}),
                               tr(" Países Miembros. Sin respuesta: ", " Member Countries. No response: "),
                               "{{ tool.no_response_names }}", "."]))  # the tool's heading stays with its chart
    para(doc, ["{%p if tool.chart %}"])
    _keep_with_next(para(doc, ["{{ tool.chart }}"], align=WD_ALIGN_PARAGRAPH.CENTER))  # with its numbers
    _keep_with_next(para(doc, [("{{ tool.chart_title }}", {"italic": True}),
                               (tr(" (pregunta: ", " (question: "), {"italic": True}),
                               ("{{ tool.status_question }}", {"italic": True}),
                               (tr("). Los mismos datos:", "). The same data:"), {"italic": True})]))
    # one row per period, one column per status: the chart's numbers in three rows, not six
    widths = (2.5, 2.9, 2.9, 2.9, 2.9, 2.9)
    table = data_table(doc, widths, [tr("Período", "Period"),
                                     *(f"{{{{ tool.chart_heads[{i}] }}}}" for i in range(len(widths) - 1))])
    tag_row(table, "{%tr for row in tool.chart_periods %}")
    add_row(table, [["{{ row.period }}"], *(([f"{{{{ row.counts[{i}] }}}}"]) for i in range(len(widths) - 1))],
            widths)
    tag_row(table, "{%tr endfor %}")
    keep_table_together(table)  # the periods' numbers never split across a page
    spacer(doc)
    para(doc, ["{%p endif %}"])
    widths = (2.8, 2.6, 0.4, 10.8, 0.4)  # the question columns' widths come from tool_results.column_widths
    table = data_table(doc, widths, [tr("País Miembro", "Member Country"), tr("Respuesta", "Response"),
                                     "{%tc for column in tool.columns %}", "{{ column.text }}", "{%tc endfor %}"])
    tag_row(table, "{%tr for country in tool.countries %}")
    add_row(table, [["{{ country.country_name }}"], ["{{ country.standing }}"], ["{%tc for cell in country.cells %}"],
                    ["{{ cell.label }}"], ["{%tc endfor %}"]], widths)
    tag_row(table, "{%tr endfor %}")
    _matrix_grid(table)
    para(doc, [(tr("Cada celda dice su valor; el color lo repite: verde, Implementado; amarillo, En curso; rojo, "
                  "Sin iniciar; gris, No aplica; blanco, Sin respuesta u otras respuestas. Las respuestas de texto "
                  "se citan como las escribió cada país, sin traducir.",
                  "Every cell states its value; the colour repeats it: green, Implemented; yellow, In progress; "
                  "red, Not started; grey, Not applicable; white, No response or other answers. Text answers are "
                  "quoted as each country wrote them, untranslated."),
                {"italic": True, "color": GREY, "size": 8.5})])
    para(doc, ["{%p endfor %}"])
    para(doc, ["{%p endfor %}"])
    para(doc, ["{%p if not tool_groups %}"])
    para(doc, [(tr("No hubo herramientas de monitoreo abiertas en el período.",
                  "No monitoring tools were open in the period."), {"italic": True})])
    para(doc, ["{%p endif %}"])


def _matrix_grid(table: Table) -> None:
    """The matrix's grid and cell widths as Jinja: one gridCol per question, each as wide as its cells, and
    shading only where a cell has a fill. A {%tc %} loop alone leaves the template's five-column grid under rows
    of any number of cells, each as wide as the whole loop column; LibreOffice then re-lays the table out and
    the report grew by pages (bench/bench_monitoring_report.py)."""
    header, body = table.rows[0].cells[3]._tc.tcPr, table.rows[2].cells[3]._tc.tcPr
    grid = table._tbl.tblGrid
    columns = grid.findall(qn("w:gridCol"))
    for extra in columns[3:]:
        grid.remove(extra)
    loop = columns[2]
    loop.set(qn("w:w"), "{{ column.width }}")
    columns[1].tail, loop.tail = "{% for column in tool.columns %}", "{% endfor %}"
    header.find(qn("w:tcW")).set(qn("w:w"), "{{ column.width }}")
    body.find(qn("w:tcW")).set(qn("w:w"), "{{ cell.width }}")
    shd = OxmlElement("w:shd")
    for attribute, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "{{ cell.fill }}")):
        shd.set(qn(attribute), value)
    body.find(qn("w:tcW")).tail = "{% if cell.fill %}"
    body.append(shd)
    shd.tail = "{% endif %}"


def _work_plan_progress(doc, tr) -> None:
    """Issue 11: how far each activity got, with the note and the day it was reported."""
    para(doc, [tr("Avance de las actividades", "Progress of the activities")], style="Heading 2")
    widths = (6.0, 2.8, 5.4, 2.8)
    table = data_table(doc, widths, [tr("Actividad", "Activity"), tr("Avance", "Progress"),
                                     tr("Nota", "Note"), tr("Fecha", "Date")])
    tag_row(table, "{%tr for activity in activities %}")
    add_row(table, [["{{ activity.title }}"], ["{{ activity.progress }}"], opt("activity.progress_note"),
                    opt("activity.progress_on")], widths)
    tag_row(table, "{%tr endfor %}")


def build_work_plan(doc, tr) -> None:
    para(doc, ["{%p if introduction %}"])
    para(doc, ["{{ introduction }}"])
    para(doc, ["{%p endif %}"])
    section_heading(doc, tr("1. Objetivos", "1. Objectives"))
    para(doc, ["{%p for objective in objectives %}"])
    para(doc, ["{% if objective.code %}", ("{{ objective.code }}", {"bold": True}), ("  ", {"bold": True}),
               "{% endif %}", "{{ objective.text }}"])
    para(doc, ["{%p endfor %}"])
    section_heading(doc, tr("2. Actividades", "2. Activities"))
    widths = (1.4, 4.6, 2.6, 2.4, 2.8, 3.2)
    table = data_table(doc, widths, [tr("Obj.", "Obj."), tr("Actividad", "Activity"),
                                     tr("Responsable", "Responsible"), tr("Cronograma", "Timeline"),
                                     tr("Red de enlace", "Liaison network"), tr("Indicador", "Indicator")])
    tag_row(table, "{%tr for activity in activities %}")
    add_row(table, [opt("activity.objective"), ["{{ activity.title }}"], ["{{ activity.responsible }}"],
                    ["{{ activity.timeline }}"], opt("activity.network"), opt("activity.indicator")], widths)
    tag_row(table, "{%tr endfor %}")
    _work_plan_progress(doc, tr)
    section_heading(doc, tr("3. Recursos identificados", "3. Identified resources"))
    widths = (5.6, 4.2, 2.8, 1.8, 2.6)
    table = data_table(doc, widths, [tr("Descripción", "Description"), tr("Fuente", "Source"),
                                     tr("Monto", "Amount"), tr("Moneda", "Currency"), tr("Estado", "Status")])
    tag_row(table, "{%tr for resource in resources %}")
    add_row(table, [["{{ resource.description }}"], ["{{ resource.source }}"], ["{{ resource.amount }}"],
                    ["{{ resource.currency }}"], ["{{ resource.status }}"]], widths)
    tag_row(table, "{%tr endfor %}")
    tag_row(table, "{%tr for total in resource_totals %}")
    add_row(table, [[(tr("Total", "Total"), {"bold": True})], [""], [("{{ total.amount }}", {"bold": True})],
                    [("{{ total.currency }}", {"bold": True})], [""]], widths, fill=LABEL_FILL)
    tag_row(table, "{%tr endfor %}")
    keep_table_together(table)  # the totals never stand alone on the next page


def build_dossier_cover(doc, tr) -> None:
    para(doc, [tr("Documento de trabajo de la Conferencia Regional sobre Migración",
                 "Working document of the Regional Conference on Migration")], style="Heading 3")
    section_heading(doc, tr("Reunión del Grupo Regional de Consulta sobre Migración (GRCM)",
                           "Meeting of the Regional Consultation Group on Migration (RCGM)"))
    _grcm_table(doc, tr)
    section_heading(doc, tr("Contenido del expediente", "Contents of the dossier"))
    widths = (1.2, 9.6, 4.4, 1.8)
    table = data_table(doc, widths, [tr("Parte", "Part"), tr("Documento", "Document"),
                                     tr("Referencia", "Reference"), tr("Página", "Page")])
    tag_row(table, "{%tr for part in parts %}")
    # the page column: the part's bookmark name, which composing the dossier turns into a PAGEREF field (its
    # start page, computed by LibreOffice); a part left out has no bookmark and a note saying why
    add_row(table, [["{{ loop.index }}"], ["{{ part.title }}", "{% if part.note %}", " — ", "{{ part.note }}",
                                           "{% endif %}"],
                    opt("part.reference"), opt("part.bookmark")], widths)
    tag_row(table, "{%tr endfor %}")
    para(doc, ["{%p if note %}"])
    spacer(doc)
    para(doc, ["{{ note }}"])
    para(doc, ["{%p endif %}"])
    # who prepared it: the closing's endorsement block says so for every kind


SUBTITLES: dict[str, Callable[[Callable[[str, str], str]], list[Part]]] = {
    "minutes": lambda tr: ["{{ meeting.kind }}", " · ", "{{ meeting.date }}"],
    "recommendations": lambda tr: ["{{ grcm.title }}"],
    "ppt_feedback": lambda tr: [tr("Presidencia Pro Tempore de ", "Pro Tempore Presidency of "),
                               "{{ term.country_name }}", " · ", "{{ term.dates }}"],
    "monitoring_report": lambda tr: ["{{ grcm.title }}"],
    "work_plan": lambda tr: [tr("Año ", "Year "), "{{ year }}"],
    "dossier_cover": lambda tr: ["{{ grcm.title }}"],
}

BUILDERS = {"minutes": build_minutes, "recommendations": build_recommendations,
            "ppt_feedback": build_ppt_feedback, "monitoring_report": build_monitoring_report,
            "work_plan": build_work_plan, "dossier_cover": build_dossier_cover}


def build(kind: str, language: str) -> Path:
    def tr(es: str, en: str) -> str:  # the Spanish or English wording
        return es if language == "es" else en

    doc = new_document(language, tr, subtitle=SUBTITLES[kind](tr))
    form = _form_texts(kind)
    if kind in ADDRESSEES:
        addressee(doc, tr, ADDRESSEES[kind](tr))
    preamble(doc, tr, form["purpose"])
    BUILDERS[kind](doc, tr)
    closing(doc, tr, form["closing"], followed=kind == "minutes")
    if kind == "minutes":  # the minutes go to every member country (R8): said last, after the endorsements
        distribution = para(doc, [(tr("Distribución: todos los Países Miembros de la CRM.",
                                      "Distribution: all Member Countries of the RCM."),
                                   {"italic": True, "color": GREY})])
        distribution.paragraph_format.space_before = Pt(12)
    path = OUT / f"{kind}.{language}.docx"
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue()))
    return path


def _stable_zip(data: bytes) -> bytes:
    """Same input, same bytes: fixed entry timestamps (python-docx stamps the current time). The logo images
    get stable names, word/media/logo_{party}.png, which the renderer replaces by the institution's logos."""
    out = io.BytesIO()
    by_bytes = {mark: f"logo_{party}.png" for party, mark in MARKS.items()}
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        renames = {info.filename.split("/")[-1]: by_bytes[src.read(info)] for info in src.infolist()
                   if info.filename.startswith("word/media/") and src.read(info) in by_bytes}
        for info in src.infolist():
            name, content = info.filename, src.read(info)
            if name.startswith("word/media/") and name.split("/")[-1] in renames:
                name = "word/media/" + renames[name.split("/")[-1]]
            elif name.endswith(".rels"):
                text = content.decode("utf-8")
                for old, new in renames.items():
                    text = text.replace(f'media/{old}"', f'media/{new}"')
                content = text.encode("utf-8")
            dst.writestr(zipfile.ZipInfo(name, date_time=FIXED_DATE.timetuple()[:6]), content,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main(argv: Sequence[str]) -> int:
    kinds = list(argv) or list(BUILDERS)
    unknown = set(kinds) - set(BUILDERS)
    if unknown:
        print(f"unknown kind(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    for kind in kinds:
        for language in ("es", "en"):
            print(build(kind, language).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
