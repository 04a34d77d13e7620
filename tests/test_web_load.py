"""A bounded load test: `communique serve` in a second process on 127.0.0.1 over a synthetic store, the main
queries at 1, 8 and 32 concurrent clients; every request must succeed. Latencies are reported by `make bench`
(communique.bench.web on 100,000 events), never asserted here."""
from __future__ import annotations

from communique.bench.web import CONCURRENCY, build_store, measure


def test_the_server_answers_every_request_under_concurrent_load(tmp_path):
    db = tmp_path / "load.db"
    built = build_store(db, events=1500)
    assert built["events"] >= 1500
    results, cold = measure(db, max_requests=48, max_seconds=20)
    assert {r["clients"] for r in results} == set(CONCURRENCY) == {1, 8, 32}
    assert len({r["query"] for r in results}) == 7 and all(cold.values())
    for row in results:
        assert row["requests"] > 0 and row["errors"] == 0, row
