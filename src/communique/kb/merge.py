"""Merging: many articles' reports of one real-world event become one merged event.

Events stored from different documents are reports of one real-world event when they have the same
PLOVER type, the same actors (in either order when either report calls the event mutual — talks, agreements —,
in the same order otherwise), the same status class (what happened, what is planned, what is denied, what is
hypothetical are kept apart), and compatible dates: equal at the coarser of the two precisions ("2024-05" and
"2024-05-14" agree, "2024-05-14" and "2024-05-15" do not), or, when a report has no date, a report of the same
story (a syndicated copy). A merged event counts its documents (``num_articles``), its independent sources
(``num_sources``: distinct stories, so copies of one dispatch count once) and its outlets (``num_outlets``).

Merged events are recomputed inside each ingest transaction for the (type, actor pair) keys the batch touched,
from all the stored reports with that key, in a fixed order, so the result does not depend on the order in
which documents arrived.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .stories import fold

if TYPE_CHECKING:
    from .store import Store

STATUS_CLASS = {"occurred": "occurred", "ongoing": "occurred", "planned": "planned", "negated": "negated",
                "hypothetical": "hypothetical"}


def merge_key(event_type: str, source: str | None, target: str | None) -> str:
    a, b = sorted((source or "", target or ""))
    return f"{event_type}|{a}|{b}"


@dataclass
class Report:
    """One stored event with what merging needs to know about its document."""

    doc_id: str
    event_id: str
    type: str
    mode: str | None
    source: str | None
    target: str | None
    mutual: bool
    date: str | None
    status: str
    confidence: float
    evidence: str
    story_id: str
    outlet: str | None


@dataclass
class Cluster:
    reports: list[Report] = field(default_factory=list)

    def accepts(self, r: Report) -> bool:
        first = self.reports[0]
        if STATUS_CLASS.get(r.status, r.status) != STATUS_CLASS.get(first.status, first.status):
            return False
        directed = not (r.mutual or any(m.mutual for m in self.reports))
        if directed and (r.source, r.target) != (first.source, first.target):
            return False
        dated = [m for m in self.reports if m.date]
        if r.date and dated:
            return all(dates_compatible(r.date, m.date) for m in dated)  # type: ignore[arg-type]
        return any(m.story_id == r.story_id for m in self.reports)


def dates_compatible(a: str, b: str) -> bool:
    """Equal at the coarser precision of the two ISO dates (year, year-month or day)."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def cluster_reports(reports: Iterable[Report]) -> list[list[Report]]:
    """Group reports of one (type, actor pair) into events; deterministic whatever the input order.

    Reports are taken most precise date first, so day-level reports found the clusters and coarser ones join
    the first cluster they agree with.
    """
    ordered = sorted(reports, key=lambda r: (r.date is None, -len(r.date or ""), r.date or "", r.doc_id, r.event_id))
    clusters: list[Cluster] = []
    for report in ordered:
        home = next((c for c in clusters if c.accepts(report)), None)
        if home is None:
            clusters.append(Cluster([report]))
        else:
            home.reports.append(report)
    return [c.reports for c in clusters]


def merged_row(key: str, members: list[Report]) -> dict[str, Any]:
    """The merged event: most precise date, commonest mode, best evidence, source counts."""
    ident = hashlib.sha256("\n".join(sorted(f"{m.doc_id}/{m.event_id}" for m in members)).encode()).hexdigest()[:16]
    best = sorted(members, key=lambda m: (-m.confidence, m.date is None, m.doc_id, m.event_id))[0]
    mutual = any(m.mutual for m in members)
    actor1, actor2 = best.source, best.target
    if mutual:
        actor1, actor2 = sorted((best.source or "", best.target or ""))
        actor1, actor2 = actor1 or None, actor2 or None
    modes = Counter(m.mode for m in members if m.mode)
    dated = [m.date for m in members if m.date]
    date = max(dated, key=lambda d: (len(d), d)) if dated else None
    statuses = Counter(m.status for m in members)
    return {
        "id": ident, "key": key, "type": best.type,
        "mode": min(modes, key=lambda m: (-modes[m], m)) if modes else None,
        "actor1": actor1, "actor2": actor2, "mutual": int(mutual), "date": date,
        "year": int(date[:4]) if date and date[:4].isdigit() else None,
        "status": min(statuses, key=lambda s: (-statuses[s], s)),
        "num_articles": len({m.doc_id for m in members}), "num_sources": len({m.story_id for m in members}),
        "num_outlets": len({m.outlet or f"story:{m.story_id}" for m in members}),
        "confidence": max(m.confidence for m in members), "doc_id": best.doc_id, "event_id": best.event_id,
        "evidence": best.evidence,
        "evidence_folded": fold(best.evidence),
    }


MERGED_COLUMNS = ["id", "key", "type", "mode", "actor1", "actor2", "mutual", "date", "year", "status",
                  "num_articles", "num_sources", "num_outlets", "confidence", "doc_id", "event_id", "evidence",
                  "evidence_folded"]


def rebuild_merged_events(store: Store, keys: Iterable[str], columns: list[str] = MERGED_COLUMNS) -> None:
    """Recompute the merged events of these keys from every stored report (call inside a transaction). A migration's
    backfill passes the `columns` its schema has (later migrations fill the others)."""
    for key in sorted(set(keys)):
        event_type, a, b = key.split("|")
        old = [r["id"] for r in store.rows("SELECT id FROM merged_events WHERE key = ?", (key,))]
        for merged_id in old:
            store.execute("DELETE FROM merged_event_members WHERE merged_id = ?", (merged_id,))
        store.execute("DELETE FROM merged_events WHERE key = ?", (key,))
        rows = store.rows(
            "SELECT e.doc_id, e.event_id, e.type, e.mode, e.source, e.target, e.mutual, e.date, e.status,"
            " e.confidence, e.evidence, d.story_id, d.outlet FROM events e JOIN documents d ON d.id = e.doc_id"
            " WHERE e.type = ? AND ((COALESCE(e.source, '') = ? AND COALESCE(e.target, '') = ?)"
            " OR (COALESCE(e.source, '') = ? AND COALESCE(e.target, '') = ?))", (event_type, a, b, b, a))
        reports = [Report(r["doc_id"], r["event_id"], r["type"], r["mode"], r["source"], r["target"],
                          bool(r["mutual"]), r["date"], r["status"], float(r["confidence"] or 0.0), r["evidence"],
                          r["story_id"] or r["doc_id"], r["outlet"]) for r in rows]
        for members in cluster_reports(reports):
            row = merged_row(key, members)
            marks = ", ".join("?" for _ in columns)
            store.execute(f"INSERT INTO merged_events ({', '.join(columns)}) VALUES ({marks})",
                          [row[c] for c in columns])
            store.executemany("INSERT INTO merged_event_members VALUES (?, ?, ?)",
                              [(row["id"], m.doc_id, m.event_id) for m in members])
