"""Errors the documents area raises beyond the domain's common ones (service.errors)."""

from __future__ import annotations

from service.errors import DomainError


class ConvertersUnavailable(DomainError):
    """No PDF converter is wired (the app was not started by `tripartito serve`): try again later."""

    status = 503
    retry_after = 10
