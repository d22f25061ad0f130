"""The real thing: minutes issued through LibreOffice's PDF/A-2b, with the verification link and QR code in the
footer, sealed by a PKCS#12 key with a real local TSA and OCSP responder (certomancer): pyHanko's validator
accepts the seal, the file stays PDF/A (pikepdf reads the XMP; qpdf finds it sound), and /verify says authentic."""

from __future__ import annotations

import hashlib
import io
import subprocess

import pikepdf
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from service.pdf.facts import pdfa_problems
from service.sealing.keys import KeySealer, load_pkcs12, load_trust_roots
from tests.documents.test_issuing_api import issue, meeting_with_minutes
from tests.sealing.pdfs import pdfa_part_by_pikepdf

pytestmark = pytest.mark.libreoffice


@pytest.fixture
def sealed_with_test_pki(app, pki, libreoffice):
    services = app.extensions["tripartito"]
    saved = services.sealer, services.converter
    services.sealer = KeySealer(load_pkcs12(pki.pkcs12, pki.passphrase_file), tsa_url=pki.tsa_url,
                                trust_roots=load_trust_roots(pki.roots_pem), source="pkcs12")
    services.converter = libreoffice
    yield
    services.sealer, services.converter = saved


def test_issued_minutes_are_sealed_b_lt_stay_pdfa_and_verify(client, auth, pki, sealed_with_test_pki, tmp_path):
    body = issue(client, auth, meeting_with_minutes(client, auth)).json
    pdf = client.get(f"/api/v1/documents/{body['id']}/pdf", headers=auth["BZ"]).data

    context = ValidationContext(trust_roots=[pki.root], allow_fetching=False)
    status = validate_pdf_signature(PdfFileReader(io.BytesIO(pdf)).embedded_signatures[-1],
                                    signer_validation_context=context, ts_validation_context=context)
    assert status.intact
    assert status.valid
    assert status.trusted
    assert status.timestamp_validity is not None
    assert status.timestamp_validity.trusted
    assert pdfa_part_by_pikepdf(pdf) == ("2", "B")
    assert pdfa_problems(pdf) == []  # the PDF/A-2b clauses the register's second reading checks, after the seal
    assert body["pdfa"] is True
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        assert "/DSS" in opened.Root  # B-LT: the OCSP answers and certificates are in the file
        assert str(opened.docinfo["/Producer"]) == opened.open_metadata()["pdf:Producer"]  # Info and XMP agree
    (tmp_path / "sealed.pdf").write_bytes(pdf)
    check = subprocess.run(["qpdf", "--check", str(tmp_path / "sealed.pdf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "sealed.pdf"), "-"], capture_output=True, text=True).stdout
    assert body["verification_url"] in text.replace("\n", "")
    assert body["seal"]["timestamped"] is True
    assert body["seal"]["sha256"] == hashlib.sha256(pdf).hexdigest()

    answer = client.post("/api/v1/verify", data=pdf, headers={"Content-Type": "application/pdf"}).json
    assert answer["authentic"] is True
    assert answer["signature"]["timestamped"] is True
    assert answer["reference"] == body["reference"]
    flipped = pdf.replace(b"/Producer", b"/Producex", 1)
    assert flipped != pdf
    again = client.post("/api/v1/verify", data=flipped, headers={"Content-Type": "application/pdf"}).json
    assert again["authentic"] is False
