"""Input checks the service runs when data is entered, so bad values are a 422
at input time instead of a failure (or a broken feed) at feed time."""

import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_MAX_URI = 2048
# Characters RFC 3986 never allows unencoded; a quote or angle bracket in a URL is
# also the usual sign of pasted HTML.
_URI_FORBIDDEN = set(' "<>\\^`{|}')
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")


class CalendarInputError(ValueError):
    """A value that cannot go into a calendar; ``field`` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def _has_control_or_space(value: str) -> bool:
    return any(ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in value)


def check_calendar_uri(value: str, field: str) -> str:
    """Return ``value`` if it is an absolute http(s) URL safe for URL/CONFERENCE."""
    if not isinstance(value, str) or not value:
        raise CalendarInputError(field, "a URL is required")
    if len(value) > _MAX_URI:
        raise CalendarInputError(field, f"URL longer than {_MAX_URI} characters")
    if _has_control_or_space(value):
        raise CalendarInputError(field, "URL contains spaces or control characters")
    if not value.isascii():
        raise CalendarInputError(field, "URL contains non-ASCII characters; percent-encode them")
    if _URI_FORBIDDEN & set(value):
        raise CalendarInputError(field, "URL contains characters not allowed in a URL")
    try:
        parts = urlsplit(value)
    except ValueError as exc:  # e.g. an unbalanced IPv6 bracket
        raise CalendarInputError(field, "URL is malformed") from exc
    if parts.scheme.lower() not in {"http", "https"}:
        raise CalendarInputError(field, "URL must start with https:// or http://")
    if not parts.hostname:
        raise CalendarInputError(field, "URL has no host")
    return value


def check_calendar_address(value: str, field: str) -> str:
    """Return ``value`` if it is a plain e-mail address usable as ``mailto:``."""
    if not isinstance(value, str) or len(value) > 254 or not _ADDRESS.fullmatch(value):
        raise CalendarInputError(field, "not a valid e-mail address")
    return value


def check_host(value: str, field: str) -> str:
    """Return ``value`` if it is a DNS host name (it becomes the right side of UIDs)."""
    if not isinstance(value, str) or len(value) > 253 or not _HOST.fullmatch(value):
        raise CalendarInputError(field, "not a valid host name")
    return value


def check_timezone(value: str, field: str) -> str:
    """Return ``value`` if it names an IANA time zone known to zoneinfo."""
    if not isinstance(value, str) or not value or _has_control_or_space(value) or value.startswith("/"):
        raise CalendarInputError(field, "not a valid IANA time zone")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise CalendarInputError(field, f"unknown time zone {value!r}") from exc
    return value
