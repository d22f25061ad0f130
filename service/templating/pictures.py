"""Inline pictures in rendered documents, placed by docxtpl's InlineImage.

docxtpl's InlineImage asks its template object for ``current_rendering_part.new_pic_inline(...)`` and writes the
drawing XML it gets back into the text. Our renderer does not use DocxTemplate (it renders cached, sandboxed
Jinja parts itself), so ``PictureSink`` plays that part: it hands out the drawing XML with a fresh relationship id
and keeps the PNG, and the renderer then adds the image parts and their relationships to the package.
"""

from __future__ import annotations

import contextvars
import io
import re
import struct
from dataclasses import dataclass, field

from docx.oxml.shape import CT_Inline
from docx.shared import Cm
from docxtpl import InlineImage
from lxml import etree

IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_current: contextvars.ContextVar[PictureSink | None] = contextvars.ContextVar("picture_sink", default=None)


class DescribedPng(io.BytesIO):
    """PNG bytes with the text a screen reader says for them (the drawing's description)."""

    def __init__(self, png: bytes, description: str) -> None:
        super().__init__(png)
        self.description = description


@dataclass(frozen=True)
class Picture:
    """A picture for a document: PNG bytes, its width on the page and what it shows, in words."""

    png: bytes
    width_cm: float
    description: str


@dataclass
class _Drawing:
    xml: str


@dataclass
class PictureSink:
    """The pictures of one part being rendered: what InlineImage asked for, to add to the package afterwards."""

    part: str
    images: list[tuple[str, str, bytes]] = field(default_factory=list)  # (rId, media name, png)

    def new_pic_inline(self, descriptor: DescribedPng, width: int, height: int | None = None) -> _Drawing:
        png = descriptor.getvalue()
        number = len(self.images) + 1
        stem = self.part.rsplit("/", 1)[-1].removesuffix(".xml")
        rid, name = f"rIdPicture{number}", f"picture_{stem}_{number}.png"
        pixels_wide, pixels_high = struct.unpack(">II", png[16:24])  # the PNG's IHDR
        cy = height or int(width * pixels_high / pixels_wide)
        inline = CT_Inline.new_pic_inline(9000 + number, rid, name, width, cy)
        inline.docPr.set("descr", descriptor.description)
        self.images.append((rid, name, png))
        return _Drawing(etree.tostring(inline, encoding="unicode"))


class _CurrentPart:
    """Stands in for DocxTemplate: InlineImage reads ``tpl.current_rendering_part``."""

    @property
    def current_rendering_part(self) -> PictureSink:
        sink = _current.get()
        if sink is None:
            raise RuntimeError("A picture is placed only while a part is being rendered.")
        return sink


_TEMPLATE = _CurrentPart()


def inline_picture(picture: Picture) -> InlineImage:
    return InlineImage(_TEMPLATE, DescribedPng(picture.png, picture.description), width=Cm(picture.width_cm))


def rendering_part(part: str) -> tuple[PictureSink, contextvars.Token]:
    sink = PictureSink(part)
    return sink, _current.set(sink)


def finish_part(token: contextvars.Token) -> None:
    _current.reset(token)


def rels_name(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def add_relationships(rels_xml: bytes, images: list[tuple[str, str, bytes]]) -> bytes:
    """The part's relationships with one image relationship per picture (word/media, as Word writes them)."""
    text = rels_xml.decode("utf-8")
    extra = "".join(f'<Relationship Id="{rid}" Type="{IMAGE_REL}" Target="media/{name}"/>'
                    for rid, name, _ in images)
    return text.replace("</Relationships>", extra + "</Relationships>").encode("utf-8")


def with_png_type(content_types: bytes) -> bytes:
    text = content_types.decode("utf-8")
    if re.search(r'<Default\s+Extension="png"', text):
        return content_types
    return text.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>').encode("utf-8")
