"""Names of codes as pages show them, in the page's language."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

from service.reference.data import NETWORKS
from service.web.field_names import FIELD_LABELS
from service.web.i18n import current_language

MEETING_KINDS = {"ordinary": _l("Ordinary"), "pre_ppt": _l("Pre-PPT"), "extraordinary": _l("Extraordinary")}
MODALITIES = {"virtual": _l("Virtual"), "in_person": _l("In person")}
MEETING_STATUSES = {"proposed": _l("Proposed (waiting for the three consents)"),
                    "scheduled": _l("Scheduled"), "held": _l("Held"), "cancelled": _l("Cancelled")}
AGREEMENT_STATUSES = {"pending": _l("Pending"), "in_progress": _l("In progress"), "done": _l("Done"),
                      "cancelled": _l("Cancelled")}
PARTIES = {"st_crm": "ST-CRM", "st_rrocm": "ST-RROCM", "ppt": _l("PPT")}
DOCUMENT_KINDS = {"minutes": _l("Minutes"), "recommendations": _l("Recommendations"),
                  "ppt_feedback": _l("Feedback on the incoming PPT"), "monitoring_report": _l("Monitoring report"),
                  "work_plan": _l("Work plan"), "dossier": _l("GRCM dossier")}
LANGUAGE_NAMES = {"es": "Español", "en": "English"}  # each language in its own name (language switch, lists)
LANGUAGES_IN_TEXT = {"es": _l("Spanish"), "en": _l("English")}  # inside a sentence, in the page's language
RECOMMENDATION_STATES = {"draft": _l("Draft"), "submitted": _l("Submitted"), "approved": _l("Approved"),
                         "rejected": _l("Rejected")}
FOLLOW_UP_STATUSES = {"not_started": _l("Not started"), "in_progress": _l("In progress"),
                      "implemented": _l("Implemented"), "not_implemented": _l("Not implemented")}
ADDRESSEES = {"viceministerial": _l("Vice-Ministerial Meeting"), "grcm": _l("Regional Consultation Group (GRCM)"),
              "member_countries": _l("Member countries"), "st_crm": "ST-CRM", "ppt": _l("Pro Tempore Presidency")}
INSTRUMENT_KINDS = {"guideline": _l("Guidelines"), "guide": _l("Guide"), "manual": _l("Manual"),
                    "indicator": _l("Indicators"), "other": _l("Other")}
MONITORING_STATUSES = {"not_started": _l("Not started"), "partial": _l("Partial"), "advanced": _l("Advanced"),
                       "complete": _l("Complete")}
FEEDBACK_DOCUMENTS = {"concept_note": _l("Concept note"), "work_plan": _l("Work plan")}
RESOURCE_STATUSES = {"identified": _l("Identified"), "committed": _l("Committed"), "secured": _l("Secured")}
ACTIVITY_PROGRESS = {"not_started": _l("Not started"), "in_progress": _l("In progress"), "done": _l("Done"),
                     "cancelled": _l("Cancelled")}
EVENT_KINDS = {"grcm": _l("GRCM meeting"), "viceministerial": _l("Vice-Ministerial Meeting"),
               "network": _l("Liaison network"), "working_group": _l("Working group"), "workshop": _l("Workshop"),
               "other": _l("Other")}
# Said with what the rule means (pages never show rule codes; the API keeps them).
DEADLINES = {"report_due": _l("Monitoring report due (two months before the GRCM)"),
             "pre_ppt": _l("Latest date for the pre-PPT meeting (two months before the term)")}
# States the list pages show and filter by (service.web.listing); derived, not stored, for most records.
MINUTES_STATES = {"none": _l("Not recorded"), "draft": _l("Draft"), "approved": _l("Approved"),
                  "issued": _l("Issued")}
CALENDAR_STATES = {"upcoming": _l("Upcoming"), "past": _l("Past"), "cancelled": _l("Cancelled")}
DOCUMENT_STATES = {"current": _l("Current"), "superseded": _l("Superseded"), "withdrawn": _l("Withdrawn")}
ISSUE_STATES = {"not_issued": _l("Not issued"), "issued": _l("Issued")}
FEEDBACK_STATES = {"not_recorded": _l("Not recorded yet"), "recorded": _l("Recorded, not issued"),
                   "issued": _l("Issued")}
INSTRUMENT_STATES = {"none": _l("No monitoring yet"), **MONITORING_STATUSES}
# The dashboard's work queue (service.web.work_queue): what is to be done, said as the task.
QUEUE_KINDS = {"consent": _l("Answer the proposal of a meeting"), "mark_held": _l("Mark the meeting as held"),
               "record_minutes": _l("Record the minutes"), "approve_minutes": _l("Approve the minutes"),
               "issue_minutes": _l("Issue the minutes to the member countries"),
               "endorse": _l("Endorse the recommendation"), "submit": _l("Submit the recommendation to the GRCM"),
               "record_decision": _l("Record the CRM's decision on the recommendation"),
               "monitoring_report": _l("Issue the monitoring report"),
               "pre_ppt_meeting": _l("Schedule the meeting before the incoming PPT"),
               "failed_delivery": _l("A document did not reach a member country"),
               "failed_notice": _l("A withdrawal notice did not reach a member country"),
               "overdue_agreement": _l("Overdue agreement")}

# The History section of a record's page (service.web.history): actions and fields of the audit log.
AUDIT_ACTIONS = {
    "meeting.create": _l("Created the meeting"), "meeting.update": _l("Changed the meeting"),
    "meeting.cancel": _l("Cancelled the meeting"), "meeting.consent": _l("Answered on the meeting"),
    "minutes.create": _l("Recorded the minutes"), "minutes.update": _l("Changed the minutes"),
    "minutes.approve": _l("Approved the minutes"),
    "grcm.create": _l("Created the GRCM meeting"), "grcm.update": _l("Changed the GRCM meeting"),
    "grcm.cancel": _l("Cancelled the GRCM meeting"),
    "recommendation.create": _l("Created the recommendation"),
    "recommendation.update": _l("Changed the recommendation"),
    "recommendation.endorse": _l("Endorsed the recommendation"),
    "recommendation.transition": _l("Changed the state of the recommendation"),
    "recommendation.follow_up": _l("Reported on compliance"), "recommendation.delete": _l("Deleted the draft"),
    "ppt_term.create": _l("Created the PPT term"), "ppt_term.update": _l("Changed the PPT term"),
    "translations.save": _l("Saved translations"), "document.withdraw": _l("Withdrew the document"),
    "ppt_feedback.create": _l("Recorded the feedback on the incoming PPT"),
    "ppt_feedback.update": _l("Changed the feedback on the incoming PPT"),
    "ppt_term.concept_note": _l("Uploaded the concept note"), "ppt_term.work_plan": _l("Uploaded the work plan"),
    "work_plan.create": _l("Created the work plan"), "work_plan.update": _l("Changed the work plan"),
    "instrument.create": _l("Created the instrument"), "instrument.update": _l("Changed the instrument"),
    "monitoring_entry.create": _l("Recorded a monitoring entry"),
}
# A field in the History is named as its form names it (service.web.field_names); only fields no form edits
# directly (row groups, approvals, withdrawal) have names of their own here.
_AUDITED_FORM_FIELDS = (
    "kind", "title", "starts_at", "ends_at", "timezone", "modality", "location", "video_url", "ppt_term_id",
    "agenda", "status", "language", "next_meeting", "text", "rationale", "addressee", "grcm_meeting_id",
    "submitted_on", "decision_reference", "decided_on", "reported_on", "evidence", "evidence_url", "country",
    "starts_on", "ends_on", "year", "introduction",
)
AUDIT_FIELDS = {
    **{field: FIELD_LABELS[field] for field in _AUDITED_FORM_FIELDS},
    "attendees": _l("Attendees"), "agenda_items": _l("Agenda and discussion"), "agreements": _l("Agreements"),
    "approved_by": _l("Approved by"), "state": _l("State"), "endorsed_by": _l("Endorsed by"),
    "cancelled_at": _l("Cancelled on"), "cancellation_reason": _l("Reason"), "withdrawn_at": _l("Withdrawn on"),
    "withdrawal_reason": _l("Reason"), "withdrawn_by": _l("Withdrawn by"),
    "original_language": _l("Language of the texts"), "objectives": _l("Objectives"),
    "activities": _l("Activities"), "resources": _l("Resources"),
}


class _AddresseeLabels(dict):
    """Addressees: the CRM bodies above, and the liaison networks named in the reference data (es/en)."""

    def get(self, code: object, default: object = None) -> object:
        if code in ADDRESSEES:
            return ADDRESSEES[code]
        names = {network: (es, en) for network, es, en in NETWORKS}.get(code)
        if names is None:
            return default
        return names[1] if current_language() == "en" else names[0]


ADDRESSEE_LABELS = _AddresseeLabels()
SYSTEM_ACTORS = {"cli": _l("the command line"), "demo": _l("the demo data")}
CODE_LABELS = {
    "meeting_status": MEETING_STATUSES, "meeting_kind": MEETING_KINDS, "modality": MODALITIES,
    "recommendation_state": RECOMMENDATION_STATES, "addressee": ADDRESSEE_LABELS, "party": PARTIES,
    "language": LANGUAGE_NAMES, "follow_up_status": FOLLOW_UP_STATUSES, "monitoring_status": MONITORING_STATUSES,
}
IMPLEMENTATION_STATUSES = {"not_started": _l("Not started"), "in_progress": _l("In progress"),
                           "implemented": _l("Implemented"), "not_applicable": _l("Not applicable")}
RESPONSE_STANDINGS = {"submitted": _l("Answered"), "submitted_late": _l("Answered late"),
                      "waiting": _l("Not answered yet"), "late": _l("Overdue"),
                      "clarification_requested": _l("Waiting for clarification")}
TOOL_STATES = {"draft": _l("Draft"), "open": _l("Open"), "closed": _l("Closed")}

# The typed texts of a document as the translations page names them (keys of
# service.content_translations.rules.TEXT_FIELDS; `{n}` is the member's number, from 1).
TEXT_KEYS = {
    "meeting.title": _l("Title of the meeting"), "attendee.{n}.role": _l("Attendee %(n)s: role"),
    "agenda.{n}.title": _l("Agenda item %(n)s: title"), "agenda.{n}.discussion": _l("Agenda item %(n)s: discussion"),
    "agreement.{n}.text": _l("Agreement %(n)s"), "next_meeting": _l("Next meeting"),
    "grcm.title": _l("Title of the GRCM meeting"), "introduction": _l("Introduction"),
    "recommendation.{n}.title": _l("Recommendation %(n)s: title"),
    "recommendation.{n}.text": _l("Recommendation %(n)s: text"),
    "recommendation.{n}.rationale": _l("Recommendation %(n)s: rationale"),
    "instrument.{n}.title": _l("Instrument %(n)s: title"),
    "instrument.{n}.summary": _l("Instrument %(n)s: summary of its monitoring"),
    "compliance.{n}.title": _l("Compliance %(n)s: recommendation"),
    "compliance.{n}.decision": _l("Compliance %(n)s: CRM decision"),
    "compliance.{n}.evidence": _l("Compliance %(n)s: evidence"), "event.{n}.title": _l("CRM event %(n)s: title"),
    "summary": _l("Summary"), "feedback.{n}.section": _l("Feedback %(n)s: section"),
    "feedback.{n}.text": _l("Feedback %(n)s: text"), "action.{n}.text": _l("Joint action %(n)s"),
    "action.{n}.timeline": _l("Joint action %(n)s: timeline"), "objective.{n}.text": _l("Objective %(n)s"),
    "activity.{n}.title": _l("Activity %(n)s: title"), "activity.{n}.indicator": _l("Activity %(n)s: indicator"),
    "activity.{n}.progress_note": _l("Activity %(n)s: progress note"),
    "resource.{n}.description": _l("Resource %(n)s: description"), "resource.{n}.source": _l("Resource %(n)s: source"),
}
_MEMBER_NUMBER = re.compile(r"\.(\d+)\.")


def text_key_label(key: str) -> str:
    """"agenda.2.title" -> "Agenda item 2: title" (the key itself if it is not known)."""
    found = _MEMBER_NUMBER.search(key)
    label = TEXT_KEYS.get(_MEMBER_NUMBER.sub(".{n}.", key, count=1))
    if label is None:
        return key
    return str(label) % {"n": found.group(1)} if found else str(label)


JINJA_GLOBALS = {
    "text_key_label": text_key_label,
    "MEETING_KINDS": MEETING_KINDS, "MODALITIES": MODALITIES, "MEETING_STATUSES": MEETING_STATUSES,
    "AGREEMENT_STATUSES": AGREEMENT_STATUSES, "PARTIES": PARTIES, "DOCUMENT_KINDS": DOCUMENT_KINDS,
    "LANGUAGE_NAMES": LANGUAGE_NAMES, "DEADLINES": DEADLINES, "RECOMMENDATION_STATES": RECOMMENDATION_STATES,
    "FOLLOW_UP_STATUSES": FOLLOW_UP_STATUSES, "ADDRESSEES": ADDRESSEES, "INSTRUMENT_KINDS": INSTRUMENT_KINDS,
    "MONITORING_STATUSES": MONITORING_STATUSES, "FEEDBACK_DOCUMENTS": FEEDBACK_DOCUMENTS,
    "RESOURCE_STATUSES": RESOURCE_STATUSES, "EVENT_KINDS": EVENT_KINDS, "ACTIVITY_PROGRESS": ACTIVITY_PROGRESS,
    "MINUTES_STATES": MINUTES_STATES, "CALENDAR_STATES": CALENDAR_STATES, "DOCUMENT_STATES": DOCUMENT_STATES,
    "ISSUE_STATES": ISSUE_STATES, "FEEDBACK_STATES": FEEDBACK_STATES, "INSTRUMENT_STATES": INSTRUMENT_STATES,
    "QUEUE_KINDS": QUEUE_KINDS, "AUDIT_ACTIONS": AUDIT_ACTIONS, "AUDIT_FIELDS": AUDIT_FIELDS,
    "SYSTEM_ACTORS": SYSTEM_ACTORS, "CODE_LABELS": CODE_LABELS, "ADDRESSEE_LABELS": ADDRESSEE_LABELS,
    "IMPLEMENTATION_STATUSES": IMPLEMENTATION_STATUSES, "RESPONSE_STANDINGS": RESPONSE_STANDINGS,
    "TOOL_STATES": TOOL_STATES, "LANGUAGES_IN_TEXT": LANGUAGES_IN_TEXT,
}

# Time zones of the CRM's member countries, offered in the meeting form (any IANA name is accepted).
TIMEZONES = ("America/Belize", "America/Costa_Rica", "America/El_Salvador", "America/Guatemala",
             "America/Tegucigalpa", "America/Mexico_City", "America/Managua", "America/Panama",
             "America/Santo_Domingo", "America/New_York", "America/Chicago", "America/Denver",
             "America/Los_Angeles", "America/Toronto", "America/Vancouver", "America/Winnipeg")
