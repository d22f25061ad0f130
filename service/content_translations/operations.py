"""Reading and saving content translations, and the context of a document in a language (translated texts
filled in, or `Untranslated` when some are not final). Every change is audited under the subject's record.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject
from service.auth.principals import Principal
from service.content_translations.models import ContentTranslation
from service.content_translations.rules import (
    Edit,
    Item,
    Stored,
    TranslationSubject,
    check_edits,
    check_language,
    final_targets,
    items,
    source_texts,
    with_targets,
)
from service.documents.contexts import build_context, subject_context
from service.extensions import db
from service.meetings.models import Meeting

ORIGINAL = "es"  # the team's working language: typed texts are in Spanish unless the record says otherwise
# The audit log tells a translation under the record whose texts it translates.
AUDIT_SUBJECT = {"minutes": "meeting", "recommendations": "grcm", "monitoring_report": "grcm",
                 "ppt_feedback": "ppt_term", "work_plan": "work_plan"}


def original_language(subject: TranslationSubject) -> str:
    """The language the texts were typed in (minutes record it; the other records are in Spanish)."""
    if subject.kind == "minutes":
        meeting = db.session.get(Meeting, subject.id)
        if meeting is not None and meeting.minutes is not None and meeting.minutes.language:
            return meeting.minutes.language
    return ORIGINAL


def current_sources(subject: TranslationSubject, today: date) -> dict[str, str]:
    """The typed texts the subject's document shows now (404/422 as issuing would, when it cannot be built)."""
    return source_texts(subject.kind, subject_context(subject.kind, subject.id, original_language(subject), today))


def _rows(subject: TranslationSubject, language: str) -> dict[str, ContentTranslation]:
    query = select(ContentTranslation).where(ContentTranslation.subject_kind == subject.kind,
                                             ContentTranslation.subject_id == subject.id,
                                             ContentTranslation.language == language)
    return {row.key: row for row in db.session.scalars(query)}


def _stored(rows: dict[str, ContentTranslation]) -> dict[str, Stored]:
    return {key: Stored(row.source, row.target, row.state) for key, row in rows.items()}


def translation_items(subject: TranslationSubject, language: str, today: date) -> list[Item]:
    """Each text of the subject with its translation into `language` and that translation's state."""
    check_language(language, original_language(subject))
    return items(current_sources(subject, today), _stored(_rows(subject, language)))


def save_translations(subject: TranslationSubject, language: str, edits: list[Edit], *, actor: Principal,
                      now: datetime) -> list[Item]:
    """Save every edit or none: a text unknown, a bad state or a source changed since it was seen refuses all."""
    check_language(language, original_language(subject))
    sources = current_sources(subject, now.date())
    check_edits(sources, edits)
    rows = _rows(subject, language)
    changes: dict[str, list] = {}
    for edit in edits:
        row = rows.get(edit.key)
        target = (edit.target or "").strip() or None
        before = [row.target, row.state] if row else [None, "missing"]
        if row is None:
            row = ContentTranslation(subject_kind=subject.kind, subject_id=subject.id, language=language,
                                     key=edit.key)
            db.session.add(row)
            rows[edit.key] = row
        row.source, row.target, row.state = sources[edit.key], target, edit.state if target else "missing"
        row.updated_at, row.updated_by = now, actor.label
        if before != [row.target, row.state]:
            changes[f"{language}:{edit.key}"] = [before, [row.target, row.state]]
    db.session.flush()
    if changes:
        record(db.session, actor, now, "translations.save", Subject(AUDIT_SUBJECT[subject.kind], subject.id),
               changes)
    return items(sources, _stored(rows))


def context_in(kind: str, subject_id: int, language: str, today: date) -> dict[str, Any]:
    """A document's context in `language`: its typed texts translated when `language` is not their original
    one (every text needs a final, current translation: `Untranslated`, 422, lists those that have none)."""
    subject = TranslationSubject(kind, subject_id)
    context = build_context(kind, subject_id, language, today)
    if kind not in AUDIT_SUBJECT or language == original_language(subject):
        return context
    sources = source_texts(kind, context)
    targets = final_targets(sources, _stored(_rows(subject, language)), subject, language)
    return with_targets(kind, context, targets)


def translated_text(subject: TranslationSubject, language: str, key: str, source: str) -> str:
    """One typed text in `language` (for what a document shows outside its context, e.g. the dossier's cover):
    the source in its original language, else its final current translation (`Untranslated` otherwise)."""
    if language == original_language(subject):
        return source
    return final_targets({key: source}, _stored(_rows(subject, language)), subject, language)[key]
