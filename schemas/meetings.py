from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from schemas.fields import CountryCode, Day, Id, LocalDateTime, Text, Url
from service.common.i18n import LANGUAGES
from service.meetings.rules import AgreementStatus, MeetingKind, MeetingStatus, Modality

PARTY_CODES = ("st_crm", "st_rrocm", "ppt")


class ConsentsSchema(Schema):
    """Each party's answer: true, false (a recorded no) or null (not answered). In a create or PATCH only the
    caller's own party may be named; the others answer with POST /meetings/{id}/consents."""

    st_crm = fields.Boolean(allow_none=True)
    st_rrocm = fields.Boolean(allow_none=True)
    ppt = fields.Boolean(allow_none=True)


class ConsentRecordSchema(Schema):
    party = fields.String(dump_only=True)
    consent = fields.Boolean(dump_only=True)
    by = fields.String(dump_only=True)
    at = fields.AwareDateTime(dump_only=True)


class ConsentAnswerSchema(Schema):
    consent = fields.Boolean(required=True)


class MeetingSchema(Schema):
    id = Id(dump_only=True)
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in MeetingKind]))
    title = Text(required=True, max_length=300)
    starts_at = LocalDateTime(required=True)
    ends_at = LocalDateTime(required=True)
    timezone = fields.String(required=True)
    modality = fields.String(load_default=Modality.VIRTUAL.value,
                             validate=validate.OneOf([m.value for m in Modality]))
    location = Text(load_default=None, allow_none=True, max_length=300)
    video_url = Url(load_default=None, allow_none=True)
    ppt_term_id = Id(load_default=None, allow_none=True)
    consents = fields.Nested(ConsentsSchema, load_default=dict)
    consent_records = fields.List(fields.Nested(ConsentRecordSchema), dump_only=True)
    agenda = fields.List(Text(max_length=500), load_default=list, validate=validate.Length(max=100))
    status = fields.String(dump_only=True)
    sequence = fields.Integer(dump_only=True)
    starts_at_utc = fields.AwareDateTime(dump_only=True)
    ends_at_utc = fields.AwareDateTime(dump_only=True)


class MeetingUpdateSchema(MeetingSchema):
    """PATCH: any subset of the fields; `status` may move between scheduled and held (held once it has ended)."""

    status = fields.String(validate=validate.OneOf([MeetingStatus.SCHEDULED.value, MeetingStatus.HELD.value]))


class AttendeeSchema(Schema):
    name = Text(required=True, max_length=200)
    party = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(PARTY_CODES))
    country = CountryCode(load_default=None, allow_none=True)
    role = Text(load_default=None, allow_none=True, max_length=200)

    @validates_schema
    def party_or_country(self, data: dict, **kwargs) -> None:
        if bool(data.get("party")) == bool(data.get("country")):
            raise ValidationError("Give either a party (st_crm, st_rrocm, ppt) or a member country, not both.",
                                  "party")


class AgendaItemSchema(Schema):
    title = Text(required=True, max_length=500)
    discussion = Text(load_default="", multiline=True, allow_blank=True, max_length=20000)


class AgreementSchema(Schema):
    id = Id(dump_only=True)
    text = Text(required=True, multiline=True, max_length=5000)
    responsible = fields.String(required=True, validate=validate.Length(min=2, max=16))
    due_on = Day(load_default=None, allow_none=True)
    status = fields.String(load_default=AgreementStatus.PENDING.value,
                           validate=validate.OneOf([s.value for s in AgreementStatus]))


class ApprovalSchema(Schema):
    party = fields.String(dump_only=True)
    by = fields.String(dump_only=True)
    at = fields.AwareDateTime(dump_only=True)


class MinutesSchema(Schema):
    meeting_id = Id(dump_only=True)
    language = fields.String(load_default="es", validate=validate.OneOf(LANGUAGES))
    attendees = fields.List(fields.Nested(AttendeeSchema), load_default=list, validate=validate.Length(max=500))
    agenda_items = fields.List(fields.Nested(AgendaItemSchema), load_default=list,
                               validate=validate.Length(max=200))
    agreements = fields.List(fields.Nested(AgreementSchema), load_default=list, validate=validate.Length(max=500))
    next_meeting = Text(load_default=None, allow_none=True, multiline=True, max_length=2000)
    version = fields.Integer(dump_only=True)
    state = fields.String(dump_only=True, metadata={"description": "draft | approved (by the three parties)"})
    approvals = fields.List(fields.Nested(ApprovalSchema), dump_only=True)


class AgreementListItemSchema(AgreementSchema):
    meeting_id = Id(dump_only=True)
    meeting_title = fields.String(dump_only=True)
    overdue = fields.Boolean(dump_only=True)


class AgreementQuerySchema(Schema):
    state = fields.String(load_default=None, validate=validate.OneOf(["open", "overdue", "all"]))
