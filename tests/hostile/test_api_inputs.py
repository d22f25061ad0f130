"""Hostile JSON and text through the API, one row per input (issue 15 F5, F7, F9 and the text rows of SPEC
§ "Hostile inputs every upload and text field must survive"): each gets its 4xx, keeps nothing, and the next
request works. Rows marked "kept as typed" are the documented behaviour for text that is odd but valid."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.factories import meeting_body
from tests.hostile.conftest import assert_next_request_works, kept_rows

MEETINGS = "/api/v1/meetings"


@dataclass(frozen=True)
class Row:
    name: str
    send: Callable[[FlaskClient, dict[str, str]], TestResponse]
    status: int
    says: tuple[str, ...] = field(default=())  # texts the answer must contain (the field, rule or code point)


def _raw(body: str | bytes) -> Callable[[FlaskClient, dict[str, str]], TestResponse]:
    def send(client: FlaskClient, headers: dict[str, str]) -> TestResponse:
        return client.post(MEETINGS, data=body, content_type="application/json", headers=headers)
    return send


def _meeting(**changes: object) -> Callable[[FlaskClient, dict[str, str]], TestResponse]:
    def send(client: FlaskClient, headers: dict[str, str]) -> TestResponse:
        return client.post(MEETINGS, json=meeting_body(**changes), headers=headers)
    return send


def _chunked(size: int) -> Callable[[FlaskClient, dict[str, str]], TestResponse]:
    """A JSON body sent without Content-Length, as a chunked request reaches the app from gunicorn."""
    def send(client: FlaskClient, headers: dict[str, str]) -> TestResponse:
        body = json.dumps(meeting_body(title="x" * size)).encode()
        return client.post(MEETINGS, input_stream=io.BytesIO(body), content_type="application/json",
                           headers={**headers, "Transfer-Encoding": "chunked"},
                           environ_overrides={"wsgi.input_terminated": True})
    return send


def _sized(size: int) -> Callable[[FlaskClient, dict[str, str]], TestResponse]:
    def send(client: FlaskClient, headers: dict[str, str]) -> TestResponse:
        return client.post(MEETINGS, data=json.dumps(meeting_body(title="x" * size)),
                           content_type="application/json", headers=headers)
    return send


BIG = 21 * 1024 * 1024  # over the 20 MiB limit
REFUSED = [
    # F5: numbers and nesting the JSON parser itself cannot take
    Row("F5 integer of 5,001 digits", _raw('{"kind": "ordinary", "ppt_term_id": ' + "7" * 5001 + "}"), 400,
        ("digits",)),
    Row("F5 arrays nested 100,000 deep", _raw("[" * 100_000 + "]" * 100_000), 400, ("nested",)),
    Row("F5 objects nested 40 deep", _raw('{"a": ' * 40 + "1" + "}" * 40), 400, ("nested",)),
    Row("F5 integer beyond its field's range", _meeting(ppt_term_id=10**25), 422, ("ppt_term_id",)),
    Row("F5 float beyond any range", _raw('{"kind": "ordinary", "title": 1e999}'), 400, ("range",)),
    Row("F5 NaN", _raw('{"kind": "ordinary", "title": NaN}'), 400, ("NaN",)),
    # F7: bodies over the limit, with and without Content-Length
    Row("F7 chunked body over the limit", _chunked(BIG), 413),
    Row("F7 body over the limit with Content-Length", _sized(BIG), 413),
    # F9 and the SPEC's text rows: what documents and calendars cannot carry alike
    Row("F9 U+0085 next line in a title", _meeting(title="Primera\x85reunión"), 422, ("title", "U+0085")),
    Row("F9 U+2028 line separator in a title", _meeting(title="Primera\u2028reunión"), 422, ("title", "U+2028")),
    Row("U+2029 paragraph separator in the agenda", _meeting(agenda=["Uno\u2029dos"]), 422, ("agenda", "U+2029")),
    Row("U+202E right-to-left override in a title", _meeting(title="Acta \u202efdp.exe"), 422,
        ("title", "U+202E")),
    Row("U+2066 left-to-right isolate in a place", _meeting(modality="virtual", location="Sala \u2066A\u2069"),
        422, ("location", "U+2066")),
    Row("control character in a title", _meeting(title="NUL\x00dentro"), 422, ("title", "U+0000")),
    Row("lone surrogate in a title", _raw('{"kind": "ordinary", "title": "roto \\ud800 aqui", '
                                          '"starts_at": "2027-02-10T10:00:00", "ends_at": "2027-02-10T12:00:00", '
                                          '"timezone": "America/Tegucigalpa"}'), 422, ("title", "surrogate")),
    Row("CR/LF in a field that reaches the calendar", _meeting(title="Uno\r\nBEGIN:VEVENT"), 422, ("title",)),
    Row("impossible date", _meeting(starts_at="2027-02-30T10:00:00"), 422, ("starts_at",)),
    Row("unknown time zone", _meeting(timezone="Mars/Olympus_Mons"), 422, ("timezone",)),
    Row("local time in a DST gap", _meeting(starts_at="2027-03-14T02:30:00", ends_at="2027-03-14T04:00:00",
                                            timezone="America/New_York"), 422, ("starts_at",)),
    Row("local time in a DST fold", _meeting(starts_at="2027-11-07T01:30:00", ends_at="2027-11-07T03:00:00",
                                             timezone="America/New_York"), 422, ("starts_at",)),
    Row("F7 a 1 MB refused value is not echoed", _meeting(timezone="Mars/" + "x" * 1_000_000), 422,
        ("timezone",)),
]


@pytest.mark.parametrize("row", REFUSED, ids=[row.name for row in REFUSED])
def test_hostile_input_is_refused_keeps_nothing_and_the_next_request_works(client, auth, rows_before, row):
    response = row.send(client, auth["st_crm"])
    assert response.status_code == row.status, response.get_data(as_text=True)[:500]
    assert response.is_json
    text = response.get_data(as_text=True)
    assert len(text) < 2000, "an error answer must not echo the input"
    for expected in row.says:
        assert expected in json.dumps(response.get_json(), ensure_ascii=False), (expected, text)
    assert kept_rows() == rows_before
    assert_next_request_works(client, auth["st_crm"])


KEPT_AS_TYPED = [
    ("right-to-left text", "Reunión: اجتماع اللجنة الثلاثية / שלום"),
    ("emoji", "Reunión 😀🎉 con banderas 🇧🇿🇭🇳"),
    ("NFD (decomposed accents)", "Reunio\u0301n ordinaria de An\u0303asco"),
    ("template expressions", "{{ 7*7 }} {% for x in y %}{{ x }}{% endfor %} {# c #}"),
    ("XML and run injection", '</w:t></w:r><w:r><w:t>inyectado & <b>"citas"</b> \'simples\''),
    ("marks U+200E/U+200F kept", "Sala \u200fأ\u200e 1"),
]


@pytest.mark.parametrize(("case", "title"), KEPT_AS_TYPED, ids=[case for case, _ in KEPT_AS_TYPED])
def test_odd_but_valid_text_is_stored_exactly_as_typed(client, auth, case, title):
    created = client.post(MEETINGS, json=meeting_body(title=title), headers=auth["st_crm"])
    assert created.status_code == 201, created.get_json()
    read = client.get(f"{MEETINGS}/{created.json['id']}", headers=auth["st_crm"])
    assert read.json["title"] == title
