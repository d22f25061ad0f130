"""Schemathesis against the live app (through WSGI): generated requests for every operation of the OpenAPI
document, as a party that may write. No answer may be a 5xx, break the document's schemas, or use a status the
document does not list. Bounded: a fixed number of examples per operation, derandomised (a fixed seed).

Driven through `as_strategy()` rather than schemathesis' pytest plugin, whose lazy fixture loader does not run
under pytest 9.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES_PER_OPERATION = 8
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@schemathesis.serializer("application/pdf", DOCX)
def _file_body(ctx, value) -> bytes:
    """Upload bodies are files: generated values go as their bytes (or their text, encoded)."""
    return value if isinstance(value, bytes) else str(value).encode()

# The three promises. Not "positive data acceptance": a schema-valid request may still break a rule of
# the mechanism (R1–R12), and that 422 is the documented answer.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


def _check(operation, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES_PER_OPERATION, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck), print_blob=False)
    def run(case) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


@pytest.mark.schemathesis
def test_generated_requests_get_documented_answers_and_never_a_5xx(app, auth, converter):
    document = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures = []
    for result in document.get_all_operations():
        operation = result.ok()
        try:
            # The WSGI transport does not decode gzip (which it asks for); compression has its own tests.
            _check(operation, {**auth["st_crm"], "Accept-Encoding": "identity"})
        except (Exception, BaseExceptionGroup) as error:  # every operation's failures, reported together
            failures.append(f"{operation.method.upper()} {operation.path}: {str(error)[:1500]}")
    assert not failures, "\n\n".join(failures)
