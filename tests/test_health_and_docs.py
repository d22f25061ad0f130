from __future__ import annotations


def test_healthz_is_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["database"]["ok"] is True


def test_healthz_is_503_naming_the_part_that_fails(client, app):
    class BrokenConverter:
        def ping(self):
            raise RuntimeError("no LibreOffice answers")

    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, BrokenConverter()
    try:
        response = client.get("/healthz")
    finally:
        services.converter = saved
    assert response.status_code == 503
    assert response.json["converter"] == {"ok": False, "error": "no LibreOffice answers"}


def test_openapi_document_lists_the_contract_paths(client):
    spec = client.get("/api/v1/openapi.json").json
    for path in ("/api/v1/meetings", "/api/v1/meetings/{meeting_id}/cancel", "/api/v1/meetings/{meeting_id}/minutes",
                 "/api/v1/ppt-terms", "/api/v1/grcm-meetings", "/api/v1/countries"):
        assert path in spec["paths"], path


def test_interactive_docs_are_served_beside_the_openapi_document(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert b"swagger" in response.data.lower()


def test_interactive_docs_load_swagger_ui_from_this_server(client):
    page = client.get("/api/v1/docs").data.decode()
    assert "/api/v1/swagger-ui/swagger-ui-bundle.js" in page
    asset = client.get("/api/v1/swagger-ui/swagger-ui-bundle.js")
    assert asset.status_code == 200
    assert len(asset.data) > 100_000
    asset.close()
