"""Each document's footer carries its short verification link and the QR code pointing to it, placed before
the PDF is sealed (the link and code are made by issuing; previews show neither)."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import segno

from service.templating.qr import QR_PLACEHOLDER_PNG, qr_png
from service.templating.render import render_docx
from service.templating.stamping import stamp_docx
from tests.documents import samples

URL = "https://tripartito.example/verify/AbC123xyz_-"


def stamped(docx: bytes) -> bytes:
    """What issuing writes into the rendered file: the QR code of URL and the core properties."""
    return stamp_docx(docx, verification_url=URL, title="Minuta", subject="Reunión", author="Equipo Tripartito",
                      language="es", keywords="ET-CRM/2026/MIN-001 v1", created=datetime(2026, 11, 30, tzinfo=UTC))


def footer_parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.startswith(("word/footer", "word/media/"))}


def test_the_footer_prints_the_link_and_its_image_becomes_the_qr_code_of_it():
    context = samples.minutes()
    context["header"] = {**context["header"], "verification_url": URL}

    docx = stamped(render_docx("minutes", "es", context))

    parts = footer_parts(docx)
    footer_xml = b"".join(v for n, v in parts.items() if n.startswith("word/footer")).decode()
    assert f"Verifique este documento en {URL}" in footer_xml
    images = [v for n, v in parts.items() if n.startswith("word/media/") and not n.startswith("word/media/logo_")]
    assert images == [qr_png(URL)]


def test_only_the_placeholder_is_replaced_an_institutions_own_images_stay():
    docx = render_docx("minutes", "es", samples.minutes())
    logos = {n: v for n, v in footer_parts(docx).items() if n.startswith("word/media/logo_")}
    without_placeholder = _without_placeholder(docx)

    assert {n: v for n, v in footer_parts(stamped(docx)).items() if n in logos} == logos
    # nothing to replace: its footer and images as they were
    assert footer_parts(stamped(without_placeholder)) == footer_parts(without_placeholder)


def _without_placeholder(docx: bytes) -> bytes:
    """The same document as an institution might have made it: no blank QR square among its images."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, b"\x89PNG other" if content == QR_PLACEHOLDER_PNG else content)
    return out.getvalue()


def test_the_qr_code_encodes_the_link():
    assert segno.make(URL, error="m", micro=False).designator  # sanity: the URL fits a regular QR code
    png = qr_png(URL)
    assert png.startswith(b"\x89PNG")
    assert qr_png(URL) == png  # deterministic: same link, same image


def test_a_preview_without_a_link_prints_no_verification_text():
    docx = render_docx("minutes", "es", samples.minutes())

    footer_xml = b"".join(v for n, v in footer_parts(docx).items() if n.startswith("word/footer")).decode()
    assert "Verifique este documento" not in footer_xml
