"""What issuing writes into a rendered Word file: the footer's QR code of the document's verification link and
the core properties (title, subject, author, language, keywords), in one rewrite of the zip."""

from __future__ import annotations

from datetime import datetime

from service.templating.docx_parts import replace_parts
from service.templating.docx_properties import core_properties_part
from service.templating.qr import verification_qr_parts


def stamp_docx(docx: bytes, *, verification_url: str, title: str, subject: str, author: str, language: str,
               keywords: str, created: datetime) -> bytes:
    """`docx` with its QR code (when there is a link and a placeholder) and its core properties set."""
    return replace_parts(docx, {
        **(verification_qr_parts(docx, verification_url) if verification_url else {}),
        **core_properties_part(title=title, subject=subject, author=author, language=language, keywords=keywords,
                               created=created)})
