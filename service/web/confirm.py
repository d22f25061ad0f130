"""The confirmation page every action with lasting effect goes through (corrections/confirm.html): what it acts
on, exactly what will happen, warnings, a reason where one is due, one button. The action itself is a POST."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import render_template

from service.web.forms import FieldErrors

Consequence = str | tuple[str, Sequence[str]]  # a sentence, or a sentence with the items it names


def confirm_page(*, heading: str, subject: str, confirm_label: str, back: str, explanation: str = "",
                 consequences: Sequence[Consequence] = (), warnings: Sequence[str] = (), blocked: bool = False,
                 action: str | None = None, hidden: dict[str, Any] | None = None, ask_reason: bool = False,
                 reason_required: bool = False, reason_label: str | None = None,
                 danger: bool = True, values: dict | None = None,
                 errors: FieldErrors | None = None, status: int = 200) -> tuple[str, int]:
    return render_template(
        "corrections/confirm.html", heading=heading, subject=subject, explanation=explanation,
        confirm_label=confirm_label, back=back, consequences=list(consequences), warnings=list(warnings),
        blocked=blocked, action=action, hidden=hidden or {}, ask_reason=ask_reason, reason_required=reason_required,
        reason_label=reason_label,
        danger=danger, values=values or {}, errors=errors or FieldErrors()), status
