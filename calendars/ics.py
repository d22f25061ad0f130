"""A small RFC 5545 writer for the content lines we emit (VCALENDAR, VEVENT, VALARM).

icalendar builds a tree of property objects and walks it again to serialise: about
0.3 s for 1,000 events. Our events use a handful of value types, so we write the
content lines directly and keep icalendar for what is hard (VTIMEZONE rules, see
build.py) and for parsing in the tests.

Values reaching here are already cleaned (calendars.text); the writer still refuses
to emit a raw control character, because it is the last barrier before the bytes.
"""

import re
from datetime import UTC, date, datetime, timedelta

CRLF = b"\r\n"
MAX_OCTETS = 75  # RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break

# Every C0 control except LF (which TEXT escapes as \n), DEL, C1 controls and lone surrogates.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_PARAM_NEEDS_QUOTES = re.compile("[:;,]")


def _strip_unsafe(value: str) -> str:
    # Tab is whitespace people typed; every other control would be written raw.
    return _UNSAFE.sub(lambda m: " " if m.group() == "\t" else "", value) if _UNSAFE.search(value) else value


def text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    value = _strip_unsafe(value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def raw(value: str) -> str:
    """A value written as is (URIs already validated, X- names both parsers read raw): one line, no controls."""
    return _strip_unsafe(value.replace("\r", " ").replace("\n", " "))


def param(value: str) -> str:
    """A parameter value: RFC 6868 caret escapes (^^, ^', ^n), quoted when it holds ``:``, ``;`` or ``,``."""
    value = raw(value).replace("^", "^^").replace('"', "^'")
    return f'"{value}"' if _PARAM_NEEDS_QUOTES.search(value) else value


def utc_stamp(value: datetime) -> str:
    """DATE-TIME in UTC (form 2): ``20250110T153000Z``."""
    v = value.astimezone(UTC)
    return f"{v.year:04d}{v.month:02d}{v.day:02d}T{v.hour:02d}{v.minute:02d}{v.second:02d}Z"


def local_stamp(value: datetime) -> str:
    """DATE-TIME as a wall time (form 3, used with TZID): ``20250408T100000``."""
    return f"{value.year:04d}{value.month:02d}{value.day:02d}T{value.hour:02d}{value.minute:02d}{value.second:02d}"


def date_stamp(value: date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def duration(value: timedelta) -> str:
    """DURATION (RFC 5545 3.3.6) in days and time: ``PT6H``, ``-P7D``, ``P1DT30M``."""
    sign = "-" if value < timedelta(0) else ""
    value = abs(value)
    out = f"{sign}P{value.days}D" if value.days else f"{sign}P"
    if value.seconds or not value.days:
        hours, rest = divmod(value.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        out += "T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
        out += f"{seconds}S" if seconds or not (hours or minutes) else ""
    return out


def fold(line: str) -> bytes:
    """One content line as UTF-8 bytes, folded at 75 octets (never inside a UTF-8 sequence), CRLF-terminated."""
    data = line.encode("utf-8")
    if len(data) <= MAX_OCTETS:
        return data + CRLF
    parts = []
    start, limit, end = 0, MAX_OCTETS, len(data)
    while end - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: step back to the start of the character
            cut -= 1
        parts.append(data[start:cut])
        # Continuation lines start with a space, which counts towards their 75 octets.
        start, limit = cut, MAX_OCTETS - 1
    parts.append(data[start:])
    return b"\r\n ".join(parts) + CRLF


def serialise_lines(lines: list[str]) -> bytes:
    return b"".join([fold(line) for line in lines])
