"""The PostgreSQL backend of the store (``Store.open("postgresql://user@host/db")``), with psycopg 3.

Same tables, same migration names and the same queries as SQLite (``?`` placeholders are rewritten to psycopg's
``%s``; every value travels as a parameter). Full-text search uses a ``tsvector`` over the accent- and
case-folded text with the ``simple`` configuration (no stemming, like SQLite's unicode61 tokenizer), so both
backends find the same documents for the same query. Install with ``pip install communique[postgres]``.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .errors import ConfigError
from .store import Store

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
        evidence_end INTEGER NOT NULL, confidence DOUBLE PRECISION, PRIMARY KEY (doc_id, event_id));
    CREATE INDEX events_pair ON events (source, target);
    CREATE INDEX events_type_date ON events (type, date);
    CREATE TABLE facts (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL, type TEXT NOT NULL,
        countries TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, unit TEXT NOT NULL, period TEXT,
        evidence TEXT NOT NULL, PRIMARY KEY (doc_id, n));
    CREATE TABLE quotes (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL, text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, speaker TEXT, speaker_name TEXT, PRIMARY KEY (doc_id, n));
    CREATE TABLE failures (
        path TEXT NOT NULL, stage TEXT, reason TEXT NOT NULL, at TEXT NOT NULL);
    """),
    ("0002_knowledge_base", """
    ALTER TABLE documents ADD COLUMN story_id TEXT;
    CREATE INDEX documents_story ON documents (story_id);
    ALTER TABLE events ADD COLUMN mutual INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN date_text TEXT;
    ALTER TABLE events ADD COLUMN source_text TEXT;
    ALTER TABLE events ADD COLUMN target_text TEXT;
    CREATE TABLE document_signatures (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, signature BYTEA NOT NULL);
    CREATE TABLE document_bands (
        key TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (key, doc_id));
    CREATE TABLE documents_fts (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, title TEXT, text TEXT,
        tsv TSVECTOR NOT NULL);
    CREATE INDEX documents_fts_tsv ON documents_fts USING GIN (tsv);
    CREATE TABLE merged_events (
        id TEXT PRIMARY KEY, key TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, actor1 TEXT, actor2 TEXT,
        mutual INTEGER NOT NULL, date TEXT, year INTEGER, status TEXT NOT NULL, num_articles INTEGER NOT NULL,
        num_sources INTEGER NOT NULL, num_outlets INTEGER NOT NULL, confidence DOUBLE PRECISION,
        doc_id TEXT NOT NULL, event_id TEXT NOT NULL, evidence TEXT NOT NULL);
    CREATE INDEX merged_events_key ON merged_events (key);
    CREATE INDEX merged_events_actors ON merged_events (actor1, actor2);
    CREATE TABLE merged_event_members (
        merged_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (doc_id, event_id));
    CREATE INDEX merged_members_merged ON merged_event_members (merged_id);
    CREATE INDEX failures_path ON failures (path);
    CREATE VIEW stories AS
        SELECT story_id AS id, COUNT(*) AS documents, COUNT(DISTINCT outlet) AS outlets,
               MIN(published) AS first_published, MAX(published) AS last_published
        FROM documents GROUP BY story_id;
    """),
]

# Serialises writers across processes (one ingest transaction at a time), like SQLite's write lock.
_WRITE_LOCK = 0x436F6D6D  # "Comm"


def _pg(sql: str) -> str:
    """`?` placeholders to psycopg's `%s` (our SQL has no literal `?` or `%`)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(Store):
    backend = "postgresql"
    migrations = MIGRATIONS

    @classmethod
    def connect(cls, url: str) -> "PostgresStore":
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as err:  # pragma: no cover - depends on the installation
            raise ConfigError("PostgreSQL support needs psycopg 3: pip install 'communique[postgres]'") from err
        conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        return cls(conn, _redact(url))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute(_pg(sql), tuple(params) or None)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if batch:
            with self.db.cursor() as cur:
                cur.executemany(_pg(sql), batch)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return list(self.db.execute(_pg(sql), tuple(params) or None).fetchall())

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.db.execute(_pg(sql), tuple(params) or None).fetchone()
        return None if row is None else next(iter(row.values()))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            yield

    def migrate(self) -> list[str]:
        with self.transaction():   # two processes opening a new database must not both create the tables
            self.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        return super().migrate()

    def index_text(self, doc_id: str, title: str | None, text: str) -> None:
        from .stories import fold

        folded_title, folded_text = fold(title or ""), fold(text)
        self.execute("INSERT INTO documents_fts (doc_id, title, text, tsv) VALUES (?, ?, ?,"
                     " setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?))",
                     (doc_id, folded_title, folded_text, folded_title, folded_text))

    def search_rows(self, terms: list[list[str]], limit: int) -> list[dict[str, Any]]:
        query = " & ".join("(" + " <-> ".join(words) + ")" for words in terms)
        return self.rows(
            "SELECT d.id AS doc_id, d.path, d.url, d.title, d.language, d.published, d.outlet, d.story_id, d.text,"
            " -ts_rank(f.tsv, to_tsquery('simple', ?)) AS score FROM documents_fts f"
            " JOIN documents d ON d.id = f.doc_id WHERE f.tsv @@ to_tsquery('simple', ?) ORDER BY score, d.id LIMIT ?",
            (query, query, limit))


def _redact(url: str) -> str:
    """The URL without its password, for logs and messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
