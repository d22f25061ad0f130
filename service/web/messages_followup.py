"""Catalog entries for the messages of the follow-up areas (R1, R2, R9, R10, R11, concept-note uploads).

(pattern of the English message as raised, translated template); service.web.messages adds them to its table.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

TABLE = [
    # marshmallow validators used by these schemas
    (r"Not a valid number\.", _l("Not a valid number.")),
    (r"Not a valid boolean\.", _l("Not a valid yes/no value.")),
    (r"String does not match expected pattern\.", _l("Use letters, digits, dots or dashes (at most 20).")),
    (r"Must be greater than or equal to (?P<a>\S+) and less than or equal to (?P<b>\S+)\.",
     _l("Must be between %(a)s and %(b)s.")),
    (r"Must be an ISO 4217 currency code, such as USD\.", _l("Must be a currency code, such as USD.")),
    # R9 recommendations
    (r"R9: a (?P<state>\w+) recommendation cannot become (?P<to>\w+); allowed: (?P<allowed>.+)\.",
     _l("R9: a recommendation that is %(state)s cannot become %(to)s; allowed: %(allowed)s.")),
    (r"R9: a recommendation is presented at a GRCM meeting; set grcm_meeting_id first\.",
     _l("R9: a recommendation is presented at a GRCM meeting; choose the GRCM meeting first.")),
    (r"R9: record the reference of the CRM decision that (?P<to>\w+) it\.",
     _l("R9: record the reference of the CRM decision.")),
    (r"R9: record the date of the CRM decision\.", _l("R9: record the date of the CRM decision.")),
    (r"R9: the decision date cannot be in the future\.", _l("R9: the decision date cannot be in the future.")),
    (r"R9: the CRM decides after the GRCM meeting it was presented at \((?P<date>[\d-]+)\)\.",
     _l("R9: the CRM decides after the GRCM meeting it was presented at (%(date)s).")),
    (r"Only an approval or a rejection carries a decision reference and date\.",
     _l("Only an approval or a rejection carries a decision reference and date.")),
    (r"R9: a (?P<state>\w+) recommendation can no longer be edited; only drafts can\.",
     _l("R9: a recommendation that is %(state)s can no longer be edited; only drafts can.")),
    (r"R9: only approved recommendations are followed up; this one is (?P<state>\w+)\.",
     _l("R9: only approved recommendations are followed up; this one is %(state)s.")),
    (r"A follow-up cannot be dated in the future\.", _l("A follow-up cannot be dated in the future.")),
    (r"A follow-up cannot predate the approval \((?P<date>[\d-]+)\)\.",
     _l("A follow-up cannot predate the approval (%(date)s).")),
    (r"Unknown addressee .*", _l("Choose an addressee from the list.")),
    (r"GRCM meeting (?P<id>\d+) does not exist\.", _l("GRCM meeting %(id)s does not exist.")),
    (r"The recommendation is (?P<state>\w+) now, not (?P<to>\w+); read it again\.",
     _l("The recommendation is %(state)s now (someone else changed it); open it again.")),
    (r"Another transition of this recommendation was recorded meanwhile; read it again\.",
     _l("Someone else changed the state of this recommendation meanwhile; open it again.")),
    # R1 CRM events
    (r"Only a members-only event records who asked for it; .*",
     _l("Only a members-only event records who asked for it: tick “members only” or clear the request.")),
    (r"R1: civil society takes part in all CRM spaces unless .*",
     _l("R1: civil society takes part in all CRM spaces unless a member country expressly asked otherwise; "
        "choose the member country that asked.")),
    (r"R1: only a member country of the CRM can ask for a members-only event; (?P<code>\w+) is not one\.",
     _l("R1: only a member country of the CRM can ask for a members-only event; %(code)s is not one.")),
    (r"R1: record the date of the member country's request.*",
     _l("R1: record the date of the member country's request.")),
    (r"R1: the request for a members-only event must come before the event starts\.",
     _l("R1: the request for a members-only event must come before the event starts.")),
    (r"The event must end on or after the day it starts\.", _l("The event must end on or after the day it starts.")),
    (r"Unknown network .*", _l("Choose a network from the list.")),
    # R2 work plan
    (r"R2: a (?P<state>\w+) resource cannot become (?P<to>\w+); allowed: (?P<allowed>.+)\.",
     _l("R2: a resource that is %(state)s cannot become %(to)s; allowed: %(allowed)s.")),
    (r"This plan has no resource (?P<id>\d+)\.", _l("This plan has no resource %(id)s.")),
    (r"Objective code (?P<code>'.*') is used twice\.", _l("Objective code %(code)s is used twice.")),
    (r"No objective (?P<code>'.*') in this plan\.", _l("No objective %(code)s in this plan.")),
    (r"An activity must end on or after it starts\.", _l("An activity must end on or after it starts.")),
    (r"The activity does not run in (?P<year>\d+), the plan's year\.",
     _l("The activity does not run in %(year)s, the plan's year.")),
    (r"There is already a work plan for (?P<year>\d+); edit it instead\.",
     _l("There is already a work plan for %(year)s; edit it instead.")),
    # R10 monitoring
    (r"A period is a year \(2026\), a semester \(2026-S1\) or a quarter \(2026-Q3\)\.",
     _l("A period is a year (2026), a semester (2026-S1) or a quarter (2026-Q3).")),
    (r"The period (?P<period>\S+) has not begun yet\.", _l("The period %(period)s has not begun yet.")),
    # R11 PPT feedback
    (r"R11: feedback on the incoming PPT is due before its term starts \((?P<start>[\d-]+)\); "
     r"this one is recorded on (?P<date>[\d-]+)\.",
     _l("R11: feedback on the incoming PPT is due before its term starts (%(start)s); this one is recorded "
        "on %(date)s.")),
    (r"R11: the (?P<document>concept note|work plan) was received on (?P<date>[\d-]+), "
     r"not before the term started \((?P<start>[\d-]+)\)\.",
     _l("R11: the %(document)s was received on %(date)s, not before the term started (%(start)s).")),
    (r"A document cannot have been received in the future\.",
     _l("A document cannot have been received in the future.")),
    # concept-note uploads
    (r"The file is (?P<size>\d+) KiB; the limit is (?P<limit>\d+) KiB\.",
     _l("The file is %(size)s KiB; the limit is %(limit)s KiB.")),
    (r"The file is empty\.", _l("The file is empty.")),
    (r"Upload the concept note as a PDF or a Word \(\.docx\) file\.",
     _l("Upload the concept note as a PDF or a Word (.docx) file.")),
    (r"The PDF is damaged and cannot be read.*", _l("The PDF is damaged and cannot be read.")),
    (r"The PDF is encrypted or password-protected.*",
     _l("The PDF is encrypted or password-protected; upload an unprotected copy.")),
    (r"The PDF (took too long to read|could not be read).*", _l("The PDF could not be read; it may be damaged.")),
    (r"The Word file is damaged.*", _l("The Word file is damaged.")),
    (r"The file is a zip archive but not a Word \(\.docx\) document\.",
     _l("The file is a zip archive but not a Word (.docx) document.")),
    (r"The Word file contains macros; save it as a plain \.docx\.",
     _l("The Word file contains macros; save it as a plain .docx.")),
    (r"The Word file (has|expands|is compressed|is encrypted|links).*",
     _l("The Word file cannot be accepted as it is (too large, encrypted or linking to outside content); "
        "save a plain copy and upload it again.")),
    (r"No PPT term (?P<id>\d+)\.", _l("PPT term %(id)s does not exist.")),
]
