"""Withdrawing an issued document (issue 11 item 6): it stays in the register with its PDF, marked withdrawn with
when and why; the countries that received it get a notice; issuing again makes a new current version. Countries
whose accounts come later receive the current documents issued before (item 9)."""

from __future__ import annotations

import email
from pathlib import Path

from sqlalchemy import select

from service.accounts.operations import create_user
from service.documents.models import Distribution
from service.extensions import db
from tests.audit.helpers import log
from tests.conftest import ACTOR, NOW
from tests.content_translations.helpers import translate_all
from tests.followups_factories import grcm_meeting, instrument_on_record

URL = "/api/v1/documents"
REASON = {"reason": "Se emitió con cifras de monitoreo equivocadas."}


def outbox(app) -> list[email.message.Message]:
    return [email.message_from_bytes(p.read_bytes()) for p in sorted(Path(app.config["DATA_DIR"], "outbox")
                                                                       .glob("*.eml"))]


def clear_outbox(app) -> None:
    for path in Path(app.config["DATA_DIR"], "outbox").glob("*.eml"):
        path.unlink()


def account(email_address: str, country: str) -> None:
    create_user(email=email_address, party=None, country=country, password="a long passphrase 9", actor=ACTOR,
                now=NOW)
    db.session.commit()


def issued_report(client, auth) -> dict:
    instrument_on_record(client, auth)
    grcm = grcm_meeting(client, auth)
    response = client.post(URL, json={"kind": "monitoring_report", "subject_id": grcm["id"], "language": "es"},
                           headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json


def test_an_issued_document_is_current_until_withdrawn(client, auth, converter):
    document = issued_report(client, auth)
    assert (document["state"], document["withdrawn_at"], document["withdrawal_reason"]) == ("current", None, None)


def test_withdrawing_keeps_the_pdf_marks_it_withdrawn_and_records_who_and_why(app, client, auth, converter):
    document = issued_report(client, auth)
    response = client.post(f"{URL}/{document['id']}/withdraw", json=REASON, headers=auth["st_rrocm"])
    assert response.status_code == 200, response.json
    body = response.json
    assert body["state"] == "withdrawn"
    assert body["withdrawal_reason"] == REASON["reason"]
    assert body["withdrawn_at"].startswith("2026-11-28")
    assert client.get(f"{URL}/{document['id']}", headers=auth["BZ"]).json["state"] == "withdrawn"
    pdf = client.get(f"{URL}/{document['id']}/pdf", headers=auth["BZ"])
    assert pdf.status_code == 200
    assert pdf.data.startswith(b"%PDF")
    [entry] = [e for e in log(client, auth, f"document:{document['id']}") if e["action"] == "document.withdraw"]
    assert entry["actor"]["party"] == "st_rrocm"
    assert entry["changes"]["withdrawal_reason"] == [None, REASON["reason"]]


def test_every_country_that_received_it_gets_a_withdrawal_notice_and_no_other(app, client, auth, converter):
    account("consular@mfa.gov.bz", "BZ")
    clear_outbox(app)
    document = issued_report(client, auth)
    assert len(outbox(app)) == 1
    client.post(f"{URL}/{document['id']}/withdraw", json=REASON, headers=auth["st_crm"])
    notices = [m for m in outbox(app) if "WITHDRAWN" in m["Subject"]]
    assert len(outbox(app)) == 2
    assert [m["To"] for m in notices] == ["consular@mfa.gov.bz"]
    assert document["reference"] in notices[0]["Subject"]
    assert REASON["reason"] in notices[0].get_payload(decode=True).decode()
    rows = {r["country"]: r for r in client.get(f"{URL}/{document['id']}/distribution",
                                                   headers=auth["st_crm"]).json}
    assert (rows["BZ"]["status"], rows["BZ"]["withdrawal_notice"]) == ("sent", "sent")
    # A country that never received it is not sent it later either.
    assert (rows["CR"]["status"], rows["CR"]["withdrawal_notice"]) == ("cancelled", None)


def test_withdrawing_twice_is_409_and_changes_nothing(client, auth, converter):
    document = issued_report(client, auth)
    first = client.post(f"{URL}/{document['id']}/withdraw", json=REASON, headers=auth["st_crm"]).json
    again = client.post(f"{URL}/{document['id']}/withdraw", json={"reason": "Otra razón"}, headers=auth["ppt"])
    assert again.status_code == 409
    assert client.get(f"{URL}/{document['id']}", headers=auth["st_crm"]).json == first


def test_a_withdrawal_needs_a_reason_and_a_party(client, auth, converter):
    document = issued_report(client, auth)
    missing = client.post(f"{URL}/{document['id']}/withdraw", json={}, headers=auth["st_crm"])
    assert missing.status_code == 422
    assert "reason" in missing.json["errors"]["json"]
    blank = client.post(f"{URL}/{document['id']}/withdraw", json={"reason": "   "}, headers=auth["st_crm"])
    assert blank.status_code == 422
    assert "reason" in blank.json["errors"]["json"]
    country = client.post(f"{URL}/{document['id']}/withdraw", json=REASON, headers=auth["BZ"])
    assert country.status_code == 403
    assert client.get(f"{URL}/{document['id']}", headers=auth["st_crm"]).json["state"] == "current"


def test_issuing_again_after_a_withdrawal_makes_a_new_current_version(client, auth, converter):
    document = issued_report(client, auth)
    client.post(f"{URL}/{document['id']}/withdraw", json=REASON, headers=auth["st_crm"])
    again = client.post(URL, json={"kind": "monitoring_report", "subject_id": document["subject_id"],
                                   "language": "es"}, headers=auth["st_crm"])
    assert again.status_code == 201
    assert (again.json["version"], again.json["supersedes"], again.json["state"]) == (2, document["id"], "current")
    assert client.get(f"{URL}/{document['id']}", headers=auth["st_crm"]).json["state"] == "withdrawn"


def test_a_country_whose_account_comes_later_receives_the_current_documents_issued_before(app, client, auth,
                                                                                         converter):
    clear_outbox(app)
    kept = issued_report(client, auth)
    translate_all(client, auth, f"monitoring_report:{kept['subject_id']}")  # English needs its translations
    withdrawn = client.post(URL, json={"kind": "monitoring_report", "subject_id": kept["subject_id"],
                                       "language": "en"}, headers=auth["st_crm"]).json
    client.post(f"{URL}/{withdrawn['id']}/withdraw", json=REASON, headers=auth["st_crm"])
    assert outbox(app) == []  # nobody to send to yet
    result = app.test_cli_runner().invoke(args=["user", "create", "--email", "dgm@migracion.go.cr", "--country",
                                                "CR", "--password-stdin"], input="a long passphrase 3\n")
    assert result.exit_code == 0, result.output
    assert "1 documents issued before were delivered to CR" in result.output
    [message] = outbox(app)
    assert kept["reference"] in message["Subject"]
    assert message["To"] == "dgm@migracion.go.cr"
    row = db.session.scalar(select(Distribution).where(Distribution.document_id == kept["id"],
                                                       Distribution.country == "CR"))
    assert row.status == "sent"
    # Running distribute afterwards sends nothing twice.
    again = app.test_cli_runner().invoke(args=["distribute"])
    assert again.exit_code == 0
    assert again.output.startswith("0 deliveries attempted")


def test_distribute_catches_up_a_country_that_had_nobody_when_the_document_was_issued(app, client, auth, converter):
    clear_outbox(app)
    document = issued_report(client, auth)
    account("enlace@sre.gob.mx", "MX")  # created directly, not through the command: distribute catches up
    result = app.test_cli_runner().invoke(args=["distribute"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 deliveries attempted (1 caught up")
    assert [m["To"] for m in outbox(app)] == ["enlace@sre.gob.mx"]
    assert document["reference"] in outbox(app)[0]["Subject"]


def test_a_version_replaced_by_a_newer_one_is_superseded(client, auth, converter):
    document = issued_report(client, auth)
    client.post("/api/v1/crm-events", json={"title": "Taller", "kind": "workshop", "starts_on": "2026-03-10"},
                headers=auth["st_crm"])
    newer = client.post(URL, json={"kind": "monitoring_report", "subject_id": document["subject_id"],
                                   "language": "es"}, headers=auth["st_crm"])
    assert newer.status_code == 201
    assert client.get(f"{URL}/{document['id']}", headers=auth["st_crm"]).json["state"] == "superseded"
    assert newer.json["state"] == "current"
