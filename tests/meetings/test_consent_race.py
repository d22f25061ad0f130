"""Two parties consenting at the same moment: both answers are kept and the meeting ends `scheduled`."""

from __future__ import annotations

import threading

from tests.factories import meeting_body


def test_two_parties_consenting_at_the_same_time_both_count(app, auth):
    client = app.test_client()
    for _ in range(3):  # a few rounds make the interleaving where both read before either writes likely
        created = client.post("/api/v1/meetings", json=meeting_body(kind="extraordinary", consents={"st_crm": True}),
                              headers=auth["st_crm"])
        meeting_id = created.json["id"]
        barrier = threading.Barrier(2)
        statuses: list[int] = []

        def answer(party: str, meeting_id: int = meeting_id, barrier: threading.Barrier = barrier,
                   statuses: list[int] = statuses) -> None:
            own = app.test_client()
            barrier.wait()
            statuses.append(own.post(f"/api/v1/meetings/{meeting_id}/consents", json={"consent": True},
                                     headers=auth[party]).status_code)

        threads = [threading.Thread(target=answer, args=(party,)) for party in ("st_rrocm", "ppt")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [200, 200]
        meeting = client.get(f"/api/v1/meetings/{meeting_id}", headers=auth["st_crm"]).json
        assert meeting["consents"] == {"st_crm": True, "st_rrocm": True, "ppt": True}
        assert meeting["status"] == "scheduled"


def test_a_consent_whose_write_lost_the_race_is_applied_again_on_the_fresh_meeting(app, auth, monkeypatch):
    """The interleaving forced: the first attempt's write finds the meeting changed (as if the other party's
    answer was committed in between); the answer is applied again and both count."""
    from sqlalchemy.orm.exc import StaleDataError

    from service.meetings import tripartite

    client = app.test_client()
    meeting_id = client.post("/api/v1/meetings", json=meeting_body(kind="extraordinary", consents={"st_crm": True}),
                             headers=auth["st_crm"]).json["id"]
    real = tripartite._save
    calls = {"n": 0}

    def save_losing_once(meeting, now):
        calls["n"] += 1
        if calls["n"] == 1:
            other = app.test_client()  # the other party's answer lands first
            monkeypatch.setattr(tripartite, "_save", real)
            assert other.post(f"/api/v1/meetings/{meeting_id}/consents", json={"consent": True},
                              headers=auth["ppt"]).status_code == 200
            monkeypatch.setattr(tripartite, "_save", save_losing_once)
            raise StaleDataError("meeting changed meanwhile")
        return real(meeting, now)

    monkeypatch.setattr(tripartite, "_save", save_losing_once)
    response = client.post(f"/api/v1/meetings/{meeting_id}/consents", json={"consent": True}, headers=auth["st_rrocm"])
    assert response.status_code == 200, response.json
    assert response.json["status"] == "scheduled"
    assert response.json["consents"] == {"st_crm": True, "st_rrocm": True, "ppt": True}
