"""The translations page of one document's subject: each typed text, its translation and state, one save.

The form carries the source each row showed; if a text changed meanwhile nothing is saved and the page says
which (the same all-or-nothing rule as the API and the XLIFF import).
"""

from __future__ import annotations

from flask import Response as FlaskResponse
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from service.common.i18n import LANGUAGES
from service.content_translations import xliff
from service.content_translations.operations import save_translations, subject_texts, translation_items
from service.content_translations.rules import SUBJECT_KINDS, Edit, TranslationSubject, source_language
from service.errors import DomainError
from service.extensions import db
from service.web.blueprints import web
from service.web.common import now, today
from service.web.messages import translate
from service.web.signin import current_principal, requires_party


def _subject(kind: str, subject_id: int) -> tuple[TranslationSubject, str]:
    if kind not in SUBJECT_KINDS:
        abort(404)
    subject = TranslationSubject(kind, subject_id)
    try:
        texts = subject_texts(subject, today())
        original, typed_in = texts.original, set(texts.languages.values())
    except DomainError:  # no document to show yet: the page says why (translation_items raises it again)
        original, typed_in = "es", set()
    language = request.values.get("language") or next(code for code in LANGUAGES if code != original)
    # The original language only where some texts were typed in the other one (records say their own).
    if language not in LANGUAGES or (language == original and typed_in <= {language}):
        abort(400)
    return subject, language


def _edits() -> list[Edit]:
    """The rows the person changed (an untouched stale row stays stale: saving the page is no review of it)."""
    form, edits = request.form, []
    for n in range(min(form.get("count", type=int) or 0, 2000)):
        target, state = form.get(f"target-{n}", ""), form.get(f"state-{n}", "draft")
        if (target, state) != (form.get(f"shown-target-{n}", ""), form.get(f"shown-state-{n}", "")):
            state = "draft" if target.strip() and state == "missing" else state  # typed but not marked: a draft
            edits.append(Edit(form.get(f"key-{n}", ""), target or None, state, form.get(f"source-{n}", "")))
    return edits


@web.route("/translations/<kind>/<int:subject_id>", methods=["GET", "POST"])
@requires_party
def content_translations(kind: str, subject_id: int) -> Response | str:
    subject, language = _subject(kind, subject_id)
    if request.method == "POST":
        try:
            save_translations(subject, language, _edits(), actor=current_principal(), now=now())
            db.session.commit()
            flash(_("Translations saved."), "success")
        except DomainError as error:
            db.session.rollback()
            flash(translate(error), "error")
        return redirect(url_for("web.content_translations", kind=kind, subject_id=subject_id, language=language))
    try:
        items = translation_items(subject, language, today())
    except DomainError as error:
        flash(translate(error), "error")
        items = []
    return render_template("translations/edit.html", subject=subject, language=language, items=items,
                           original=source_language(language))


@web.get("/translations/<kind>/<int:subject_id>.xlf")
@requires_party
def content_translations_xliff(kind: str, subject_id: int) -> Response:
    """The same texts as an XLIFF 2.0 file for a translator (send it back through the API's import)."""
    subject, language = _subject(kind, subject_id)
    body = xliff.export(subject, source_language(language), language, translation_items(subject, language, today()))
    name = f"{kind}-{subject_id}.{language}.xlf"
    return FlaskResponse(body, mimetype="application/xliff+xml",
                         headers={"Content-Disposition": f'attachment; filename="{name}"'})
