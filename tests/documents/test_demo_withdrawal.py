"""The demo year shows one withdrawn document when the converters are there, and says so when they are not."""

from __future__ import annotations

from sqlalchemy import select

from service.demo import load_demo
from service.documents.models import IssuedDocument
from service.extensions import db
from tests.conftest import NOW


def test_the_demo_issues_and_withdraws_the_june_monitoring_report(app, converter):
    summary = load_demo(2026, now=NOW, converter=converter)
    db.session.commit()
    [document] = db.session.scalars(select(IssuedDocument)).all()
    assert (document.kind, document.state) == ("monitoring_report", "withdrawn")
    assert document.withdrawal_reason.startswith("Se emitió antes")
    assert f"one withdrawn document ({document.reference} v1)" in summary


def test_without_converters_the_demo_says_it_issued_nothing(app):
    summary = load_demo(2026, now=NOW)
    assert "no withdrawn document" in summary
    assert db.session.scalars(select(IssuedDocument)).all() == []
