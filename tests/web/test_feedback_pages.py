"""PPT feedback pages (R11): items and joint actions as rows, late warnings, the concept-note upload."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfWriter
from sqlalchemy import select

from service.auth.principals import Principal
from service.documents.models import Upload
from service.extensions import db
from service.ppt.feedback import save_feedback
from service.ppt.feedback_models import PptFeedback
from tests.conftest import NOW
from tests.web.conftest import csrf_token, post_form
from tests.web.followup_helpers import etag_in, stored_term
from tests.web.test_meeting_forms import field_block

FORM = {"concept_note_received_on": "2026-10-01", "work_plan_received_on": "", "meeting_on": "",
        "summary": "Nota sólida <con> & \"matices\"",
        "items-0-section": "Objetivos", "items-0-document": "concept_note", "items-0-comment": "Precisar metas",
        "items-1-section": "", "items-1-document": "", "items-1-comment": "",
        "joint_actions-0-action": "Taller conjunto", "joint_actions-0-responsible": "st_rrocm",
        "joint_actions-0-timeline": "T1 2027", "joint_actions-0-network": ""}


def small_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_feedback_saved_through_the_form(as_user):
    term = stored_term()
    client = as_user("st_crm")
    path = f"/ppt-terms/{term.id}/feedback"
    page = client.get(path).get_data(as_text=True)
    assert 'data-row-template="joint_actions"' in page
    response = post_form(client, path, FORM)
    assert response.status_code == 302, response.get_data(as_text=True)
    feedback = db.session.scalars(select(PptFeedback)).one()
    assert feedback.items == [{"section": "Objetivos", "document": "concept_note", "comment": "Precisar metas"}]
    assert feedback.joint_actions == [{"action": "Taller conjunto", "responsible": "st_rrocm",
                                       "timeline": "T1 2027", "network": None}]
    page = client.get(path).get_data(as_text=True)
    assert "Nota sólida &lt;con&gt; &amp; &#34;matices&#34;</textarea>" in page
    assert "Emitir en español" in page  # the ppt_feedback document's issue buttons
    assert "Retroalimentación a la PPT" in client.get("/ppt-feedback").get_data(as_text=True)


def test_r11_late_feedback_is_saved_with_a_warning(as_user):
    term = stored_term(starts_on=date(2026, 11, 1), country="PA")  # the PPT writes its own term's round only
    client = as_user("ppt")
    path = f"/ppt-terms/{term.id}/feedback"
    response = post_form(client, path, FORM)
    assert response.status_code == 302
    page = client.get(path).get_data(as_text=True)
    assert ("La retroalimentación a la PPT entrante debe darse antes de que empiece su período "
            "(1 de noviembre de 2026)") in page
    assert db.session.scalars(select(PptFeedback)).one() is not None


def test_a_document_received_in_the_future_is_shown_next_to_its_date(as_user):
    term = stored_term()
    client = as_user("st_crm")
    path = f"/ppt-terms/{term.id}/feedback"
    response = post_form(client, path, {**FORM, "concept_note_received_on": "2027-01-05"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "no puede haberse recibido en el futuro" in field_block(page, "concept_note_received_on")
    assert 'value="Taller conjunto"' in page or "Taller conjunto</textarea>" in page


def test_a_stale_edit_says_someone_else_changed_it(as_user):
    term = stored_term()
    save_feedback(term, {"summary": "Primera"}, actor=Principal(party="st_crm"), now=NOW)
    db.session.commit()
    client = as_user("st_crm")
    path = f"/ppt-terms/{term.id}/feedback"
    etag = etag_in(client.get(path).get_data(as_text=True))
    save_feedback(term, {"summary": "Otra persona"}, actor=Principal(party="ppt", ppt_country="PA"), now=NOW)
    db.session.commit()
    response = post_form(client, path, {**FORM, "etag": etag})
    assert response.status_code == 409
    assert "Otra persona cambió este registro" in response.get_data(as_text=True)
    assert db.session.scalars(select(PptFeedback)).one().summary == "Otra persona"


def upload(client, term_id: int, content: bytes, name: str, **fields: str):
    path = f"/ppt-terms/{term_id}/feedback"
    return client.post(f"/ppt-terms/{term_id}/concept-note", content_type="multipart/form-data",
                       data={"csrf_token": csrf_token(client, path), "file": (io.BytesIO(content), name), **fields})


def selected_language(page: str) -> str:
    select = page[page.index('<select id="concept-note-language" name="language"'):]
    select = select[: select.index("</select>")]
    return select.split(" selected>")[0].rsplit('value="', 1)[1].split('"')[0]


def test_the_upload_form_asks_the_concept_notes_language_defaulting_to_the_ppts_own(as_user):
    client = as_user("st_crm")
    spanish, english = stored_term(country="PA"), stored_term(starts_on=date(2028, 7, 1), country="BZ")
    page = client.get(f"/ppt-terms/{spanish.id}/feedback").get_data(as_text=True)
    assert '<label for="concept-note-language">Idioma en que está redactada la nota conceptual</label>' in page
    assert '<option value="es" selected>Español</option>' in page
    assert '<option value="en">Inglés</option>' in page
    assert selected_language(client.get(f"/ppt-terms/{english.id}/feedback").get_data(as_text=True)) == "en"


def test_the_chosen_language_is_recorded_with_the_concept_note_and_shown(as_user):
    term = stored_term(country="PA")
    client = as_user("st_crm")
    response = upload(client, term.id, small_pdf(), "Concept note.pdf", language="en")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.scalars(select(Upload)).one().language == "en"
    page = client.get(f"/ppt-terms/{term.id}/feedback").get_data(as_text=True)
    assert "(PDF, en inglés, 1 página;" in page
    assert selected_language(page) == "en"  # the next upload starts from what the last one said


def test_a_concept_note_without_a_language_takes_the_ppts_usual_one(as_user):
    term = stored_term(country="BZ")
    response = upload(as_user("st_crm"), term.id, small_pdf(), "note.pdf")
    assert response.status_code == 302
    assert db.session.scalars(select(Upload)).one().language == "en"


def test_an_unknown_language_is_refused_next_to_the_selector_and_nothing_is_stored(as_user):
    term = stored_term()
    client = as_user("st_crm")
    response = upload(client, term.id, small_pdf(), "nota.pdf", language="fr")
    assert response.status_code == 422
    block = field_block(response.get_data(as_text=True), "concept-note-language")
    assert 'aria-invalid="true"' in block
    assert "emiten en &#39;es&#39; o &#39;en&#39;" in block
    assert db.session.scalars(select(Upload)).all() == []


def test_the_concept_note_uploaded_through_the_form(as_user):
    term = stored_term()
    client = as_user("st_crm")
    pdf = small_pdf()
    response = upload(client, term.id, pdf, "Nota conceptual PA.pdf")
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(f"/ppt-terms/{term.id}/feedback").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page
    assert f'href="/ppt-terms/{term.id}/concept-note">Nota conceptual PA.pdf</a>' in page
    assert "1 página;" in page
    download = client.get(f"/ppt-terms/{term.id}/concept-note")
    assert download.status_code == 200
    assert download.mimetype == "application/pdf"
    assert download.data == pdf


def test_a_broken_file_is_refused_next_to_the_file_field(as_user):
    term = stored_term()
    client = as_user("st_crm")
    response = upload(client, term.id, b"%PDF-1.7\nthis is not really a PDF", "roto.pdf")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    block = field_block(page, "concept-note-file")
    assert "El PDF" in block
    assert "dañado" in block
    assert 'aria-invalid="true"' in block
    response = upload(client, term.id, b"just some text", "nota.txt")
    assert "Suba la nota conceptual como archivo PDF o Word (.docx)." in field_block(response.get_data(
        as_text=True), "concept-note-file")
    assert "Todavía no se ha subido la nota conceptual." in page


def test_an_upload_without_a_csrf_token_is_refused(as_user):
    term = stored_term()
    client = as_user("st_crm")
    response = client.post(f"/ppt-terms/{term.id}/concept-note", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(small_pdf()), "nota.pdf")})
    assert response.status_code == 400
