"""Typed domain errors. Domain code raises these; the API turns them into JSON with the right status.

The message is an English %-style template marked with N_ (service.common.i18n), its variable parts in `params`
as raw values (codes, ISO dates): `.message` is the English text the API answers, `.template` and `.params` let
the pages show it in their language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from service.common.i18n import fill

_ECHO_PREFIX = 60


def _shorten(value: Any) -> Any:
    return value[:_ECHO_PREFIX] + "…" if isinstance(value, str) and len(value) > _ECHO_PREFIX else value


class DomainError(Exception):
    """Base: a message for people, plus the field or rule it concerns."""

    status = 422

    def __init__(self, message: str, *, field: str | None = None, rule: str | None = None,
                 params: Mapping[str, Any] | None = None) -> None:
        self.template = message
        # A refused value is repeated only as its start: an answer never grows with the input.
        self.params: dict[str, Any] = {name: _shorten(value) for name, value in (params or {}).items()}
        self.message = fill(message, self.params)
        super().__init__(self.message)
        self.field = field
        self.rule = rule

    def payload(self) -> dict:
        body: dict = {"message": self.message}
        if self.rule:
            body["rule"] = self.rule
        if self.field:
            body["errors"] = {"json": {self.field: [self.message]}}
        return body


class RuleViolation(DomainError):
    """Input is well formed but breaks a rule of the mechanism (R1–R12) or a data rule: 422."""

    status = 422


class NotFound(DomainError):
    status = 404


class Conflict(DomainError):
    """The state moved meanwhile or a uniqueness rule was hit by a concurrent writer: 409."""

    status = 409


class DependentsBroken(Conflict):
    """A change that would break the rules of records depending on it (409): each listed by kind, id and rule."""

    def __init__(self, message: str, *, dependents: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.dependents = dependents

    def payload(self) -> dict:
        return {**super().payload(), "dependents": self.dependents}


class StaleVersion(DomainError):
    """If-Match did not match the current ETag: 412."""

    status = 412


class PreconditionRequired(DomainError):
    status = 428


class NotPermitted(DomainError):
    status = 403


class TooManyAttempts(DomainError):
    """Throttled: wait `retry_after` seconds (sent as Retry-After) before trying again: 429."""

    status = 429

    def __init__(self, message: str, *, retry_after: int, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after
