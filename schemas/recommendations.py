from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import Day, Id, OriginalLanguage, Text, Url
from service.recommendations.rules import FollowUpStatus, RecommendationState

STATES = [s.value for s in RecommendationState]


class EndorsementSchema(Schema):
    party = fields.String()
    by = fields.String()
    at = fields.AwareDateTime()


class RecommendationSchema(Schema):
    id = Id(dump_only=True)
    title = Text(required=True, max_length=300)
    text = Text(required=True, multiline=True, max_length=10000)
    rationale = Text(required=True, multiline=True, max_length=10000)
    # a CRM body (viceministerial, grcm, member_countries, st_crm, ppt) or a liaison network code
    addressee = fields.String(required=True, validate=validate.Length(min=2, max=32))
    grcm_meeting_id = Id(load_default=None, allow_none=True)
    original_language = OriginalLanguage()
    state = fields.String(dump_only=True)
    endorsements = fields.List(fields.Nested(EndorsementSchema), dump_only=True)
    submitted_on = Day(dump_only=True, allow_none=True)
    decision_reference = fields.String(dump_only=True, allow_none=True)
    decided_on = Day(dump_only=True, allow_none=True)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)
    version = fields.Integer(dump_only=True)


class RecommendationUpdateSchema(RecommendationSchema):
    """PATCH (partial=True): only while the recommendation is a draft."""


class RecommendationQuerySchema(Schema):
    grcm_meeting_id = Id(load_default=None)
    state = fields.String(load_default=None, validate=validate.OneOf(STATES))


class TransitionSchema(Schema):
    to = fields.String(required=True, validate=validate.OneOf(
        [RecommendationState.SUBMITTED.value, RecommendationState.APPROVED.value,
         RecommendationState.REJECTED.value]))
    decision_reference = Text(load_default=None, allow_none=True, max_length=100)
    decided_on = Day(load_default=None, allow_none=True)
    expected_state = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(STATES))
    # a submission's real date (today when not given), before the GRCM meeting starts
    submitted_on = Day(load_default=None, allow_none=True)


class HistoryEntrySchema(Schema):
    id = Id()
    from_state = fields.String(allow_none=True)
    to_state = fields.String()
    actor = fields.String()
    at = fields.AwareDateTime()
    decision_reference = fields.String(allow_none=True)
    decided_on = Day(allow_none=True)


class FollowUpSchema(Schema):
    id = Id(dump_only=True)
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in FollowUpStatus]))
    reported_on = Day(required=True)
    evidence = Text(required=True, multiline=True, max_length=5000)
    evidence_url = Url(load_default=None, allow_none=True)
    original_language = OriginalLanguage()
    recorded_by = fields.String(dump_only=True)
    recorded_at = fields.AwareDateTime(dump_only=True)
