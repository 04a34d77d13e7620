"""The JSON API over real HTTP (uvicorn on 127.0.0.1, httpx), on the processed sample corpus."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing

import httpx
import pytest
from click.testing import CliRunner
from test_store_postgres import pg_schemas, pg_url
from web_fixtures import HOSTILE_TEXT, demo_store_path, hostile_article, live_server, store_copy

from communique import kb
from communique.cli import cli
from communique.evaluate import evaluate_gold
from communique.kb.export import GDELT_COLUMNS
from communique.kb.queries import EVENT_COLUMNS
from communique.kb.store import Store
from communique.web.api import plain

TOKEN = "test-token-0123456789"
FIXTURES = (demo_store_path, pg_schemas, pg_url)     # imported fixtures: the sample corpus store, a fresh PostgreSQL schema


@pytest.fixture(scope="module")
def api(demo_store_path):
    """A read-only server on the sample corpus store."""
    with live_server(demo_store_path) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client


@pytest.fixture
def writable(demo_store_path, tmp_path):
    """A server with a token on a private copy of the store: (client, store path)."""
    db = store_copy(demo_store_path, tmp_path)
    with live_server(db, token=TOKEN) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client, db


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def stored(db, sql: str, params=()) -> list[sqlite3.Row]:
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, params).fetchall()


def rounded(row: dict) -> dict:
    return {k: round(v, 6) if isinstance(v, float) else v for k, v in row.items()}


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code and body["error"]["message"]


# -- reading ------------------------------------------------------------------------------------------------------------

def test_stats_count_what_the_store_holds(api, demo_store_path):
    stats = api.get("/api/stats").json()
    assert stats["documents"] == stored(demo_store_path, "SELECT COUNT(*) FROM documents")[0][0] == 32
    assert stats["events"] == stored(demo_store_path, "SELECT COUNT(*) FROM merged_events")[0][0]
    assert stats["reports"] == stored(demo_store_path, "SELECT COUNT(*) FROM events")[0][0] > stats["events"]
    assert 0 < stats["stories"] <= 32 and stats["countries"] > 5 and stats["failures"] == 0
    assert sum(m["count"] for m in stats["by_month"]) <= stats["events"]
    assert all(len(m["month"]) == 7 for m in stats["by_month"])
    top = stats["top_pairs"]
    assert [p["events"] for p in top] == sorted((p["events"] for p in top), reverse=True)
    assert "KAZ" in (top[0]["actor1"], top[0]["actor2"]) and len(top) == 10
    assert len(stats["recent"]) == 10 and all(set(EVENT_COLUMNS) <= set(ev) for ev in stats["recent"])


def test_every_response_carries_the_security_headers(api):
    for path in ("/api/stats", "/api/nowhere", "/openapi.json", "/docs", "/docs/start.js"):
        response = api.get(path)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-security-policy"] == "default-src 'self'"
    docs = api.get("/docs").text
    assert "<script>" not in docs.replace("<script src=", "") and "cdn" not in docs.lower()
    assert api.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_events_are_paged_newest_first(api):
    first = api.get("/api/events", params={"page_size": 10}).json()
    assert first["page"] == 1 and first["page_size"] == 10 and len(first["items"]) == 10
    total = first["total"]
    assert total == api.get("/api/stats").json()["events"]
    two = api.get("/api/events", params={"page_size": 5, "page": 2}).json()["items"]
    assert [ev["id"] for ev in two] == [ev["id"] for ev in first["items"][5:]]
    last = api.get("/api/events", params={"page_size": 50, "page": (total - 1) // 50 + 1}).json()["items"]
    assert len(last) == total - 50 * ((total - 1) // 50)
    assert api.get("/api/events", params={"page_size": 50, "page": total}).json()["items"] == []
    dates = [ev["date"] for ev in first["items"] if ev["date"]]
    assert dates == sorted(dates, reverse=True)
    assert all(ev["review"] is None and ev["rejected"] is False for ev in first["items"])


@pytest.mark.parametrize("params, check", [
    ({"between": "KAZ,ARG"}, lambda ev: {ev["actor1"], ev["actor2"]} == {"KAZ", "ARG"}),
    ({"between": "arg,kaz"}, lambda ev: {ev["actor1"], ev["actor2"]} == {"KAZ", "ARG"}),
    ({"actor": "RUS"}, lambda ev: "RUS" in (ev["actor1"], ev["actor2"])),
    ({"type": "CONSULT"}, lambda ev: ev["type"] == "CONSULT"),
    ({"type": ["AGREE", "SANCTION"]}, lambda ev: ev["type"] in ("AGREE", "SANCTION")),
    ({"status": "planned"}, lambda ev: ev["status"] == "planned"),
    ({"since": 2025, "until": 2025}, lambda ev: ev["year"] == 2025),
    ({"q": "embassy"}, lambda ev: "embassy" in ev["evidence"].lower()),
])
def test_event_filters(api, params, check):
    page = api.get("/api/events", params=params | {"page_size": 500}).json()
    assert page["items"], params
    assert page["total"] == len(page["items"])
    assert all(check(ev) for ev in page["items"])


def test_one_event_with_its_reports(api):
    listed = api.get("/api/events", params={"between": "KAZ,RUS", "page_size": 500}).json()["items"]
    merged = max(listed, key=lambda ev: ev["num_articles"])
    event = api.get(f"/api/events/{merged['id']}").json()
    assert event["id"] == merged["id"] and event["review"] is None
    assert len(event["reports"]) >= merged["num_articles"]
    assert {"doc_id", "event_id", "evidence", "outlet", "url", "title", "published", "language"} <= set(event["reports"][0])
    assert merged["evidence"] in [r["evidence"] for r in event["reports"]]


def test_countries_partners_and_balance(api, demo_store_path):
    countries = api.get("/api/countries").json()
    kaz = next(c for c in countries["items"] if c["code"] == "KAZ")
    assert kaz["name"] == "Kazakhstan" and kaz["events"] == countries["items"][0]["events"]
    assert countries["total"] == len(countries["items"]) == api.get("/api/stats").json()["countries"]
    country = api.get("/api/countries/kaz").json()
    assert country["code"] == "KAZ" and country["name"] == "Kazakhstan"
    partners = {p["partner"]: p for p in country["partners"]}
    with Store.open(demo_store_path) as store:       # counted in SQL, the same as the knowledge base's relations
        expected = kb.relations(store, "KAZ").to_dict("records")
        newest = [ev["id"] for ev in kb.event_rows(store, actor="KAZ", limit=20)]
    assert [ev["id"] for ev in country["recent"]] == newest
    assert [rounded({k: v for k, v in p.items() if k != "name"}) for p in country["partners"]] == [
        rounded(plain(p)) for p in expected]
    assert {"ARG", "BRA", "RUS"} <= set(partners) and partners["ARG"]["name"] == "Argentina"
    years = [b["year"] for b in country["balance"]]
    assert years == sorted(years) and all(b["balance"] == pytest.approx(b["cooperation"] + b["conflict"])
                                          for b in country["balance"])
    assert 0 < len(country["recent"]) <= 20
    assert all("KAZ" in (ev["actor1"], ev["actor2"]) for ev in country["recent"])


def test_bilateral_profile(api):
    profile = api.get("/api/profiles/KAZ/ARG").json()
    assert profile["names"] == {"KAZ": "Kazakhstan", "ARG": "Argentina"}
    sections = {item["section"] for item in profile["items"]}
    assert {"contacts", "missions"} <= sections
    dates = [ev["date"] for ev in profile["timeline"] if ev["date"]]
    assert dates == sorted(dates) and profile["timeline"]
    assert all(item["section"] == "facts" for item in profile["facts"])
    assert {ev["doc_id"] for ev in profile["timeline"]} <= {s["doc_id"] for s in profile["sources"]}


def test_documents_list_and_one_document(api):
    listed = api.get("/api/documents", params={"page_size": 100}).json()
    assert listed["total"] == 32 == len(listed["items"])
    published = [d["published"] for d in listed["items"] if d["published"]]
    assert published == sorted(published, reverse=True)
    assert api.get("/api/documents", params={"language": "ru"}).json()["total"] == 10
    richest = max(listed["items"], key=lambda d: d["events"])
    doc = api.get(f"/api/documents/{richest['id']}").json()
    assert doc["text"] == doc["record"]["text"] and doc["id"] == richest["id"]
    assert doc["published_source"] == doc["record"]["published_source"]
    assert (doc["published_source"] is None) is (doc["published"] is None)
    sources = {api.get(f"/api/documents/{d['id']}").json()["published_source"] for d in listed["items"]}
    assert sources <= {"input", "html-meta", "url", "dateline", "byline", "date-line", "text", None} and len(sources) > 2
    assert len(doc["events"]) == richest["events"] and all(ev["merged_id"] for ev in doc["events"])
    for event in doc["events"]:
        assert 0 <= event["evidence_start"] < event["evidence_end"] <= len(doc["text"])
    for entity in doc["entities"]:
        for mention in entity["mentions"]:
            assert doc["text"][mention["start"]:mention["end"]] == mention["text"]


def test_search_in_every_language(api):
    found = api.get("/api/search", params={"q": "Токаев"}).json()
    assert found["total"] >= 1 and all(r["language"] == "ru" for r in found["items"])
    accents = api.get("/api/search", params={"q": "cancilleria"}).json()
    assert accents["total"] >= 1 and accents["items"][0]["language"] == "es"
    paged = api.get("/api/search", params={"q": "Kazakhstan", "limit": 2, "page": 2}).json()
    first = api.get("/api/search", params={"q": "Kazakhstan", "limit": 4}).json()
    assert [r["doc_id"] for r in paged["items"]] == [r["doc_id"] for r in first["items"][2:4]]
    assert api.get("/api/search", params={"q": "%%% ((("}).json()["total"] == 0


def test_actors(api):
    people = api.get("/api/actors", params={"country": "KAZ", "type": "PERSON"}).json()
    assert people["total"] >= 1 and all(p["country"] == "KAZ" and p["type"] == "PERSON" for p in people["items"])
    assert "Tokayev" in " ".join(p["name"] for p in people["items"])


def test_exports_as_downloads(api):
    jsonl = api.get("/api/export", params={"format": "jsonl", "between": "KAZ,ARG"})
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in jsonl.headers["content-disposition"]
    lines = [json.loads(line) for line in jsonl.text.splitlines()]
    assert lines and all({r["actor1"], r["actor2"]} == {"KAZ", "ARG"} for r in lines)
    table = list(csv.DictReader(io.StringIO(api.get("/api/export", params={"format": "csv", "type": "AGREE"}).text)))
    assert table and all(row["type"] == "AGREE" for row in table)
    first = [json.loads(line)
             for line in api.get("/api/export", params={"format": "jsonl", "limit": 5}).text.splitlines()]
    happened = sum(e["status"] in ("occurred", "ongoing") for e in first)      # GDELT files: what took place
    gdelt = api.get("/api/export", params={"format": "gdelt", "limit": 5}).text.splitlines()
    assert len(gdelt) == happened and all(len(line.split("\t")) == len(GDELT_COLUMNS) for line in gdelt)
    gdelt2 = api.get("/api/export", params={"format": "gdelt2", "limit": 5, "include_planned": "true"})
    assert gdelt2.headers["content-type"].startswith("text/tab-separated-values")
    assert {len(line.split("\t")) for line in gdelt2.text.splitlines()} == {61}
    assert len(gdelt2.text.splitlines()) == sum(e["status"] in ("occurred", "ongoing", "planned") for e in first)
    mentions = api.get("/api/export", params={"format": "gdelt2-mentions", "limit": 5}).text.splitlines()
    assert mentions and {len(line.split("\t")) for line in mentions} == {16}
    plover = api.get("/api/export", params={"format": "plover", "limit": 1}).text
    assert json.loads(plover)["coder"] == "communique"


# -- errors and limits ----------------------------------------------------------------------------------------------------

def test_one_error_shape(api):
    assert_error(api.get("/api/nowhere"), 404, "not_found")
    assert_error(api.get("/api/events/0123456789abcdef"), 404, "not_found")
    assert_error(api.get("/api/documents/0123456789abcdef"), 404, "not_found")
    assert_error(api.get("/api/countries/ISL"), 404, "not_found")          # a country, with no events
    assert_error(api.get("/api/profiles/KAZ/ISL"), 404, "not_found")
    assert_error(api.get("/api/countries/XYZ"), 422, "invalid_request")    # no country at all
    assert_error(api.get("/api/profiles/KAZ/XYZ"), 422, "invalid_request")
    assert_error(api.get("/api/events/not-an-id"), 422, "invalid_request")
    assert_error(api.get("/api/documents/..%2F..%2Fetc%2Fpasswd"), 404, "not_found")
    assert_error(api.get("/api/events", params={"page_size": 501}), 422, "invalid_request")
    assert_error(api.get("/api/events", params={"page": 0}), 422, "invalid_request")
    assert_error(api.get("/api/events", params={"since": "twenty"}), 422, "invalid_request")
    assert_error(api.get("/api/events", params={"between": "KAZ"}), 422, "invalid_request")
    assert_error(api.get("/api/export", params={"format": "parquet"}), 422, "invalid_request")
    assert_error(api.delete("/api/stats"), 405, "method_not_allowed")


def test_sql_in_parameters_is_only_data(api, demo_store_path):
    hostile = "KAZ') OR 1=1 --"
    assert_error(api.get("/api/events", params={"actor": hostile}), 422, "invalid_request")
    found = api.get("/api/events", params={"q": "x' OR '1'='1"}).json()
    assert found["total"] == 0
    assert api.get("/api/search", params={"q": '" OR documents_fts MATCH "*'}).status_code == 200
    assert stored(demo_store_path, "SELECT COUNT(*) FROM documents")[0][0] == 32


def test_a_read_only_server_refuses_writes(api):
    event_id = api.get("/api/events", params={"page_size": 1}).json()["items"][0]["id"]
    body = {"action": "confirm", "reviewer": "ana"}
    assert_error(api.post(f"/api/events/{event_id}/review", json=body), 403, "forbidden")
    assert_error(api.post(f"/api/events/{event_id}/review", json=body, headers=auth()), 403, "forbidden")
    assert api.get("/api/reviews").json()["total"] == 0


def test_writes_need_the_token(writable):
    client, _db = writable
    event_id = client.get("/api/events", params={"page_size": 1}).json()["items"][0]["id"]
    body = {"action": "confirm", "reviewer": "ana"}
    missing = client.post(f"/api/events/{event_id}/review", json=body)
    assert_error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert_error(client.post(f"/api/events/{event_id}/review", json=body, headers=auth("wrong-token-000")), 401,
                 "unauthorized")
    assert_error(client.post(f"/api/events/{event_id}/review", json=body, headers={"Authorization": TOKEN}), 401,
                 "unauthorized")
    assert client.post(f"/api/events/{event_id}/review", json=body, headers=auth()).status_code == 201
    assert_error(client.post("/api/events/0123456789abcdef/review", json=body, headers=auth()), 404, "not_found")
    for bad in ({"action": "approve", "reviewer": "ana"}, {"action": "correct", "reviewer": "ana"},
                {"action": "correct", "reviewer": "ana", "type": "HUG"}, {"action": "confirm", "reviewer": ""},
                {"action": "confirm", "reviewer": "ana", "path": "/etc/passwd"},
                {"action": "correct", "reviewer": "ana", "date": "yesterday"}):
        assert_error(client.post(f"/api/events/{event_id}/review", json=bad, headers=auth()), 422, "invalid_request")


def test_request_bodies_are_limited(writable):
    client, _db = writable
    event_id = client.get("/api/events", params={"page_size": 1}).json()["items"][0]["id"]
    huge = {"action": "confirm", "reviewer": "ana", "note": "x" * 2_000_000}
    assert_error(client.post(f"/api/events/{event_id}/review", json=huge, headers=auth()), 413, "payload_too_large")

    def chunks():
        yield b'{"action": "confirm", "reviewer": "ana", "note": "'
        for _ in range(300):
            yield b"y" * 10_000
        yield b'"}'

    streamed = client.post(f"/api/events/{event_id}/review", content=chunks(),
                           headers=auth() | {"Content-Type": "application/json"})
    assert_error(streamed, 413, "payload_too_large")
    assert client.get("/api/reviews").json()["total"] == 0


# -- reviews --------------------------------------------------------------------------------------------------------------

def _event_of(client: httpx.Client, name: str, **params) -> dict:
    """A merged event whose representative report comes from the sample article `name`."""
    events = client.get("/api/events", params=params | {"page_size": 500}).json()["items"]
    return next(ev for ev in events if (ev["path"] or "").endswith(name))


def test_review_round_trip_survives_reingest(writable, tmp_path):
    client, db = writable
    name = "en04_kaz_embassy_buenos_aires.txt"
    event = _event_of(client, name, between="KAZ,ARG", type="CONSULT")
    correction = {"action": "correct", "reviewer": "ana", "type": "AGREE", "date": "2025-05-12",
                  "note": "talks ended in an agreement"}
    review = client.post(f"/api/events/{event['id']}/review", json=correction, headers=auth())
    assert review.status_code == 201
    stored_review = review.json()
    assert stored_review["merged_id"] == event["id"] and stored_review["type"] == "AGREE"
    assert stored_review["doc_id"] == event["doc_id"] and stored_review["reviewer"] == "ana"

    shown = client.get(f"/api/events/{event['id']}").json()
    assert shown["type"] == "AGREE" and shown["date"] == "2025-05-12" and shown["year"] == 2025
    assert shown["original"]["type"] == "CONSULT" and shown["review"]["id"] == stored_review["id"]
    profile = client.get("/api/profiles/KAZ/ARG").json()        # remembered answers follow the reviews
    assert next(ev for ev in profile["timeline"] if ev["id"] == event["id"])["type"] == "AGREE"
    log = client.get("/api/reviews").json()
    assert log["total"] == 1 and log["items"][0] == stored_review

    # Re-ingest the same article as if an older pipeline had processed it: the document, its events and the merged
    # events are deleted and written again (merged ids may change); the review is still there.
    doc_path = stored(db, "SELECT path FROM documents WHERE id = ?", (event["doc_id"],))[0]["path"]
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE documents SET pipeline = '{}' WHERE id = ?", (event["doc_id"],))
    result = CliRunner().invoke(cli, ["ingest", doc_path, "--db", str(db), "--reprocess", "--quiet"])
    assert result.exit_code == 0, result.output
    assert stored(db, "SELECT pipeline FROM documents WHERE id = ?", (event["doc_id"],))[0][0] != "{}"

    again = next(ev for ev in client.get("/api/events", params={"between": "KAZ,ARG", "page_size": 500}).json()["items"]
                 if ev["review"] and ev["review"]["id"] == stored_review["id"])
    assert again["type"] == "AGREE" and again["original"]["type"] == "CONSULT"
    assert client.get("/api/reviews").json()["total"] == 1


def test_rejected_events_are_flagged_and_gold_is_read_by_evaluate(writable, tmp_path):
    client, db = writable
    events = client.get("/api/events", params={"between": "KAZ,ARG", "page_size": 500}).json()["items"]
    confirm, reject = events[0], events[1]
    for event, action in ((confirm, "confirm"), (reject, "reject")):
        response = client.post(f"/api/events/{event['id']}/review", json={"action": action, "reviewer": "bo"},
                               headers=auth())
        assert response.status_code == 201
    assert client.get(f"/api/events/{reject['id']}").json()["rejected"] is True
    assert client.get(f"/api/events/{confirm['id']}").json()["rejected"] is False

    gold = client.get("/api/reviews/gold").json()
    names = {(confirm["path"] or "").rsplit("/", 1)[-1], (reject["path"] or "").rsplit("/", 1)[-1]}
    assert set(gold["docs"]) == names
    listed = [ev for doc in gold["docs"].values() for ev in doc["events"]]
    assert len(listed) == 1 and listed[0]["types"] == [confirm["type"]]
    assert {listed[0]["source"], listed[0]["target"]} == {confirm["actor1"], confirm["actor2"]}

    gold_file = tmp_path / "reviewed.gold.json"
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    records = [json.loads(r["record"]) for r in stored(db, "SELECT record FROM documents")]
    report = evaluate_gold(gold_file, records)
    assert report["documents"] == len(names) and report["events"]["matched"] == 1
    records_file = tmp_path / "records.jsonl"
    records_file.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold_file), str(records_file), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["events"]["matched"] == 1


def test_untrusted_article_text_comes_back_verbatim_as_json(writable):
    client, db = writable
    before = client.get("/api/stats").json()["documents"]
    with Store.open(db) as store:
        store.write_batch([hostile_article()])
    assert client.get("/api/stats").json()["documents"] == before + 1      # remembered answers follow the store
    doc_id = stored(db, "SELECT id FROM documents WHERE path = 'hostile.txt'")[0]["id"]
    response = client.get(f"/api/documents/{doc_id}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    doc = response.json()
    assert '<script>alert("owned")</script>' in doc["text"] and doc["text"].startswith(HOSTILE_TEXT[:40])
    assert doc["record"]["text"] == doc["text"]
    event = client.get("/api/events", params={"q": "<script>"}).json()["items"][0]
    assert "<script>" in event["evidence"]
    snippet = client.get("/api/search", params={"q": "owned"}).json()["items"][0]["snippet"]
    assert "<script>" in snippet


def test_api_on_postgresql(pg_url):
    from kb_fixtures import kaz_arg_articles

    with Store.open(pg_url) as store:
        store.write_batch(kaz_arg_articles())
    with live_server(pg_url, token=TOKEN) as base, httpx.Client(base_url=base, timeout=60) as client:
        events = client.get("/api/events", params={"between": "KAZ,ARG"}).json()
        assert events["total"] == 5
        review = client.post(f"/api/events/{events['items'][0]['id']}/review",
                             json={"action": "reject", "reviewer": "ana"}, headers=auth())
        assert review.status_code == 201 and isinstance(review.json()["id"], int)
        assert client.get("/api/stats").json()["documents"] == 3
        assert client.get("/api/search", params={"q": "Buenos Aires"}).json()["total"] >= 1
        assert client.get(f"/api/events/{events['items'][0]['id']}").json()["rejected"] is True
    with live_server(pg_url) as base, httpx.Client(base_url=base, timeout=60) as client:
        assert client.get("/api/reviews").json()["total"] == 1



def test_serve_refuses_a_missing_store_and_a_short_token(tmp_path, demo_store_path):
    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert missing.exit_code == 2 and "no store at" in missing.output
    short = CliRunner().invoke(cli, ["serve", "--db", str(demo_store_path), "--token", "abc"])
    assert short.exit_code == 2 and "at least 8 characters" in short.output
    assert not (tmp_path / "missing.db").exists()
