"""Errors the documents area raises beyond the domain's common ones (service.errors)."""

from __future__ import annotations

from service.common.i18n import N_
from service.errors import DomainError, RuleViolation


class ConvertersUnavailable(DomainError):
    """No PDF converter is wired (the app was not started by `tripartito serve`): try again later."""

    status = 503
    retry_after = 10


class NothingToIssue(RuleViolation):
    """The subject has no content for this kind of document (no recommendations for the meeting, …): 422.

    The dossier catches it to leave the part out.
    """

    def __init__(self, kind: str, subject_id: int) -> None:
        super().__init__(N_("There is nothing to issue: the %(kind)s document for subject %(id)s would have no "
                            "content. Record its content first."), field="subject_id",
                         params={"kind": kind, "id": subject_id})
