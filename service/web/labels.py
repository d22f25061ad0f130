"""Names of codes as pages show them, in the page's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

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
LANGUAGE_NAMES = {"es": "Español", "en": "English"}
WRITTEN_IN = {"es": _l("Spanish"), "en": _l("English")}  # the language of a file, named in the page's language
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
DEADLINES = {"report_due": _l("Monitoring report due (R5)"), "pre_ppt": _l("Latest date for the pre-PPT meeting (R6)")}

JINJA_GLOBALS = {
    "MEETING_KINDS": MEETING_KINDS, "MODALITIES": MODALITIES, "MEETING_STATUSES": MEETING_STATUSES,
    "AGREEMENT_STATUSES": AGREEMENT_STATUSES, "PARTIES": PARTIES, "DOCUMENT_KINDS": DOCUMENT_KINDS,
    "LANGUAGE_NAMES": LANGUAGE_NAMES, "DEADLINES": DEADLINES, "RECOMMENDATION_STATES": RECOMMENDATION_STATES,
    "FOLLOW_UP_STATUSES": FOLLOW_UP_STATUSES, "ADDRESSEES": ADDRESSEES, "INSTRUMENT_KINDS": INSTRUMENT_KINDS,
    "MONITORING_STATUSES": MONITORING_STATUSES, "FEEDBACK_DOCUMENTS": FEEDBACK_DOCUMENTS,
    "RESOURCE_STATUSES": RESOURCE_STATUSES, "EVENT_KINDS": EVENT_KINDS, "ACTIVITY_PROGRESS": ACTIVITY_PROGRESS,
    "WRITTEN_IN": WRITTEN_IN,
}

# Time zones of the CRM's member countries, offered in the meeting form (any IANA name is accepted).
TIMEZONES = ("America/Belize", "America/Costa_Rica", "America/El_Salvador", "America/Guatemala",
             "America/Tegucigalpa", "America/Mexico_City", "America/Managua", "America/Panama",
             "America/Santo_Domingo", "America/New_York", "America/Chicago", "America/Denver",
             "America/Los_Angeles", "America/Toronto", "America/Vancouver", "America/Winnipeg")
