"""Limits every request meets before a handler or a schema sees it: the body's size (chunked or not), JSON
nesting depth and numeral length, and how much of a refused value an answer may repeat.

Why here and not in marshmallow: Python's json module raises ValueError on an integer of more than 4,300
digits and RecursionError on deep nesting, both inside webargs' parser, before any schema runs.
"""

from __future__ import annotations

import io
import json
from typing import Any

from flask import Flask, request
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

MAX_JSON_DEPTH = 32  # the deepest real payload (minutes: object → list → object) is 4
MAX_INTEGER_DIGITS = 30  # longer than any field takes; shorter ones reach the field, whose range names it (422)
MAX_NUMERAL_LENGTH = 40  # decimals (amounts, monitoring values) with their fraction
ECHO_PREFIX = 40  # characters of a refused value an error message may repeat
# The longest text field takes 20,000 characters; a form value beyond this is refused before any page
# re-renders the form with it (a 15 MB title once came back in a 15.7 MB page).
MAX_FORM_VALUE = 32_768
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class JsonRefused(ValueError):
    """A JSON body this service will not parse; the message names the rule."""


def shorten(value: str, limit: int = ECHO_PREFIX) -> str:
    """The start of a value, for messages: never more than `limit` characters and an ellipsis."""
    return value if len(value) <= limit else value[:limit] + "…"


def _integer(numeral: str) -> int:
    if len(numeral.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise JsonRefused(f"A number has more than {MAX_INTEGER_DIGITS} digits ({shorten(numeral, 12)}).")
    return int(numeral)


def _decimal(numeral: str) -> float:
    if len(numeral) > MAX_NUMERAL_LENGTH:
        raise JsonRefused(f"A number is longer than {MAX_NUMERAL_LENGTH} characters ({shorten(numeral, 12)}).")
    number = float(numeral)
    if number in (float("inf"), float("-inf")):
        raise JsonRefused(f"A number is out of range ({shorten(numeral, 12)}).")
    return number


def _constant(name: str) -> float:
    raise JsonRefused(f"{name} is not a JSON number.")


def _depth(document: Any) -> int:
    """Nesting depth of parsed JSON, without recursion (the document may be as deep as json allowed)."""
    deepest, pending = 0, [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                return depth
            pending.extend((item, depth + 1) for item in value if isinstance(item, dict | list))
    return deepest


def parse_bounded_json(body: bytes) -> Any:
    """The parsed body, or JsonRefused naming the limit it breaks (depth, digits, non-numbers)."""
    try:
        document = json.loads(body, parse_int=_integer, parse_float=_decimal, parse_constant=_constant)
    except RecursionError:
        raise JsonRefused(f"JSON nested more than {MAX_JSON_DEPTH} levels deep.") from None
    except JsonRefused:
        raise
    except (ValueError, UnicodeDecodeError) as error:
        raise JsonRefused(f"Invalid JSON: {shorten(str(error), 80)}") from None
    if _depth(document) > MAX_JSON_DEPTH:
        raise JsonRefused(f"JSON nested more than {MAX_JSON_DEPTH} levels deep.")
    return document


def _read_streamed_body(limit: int) -> None:
    """A body without Content-Length (chunked): read it whole, up to the limit, or refuse it with 413.

    Werkzeug would cut such a body silently at the limit, so a too-large upload became "not a zip" or
    "invalid JSON" instead of "too large". Read once here and hand Werkzeug a body of known length.
    """
    environ = request.environ
    if request.content_length is not None or not environ.get("wsgi.input_terminated"):
        return
    stream = environ["wsgi.input"]
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(min(64 * 1024, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise RequestEntityTooLarge(f"The request body is larger than {limit} bytes.")
    environ["wsgi.input"] = io.BytesIO(b"".join(chunks))
    environ["CONTENT_LENGTH"] = str(size)
    environ.pop("wsgi.input_terminated", None)
    environ.pop("HTTP_TRANSFER_ENCODING", None)


def _check_json_body() -> None:
    if request.method not in ("POST", "PUT", "PATCH", "DELETE") or not request.is_json:
        return
    body = request.get_data(cache=True)
    if not body:
        return
    try:
        parse_bounded_json(body)
    except JsonRefused as error:
        raise BadRequest(str(error)) from None


def _check_form(max_form_size: int) -> None:
    """413 for a form too large to be typed, or with one value longer than any field takes."""
    if request.method != "POST" or request.mimetype not in _FORM_TYPES:
        return
    if request.mimetype == _FORM_TYPES[0] and (request.content_length or 0) > max_form_size:
        # Werkzeug applies MAX_FORM_MEMORY_SIZE to multipart forms only.
        raise RequestEntityTooLarge(f"The form is larger than {max_form_size} bytes.")
    for name, value in request.form.items(multi=True):
        if len(value) > MAX_FORM_VALUE:
            raise RequestEntityTooLarge(
                f"The form field {shorten(name)!r} is longer than {MAX_FORM_VALUE} characters.")


def register(app: Flask) -> None:
    """Install the checks as the app's first before-request hook (before anything reads the body)."""

    def limit_request() -> None:
        limit = app.config.get("MAX_CONTENT_LENGTH")
        if limit:
            _read_streamed_body(int(limit))
        _check_json_body()
        _check_form(int(app.config["MAX_FORM_MEMORY_SIZE"]))

    app.before_request_funcs.setdefault(None, []).insert(0, limit_request)
