"""Messages from the domain and from marshmallow, shown in the page's language.

Domain code raises English messages naming a field or rule; this table gives each known message a catalog
entry (placeholders for the parts that vary). A message not listed here is shown as raised.
"""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

from service.web.labels import FEEDBACK_DOCUMENTS, RECOMMENDATION_STATES, RESOURCE_STATUSES
from service.web.messages_followup import TABLE as FOLLOW_UP_TABLE

PARTY_LABELS = {"st_crm": "ST-CRM", "st_rrocm": "ST-RROCM", "ppt": "PPT"}

_TABLE = [
    # marshmallow and schemas/fields.py
    (r"Missing data for required field\.", _l("This field is required.")),
    (r"Field may not be null\.", _l("This field is required.")),
    (r"Not a valid datetime\.", _l("Not a valid date and time.")),
    (r"Not a valid date\.", _l("Not a valid date.")),
    (r"Not a valid integer\.", _l("Not a valid number.")),
    (r"Not a valid URL: it contains spaces or control characters\.",
     _l("Not a valid web address: it contains spaces or control characters.")),
    (r"Not a valid URL\b.*", _l("Not a valid web address (it must start with https:// or http://).")),
    (r"Must be one of: (?P<choices>.+)\.", _l("Choose one of: %(choices)s.")),
    (r"Unknown field\.", _l("Unknown field.")),
    (r"Must not be blank\.", _l("This field must not be blank.")),
    (r"Longer than (?P<n>\d+) characters\.", _l("Longer than %(n)s characters.")),
    (r"Length must be between (?P<a>\d+) and (?P<b>\d+)\.", _l("Length must be between %(a)s and %(b)s.")),
    (r"Contains an invalid character \(a lone UTF-16 surrogate\)\.", _l("Contains an invalid character.")),
    (r"Contains a control character \((?P<code>U\+[0-9A-F]+)\), which documents cannot show\.",
     _l("Contains a control character (%(code)s), which documents cannot show.")),
    (r"Give the local time without an offset.*", _l("Give the local time, without a UTC offset.")),
    (r"Must be an ISO 3166-1 alpha-2 country code, such as HN\.",
     _l("Must be a two-letter country code, such as HN.")),
    (r"Give either a party \(st_crm, st_rrocm, ppt\) or a member country, not both\.",
     _l("Give either a party or a member country, not both.")),
    # meetings (R3, R4, R6, R7) and times
    (r"R3: ordinary meetings are quarterly; (?P<quarter>\S+) already has an ordinary meeting\..*",
     _l("R3: ordinary meetings are quarterly; %(quarter)s already has an ordinary meeting. Cancel or move it, "
        "or hold an extraordinary meeting with the three parties' consent.")),
    (r"R4: a meeting is held in person only if .*; consent missing from: (?P<missing>.+)\.",
     _l("R4: a meeting is held in person only if ST-CRM, ST-RROCM and the PPT all consider it necessary; "
        "consent missing from: %(missing)s.")),
    (r"An in-person meeting needs a location\.", _l("An in-person meeting needs a location.")),
    (r"R6: a pre-PPT meeting must name the incoming PPT term.*",
     _l("R6: a pre-PPT meeting must name the incoming PPT term.")),
    (r"R6: the pre-PPT meeting must take place .*\((?P<start>[\d-]+)\), that is on or before (?P<deadline>[\d-]+)\.",
     _l("R6: the pre-PPT meeting must take place at least two months before the new PPT starts (%(start)s), "
        "that is on or before %(deadline)s.")),
    (r"R7: an extraordinary meeting needs .*; consent missing from: (?P<missing>.+)\.",
     _l("R7: an extraordinary meeting needs the consent of ST-CRM, ST-RROCM and the PPT; "
        "consent missing from: %(missing)s.")),
    (r"The meeting must end after it starts\.", _l("The meeting must end after it starts.")),
    (r"The GRCM meeting must end after it starts\.", _l("The GRCM meeting must end after it starts.")),
    # PPT terms
    (r"A PPT term must end on or after the day it starts\.", _l("A PPT term must end on or after the day it starts.")),
    (r"PPT terms cannot overlap: (?P<country>\w+) holds the PPT from (?P<start>[\d-]+) to (?P<end>[\d-]+)\.",
     _l("PPT terms cannot overlap: %(country)s holds the PPT from %(start)s to %(end)s.")),
    (r"A cancelled meeting cannot be edited; schedule a new one\.",
     _l("A cancelled meeting cannot be edited; schedule a new one.")),
    (r"PPT term (?P<id>\d+) does not exist\.", _l("PPT term %(id)s does not exist.")),
    (r"Unknown time zone (?P<zone>.+): use an IANA name such as America/Tegucigalpa\.",
     _l("Unknown time zone %(zone)s: use a name such as America/Tegucigalpa.")),
    (r"(?P<when>[\d-]+ [\d:]+) does not exist in (?P<zone>\S+): .*",
     _l("%(when)s does not exist in %(zone)s: the clocks skip that hour (daylight saving time). "
        "Choose another time.")),
    (r"(?P<when>[\d-]+ [\d:]+) happens twice in (?P<zone>\S+) .*",
     _l("%(when)s happens twice in %(zone)s because the clocks go back. Choose a time outside that hour.")),
    (r"(?P<code>'.*') is not a CRM (member )?country \(ISO 3166 alpha-2\)\.",
     _l("%(code)s is not a CRM member country.")),
    # accounts
    (r"The password must have at least (?P<n>\d+) characters\.",
     _l("The password must have at least %(n)s characters.")),
]
_COMPILED = [(re.compile(pattern, re.DOTALL), message) for pattern, message in [*_TABLE, *FOLLOW_UP_TABLE]]
_STATES = {**RECOMMENDATION_STATES, **RESOURCE_STATUSES}


def _state(code: str) -> str:
    code = code.strip()
    if code.startswith("none"):
        return str(_l("none"))
    return str(_STATES.get(code, code)).lower()


def _humanise(name: str, value: str) -> str:
    if name == "missing":
        return ", ".join(PARTY_LABELS.get(code.strip(), code.strip()) for code in value.split(","))
    if name in ("state", "to"):
        return _state(value)
    if name == "allowed":
        return ", ".join(_state(code) for code in value.split(","))
    if name == "document":
        return str(FEEDBACK_DOCUMENTS.get(value.replace(" ", "_"), value)).lower()
    return value


def translate(message: str) -> str:
    """The message in the page's language, when it is a known one."""
    for pattern, template in _COMPILED:
        found = pattern.fullmatch(message)
        if found:
            return str(template) % {k: _humanise(k, v or "") for k, v in found.groupdict().items()}
    return message
