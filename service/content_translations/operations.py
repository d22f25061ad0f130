"""Reading and saving content translations, and the context of a document in a language (translated texts
filled in, or `Untranslated` when some are not final). Every change is audited under the subject's record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject
from service.auth.principals import Principal
from service.common.i18n import LANGUAGES
from service.content_translations.models import ContentTranslation
from service.content_translations.rules import (
    DEFAULT_ORIGINAL,
    Edit,
    Item,
    Stored,
    TranslationSubject,
    check_edits,
    check_language,
    final_targets,
    items,
    known_translations,
    main_original,
    source_texts,
    text_languages,
    to_translate,
    with_targets,
    without_hints,
)
from service.documents.contexts import build_context, subject_context
from service.extensions import db
from service.meetings.models import Meeting

# The audit log tells a translation under the record whose texts it translates.
AUDIT_SUBJECT = {"minutes": "meeting", "recommendations": "grcm", "monitoring_report": "grcm",
                 "ppt_feedback": "ppt_term", "work_plan": "work_plan"}


@dataclass(frozen=True)
class SubjectTexts:
    """The typed texts a subject's document shows now, each with the language it was typed in."""

    sources: dict[str, str]
    languages: dict[str, str]
    original: str  # the language most of them were typed in (minutes: the language they were recorded in)
    context: dict[str, Any]

    def to_translate(self, language: str) -> dict[str, str]:
        return to_translate(self.sources, self.languages, language)


def _minutes_language(subject: TranslationSubject) -> str | None:
    if subject.kind == "minutes":
        meeting = db.session.get(Meeting, subject.id)
        if meeting is not None and meeting.minutes is not None and meeting.minutes.language:
            return meeting.minutes.language
    return None


def subject_texts(subject: TranslationSubject, today: date) -> SubjectTexts:
    """The subject's typed texts (404/422 as issuing would, when its document cannot be built)."""
    context = subject_context(subject.kind, subject.id, DEFAULT_ORIGINAL, today)
    languages = text_languages(subject.kind, context)
    original = _minutes_language(subject) or main_original(languages)
    return SubjectTexts(source_texts(subject.kind, context), languages, original, context)


def _stored_with_known(subject: TranslationSubject, language: str, context: dict[str, Any],
                       rows: dict[str, ContentTranslation]) -> dict[str, Stored]:
    """The translations saved for the subject, over those its records carry themselves."""
    return {**known_translations(subject.kind, context, language), **_stored(rows)}


def current_sources(subject: TranslationSubject, today: date) -> dict[str, str]:
    """The typed texts the subject's document shows now, by key, whatever language each was typed in."""
    return subject_texts(subject, today).sources


def original_language(subject: TranslationSubject, today: date) -> str:
    """The language the subject's texts were typed in (most of them: records say their own)."""
    return subject_texts(subject, today).original


def _rows(subject: TranslationSubject, language: str) -> dict[str, ContentTranslation]:
    query = select(ContentTranslation).where(ContentTranslation.subject_kind == subject.kind,
                                             ContentTranslation.subject_id == subject.id,
                                             ContentTranslation.language == language)
    return {row.key: row for row in db.session.scalars(query)}


def _stored(rows: dict[str, ContentTranslation]) -> dict[str, Stored]:
    return {key: Stored(row.source, row.target, row.state) for key, row in rows.items()}


def translation_items(subject: TranslationSubject, language: str, today: date) -> list[Item]:
    """Each text of the subject typed in another language, with its translation into `language` and its state."""
    texts = subject_texts(subject, today)
    sources = texts.to_translate(language if language in LANGUAGES else DEFAULT_ORIGINAL)
    check_language(language, texts.original, needed=len(sources))
    return items(sources, _stored_with_known(subject, language, texts.context, _rows(subject, language)))


def save_translations(subject: TranslationSubject, language: str, edits: list[Edit], *, actor: Principal,
                      now: datetime) -> list[Item]:
    """Save every edit or none: a text unknown, a bad state or a source changed since it was seen refuses all."""
    texts = subject_texts(subject, now.date())
    sources = texts.to_translate(language if language in LANGUAGES else DEFAULT_ORIGINAL)
    check_language(language, texts.original, needed=len(sources))
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
    return items(sources, _stored_with_known(subject, language, texts.context, rows))


def context_in(kind: str, subject_id: int, language: str, today: date) -> dict[str, Any]:
    """A document's context in `language`: the texts typed in `language` as typed, the others with their final,
    current translation (`Untranslated`, 422, lists those that have none). The header says the original
    language (the symbol block's "Original:"); the per-text hints are gone."""
    subject = TranslationSubject(kind, subject_id)
    context = build_context(kind, subject_id, language, today)
    if kind not in AUDIT_SUBJECT:
        return without_hints(context)
    sources, languages = source_texts(kind, context), text_languages(kind, context)
    original = _minutes_language(subject) or main_original(languages)
    needed = to_translate(sources, languages, language)
    if needed:
        stored = _stored_with_known(subject, language, context, _rows(subject, language))
        context = with_targets(kind, context, final_targets(needed, stored, subject, language))
    context = without_hints(context)
    context["header"] = {**context.get("header", {}), "original_language": original}
    return context


def translated_text(subject: TranslationSubject, language: str, key: str, source: str,
                    original: str = DEFAULT_ORIGINAL) -> str:
    """One typed text in `language` (for what a document shows outside its context, e.g. the dossier's cover):
    the source when typed in `language`, else its final current translation (`Untranslated` otherwise)."""
    if language == original:
        return source
    return final_targets({key: source}, _stored(_rows(subject, language)), subject, language)[key]
