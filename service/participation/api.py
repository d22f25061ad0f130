"""CRM events over HTTP (R1).

Who may do what: the three parties write. Every token reads: the CRM's events and the members-only exceptions
are reported to all member countries anyway (in the monitoring report).
"""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.corrections import CancelSchema
from schemas.participation import CrmEventQuerySchema, CrmEventSchema, CrmEventUpdateSchema
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_writer
from service.extensions import db
from service.http import etag_header, find_or_404, require_if_match
from service.participation.models import CrmEvent
from service.participation.operations import cancel_event, create_event, delete_event, list_events, update_event

blp = Blueprint("crm_events", __name__, url_prefix="/api/v1/crm-events",
                description="CRM events and civil-society participation (R1)")
KIND = "crm-event"


def get_or_404(event_id: int) -> CrmEvent:
    return find_or_404(CrmEvent, event_id, "CRM event")


@blp.route("")
class CrmEvents(MethodView):
    @requires_reader
    @blp.arguments(CrmEventQuerySchema, location="query")
    @blp.response(200, CrmEventSchema(many=True))
    def get(self, args):
        return list_events(**args)

    @requires_writer
    @blp.arguments(CrmEventSchema)
    @blp.response(201, CrmEventSchema)
    def post(self, data):
        event = create_event(data, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return event, etag_header(KIND, event.id, event.version)


@blp.route("/<int:event_id>")
class CrmEventItem(MethodView):
    @requires_reader
    @blp.response(200, CrmEventSchema)
    def get(self, event_id):
        event = get_or_404(event_id)
        return event, etag_header(KIND, event.id, event.version)

    @requires_writer
    @blp.arguments(CrmEventUpdateSchema(partial=True))
    @blp.response(200, CrmEventSchema)
    def patch(self, changes, event_id):
        event = get_or_404(event_id)
        require_if_match(KIND, event.id, event.version)
        update_event(event, changes, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return event, etag_header(KIND, event.id, event.version)

    @requires_writer
    @blp.response(204)
    def delete(self, event_id):
        """Delete an event entered by mistake, unless an issued document already reported it (409)."""
        delete_event(get_or_404(event_id), actor=current_principal(), now=services().clock.now())
        db.session.commit()


@blp.route("/<int:event_id>/cancel")
class CrmEventCancel(MethodView):
    @requires_writer
    @blp.arguments(CancelSchema)
    @blp.response(200, CrmEventSchema)
    def post(self, data, event_id):
        """Cancel the event, keeping it on record with the reason."""
        event = get_or_404(event_id)
        require_if_match(KIND, event.id, event.version, required=False)
        cancel_event(event, data["reason"], actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return event, etag_header(KIND, event.id, event.version)
