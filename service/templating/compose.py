"""One Word document made of several: the dossier's cover, its parts and its annex sheets, composed with
docxcompose so LibreOffice converts them once. Printed page numbers (the cover's PAGE/NUMPAGES footer) then run
across every part, the contents page gets each part's start page from PAGEREF fields LibreOffice computes at
layout, and the parts' headings and tables stay tagged structure in the PDF.

Pure functions over DOCX bytes; the words (titles, language notes) come from the caller in the document's language.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph
from docxcompose.composer import Composer
from docxcompose.utils import xpath
from lxml import etree

TWIPS_PER_POINT = 20


@dataclass(frozen=True)
class WordPart:
    """An issued part's Word file and the bookmark its first paragraph gets (the contents' PAGEREF target)."""

    docx: bytes
    bookmark: str


@dataclass(frozen=True)
class AnnexSheet:
    """The annex's cover sheet, then one blank page per annex page: the PDF's annex pages are laid on those,
    so they carry the dossier's header, footer and page number."""

    bookmark: str
    title: str
    lines: Sequence[str]
    pages: int


class _Composer(Composer):
    """docxcompose's Composer without its slow style scan (python-docx objects for every style, per element)
    where it has nothing to do: the element's styles are ours already, under the same id, with no numbering."""

    def add_styles(self, doc: DocxDocument, element) -> None:
        if self._known is None or self._known[0] is not doc:  # once per appended document, and after a change
            self._known = (doc, set(xpath(self.doc.styles.element, "w:style/@w:styleId")),
                           set(xpath(doc.styles.element, "w:style[.//w:numId]/@w:styleId")))
        _, ours, numbered = self._known
        used = set(xpath(element, ".//w:tblStyle/@w:val|.//w:pStyle/@w:val|.//w:rStyle/@w:val"))
        if all(style in ours and style not in numbered and self.mapped_style_id(style) == style
               for style in used):
            return
        super().add_styles(doc, element)
        self._known = None

    _known: tuple[DocxDocument, set[str], set[str]] | None = None

    def _create_style_id_mapping(self, doc: DocxDocument) -> None:
        """docxcompose's id <-> name maps, read with lxml: its own builds a python-docx object per style for both
        documents on every append (a third of composing the dossier's parts)."""
        self._style_id2name = _style_names(doc)
        self._style_name2id = {name: style_id for style_id, name in _style_names(self.doc).items()}


def _style_names(doc: DocxDocument) -> dict[str, str | None]:
    names = {}
    for style in doc.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        value = name.get(qn("w:val")) if name is not None else None
        names[style.get(qn("w:styleId"))] = BabelFish.internal2ui(value) if value is not None else None
    return names


def compose(cover: bytes, parts: Sequence[WordPart], annex: AnnexSheet | None = None) -> bytes:
    """The cover, then each part from a new page, then the annex sheet and its blank pages: one .docx.

    In the cover, a run whose whole text is a part's bookmark name becomes a PAGEREF field to that bookmark
    (the contents table prints ``{{ part.bookmark }}`` in its page column)."""
    cover_document = Document(io.BytesIO(cover))
    _page_references(cover_document, {part.bookmark for part in parts} | ({annex.bookmark} if annex else set()))
    composer = _Composer(cover_document)
    for part in parts:
        document = Document(io.BytesIO(part.docx))
        _mark_start(_first_paragraph(document), part.bookmark)
        composer.append(document)
    if annex is not None:
        _add_annex(composer.doc, annex)
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()


def body_box(docx: bytes) -> tuple[float, float, float, float]:
    """Where the text goes on the first page (left, bottom, right, top in PDF points): annex pages go there.

    Read from the first section's w:pgSz/w:pgMar (twips) without loading the whole package."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    section = next(body.iter(qn("w:sectPr")))
    size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))

    def points(element, name: str) -> float:
        return int(element.get(qn(f"w:{name}"))) / TWIPS_PER_POINT

    width, height = points(size, "w"), points(size, "h")
    return (points(margins, "left"), points(margins, "bottom"), width - points(margins, "right"),
            height - points(margins, "top"))


def _first_paragraph(document: DocxDocument) -> Paragraph:
    first = document.element.body[0]
    if first.tag != qn("w:p"):  # a part starting with a table: give it a paragraph to start on
        first.addprevious(OxmlElement("w:p"))
        first = document.element.body[0]
    return Paragraph(first, document._body)


def _mark_start(paragraph: Paragraph, name: str) -> None:
    """A new page before the paragraph, and a bookmark around it (renumbered by docxcompose)."""
    paragraph.paragraph_format.page_break_before = True
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), "0")
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), "0")
    paragraph._p.get_or_add_pPr().addnext(start)
    paragraph._p.append(end)


def _add_annex(document: DocxDocument, annex: AnnexSheet) -> None:
    title = document.add_paragraph(annex.title, style="Title")
    _mark_start(title, annex.bookmark)
    for line in annex.lines:
        document.add_paragraph(line)
    for _ in range(annex.pages):  # left blank: the annex page is laid on it after conversion
        document.add_paragraph().paragraph_format.page_break_before = True


def _page_references(document: DocxDocument, bookmarks: set[str]) -> None:
    for text in list(document.element.body.iter(qn("w:t"))):
        run = text.getparent()
        if text.text in bookmarks and run.tag == qn("w:r") and len(run.findall(qn("w:t"))) == 1:
            _replace_by_field(run, f"PAGEREF {text.text} \\h")


def _replace_by_field(run, instruction: str) -> None:
    """The run becomes a field: begin, instruction, separate, the run itself (placeholder), end."""
    properties = run.find(qn("w:rPr"))

    def field_run(child):
        new = OxmlElement("w:r")
        if properties is not None:
            new.append(deepcopy(properties))
        new.append(child)
        return new

    begin, separate, end = (OxmlElement("w:fldChar") for _ in range(3))
    begin.set(qn("w:fldCharType"), "begin")
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run.addprevious(field_run(begin))
    run.addprevious(field_run(instr))
    run.addprevious(field_run(separate))
    run.find(qn("w:t")).text = "?"
    run.addnext(field_run(end))
