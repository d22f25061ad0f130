"""Filling translations of a subject, as the team would before issuing in the other language."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from service.auth.principals import Principal
from service.content_translations.models import ContentTranslation
from service.content_translations.operations import current_sources, save_translations, translation_items
from service.content_translations.rules import Edit, TranslationSubject
from service.extensions import db

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)  # tests.conftest.NOW


def translate_all(client, auth, subject: str, language: str = "en", who: str = "st_crm") -> dict[str, str]:
    """Give every text of `subject` a final translation ("[en] " + source) over HTTP; returns them by key."""
    query = {"subject": subject, "language": language}
    shown = client.get("/api/v1/translations", query_string=query, headers=auth[who])
    assert shown.status_code == 200, shown.json
    targets = {i["key"]: f"[{language}] {i['source']}" for i in shown.json["items"]}
    saved = client.put("/api/v1/translations", query_string=query, headers=auth[who],
                       json={"items": [{"key": k, "target": t, "state": "final"} for k, t in targets.items()]})
    assert saved.status_code == 200, saved.json
    return targets


def translate_stored(kind: str, subject_id: int, language: str = "en") -> None:
    """The same without HTTP, for tests that set up records directly (web pages, the dossier)."""
    subject = TranslationSubject(kind, subject_id)
    shown = translation_items(subject, language, NOW.date())
    save_translations(subject, language, [Edit(i.key, f"[{language}] {i.source}", "final") for i in shown],
                      actor=Principal.system_actor("tests", party="st_crm"), now=NOW)
    db.session.commit()


def carry_appended_text() -> None:
    """After a test appended text to typed fields, append the same to their translations (and confirm them)."""
    sources: dict[TranslationSubject, dict[str, str]] = {}
    for row in db.session.scalars(select(ContentTranslation)).all():
        subject = TranslationSubject(row.subject_kind, row.subject_id)
        if subject not in sources:
            sources[subject] = current_sources(subject, NOW.date())
        now = sources[subject].get(row.key)
        if now is not None and now != row.source and now.startswith(row.source):
            row.target, row.source = (row.target or "") + now[len(row.source):], now
    db.session.commit()
