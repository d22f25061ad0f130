"""Stored files over HTTP, for the API and the pages alike: immutable (their SHA-256 is their ETag), and the
names an issued document downloads under."""

from __future__ import annotations

from flask import Response, request

from service.adapters import services
from service.documents.models import IssuedDocument


def download_name(document: IssuedDocument, extension: str) -> str:
    return f"{document.reference.replace('/', '_')}_v{document.version}_{document.language}.{extension}"


def file_response(digest: str, media_type: str, name: str) -> Response:
    """A stored file, immutable: its SHA-256 is its ETag."""
    if request.if_none_match.contains(digest):
        return Response(status=304, headers={"ETag": f'"{digest}"'})
    content = services().store.get(digest)
    response = Response(content, mimetype=media_type)
    response.set_etag(digest)
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    response.headers["Cache-Control"] = "private, max-age=31536000, immutable"  # issued documents never change
    return response
