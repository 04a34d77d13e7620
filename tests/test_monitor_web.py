"""Watchlists, alerts and sources over HTTP (uvicorn on 127.0.0.1) and on the dashboard in headless Chromium: a
watchlist on a pair, then a matching event ingested, is an unread alert in the JSON, in a valid Atom feed and on
the watchlists page (screenshot in test-artifacts/screenshots/); every write needs the token; sources naming
private addresses are refused."""
from __future__ import annotations

import os
from pathlib import Path

import feedparser
import httpx
import pytest
from kb_fixtures import make_article
from web_fixtures import demo_store_path, live_server, store_copy

from communique import monitor
from communique.kb.store import Store

TOKEN = "watch-token-0123456789"
FIXTURES = (demo_store_path,)
CHROMIUM = Path(os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium"))


def kaz_arg_news():
    """A new article stating a KAZ–ARG event, as an ingest after the watchlist was made would store it."""
    return make_article("watch/kaz-arg-consultations.txt", [
        "Kazakhstan and Argentina held political consultations in Astana on Tuesday, the foreign ministry said.",
        "The delegations discussed lithium and uranium cooperation."],
        [{"type": "CONSULT", "source": "KAZ", "target": "ARG", "sentence": 0, "date": "2025-06-03", "mutual": True,
          "mode": "political consultations"}], outlet="Steppe Wire", published="2025-06-04")


@pytest.fixture
def alerted(demo_store_path, tmp_path) -> Path:
    """The sample corpus store with a watchlist kaz-arg made before a matching article was ingested."""
    db = store_copy(demo_store_path, tmp_path)
    with Store.open(db) as store:
        monitor.add_watchlist(store, monitor.WatchlistSpec(name="kaz-arg", between=("KAZ", "ARG")))
        assert monitor.raise_alerts(store) == []
        store.write_batch([kaz_arg_news()])
        assert len(monitor.raise_alerts(store)) == 1
    return db


@pytest.fixture
def client(alerted):
    with live_server(alerted, token=TOKEN) as base, httpx.Client(base_url=base, timeout=60) as http:
        yield http


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def test_watchlists_alerts_and_marking_read(client):
    listed = client.get("/api/watchlists").json()
    assert [(w["name"], w["between"], w["alerts"], w["unread"]) for w in listed["items"]] == [
        ("kaz-arg", ["KAZ", "ARG"], 1, 1)]
    watchlist = listed["items"][0]
    alerts = client.get(f"/api/watchlists/{watchlist['id']}/alerts", params={"unread": True}).json()
    assert alerts["total"] == 1
    event = alerts["items"][0]["event"]
    assert (event["type"], {event["actor1"], event["actor2"]}, event["date"]) == ("CONSULT", {"KAZ", "ARG"},
                                                                                  "2025-06-03")
    assert client.post(f"/api/watchlists/{watchlist['id']}/alerts/read", json={}).status_code == 401
    marked = client.post(f"/api/watchlists/{watchlist['id']}/alerts/read", json={}, headers=auth())
    assert marked.json() == {"marked": 1}
    assert client.get(f"/api/watchlists/{watchlist['id']}").json()["unread"] == 0


def test_the_atom_feed_opens_in_a_feed_reader(client):
    response = client.get("/api/watchlists/1/feed.atom")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.title == "Communiqué watchlist: kaz-arg"
    base = str(client.base_url).rstrip("/")
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [f"{base}/api/watchlists/1/feed.atom"]
    (entry,) = feed.entries
    assert entry.title.startswith("CONSULT") and "ARG" in entry.title and "2025-06-03" in entry.title
    assert "Kazakhstan and Argentina held political consultations" in entry.summary
    assert entry.link.startswith(f"{base}/documents/")
    assert client.get("/api/watchlists/99/feed.atom").status_code == 404


def test_creating_and_editing_watchlists_needs_the_token(client):
    body = {"name": "kaz-rus", "between": ["KAZ", "RUS"], "types": ["ACCUSE", "PROTEST"],
            "webhook": "https://hooks.example.org/x"}
    assert client.post("/api/watchlists", json=body).status_code == 401
    created = client.post("/api/watchlists", json=body, headers=auth())
    assert created.status_code == 201 and len(created.json()["secret"]) == 32
    watchlist_id = created.json()["id"]
    assert client.post("/api/watchlists", json=body, headers=auth()).status_code == 409
    assert client.post("/api/watchlists", json={**body, "name": "x", "types": ["NOPE"]},
                       headers=auth()).status_code == 422
    edited = client.put(f"/api/watchlists/{watchlist_id}", json={**body, "keywords": ["note"]}, headers=auth())
    assert edited.status_code == 200 and edited.json()["keywords"] == ["note"] and "secret" not in edited.json()
    assert "secret" not in client.get(f"/api/watchlists/{watchlist_id}").json()
    assert client.delete(f"/api/watchlists/{watchlist_id}").status_code == 401
    assert client.delete(f"/api/watchlists/{watchlist_id}", headers=auth()).status_code == 204
    assert client.get(f"/api/watchlists/{watchlist_id}").status_code == 404


def test_sources_need_the_token_and_a_public_address(client):
    feed = {"url": "https://news.example.org/feed.xml", "kind": "feed", "name": "Example"}
    assert client.post("/api/sources", json=feed).status_code == 401
    assert client.post("/api/sources", json=feed, headers=auth()).status_code == 201
    for url in ("http://127.0.0.1:8080/feed.xml", "http://169.254.169.254/latest/meta-data/", "http://[::1]/x",
                "http://localhost/feed", "http://10.0.0.7/rss", "file:///etc/passwd"):
        refused = client.post("/api/sources", json={"url": url}, headers=auth())
        assert refused.status_code == 422, url
    assert [s["url"] for s in client.get("/api/sources").json()["items"]] == ["https://news.example.org/feed.xml"]


def test_a_read_only_server_lists_but_refuses_writes(alerted):
    with live_server(alerted) as base, httpx.Client(base_url=base, timeout=60) as http:
        assert http.get("/api/watchlists").json()["total"] == 1
        assert http.post("/api/watchlists", json={"name": "x"}, headers=auth()).status_code == 403


# -- the dashboard ----------------------------------------------------------------------------------------------------------

def test_the_watchlists_page_shows_the_unread_alert(alerted):
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium); browser tests skipped")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from test_dashboard_browser import CHROMIUM_ARGS, Watched

    with live_server(alerted, token=TOKEN) as base, playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        watched = Watched(browser, base)
        try:
            page = watched.open("/watchlists")
            row = page.locator("table.watchlists tbody tr")
            assert row.count() == 1 and "kaz-arg" in row.inner_text() and "KAZ–ARG" in row.inner_text()
            assert row.locator(".unread-count").inner_text() == "1"
            alert = page.locator("table.alerts tbody tr")
            assert alert.count() == 1
            assert alert.locator("[data-state='unread']").count() == 1
            assert "Kazakhstan and Argentina held political consultations" in alert.inner_text()
            watched.screenshot("watchlists-unread-alert")

            page.fill("#token", TOKEN)
            page.get_by_role("button", name="Keep for this session").click()
            alert.get_by_role("button", name="Mark read").click()
            page.wait_for_selector("table.alerts [data-state='read']")
            assert page.locator("table.watchlists .unread-count").count() == 0

            page.fill("#w-name", "kaz-rus")
            page.fill("#w-a", "kaz")
            page.fill("#w-b", "rus")
            page.get_by_role("button", name="Create").click()
            page.wait_for_selector("table.watchlists tbody tr:nth-child(2)")
            assert "KAZ–RUS" in page.locator("table.watchlists tbody tr").nth(1).inner_text()
            watched.check_clean()
        finally:
            watched.close()
            browser.close()


def test_a_name_of_digits_only_is_refused(client):
    refused = client.post("/api/watchlists", json={"name": "0"}, headers=auth())
    assert refused.status_code == 422 and "name" in refused.json()["error"]["message"]
    assert client.post("/api/watchlists", json={"name": "kaz-arg"}, headers=auth()).status_code == 409
