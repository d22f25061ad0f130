"""POST /api/v1/grcm-meetings/{id}/package: every document of a GRCM meeting, issued, sealed and delivered."""

from __future__ import annotations

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.documents import PackageRequestSchema, PackageSchema
from service.adapters import services
from service.auth.http import current_principal, requires_writer
from service.common.i18n import N_
from service.documents.errors import ConvertersUnavailable
from service.documents.package import Wiring, issue_package, pool_workers, wiring_of

blp = Blueprint("grcm_package", __name__, url_prefix="/api/v1/grcm-meetings",
                description="The GRCM package: all of a GRCM meeting's documents in one action")


def wiring() -> Wiring:
    wired = services()
    if wired.converter is None:
        raise ConvertersUnavailable(N_("The PDF converters are not running; start the service with "
                                       "“tripartito serve” and try again."))
    return wiring_of(current_app._get_current_object(), wired, converter=wired.converter,
                     portal_url=request.url_root + "portal")


@blp.route("/<int:grcm_id>/package")
class GrcmPackage(MethodView):
    @requires_writer
    @blp.arguments(PackageRequestSchema)
    @blp.response(200, PackageSchema)
    def post(self, data, grcm_id):
        """Monitoring report, recommendations, the minutes of the period and the dossier, in each language:
        unchanged documents are reused; what cannot be issued is listed in `missing` with the reason."""
        return issue_package(grcm_id, list(dict.fromkeys(data["languages"])), actor=current_principal(),
                             now=services().clock.now(), wiring=wiring(), workers=pool_workers(services().converter))
