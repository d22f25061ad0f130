"""Typed domain errors. Domain code raises these; the API turns them into JSON with the right status."""

from __future__ import annotations


class DomainError(Exception):
    """Base: a message for people, plus the field or rule it concerns."""

    status = 422

    def __init__(self, message: str, *, field: str | None = None, rule: str | None = None) -> None:
        super().__init__(message)
        self.message = message
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


class StaleVersion(DomainError):
    """If-Match did not match the current ETag: 412."""

    status = 412


class PreconditionRequired(DomainError):
    status = 428


class NotPermitted(DomainError):
    status = 403
