"""Fetch state in the store (table `fetch_state`, migration 0006): one row per normalised URL or file.

Every write here runs inside the caller's transaction where one is open, so a source's new validators and the pages
it lists are stored together, and a page's document and its `done` state are stored together.
"""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..kb.store import Store
    from .discover import Item

COLUMNS = ("url", "kind", "source", "state", "reason", "canonical_url", "final_url", "etag", "last_modified",
           "last_status", "doc_id", "published", "discovered_at", "position", "fetched_at", "next_poll", "failures")
#: A page that failed this often is given up (state `failed`); before that it is tried again later (`retry`).
MAX_PAGE_FAILURES = 5
#: Waits after failures: 1, 2, 4 ... minutes, at most 6 hours.
FIRST_BACKOFF = timedelta(minutes=1)
LONGEST_BACKOFF = timedelta(hours=6)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def later(seconds: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat(timespec="seconds")


def backoff_until(failures: int) -> str:
    wait = min(FIRST_BACKOFF * (2 ** max(0, failures - 1)), LONGEST_BACKOFF)
    return (datetime.now(UTC) + wait).isoformat(timespec="seconds")


def get(store: Store, url: str) -> dict[str, Any] | None:
    rows = store.rows(f"SELECT {', '.join(COLUMNS)} FROM fetch_state WHERE url = ?", (url,))
    return rows[0] if rows else None


def put(store: Store, url: str, kind: str, **fields: Any) -> None:
    """Insert or update the row of `url` with `fields` (the other columns keep their values)."""
    fields = {"kind": kind, **fields}
    insert = {"url": url, "state": "new", "discovered_at": now(), "failures": 0, **fields}
    names = list(insert)
    updates = ", ".join(f"{name} = excluded.{name}" for name in fields)
    store.execute(f"INSERT INTO fetch_state ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
                  f" ON CONFLICT (url) DO UPDATE SET {updates}", [insert[n] for n in names])


def add_pending(store: Store, items: list[Item], source: str) -> int:
    """Record newly listed pages as `pending` (pages already known are left as they are); how many were new."""
    known = set()
    urls = [item.url for item in items]
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        known |= {r["url"] for r in store.rows(
            f"SELECT url FROM fetch_state WHERE url IN ({', '.join('?' for _ in chunk)})", chunk)}
    fresh = list({item.url: item for item in items if item.url not in known}.values())
    stamp = now()
    store.executemany(
        "INSERT INTO fetch_state (url, kind, source, state, published, discovered_at, position, failures)"
        " VALUES (?, 'page', ?, 'pending', ?, ?, ?, 0) ON CONFLICT (url) DO NOTHING",
        [(item.url, source, item.published, stamp, n) for n, item in enumerate(fresh)])
    return len(fresh)


def due_pages(store: Store, limit: int) -> list[dict[str, Any]]:
    """Pages waiting to be fetched (new, or to be tried again and due), in the order they were found."""
    return store.rows(
        "SELECT url, source, published, failures FROM fetch_state WHERE kind = 'page'"
        " AND (state = 'pending' OR (state = 'retry' AND (next_poll IS NULL OR next_poll <= ?)))"
        " ORDER BY discovered_at, position, url LIMIT ?", (now(), limit))


def record_failure(store: Store, url: str, kind: str, reason: str, *, status: int | None = None,
                   retry_at: float | None = None, final: bool = False) -> int:
    """Count a failed fetch; the page (or source) is tried again after a growing wait, or after `retry_at`
    (epoch seconds, from a Retry-After). Pages are given up after MAX_PAGE_FAILURES. Returns the failure count."""
    row = get(store, url)
    failures = (row["failures"] if row else 0) + 1
    until = (datetime.fromtimestamp(retry_at, UTC).isoformat(timespec="seconds") if retry_at
             else backoff_until(failures))
    gave_up = final or (kind == "page" and failures >= MAX_PAGE_FAILURES)
    state = "failed" if gave_up else ("retry" if kind == "page" else "failing")
    put(store, url, kind, state=state, reason=reason, last_status=status, fetched_at=now(), next_poll=until,
        failures=failures)
    return failures


def waiting(row: dict[str, Any] | None) -> str | None:
    """When a source held back after failures may be polled again, if that is still in the future."""
    if row and row.get("next_poll") and row["state"] == "failing" and row["next_poll"] > now():
        return row["next_poll"]
    return None


def document_at(store: Store, url: str) -> dict[str, Any] | None:
    """The stored document whose URL (canonical where the page named one) is `url`."""
    rows = store.rows("SELECT id, path FROM documents WHERE url = ? ORDER BY ingested_at, id LIMIT 1", (url,))
    return rows[0] if rows else None


def counts(store: Store) -> dict[str, int]:
    """Pages by state (pending, done, duplicate, skipped, disallowed, retry, failed)."""
    return {r["state"]: int(r["n"]) for r in store.rows(
        "SELECT state, COUNT(*) AS n FROM fetch_state WHERE kind = 'page' GROUP BY state ORDER BY state")}
