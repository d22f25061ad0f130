"""Secretariat pages for recommendations (R9): the API's schemas and operations, one transition() for states."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from schemas.recommendations import (
    FollowUpSchema,
    RecommendationSchema,
    RecommendationUpdateSchema,
    TransitionSchema,
)
from service.http import check_if_match, etag_for
from service.recommendations.models import Recommendation
from service.recommendations.operations import (
    add_follow_up,
    create_recommendation,
    endorse,
    history,
    list_recommendations,
    transition,
    update_recommendation,
)
from service.recommendations.rules import ALLOWED_TRANSITIONS, PARTIES, RecommendationState
from service.web import list_facets
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now
from service.web.followup_forms import (
    RECOMMENDATION_FIELDS,
    choices,
    follow_up_payload,
    recommendation_payload,
    transition_payload,
    values_of,
)
from service.web.forms import FieldErrors
from service.web.labels import PARTIES as PARTY_LABELS
from service.web.labels import RECOMMENDATION_STATES
from service.web.listing import list_page
from service.web.once import attempt_once
from service.web.signin import current_principal, requires_party
from service.web.views_records import record_history

Page = Response | tuple[str, int] | str
KIND = "recommendation"  # the API's ETag kind


def _etag(recommendation: Recommendation) -> str:
    return etag_for(KIND, recommendation.id, recommendation.version)


def _status(errors: FieldErrors) -> int:
    return errors.status


@web.get("/recommendations")
@requires_party
def recommendations() -> Page:
    listing = list_page(list_recommendations(), list_facets.RECOMMENDATIONS, states=RECOMMENDATION_STATES)
    return render_template("recommendations/list.html", recommendations=listing.rows, listing=listing,
                           **choices()), listing.status


def _form(recommendation: Recommendation | None, values: dict, errors: FieldErrors, etag: str | None,
          status: int = 200) -> tuple[str, int]:
    return render_template("recommendations/form.html", recommendation=recommendation, values=values,
                           errors=errors, etag=etag, **choices()), status


@web.route("/recommendations/new", methods=["GET", "POST"])
@requires_party
def recommendation_new() -> Page:
    if request.method == "GET":
        return _form(None, {}, FieldErrors(), None)
    created, errors = attempt_once(lambda: create_recommendation(
        RecommendationSchema().load(recommendation_payload(request.form)), actor=current_principal(),
        now=now()), lambda rec: url_for("web.recommendation", recommendation_id=rec.id))
    if errors:
        return _form(None, request.form.to_dict(), errors, None, 422)
    flash(_("Recommendation “%(title)s” saved.", title=created.title), "success")
    return redirect(url_for("web.recommendation", recommendation_id=created.id))


@web.route("/recommendations/<int:recommendation_id>/edit", methods=["GET", "POST"])
@requires_party
def recommendation_edit(recommendation_id: int) -> Page:
    recommendation = get_or_404(Recommendation, recommendation_id)
    if request.method == "GET":
        return _form(recommendation, values_of(recommendation, RECOMMENDATION_FIELDS), FieldErrors(),
                     _etag(recommendation))
    offered = request.form.get("etag") or None

    def save() -> Recommendation:
        check_if_match(offered, KIND, recommendation.id, recommendation.version)
        return update_recommendation(
            recommendation, RecommendationUpdateSchema().load(recommendation_payload(request.form)),
            actor=current_principal(), now=now())

    _saved, errors = attempt(save)
    if errors:
        return _form(recommendation, request.form.to_dict(), errors, offered, _status(errors))
    flash(_("Recommendation “%(title)s” saved.", title=recommendation.title), "success")
    return redirect(url_for("web.recommendation", recommendation_id=recommendation.id))


def _page(recommendation: Recommendation, *, move: dict | None = None, move_errors: FieldErrors | None = None,
          report: dict | None = None, report_errors: FieldErrors | None = None, status: int = 200,
          etag: str | None = None) -> tuple[str, int]:
    state = RecommendationState(recommendation.state)
    return render_template(
        "recommendations/detail.html", recommendation=recommendation, history=history(recommendation),
        audit_history=record_history("recommendation", recommendation.id),
        moves=sorted(move.value for move in ALLOWED_TRANSITIONS[state]), etag=etag or _etag(recommendation),
        missing_endorsements=[str(PARTY_LABELS[p]) for p in PARTIES
                              if p not in {e.party for e in recommendation.endorsements}],
        move=move or {"expected_state": state.value}, move_errors=move_errors or FieldErrors(),
        report=report or {}, report_errors=report_errors or FieldErrors(),
        my_party=current_principal().party), status


@web.get("/recommendations/<int:recommendation_id>")
@requires_party
def recommendation(recommendation_id: int) -> Page:
    return _page(get_or_404(Recommendation, recommendation_id))


@web.post("/recommendations/<int:recommendation_id>/transitions")
@requires_party
def recommendation_transition(recommendation_id: int) -> Page:
    recommendation = get_or_404(Recommendation, recommendation_id)
    offered = request.form.get("etag") or None

    def move() -> Recommendation:
        check_if_match(offered, KIND, recommendation.id, recommendation.version, required=False)
        data = TransitionSchema().load(transition_payload(request.form))
        return transition(recommendation, data["to"], actor=current_principal(), now=now(),
                          decision_reference=data["decision_reference"], decided_on=data["decided_on"],
                          expected_state=data["expected_state"], submitted_on=data["submitted_on"])

    _moved, errors = attempt(move)
    if errors:
        return _page(recommendation, move=request.form.to_dict(), move_errors=errors, status=_status(errors),
                     etag=offered)
    flash(_("The recommendation is now “%(state)s”.",
            state=RECOMMENDATION_STATES.get(recommendation.state, recommendation.state)), "success")
    return redirect(url_for("web.recommendation", recommendation_id=recommendation.id))


@web.post("/recommendations/<int:recommendation_id>/endorsement")
@requires_party
def recommendation_endorsement(recommendation_id: int) -> Page:
    """The signed-in party endorses the draft it read (the page's ETag): a changed text is refused, not endorsed."""
    recommendation = get_or_404(Recommendation, recommendation_id)
    offered = request.form.get("etag") or None

    def endorse_read_text() -> Recommendation:
        check_if_match(offered, KIND, recommendation.id, recommendation.version)
        return endorse(recommendation, actor=current_principal(), now=now())

    _endorsed, errors = attempt(endorse_read_text)
    if errors:
        return _page(recommendation, move_errors=errors, status=_status(errors), etag=offered)
    flash(_("Your party endorsed the recommendation."), "success")
    return redirect(url_for("web.recommendation", recommendation_id=recommendation.id) + "#endorsements")


@web.post("/recommendations/<int:recommendation_id>/follow-ups")
@requires_party
def recommendation_follow_up(recommendation_id: int) -> Page:
    recommendation = get_or_404(Recommendation, recommendation_id)
    _added, errors = attempt_once(lambda: add_follow_up(
        recommendation, FollowUpSchema().load(follow_up_payload(request.form)), actor=current_principal(),
        now=now()), lambda _follow_up: url_for("web.recommendation", recommendation_id=recommendation.id)
        + "#follow-ups")
    if errors:
        return _page(recommendation, report=request.form.to_dict(), report_errors=errors, status=422)
    flash(_("Follow-up recorded."), "success")
    return redirect(url_for("web.recommendation", recommendation_id=recommendation.id) + "#follow-ups")
