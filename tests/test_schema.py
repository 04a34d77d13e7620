"""Every record validates against the contract and its offsets point at the text they claim."""
from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import shared_path

import communique


def check_offsets(record):
    text = record["text"]
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"], (entity["name"], m)
    for event in record["events"]:
        ev = event["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        if event.get("trigger"):
            tr = event["trigger"]
            assert text[tr["start"]:tr["end"]] == tr["text"]
            assert ev["start"] <= tr["start"] and tr["end"] <= ev["end"]
        for also in event.get("also_evidence", []):
            assert text[also["start"]:also["end"]] == also["text"] and also["start"] != ev["start"]
    for fact in record["facts"]:
        assert text[fact["evidence"]["start"]:fact["evidence"]["end"]] == fact["evidence"]["text"]
    for quote in record["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
        if quote["speaker"]:
            assert quote["speaker"] in {e["id"] for e in record["entities"]}
    entity_ids = {e["id"] for e in record["entities"]}
    for event in record["events"]:
        for side in ("source", "target"):
            assert event[side]["entity"] is None or event[side]["entity"] in entity_ids


def test_the_shipped_schema_extends_the_contract(schema):
    contract = json.loads(shared_path("contract", "document.schema.json").read_text(encoding="utf-8"))
    assert set(contract["required"]) <= set(schema["required"])
    assert set(contract["properties"]) <= set(schema["properties"])
    assert contract["$defs"].keys() <= schema["$defs"].keys()


def test_sample_corpus_records_are_valid_and_offsets_exact(sample_records, schema):
    assert len(sample_records) >= 30
    for record in sample_records:
        assert "error" not in record, record
        jsonschema.validate(record, schema)
        check_offsets(record)


def test_seed_records_are_valid(schema, settings):
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    records = [a.to_record() for a in communique.process_paths(seeds, settings=settings)]
    assert len(records) == 5
    for record in records:
        jsonschema.validate(record, schema)
        check_offsets(record)


def test_python_api_extract_and_extract_many(schema):
    record = communique.extract("Kazakhstan and Argentina signed an agreement on visa-free travel on Monday.",
                                url="https://example.org/x", published="2024-03-04")
    jsonschema.validate(record, schema)
    assert record["source"]["url"] == "https://example.org/x" and record["published"] == "2024-03-04"
    records = list(communique.extract_many(["Rusia y Kazajistán firmaron un acuerdo.",
                                            {"html": "<p>Токаев посетил Москву.</p>"}, {"nothing": 1}]))
    assert [r.get("language") for r in records[:2]] == ["es", "ru"]
    assert "error" in records[2]


def test_the_same_text_gives_the_same_id():
    a = communique.extract("Kazakhstan and Mexico agreed to open embassies.", path="a.txt")
    b = communique.extract("Kazakhstan and Mexico agreed to open embassies.", path="b.txt")
    c = communique.extract("Kazakhstan and Chile agreed to open embassies.", path="c.txt")
    assert a["id"] == b["id"] != c["id"]


@pytest.mark.parametrize("text", ["", "   \n\t ", "a", "\x00\x01 weird", "<p>unclosed <b>html"])
def test_degenerate_texts_give_a_valid_record(text, schema):
    record = communique.extract(text)
    if "error" not in record:
        jsonschema.validate(record, schema)
