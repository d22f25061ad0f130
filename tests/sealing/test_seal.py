"""The seal: a PAdES signature pyHanko's own validator accepts (integrity, signer, timestamp from a real local
TSA, revocation data from a real OCSP responder), appended without disturbing the PDF/A identification."""

from __future__ import annotations

import io
import os

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from service.pdf.seal import seal_pdf
from service.pdf.verify import inspect_seal
from service.sealing.keys import KeySealer, load_pkcs12, load_trust_roots
from tests.sealing.pdfs import flip_byte_inside_signed_range, pdfa_like, pdfa_part_by_pikepdf


@pytest.fixture(scope="module")
def sealer(pki) -> KeySealer:
    return KeySealer(load_pkcs12(pki.pkcs12, pki.passphrase_file), tsa_url=pki.tsa_url,
                     trust_roots=load_trust_roots(pki.roots_pem), source="pkcs12")


def validate(pdf: bytes, pki):
    context = ValidationContext(trust_roots=[pki.root], allow_fetching=False)
    signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[-1]
    return validate_pdf_signature(signature, signer_validation_context=context, ts_validation_context=context)


def roots(sealer: KeySealer) -> list[str]:
    import base64

    return [base64.b64encode(der).decode() for der in sealer.trust_roots()]


def test_sealed_pdf_validates_with_pyhanko_signer_and_tsa_timestamp(sealer, pki):
    sealed = sealer.seal(pdfa_like())

    status = validate(sealed.pdf, pki)
    assert status.intact
    assert status.valid
    assert status.trusted
    # B-LT in one revision: the revocation data is written with the seal, so the seal covers the whole file
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.modification_level in (None, ModificationLevel.NONE)
    assert "Test seal of the Equipo Tripartito" in status.signing_cert.subject.human_friendly
    assert status.timestamp_validity is not None
    assert status.timestamp_validity.valid
    assert status.timestamp_validity.trusted
    assert sealed.timestamped
    assert "Test seal" in sealed.signer


def test_seal_embeds_the_revocation_answers_of_the_ocsp_responder(sealer):
    sealed = sealer.seal(pdfa_like())

    reader = PdfFileReader(io.BytesIO(sealed.pdf))
    dss = reader.root["/DSS"]
    assert len(dss["/OCSPs"]) >= 1  # B-LT: the responder's answer travels with the file


def test_sealing_keeps_the_pdfa_identification_and_the_original_bytes(sealer):
    original = pdfa_like()

    sealed = sealer.seal(original).pdf

    assert sealed.startswith(original)  # an incremental update
    assert pdfa_part_by_pikepdf(sealed) == ("2", "B")


def test_a_revoked_seal_certificate_is_refused_when_sealing(pki):
    revoked = KeySealer(load_pkcs12(pki.revoked_pkcs12, pki.passphrase_file), tsa_url=pki.tsa_url,
                        trust_roots=load_trust_roots(pki.roots_pem))

    with pytest.raises(Exception, match=r"(?i)revoked|validat"):
        revoked.seal(pdfa_like())


def test_inspection_of_an_intact_seal_names_signer_time_and_timestamp(sealer):
    facts = inspect_seal(sealer.seal(pdfa_like()).pdf, trust_roots=roots(sealer))

    assert facts["valid"]
    assert facts["entire_file"]
    assert facts["timestamped"]
    assert facts["problems"] == []
    assert facts["reference"] == "ET-CRM/2026/MIN-001"
    assert "Test seal" in facts["signer"]


def test_one_flipped_byte_makes_the_seal_altered(sealer):
    altered = flip_byte_inside_signed_range(sealer.seal(pdfa_like()).pdf)

    facts = inspect_seal(altered, trust_roots=roots(sealer))

    assert not facts["valid"]
    assert "altered" in facts["problems"]


def test_an_update_appended_after_sealing_is_reported(sealer):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(sealer.seal(pdfa_like()).pdf))
    writer.root["/Lang"] = generic.TextStringObject("es")  # any change makes a new revision
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)

    facts = inspect_seal(out.getvalue(), trust_roots=roots(sealer))

    assert "modified-after-seal" in facts["problems"]


def test_a_seal_from_another_authority_is_untrusted(sealer, tmp_path):
    from datetime import UTC, datetime

    from service.sealing.authority import create_demo_authority, demo_paths

    create_demo_authority(tmp_path, datetime.now(UTC))
    stranger = KeySealer(load_pkcs12(*demo_paths(tmp_path)))

    facts = inspect_seal(stranger.seal(pdfa_like()).pdf, trust_roots=roots(sealer))

    assert facts["intact"]
    assert not facts["valid"]
    assert facts["problems"] == ["untrusted"]


def test_an_unsigned_or_unreadable_file_is_named_so(sealer):
    assert inspect_seal(pdfa_like(), trust_roots=roots(sealer))["problems"] == ["not-signed"]
    assert inspect_seal(b"%PDF-1.7\n garbage", trust_roots=roots(sealer))["problems"] == ["unreadable"]


def test_the_demo_authority_says_demo_and_seals_without_a_tsa(tmp_path):
    from datetime import UTC, datetime

    from service.sealing.authority import create_demo_authority, demo_paths

    create_demo_authority(tmp_path, datetime.now(UTC))
    demo = KeySealer(load_pkcs12(*demo_paths(tmp_path)), demo=True)

    sealed = demo.seal(pdfa_like())

    assert "DEMO" in sealed.signer
    assert not sealed.timestamped
    assert inspect_seal(sealed.pdf, trust_roots=roots(demo))["valid"]
    assert demo.ping()["demo"] is True


def test_seal_pdf_is_plain_over_bytes(pki):
    signer = load_pkcs12(pki.pkcs12, pki.passphrase_file)

    sealed = seal_pdf(pdfa_like(), signer)

    assert not sealed.timestamped
    assert len(sealed.sha256) == 64


def test_the_recorded_signing_time_is_the_one_inside_the_signature(sealer):
    sealed = sealer.seal(pdfa_like())

    inside = PdfFileReader(io.BytesIO(sealed.pdf)).embedded_signatures[-1].self_reported_timestamp
    assert sealed.signed_at == inside


def test_the_process_loads_the_sealing_key_once_and_again_only_when_the_file_changes(pki, tmp_path):
    from service.sealing.wiring import sealer_from_config

    key = tmp_path / "seal.p12"
    key.write_bytes(pki.pkcs12.read_bytes())
    config = {"SIGNING_KEY": str(key), "SIGNING_PASSPHRASE_FILE": str(pki.passphrase_file),
              "DATA_DIR": str(tmp_path)}

    first = sealer_from_config(config)
    assert sealer_from_config(dict(config)) is first  # a second app of the process shares it
    key.write_bytes(pki.pkcs12.read_bytes())
    os.utime(key, (1, 1))  # replaced by the administrator
    assert sealer_from_config(config) is not first


def test_b_lt_keeps_the_revocation_answers_it_fetched_for_the_next_seals(sealer):
    sealer.seal(pdfa_like())
    context = sealer._revocation()

    sealer.seal(pdfa_like())

    assert sealer._revocation() is context
