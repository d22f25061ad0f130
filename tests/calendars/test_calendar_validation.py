"""Bad input is rejected with a field name (the service's 422), not discovered at feed time."""

from datetime import UTC, date, datetime

import pytest

from calendars import CalendarInputError, check_calendar_address, check_calendar_uri, check_timezone
from tests.calendars.calendar_testkit import deadline, meeting, options


@pytest.mark.parametrize(
    "url",
    [
        "https://zoom.us/j/123456789?pwd=abc",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Tid%22%7d",
        "http://meet.example.org/sala-1",
    ],
)
def test_http_and_https_urls_are_accepted_unchanged(url):
    assert check_calendar_uri(url, "video_url") == url


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://zoom.us/j/1\r\nX-EVIL:1", "control"),
        ("https://zoom.us/j/1\n", "control"),
        ("https://zoom.us/j/\x001", "control"),
        ("https://zoom.us/j/\x0b1", "control"),
        ("https://zoom.us/j/1 2", "spaces"),
        (" https://zoom.us/j/1", "spaces"),
        ("javascript:alert(1)", "https://"),
        ("data:text/html,hi", "https://"),
        ("ftp://example.org/x", "https://"),
        ("zoom.us/j/1", "https://"),
        ("https:///nohost", "host"),
        ("https://reunión.example.org", "non-ASCII"),
        ('https://example.org/"><script>', "not allowed"),
        ("https://[::1", "malformed"),
        ("", "required"),
        ("https://example.org/" + "a" * 3000, "longer"),
    ],
)
def test_invalid_urls_raise_calendar_input_error_naming_the_field(url, reason):
    with pytest.raises(CalendarInputError, match=reason) as caught:
        check_calendar_uri(url, "video_url")
    assert caught.value.field == "video_url"
    assert isinstance(caught.value, ValueError)  # so generic ValueError handlers also map it to 422


def test_addresses_and_time_zones_are_checked():
    assert check_calendar_address("st-crm@example.org", "email") == "st-crm@example.org"
    for bad in ("st-crm@example.org\r\nX: 1", "nobody", "a b@example.org", "x@localhost"):
        with pytest.raises(CalendarInputError):
            check_calendar_address(bad, "email")
    assert check_timezone("America/El_Salvador", "timezone") == "America/El_Salvador"
    for bad in ("Mars/Olympus", "../../etc/passwd", "/etc/localtime", "America/New York", ""):
        with pytest.raises(CalendarInputError):
            check_timezone(bad, "timezone")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"modality": "hybrid"}, "modality"),
        ({"status": "postponed"}, "status"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"starts_at": datetime(2025, 4, 8, 10, tzinfo=UTC)}, "starts_at"),
        ({"ends_at": datetime(2025, 4, 8, 9)}, "ends_at"),
        ({"sequence": -1}, "sequence"),
        ({"last_modified": datetime(2025, 1, 1)}, "last_modified"),
        ({"created_at": datetime(2025, 1, 1)}, "created_at"),
    ],
)
def test_meeting_values_are_checked_when_built(changes, field):
    with pytest.raises(CalendarInputError) as caught:
        meeting(**changes)
    assert caught.value.field == field


def test_agenda_given_as_a_list_becomes_a_tuple():
    assert meeting(agenda=["a", "b"]).agenda == ("a", "b")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"key": "bad key\r\n"}, "key"),
        ({"kind": "other"}, "kind"),
        ({"on": datetime(2025, 4, 10)}, "on"),
    ],
)
def test_deadline_values_are_checked_when_built(changes, field):
    with pytest.raises(CalendarInputError) as caught:
        deadline(**changes)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"host": "example.org\r\nX: 1"}, "host"),
        ({"language": "fr"}, "language"),
        ({"organizer_email": "not an address"}, "organizer_email"),
        ({"now": datetime(2025, 1, 1)}, "now"),
        ({"refresh_hours": 0}, "refresh_hours"),
        ({"keep_cancelled_days": -1}, "keep_cancelled_days"),
    ],
)
def test_feed_options_are_checked_when_built(changes, field):
    with pytest.raises(CalendarInputError) as caught:
        options(**changes)
    assert caught.value.field == field


def test_deadline_on_accepts_a_plain_date():
    assert deadline(on=date(2026, 1, 31)).on == date(2026, 1, 31)
