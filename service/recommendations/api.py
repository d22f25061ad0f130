"""Recommendations over HTTP (R9).

Who may do what: the three parties write everything. Member countries read what was presented to the CRM
(submitted, approved, rejected) and the follow-ups of approved ones; drafts and the history are the team's
working data (403 for a country).
"""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from schemas.recommendations import (
    FollowUpSchema,
    HistoryEntrySchema,
    RecommendationQuerySchema,
    RecommendationSchema,
    RecommendationUpdateSchema,
    TransitionSchema,
)
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_team, requires_writer
from service.common.i18n import N_
from service.errors import Conflict, StaleVersion
from service.extensions import db
from service.http import etag_header, find_or_404, require_if_match
from service.recommendations.models import Recommendation
from service.recommendations.operations import (
    add_follow_up,
    create_recommendation,
    delete_draft,
    endorse,
    history,
    list_recommendations,
    transition,
    update_recommendation,
)
from service.recommendations.rules import RecommendationState

blp = Blueprint("recommendations", __name__, url_prefix="/api/v1/recommendations",
                description="Recommendations of the team to the CRM (R9)")
KIND = "recommendation"


def _is_team() -> bool:
    principal = current_principal()
    return principal is not None and principal.is_party


def get_or_404(recommendation_id: int) -> Recommendation:
    recommendation = find_or_404(Recommendation, recommendation_id, "recommendation")
    if recommendation.state == RecommendationState.DRAFT.value and not _is_team():
        abort(403, message="Draft recommendations are the team's working data.")
    return recommendation


def _etag(recommendation: Recommendation) -> dict[str, str]:
    return etag_header(KIND, recommendation.id, recommendation.version)


@blp.route("")
class Recommendations(MethodView):
    @requires_reader
    @blp.arguments(RecommendationQuerySchema, location="query")
    @blp.response(200, RecommendationSchema(many=True))
    def get(self, args):
        if args["state"] == RecommendationState.DRAFT.value and not _is_team():
            abort(403, message="Draft recommendations are the team's working data.")
        return list_recommendations(grcm_meeting_id=args["grcm_meeting_id"], state=args["state"],
                                    include_drafts=_is_team())

    @requires_writer
    @blp.arguments(RecommendationSchema)
    @blp.response(201, RecommendationSchema)
    def post(self, data):
        recommendation = create_recommendation(data, actor=current_principal(),
                                               now=services().clock.now())
        db.session.commit()
        return recommendation, _etag(recommendation)


@blp.route("/<int:recommendation_id>")
class RecommendationItem(MethodView):
    @requires_reader
    @blp.response(200, RecommendationSchema)
    def get(self, recommendation_id):
        recommendation = get_or_404(recommendation_id)
        return recommendation, _etag(recommendation)

    @requires_writer
    @blp.arguments(RecommendationUpdateSchema(partial=True))
    @blp.response(200, RecommendationSchema)
    def patch(self, changes, recommendation_id):
        recommendation = get_or_404(recommendation_id)
        require_if_match(KIND, recommendation.id, recommendation.version)
        update_recommendation(recommendation, changes, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return recommendation, _etag(recommendation)

    @requires_writer
    @blp.response(204)
    def delete(self, recommendation_id):
        """Delete a draft entered by mistake; the audit log keeps what it said."""
        delete_draft(get_or_404(recommendation_id), actor=current_principal(), now=services().clock.now())
        db.session.commit()


@blp.route("/<int:recommendation_id>/endorsement")
class RecommendationEndorsementView(MethodView):
    @requires_writer
    @blp.response(200, RecommendationSchema)
    def post(self, recommendation_id):
        """The calling party endorses the draft (R9); with If-Match, only the text it read (else 412)."""
        recommendation = get_or_404(recommendation_id)
        require_if_match(KIND, recommendation.id, recommendation.version, required=False)
        endorse(recommendation, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return recommendation, _etag(recommendation)


@blp.route("/<int:recommendation_id>/transitions")
class RecommendationTransitions(MethodView):
    @requires_writer
    @blp.arguments(TransitionSchema)
    @blp.response(200, RecommendationSchema)
    def post(self, data, recommendation_id):
        recommendation = get_or_404(recommendation_id)
        try:
            require_if_match(KIND, recommendation.id, recommendation.version, required=False)
        except StaleVersion:
            # The client decided on a state it no longer sees: a conflict, not a lost edit.
            raise Conflict(N_("The recommendation changed meanwhile (it is %(state)s now); read it again."),
                           params={"state": recommendation.state}, field="to") from None
        transition(recommendation, data["to"], actor=current_principal(), now=services().clock.now(),
                   decision_reference=data["decision_reference"], decided_on=data["decided_on"],
                   expected_state=data["expected_state"], submitted_on=data["submitted_on"])
        db.session.commit()
        return recommendation, _etag(recommendation)


@blp.route("/<int:recommendation_id>/follow-ups")
class RecommendationFollowUps(MethodView):
    @requires_reader
    @blp.response(200, FollowUpSchema(many=True))
    def get(self, recommendation_id):
        return get_or_404(recommendation_id).follow_ups

    @requires_writer
    @blp.arguments(FollowUpSchema)
    @blp.response(201, FollowUpSchema)
    def post(self, data, recommendation_id):
        recommendation = get_or_404(recommendation_id)
        follow_up = add_follow_up(recommendation, data, actor=current_principal(),
                                  now=services().clock.now())
        db.session.commit()
        return follow_up


@blp.route("/<int:recommendation_id>/history")
class RecommendationHistoryView(MethodView):
    @requires_team
    @blp.response(200, HistoryEntrySchema(many=True))
    def get(self, recommendation_id):
        return history(get_or_404(recommendation_id))
