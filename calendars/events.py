"""One VEVENT per meeting, GRCM meeting or deadline, as unfolded content lines (see calendars.ics)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from calendars import ics
from calendars.i18n import Language, label
from calendars.model import CalendarGrcmMeeting, CalendarMeeting, Deadline, FeedOptions
from calendars.text import multi_line, single_line
from calendars.validate import CalendarInputError, check_calendar_uri

# Deadlines remind a week ahead and the day before, at 09:00 local time: enough time to draft a report.
# An all-day event starts at 00:00 local, so the triggers are relative to that start (RFC 5545 3.8.6.3).
ALARM_HOUR = 9
DEADLINE_ALARMS = (timedelta(days=-7, hours=ALARM_HOUR), timedelta(days=-1, hours=ALARM_HOUR))


@dataclass(frozen=True)
class EventLines:
    """A VEVENT ready to write, plus what the calendar needs to know about it."""

    uid: str
    sort_key: tuple[datetime, str]
    lines: tuple[str, ...]
    tzid: str | None = None  # the zone of DTSTART/DTEND (None for all-day events)
    years: tuple[int, ...] = ()  # local years of DTSTART/DTEND: the span its VTIMEZONE must cover


def local(value: datetime, timezone: str) -> datetime:
    """Attach the meeting's zone to its naive wall-clock time."""
    return value.replace(tzinfo=ZoneInfo(timezone))


def _safe_uri(value: str | None) -> str | None:
    """Stored data predating input validation must not break the whole feed: drop the link."""
    if not value:
        return None
    try:
        return check_calendar_uri(value, "video_url")
    except CalendarInputError:
        return None


def _stamps(created: datetime | None, last_modified: datetime) -> list[str]:
    # DTSTAMP from the last change, never "now": the same data must give the same bytes.
    stamp = ics.utc_stamp(last_modified)
    lines = [f"DTSTAMP:{stamp}"]
    if created is not None:
        lines.append(f"CREATED:{ics.utc_stamp(created)}")
    lines.append(f"LAST-MODIFIED:{stamp}")
    return lines


def _organizer(options: FeedOptions) -> str:
    name = single_line(options.organizer_name)
    cn = f";CN={ics.param(name)}" if name else ""
    return f"ORGANIZER{cn}:mailto:{ics.raw(options.organizer_email)}"


def _description(lines: list[str]) -> str:
    return "DESCRIPTION:" + ics.text(multi_line("\n".join(lines)))


def daily_sessions(starts_at: datetime, ends_at: datetime) -> int:
    """How many days a meeting runs the same hours (09:00–17:00 from Monday to Wednesday: 3), or 1 for a
    meeting within one day or through a night (ending earlier in the day than it starts)."""
    days = (ends_at.date() - starts_at.date()).days
    return days + 1 if days > 0 and ends_at.time() > starts_at.time() else 1


def _timed(uid: str, starts_at: datetime, ends_at: datetime, timezone: str,
           *, per_day: bool = False) -> tuple[dict, list[str]]:
    start, end = local(starts_at, timezone), local(ends_at, timezone)
    tzid = ics.param(timezone)
    sessions = daily_sessions(starts_at, ends_at) if per_day else 1
    if sessions > 1:
        # A three-day meeting is three days of sessions, not one 56-hour block through the nights:
        # the first day's hours, repeated daily (one UID, so an edit still updates every day).
        ends_at = datetime.combine(starts_at.date(), ends_at.time())
    lines = [f"DTSTART;TZID={tzid}:{ics.local_stamp(starts_at)}", f"DTEND;TZID={tzid}:{ics.local_stamp(ends_at)}"]
    if sessions > 1:
        lines.append(f"RRULE:FREQ=DAILY;COUNT={sessions}")
    # Chronological by UTC instant (seconds), then UID: a stable order whatever the input order.
    meta = {
        "uid": uid,
        "sort_key": (start.astimezone(UTC).replace(microsecond=0), uid),
        "tzid": timezone,
        "years": (start.year, end.year),
    }
    return meta, lines


def _meeting_status(status: str) -> str:
    """A meeting waiting for the three parties' consent (R4, R7) is only tentative in the calendar."""
    return {"cancelled": "STATUS:CANCELLED", "proposed": "STATUS:TENTATIVE"}.get(status, "STATUS:CONFIRMED")


def meeting_event(meeting: CalendarMeeting, options: FeedOptions) -> EventLines:
    lang: Language = options.language
    cancelled = meeting.status == "cancelled"
    kind = label(lang, f"kind.{meeting.kind}")
    title = single_line(meeting.title) or kind
    place = single_line(meeting.location)
    video = _safe_uri(meeting.video_url)
    uid = f"meeting-{meeting.id}@{options.host}"
    meta, times = _timed(uid, meeting.starts_at, meeting.ends_at, meeting.timezone)

    # Clients that ignore STATUS (or hide cancelled events) still show the word in the title.
    summary = label(lang, "cancelled.prefix") + title if cancelled else title
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"SEQUENCE:{meeting.sequence}",
             *_stamps(meeting.created_at, meeting.last_modified), *times,
             f"SUMMARY:{ics.text(summary)}",
             _meeting_status(meeting.status),
             "TRANSP:TRANSPARENT" if cancelled else "TRANSP:OPAQUE",
             f"CATEGORIES:{ics.text(kind)}", _organizer(options)]

    # Outlook and Google show neither URL nor CONFERENCE prominently, so a virtual
    # meeting also carries its link in LOCATION.
    location_parts = [place] + ([video] if video and meeting.modality == "virtual" else [])
    location = " · ".join(part for part in location_parts if part)
    if location:
        lines.append(f"LOCATION:{ics.text(location)}")
    if video:
        lines.append(f"URL:{video}")
        lines.append(f"CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL={ics.param(label(lang, 'join'))}:{video}")

    text = [label(lang, "cancelled.note"), ""] if cancelled else []
    text += [kind, f"{label(lang, 'modality')}: {label(lang, f'modality.{meeting.modality}')}"]
    if place:
        text.append(f"{label(lang, 'place')}: {place}")
    if video:
        text.append(f"{label(lang, 'video')}: {video}")
    items = [item for item in (single_line(item) for item in meeting.agenda) if item]
    if items:
        text += ["", f"{label(lang, 'agenda')}:"]
        text += [f"{number}. {item}" for number, item in enumerate(items, start=1)]
    lines += [_description(text), "END:VEVENT"]
    return EventLines(lines=tuple(lines), **meta)


def grcm_event(meeting: CalendarGrcmMeeting, options: FeedOptions) -> EventLines:
    lang: Language = options.language
    kind = label(lang, "kind.grcm")
    place = single_line(meeting.location)
    uid = f"grcm-{meeting.id}@{options.host}"
    meta, times = _timed(uid, meeting.starts_at, meeting.ends_at, meeting.timezone, per_day=True)

    title = single_line(meeting.title) or kind
    summary = label(lang, "cancelled.prefix") + title if meeting.cancelled else title
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"SEQUENCE:{meeting.sequence}",
             *_stamps(meeting.created_at, meeting.last_modified), *times,
             f"SUMMARY:{ics.text(summary)}",
             "STATUS:CANCELLED" if meeting.cancelled else "STATUS:CONFIRMED",
             "TRANSP:TRANSPARENT" if meeting.cancelled else "TRANSP:OPAQUE",
             f"CATEGORIES:{ics.text(kind)}", _organizer(options)]
    if place:
        lines.append(f"LOCATION:{ics.text(place)}")
    text = [label(lang, "cancelled.note"), ""] if meeting.cancelled else []
    text += [kind] + ([f"{label(lang, 'place')}: {place}"] if place else [])
    lines += [_description(text), "END:VEVENT"]
    return EventLines(lines=tuple(lines), **meta)


def deadline_event(deadline: Deadline, options: FeedOptions) -> EventLines:
    lang: Language = options.language
    summary = ics.text(label(lang, f"deadline.{deadline.kind}").format(title=single_line(deadline.related_title)))
    note = ics.text(label(lang, f"deadline.{deadline.kind}.note"))
    uid = f"deadline-{deadline.key}@{options.host}"

    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"SEQUENCE:{deadline.sequence}", *_stamps(None, deadline.last_modified),
             # All-day: DTSTART;VALUE=DATE and an exclusive DTEND the next day (RFC 5545 3.6.1).
             f"DTSTART;VALUE=DATE:{ics.date_stamp(deadline.on)}",
             f"DTEND;VALUE=DATE:{ics.date_stamp(deadline.on + timedelta(days=1))}",
             f"SUMMARY:{summary}", "STATUS:CONFIRMED",
             # A deadline is not a meeting: it must not block anyone's free/busy time.
             "TRANSP:TRANSPARENT", f"CATEGORIES:{ics.text(label(lang, 'kind.deadline'))}",
             f"DESCRIPTION:{summary}\\n\\n{note}"]
    for trigger in DEADLINE_ALARMS:
        # DISPLAY alarms require a DESCRIPTION (RFC 5545 3.6.6).
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:{ics.duration(trigger)}", f"DESCRIPTION:{summary}",
                  "END:VALARM"]
    lines.append("END:VEVENT")
    start = datetime(deadline.on.year, deadline.on.month, deadline.on.day, tzinfo=UTC)
    # All-day events sort at 00:00 UTC of their day.
    return EventLines(uid=uid, sort_key=(start, uid), lines=tuple(lines))


def sort_key(event: EventLines) -> tuple[datetime, str]:
    return event.sort_key

