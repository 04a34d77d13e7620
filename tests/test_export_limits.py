"""Exports of any size: streamed batch by batch in bounded memory, on both backends, capped for anonymous clients
and limited in number over HTTP."""
from __future__ import annotations

import json
import tracemalloc

import httpx
import pytest
from fastapi.testclient import TestClient
from store_filler import fill_events
from test_store_postgres import pg_schemas, pg_url
from web_fixtures import live_server

from communique.kb.export import export
from communique.kb.store import Store
from communique.web import create_app

FIXTURES = (pg_schemas, pg_url)
TOKEN = "export-token-0123456789"


class LineCounter:
    """A text sink that keeps nothing: counts lines and the largest piece written."""

    def __init__(self) -> None:
        self.lines = self.largest = 0
        self.first: dict | None = None

    def write(self, text: str) -> None:
        if self.first is None and text:
            self.first = json.loads(text.split("\n", 1)[0])
        self.lines += text.count("\n")
        self.largest = max(self.largest, len(text))


def test_an_export_holds_one_batch_at_a_time(tmp_path):
    with Store.open(tmp_path / "kb.db") as store:
        fill_events(store, 6000)
        sink = LineCounter()
        tracemalloc.start()
        try:
            written = export(store, "jsonl", sink)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert written == sink.lines == 6000
    assert sink.largest < 600_000                       # pieces of one batch, never the whole export
    assert peak < 12 << 20, f"{peak / 2**20:.0f} MiB for 6,000 events (the whole export was held: ~20 MiB)"


def test_a_postgresql_export_crosses_the_parameter_limit(pg_url):
    """One statement with a parameter per merged event failed above 65,535 of them."""
    with Store.open(pg_url) as store:
        fill_events(store, 66_000)
        sink = LineCounter()
        assert export(store, "jsonl", sink) == 66_000 and sink.lines == 66_000
        assert sink.first["reports"][0]["doc_id"] == "f" * 16


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "kb.db"
    with Store.open(path) as store:
        fill_events(store, 2500)
    return path


def test_an_anonymous_export_is_capped_and_says_so(big_store):
    with live_server(big_store, token=TOKEN, export_row_cap=1000) as base, \
            httpx.Client(base_url=base, timeout=120) as client:
        capped = client.get("/api/export")
        assert capped.status_code == 200 and len(capped.text.splitlines()) == 1000
        assert capped.headers["x-export-row-cap"] == "1000" and capped.headers["x-export-truncated"] == "true"
        small = client.get("/api/export", params={"limit": 10})
        assert len(small.text.splitlines()) == 10 and "x-export-truncated" not in small.headers
        bulk = client.get("/api/export", headers={"Authorization": f"Bearer {TOKEN}"})
        assert len(bulk.text.splitlines()) == 2500 and "x-export-row-cap" not in bulk.headers
        csv_export = client.get("/api/export", params={"format": "csv", "limit": 1200},
                                headers={"Authorization": f"Bearer {TOKEN}"})
        lines = csv_export.text.splitlines()
        assert len(lines) == 1201 and lines[0].startswith("id,") and not lines[1].startswith("id,")


def test_exports_beyond_the_concurrency_limit_are_503_and_reads_go_on(big_store):
    app = create_app(str(big_store), export_concurrency=2)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert app.state.exports.acquire(blocking=False) and app.state.exports.acquire(blocking=False)
        busy = client.get("/api/export", params={"limit": 5})
        assert busy.status_code == 503 and busy.json()["error"]["code"] == "unavailable"
        assert busy.headers["retry-after"] == "5"
        assert client.get("/api/stats").status_code == 200
        app.state.exports.release()
        assert len(client.get("/api/export", params={"limit": 5}).text.splitlines()) == 5
        app.state.exports.release()
        assert app.state.exports.acquire(blocking=False) and app.state.exports.acquire(blocking=False)
