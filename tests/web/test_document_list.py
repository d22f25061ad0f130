"""The issued-documents list: subject, es/en side by side, version, state and delivery; filters and search."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import event

from service.documents.models import IssuedDocument
from service.documents.subjects import document_subject, written_day
from service.extensions import db
from tests.web.document_helpers import ISSUED_AT, MINUTES_CONTEXT, distributed, issued

GRCM_CONTEXT = {"grcm": {"title": "XXXI Reunión del GRCM, Panamá", "starts_on": "2026-06-10"}}


def test_the_subject_names_the_meeting_kind_and_day_in_each_language():
    assert document_subject("minutes", MINUTES_CONTEXT, "es") == (
        "Acta de la reunión ordinaria del 12 de febrero de 2026")
    assert document_subject("minutes", MINUTES_CONTEXT, "en") == "Minutes of the ordinary meeting of 12 February 2026"
    assert document_subject("monitoring_report", GRCM_CONTEXT, "es") == (
        "Informe de monitoreo para la reunión del GRCM del 10 de junio de 2026")
    assert document_subject("work_plan", {"year": 2027}, "en") == "Work plan 2027"
    assert document_subject("minutes", {}, "es") is None  # the caller falls back to the register's title
    assert written_day(date(2026, 1, 1), "es") == "1 de enero de 2026"


def rows(page: str) -> list[str]:
    return re.findall(r"<tr>(.*?)</tr>", page.split("<tbody>", 1)[1], re.S) if "<tbody>" in page else []


def test_the_spanish_and_english_copies_share_one_row_with_their_delivery(as_user):
    spanish = issued(language="es")
    english = issued(language="en")
    distributed(spanish, BZ="failed", HN="failed")
    distributed(english)
    db.session.commit()
    page = as_user("st_crm").get("/documents").get_data(as_text=True)
    [row] = rows(page)
    assert "ET-CRM/2026/MIN-001" in row
    assert '<a href="/meetings/1/minutes">Acta de la reunión ordinaria del 12 de febrero de 2026</a>' in row
    assert f"/documents/{spanish.id}.pdf" in row
    assert f"/documents/{english.id}.pdf" in row
    assert "entregado a 9 de 11 países" in row
    assert "falló: Belice, Honduras" in row
    assert "entregado a 11 de 11 países" in row
    assert row.count("Vigente") == 2


def test_the_english_page_titles_the_document_in_english(as_user):
    issued(language="es")
    db.session.commit()
    page = as_user("st_crm").get("/documents?lang=en").get_data(as_text=True)
    assert "Minutes of the ordinary meeting of 12 February 2026" in page
    assert "Not sent to the countries" in page  # no distribution rows yet


def test_each_version_is_a_row_marked_current_superseded_or_withdrawn(as_user):
    issued(language="es", version=1)
    issued(language="es", version=2)
    issued(language="en", version=1, withdrawn="Error en la lista de asistentes")
    issued("work_plan", 4, "es", context={"year": 2027})
    db.session.commit()
    client = as_user("st_crm")
    page = client.get("/documents").get_data(as_text=True)
    assert len(rows(page)) == 3
    superseded = rows(client.get("/documents?state=superseded").get_data(as_text=True))
    assert len(superseded) == 1
    assert "Reemplazado" in superseded[0]
    assert "Retirado" in superseded[0]
    assert "Error en la lista de asistentes" in superseded[0]
    assert len(rows(client.get("/documents?kind=work_plan").get_data(as_text=True))) == 1
    assert len(rows(client.get("/documents?year=2025").get_data(as_text=True))) == 0


def test_search_finds_documents_by_subject_without_accents_and_by_reference(as_user):
    issued(language="es")
    issued("monitoring_report", 2, "es", context=GRCM_CONTEXT)
    db.session.commit()
    client = as_user("st_crm")
    [found] = rows(client.get("/documents?q=REUNION+ordinaria+febrero").get_data(as_text=True))
    assert "ET-CRM/2026/MIN-001" in found
    [found] = rows(client.get("/documents?q=et-crm/2026/inf").get_data(as_text=True))
    assert "Informe de monitoreo" in found
    [found] = rows(client.get("/documents?q=panama").get_data(as_text=True))  # the GRCM meeting's name
    assert "ET-CRM/2026/INF-001" in found


def test_the_list_loads_whole_only_the_copies_of_the_page_it_shows(as_user):
    for n in range(1, 61):  # 60 references in es and en: 120 copies, two pages of 50 rows
        for language in ("es", "en"):
            issued(subject_id=n, language=language, issued_at=ISSUED_AT + timedelta(minutes=n))
    issued("work_plan", 1, "es", context={"year": 2027}, issued_at=ISSUED_AT - timedelta(days=400))
    db.session.commit()
    db.session.expunge_all()  # what the request loads is counted, not what the test made
    loaded: list[int] = []

    def count(target, _context):
        loaded.append(target.id)

    client = as_user("st_crm")
    event.listen(IssuedDocument, "load", count)
    try:
        page = client.get("/documents").get_data(as_text=True)
    finally:
        event.remove(IssuedDocument, "load", count)
    assert len(rows(page)) == 50
    assert "ET-CRM/2026/MIN-060" in page  # newest first
    assert "61 registros." in page
    assert len(loaded) == 100  # the 50 rows' Spanish and English copies, not all 121
    second = client.get("/documents?page=2").get_data(as_text=True)
    assert len(rows(second)) == 11
    assert "ET-CRM/2026/PT-001" in second


def test_kind_and_year_narrow_the_query_and_the_form_still_offers_every_year_and_the_total(as_user):
    issued(subject_id=1, language="es")
    issued("work_plan", 4, "es", context={"year": 2027})
    db.session.commit()
    client = as_user("st_crm")
    page = client.get("/documents?kind=work_plan").get_data(as_text=True)
    [row] = rows(page)
    assert "ET-CRM/2026/PT-001" in row
    assert "Se muestran 1 de 2." in page
    assert '<option value="2026"' in page
    nothing = client.get("/documents?kind=dossier").get_data(as_text=True)
    assert rows(nothing) == []
    assert "Ningún registro coincide con este filtro." in nothing
    assert client.get("/documents?year=abcd").status_code == 400  # named, then ignored: the whole list
