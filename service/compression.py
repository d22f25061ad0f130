"""gzip for calendar feeds and the JSON API, when the client accepts it.

A 1,000-meeting feed is ~0.6 MB of highly repetitive text and calendar apps poll it every few hours: gzip
makes it about 20× smaller. The output is deterministic (no timestamp in the gzip header, fixed level), so
every app server sends the same bytes for the same ETag.

Only bodies without cookies are compressed: feeds (the secret is in the URL) and the JSON API (bearer
tokens). HTML pages carry a CSRF token next to text people type, the BREACH pattern, so they stay plain.
A compressed answer turns a strong ETag weak (W/"…", as nginx does): the bytes differ from the plain
representation, but If-None-Match compares weakly, and If-Match here accepts the weak form of a tag.
"""

from __future__ import annotations

import gzip

from flask import Flask, Request, Response, request

COMPRESSED_TYPES = frozenset({"text/calendar", "application/json"})
COMPRESSED_PREFIXES = ("/calendars/", "/api/")
MIN_SIZE = 500  # bytes; below this the gzip header and a round of CPU are not worth it
LEVEL = 6


def gzip_bytes(data: bytes) -> bytes:
    """Deterministic gzip: mtime 0 and a fixed level, so equal input gives equal output on every host."""
    return gzip.compress(data, compresslevel=LEVEL, mtime=0)


def accepts_gzip(req: Request) -> bool:
    return req.accept_encodings["gzip"] > 0


def compress_response(response: Response) -> Response:
    """The after-request step: Vary on every answer of these paths, gzip where it pays and is accepted."""
    if not request.path.startswith(COMPRESSED_PREFIXES):
        return response
    response.vary.add("Accept-Encoding")
    if (response.status_code != 200 or response.direct_passthrough or response.is_streamed
            or response.mimetype not in COMPRESSED_TYPES or "Content-Encoding" in response.headers
            or not accepts_gzip(request)):
        return response
    data = response.get_data()
    if len(data) < MIN_SIZE:
        return response
    response.set_data(gzip_bytes(data))
    response.headers["Content-Encoding"] = "gzip"
    tag, weak = response.get_etag()
    if tag and not weak:
        response.set_etag(tag, weak=True)
    return response


def init_compression(app: Flask) -> None:
    app.after_request(compress_response)
