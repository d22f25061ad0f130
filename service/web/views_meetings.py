"""Secretariat pages for meetings and minutes: parse the form with the API's schema, call the operation."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response

from schemas.corrections import CancelSchema
from schemas.meetings import MeetingSchema, MeetingUpdateSchema, MinutesSchema
from service.extensions import db
from service.http import check_if_match, etag_for
from service.meetings.models import Meeting, Minutes
from service.meetings.operations import (
    cancel_meeting,
    create_meeting,
    issued_minutes_references,
    save_minutes,
    update_meeting,
)
from service.meetings.rules import MeetingStatus
from service.meetings.tripartite import approve_minutes, record_consent
from service.ppt.models import PptTerm
from service.reference.models import Country
from service.web import documents_port, list_facets
from service.web.blueprints import web
from service.web.common import attempt, flash_errors, get_or_404, now
from service.web.confirm import confirm_page
from service.web.forms import (
    ROW_GROUPS,
    FieldErrors,
    blank_row,
    filled_rows,
    meeting_payload,
    meeting_values,
    minutes_payload,
    minutes_rows,
    read_rows,
    with_blank_rows,
)
from service.web.i18n import current_language, wall_time
from service.web.labels import MEETING_KINDS, MEETING_STATUSES
from service.web.list_facets import minutes_state
from service.web.listing import list_page
from service.web.once import attempt_once
from service.web.signin import current_principal, requires_party

Page = Response | tuple[str, int] | str
NEW_MEETING = {"kind": "ordinary", "modality": "virtual", "timezone": "America/Costa_Rica"}


def _choices() -> dict:
    countries = db.session.scalars(select(Country).where(Country.is_member).order_by(Country.code)).all()
    language = current_language()
    return {
        "terms": db.session.scalars(select(PptTerm).order_by(PptTerm.starts_on)).all(),
        "country_options": [(c.code, f"{c.code} · {c.name(language)}") for c in countries],
    }


def _meeting_form(meeting: Meeting | None, values: dict, errors: FieldErrors, etag: str | None,
                  status: int = 200) -> tuple[str, int]:
    consent_records = {r.party: r for r in meeting.consent_records} if meeting else {}
    return render_template("meetings/form.html", meeting=meeting, values=values, errors=errors, etag=etag,
                           current_party=current_principal().party, consent_records=consent_records,
                           has_ended=meeting is not None and meeting.ends_at_utc <= now(), **_choices()), status


@web.get("/meetings")
@requires_party
def meetings() -> Page:
    found = db.session.scalars(select(Meeting).order_by(Meeting.starts_at_utc.desc()).options(
        selectinload(Meeting.minutes).selectinload(Minutes.approvals))).all()  # the minutes column, 2 queries
    listing = list_page(found, list_facets.meetings(documents_port.references_by_subject("minutes")),
                        states=MEETING_STATUSES, kinds=MEETING_KINDS)
    return render_template("meetings/list.html", meetings=listing.rows, listing=listing, minutes_state=minutes_state,
                           issued=documents_port.issued_subject_ids("minutes")), listing.status


@web.route("/meetings/new", methods=["GET", "POST"])
@requires_party
def meeting_new() -> Page:
    if request.method == "GET":
        return _meeting_form(None, dict(NEW_MEETING), FieldErrors(), None)
    party = current_principal().party
    meeting, errors = attempt_once(
        lambda: create_meeting(MeetingSchema().load(meeting_payload(request.form, party)), actor=current_principal(),
                               now=now()),
        lambda created: url_for("web.meeting_edit", meeting_id=created.id))
    if errors:
        return _meeting_form(None, request.form.to_dict(), errors, None, 422)
    flash(_("Meeting “%(title)s” saved.", title=meeting.title), "success")
    return redirect(url_for("web.meetings"))


@web.route("/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@requires_party
def meeting_edit(meeting_id: int) -> Page:
    meeting = get_or_404(Meeting, meeting_id)
    if request.method == "GET":
        return _meeting_form(meeting, meeting_values(meeting), FieldErrors(),
                             etag_for("meeting", meeting.id, meeting.sequence))
    offered = request.form.get("etag") or None

    def save() -> Meeting:
        check_if_match(offered, "meeting", meeting.id, meeting.sequence)
        return update_meeting(meeting, MeetingUpdateSchema().load(meeting_payload(request.form, None)),
                              actor=current_principal(), now=now())

    _saved, errors = attempt(save)
    if errors:
        return _meeting_form(meeting, request.form.to_dict(), errors, offered, errors.status)
    flash(_("Meeting “%(title)s” saved.", title=meeting.title), "success")
    return redirect(url_for("web.meetings"))


@web.post("/meetings/<int:meeting_id>/consent")
@requires_party
def meeting_consent(meeting_id: int) -> Response:
    """The signed-in party's own answer: yes or no."""
    get_or_404(Meeting, meeting_id)
    answer = request.form.get("consent") == "yes"
    _done, errors = attempt(lambda: record_consent(meeting_id, answer, actor=current_principal(), now=now()))
    flash_errors(errors)
    if not errors:
        flash(_("Your answer is recorded.") if answer else _("Your refusal is recorded."), "success")
    return redirect(url_for("web.meeting", meeting_id=meeting_id, _anchor="consent-panel"))


def _cancel_page(meeting: Meeting, values: dict | None = None, errors: FieldErrors | None = None,
                 status: int = 200) -> tuple[str, int]:
    """What cancelling this meeting does, in its own words; refused (no button) while its minutes are issued."""
    issued = issued_minutes_references(meeting.id)
    consequences = [
        _("The meeting stays on record, marked cancelled; subscribed calendars show the cancellation at their "
          "next refresh."),
        _("It can no longer be edited: to meet again, schedule a new meeting."),
    ]
    if meeting.ordinary_quarter and not meeting.ever_held:
        consequences.append(_("Its quarter (%(quarter)s) becomes free for another ordinary meeting.",
                              quarter=meeting.ordinary_quarter))
    if meeting.minutes is not None and not issued:
        consequences.append(_("Its minutes stay on record, but can no longer be issued."))
    warnings = [_("Minutes of this meeting were issued (%(references)s): withdraw them first, with a reason; "
                  "then the meeting can be cancelled.", references=", ".join(issued))] if issued else []
    cancelled = meeting.status == MeetingStatus.CANCELLED.value
    if cancelled:
        warnings = [_("This meeting is already cancelled.")]
    return confirm_page(
        heading=_("Cancel the meeting"), subject=f"{meeting.title} · {MEETING_KINDS[meeting.kind]} · "
        f"{wall_time(meeting.starts_at)} ({meeting.timezone})", consequences=consequences, warnings=warnings,
        blocked=bool(issued) or cancelled, confirm_label=_("Yes, cancel the meeting"),
        action=url_for("web.meeting_cancel", meeting_id=meeting.id),
        hidden={"etag": etag_for("meeting", meeting.id, meeting.sequence)}, ask_reason=True,
        back=url_for("web.meeting_edit", meeting_id=meeting.id), values=values, errors=errors, status=status)


@web.get("/meetings/<int:meeting_id>/cancel")
@requires_party
def meeting_cancel_confirm(meeting_id: int) -> Page:
    """Cancelling asks first: the page says what the cancellation does, the button confirms it."""
    return _cancel_page(get_or_404(Meeting, meeting_id))


@web.post("/meetings/<int:meeting_id>/cancel")
@requires_party
def meeting_cancel(meeting_id: int) -> Page:
    meeting = get_or_404(Meeting, meeting_id)
    offered = request.form.get("etag") or None

    def cancel() -> Meeting:
        check_if_match(offered, "meeting", meeting.id, meeting.sequence)
        reason = CancelSchema().load({"reason": request.form.get("reason") or None})["reason"]
        return cancel_meeting(meeting, actor=current_principal(), now=now(), reason=reason)

    _done, errors = attempt(cancel)
    if errors:
        return _cancel_page(meeting, request.form.to_dict(), errors, errors.status)
    flash(_("Meeting “%(title)s” cancelled.", title=meeting.title), "success")
    return redirect(url_for("web.meetings"))


def _minutes_etag(meeting: Meeting) -> str:
    return etag_for("minutes", meeting.id, meeting.minutes.version) if meeting.minutes is not None else ""


def _minutes_form(meeting: Meeting, rows: dict, values: dict, errors: FieldErrors, etag: str,
                  status: int = 200) -> tuple[str, int]:
    documents = documents_port.issued_documents(kind="minutes", subject_id=meeting.id)
    return render_template("meetings/minutes.html", meeting=meeting, rows=rows, values=values, errors=errors,
                           etag=etag, documents=documents, current_party=current_principal().party,
                           groups=ROW_GROUPS, **_choices()), status


@web.route("/meetings/<int:meeting_id>/minutes", methods=["GET", "POST"])
@requires_party
def minutes(meeting_id: int) -> Page:
    meeting = get_or_404(Meeting, meeting_id)
    if request.method == "GET":
        stored = meeting.minutes
        values = {"language": stored.language if stored else "es",
                  "next_meeting": (stored.next_meeting or "") if stored else ""}
        return _minutes_form(meeting, with_blank_rows(minutes_rows(stored), 3), values, FieldErrors(),
                             _minutes_etag(meeting))
    form, rows = request.form, read_rows(request.form)
    offered = form.get("etag", "")
    # Without JavaScript, "add a row" and "remove" buttons submit the form: show it again, one row more or less.
    if form.get("add") in ROW_GROUPS:
        rows[form["add"]].append(blank_row(form["add"]))
        return _minutes_form(meeting, rows, form.to_dict(), FieldErrors(), offered)
    if form.get("remove"):
        group, _sep, index = form["remove"].rpartition("-")
        if group in ROW_GROUPS and index.isdigit() and int(index) < len(rows[group]):
            del rows[group][int(index)]
        return _minutes_form(meeting, rows, form.to_dict(), FieldErrors(), offered)
    rows = filled_rows(rows)

    def save() -> object:
        if meeting.minutes is not None:
            check_if_match(offered or None, "minutes", meeting.id, meeting.minutes.version)
        return save_minutes(meeting, MinutesSchema().load(minutes_payload(form, rows)), actor=current_principal(),
                            now=now())

    _saved, errors = attempt(save)
    if errors:
        return _minutes_form(meeting, with_blank_rows(rows, 1), form.to_dict(), errors, offered,
                             errors.status)
    flash(_("Minutes saved."), "success")
    return redirect(url_for("web.minutes", meeting_id=meeting.id))


@web.post("/meetings/<int:meeting_id>/minutes/approve")
@requires_party
def minutes_approve(meeting_id: int) -> Response:
    """The signed-in party approves the minutes as shown on its page (the version in the form's etag)."""
    meeting = get_or_404(Meeting, meeting_id)
    offered = request.form.get("etag") or None

    def approve() -> object:
        if meeting.minutes is None:
            return None
        check_if_match(offered, "minutes", meeting.id, meeting.minutes.version)
        return approve_minutes(meeting, meeting.minutes.version, actor=current_principal(), now=now())

    _done, errors = attempt(approve)
    flash_errors(errors)
    if not errors:
        flash(_("Your approval of the minutes is recorded."), "success")
    return redirect(url_for("web.minutes", meeting_id=meeting.id))
