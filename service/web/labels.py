"""Names of codes as pages show them, in the page's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

MEETING_KINDS = {"ordinary": _l("Ordinary"), "pre_ppt": _l("Pre-PPT"), "extraordinary": _l("Extraordinary")}
MODALITIES = {"virtual": _l("Virtual"), "in_person": _l("In person")}
MEETING_STATUSES = {"scheduled": _l("Scheduled"), "held": _l("Held"), "cancelled": _l("Cancelled")}
AGREEMENT_STATUSES = {"pending": _l("Pending"), "in_progress": _l("In progress"), "done": _l("Done"),
                      "cancelled": _l("Cancelled")}
PARTIES = {"st_crm": "ST-CRM", "st_rrocm": "ST-RROCM", "ppt": _l("PPT")}
DOCUMENT_KINDS = {"minutes": _l("Minutes"), "recommendations": _l("Recommendations"),
                  "ppt_feedback": _l("Feedback on the incoming PPT"), "monitoring_report": _l("Monitoring report"),
                  "work_plan": _l("Work plan"), "dossier": _l("GRCM dossier")}
LANGUAGE_NAMES = {"es": "Español", "en": "English"}
DEADLINES = {"report_due": _l("Monitoring report due (R5)"), "pre_ppt": _l("Latest date for the pre-PPT meeting (R6)")}

JINJA_GLOBALS = {
    "MEETING_KINDS": MEETING_KINDS, "MODALITIES": MODALITIES, "MEETING_STATUSES": MEETING_STATUSES,
    "AGREEMENT_STATUSES": AGREEMENT_STATUSES, "PARTIES": PARTIES, "DOCUMENT_KINDS": DOCUMENT_KINDS,
    "LANGUAGE_NAMES": LANGUAGE_NAMES, "DEADLINES": DEADLINES,
}

# Time zones of the CRM's member countries, offered in the meeting form (any IANA name is accepted).
TIMEZONES = ("America/Belize", "America/Costa_Rica", "America/El_Salvador", "America/Guatemala",
             "America/Tegucigalpa", "America/Mexico_City", "America/Managua", "America/Panama",
             "America/Santo_Domingo", "America/New_York", "America/Chicago", "America/Denver",
             "America/Los_Angeles", "America/Toronto", "America/Vancouver", "America/Winnipeg")
