"""Acts the text names without stating that they happen (denied, not held, only possible or wished) are no
events: the record lists them under ``unasserted_events``, apart from ``events``, and the store, its exports and
the web API, which read events, leave them out; a record rebuilt from the store renders as it came. A threat made
on a condition is a threat made and stays an event."""
from __future__ import annotations

import json

import httpx
import jsonschema
import pytest

from communique import extract
from communique.kb.store import Store, article_from_record
from kb_fixtures import make_article
from web_fixtures import live_server

PUBLISHED = "2024-05-10"


def _pairs(events):
    return {(e["type"], e["source"]["code"], e["target"]["code"], e["status"]) for e in events}


@pytest.mark.parametrize("language,text", [
    ("en", "Officials said Paraguay and Bolivia could sign a new gas agreement next month."),
    ("es", "Según fuentes oficiales, Paraguay y Bolivia podrían firmar un nuevo acuerdo de gas el próximo mes."),
    ("ru", "По данным источников, Парагвай и Боливия могут подписать новое газовое соглашение в следующем месяце."),
])
def test_a_possible_act_is_listed_apart_from_the_events(language, text, schema):
    record = extract(text, published=PUBLISHED)
    assert not [e for e in record["events"] if e["type"] == "AGREE"]
    apart = record["unasserted_events"]
    assert {(e["type"], e["status"]) for e in apart} == {("AGREE", "hypothetical")}
    assert {frozenset((e["source"]["code"], e["target"]["code"])) for e in apart} == {frozenset(("PRY", "BOL"))}
    jsonschema.validate(record, schema)


@pytest.mark.parametrize("language,text", [
    ("en", "The President of Paraguay did not meet the President of Bolivia and did not sign the gas agreement."),
    ("es", "El presidente de Paraguay no se reunió con el presidente de Bolivia ni firmó el acuerdo de gas."),
    ("ru", "Президент Парагвая не встретился с президентом Боливии и не подписал газовое соглашение."),
])
def test_acts_denied_across_a_coordination_are_no_events(language, text):
    record = extract(text, published=PUBLISHED)
    assert not [e for e in record["events"] if e["type"] in ("AGREE", "CONSULT")]
    assert all(e["status"] == "negated" for e in record.get("unasserted_events", []))


@pytest.mark.parametrize("language,text", [
    ("en", "Paraguay will impose sanctions on Bolivia if the border is not reopened, the foreign minister said."),
    ("es", "Paraguay impondrá sanciones a Bolivia si no se reabre la frontera, dijo el canciller."),
    ("ru", "Парагвай введет санкции против Боливии, если граница не будет открыта, заявил министр."),
])
def test_a_conditional_threat_stays_an_event(language, text):
    record = extract(text, published=PUBLISHED)
    assert any(e["type"] == "THREATEN" and (e["source"]["code"], e["target"]["code"]) == ("PRY", "BOL")
               for e in record["events"]), _pairs(record["events"]) | _pairs(record.get("unasserted_events", []))


def _article():
    return make_article("unasserted.txt", [
        "Paraguay and Bolivia signed a gas agreement.", "Paraguay did not sign the border treaty with Bolivia.",
        "Paraguay and Bolivia could sign a trade deal.", "Paraguay would impose sanctions on Bolivia if attacked."],
        [{"type": "AGREE", "source": "PRY", "target": "BOL", "sentence": 0, "mutual": True},
         {"type": "AGREE", "source": "PRY", "target": "BOL", "sentence": 1, "status": "negated"},
         {"type": "AGREE", "source": "PRY", "target": "BOL", "sentence": 2, "status": "hypothetical"},
         {"type": "THREATEN", "source": "PRY", "target": "BOL", "sentence": 3, "status": "hypothetical"}])


def test_a_record_lists_only_asserted_events_and_renders_again_as_it_came():
    record = _article().to_record()
    assert [e["id"] for e in record["events"]] == ["v1", "v4"]
    assert [e["id"] for e in record["unasserted_events"]] == ["v2", "v3"]
    assert list(record).index("unasserted_events") == list(record).index("events") + 1
    again = article_from_record(json.loads(json.dumps(record))).to_record()
    assert again == record
    plain = make_article("plain.txt", ["Paraguay and Bolivia signed a gas agreement."],
                         [{"type": "AGREE", "source": "PRY", "target": "BOL", "sentence": 0}]).to_record()
    assert "unasserted_events" not in plain          # records without any read as they did


def test_the_store_and_the_web_api_leave_unasserted_acts_out(tmp_path):
    db = tmp_path / "kb.db"
    with Store.open(db) as store:
        store.write_batch([_article()])
        stored = store.rows("SELECT event_id, status FROM events ORDER BY event_id")
        kept = json.loads(store.rows("SELECT record FROM documents")[0]["record"])
    assert [(r["event_id"], r["status"]) for r in stored] == [("v1", "occurred"), ("v4", "hypothetical")]
    assert [e["id"] for e in kept["unasserted_events"]] == ["v2", "v3"]
    with live_server(db) as base, httpx.Client(base_url=base, timeout=60) as client:
        events = client.get("/api/events", params={"between": "PRY,BOL"}).json()["items"]
        assert {e["type"] for e in events} == {"AGREE", "THREATEN"} and len(events) == 2
        doc_id = client.get("/api/documents").json()["items"][0]["id"]
        doc = client.get(f"/api/documents/{doc_id}").json()
        assert [e["event_id"] for e in doc["events"]] == ["v1", "v4"]
        assert [e["id"] for e in doc["record"]["unasserted_events"]] == ["v2", "v3"]


@pytest.mark.parametrize("language,text", [
    ("en", "The talks covered the areas in which Kenya and Qatar can further strengthen their cooperation."),
    ("es", "Las conversaciones abarcaron las áreas en las que Kenia y Catar pueden fortalecer su cooperación."),
    ("ru", "На переговорах обсудили сферы, в которых Кения и Катар могут укрепить сотрудничество."),
])
def test_what_two_sides_can_do_is_a_possibility(language, text):
    record = extract(text, published=PUBLISHED)
    assert not [e for e in record["events"] if e["type"] == "COOPERATE"]
    assert {e["status"] for e in record.get("unasserted_events", []) if e["type"] == "COOPERATE"} <= {"hypothetical"}
