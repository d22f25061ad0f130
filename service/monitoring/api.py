"""Instruments (R10) and their monitoring over HTTP.

Who may do what: the three parties write. Every token reads the register of instruments (documents the CRM
adopted); the monitoring entries are the team's working data, shared with member countries through the issued
monitoring report (R5), so they are team-only here.
"""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.monitoring import (
    InstrumentQuerySchema,
    InstrumentSchema,
    InstrumentUpdateSchema,
    MonitoringEntrySchema,
    MonitoringQuerySchema,
)
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_team, requires_writer
from service.extensions import db
from service.http import etag_header, find_or_404, require_if_match
from service.monitoring.models import Instrument
from service.monitoring.operations import (
    add_entry,
    create_instrument,
    delete_instrument,
    list_entries,
    list_instruments,
    update_instrument,
)

blp = Blueprint("instruments", __name__, url_prefix="/api/v1/instruments",
                description="CRM instruments and the monitoring of their implementation (R10)")
KIND = "instrument"


def get_or_404(instrument_id: int) -> Instrument:
    return find_or_404(Instrument, instrument_id, "instrument")


@blp.route("")
class Instruments(MethodView):
    @requires_reader
    @blp.arguments(InstrumentQuerySchema, location="query")
    @blp.response(200, InstrumentSchema(many=True))
    def get(self, args):
        return list_instruments(**args)

    @requires_writer
    @blp.arguments(InstrumentSchema)
    @blp.response(201, InstrumentSchema)
    def post(self, data):
        instrument = create_instrument(data, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return instrument, etag_header(KIND, instrument.id, instrument.version)


@blp.route("/<int:instrument_id>")
class InstrumentItem(MethodView):
    @requires_reader
    @blp.response(200, InstrumentSchema)
    def get(self, instrument_id):
        instrument = get_or_404(instrument_id)
        return instrument, etag_header(KIND, instrument.id, instrument.version)

    @requires_writer
    @blp.arguments(InstrumentUpdateSchema(partial=True))
    @blp.response(200, InstrumentSchema)
    def patch(self, changes, instrument_id):
        instrument = get_or_404(instrument_id)
        require_if_match(KIND, instrument.id, instrument.version)
        update_instrument(instrument, changes, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return instrument, etag_header(KIND, instrument.id, instrument.version)

    @requires_writer
    @blp.response(204)
    def delete(self, instrument_id):
        """Delete an instrument entered by mistake: never monitored nor shown in an issued report (else 409)."""
        delete_instrument(get_or_404(instrument_id), actor=current_principal(), now=services().clock.now())
        db.session.commit()


@blp.route("/<int:instrument_id>/monitoring")
class InstrumentMonitoring(MethodView):
    @requires_team
    @blp.arguments(MonitoringQuerySchema, location="query")
    @blp.response(200, MonitoringEntrySchema(many=True))
    def get(self, args, instrument_id):
        return list_entries(get_or_404(instrument_id), country_code=args["country"])

    @requires_writer
    @blp.arguments(MonitoringEntrySchema)
    @blp.response(201, MonitoringEntrySchema)
    def post(self, data, instrument_id):
        entry = add_entry(get_or_404(instrument_id), data, actor=current_principal(),
                          now=services().clock.now())
        db.session.commit()
        return entry
