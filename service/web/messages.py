"""Messages from the domain and from marshmallow, shown in the page's language.

Domain code raises an English template marked with N_ plus its parameters (service.errors.DomainError, or a
service.common.i18n.Message for warnings): the template is looked up in the catalog and filled in with the
parameters, humanised by name (party codes, state codes). Marshmallow's own messages and the fixed sentences of
the schemas are plain English: the small table below gives them catalog entries. Anything else is shown as is.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l

from service.common.i18n import fill, plain
from service.web.i18n import long_date
from service.web.labels import FEEDBACK_DOCUMENTS, MEETING_STATUSES, RECOMMENDATION_STATES, RESOURCE_STATUSES

PARTY_LABELS = {"st_crm": "ST-CRM", "st_rrocm": "ST-RROCM", "ppt": "PPT"}

_TABLE = [
    # marshmallow's built-in messages
    (r"Missing data for required field\.", _l("This field is required.")),
    (r"Field may not be null\.", _l("This field is required.")),
    (r"Not a valid datetime\.", _l("Not a valid date and time.")),
    (r"Not a valid date\.", _l("Not a valid date.")),
    (r"Not a valid integer\.", _l("Not a valid number.")),
    (r"Not a valid number\.", _l("Not a valid number.")),
    (r"Not a valid boolean\.", _l("Not a valid yes/no value.")),
    (r"Must be one of: (?P<choices>.+)\.", _l("Choose one of: %(choices)s.")),
    (r"Unknown field\.", _l("Unknown field.")),
    (r"Longer than (?P<n>\d+) characters\.", _l("Longer than %(n)s characters.")),
    (r"Length must be between (?P<a>\d+) and (?P<b>\d+)\.", _l("Use between %(a)s and %(b)s characters.")),
    (r"Use the form 2026 \(a year\), 2026-S1 \(year and half\) or 2026-Q3 \(year and quarter\)\.",
     _l("Use the form 2026 (a year), 2026-S1 (year and half) or 2026-Q3 (year and quarter).")),
    (r"String does not match expected pattern\.", _l("Use letters, digits, dots or dashes (at most 20).")),
    (r"Must be greater than or equal to (?P<a>\S+) and less than or equal to (?P<b>\S+)\.",
     _l("Must be between %(a)s and %(b)s.")),
    # the schemas' own (schemas/fields.py, feeds.py, meetings.py, planning.py)
    (r"Not a valid URL: it contains spaces or control characters\.",
     _l("Not a valid web address: it contains spaces or control characters.")),
    (r"Not a valid URL\b.*", _l("Not a valid web address (it must start with https:// or http://).")),
    (r"Must not be blank\.", _l("This field must not be blank.")),
    (r"Contains an invalid character \(a lone UTF-16 surrogate\)\.", _l("Contains an invalid character.")),
    (r"Contains a control character \((?P<code>U\+[0-9A-F]+)\), which documents cannot show\.",
     _l("Contains a control character (%(code)s), which documents cannot show.")),
    (r"Give the local time without an offset \(.*", _l("Give the local time, without a UTC offset.")),
    (r"Must be an ISO 3166-1 alpha-2 country code, such as HN\.",
     _l("Must be a two-letter country code, such as HN.")),
    (r"Give either a party \(st_crm, st_rrocm, ppt\) or a member country, not both\.",
     _l("Give either a party or a member country, not both.")),
    (r"Must be an ISO 4217 currency code, such as USD\.", _l("Must be a currency code, such as USD.")),
]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COMPILED = [(re.compile(pattern, re.DOTALL), message) for pattern, message in _TABLE]
_STATES = {**RECOMMENDATION_STATES, **RESOURCE_STATUSES, **MEETING_STATUSES}


def _state(code: str) -> str:
    code = code.strip()
    if code.startswith("none"):
        return str(_l("none"))
    return str(_STATES.get(code, code)).lower()


def _codes(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple | set | frozenset) else str(value).split(",")
    return [str(item).strip() for item in items]


def _humanise(name: str, value: Any) -> Any:
    """A parameter as the page shows it: party and state codes by their labels; anything else as raised."""
    if name == "missing":
        return ", ".join(PARTY_LABELS.get(code, code) for code in _codes(value))
    if name in ("state", "to", "status"):
        return _state(str(value))
    if name == "allowed":
        return ", ".join(_state(code) for code in _codes(value))
    if name == "document":
        return str(FEEDBACK_DOCUMENTS.get(str(value).replace(" ", "_"), value)).lower()
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):  # rules raise ISO dates; pages say them in words
        return long_date(date.fromisoformat(value))
    if isinstance(value, date):
        return long_date(value)
    return plain(value)


def _lookup(template: str) -> str:
    return get_translations().gettext(template) if template else template


# "R9: …", "R4, R7: …" at the start of a domain message: the API keeps the rule's code (clients and the
# secretariat's manuals cite it); people on the pages read the sentence only.
_RULE_CODE = re.compile(r"^R\d+[a-z]?(?:(?:, | and | y )R\d+[a-z]?)*\s*:\s*")
# "… at the pre-PPT meeting of this term (R6); …": a code cited inside the sentence goes too.
_CITED_RULE = re.compile(r"\s*\(R\d+[a-z]?(?:(?:, | and | y )R\d+[a-z]?)*\)")


def translate(message: Any) -> str:
    """The message in the page's language, without the rule's code: a DomainError, a Message (template and
    parameters) or a plain text."""
    text = _CITED_RULE.sub("", _in_language(message))
    found = _RULE_CODE.match(text)
    if found is None or found.end() == len(text):
        return text
    rest = text[found.end():]
    return rest[0].upper() + rest[1:]


def _in_language(message: Any) -> str:
    template: str = getattr(message, "template", None) or ""
    params: dict = getattr(message, "params", None) or {}
    if template and params:
        try:
            return _lookup(template) % {name: _humanise(name, value) for name, value in params.items()}
        except (KeyError, ValueError, TypeError):  # a translation that names another parameter
            return fill(template, params)
    text = template or str(getattr(message, "message", message))
    translated = _lookup(text)
    if translated != text:
        return translated
    for pattern, replacement in _COMPILED:
        found = pattern.fullmatch(text)
        if found:
            return str(replacement) % {k: _humanise(k, v or "") for k, v in found.groupdict().items()}
    return text
