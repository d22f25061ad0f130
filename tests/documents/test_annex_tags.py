"""The dossier's laid-in annex pages are in the tag tree: each a /Figure with alternative text under the
Document element, its marked content reachable from the page through /StructParents and the ParentTree."""

from __future__ import annotations

import io
import re

import pikepdf

from service.pdf.pages import Bookmark, Box, finish


def tagged_pdf(pages: int) -> bytes:
    """What LibreOffice writes, in small: a Document element whose paragraph is marked on page 1; the other
    pages carry artifacts only (no /StructParents), like the blank pages left for the annex."""
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document,
                                                    P=root))
    paragraph = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P,
                                                     P=document, Pg=pdf.pages[0].obj, K=0))
    document.K = pikepdf.Array([paragraph])
    root.K = document
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=[0, pikepdf.Array([paragraph])]))
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.pages[0].obj.StructParents = 0
    pdf.pages[0].Contents = pdf.make_stream(b"/P <</MCID 0>> BDC EMC\n")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def annex(pages: int) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
        pdf.pages[-1].Contents = pdf.make_stream(b"0 0 1 rg 100 100 200 200 re f\n")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def content_of(page: pikepdf.Page) -> bytes:
    contents = page.Contents
    parts = [contents] if isinstance(contents, pikepdf.Stream) else list(contents)
    return b"\n".join(part.read_bytes() for part in parts)


def alt(page: int, pages: int) -> str:
    return f"Annex: concept note of the incoming PPT, page {page} of {pages}; original in Spanish."


def test_each_annex_page_is_a_figure_with_its_alt_text_reached_from_the_tree_and_from_its_page():
    finished = finish(tagged_pdf(4), bookmarks=[Bookmark("Cover", 0)], annex=annex(2),
                      box=Box(65, 62, 547, 681), annex_alt=alt)
    with pikepdf.open(io.BytesIO(finished)) as pdf:
        root = pdf.Root.StructTreeRoot
        document = root.K
        figures = [kid for kid in document.K if kid.get("/S") == pikepdf.Name.Figure]
        assert [str(f.Alt) for f in figures] == [alt(1, 2), alt(2, 2)]
        tree = pikepdf.NumberTree(root.ParentTree)
        for figure, page in zip(figures, pdf.pages[2:], strict=True):  # the annex sits on the last two pages
            assert figure.Pg.objgen == page.obj.objgen
            assert figure.P.objgen == document.objgen
            assert pikepdf.Name.Layout == figure.A.O
            assert len(figure.A.BBox) == 4
            mcid = int(figure.K)
            assert tree[int(page.StructParents)][mcid].objgen == figure.objgen  # page -> ParentTree -> figure
            assert re.search(rb"/Figure <</MCID %d>> BDC\s.*?/Annex\S* Do.*?EMC" % mcid, content_of(page), re.S)
        assert int(root.ParentTreeNextKey) > max(int(key) for key in tree)
        assert tree[0][0].S == pikepdf.Name.P  # the part's own tags are kept


def test_an_untagged_pdf_gets_the_annex_laid_in_without_a_structure_tree():
    plain = pikepdf.new()
    for _ in range(3):
        plain.add_blank_page()
    out = io.BytesIO()
    plain.save(out)
    finished = finish(out.getvalue(), bookmarks=[Bookmark("Cover", 0)], annex=annex(1), box=Box(65, 62, 547, 681),
                      annex_alt=alt)
    with pikepdf.open(io.BytesIO(finished)) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        content = content_of(pdf.pages[2])
        assert b"Do" in content
        assert b"BDC" not in content
