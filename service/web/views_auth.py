"""Sign-in and sign-out, and the front door that sends each person to their pages."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from service.accounts.sessions import attempt_sign_in
from service.auth.principals import may_write
from service.errors import TooManyAttempts
from service.extensions import db
from service.web.blueprints import web
from service.web.common import now
from service.web.messages import translate
from service.web.signin import current_principal, safe_next, sign_in, sign_out


@web.get("/")
def index() -> Response:
    principal = current_principal()
    if principal is None:
        return redirect(url_for("web.sign_in"))
    return redirect(url_for("web.dashboard" if may_write(principal) else "portal.documents"))


@web.route("/sign-in", methods=["GET", "POST"], endpoint="sign_in")
def sign_in_page() -> Response | tuple[str, int] | str:
    email = request.form.get("email", "")
    if request.method == "POST":
        try:
            user = attempt_sign_in(email, request.form.get("password", ""), address=request.remote_addr or "",
                                   now=now())
        except TooManyAttempts as error:
            db.session.rollback()
            return render_template("sign_in.html", email=email, error=translate(error)), 429, {
                "Retry-After": str(error.retry_after)}
        db.session.commit()  # the failure counts, or the success clears the account's failures
        if user is not None:
            sign_in(user)
            db.session.commit()
            default = url_for("web.dashboard" if user.party else "portal.documents")
            return redirect(safe_next(request.args.get("next"), default))
        return render_template("sign_in.html", email=email,
                               error=_("The e-mail address or the password is not right.")), 401
    return render_template("sign_in.html", email=email, error=None)


@web.post("/sign-out", endpoint="sign_out")
def sign_out_page() -> Response:
    sign_out()
    db.session.commit()
    return redirect(url_for("web.sign_in"))
