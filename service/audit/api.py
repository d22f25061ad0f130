"""GET /api/v1/audit: the log, for the three parties. No route edits or deletes it (other methods: 405)."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.audit import AuditEntrySchema, AuditQuerySchema
from service.audit.models import AuditEntry
from service.audit.operations import entries
from service.auth.http import requires_auditor
from service.extensions import db

blp = Blueprint("audit", __name__, url_prefix="/api/v1", description="Who changed what, when (append-only)")


def dump_entry(entry: AuditEntry) -> dict:
    return {"id": entry.id, "at": entry.at, "action": entry.action, "subject": entry.subject,
            "changes": entry.changes,
            "actor": {"party": entry.actor_party, "country": entry.actor_country, "user_id": entry.actor_user_id,
                      "user_email": entry.actor_user_email, "token_id": entry.actor_token_id,
                      "system": entry.actor_system}}


@blp.route("/audit")
class AuditLog(MethodView):
    @requires_auditor
    @blp.arguments(AuditQuerySchema, location="query")
    @blp.response(200, AuditEntrySchema(many=True))
    def get(self, args):
        """Entries in the order written (at most `limit`), optionally about one subject: `?subject=meeting:12`."""
        found = entries(db.session, subject=args["subject"], after_id=args["after_id"], limit=args["limit"])
        return [dump_entry(entry) for entry in found]
