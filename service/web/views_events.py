"""Secretariat pages for CRM events and civil society's participation in them (R1)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from schemas.participation import CrmEventSchema, CrmEventUpdateSchema
from service.http import check_if_match, etag_for
from service.participation.models import CrmEvent
from service.participation.operations import create_event, list_events, update_event
from service.web import list_facets
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now, today
from service.web.followup_forms import choices, event_payload, event_values
from service.web.forms import FieldErrors
from service.web.labels import CALENDAR_STATES, EVENT_KINDS
from service.web.listing import list_page
from service.web.once import attempt_once
from service.web.signin import current_principal, requires_party

Page = Response | tuple[str, int] | str
KIND = "crm-event"  # the API's ETag kind


@web.get("/crm-events")
@requires_party
def crm_events() -> Page:
    listing = list_page(list_events(), list_facets.crm_events(today()), states=CALENDAR_STATES, kinds=EVENT_KINDS)
    return render_template("events/list.html", events=listing.rows, listing=listing, **choices()), listing.status


def _form(event: CrmEvent | None, values: dict, errors: FieldErrors, etag: str | None,
          status: int = 200) -> tuple[str, int]:
    return render_template("events/form.html", event=event, values=values, errors=errors, etag=etag,
                           **choices()), status


@web.route("/crm-events/new", methods=["GET", "POST"])
@requires_party
def crm_event_new() -> Page:
    if request.method == "GET":
        return _form(None, {}, FieldErrors(), None)
    created, errors = attempt_once(lambda: create_event(CrmEventSchema().load(event_payload(request.form)),
                                                        actor=current_principal(), now=now()),
                                   lambda event: url_for("web.crm_event_edit", event_id=event.id))
    if errors:
        return _form(None, request.form.to_dict(), errors, None, 422)
    flash(_("CRM event “%(title)s” saved.", title=created.title), "success")
    return redirect(url_for("web.crm_events"))


@web.route("/crm-events/<int:event_id>/edit", methods=["GET", "POST"])
@requires_party
def crm_event_edit(event_id: int) -> Page:
    event = get_or_404(CrmEvent, event_id)
    if request.method == "GET":
        return _form(event, event_values(event), FieldErrors(), etag_for(KIND, event.id, event.version))
    offered = request.form.get("etag") or None

    def save() -> CrmEvent:
        check_if_match(offered, KIND, event.id, event.version)
        return update_event(event, CrmEventUpdateSchema().load(event_payload(request.form)),
                            actor=current_principal(), now=now())

    _saved, errors = attempt(save)
    if errors:
        return _form(event, request.form.to_dict(), errors, offered, errors.status)
    flash(_("CRM event “%(title)s” saved.", title=event.title), "success")
    return redirect(url_for("web.crm_events"))
