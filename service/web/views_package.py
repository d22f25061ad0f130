"""The GRCM page's "Issue the whole package" button: every document of the meeting in es and en, sealed and
delivered; the page then tells what was issued, what was reused and what is missing and why."""

from __future__ import annotations

from flask import current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from service.adapters import services
from service.common.i18n import LANGUAGES
from service.documents.package import Wiring, issue_package
from service.errors import DomainError
from service.grcm.models import GrcmMeeting
from service.web.blueprints import web
from service.web.common import get_or_404, now
from service.web.messages import translate
from service.web.signin import current_principal, requires_party


@web.post("/grcm-meetings/<int:grcm_id>/package", endpoint="grcm_package")
@requires_party
def grcm_package(grcm_id: int) -> Response:
    grcm = get_or_404(GrcmMeeting, grcm_id)
    languages = [lang for lang in request.form.getlist("languages") if lang in LANGUAGES] or list(LANGUAGES)
    wired = services()
    back = redirect(url_for("web.grcm_documents", grcm_id=grcm.id, _anchor="package"))
    if wired.converter is None:
        flash(_("The PDF converters are not running; start the service with “tripartito serve” and try again."),
              "error")
        return back
    wiring = Wiring(app=current_app._get_current_object(), converter=wired.converter, store=wired.store,
                    mailer=wired.mailer, sealer=wired.sealer, portal_url=request.url_root + "portal",
                    public_url=current_app.config["PUBLIC_URL"])
    try:
        package = issue_package(grcm.id, languages, actor=current_principal(), now=now(), wiring=wiring,
                                workers=max(1, int(getattr(wired.converter, "size", 2) or 2)))
    except DomainError as error:
        flash(translate(error), "error")
        return back
    issued = sum(not doc.reused for doc in package.documents)
    flash(_("Package ready: %(issued)s documents issued, %(reused)s unchanged and reused.",
            issued=issued, reused=len(package.documents) - issued), "success")
    for gap in package.missing:
        flash(translate(gap.reason), "error")
    return back
