"""Fields shared by every schema.

Text people type must survive the whole trip (database, Word, PDF, iCalendar) unchanged, so the few
characters that cannot are refused at the door, naming the code point: lone surrogates (docxtpl silently
truncates the document after one), control characters (dropped by Word, raw in iCalendar), the Unicode line and
paragraph separators U+0085, U+2028 and U+2029 (Word keeps them, the calendar turns them into spaces, so the same
text would read differently in each), and the bidi embedding, override and isolate controls U+202A–U+202E and
U+2066–U+2069 (they reorder what a reader sees, "Trojan Source"). The marks U+200E/U+200F stay: right-to-left text
needs them and they reorder nothing on their own.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from marshmallow import ValidationError, fields, validate

from calendars.validate import CalendarInputError, check_calendar_uri

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL_SINGLE_LINE = re.compile("[\x00-\x1f\x7f]")
_CONTROL_MULTI_LINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEPARATOR = re.compile("[\x85\u2028\u2029]")
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")


def text_problem(value: str, *, multiline: bool) -> str | None:
    """Why a string cannot be stored as user text, or None."""
    if _SURROGATE.search(value):
        return "Contains an invalid character (a lone UTF-16 surrogate)."
    pattern = _CONTROL_MULTI_LINE if multiline else _CONTROL_SINGLE_LINE
    found = pattern.search(value)
    if found:
        return f"Contains a control character (U+{ord(found.group()):04X}), which documents cannot show."
    found = _SEPARATOR.search(value)
    if found:
        return (f"Contains a Unicode line or paragraph separator (U+{ord(found.group()):04X}); "
                "use an ordinary line break.")
    found = _BIDI_CONTROL.search(value)
    if found:
        return (f"Contains a bidirectional control character (U+{ord(found.group()):04X}), which would "
                "reorder the text readers see.")
    return None


class Text(fields.String):
    """A string of user text: trimmed, no lone surrogates, no control characters (newlines if multiline)."""

    def __init__(self, *args: Any, multiline: bool = False, max_length: int | None = None,
                 allow_blank: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.multiline = multiline
        self.max_length = max_length
        self.allow_blank = allow_blank

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        problem = text_problem(text, multiline=self.multiline)
        if problem:
            raise ValidationError(problem)
        if self.multiline:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = text.strip()
        if not text and not self.allow_blank:
            raise ValidationError("Must not be blank.")
        if self.max_length is not None and len(text) > self.max_length:
            raise ValidationError(f"Longer than {self.max_length} characters.")
        return text


class Url(fields.Url):
    """An http(s) URL that calendars (URL, CONFERENCE) and PDFs can carry as typed.

    The calendar's own check runs here, at input, so a link the feed would have to drop
    is a 422 naming the field now rather than a missing link (or a 500) later.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("schemes", {"http", "https"})
        super().__init__(*args, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if isinstance(value, str) and (text_problem(value, multiline=False) or re.search(r"\s", value)):
            raise ValidationError("Not a valid URL: it contains spaces or control characters.")
        url = super()._deserialize(value, attr, data, **kwargs)
        try:
            return check_calendar_uri(url, attr or "url")
        except CalendarInputError as error:
            raise ValidationError(f"Not a valid URL: {error.message}.") from None


class LocalDateTime(fields.NaiveDateTime):
    """A local wall time (ISO 8601 without offset); the zone travels in a separate field."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any):
        if isinstance(value, str) and (value.endswith("Z") or re.search(r"[+-]\d\d:?\d\d$", value)):
            raise ValidationError("Give the local time without an offset (e.g. 2027-03-10T10:00); "
                                  "the time zone goes in 'timezone'.")
        moment = super()._deserialize(value, attr, data, **kwargs)
        _check_day(moment.date())
        return moment


class CountryCode(fields.String):
    """ISO 3166-1 alpha-2, upper-cased."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs).strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", text):
            raise ValidationError("Must be an ISO 3166-1 alpha-2 country code, such as HN.")
        return text


# Dates and record numbers from people stay within what every database and every date calculation here can
# hold (2**63 overflows SQLite, 9999-12-31 + 1 day overflows Python): out of range is a 422, never a 500.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
LARGEST_ID = 2**31 - 1


def _check_day(day: date) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError(f"Must be between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}.")


class Day(fields.Date):
    """A calendar date within the years this service plans for."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> date:
        day = super()._deserialize(value, attr, data, **kwargs)
        _check_day(day)
        return day


class Id(fields.Integer):
    """The number of a stored record."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.validators.append(validate.Range(min=1, max=LARGEST_ID))


class OriginalLanguage(fields.String):
    """The language a record's texts were typed in (es | en): documents in the other language show their
    translations (GET/PUT /api/v1/translations). Not given: Spanish, the team's working language."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("load_default", "es")
        kwargs.setdefault("metadata", {"description": "The language the texts were typed in: es (default) or en."})
        super().__init__(validate=validate.OneOf(("es", "en")), **kwargs)
