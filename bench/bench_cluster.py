"""One vs two app servers, two converter hosts, one PostgreSQL database: throughput side by side in one run.

    sudo .venv/bin/python bench/bench_cluster.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

Uses scripts/cluster.py (network namespaces; root). Issuance: each round renames the demo year's meetings (so
every document gets a new version) and issues all of them at once through server A alone, or through A and B
alternately. Feed reads: concurrent GETs of the gzipped feed (200) and conditional GETs (304). Medians of the
rounds; nothing asserted. On one 2-core machine the app servers and LibreOffice share the same cores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.cluster import Cluster
from tests.cluster.test_cluster import Setup, call, subjects


def rename_all(setup: Setup, round_no: int) -> None:
    for path in ("/api/v1/meetings", "/api/v1/grcm-meetings"):
        for item in setup.api(setup.a, path).json():
            one = f"{path}/{item['id']}"
            etag = setup.api(setup.a, one).headers["etag"]
            setup.api(setup.a, one, "PATCH", {"title": f"{item['title'].split(' #')[0]} #{round_no}"}, If_Match=etag)


def issuance(setup: Setup, servers: list[str], work: list[tuple[str, int]], round_no: int) -> float:
    rename_all(setup, round_no)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(work)) as pool:
        answers = list(pool.map(lambda item: setup.issue(servers[item[0] % len(servers)], *item[1], "es"),
                                enumerate(work)))
    elapsed = time.perf_counter() - started
    assert all(answer.status == 201 for answer in answers), [a.body[:200] for a in answers]
    return len(work) / elapsed


def feed_reads(setup: Setup, servers: list[str], requests: int, etag: str | None) -> float:
    url = f"/calendars/{setup.feed}/tripartito.ics"
    headers = {"Accept-Encoding": "gzip", **({"If-None-Match": etag} if etag else {})}
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda i: call(servers[i % len(servers)] + url, headers=headers), range(requests)))
    return requests / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with Cluster(args.database_url) as cluster:
        cluster.cli("demo")
        token = cluster.cli("token", "create", "--party", "st_crm").split()[-1]
        feed = cluster.cli("feed", "create", "--country", "BZ").split()[-1]
        a, b = cluster.app_urls
        setup = Setup(cluster=cluster, a=a, b=b, token=token, feed=feed)
        work = subjects(setup)
        one, two = [a], [a, b]
        rates: dict[str, list[float]] = {k: [] for k in ("issue1", "issue2", "feed1", "feed2", "304-1", "304-2")}
        for round_no in range(args.rounds):
            rates["issue1"].append(issuance(setup, one, work, 2 * round_no + 1))
            rates["issue2"].append(issuance(setup, two, work, 2 * round_no + 2))
            etag = call(a + f"/calendars/{feed}/tripartito.ics", headers={"Accept-Encoding": "gzip"}).headers["etag"]
            for label, servers in (("1", one), ("2", two)):
                rates["feed" + label].append(feed_reads(setup, servers, args.requests, None))
                rates["304-" + label].append(feed_reads(setup, servers, args.requests, etag))
    median = {key: statistics.median(values) for key, values in rates.items()}
    print(f"Two converter hosts; {len(work)} documents per issuing round, {args.requests} feed requests "
          f"(16 clients); medians of {args.rounds} rounds")
    print(f"  {'':38}{'1 app server':>14}{'2 app servers':>15}{'ratio':>8}")
    for name, key in (("issuing (documents/s)", "issue"), ("feed 200, gzip (requests/s)", "feed"),
                      ("feed 304 (requests/s)", "304-")):
        first, second = median[key + "1"], median[key + "2"]
        print(f"  {name:<38}{first:>14.1f}{second:>15.1f}{second / first:>8.2f}")


if __name__ == "__main__":
    main()
