"""Analysts' reviews of events: an append-only audit table, applied to the events the API shows, exported as gold.

A review is made on a merged event but stored against the report behind it (``doc_id``, ``event_id``: the report
whose sentence the analyst read). Reports keep their ids when a document is re-ingested or re-merged, merged
events do not, so a review stays attached through ``ingest --reprocess``. Rows are only ever added: the latest
review of a report is the one that counts, the earlier ones are its history.

- ``confirm``: the event is right as extracted.
- ``reject``: the event is wrong (the API flags it ``rejected``; the gold export leaves it out).
- ``correct``: some of ``type``, ``actor1``, ``actor2``, ``date`` are wrong; the review holds the right values
  (and only those: a null field is unchanged). The API shows the corrected values and keeps the extracted ones
  under ``original``.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..kb.queries import weight

if TYPE_CHECKING:
    from ..kb.store import Store

ACTIONS = ("confirm", "reject", "correct")
CORRECTABLE = ("type", "actor1", "actor2", "date")
REVIEW_COLUMNS = ["id", "doc_id", "event_id", "merged_id", "merged_key", "action", "type", "actor1", "actor2", "date",
                  "reviewer", "note", "at"]

GOLD_ABOUT = ("Gold exported from analysts' reviews in a Communiqué store (communique serve: GET /api/reviews/gold). "
              "Each document lists the events an analyst confirmed or corrected (rejected ones are left out); events "
              "nobody reviewed are not listed, so scoring a whole document counts them as unmatched predictions. "
              "Format of the seeds' gold.json: types, source, target, pair (mutual), date ('?' when unknown), status.")


def add_review(store: Store, merged_id: str, *, action: str, reviewer: str, note: str | None = None,
               corrections: dict[str, str | None] | None = None) -> dict[str, Any] | None:
    """Store a review of the merged event `merged_id` against its representative report; None when no such
    event. `corrections` (type, actor1, actor2, date) are kept for ``correct`` only."""
    found = store.rows("SELECT id, key, doc_id, event_id FROM merged_events WHERE id = ?", (merged_id,))
    if not found:
        return None
    event = found[0]
    fixed = {f: (corrections or {}).get(f) for f in CORRECTABLE} if action == "correct" else dict.fromkeys(CORRECTABLE)
    values = [event["doc_id"], event["event_id"], event["id"], event["key"], action, fixed["type"], fixed["actor1"],
              fixed["actor2"], fixed["date"], reviewer, note, _now()]
    columns = REVIEW_COLUMNS[1:]
    with store.transaction():
        rows = store.rows(f"INSERT INTO reviews ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
                          f" RETURNING {', '.join(REVIEW_COLUMNS)}", values)
    return rows[0]


def review_log(store: Store, *, limit: int, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """The audit log, newest first, and how many reviews there are in all."""
    rows = store.rows(f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews ORDER BY id DESC LIMIT ? OFFSET ?",
                      (limit, offset))
    return rows, int(store.scalar("SELECT COUNT(*) FROM reviews"))


def latest_reviews(store: Store, merged_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Per merged event, the latest review of any report behind it."""
    ids = sorted(set(merged_ids))
    if not ids:
        return {}
    columns = ", ".join(f"r.{c}" for c in REVIEW_COLUMNS)
    rows = store.rows(
        f"SELECT k.merged_id AS current_id, {columns} FROM merged_event_members k JOIN reviews r"
        f" ON r.doc_id = k.doc_id AND r.event_id = k.event_id WHERE k.merged_id IN ({', '.join('?' for _ in ids)})"
        " ORDER BY r.id", ids)
    latest: dict[str, dict[str, Any]] = {}
    for row in rows:
        latest[row.pop("current_id")] = row
    return latest


def with_reviews(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events with their latest review (``review``, null when none) applied: corrected values shown,
    extracted ones kept under ``original``; ``rejected`` flags events an analyst rejected."""
    latest = latest_reviews(store, [ev["id"] for ev in events])
    return [apply_review(ev, latest.get(ev["id"])) for ev in events]


def apply_review(event: dict[str, Any], review: dict[str, Any] | None) -> dict[str, Any]:
    shown = dict(event, review=review, rejected=bool(review and review["action"] == "reject"))
    if review and review["action"] == "correct":
        shown["original"] = {f: event.get(f) for f in CORRECTABLE}
        for field in CORRECTABLE:
            if review.get(field):
                shown[field] = review[field]
        date = shown.get("date")
        shown["year"] = int(date[:4]) if date and date[:4].isdigit() else None
        shown["weight"] = weight(shown["type"], shown.get("mode"))
    return shown


def gold(store: Store) -> dict[str, Any]:
    """Reviewed reports as gold in the format of the seeds' gold.json, keyed by document file name (the name
    `communique evaluate` matches records by), for `communique evaluate GOLD RECORDS`."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for row in store.rows(f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews ORDER BY id"):
        latest[(row["doc_id"], row["event_id"])] = row
    docs: dict[str, dict[str, Any]] = {}
    for (doc_id, event_id), review in sorted(latest.items()):
        report = store.rows(
            "SELECT e.type, e.source, e.target, e.mutual, e.date, e.status, d.path, d.language FROM events e"
            " JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ? AND e.event_id = ?", (doc_id, event_id))
        if not report:      # the document is no longer stored: nothing to score against
            continue
        r = report[0]
        doc = docs.setdefault(os.path.basename(r["path"]) if r["path"] else doc_id,
                              {"doc_id": doc_id, "language": r["language"], "events": []})
        if review["action"] != "reject":
            doc["events"].append(_gold_event(r, review))
    return {"_about": GOLD_ABOUT, "docs": docs}


def _gold_event(report: dict[str, Any], review: dict[str, Any]) -> dict[str, Any]:
    source, target = report["source"], report["target"]
    if report["mutual"]:        # the API shows a mutual event's actors in code order; corrections follow it
        source, target = sorted((source or "", target or ""))
    source, target = review.get("actor1") or source or None, review.get("actor2") or target or None
    date = review.get("date") or report["date"]
    return {"types": [review.get("type") or report["type"]], "source": source, "target": target,
            "pair": bool(report["mutual"]), "date": date or "?", "status": report["status"],
            "note": review["note"] or f"{review['action']} by {review['reviewer']} ({review['at']})",
            "review_id": review["id"]}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
