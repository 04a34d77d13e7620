"""The PostgreSQL backend of the store (``Store.open("postgresql://user@host/db")``), with psycopg 3.

Same tables, same migration names and the same queries as SQLite (``?`` placeholders are rewritten to psycopg's
``%s``; every value travels as a parameter). Full-text search uses ``tsvector`` columns with the ``simple``
configuration over the accent- and case-folded text and over the words' stems made in Python
(`communique.kb.textsearch`), as SQLite's FTS5 columns are, so both backends find the same documents. Install
with ``pip install communique[postgres]``.
"""
from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import ConfigError, StoreError
from . import textsearch
from .store import Store

log = logging.getLogger(__name__)

#: SQLite type names in the shared migration files and what PostgreSQL calls them.
_PG_TYPES = {"REAL": "DOUBLE PRECISION", "BLOB": "BYTEA"}

#: seconds to wait for a PostgreSQL server before saying it does not answer (unless the URL sets connect_timeout)
CONNECT_TIMEOUT = 10

# Serialises writers across processes (one ingest transaction at a time), like SQLite's write lock.
_WRITE_LOCK = 0x436F6D6D  # "Comm"


def _pg(sql: str) -> str:
    """`?` placeholders to psycopg's `%s` (our SQL has no literal `?` or `%`)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(Store):
    backend = "postgresql"

    @classmethod
    def connect(cls, url: str) -> PostgresStore:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as err:  # pragma: no cover - depends on the installation
            raise ConfigError("PostgreSQL support needs psycopg 3: pip install 'communique[postgres]'") from err
        extra = {} if "connect_timeout" in url else {"connect_timeout": CONNECT_TIMEOUT}
        try:
            conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, **extra)
        except psycopg.Error as err:
            reason = " ".join(str(err).split()) or type(err).__name__
            raise StoreError(f"cannot connect to the store {_redact(url)}: {reason}") from err
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

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 500) -> Iterator[list[dict[str, Any]]]:
        """A server-side cursor in its own read transaction: rows travel `size` at a time."""
        with self.db.transaction(), self.db.cursor(name=f"stream_{uuid.uuid4().hex}") as cursor:
            cursor.execute(_pg(sql), tuple(params) or None)
            while chunk := cursor.fetchmany(size):
                yield list(chunk)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            yield

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        with self.db.transaction():
            self.db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield

    def migrate(self) -> list[str]:
        with self.transaction():   # two processes opening a new database must not both create the tables
            self.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        return super().migrate()

    def ddl(self, statement: str) -> str:
        return re.sub(r"\b(REAL|BLOB)\b", lambda m: _PG_TYPES[m.group(1)], statement)

    def index_text(self, doc_id: str, title: str | None, text: str, language: str | None) -> None:
        from .stories import fold

        folded_title, folded_text = fold(title or ""), fold(text)
        self.execute("INSERT INTO documents_fts (doc_id, title, text, tsv, stems) VALUES (?, ?, ?,"
                     " setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?),"
                     " setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?))",
                     (doc_id, folded_title, folded_text, folded_title, folded_text,
                      textsearch.stemmed_text(title, language), textsearch.stemmed_text(text, language)))

    def search_rows(self, terms: list[textsearch.Term], limit: int) -> list[dict[str, Any]]:
        where, rank, params, rank_params = _search_sql(terms)
        written, _ = textsearch.tsqueries(textsearch.as_written(terms))
        return self.rows(
            "SELECT d.id AS doc_id, d.path, d.url, d.title, d.language, d.published, d.outlet, d.story_id, d.text,"
            f" -({rank}) AS score FROM documents_fts f JOIN documents d ON d.id = f.doc_id WHERE {where}"
            " ORDER BY NOT f.tsv @@ to_tsquery('simple', ?), score, d.id LIMIT ?",
            (*rank_params, *params, written, limit))

    def search_count(self, terms: list[textsearch.Term]) -> int:
        where, _, params, _ = _search_sql(terms)
        return int(self.scalar(f"SELECT COUNT(*) FROM documents_fts f JOIN documents d ON d.id = f.doc_id"
                               f" WHERE {where}", params))


def _search_sql(terms: list[textsearch.Term]) -> tuple[str, str, list[Any], list[Any]]:
    """(condition, rank, parameters of each) for the terms: each group of documents by language
    (`textsearch.by_language`) with its own search, phrases against the folded title and text (`tsv`), bare words
    against the stems; one statement, so that one scan (or the GIN indexes) serves every group."""
    conditions, ranks, params, rank_params = [], [], [], []
    for languages, parts in textsearch.by_language(terms):
        queries = [(column, query) for column, query in zip(("tsv", "stems"), textsearch.tsqueries(parts),
                                                             strict=True) if query]
        in_group, values = textsearch.language_condition(languages)
        texts = [query for _, query in queries]
        matched = " AND ".join(f"f.{column} @@ to_tsquery('simple', ?)" for column, _ in queries)
        conditions.append(f"({in_group} AND {matched})")
        params += [*values, *texts]
        ranks.append(f"WHEN {in_group} THEN " + " + ".join(f"ts_rank(f.{column}, to_tsquery('simple', ?))"
                                                            for column, _ in queries))
        rank_params += [*values, *texts]
    return " OR ".join(conditions), f"CASE {' '.join(ranks)} ELSE 0 END", params, rank_params


def _redact(url: str) -> str:
    """The URL without its password, for logs and messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
