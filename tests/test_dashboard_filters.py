"""The dashboard's views filter by period, type and status through their JSON twins (/api/stats, /api/countries,
/api/profiles), on the processed sample corpus; the pages carry the filters and downloads in their HTML."""
from __future__ import annotations

import re

import httpx
import pytest
from web_fixtures import demo_store_path, live_server

from communique import kb

FIXTURES = (demo_store_path,)


@pytest.fixture(scope="module")
def api(demo_store_path):
    with live_server(demo_store_path) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client


def test_the_overview_counts_only_what_the_filters_keep(api, demo_store_path):
    everything = api.get("/api/stats").json()
    consult = api.get("/api/stats", params={"type": "consult", "since": 2024}).json()
    expected = kb.count_events(str(demo_store_path), types="CONSULT", since=2024)
    assert consult["events"] == expected < everything["events"]
    assert consult["documents"] == everything["documents"]                # the store's totals stay
    assert {r["type"] for r in consult["by_month"]} == {"CONSULT"}
    assert all(r["month"] >= "2024" for r in consult["by_month"])
    assert consult["recent"] and all(e["type"] == "CONSULT" for e in consult["recent"])
    assert sum(p["events"] for p in consult["top_pairs"]) <= consult["events"]
    countries = api.get("/api/countries", params={"type": "CONSULT", "since": 2024}).json()
    assert countries["total"] == consult["countries"] < everything["countries"]


def test_a_country_page_filters_partners_balance_and_recent_events(api, demo_store_path):
    agree = api.get("/api/countries/kaz", params={"type": "AGREE"}).json()
    assert agree["code"] == "KAZ" and agree["types"] == ["AGREE"]
    assert {p["top_types"] for p in agree["partners"]} == {"AGREE"}
    assert all(e["type"] == "AGREE" for e in agree["recent"])
    assert agree["headline"]["events"] == kb.count_events(str(demo_store_path), actor="KAZ", types="AGREE")
    assert sum(y["events"] for y in agree["balance"]) <= agree["headline"]["events"]
    planned = api.get("/api/countries/KAZ", params={"status": "planned"}).json()
    assert planned["recent"] and {e["status"] for e in planned["recent"]} == {"planned"}
    assert planned["balance"] == []                # the balance counts events that took place
    everything = api.get("/api/countries/KAZ").json()
    assert len(everything["partners"]) > len(agree["partners"])


def test_a_profile_filters_its_timeline(api):
    planned = api.get("/api/profiles/KAZ/ARG", params={"status": "planned"}).json()
    assert planned["timeline"] and {e["status"] for e in planned["timeline"]} == {"planned"}
    assert planned["timeline_total"] == len(planned["timeline"]) == planned["headline"]["events"]
    assert all(not r.get("status") or r["status"] == "planned" for r in planned["items"])
    assert api.get("/api/profiles/KAZ/ARG", params={"type": "CONSUL"}).status_code == 422


def test_pages_carry_the_filters_and_the_downloads(api):
    html = api.get("/countries/KAZ", params={"since": "2020", "type": "AGREE"}).text
    assert re.search(r'name="since"[^>]*value="2020"', html)
    assert 'value="AGREE" checked' in html
    assert 'href="/api/export?format=csv&amp;actor=KAZ&amp;since=2020&amp;type=AGREE"' in html
    assert 'href="/api/countries/KAZ?since=2020&amp;type=AGREE"' in html
    assert 'data-writable="false"' in html and "read-only" in api.get("/review").text
