"""Finishing the composed dossier's PDF with pikepdf (qpdf): the annex's pages laid on the blank pages left for
them, one bookmark per part, page labels 1 … N. Everything else LibreOffice wrote (structure tags, XMP, output
intent, embedded fonts, trailer /ID) is kept as it is: pikepdf rewrites only the objects changed here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf


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


def link_targets(pdf: bytes) -> list[int]:
    """The page index each internal link of the first page(s) points to, in the order the links appear.

    The contents page's PAGEREF fields are links (``\\h``): their destinations are the parts' start pages."""
    targets = []
    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as error:
        raise PdfUnreadable(str(error)) from None
    with document:
        index = {page.objgen: number for number, page in enumerate(document.pages)}
        for page in document.pages:
            for annotation in page.get("/Annots", []):
                destination = annotation.get("/Dest")
                if annotation.get("/Subtype") == "/Link" and isinstance(destination, pikepdf.Array):
                    targets.append(index.get(destination[0].objgen, -1))
    return targets


def finish(pdf: bytes, *, bookmarks: Sequence[Bookmark], annex: bytes | None = None,
           box: Box | None = None) -> bytes:
    """Lay `annex`'s pages, scaled into `box`, on the last pages of `pdf`; set the bookmarks and page labels."""
    try:
        return _finish(pdf, bookmarks, annex, box)
    except pikepdf.PdfError as error:
        raise PdfUnreadable(str(error)) from None


def _finish(pdf: bytes, bookmarks: Sequence[Bookmark], annex: bytes | None, box: Box | None) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        if annex is not None and box is not None:
            _lay_annex(document, annex, box)
        with document.open_outline() as outline:
            outline.root.clear()
            outline.root.extend(pikepdf.OutlineItem(b.title, b.page) for b in bookmarks)
        document.Root.PageMode = pikepdf.Name.UseOutlines
        document.Root.PageLabels = pikepdf.Dictionary(Nums=[0, pikepdf.Dictionary(S=pikepdf.Name.D)])
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def _lay_annex(document: pikepdf.Pdf, annex: bytes, box: Box) -> None:
    with pikepdf.open(io.BytesIO(annex)) as source:
        first = len(document.pages) - len(source.pages)
        if first < 1:  # the converter left no blank pages for it: append the annex as it is
            document.pages.extend(source.pages)
            return
        rectangle = pikepdf.Rectangle(box.left, box.bottom, box.right, box.top)
        for number, page in enumerate(source.pages):
            target = document.pages[first + number]
            target.add_overlay(document.copy_foreign(page.as_form_xobject()), rectangle)
