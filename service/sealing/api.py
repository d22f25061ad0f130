"""POST /api/v1/verify: anyone holding a PDF (no token) learns whether it is the file the team issued."""

from __future__ import annotations

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.verification import VerificationSchema
from service.adapters import services
from service.sealing.verification import answer, verify_pdf

blp = Blueprint("verify", __name__, url_prefix="/api/v1/verify",
                description="Verification of an issued PDF: its seal and its place in the register")


@blp.route("")
class Verify(MethodView):
    @blp.doc(security=[])
    @blp.response(200, VerificationSchema)
    def post(self):
        """The PDF as the body (Content-Type: application/pdf). A file altered after sealing, not in the
        register, or with a broken seal is `authentic: false` with the reason in `problems`."""
        sealer = services().sealer
        verdict = verify_pdf(request.get_data(cache=False), trust_roots=sealer.trust_roots() if sealer else [])
        return answer(verdict)
