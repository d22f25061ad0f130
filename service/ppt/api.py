from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort
from sqlalchemy import select

from schemas.ppt import PptOnDateSchema, PptTermSchema, PptTermUpdateSchema
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_writer
from service.extensions import db
from service.http import etag_header, find_or_404, require_if_match
from service.meetings.rules import pre_ppt_meeting_deadline
from service.ppt.models import PptTerm
from service.ppt.operations import create_term, term_on, update_term

blp = Blueprint("ppt_terms", __name__, url_prefix="/api/v1/ppt-terms", description="Presidencia Pro Tempore terms")


def dump(term: PptTerm) -> dict:
    return {"id": term.id, "country": term.country, "starts_on": term.starts_on, "ends_on": term.ends_on,
            "pre_ppt_meeting_deadline": pre_ppt_meeting_deadline(term.starts_on), "version": term.version}


def get_or_404(term_id: int) -> PptTerm:
    return find_or_404(PptTerm, term_id, "PPT term")


@blp.route("")
class PptTerms(MethodView):
    @requires_reader
    @blp.response(200, PptTermSchema(many=True))
    def get(self):
        return [dump(t) for t in db.session.scalars(select(PptTerm).order_by(PptTerm.starts_on))]

    @requires_writer
    @blp.arguments(PptTermSchema)
    @blp.response(201, PptTermSchema)
    def post(self, data):
        term = create_term(data, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return dump(term), etag_header("ppt-term", term.id, term.version)


@blp.route("/current")
class CurrentPpt(MethodView):
    @requires_reader
    @blp.arguments(PptOnDateSchema, location="query")
    @blp.response(200, PptTermSchema)
    def get(self, args):
        term = term_on(args["on"])
        if term is None:
            abort(404, message=f"No PPT term covers {args['on'].isoformat()}.")
        return dump(term)


@blp.route("/<int:term_id>")
class PptTermItem(MethodView):
    @requires_reader
    @blp.response(200, PptTermSchema)
    def get(self, term_id):
        term = get_or_404(term_id)
        return dump(term), etag_header("ppt-term", term.id, term.version)

    @requires_writer
    @blp.arguments(PptTermUpdateSchema(partial=True))
    @blp.response(200, PptTermSchema)
    def patch(self, changes, term_id):
        term = get_or_404(term_id)
        require_if_match("ppt-term", term.id, term.version)
        update_term(term, changes, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return dump(term), etag_header("ppt-term", term.id, term.version)
