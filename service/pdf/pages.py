"""Finishing the composed dossier's PDF with pikepdf (qpdf): the annex's pages laid on the blank pages left for
them, one bookmark per part, page labels 1 … N. Everything else LibreOffice wrote (structure tags, XMP, output
intent, embedded fonts, trailer /ID) is kept as it is: pikepdf rewrites only the objects changed here.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pikepdf

from service.pdf.reading import opened_pdf


class PdfUnreadable(ValueError):
    """A PDF (the converted dossier or its annex) could not be read or changed."""


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # 0-based page index


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF points from the page's bottom-left corner."""

    left: float
    bottom: float
    right: float
    top: float


# Bookmarks placed once the PDF is open: (the contents' link targets, the page count) -> the bookmarks.
Placement = Callable[[list[int], int], Sequence[Bookmark]]


def link_targets(pdf: bytes) -> list[int]:
    """The page index each internal link of the first page(s) points to, in the order the links appear.

    The contents page's PAGEREF fields are links (``\\h``): their destinations are the parts' start pages."""
    try:
        with opened_pdf(pdf) as document:
            return _link_targets(document)
    except pikepdf.PdfError as error:
        raise PdfUnreadable(str(error)) from None


def _link_targets(document: pikepdf.Pdf) -> list[int]:
    targets = []
    index = {page.objgen: number for number, page in enumerate(document.pages)}
    for page in document.pages:
        for annotation in page.get("/Annots", []):
            destination = annotation.get("/Dest")
            if annotation.get("/Subtype") == "/Link" and isinstance(destination, pikepdf.Array):
                targets.append(index.get(destination[0].objgen, -1))
    return targets


# The alternative text of an annex page: (page number from 1, the annex's page count) -> text.
AnnexAlt = Callable[[int, int], str]


def finish(pdf: bytes, *, bookmarks: Sequence[Bookmark] | Placement, annex: bytes | None = None,
           box: Box | None = None, annex_alt: AnnexAlt | None = None) -> bytes:
    """Lay `annex`'s pages, scaled into `box`, on the last pages of `pdf`; set the bookmarks and page labels.

    `bookmarks` may be a `Placement`, given the contents' link targets from the same reading of the file (the
    dossier's bookmarks go to its parts' start pages): the PDF is parsed once, not once per question.
    With `annex_alt`, each laid annex page joins a tagged `pdf`'s structure tree as a /Figure with that /Alt
    under its Document element (marked content linked through /StructParents and the ParentTree), so a
    screen reader announces the annex pages instead of skipping them."""
    try:
        return _finish(pdf, bookmarks, annex, box, annex_alt)
    except pikepdf.PdfError as error:
        raise PdfUnreadable(str(error)) from None


def _finish(pdf: bytes, bookmarks: Sequence[Bookmark] | Placement, annex: bytes | None, box: Box | None,
            annex_alt: AnnexAlt | None) -> bytes:
    with opened_pdf(pdf) as document:
        if callable(bookmarks):
            bookmarks = bookmarks(_link_targets(document), len(document.pages))
        if annex is not None and box is not None:
            _lay_annex(document, annex, box, annex_alt)
        with document.open_outline() as outline:
            outline.root.clear()
            outline.root.extend(pikepdf.OutlineItem(b.title, b.page) for b in bookmarks)
        document.Root.PageMode = pikepdf.Name.UseOutlines
        document.Root.PageLabels = pikepdf.Dictionary(Nums=[0, pikepdf.Dictionary(S=pikepdf.Name.D)])
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def _lay_annex(document: pikepdf.Pdf, annex: bytes, box: Box, alt: AnnexAlt | None) -> None:
    with opened_pdf(annex) as source:
        first = len(document.pages) - len(source.pages)
        if first < 1:  # the converter left no blank pages for it: append the annex as it is
            document.pages.extend(source.pages)
            return
        rectangle = pikepdf.Rectangle(box.left, box.bottom, box.right, box.top)
        container = _document_element(document) if alt is not None else None
        for number, page in enumerate(source.pages):
            target = document.pages[first + number]
            form = document.copy_foreign(page.as_form_xobject())
            name = target.add_resource(form, pikepdf.Name.XObject, prefix="Annex")
            placed = target.calc_form_xobject_placement(form, name, rectangle, allow_expand=True)
            if container is not None and alt is not None:
                mcid = _figure(document, container, target, alt(number + 1, len(source.pages)), rectangle)
                placed = b"/Figure <</MCID %d>> BDC\n" % mcid + placed + b"\nEMC\n"
            target.contents_add(b"q\n", prepend=True)  # the page's own graphics state ends before the annex
            target.contents_add(b"Q\n" + placed)


def _document_element(document: pikepdf.Pdf) -> pikepdf.Dictionary | None:
    """The structure element the parts' tags hang from (LibreOffice: one /Document under the root)."""
    root = document.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return None
    kids = root.get("/K")
    top = kids if isinstance(kids, pikepdf.Dictionary) else kids[0] if isinstance(kids, pikepdf.Array) else None
    if top is None or top.get("/S") != pikepdf.Name.Document:
        return None
    if not isinstance(top.get("/K"), pikepdf.Array):
        top.K = pikepdf.Array([top.K] if "/K" in top else [])
    return top


def _figure(document: pikepdf.Pdf, parent: pikepdf.Dictionary, page: pikepdf.Page, alt: str,
            box: pikepdf.Rectangle) -> int:
    """A /Figure element for one marked-content sequence on `page`, registered in the ParentTree: its MCID."""
    root = document.Root.StructTreeRoot
    tree = pikepdf.NumberTree(root.ParentTree)
    used = [int(key) for key in tree]  # pages' /StructParents and annotations' /StructParent share them
    key = page.obj.get("/StructParents")
    if key is None:  # a page with artifacts only (header, footer): it gets its own entry
        key = max([*used, int(root.get("/ParentTreeNextKey", 0)) - 1]) + 1
        page.obj.StructParents = key
        marks = pikepdf.Array()
    else:
        marks = pikepdf.Array(list(tree[int(key)]))
    figure = document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Figure, P=parent, Pg=page.obj, K=len(marks), Alt=alt,
        A=pikepdf.Dictionary(O=pikepdf.Name.Layout, Placement=pikepdf.Name.Block, BBox=box.as_array())))
    marks.append(figure)
    tree[int(key)] = document.make_indirect(marks)
    parent.K.append(figure)
    root.ParentTreeNextKey = max([*used, int(key)]) + 1
    return len(marks) - 1

