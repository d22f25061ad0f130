"""Secretariat pages for the instruments agreed in the CRM and their monitoring (R10)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from schemas.monitoring import InstrumentSchema, InstrumentUpdateSchema, MonitoringEntrySchema
from service.http import check_if_match, etag_for
from service.monitoring.models import Instrument
from service.monitoring.operations import (
    add_entry,
    create_instrument,
    list_entries,
    list_instruments,
    update_instrument,
)
from service.web import list_facets
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now
from service.web.followup_forms import (
    INDICATOR_ROWS,
    INSTRUMENT_FIELDS,
    choices,
    entry_payload,
    instrument_payload,
    row_button,
    submitted_rows,
    values_of,
)
from service.web.forms import FieldErrors, read_rows, with_blank_rows
from service.web.labels import INSTRUMENT_KINDS, INSTRUMENT_STATES
from service.web.listing import list_page
from service.web.once import attempt_once
from service.web.signin import current_principal, requires_party
from service.web.views_records import record_history

Page = Response | tuple[str, int] | str
KIND = "instrument"  # the API's ETag kind


@web.get("/monitoring")
@requires_party
def instruments() -> Page:
    listing = list_page(list_instruments(), list_facets.INSTRUMENTS, states=INSTRUMENT_STATES, kinds=INSTRUMENT_KINDS)
    return render_template("monitoring/list.html", instruments=listing.rows, listing=listing,
                           **choices()), listing.status


def _form(instrument: Instrument | None, values: dict, errors: FieldErrors, etag: str | None,
          status: int = 200) -> tuple[str, int]:
    return render_template("monitoring/instrument_form.html", instrument=instrument, values=values, errors=errors,
                           etag=etag, **choices()), status


@web.route("/monitoring/instruments/new", methods=["GET", "POST"])
@requires_party
def instrument_new() -> Page:
    if request.method == "GET":
        return _form(None, {}, FieldErrors(), None)
    created, errors = attempt_once(
        lambda: create_instrument(InstrumentSchema().load(instrument_payload(request.form)),
                                  actor=current_principal(), now=now()),
        lambda instrument: url_for("web.instrument", instrument_id=instrument.id))
    if errors:
        return _form(None, request.form.to_dict(), errors, None, 422)
    flash(_("Instrument “%(title)s” saved.", title=created.title_es), "success")
    return redirect(url_for("web.instrument", instrument_id=created.id))


@web.route("/monitoring/instruments/<int:instrument_id>/edit", methods=["GET", "POST"])
@requires_party
def instrument_edit(instrument_id: int) -> Page:
    instrument = get_or_404(Instrument, instrument_id)
    if request.method == "GET":
        return _form(instrument, values_of(instrument, INSTRUMENT_FIELDS), FieldErrors(),
                     etag_for(KIND, instrument.id, instrument.version))
    offered = request.form.get("etag") or None

    def save() -> Instrument:
        check_if_match(offered, KIND, instrument.id, instrument.version)
        return update_instrument(instrument, InstrumentUpdateSchema().load(instrument_payload(request.form)),
                                 actor=current_principal(), now=now())

    _saved, errors = attempt(save)
    if errors:
        return _form(instrument, request.form.to_dict(), errors, offered, errors.status)
    flash(_("Instrument “%(title)s” saved.", title=instrument.title_es), "success")
    return redirect(url_for("web.instrument", instrument_id=instrument.id))


def _entries_page(instrument: Instrument, values: dict, rows: dict, errors: FieldErrors,
                  status: int = 200) -> tuple[str, int]:
    return render_template("monitoring/instrument.html", instrument=instrument, entries=list_entries(instrument),
                           values=values, rows=rows, errors=errors, history=record_history("instrument", instrument.id),
                           **choices()), status


@web.route("/monitoring/instruments/<int:instrument_id>", methods=["GET", "POST"])
@requires_party
def instrument(instrument_id: int) -> Page:
    """The instrument's monitoring entries and the form to add one (with repeatable indicator values)."""
    instrument = get_or_404(Instrument, instrument_id)
    if request.method == "GET":
        return _entries_page(instrument, {}, with_blank_rows({"indicators": []}, 2, INDICATOR_ROWS), FieldErrors())
    form, rows = request.form, read_rows(request.form, INDICATOR_ROWS)
    if row_button(form, rows, INDICATOR_ROWS):
        return _entries_page(instrument, form.to_dict(), rows, FieldErrors())
    rows = submitted_rows(form, INDICATOR_ROWS)
    _added, errors = attempt_once(
        lambda: add_entry(instrument, MonitoringEntrySchema().load(entry_payload(form, rows)),
                          actor=current_principal(), now=now()),
        lambda _entry: url_for("web.instrument", instrument_id=instrument.id) + "#entries")
    if errors:
        return _entries_page(instrument, form.to_dict(), with_blank_rows(rows, 1, INDICATOR_ROWS), errors, 422)
    flash(_("Monitoring entry recorded."), "success")
    return redirect(url_for("web.instrument", instrument_id=instrument.id) + "#entries")
