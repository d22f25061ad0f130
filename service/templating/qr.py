"""The QR code of a document's verification link, put in place of the footer's placeholder image.

The Word templates carry one small blank image in the footer (scripts/build_templates.py, `_verification`);
after rendering, that image's bytes are swapped for the QR code, so neither the renderer nor docxtpl handles
images. Only the placeholder is replaced (found by its exact bytes): an institution's own template with its own
images keeps them, and one without the placeholder renders as it is (the link text still prints if it uses
`header.verification_url`).
"""

from __future__ import annotations

import io
import zipfile

import segno

# A 1×1 white PNG: previews without a link show a blank square.
QR_PLACEHOLDER_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63f8ffff3f0005fe02fe"
    "0def46b80000000049454e44ae426082")


def qr_png(url: str) -> bytes:
    """A QR code (error correction M) as a PNG, 4 pixels per module: sharp at the footer's size."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=4, border=1)
    return out.getvalue()


def verification_qr_parts(docx: bytes, url: str) -> dict[str, bytes]:
    """The footer's placeholder images in `docx`, each mapped to the QR code of `url` (none: empty)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        targets = [info.filename for info in source.infolist() if info.filename.startswith("word/media/")
                   and info.file_size == len(QR_PLACEHOLDER_PNG) and source.read(info) == QR_PLACEHOLDER_PNG]
    return dict.fromkeys(targets, qr_png(url)) if targets else {}

