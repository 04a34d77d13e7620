"""Watchlists (saved queries over merged events) and the alerts they raise.

A watchlist names what an analyst follows: a country pair (either order), an actor on either side, PLOVER event
types, statuses, keywords (any of them, in the event's sentence or its article's title, accent- and case-folded)
and a minimum number of independent sources. After every ingest, `raise_alerts` turns each merged event that
matches a watchlist and has no alert there yet into an alert: ``new``, or ``updated`` when it grew out of an event
already alerted on (merged event ids follow their reports, so a new report of a known event is a new id that shares
reports with the old one). What matched when the watchlist was made or edited is recorded as ``baseline`` (never
shown), so a watchlist alerts on what happens after it was made. Alerts are unique per watchlist and merged event,
and derived from what is stored, so running `raise_alerts` twice, or after a crash, adds nothing twice.

Alerts are read on the command line (`communique alerts`), over HTTP (JSON and an Atom feed per watchlist) and on the
dashboard, and POSTed to the watchlist's webhook, signed with HMAC-SHA256 (`X-Communique-Signature-256:
sha256=<hex of HMAC(secret, body)>`), retried with backoff across passes, every failed attempt recorded.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import ConfigError
from ..kb.queries import EVENT_COLUMNS, event_filter, weight
from ..kb.stories import fold
from ..records import EVENT_TYPES
from . import state

if TYPE_CHECKING:
    from ..kb.store import Store
    from .fetch import Fetcher

log = logging.getLogger(__name__)

CODE = r"^[A-Za-z][A-Za-z0-9_]{1,15}$"
NAME = r"^[\w][\w .:-]{0,79}$"
MAX_DELIVERY_ATTEMPTS = 6
WATCHLIST_COLUMNS = ["id", "name", "actor1", "actor2", "actor", "types", "statuses", "keywords", "min_sources",
                     "webhook", "created_at", "updated_at"]
ALERT_COLUMNS = ["id", "watchlist_id", "merged_id", "kind", "event", "created_at", "read_at", "delivery", "attempts",
                 "last_error", "delivered_at"]
Status = Literal["occurred", "planned", "ongoing", "negated", "hypothetical"]
PloverType = Literal[EVENT_TYPES]  # type: ignore[valid-type]


class WatchlistSpec(BaseModel):
    """What a watchlist follows (every given condition must hold). `between` is a pair in either order."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=NAME, description="A short name, unique in the store, not only digits (e.g. kaz-arg).")
    between: tuple[str, str] | None = Field(None, description="Two actor codes, either order: [\"KAZ\", \"ARG\"].")
    actor: str | None = Field(None, pattern=CODE, description="An actor on either side.")
    types: list[PloverType] = Field(default_factory=list, max_length=20, description="PLOVER types (any of them).")
    statuses: list[Status] = Field(default_factory=list, max_length=5, description="Statuses (any of them).")
    keywords: list[str] = Field(default_factory=list, max_length=20,
                                description="Words or phrases, any of which the sentence or the title must contain.")
    min_sources: int = Field(1, ge=1, le=1000, description="At least this many independent sources.")
    webhook: str | None = Field(None, max_length=2000, pattern=r"^https?://", description="POST alerts here.")
    secret: str | None = Field(None, min_length=8, max_length=200,
                               description="Signs webhook bodies (HMAC-SHA256); made up when a webhook has none.")

    @field_validator("name")
    @classmethod
    def _not_a_number(cls, value: str) -> str:
        if value.isdigit():
            raise ValueError("a name cannot be only digits (a number names a watchlist by its id)")
        return value

    @field_validator("between")
    @classmethod
    def _pair(cls, value: tuple[str, str] | None) -> tuple[str, str] | None:
        if value is None:
            return None
        import re

        if not all(re.match(CODE, code) for code in value):
            raise ValueError("between needs two actor codes such as KAZ and ARG")
        return (value[0].upper(), value[1].upper())

    @field_validator("keywords")
    @classmethod
    def _keywords(cls, value: list[str]) -> list[str]:
        cleaned = [" ".join(k.split()) for k in value]
        if any(not k or len(k) > 100 for k in cleaned):
            raise ValueError("keywords must be 1 to 100 characters")
        return cleaned


# -- watchlists ---------------------------------------------------------------------------------------------------------

def add_watchlist(store: Store, spec: WatchlistSpec) -> dict[str, Any]:
    """Store a new watchlist; what already matches becomes its baseline. Returns it, with its webhook secret."""
    if get_watchlist(store, spec.name) is not None:
        raise ConfigError(f"a watchlist named {spec.name!r} exists already")
    secret = spec.secret or (secrets.token_hex(16) if spec.webhook else None)
    stamp = state.now()
    with store.transaction():
        row = store.rows(
            "INSERT INTO watchlists (name, actor1, actor2, actor, types, statuses, keywords, min_sources, webhook,"
            " secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (*_columns(spec), secret, stamp, stamp))[0]
        watchlist = get_watchlist(store, row["id"])
        assert watchlist is not None
        _alert(store, watchlist, baseline=True)
    log.info("watchlist %s added", spec.name)
    return {**public(watchlist), "secret": secret}


def update_watchlist(store: Store, ref: int | str, spec: WatchlistSpec) -> dict[str, Any] | None:
    """Change a watchlist's conditions; events that match only now become baseline, not alerts."""
    current = get_watchlist(store, ref)
    if current is None:
        return None
    other = get_watchlist(store, spec.name)
    if other is not None and other["id"] != current["id"]:
        raise ConfigError(f"a watchlist named {spec.name!r} exists already")
    secret = spec.secret or current["secret"] or (secrets.token_hex(16) if spec.webhook else None)
    with store.transaction():
        store.execute("UPDATE watchlists SET name = ?, actor1 = ?, actor2 = ?, actor = ?, types = ?, statuses = ?,"
                      " keywords = ?, min_sources = ?, webhook = ?, secret = ?, updated_at = ? WHERE id = ?",
                      (*_columns(spec), secret, state.now(), current["id"]))
        watchlist = get_watchlist(store, current["id"])
        assert watchlist is not None
        _alert(store, watchlist, baseline=True)
    return public(watchlist)


def remove_watchlist(store: Store, ref: int | str) -> bool:
    watchlist = get_watchlist(store, ref)
    if watchlist is None:
        return False
    with store.transaction():
        store.execute("DELETE FROM webhook_attempts WHERE alert_id IN (SELECT id FROM alerts WHERE watchlist_id = ?)",
                      (watchlist["id"],))
        store.execute("DELETE FROM alerts WHERE watchlist_id = ?", (watchlist["id"],))
        store.execute("DELETE FROM watchlists WHERE id = ?", (watchlist["id"],))
    return True


def get_watchlist(store: Store, ref: int | str) -> dict[str, Any] | None:
    """A watchlist by id or by name (its secret included: `public` leaves it out)."""
    column = "id" if isinstance(ref, int) or str(ref).isdigit() else "name"
    rows = store.rows(f"SELECT {', '.join(WATCHLIST_COLUMNS)}, secret FROM watchlists WHERE {column} = ?",
                      (int(ref) if column == "id" else ref,))
    return _decoded(rows[0]) if rows else None


def list_watchlists(store: Store) -> list[dict[str, Any]]:
    """Every watchlist with its alert counts (`alerts`, `unread`), oldest first."""
    counts = {r["watchlist_id"]: r for r in store.rows(
        "SELECT watchlist_id, COUNT(*) AS alerts, SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END) AS unread"
        " FROM alerts WHERE kind <> 'baseline' GROUP BY watchlist_id")}
    out = []
    for row in store.rows(f"SELECT {', '.join(WATCHLIST_COLUMNS)} FROM watchlists ORDER BY id"):
        found = counts.get(row["id"], {})
        out.append({**public(_decoded(row)), "alerts": int(found.get("alerts") or 0),
                    "unread": int(found.get("unread") or 0)})
    return out


def public(watchlist: dict[str, Any]) -> dict[str, Any]:
    """A watchlist as shown to anyone: its secret left out, a `between` pair."""
    out = {k: v for k, v in watchlist.items() if k != "secret"}
    out["between"] = [out["actor1"], out["actor2"]] if out.get("actor1") else None
    return out


def describe(watchlist: dict[str, Any]) -> str:
    """One line saying what a watchlist follows."""
    parts = []
    if watchlist.get("actor1"):
        parts.append(f"{watchlist['actor1']}–{watchlist['actor2']}")
    if watchlist.get("actor"):
        parts.append(f"actor {watchlist['actor']}")
    for key in ("types", "statuses", "keywords"):
        if watchlist.get(key):
            parts.append(f"{key} {', '.join(watchlist[key])}")
    if watchlist.get("min_sources", 1) > 1:
        parts.append(f"≥{watchlist['min_sources']} sources")
    return "; ".join(parts) or "every event"


def _columns(spec: WatchlistSpec) -> tuple[Any, ...]:
    a, b = spec.between or (None, None)
    return (spec.name, a, b, spec.actor.upper() if spec.actor else None, json.dumps(list(spec.types)),
            json.dumps(list(spec.statuses)), json.dumps(spec.keywords, ensure_ascii=False), spec.min_sources,
            spec.webhook)


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    for key in ("types", "statuses", "keywords"):
        row[key] = json.loads(row[key] or "[]")
    return row


# -- raising alerts -------------------------------------------------------------------------------------------------------

def raise_alerts(store: Store) -> list[dict[str, Any]]:
    """Alerts for every merged event that matches a watchlist and has none there yet (call after each ingest)."""
    ids = [r["id"] for r in store.rows("SELECT id FROM watchlists ORDER BY id")]
    raised: list[dict[str, Any]] = []
    for watchlist_id in ids:
        with store.transaction():
            watchlist = get_watchlist(store, watchlist_id)
            if watchlist is not None:
                raised += _alert(store, watchlist, baseline=False)
    if raised:
        log.info("%d new alerts", len(raised))
    return raised


def _alert(store: Store, watchlist: dict[str, Any], *, baseline: bool) -> list[dict[str, Any]]:
    """Insert an alert (or a baseline row) for each matching merged event without one (inside a transaction)."""
    events = matching_events(store, watchlist)
    if not events:
        return []
    members = _members(store, [e["id"] for e in events])
    earlier = _alerted_members(store, watchlist["id"], {e["key"] for e in events})
    stamp = state.now()
    raised = []
    for event in events:
        mine = members.get(event["id"], set())
        kind = "baseline" if baseline else ("updated" if mine & earlier.get(event["key"], set()) else "new")
        delivery = "pending" if watchlist.get("webhook") and not baseline else "none"
        snapshot = {c: event.get(c) for c in EVENT_COLUMNS}
        rows = store.rows(
            "INSERT INTO alerts (watchlist_id, merged_id, merged_key, members, kind, event, created_at, read_at,"
            " delivery) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (watchlist_id, merged_id) DO NOTHING"
            " RETURNING id", (watchlist["id"], event["id"], event["key"], json.dumps(sorted(mine)), kind,
                              json.dumps(snapshot, ensure_ascii=False), stamp, stamp if baseline else None, delivery))
        if rows and not baseline:
            raised.append({"id": rows[0]["id"], "watchlist_id": watchlist["id"], "kind": kind, "event": snapshot})
    return raised


def matching_events(store: Store, watchlist: dict[str, Any]) -> list[dict[str, Any]]:
    """Merged events that match the watchlist and have no alert (or baseline row) there yet."""
    pair = (watchlist["actor1"], watchlist["actor2"]) if watchlist.get("actor1") else None
    where, params = event_filter(between=pair, actor=watchlist.get("actor"), types=watchlist["types"],
                                 statuses=watchlist["statuses"])
    where.append("m.num_sources >= ?")
    params.append(int(watchlist.get("min_sources") or 1))
    where.append("NOT EXISTS (SELECT 1 FROM alerts a WHERE a.watchlist_id = ? AND a.merged_id = m.id)")
    params.append(watchlist["id"])
    rows = store.rows("SELECT m.*, d.path, d.url, d.title FROM merged_events m JOIN documents d ON d.id = m.doc_id"
                      f" WHERE {' AND '.join(where)} ORDER BY m.id", params)
    keywords = [fold(k).lower() for k in watchlist.get("keywords") or []]
    out = []
    for row in rows:
        if keywords and not any(k in fold(f"{row['evidence']} {row['title'] or ''}").lower() for k in keywords):
            continue
        row["mutual"], row["weight"] = bool(row["mutual"]), weight(row["type"], row["mode"])
        out.append(row)
    return out


def _members(store: Store, merged_ids: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in _rows_in(store, "SELECT merged_id, doc_id, event_id FROM merged_event_members WHERE merged_id IN ({})",
                      merged_ids):
        out[r["merged_id"]].add(f"{r['doc_id']}/{r['event_id']}")
    return out


def _alerted_members(store: Store, watchlist_id: int, keys: set[str]) -> dict[str, set[str]]:
    """The reports behind earlier alerts (and baseline rows) of a watchlist, by merge key."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in _rows_in(store, "SELECT merged_key, members FROM alerts WHERE watchlist_id = ? AND merged_key IN ({})",
                      sorted(keys), before=[watchlist_id]):
        out[r["merged_key"]] |= set(json.loads(r["members"]))
    return out


def _rows_in(store: Store, sql: str, values: list[Any], *, before: list[Any] | None = None) -> list[dict[str, Any]]:
    """Rows of `sql` whose ``IN ({})`` list takes `values`, asked 500 at a time (bounded parameter lists)."""
    rows: list[dict[str, Any]] = []
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        rows += store.rows(sql.format(", ".join("?" for _ in chunk)), [*(before or []), *chunk])
    return rows


# -- reading alerts -------------------------------------------------------------------------------------------------------

def list_alerts(store: Store, *, watchlist: int | str | None = None, unread: bool = False, limit: int = 100,
                offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Alerts newest first (baseline rows never), with their watchlist's name; and how many there are in all."""
    where, params = ["a.kind <> 'baseline'"], []
    if watchlist is not None:
        where.append("a.watchlist_id = ?")
        params.append(_watchlist_id(store, watchlist))
    if unread:
        where.append("a.read_at IS NULL")
    condition = " AND ".join(where)
    rows = store.rows(f"SELECT {', '.join('a.' + c for c in ALERT_COLUMNS)}, w.name AS watchlist FROM alerts a"
                      f" JOIN watchlists w ON w.id = a.watchlist_id WHERE {condition} ORDER BY a.id DESC"
                      " LIMIT ? OFFSET ?", [*params, limit, offset])
    for row in rows:
        row["event"] = json.loads(row["event"])
    total = int(store.scalar(f"SELECT COUNT(*) FROM alerts a WHERE {condition}", params))
    return rows, total


def mark_read(store: Store, *, ids: list[int] | None = None, watchlist: int | str | None = None) -> int:
    """Mark alerts read: these ids, or every unread alert (of one watchlist); how many were unread."""
    where, params = ["read_at IS NULL", "kind <> 'baseline'"], []
    if ids is not None:
        if not ids:
            return 0
        where.append(f"id IN ({', '.join('?' for _ in ids)})")
        params += [int(i) for i in ids]
    if watchlist is not None:
        where.append("watchlist_id = ?")
        params.append(_watchlist_id(store, watchlist))
    with store.transaction():
        count = int(store.scalar(f"SELECT COUNT(*) FROM alerts WHERE {' AND '.join(where)}", params))
        store.execute(f"UPDATE alerts SET read_at = ? WHERE {' AND '.join(where)}", [state.now(), *params])
    return count


def _watchlist_id(store: Store, ref: int | str) -> int:
    found = get_watchlist(store, ref)
    if found is None:
        raise ConfigError(f"no watchlist {ref!r}")
    return int(found["id"])


# -- webhooks ---------------------------------------------------------------------------------------------------------------

def signature(secret: str, body: bytes) -> str:
    """The value of X-Communique-Signature-256 for a body: ``sha256=`` and the hex HMAC-SHA256."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def webhook_body(alert: dict[str, Any], watchlist: dict[str, Any]) -> bytes:
    payload = {"alert": {"id": alert["id"], "kind": alert["kind"], "created_at": alert["created_at"],
                         "watchlist": {"id": watchlist["id"], "name": watchlist["name"]},
                         "event": json.loads(alert["event"]) if isinstance(alert["event"], str) else alert["event"]}}
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")


def deliver_webhooks(store: Store, fetcher: Fetcher) -> tuple[int, int]:
    """POST every due alert to its watchlist's webhook; (delivered, failed) counts. A failed delivery is tried again
    on later passes after a growing wait, up to MAX_DELIVERY_ATTEMPTS; every failed attempt is recorded."""
    due = store.rows(
        "SELECT a.id, a.kind, a.event, a.created_at, a.attempts, a.watchlist_id FROM alerts a"
        " WHERE a.delivery IN ('pending', 'retry') AND (a.next_attempt IS NULL OR a.next_attempt <= ?)"
        " ORDER BY a.id", (state.now(),))
    delivered = failed = 0
    for alert in due:
        watchlist = get_watchlist(store, alert["watchlist_id"])
        if watchlist is None or not watchlist.get("webhook"):
            with store.transaction():
                store.execute("UPDATE alerts SET delivery = 'none' WHERE id = ?", (alert["id"],))
            continue
        body = webhook_body(alert, watchlist)
        headers = {"Content-Type": "application/json", "X-Communique-Event": "alert",
                   "X-Communique-Delivery": str(alert["id"]),
                   "X-Communique-Signature-256": signature(watchlist["secret"] or "", body)}
        result = fetcher.post(watchlist["webhook"], body, headers)
        ok = result.ok and result.status is not None and 200 <= result.status < 300
        with store.transaction():
            if ok:
                store.execute("UPDATE alerts SET delivery = 'delivered', delivered_at = ?, attempts = attempts + 1,"
                              " last_error = NULL WHERE id = ?", (state.now(), alert["id"]))
            else:
                error = result.reason or f"HTTP {result.status}"
                attempts = alert["attempts"] + 1
                gave_up = attempts >= MAX_DELIVERY_ATTEMPTS or result.outcome == "refused"
                store.execute("INSERT INTO webhook_attempts (alert_id, at, status, error) VALUES (?, ?, ?, ?)",
                              (alert["id"], state.now(), result.status, error))
                store.execute("UPDATE alerts SET delivery = ?, attempts = ?, last_error = ?, next_attempt = ?"
                              " WHERE id = ?", ("failed" if gave_up else "retry", attempts, error,
                                                state.backoff_until(attempts), alert["id"]))
        if ok:
            delivered += 1
        else:
            failed += 1
            log.warning("webhook for alert %s to %s failed: %s", alert["id"], watchlist["webhook"],
                        result.reason or result.status)
    return delivered, failed


def delivery_failures(store: Store, alert_id: int) -> list[dict[str, Any]]:
    return store.rows("SELECT at, status, error FROM webhook_attempts WHERE alert_id = ? ORDER BY id", (alert_id,))
