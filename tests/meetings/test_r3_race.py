"""R3 under a race: two ordinary meetings in one quarter created at the same moment give exactly one 201."""

from __future__ import annotations

import threading

from tests.factories import meeting_body


def test_concurrent_creations_in_one_quarter_give_exactly_one_201(app, auth):
    barrier = threading.Barrier(2)
    statuses: list[int] = []
    bodies = [meeting_body(title="Reunión A", starts_at="2027-04-05T10:00:00", ends_at="2027-04-05T11:00:00"),
              meeting_body(title="Reunión B", starts_at="2027-06-20T10:00:00", ends_at="2027-06-20T11:00:00")]

    def create(body: dict) -> None:
        client = app.test_client()
        barrier.wait()
        response = client.post("/api/v1/meetings", json=body, headers=auth["st_crm"])
        statuses.append(response.status_code)
        if response.status_code != 201:
            assert response.json["rule"] == "R3", response.json

    for _ in range(5):  # a few rounds make an interleaving where both pass the check likely
        statuses.clear()
        threads = [threading.Thread(target=create, args=(body,)) for body in bodies]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(statuses) == [201, 422], statuses
        listed = app.test_client().get("/api/v1/meetings", headers=auth["st_crm"]).json
        live = [m for m in listed if m["status"] != "cancelled"]
        assert len(live) == 1
        app.test_client().post(f"/api/v1/meetings/{live[0]['id']}/cancel", headers=auth["st_crm"])


def test_database_refuses_the_second_quarter_holder_even_when_the_check_was_passed(app, auth, monkeypatch):
    """The interleaving the race test hopes for, forced: both requests pass the rule check before either writes."""
    from service.meetings import operations

    monkeypatch.setattr(operations, "_occupied_quarters", lambda excluding_id: set())
    client = app.test_client()
    first = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"])
    second = client.post("/api/v1/meetings", json=meeting_body(starts_at="2027-03-02T10:00:00",
                                                               ends_at="2027-03-02T11:00:00"), headers=auth["ppt"])
    assert first.status_code == 201
    assert second.status_code == 422
    assert second.json["rule"] == "R3"
    assert len(client.get("/api/v1/meetings", headers=auth["st_crm"]).json) == 1
