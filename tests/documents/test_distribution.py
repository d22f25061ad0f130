"""R8: issued minutes reach every member country: one delivery record per country, mail to its users."""

from __future__ import annotations

import email
from pathlib import Path

from sqlalchemy import select

from service.accounts.operations import create_user
from service.documents.distribution import plan_distribution
from service.documents.models import Distribution, IssuedDocument
from service.extensions import db
from tests.conftest import ACTOR, NOW
from tests.documents.test_issuing_api import issue, meeting_with_minutes


class BrokenMailer:
    def send(self, message):
        raise OSError("SMTP server unreachable")

    def ping(self):
        return {"ok": False}


def outbox(app) -> Path:
    return Path(app.config["DATA_DIR"]) / "outbox"


def clear_outbox(app) -> None:
    for file in outbox(app).glob("*.eml"):
        file.unlink()


def test_issued_minutes_are_distributed_to_each_member_country(app, client, auth, converter):
    clear_outbox(app)
    create_user(email="consular@mfa.gov.bz", party=None, country="BZ", password="a long passphrase 1",
                actor=ACTOR, now=NOW)
    db.session.commit()
    document = issue(client, auth, meeting_with_minutes(client, auth)).json
    rows = client.get(f"/api/v1/documents/{document['id']}/distribution", headers=auth["st_crm"]).json
    assert [r["country"] for r in rows] == sorted(["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"])
    by_country = {r["country"]: r for r in rows}
    assert by_country["BZ"]["status"] == "sent"
    assert by_country["BZ"]["recipients"] == ["consular@mfa.gov.bz"]
    assert {r["status"] for c, r in by_country.items() if c != "BZ"} == {"no_recipient"}
    [sent] = list(outbox(app).glob("*.eml"))
    message = email.message_from_bytes(sent.read_bytes())
    assert message["To"] == "consular@mfa.gov.bz"
    assert document["reference"] in message["Subject"]
    [attachment] = [part for part in message.walk() if part.get_content_type() == "application/pdf"]
    assert attachment.get_payload(decode=True).startswith(b"%PDF")


def test_a_failed_delivery_is_kept_and_retried_by_the_distribute_command(app, client, auth, converter):
    clear_outbox(app)
    create_user(email="dgm@migracion.go.cr", party=None, country="CR", password="a long passphrase 2",
                actor=ACTOR, now=NOW)
    db.session.commit()
    services = app.extensions["tripartito"]
    saved, services.mailer = services.mailer, BrokenMailer()
    try:
        document = issue(client, auth, meeting_with_minutes(client, auth))
    finally:
        services.mailer = saved
    assert document.status_code == 201  # the document is issued even if the mail server is down
    failed = db.session.scalar(select(Distribution).where(Distribution.country == "CR"))
    assert (failed.status, failed.error) == ("failed", "SMTP server unreachable")
    result = app.test_cli_runner().invoke(args=["distribute"])
    assert result.exit_code == 0, result.output
    db.session.refresh(failed)
    assert failed.status == "sent"
    assert len(list(outbox(app).glob("*.eml"))) == 1


def test_the_delivery_list_is_for_the_team_only(app, client, auth, converter):
    document = issue(client, auth, meeting_with_minutes(client, auth)).json
    assert client.get(f"/api/v1/documents/{document['id']}/distribution", headers=auth["BZ"]).status_code == 403


def test_documents_the_mechanism_does_not_send_to_countries_get_no_distribution(app):
    assert plan_distribution(IssuedDocument(id=1, kind="work_plan")) == []
    assert plan_distribution(IssuedDocument(id=1, kind="ppt_feedback")) == []
