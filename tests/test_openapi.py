"""The OpenAPI document is a valid OpenAPI 3.0 document and describes what the API really does: preconditions,
local times, uploads, and the Allow header of a 405 (issue 15 F10)."""

from __future__ import annotations

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator

from service.openapi import IF_MATCH, UPLOADS


@pytest.fixture
def document(client) -> dict:
    return client.get("/api/v1/openapi.json").json


def test_the_document_is_valid_openapi_3_0(document):
    problems = [f"{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}"
                for error in OpenAPIV30SpecValidator(document).iter_errors()]
    assert problems == []


def test_local_wall_times_are_not_declared_as_rfc3339_date_times(document):
    starts_at = document["components"]["schemas"]["Meeting"]["properties"]["starts_at"]
    assert "format" not in starts_at
    assert starts_at["pattern"].startswith("^\\d{4}")


def test_decimals_are_strings_with_a_pattern_and_no_string_bounds(document):
    amount = document["components"]["schemas"]["Resource"]["properties"]["amount"]
    assert amount["type"] == "string"
    assert "maximum" not in amount


@pytest.mark.parametrize(("method", "path"), sorted(IF_MATCH))
def test_every_precondition_is_documented_on_an_operation_that_exists(document, method, path):
    operation = document["paths"][path][method]
    header = next(p for p in operation["parameters"] if p["in"] == "header" and p["name"] == "If-Match")
    assert header["required"] is IF_MATCH[(method, path)]
    assert "412" in operation["responses"]
    assert ("428" in operation["responses"]) is IF_MATCH[(method, path)]


def test_a_missing_if_match_is_the_documented_428(client, auth):
    from tests.factories import meeting_body

    created = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"]).json
    response = client.patch(f"/api/v1/meetings/{created['id']}", json={"title": "Otro"}, headers=auth["st_crm"])
    assert response.status_code == 428


@pytest.mark.parametrize(("method", "path"), sorted(UPLOADS))
def test_upload_bodies_are_described(document, method, path):
    body = document["paths"][path][method]["requestBody"]
    assert body["content"]
    assert all(media["schema"] for media in body["content"].values())


def test_a_405_says_which_methods_are_allowed(client, auth):
    response = client.delete("/api/v1/meetings", headers=auth["st_crm"])
    assert response.status_code == 405
    assert response.is_json
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
