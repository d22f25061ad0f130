"""The GRCM page's "Issue the whole package" button: every document of the meeting in es and en, sealed and
delivered; the page then tells what was issued, what was reused and what is missing and why."""

from __future__ import annotations

from flask import current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from service.adapters import services
from service.common.i18n import LANGUAGES
from service.documents.package import issue_package, pool_workers, wiring_of
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
    wiring = wiring_of(current_app._get_current_object(), wired, converter=wired.converter,
                       portal_url=request.url_root + "portal")
    try:
        package = issue_package(grcm.id, languages, actor=current_principal(), now=now(), wiring=wiring,
                                workers=pool_workers(wired.converter))
    except DomainError as error:
        flash(translate(error), "error")
        return back
    issued = sum(not doc.reused for doc in package.documents)
    flash(_("Package ready: %(issued)s documents issued, %(reused)s unchanged and reused.",
            issued=issued, reused=len(package.documents) - issued), "success")
    for gap in package.missing:
        flash(translate(gap.reason), "error")
    return back
