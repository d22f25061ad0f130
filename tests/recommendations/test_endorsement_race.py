"""Two parties endorsing the same recommendation at the same moment: both endorsements count, each once, and the
draft can then be submitted as the team (R9) — on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading

from tests.followups_factories import SUBMISSION, grcm_meeting, recommendation_body

URL = "/api/v1/recommendations"


def _draft_endorsed_by_st_crm(client, auth) -> int:
    grcm = grcm_meeting(client, auth)
    rec_id = client.post(URL, json=recommendation_body(grcm["id"]), headers=auth["st_crm"]).json["id"]
    assert client.post(f"{URL}/{rec_id}/endorsement", headers=auth["st_crm"]).status_code == 200
    return rec_id


def test_two_parties_endorsing_at_the_same_time_both_count(app, auth):
    client = app.test_client()
    for _ in range(3):  # a few rounds make the interleaving where both read before either writes likely
        rec_id = _draft_endorsed_by_st_crm(client, auth)
        etag = client.get(f"{URL}/{rec_id}", headers=auth["st_crm"]).headers["ETag"]
        barrier = threading.Barrier(2)
        statuses: list[int] = []

        def endorse(party: str, rec_id: int = rec_id, barrier: threading.Barrier = barrier,
                    statuses: list[int] = statuses, etag: str = etag) -> None:
            own = app.test_client()
            barrier.wait()
            statuses.append(own.post(f"{URL}/{rec_id}/endorsement",
                                     headers={**auth[party], "If-Match": etag}).status_code)

        threads = [threading.Thread(target=endorse, args=(party,)) for party in ("st_rrocm", "ppt")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [200, 200]
        shown = client.get(f"{URL}/{rec_id}", headers=auth["st_crm"]).json
        assert sorted(e["party"] for e in shown["endorsements"]) == ["ppt", "st_crm", "st_rrocm"]
        submitted = client.post(f"{URL}/{rec_id}/transitions", json=SUBMISSION, headers=auth["st_crm"])
        assert submitted.status_code == 200, submitted.json


def test_an_endorsement_landing_between_another_partys_read_and_write_is_kept_with_it(app, auth, monkeypatch):
    """The interleaving forced: ST-RROCM's request has read the draft and its endorsements when the PPT's
    endorsement is committed; both count, the answer shows both, and the audit entry says what the three see."""
    from service.recommendations import operations
    from tests.audit.helpers import log

    client = app.test_client()
    rec_id = _draft_endorsed_by_st_crm(client, auth)
    real = operations.check_endorsement

    def check_then_let_the_ppt_in(state, party):
        real(state, party)
        monkeypatch.setattr(operations, "check_endorsement", real)
        assert app.test_client().post(f"{URL}/{rec_id}/endorsement", headers=auth["ppt"]).status_code == 200

    monkeypatch.setattr(operations, "check_endorsement", check_then_let_the_ppt_in)
    response = client.post(f"{URL}/{rec_id}/endorsement", headers=auth["st_rrocm"])
    assert response.status_code == 200, response.json
    assert sorted(e["party"] for e in response.json["endorsements"]) == ["ppt", "st_crm", "st_rrocm"]
    entries = [e for e in log(client, auth, f"recommendation:{rec_id}") if e["action"] == "recommendation.endorse"]
    assert sorted(entries[-1]["changes"]["endorsed_by"][1]) == ["ppt", "st_crm", "st_rrocm"]
    assert client.post(f"{URL}/{rec_id}/transitions", json=SUBMISSION, headers=auth["st_crm"]).status_code == 200


def test_the_same_party_endorsing_twice_at_once_is_recorded_once(app, auth):
    client = app.test_client()
    rec_id = _draft_endorsed_by_st_crm(client, auth)
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def endorse() -> None:
        own = app.test_client()
        barrier.wait()
        statuses.append(own.post(f"{URL}/{rec_id}/endorsement", headers=auth["ppt"]).status_code)

    threads = [threading.Thread(target=endorse) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200, 200]
    shown = client.get(f"{URL}/{rec_id}", headers=auth["st_crm"]).json
    assert sorted(e["party"] for e in shown["endorsements"]) == ["ppt", "st_crm"]
