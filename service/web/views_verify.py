"""The public verification page: anyone holding a PDF checks it (upload), or opens the link of its QR code."""

from __future__ import annotations

from flask import abort, render_template, request

from service.adapters import services
from service.errors import DomainError
from service.sealing.verification import answer, by_code, state_of, verify_pdf
from service.web.blueprints import web
from service.web.messages import translate

MAX_FORM_FILE = 15 * 1024 * 1024


@web.get("/verify", endpoint="verify")
def verify_form() -> str:
    return render_template("verify.html", result=None, entry=None, error=None)


@web.get("/verify/<code>", endpoint="verify_code")
def verify_link(code: str) -> str:
    """What the register says of the document a QR code names; the holder may then check the file itself."""
    document = by_code(code[:32])
    if document is None:
        abort(404)
    state, newer = state_of(document)
    return render_template("verify.html", result=None, error=None,
                           entry={"document": document, "state": state, "superseded_by": newer})


@web.post("/verify", endpoint="verify_upload")
def verify_upload() -> str:
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return render_template("verify.html", result=None, entry=None, error=None, missing=True), 422
    sealer = services().sealer
    try:
        verdict = verify_pdf(upload.read(MAX_FORM_FILE + 1), trust_roots=sealer.trust_roots() if sealer else [])
    except DomainError as error:
        return render_template("verify.html", result=None, entry=None, error=translate(error)), error.status
    result = answer(verdict)
    result["problems"] = [translate(message) for message in verdict.messages()]
    return render_template("verify.html", result=result, entry=None, error=None)
