"""Two app servers and two converter hosts (network namespaces, scripts/cluster.py) on one PostgreSQL database.

Needs root and TRIPARTITO_TEST_DATABASE_URL (the run makes and drops its own database beside it); CI runs it
through scripts/test.sh. The tests share one cluster and run in order: each step leaves it as the next expects.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest

from scripts.cluster import Cluster

pytestmark = [pytest.mark.cluster, pytest.mark.libreoffice]
PASSWORD = "a long cluster password"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):  # type: ignore[no-untyped-def]
        return json.loads(self.body)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def call(url: str, method: str = "GET", *, body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 60) -> Answer:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})  # noqa: S310
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return Answer(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


@dataclass
class Setup:
    cluster: Cluster
    a: str
    b: str
    token: str
    feed: str

    def api(self, server: str, path: str, method: str = "GET", payload: dict | None = None,
            **headers: str) -> Answer:
        sent = {"Authorization": f"Bearer {self.token}", **{k.replace("_", "-"): v for k, v in headers.items()}}
        if payload is not None:
            sent["Content-Type"] = "application/json"
        return call(server + path, method, body=json.dumps(payload).encode() if payload is not None else None,
                    headers=sent)

    def issue(self, server: str, kind: str, subject_id: int, language: str) -> Answer:
        return self.api(server, "/api/v1/documents", "POST",
                        {"kind": kind, "subject_id": subject_id, "language": language})

    def documents(self) -> list[dict]:
        return self.api(self.b, "/api/v1/documents").json()


@pytest.fixture(scope="module")
def setup() -> Iterator[Setup]:
    url = os.environ.get("TRIPARTITO_TEST_DATABASE_URL")
    if not url or not url.startswith("postgresql"):
        pytest.skip("the cluster test needs PostgreSQL: set TRIPARTITO_TEST_DATABASE_URL (CI does)")
    if os.geteuid() != 0:
        pytest.skip("the cluster test needs root for network namespaces (CI runs as root)")
    with Cluster(url) as cluster:
        cluster.cli("demo")
        token = cluster.cli("token", "create", "--party", "st_crm").split()[-1]
        feed = cluster.cli("feed", "create", "--country", "BZ").split()[-1]
        cluster.cli("user", "create", "--email", "ana@example.org", "--party", "st_crm", "--password-stdin",
                    stdin=PASSWORD + "\n")
        a, b = cluster.app_urls
        yield Setup(cluster=cluster, a=a, b=b, token=token, feed=feed)


def subjects(setup: Setup) -> list[tuple[str, int]]:
    """Every document the demo year can issue: minutes of held meetings approved by the three parties, and the
    GRCM meetings' documents that have content (nothing empty is issued)."""
    meetings = setup.api(setup.a, "/api/v1/meetings").json()
    grcm = setup.api(setup.a, "/api/v1/grcm-meetings").json()
    approved = []
    for meeting in meetings:
        minutes = setup.api(setup.a, f"/api/v1/meetings/{meeting['id']}/minutes")
        if minutes.status == 200 and meeting["status"] == "held" and minutes.json().get("state") == "approved":
            approved.append(meeting["id"])
    recommended = {r.get("grcm_meeting_id") for r in setup.api(setup.a, "/api/v1/recommendations").json()
                   if r.get("state") != "draft"}  # drafts appear in no document
    return ([("minutes", ident) for ident in approved]
            + [("monitoring_report", g["id"]) for g in grcm]
            + [("recommendations", g["id"]) for g in grcm if g["id"] in recommended])


def issue_batch(setup: Setup, language: str, work: list[tuple[str, int]], during=None) -> list[Answer]:  # type: ignore[no-untyped-def]
    """Issue every (kind, subject) at once, alternating the two servers; `during` runs once the batch is going."""
    servers = [setup.a, setup.b]
    with ThreadPoolExecutor(max_workers=len(work)) as pool:
        futures = [pool.submit(setup.issue, servers[i % 2], kind, ident, language)
                   for i, (kind, ident) in enumerate(work)]
        if during is not None:
            during()
        return [future.result() for future in futures]


def assert_gap_free(documents: list[dict]) -> None:
    numbers: dict[tuple[str, str], set[int]] = defaultdict(set)
    for document in documents:
        match = re.fullmatch(r"ET-CRM/(\d{4})/([A-Z]+)-(\d{3})", document["reference"])
        assert match, document["reference"]
        numbers[(match.group(1), match.group(2))].add(int(match.group(3)))
    for key, found in numbers.items():
        assert found == set(range(1, len(found) + 1)), f"{key}: references {sorted(found)} have gaps"
    editions = [(d["reference"], d["language"], d["version"]) for d in documents]
    assert len(editions) == len(set(editions)), "two documents share reference, language and version"


def converter_states(setup: Setup, server: str) -> tuple[int, dict[str, str]]:
    answer = call(server + "/healthz")
    report = answer.json()["converter"]
    return answer.status, {row["address"]: row["state"] for row in report["instances"]}


def test_healthz_shows_each_converter_host(setup: Setup) -> None:
    expected = {host.endpoint: "ready" for host in setup.cluster.converters}
    for server in (setup.a, setup.b):
        assert converter_states(setup, server) == (200, expected)


def test_documents_issued_concurrently_through_both_servers_get_unique_gap_free_references(setup: Setup) -> None:
    work = subjects(setup)
    assert len(work) >= 6
    before = setup.documents()  # the demo year may have issued (and withdrawn) one already
    answers = issue_batch(setup, "es", work)
    assert [answer.status for answer in answers] == [201] * len(work), [a.body[:200] for a in answers]
    documents = setup.documents()
    assert len(documents) == len(before) + len(work)
    assert_gap_free(documents)


def test_a_change_through_one_server_is_what_the_other_serves_next(setup: Setup) -> None:
    feed = f"/calendars/{setup.feed}/tripartito.ics"
    # A meeting without minutes: changing an issued document's source would make its translations stale.
    meeting = setup.api(setup.a, "/api/v1/meetings").json()[-1]
    path = f"/api/v1/meetings/{meeting['id']}"
    cookie = sign_in(setup.a)
    # B has served (and cached) all three before the change.
    before_feed = call(setup.b + feed)
    before_meeting = setup.api(setup.b, path)
    assert before_feed.status == before_meeting.status == 200
    assert call(setup.b + "/meetings", headers={"Cookie": cookie}).status == 200

    title = f"Reunión trasladada {time.monotonic_ns()}"
    etag = setup.api(setup.a, path).headers["etag"]
    assert setup.api(setup.a, path, "PATCH", {"title": title}, If_Match=etag).status == 200

    after_feed = call(setup.b + feed, headers={"If-None-Match": before_feed.headers["etag"]})
    assert after_feed.status == 200  # not 304: B's validators come from the database
    assert after_feed.headers["etag"] != before_feed.headers["etag"]
    assert title.encode() in after_feed.body
    after_meeting = setup.api(setup.b, path)
    assert after_meeting.json()["title"] == title
    assert after_meeting.headers["etag"] != before_meeting.headers["etag"]
    page = call(setup.b + "/meetings", headers={"Cookie": cookie})  # a session made on A works on B
    assert page.status == 200
    assert title.encode() in page.body
    # Both servers send the same feed, same validators, same gzip bytes.
    zipped = [call(server + feed, headers={"Accept-Encoding": "gzip"}) for server in (setup.a, setup.b)]
    assert zipped[0].headers["etag"] == zipped[1].headers["etag"]
    assert zipped[0].body == zipped[1].body
    assert gzip.decompress(zipped[0].body) == after_feed.body


def sign_in(server: str) -> str:
    form = call(server + "/sign-in")
    token = re.search(rb'name="csrf_token" value="([^"]+)"', form.body).group(1).decode()
    cookie = form.headers["set-cookie"].split(";")[0]
    answer = call(server + "/sign-in", "POST", body=urlencode({
        "email": "ana@example.org", "password": PASSWORD, "csrf_token": token}).encode(),
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 302, answer.body[:300]
    return answer.headers["set-cookie"].split(";")[0]


def test_killing_an_app_server_mid_request_leaves_no_half_issued_record(setup: Setup) -> None:
    kind, ident = subjects(setup)[0]
    count = len(setup.documents())
    outcome: list[object] = []

    def request() -> None:
        try:
            outcome.append(setup.issue(setup.a, kind, ident, "en").status)
        except OSError as error:  # the connection dies with the server
            outcome.append(error)

    thread = threading.Thread(target=request)
    thread.start()
    time.sleep(0.3)  # rendering and conversion take ~0.6 s: the request is in flight
    setup.cluster.kill_app(0)
    thread.join(timeout=30)
    assert outcome, "the request did not end"

    documents = setup.documents()  # through B
    assert len(documents) in (count, count + 1)
    for document in documents:
        pdf = setup.api(setup.b, f"/api/v1/documents/{document['id']}/pdf")
        assert pdf.status == 200
        assert pdf.body.startswith(b"%PDF")
    assert_gap_free(documents)
    setup.cluster.restart_app(0)


def test_killing_a_converter_host_mid_batch_loses_no_document(setup: Setup) -> None:
    done = {(d["kind"], d["subject_id"]) for d in setup.documents() if d["language"] == "en"}
    work = [item for item in subjects(setup) if item not in done]

    def kill_first_converter() -> None:
        time.sleep(0.8)  # a first document or two through it, the rest still queued or in flight
        setup.cluster.kill_converter(0)

    answers = issue_batch(setup, "en", work, during=kill_first_converter)
    assert [answer.status for answer in answers] == [201] * len(work), [a.body[:200] for a in answers]
    assert_gap_free(setup.documents())
    dead, alive = (host.endpoint for host in setup.cluster.converters)
    for server in (setup.a, setup.b):
        status, states = converter_states(setup, server)
        assert (status, states[dead], states[alive]) == (200, "down", "ready")  # degraded, still serving


def test_with_no_converter_host_left_issuing_is_503_with_retry_after_and_writes_nothing(setup: Setup) -> None:
    setup.cluster.kill_converter(1)
    before = setup.documents()
    grcm = setup.api(setup.a, "/api/v1/grcm-meetings").json()[0]["id"]
    for server in (setup.a, setup.b):
        answer = setup.issue(server, "dossier", grcm, "es")
        assert answer.status == 503, answer.body[:300]
        assert int(answer.headers["retry-after"]) > 0
        assert converter_states(setup, server)[0] == 503
    assert setup.documents() == before
