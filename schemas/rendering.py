"""Context schemas of the Word templates: one per document kind, each the contract of its template.

The renderer loads a context (plain Python objects: str, date, datetime, Decimal, bool, lists, dicts) through
the kind's schema, adds the values declared in a schema's ``DERIVED`` (computed in
``service.templating.kinds``), then turns every value into a display string in the document's language.
The template doctor checks every variable a template uses against these fields, so a field renamed here must
be renamed in the templates too (``tripartito templates check`` says where).

Choice fields hold a code (``virtual``) and are shown as the label of their vocabulary (``Virtual`` /
``Presencial``); the labels live here too, because they are part of what the template displays.
"""

from __future__ import annotations

from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from marshmallow import Schema, ValidationError, fields, pre_load, validate, validates, validates_schema

from schemas.fields import LocalDateTime, Text, Url
from service.common.i18n import LANGUAGES
from service.reference.data import NETWORKS, official_name

# vocabulary -> code -> (Spanish label, English label)
VOCABULARIES: dict[str, dict[str, tuple[str, str]]] = {
    "language": {"es": ("Español", "Spanish"), "en": ("Inglés", "English")},
    "meeting_kind": {
        "ordinary": ("Reunión ordinaria", "Ordinary meeting"),
        "pre_ppt": ("Reunión previa a la PPT", "Pre-PPT meeting"),
        "extraordinary": ("Reunión extraordinaria", "Extraordinary meeting"),
    },
    "modality": {"virtual": ("Virtual", "Virtual"), "in_person": ("Presencial", "In person")},
    "party": {code: (official_name(code, "es", both=True), official_name(code, "en", both=True))
              for code in ("st_crm", "st_rrocm", "ppt")},
    "agreement_status": {
        "pending": ("Pendiente", "Pending"), "in_progress": ("En curso", "In progress"),
        "done": ("Cumplido", "Done"), "cancelled": ("Cancelado", "Cancelled"),
    },
    "recommendation_state": {
        "draft": ("Borrador", "Draft"), "submitted": ("Presentada", "Submitted"),
        "approved": ("Aprobada", "Approved"), "rejected": ("No aprobada", "Rejected"),
    },
    "follow_up_status": {
        "not_started": ("No iniciada", "Not started"), "in_progress": ("En curso", "In progress"),
        "implemented": ("Implementada", "Implemented"), "not_implemented": ("No implementada", "Not implemented"),
    },
    "feedback_document": {"concept_note": ("Nota conceptual", "Concept note"),
                          "work_plan": ("Plan de trabajo", "Work plan")},
    "network": {code: (es, en) for code, es, en in NETWORKS},
    "instrument_kind": {
        "guideline": ("Lineamiento", "Guideline"), "guide": ("Guía", "Guide"), "manual": ("Manual", "Manual"),
        "indicator": ("Indicador", "Indicator"), "other": ("Otro documento", "Other document"),
    },
    "monitoring_status": {
        "not_started": ("Sin avances", "Not started"), "partial": ("Avance parcial", "Partial progress"),
        "advanced": ("Avance significativo", "Significant progress"), "complete": ("Implementado", "Implemented"),
    },
    "implementation_status": {  # monitoring tools (issue 17): a country's answer to a status question
        "implemented": ("Implementado", "Implemented"), "in_progress": ("En curso", "In progress"),
        "not_started": ("Sin iniciar", "Not started"), "not_applicable": ("No aplica", "Not applicable"),
        "no_response": ("Sin respuesta", "No response"),
    },
    "tool_standing": {
        "submitted": ("Respondió", "Answered"), "submitted_late": ("Respondió fuera de plazo", "Answered late"),
        "waiting": ("Sin respuesta", "No response"), "late": ("Sin respuesta (vencido)", "No response (overdue)"),
        "clarification_requested": ("En aclaración", "Awaiting clarification"),
    },
    "event_kind": {
        "grcm": (f"Reunión del {official_name('grcm', 'es', acronym=True)}",
                 f"{official_name('grcm', 'en', acronym=True)} meeting"), "viceministerial": ("Reunión viceministerial",
                                                                          "Vice-ministerial meeting"),
        "network": ("Reunión de red de enlace", "Liaison network meeting"),
        "working_group": ("Grupo de trabajo", "Working group"), "workshop": ("Taller", "Workshop"),
        "other": ("Otro", "Other"),
    },
    "activity_progress": {
        "not_started": ("No iniciada", "Not started"), "in_progress": ("En curso", "In progress"),
        "done": ("Realizada", "Done"), "cancelled": ("Cancelada", "Cancelled"),
    },
    "resource_status": {
        "identified": ("Identificado", "Identified"), "committed": ("Comprometido", "Committed"),
        "secured": ("Asegurado", "Secured"),
    },
}


def label(vocabulary: str, code: str, language: str) -> str:
    """The label of a code in the document language."""
    return VOCABULARIES[vocabulary][code][LANGUAGES.index(language)]


class Choice(fields.String):
    """A code from a vocabulary; the document shows its label in the document language."""

    def __init__(self, vocabulary: str, **kwargs: Any) -> None:
        super().__init__(validate=validate.OneOf(list(VOCABULARIES[vocabulary])), **kwargs)
        self.vocabulary = vocabulary


def _opt(field: type[fields.Field], *args: Any, **kwargs: Any) -> fields.Field:
    """An optional field: missing or None both become None (shown as nothing)."""
    return field(*args, load_default=None, allow_none=True, **kwargs)


def _list(schema: type[Schema], maximum: int = 500) -> fields.List:
    return fields.List(fields.Nested(schema), load_default=list, validate=validate.Length(max=maximum))


# Hints the context builders give the content translations (service.content_translations.rules): the language
# each text was typed in, and translations a record carries. They are not the template's: dropped at load.
TRANSLATION_HINTS = ("original_language", "original_language_of", "known_translations")


class ContextSchema(Schema):
    """Base of every context schema. ``DERIVED`` declares values the renderer computes (not input)."""

    DERIVED: ClassVar[dict[str, fields.Field]] = {}

    @pre_load
    def _drop_translation_hints(self, data: Any, **_kwargs: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return {key: value for key, value in data.items() if key not in TRANSLATION_HINTS or key in self.fields}


# ---------------------------------------------------------------- shared parts

class DocumentHeader(ContextSchema):
    reference = Text(required=True, max_length=60)
    issued_on = fields.Date(required=True)
    language = Choice("language", required=True)
    ppt_country_name = Text(required=True, max_length=120)
    title = Text(required=True, max_length=300)
    version = fields.Integer(load_default=1, validate=validate.Range(min=1))
    original_language = _opt(Choice, "language")  # the language the content was written in; default Spanish
    # the footer's short verification link (its QR code replaces the footer placeholder image); empty in previews
    verification_url = Text(load_default="", max_length=200)

    DERIVED: ClassVar[dict[str, fields.Field]] = {
        "original": fields.String(),  # "español" / "Spanish": the symbol block's "Original:" line
        "place": fields.String(),     # "San José, Costa Rica": the place-and-date line
    }


class GrcmMeetingInfo(ContextSchema):
    title = Text(required=True, max_length=300)
    starts_on = fields.Date(required=True)
    ends_on = _opt(fields.Date)
    location = _opt(Text, max_length=300)

    DERIVED: ClassVar[dict[str, fields.Field]] = {"dates": fields.String()}  # "16 al 18 de junio de 2026"


class Endorsement(ContextSchema):
    """A recorded approval of the document by one party of the team."""

    party = Choice("party", required=True)
    name = Text(required=True, max_length=200)
    role = _opt(Text, max_length=200)
    on = _opt(fields.Date)


class _WithHeader(ContextSchema):
    header = fields.Nested(DocumentHeader, required=True)
    # Without endorsements the document says it is issued by the team's secretariats.
    endorsements = _list(Endorsement, 20)


# ---------------------------------------------------------------- minutes

class MeetingInfo(ContextSchema):
    kind = Choice("meeting_kind", required=True)
    title = Text(required=True, max_length=300)
    starts_at = LocalDateTime(required=True)
    ends_at = LocalDateTime(required=True)
    timezone = fields.String(required=True)
    modality = Choice("modality", required=True)
    location = _opt(Text, max_length=300)
    video_url = _opt(Url)

    DERIVED: ClassVar[dict[str, fields.Field]] = {
        "date": fields.String(),        # "28 de noviembre de 2026"
        "time_range": fields.String(),  # "10:00–12:00 (hora de Honduras, UTC−06:00)"
    }

    @validates("timezone")
    def _known_zone(self, value: str, **_: Any) -> None:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValidationError("Unknown time zone: use an IANA name such as America/Tegucigalpa.") from exc

    @validates_schema
    def _ends_after_start(self, data: dict, **_: Any) -> None:
        if data["ends_at"] < data["starts_at"]:
            raise ValidationError("Ends before it starts.", "ends_at")


class Attendee(ContextSchema):
    name = Text(required=True, max_length=200)
    party = _opt(Choice, "party")
    country_name = _opt(Text, max_length=120)
    role = _opt(Text, max_length=200)

    @validates_schema
    def _party_or_country(self, data: dict, **_: Any) -> None:
        if not data.get("party") and not data.get("country_name"):
            raise ValidationError("Give the party or the country of the attendee.", "party")


class AttendeeGroup(ContextSchema):
    label = fields.String()
    attendees = fields.List(fields.Nested(Attendee))


class AgendaItem(ContextSchema):
    title = Text(required=True, max_length=500)
    discussion = _opt(Text, multiline=True, allow_blank=True, max_length=20000)


class Agreement(ContextSchema):
    text = Text(required=True, multiline=True, max_length=5000)
    responsible = Text(required=True, max_length=200)
    due_on = _opt(fields.Date)
    status = _opt(Choice, "agreement_status")


class Approval(ContextSchema):
    """One party's approval of the minutes as issued (who and when)."""

    party = Choice("party", required=True)
    by = Text(required=True, max_length=254)
    on = fields.Date(required=True)
    # the approving person as their account names them (the endorsement block shows it; `by` is an identifier)
    name = _opt(Text, max_length=200)


class MinutesContext(_WithHeader):
    meeting = fields.Nested(MeetingInfo, required=True)
    attendees = _list(Attendee)
    agenda_items = _list(AgendaItem, 100)
    agreements = _list(Agreement)
    next_meeting = _opt(Text, multiline=True, max_length=2000)
    approvals = _list(Approval, 3)

    DERIVED: ClassVar[dict[str, fields.Field]] = {
        # attendees grouped by party (ST-CRM, ST-RROCM, PPT) then by country, in that order
        "attendee_groups": fields.List(fields.Nested(AttendeeGroup)),
    }


# ---------------------------------------------------------------- recommendations

class Recommendation(ContextSchema):
    number = _opt(Text, max_length=40)
    title = Text(required=True, max_length=300)
    text = Text(required=True, multiline=True, max_length=10000)
    rationale = Text(required=True, multiline=True, max_length=10000)
    addressee = Text(required=True, max_length=300)
    state = _opt(Choice, "recommendation_state")


class RecommendationsContext(_WithHeader):
    grcm = fields.Nested(GrcmMeetingInfo, required=True)
    introduction = _opt(Text, multiline=True, max_length=10000)
    recommendations = _list(Recommendation, 200)


# ---------------------------------------------------------------- PPT feedback

class PptTermInfo(ContextSchema):
    country_name = Text(required=True, max_length=120)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)

    DERIVED: ClassVar[dict[str, fields.Field]] = {"dates": fields.String()}


class FeedbackItem(ContextSchema):
    section = Text(required=True, max_length=200)
    document = _opt(Choice, "feedback_document")
    text = Text(required=True, multiline=True, max_length=10000)


class FeedbackSection(ContextSchema):
    title = fields.String()
    entries = fields.List(fields.Nested(FeedbackItem))  # not "items": Jinja would find dict.items first


class JointAction(ContextSchema):
    action = Text(required=True, multiline=True, max_length=5000)
    responsible = Text(required=True, max_length=200)
    timeline = _opt(Text, max_length=200)
    network = _opt(Choice, "network")


class PptFeedbackContext(_WithHeader):
    term = fields.Nested(PptTermInfo, required=True)
    concept_note_received_on = _opt(fields.Date)
    work_plan_received_on = _opt(fields.Date)
    meeting_on = _opt(fields.Date)
    summary = _opt(Text, multiline=True, max_length=10000)
    feedback_items = _list(FeedbackItem)
    joint_actions = _list(JointAction)

    DERIVED: ClassVar[dict[str, fields.Field]] = {
        # feedback items grouped by section, sections in order of first appearance
        "feedback_sections": fields.List(fields.Nested(FeedbackSection)),
    }


# ---------------------------------------------------------------- monitoring report

class MonitoringEntry(ContextSchema):
    period = Text(required=True, max_length=100)
    country_name = _opt(Text, max_length=120)
    status = Choice("monitoring_status", required=True)
    summary = Text(required=True, multiline=True, max_length=10000)
    recorded_on = _opt(fields.Date)


class Instrument(ContextSchema):
    title = Text(required=True, max_length=300)
    kind = Choice("instrument_kind", required=True)
    network = _opt(Choice, "network")
    latest = fields.Nested(MonitoringEntry, load_default=None, allow_none=True)


class NetworkGroup(ContextSchema):
    name = fields.String()
    instruments = fields.List(fields.Nested(Instrument))


class RecommendationCompliance(ContextSchema):
    title = Text(required=True, max_length=300)
    decision_reference = _opt(Text, max_length=100)
    status = Choice("follow_up_status", required=True)
    evidence = _opt(Text, multiline=True, max_length=5000)
    updated_on = _opt(fields.Date)


class CrmEvent(ContextSchema):
    title = Text(required=True, max_length=300)
    starts_on = fields.Date(required=True)
    kind = Choice("event_kind", required=True)
    members_only = fields.Boolean(load_default=False)
    requested_by_name = _opt(Text, max_length=120)
    requested_on = _opt(fields.Date)

    @validates_schema
    def _exception_is_documented(self, data: dict, **_: Any) -> None:
        # R1: members-only only at the express request of a member country, recorded with its date
        if data.get("members_only") and not (data.get("requested_by_name") and data.get("requested_on")):
            raise ValidationError("A members-only event needs the requesting country and the date (R1).",
                                  "requested_by_name")


class Picture(fields.Field):
    """A derived image (PNG bytes and their description), placed inline by the renderer (docxtpl InlineImage).
    Never input: charts are drawn from the data at render time, so the frozen context stays data."""


class ToolQuestion(ContextSchema):
    key = Text(required=True, max_length=40)
    text = Text(required=True, multiline=True, max_length=2000)
    type = fields.String(required=True, validate=validate.OneOf(["status", "number", "boolean", "text"]))
    unit = _opt(Text, max_length=50)


class MatrixCell(ContextSchema):
    label = fields.String()  # the answer as text: colour is never the only sign
    fill = fields.String()   # cell shading (hex RGB) by implementation status; empty: no shading
    width = fields.Integer()  # the column's width in twips (tool_results.column_widths)


class MatrixColumn(ContextSchema):
    text = fields.String()    # the question heading the column (with its unit)
    width = fields.Integer()  # twips, the same as its cells'


class CountryAnswers(ContextSchema):
    country_name = Text(required=True, max_length=120)
    standing = Choice("tool_standing", required=True)
    # the submitted answers in the order of the questions, as text (status code, decimal, true/false, text);
    # None where there is no submitted answer (shown as "no response", never as zero)
    answers = fields.List(fields.String(allow_none=True, validate=validate.Length(max=5000)), load_default=list,
                         validate=validate.Length(max=60))

    DERIVED: ClassVar[dict[str, fields.Field]] = {"cells": fields.List(fields.Nested(MatrixCell))}


class PreviousPeriod(ContextSchema):
    period = Text(required=True, max_length=100)
    # the status answered by each member country then (None: no response), for the comparison in the chart
    statuses = fields.List(fields.String(allow_none=True), load_default=list, validate=validate.Length(max=100))


class ChartRow(ContextSchema):
    label = fields.String()
    now = fields.String()
    before = fields.String()


class ChartPeriod(ContextSchema):
    period = fields.String()
    counts = fields.List(fields.String())  # in the order of chart_heads


class ToolResult(ContextSchema):
    """One instrument's monitoring tool in the report: the country × question matrix and the status chart."""

    instrument_title = Text(required=True, max_length=300)
    network = _opt(Choice, "network")
    period = Text(required=True, max_length=100)
    questionnaire_version = fields.Integer(required=True, validate=validate.Range(min=1))
    due_on = fields.Date(required=True)
    questions = fields.List(fields.Nested(ToolQuestion), required=True, validate=validate.Length(min=1, max=60))
    countries = fields.List(fields.Nested(CountryAnswers), load_default=list, validate=validate.Length(max=100))
    previous = fields.Nested(PreviousPeriod, load_default=None, allow_none=True)

    DERIVED: ClassVar[dict[str, fields.Field]] = {
        "columns": fields.List(fields.Nested(MatrixColumn)),  # the questions heading the matrix, with widths
        "chart": Picture(),                        # implementation status now vs the previous period
        "chart_title": fields.String(),
        "chart_rows": fields.List(fields.Nested(ChartRow)),  # the chart's numbers, as a table
        "chart_heads": fields.List(fields.String()),  # the statuses the chart counts, in its order
        "chart_periods": fields.List(fields.Nested(ChartPeriod)),  # the same numbers, a period per row
        "answered": fields.String(),               # "8 of 11"
        "no_response_names": fields.String(),      # the member countries that did not answer, named
        "status_question": fields.String(),        # the question the chart counts
    }


class ToolGroup(ContextSchema):
    name = fields.String()
    summary = fields.String()
    tools = fields.List(fields.Nested(ToolResult))


class MonitoringReportContext(_WithHeader):
    grcm = fields.Nested(GrcmMeetingInfo, required=True)
    due_on = fields.Date(required=True)
    period_label = _opt(Text, max_length=200)
    summary = _opt(Text, multiline=True, max_length=10000)
    instruments = _list(Instrument)
    recommendations = _list(RecommendationCompliance)
    events = _list(CrmEvent)
    tools = _list(ToolResult, 100)  # the monitoring tools' results (issue 17)

    DERIVED: ClassVar[dict[str, fields.Field]] = {
        "late": fields.Boolean(),                                  # issued after the due date (R5)
        "tool_groups": fields.List(fields.Nested(ToolGroup)),      # the tools by network, with a summary
        "network_groups": fields.List(fields.Nested(NetworkGroup)),  # instruments by network (R12)
        "exceptions": fields.List(fields.Nested(CrmEvent)),        # members-only events (R1)
        "events_total": fields.String(),
        "events_open": fields.String(),
    }


# ---------------------------------------------------------------- work plan

class Objective(ContextSchema):
    code = _opt(Text, max_length=20)
    text = Text(required=True, multiline=True, max_length=5000)


class Activity(ContextSchema):
    objective = _opt(Text, max_length=20)
    title = Text(required=True, multiline=True, max_length=2000)
    responsible = Text(required=True, max_length=200)
    timeline = Text(required=True, max_length=200)
    network = _opt(Choice, "network")
    indicator = _opt(Text, multiline=True, max_length=2000)
    progress = Choice("activity_progress", load_default="not_started")
    progress_note = _opt(Text, multiline=True, max_length=2000)
    progress_on = _opt(fields.Date)


class Resource(ContextSchema):
    description = Text(required=True, max_length=500)
    source = Text(required=True, max_length=300)
    amount = fields.Decimal(required=True, places=2, validate=validate.Range(min=0))
    currency = fields.String(required=True, validate=validate.Regexp(r"^[A-Z]{3}$"))
    status = Choice("resource_status", required=True)


class CurrencyTotal(ContextSchema):
    currency = fields.String()
    amount = fields.Decimal(places=2)


class WorkPlanContext(_WithHeader):
    year = fields.Integer(required=True, validate=validate.Range(min=2017, max=2100))
    introduction = _opt(Text, multiline=True, max_length=10000)
    objectives = _list(Objective, 100)
    activities = _list(Activity)
    resources = _list(Resource)

    DERIVED: ClassVar[dict[str, fields.Field]] = {
        "resource_totals": fields.List(fields.Nested(CurrencyTotal)),  # one row per currency
    }


# ---------------------------------------------------------------- dossier cover

class DossierPart(ContextSchema):
    title = Text(required=True, max_length=300)
    reference = _opt(Text, max_length=60)
    pages = _opt(fields.Integer, validate=validate.Range(min=1))
    bookmark = _opt(Text, max_length=40)  # where the part starts in the composed dossier (its page: PAGEREF)
    note = _opt(Text, max_length=300)  # why a part is not included (it has no content)


class DossierCoverContext(_WithHeader):
    grcm = fields.Nested(GrcmMeetingInfo, required=True)
    note = _opt(Text, multiline=True, max_length=5000)
    parts = fields.List(fields.Nested(DossierPart), required=True, validate=validate.Length(min=1, max=100))


def context_fields(schema: Schema) -> dict[str, fields.Field]:
    """Every name a template may use on this object: the loaded fields plus the derived ones."""
    return {**schema.fields, **getattr(schema, "DERIVED", {})}
