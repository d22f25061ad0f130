"""Make user text safe for iCalendar TEXT values.

icalendar escapes CR/LF, commas and semicolons in TEXT, but passes NUL, vertical
tab and other control characters through raw; some parsers treat those as line
breaks (Python's ``str.splitlines`` does) or reject the whole file. We therefore
remove them before the text reaches icalendar.
"""

import re

# Line breaks as any parser might see them: CRLF first so it counts as one break.
_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Remaining C0 controls (tab included: it is turned into a space), DEL, C1 controls
# and lone surrogates (they cannot be encoded as UTF-8 and would crash to_ical()).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _strip_controls(text: str) -> str:
    return _CONTROLS.sub(lambda m: " " if m.group() == "\t" else "", text)


def single_line(text: str | None) -> str:
    """Text for one-line properties (SUMMARY, LOCATION): breaks become spaces."""
    if not text:
        return ""
    return _strip_controls(_BREAKS.sub(" ", text)).strip()


def multi_line(text: str | None) -> str:
    """Text for DESCRIPTION: breaks become ``\\n`` (icalendar escapes them)."""
    if not text:
        return ""
    lines = (_strip_controls(line).rstrip() for line in _BREAKS.split(text))
    return "\n".join(lines).strip("\n")
