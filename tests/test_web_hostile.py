"""Hostile requests against a served store: who may write is settled before a body is read, review fields are
checked, the server answers only for its own host names, the dashboard asks only what the API accepts, and the
token itself is checked when the server starts."""
from __future__ import annotations

import httpx
import pytest
from click.testing import CliRunner
from web_fixtures import demo_store_path, live_server, store_copy

from communique.cli import cli
from communique.errors import ConfigError
from communique.web.api import MAX_QUERY_CHARS
from communique.web.app import allowed_hosts_for, check_token, create_app

TOKEN = "hostile-token-0123456789"
FIXTURES = (demo_store_path,)


@pytest.fixture(scope="module")
def writable(demo_store_path, tmp_path_factory):
    """A server with a token on a private copy of the sample store: (client, an event id)."""
    db = store_copy(demo_store_path, tmp_path_factory.mktemp("hostile"))
    with live_server(db, token=TOKEN) as base, httpx.Client(base_url=base, timeout=60) as client:
        event_id = client.get("/api/events", params={"page_size": 1}).json()["items"][0]["id"]
        yield client, event_id


def status_and_code(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


@pytest.mark.parametrize("body, headers", [
    (b"{not json", {"Content-Type": "application/json"}),
    (b'{"action": "approve"}', {"Content-Type": "application/json"}),
    (b"", {}),
    (b'{"action": "confirm", "reviewer": "ana"}', {"Content-Type": "application/json",
                                                   "Authorization": "Bearer wrong-token-000"}),
])
def test_an_unauthenticated_write_is_401_whatever_its_body(writable, body, headers):
    client, event_id = writable
    response = client.post(f"/api/events/{event_id}/review", content=body, headers=headers)
    assert status_and_code(response) == (401, "unauthorized") and response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/reviews").json()["total"] == 0


def test_an_unauthenticated_oversized_body_is_refused_before_it_is_read(writable):
    client, event_id = writable
    response = client.post(f"/api/events/{event_id}/review", content=b"x" * 3_000_000,
                           headers={"Content-Type": "application/json"})
    assert status_and_code(response) == (401, "unauthorized")


def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("fields, problem", [
    ({"action": "correct", "date": "2024-13-45"}, "date"),
    ({"action": "correct", "date": "2023-02-29"}, "date"),
    ({"action": "correct", "date": "2024-00"}, "date"),
    ({"action": "confirm", "reviewer": "   "}, "reviewer"),
    ({"action": "confirm", "reviewer": "ana\x00"}, "reviewer"),
    ({"action": "confirm", "reviewer": "\u202eana"}, "reviewer"),
    ({"action": "confirm", "reviewer": "ana\x1b]0;owned\x07"}, "reviewer"),
    ({"action": "confirm", "reviewer": "a" * 101}, "reviewer"),
    ({"action": "confirm", "note": "fine\u202egnp.exe"}, "note"),
    ({"action": "confirm", "note": "\x00"}, "note"),
])
def test_review_fields_are_validated(writable, fields, problem):
    client, event_id = writable
    body = {"reviewer": "ana"} | fields
    response = client.post(f"/api/events/{event_id}/review", json=body, headers=auth())
    assert status_and_code(response) == (422, "invalid_request"), response.text
    assert problem in response.json()["error"]["message"]


def test_a_valid_review_is_stored_trimmed(writable):
    client, event_id = writable
    body = {"action": "correct", "reviewer": "  Ana María  ", "date": "2024-02-29",
            "note": "Two lines:\n\tthe second indented."}
    stored = client.post(f"/api/events/{event_id}/review", json=body, headers=auth())
    assert stored.status_code == 201, stored.text
    assert stored.json()["reviewer"] == "Ana María" and stored.json()["date"] == "2024-02-29"
    assert stored.json()["note"] == "Two lines:\n\tthe second indented."


def test_the_dashboard_search_asks_no_more_than_the_api_accepts(writable):
    client, _ = writable
    long_query = "acuerdo " * 60
    page = client.get("/search", params={"q": long_query}).text
    assert f'maxlength="{MAX_QUERY_CHARS}"' in page
    assert f'data-q="{long_query[:MAX_QUERY_CHARS]}"' in page and long_query[:MAX_QUERY_CHARS + 1] not in page
    assert client.get("/api/search", params={"q": long_query[:MAX_QUERY_CHARS], "limit": 50}).status_code == 200
    assert client.get("/api/search", params={"q": long_query[:MAX_QUERY_CHARS + 1]}).status_code == 422


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000", "127.0.0.1.nip.io", "[::2]:80"])
def test_a_request_for_another_host_is_refused(writable, host):
    client, _ = writable
    response = client.get("/api/stats", headers={"Host": host})
    assert status_and_code(response) == (400, "bad_request")
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_the_loopback_names_are_answered(writable, host):
    client, _ = writable
    assert client.get("/api/stats", headers={"Host": host}).status_code == 200


def test_allowed_hosts_follow_the_bound_address():
    assert allowed_hosts_for("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts_for("10.0.0.5", ("kb.example.org",)) == {"10.0.0.5", "kb.example.org"}
    assert "localhost" in allowed_hosts_for("0.0.0.0")
    assert allowed_hosts_for("10.0.0.5", ("*",)) is None


def test_an_allowed_host_is_answered(demo_store_path):
    with live_server(demo_store_path, allowed_hosts=allowed_hosts_for("127.0.0.1", ("kb.example.org",))) as base, \
            httpx.Client(base_url=base, timeout=60) as client:
        assert client.get("/api/stats", headers={"Host": "kb.example.org"}).status_code == 200
        assert client.get("/api/stats", headers={"Host": "kb.example.com"}).status_code == 400


@pytest.mark.parametrize("token, reason", [
    ("", "blank"), ("        ", "blank"), ("tokén-0123456789", "ASCII"), ("token-0123456789 ", "spaces"),
    (" token-0123456789", "spaces"), ("token 0123456789", "spaces"), ("tok\x00en-0123456789", "ASCII"),
    ("short", "at least 8")])
def test_a_token_that_could_never_authenticate_is_refused_at_start(demo_store_path, token, reason):
    with pytest.raises(ConfigError, match=reason):
        check_token(token)
    with pytest.raises(ConfigError, match=reason):
        create_app(str(demo_store_path), token=token)
    if "\x00" not in token:
        result = CliRunner().invoke(cli, ["serve", "--db", str(demo_store_path), "--token", token])
        assert result.exit_code == 2 and reason in result.output
    assert check_token(TOKEN) == TOKEN and check_token(None) is None
