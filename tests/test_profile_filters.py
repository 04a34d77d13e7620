"""The bilateral profile honours the events list's filters (issue 19): with types or statuses, every section drawn
from events shows only those events, in Python, the CLI and the HTTP API (the dashboard's profile page)."""
from __future__ import annotations

from click.testing import CliRunner
from fastapi.testclient import TestClient
from test_kb import store

from communique import kb
from communique.cli.kb import profile_cli
from communique.web import create_app

EVENT_SECTIONS = {"relations established", "partnership", "missions", "agreements", "contacts", "last contact"}
FIXTURES = (store,)       # imported fixture: a store of the KAZ-ARG reports (kb_fixtures.kaz_arg_articles)


def test_a_type_filter_keeps_only_those_events_in_every_section(store):
    everything = kb.profile(store, "KAZ", "ARG")
    assert EVENT_SECTIONS <= set(everything["section"])
    agreed = kb.profile(store, "kaz", "Argentina", types=["agree"])
    assert set(agreed["section"]) == {"agreements", "facts", "balance", "people"}
    listed = set(kb.events(store, between=("KAZ", "ARG"), types=["AGREE"])["evidence"])
    assert set(agreed[agreed["section"].isin(EVENT_SECTIONS)]["evidence"]) == listed
    (year,) = agreed[agreed["section"] == "balance"].to_dict("records")
    assert (year["year"], year["num_articles"]) == (2023, 1)
    facts = [frame[frame["section"] == "facts"].to_dict("records") for frame in (agreed, everything)]
    assert facts[0] == facts[1] and facts[0]                      # figures are no events: they stay
    consulted = kb.profile(store, "KAZ", "ARG", types=["CONSULT"])
    assert set(consulted["section"]) & EVENT_SECTIONS == {"contacts", "last contact"}


def test_a_status_filter_applies_to_the_sections_as_well(store):
    planned = kb.profile(store, "KAZ", "ARG", statuses=["planned"])
    assert set(planned["section"]) == {"facts"}
    occurred = kb.profile(store, "KAZ", "ARG", statuses=["occurred"])
    assert EVENT_SECTIONS <= set(occurred["section"])


def test_the_profile_page_and_cli_follow_the_filters(store):
    with TestClient(create_app(str(store.path)), base_url="http://127.0.0.1") as client:
        body = client.get("/api/profiles/KAZ/ARG", params={"type": "AGREE"}).json()
        assert {i["section"] for i in body["items"]} == {"agreements", "facts", "balance", "people"}
        assert {e["type"] for e in body["timeline"]} == {"AGREE"}
        assert body["headline"]["events"] == 1
        body = client.get("/api/profiles/KAZ/ARG", params={"type": "CONSULT", "status": "occurred"}).json()
        assert {i["section"] for i in body["items"]} & EVENT_SECTIONS == {"contacts", "last contact"}
    result = CliRunner().invoke(profile_cli, ["--db", store.path, "KAZ", "ARG", "--type", "agree"])
    assert result.exit_code == 0, result.output
    assert "signed" in result.output and "honorary consulate opened" not in result.output
    assert "1 events" in result.output
