"""The embedded store: one SQLite file (WAL) holding documents, their entities, events, facts and quotes.

Ingest is idempotent by content id: a document whose cleaned text is already stored is not written again. Each
batch is written in one transaction, so an interrupted ingest loses at most the batch in flight, and a failing
document is recorded in `failures` with its reason while the rest of the batch is stored.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from typing import Any

from .records import Article
from .settings import Settings

log = logging.getLogger(__name__)

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, path TEXT, url TEXT, outlet TEXT, language TEXT, published TEXT, title TEXT,
        text TEXT NOT NULL, record TEXT NOT NULL, pipeline TEXT NOT NULL, ingested_at TEXT NOT NULL);
    CREATE TABLE entities (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, entity_id TEXT NOT NULL,
        type TEXT NOT NULL, name TEXT NOT NULL, code TEXT, country TEXT, role TEXT, sector TEXT,
        mentions INTEGER NOT NULL, PRIMARY KEY (doc_id, entity_id));
    CREATE TABLE events (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, event_id TEXT NOT NULL,
        type TEXT NOT NULL, mode TEXT, source TEXT, target TEXT, source_entity TEXT, target_entity TEXT,
        date TEXT, status TEXT NOT NULL, location TEXT, evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL, confidence REAL, PRIMARY KEY (doc_id, event_id));
    CREATE INDEX events_pair ON events (source, target);
    CREATE INDEX events_type_date ON events (type, date);
    CREATE TABLE facts (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL, type TEXT NOT NULL,
        countries TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, period TEXT, evidence TEXT NOT NULL,
        PRIMARY KEY (doc_id, n));
    CREATE TABLE quotes (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL, text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, speaker TEXT, speaker_name TEXT, PRIMARY KEY (doc_id, n));
    CREATE TABLE failures (
        path TEXT NOT NULL, stage TEXT, reason TEXT NOT NULL, at TEXT NOT NULL);
    """),
]


@dataclass(slots=True)
class IngestStats:
    stored: int = 0
    unchanged: int = 0
    failed: int = 0


class Store:
    """A SQLite store. Use `Store.open(path)` as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.db = connection
        self.path = path

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> "Store":
        name = os.fspath(path)
        db = sqlite3.connect(name)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        store = cls(db, name)
        store.migrate()
        return store

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded, each in its own transaction; returns their names."""
        with self.db:
            self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.db:
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
            applied.append(name)
        return applied

    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def write_batch(self, articles: list[Article]) -> IngestStats:
        """Store a batch in one transaction: new documents, failures; unchanged documents are skipped."""
        stats = IngestStats()
        with self.db:
            for article in articles:
                if article.failed:
                    self.db.execute("INSERT INTO failures VALUES (?, ?, ?, ?)",
                                    (article.path or "<input>", article.failed_stage, article.error, _now()))
                    stats.failed += 1
                elif self.has_document(article.id):
                    stats.unchanged += 1
                else:
                    self._insert(article)
                    stats.stored += 1
        return stats

    def _insert(self, article: Article) -> None:
        record = article.to_record()
        doc_id = record["id"]
        self.db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, article.path, article.url, article.outlet, record["language"], article.published,
             article.title, article.text, json.dumps(record, ensure_ascii=False),
             json.dumps(record["pipeline"], sort_keys=True), _now()))
        self.db.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, e.id, e.type, e.name, e.code, e.country, e.role, e.sector, len(e.mentions))
             for e in article.entities])
        self.db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, ev.id, ev.type, ev.mode, ev.source.code, ev.target.code, ev.source.entity, ev.target.entity,
              ev.date, ev.status, json.dumps(ev.location.as_dict()) if ev.location else None, ev.evidence.text,
              ev.evidence.start, ev.evidence.end, ev.confidence) for ev in article.events])
        self.db.executemany(
            "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, n, f.type, json.dumps(f.countries), f.value, f.unit, f.period, f.evidence.text)
             for n, f in enumerate(article.facts)])
        names = {e.id: e.name for e in article.entities}
        self.db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, n, q.text, q.start, q.end, q.speaker, names.get(q.speaker or ""))
             for n, q in enumerate(article.quotes)])

    def summary(self, examples: int = 5) -> dict[str, Any]:
        q = self.db.execute
        languages = dict(q("SELECT language, COUNT(*) FROM documents GROUP BY language ORDER BY 2 DESC").fetchall())
        types = dict(q("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC").fetchall())
        pairs: Counter[tuple[str, str]] = Counter()
        for source, target in q("SELECT source, target FROM events WHERE source IS NOT NULL AND target IS NOT NULL"):
            pairs[tuple(sorted((source, target)))] += 1
        rows = q("""SELECT e.type, e.mode, e.source, e.target, e.date, e.status, e.evidence, d.path
                    FROM events e JOIN documents d ON d.id = e.doc_id
                    ORDER BY e.confidence DESC, d.published DESC LIMIT ?""", (examples,)).fetchall()
        return {
            "documents": sum(languages.values()), "by_language": languages,
            "events": sum(types.values()), "by_type": types,
            "top_pairs": [{"pair": list(p), "events": n} for p, n in pairs.most_common(8)],
            "facts": q("SELECT COUNT(*) FROM facts").fetchone()[0],
            "quotes": q("SELECT COUNT(*) FROM quotes").fetchone()[0],
            "failures": q("SELECT COUNT(*) FROM failures").fetchone()[0],
            "examples": [dict(row) for row in rows],
        }


def ingest_paths(store: Store, paths: Iterable[str | os.PathLike[str]], *, settings: Settings | None = None,
                 progress: Callable[[Iterator[Article]], Iterator[Article]] | None = None) -> IngestStats:
    """Process `paths` and write them to `store` batch by batch."""
    from .api import process_paths

    settings = settings or Settings()
    articles: Iterator[Article] = process_paths(paths, settings=settings)
    if progress is not None:
        articles = progress(articles)
    total = IngestStats()
    while batch := list(islice(articles, settings.batch_size)):
        stats = store.write_batch(batch)
        total.stored += stats.stored
        total.unchanged += stats.unchanged
        total.failed += stats.failed
    return total


def format_summary(summary: dict[str, Any]) -> str:
    lines = [f"Documents: {summary['documents']} ("
             + ", ".join(f"{lang} {n}" for lang, n in summary["by_language"].items()) + ")",
             f"Events: {summary['events']} (" + ", ".join(f"{t} {n}" for t, n in summary["by_type"].items()) + ")",
             f"Facts: {summary['facts']}   Quotes: {summary['quotes']}   Failed inputs: {summary['failures']}",
             "Top country pairs: " + ", ".join(f"{'–'.join(p['pair'])} ({p['events']})" for p in summary["top_pairs"]),
             "", "Example events:"]
    for ex in summary["examples"]:
        when = ex["date"] or "date unknown"
        status = "" if ex["status"] == "occurred" else f" [{ex['status']}]"
        mode = f"/{ex['mode']}" if ex["mode"] else ""
        lines.append(f"  {ex['type']}{mode} {ex['source']} → {ex['target']}, {when}{status}  ({os.path.basename(ex['path'] or '')})")
        lines.append(f"    “{_shorten(ex['evidence'], 150)}”")
    return "\n".join(lines)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
