"""The knowledge-base store: documents, their entities, events, facts and quotes, stories and merged events.

One interface, two backends: an embedded SQLite file (the default: WAL, FTS5 full-text search) and PostgreSQL
(``Store.open("postgresql://...")``, psycopg 3, in ``store_postgres``). Both apply the same named migrations,
recorded in a ``migrations`` table. Queries are written once with ``?`` placeholders and always parameterised;
the PostgreSQL backend rewrites the placeholders.

Ingest is idempotent by content id: a document whose cleaned text is already stored is not written again
(unless ``reprocess`` is asked for and it was processed by other stage versions). Each batch is written in one
transaction, together with the stories and merged events it changes, so an interrupted ingest loses at most the
batch in flight and running it again ends in the state of an uninterrupted run. A failing document is recorded
in ``failures`` with its reason while the rest of the batch is stored.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from itertools import islice
from typing import Any

from ..actors.learned import with_learned_actors
from ..defaults import DEFAULT_DB
from ..errors import StoreError
from ..records import Article
from ..settings import Settings
from . import stories, textsearch
from .learned_actors import learn as learn_actors
from .learned_actors import load_table as load_learned_actors

log = logging.getLogger(__name__)

#: The migrations, applied in name order: ``migrations/NAME.sql`` is shared by both backends (written with SQLite's
#: type names; `PostgresStore` translates them), ``NAME.sqlite.sql`` / ``NAME.postgresql.sql`` hold what one backend
#: does its own way. A new migration is a new file: never edit one that has shipped.
MIGRATIONS_PACKAGE = "communique.kb.migrations"


def load_migrations(backend: str) -> list[tuple[str, str]]:
    """(name, SQL) for each migration, the shared statements followed by the backend's own."""
    files = {f.name: f for f in resources.files(MIGRATIONS_PACKAGE).iterdir() if f.name.endswith(".sql")}
    names = sorted({name.split(".")[0] for name in files})
    out = []
    for name in names:
        parts = [files[f].read_text(encoding="utf-8") for f in (f"{name}.sql", f"{name}.{backend}.sql") if f in files]
        out.append((name, "\n".join(parts)))
    return out


@dataclass(slots=True)
class IngestStats:
    stored: int = 0
    unchanged: int = 0
    failed: int = 0
    reprocessed: int = 0


class Store:
    """A knowledge-base store. `Store.open(path_or_url)` picks the backend; use it as a context manager.

    This class is the SQLite backend and holds everything both backends share; `store_postgres.PostgresStore`
    overrides the connection-level methods.
    """

    backend = "sqlite"

    def __init__(self, connection: Any, path: str) -> None:
        self.db = connection
        self.path = path

    @classmethod
    def open(cls, target: str | os.PathLike[str]) -> Store:
        """Open (creating and migrating as needed) the store at a SQLite path (or ``sqlite:///path`` URL) or a
        ``postgresql://`` URL. A store that cannot be opened is a `StoreError` saying why in one line."""
        name = os.fspath(target)
        if is_postgres_url(name):
            from .postgres import PostgresStore

            store: Store = PostgresStore.connect(name)
        else:
            path = sqlite_path(name)
            try:
                store = SQLiteStore.connect(path)
            except sqlite3.DatabaseError as err:
                raise StoreError(_sqlite_problem(path, err)) from err
        try:
            store.migrate()
        except sqlite3.DatabaseError as err:
            store.close()
            raise StoreError(_sqlite_problem(name, err)) from err
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- connection-level primitives (overridden by the PostgreSQL backend) --------------------------------------

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.db.executemany(sql, [tuple(r) for r in rows])

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self.db.execute(sql, tuple(params)).fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.db.execute(sql, tuple(params)).fetchone()
        return None if row is None else row[0]

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 500) -> Iterator[list[dict[str, Any]]]:
        """The rows of a query in lists of at most `size`, read from the cursor as they are needed (an export of a
        large store never holds it all); other queries may run between two lists."""
        cursor = self.db.execute(sql, tuple(params))
        try:
            while chunk := cursor.fetchmany(size):
                yield [dict(row) for row in chunk]
        finally:
            cursor.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work: committed on success, rolled back on any exception."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read-only view of one committed state for several queries (a writer goes on meanwhile)."""
        self.db.execute("BEGIN DEFERRED")     # WAL: the first read fixes the snapshot; no write lock is taken
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def blob(self, data: bytes) -> Any:
        return data

    def ddl(self, statement: str) -> str:
        """A migration statement in this backend's dialect (the shared files use SQLite's)."""
        return statement

    # -- migrations -------------------------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded, each in its own transaction; returns their names.

        Serialised across processes: each migration is applied under the store's write lock, after checking
        again, under that lock, that nobody applied it meanwhile (two `ingest` runs on a new store both succeed,
        the second finding the tables made)."""
        self.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row["name"] for row in self.rows("SELECT name FROM migrations")}
        applied = []
        for name, sql in load_migrations(self.backend):
            if name in done:
                continue
            with self.transaction():
                if self.scalar("SELECT 1 FROM migrations WHERE name = ?", (name,)) is not None:
                    continue                    # another process applied it while we waited for the lock
                for statement in _statements(sql):
                    self.execute(self.ddl(statement))
                _AFTER_MIGRATION.get(name, lambda store: None)(self)
                self.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
            log.info("store %s: applied migration %s", self.path, name)
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [row["name"] for row in self.rows("SELECT name FROM migrations ORDER BY name")]

    # -- writing ------------------------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None

    def stored_pipeline(self, doc_id: str) -> str | None:
        return self.scalar("SELECT pipeline FROM documents WHERE id = ?", (doc_id,))

    def write_batch(self, articles: list[Article], *, reprocess: bool = False,
                    within: Callable[[], None] | None = None) -> IngestStats:
        """Store a batch in one transaction: new documents, their stories and merged events, failures.

        Unchanged documents are skipped; with ``reprocess``, a stored document processed by other stage versions
        is replaced by the new processing. `within` runs last inside the same transaction (a caller's own
        bookkeeping that must be stored with the batch or not at all, such as `watch`'s fetch state).
        """
        from .merge import rebuild_merged_events

        stats = IngestStats()
        signatures = {a.id: stories.signature(a.text) for a in articles if not a.failed}
        with self.transaction():
            touched_keys: set[str] = set()
            seen: set[str] = set()
            for article in articles:
                if article.failed:
                    self._record_failure(article)
                    stats.failed += 1
                    continue
                doc_id = article.id
                stored = self.stored_pipeline(doc_id)
                if doc_id in seen or (stored is not None and not (reprocess and stored != _pipeline_json(article))):
                    stats.unchanged += 1
                    continue
                if stored is not None:
                    touched_keys |= self._delete_document(doc_id)
                    stats.reprocessed += 1
                else:
                    stats.stored += 1
                seen.add(doc_id)
                self._insert(article)
                learn_actors(self, [article])        # what its titles teach, in the same transaction
                story_docs = self._assign_story(doc_id, signatures[doc_id], article.text, article.language,
                                                article.published)
                touched_keys |= self._event_keys(story_docs)
            rebuild_merged_events(self, touched_keys)
            if within is not None:
                within()
        return stats

    def _record_failure(self, article: Article) -> None:
        """One row per input and reason: re-running a batch updates the time instead of adding a duplicate."""
        path = article.path or "<input>"
        if self.scalar("SELECT 1 FROM failures WHERE path = ? AND reason = ?", (path, article.error)) is None:
            self.execute("INSERT INTO failures VALUES (?, ?, ?, ?)",
                         (path, article.failed_stage, article.error, _now()))
        else:
            self.execute("UPDATE failures SET at = ? WHERE path = ? AND reason = ?", (_now(), path, article.error))

    def _insert(self, article: Article) -> None:
        record = article.to_record()
        doc_id = record["id"]
        self.execute(
            "INSERT INTO documents (id, path, url, outlet, language, published, title, text, record, pipeline,"
            " ingested_at, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, article.path, article.url, article.outlet, record["language"], article.published,
             article.title, article.text, json.dumps(record, ensure_ascii=False), _pipeline_json(article), _now(),
             doc_id))
        self.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, e.id, e.type, e.name, e.code, e.country, e.role, e.sector, len(e.mentions))
             for e in article.entities])
        self.executemany(
            "INSERT INTO events (doc_id, event_id, type, mode, source, target, source_entity, target_entity, date,"
            " status, location, evidence, evidence_start, evidence_end, confidence, mutual, date_text, source_text,"
            " target_text, also_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, ev.id, ev.type, ev.mode, ev.source.code, ev.target.code, ev.source.entity, ev.target.entity,
              ev.date, ev.status, json.dumps(ev.location.as_dict(), ensure_ascii=False) if ev.location else None,
              ev.evidence.text, ev.evidence.start, ev.evidence.end, ev.confidence, int(ev.mutual), ev.date_text,
              ev.source.text, ev.target.text,
              json.dumps([s.as_dict() for s in ev.also], ensure_ascii=False) if ev.also else None)
             for ev in article.asserted_events])     # denied or only possible acts stay in the record alone
        self.executemany(
            "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, n, f.type, json.dumps(f.countries), f.value, f.unit, f.period, f.evidence.text)
             for n, f in enumerate(article.facts)])
        names = {e.id: e.name for e in article.entities}
        self.executemany(
            'INSERT INTO quotes (doc_id, n, text, start, "end", speaker, speaker_name) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(doc_id, n, q.text, q.start, q.end, q.speaker, names.get(q.speaker or ""))
             for n, q in enumerate(article.quotes)])
        self.index_text(doc_id, article.title, article.text, record["language"])

    def _delete_document(self, doc_id: str) -> set[str]:
        """Remove a document and everything derived from it; returns the merged-event keys it touched."""
        keys = self._event_keys([doc_id])
        self.execute("DELETE FROM documents_fts WHERE doc_id = ?", (doc_id,))
        self.execute("DELETE FROM merged_event_members WHERE doc_id = ?", (doc_id,))
        for table in ("document_bands", "document_signatures", "entities", "events", "facts", "quotes"):
            self.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        self.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return keys

    def index_text(self, doc_id: str, title: str | None, text: str, language: str | None) -> None:
        """Full-text index of the accent- and case-folded title and text (folding keeps offsets), and of their
        words' stems in the document's language (`textsearch`)."""
        self.execute("INSERT INTO documents_fts (doc_id, title, text, stems) VALUES (?, ?, ?, ?)",
                     (doc_id, stories.fold(title or ""), stories.fold(text),
                      textsearch.stemmed_text(title, language) + "\n" + textsearch.stemmed_text(text, language)))

    def _assign_story(self, doc_id: str, signature: Any, text: str = "", language: str | None = None,
                      published: str | None = None) -> list[str]:
        """Link the document to the stored copies of it (near-duplicates and, where sentence vectors are
        available, translations); returns the documents of its story (itself included)."""
        story_ids = self._copy_stories(doc_id, signature) | self._translation_stories(doc_id, text, language,
                                                                                       published)
        if not story_ids:
            return [doc_id]
        story_id = min(story_ids | {doc_id})
        marks = ", ".join("?" for _ in story_ids)
        self.execute(f"UPDATE documents SET story_id = ? WHERE story_id IN ({marks}) OR id = ?",
                     (story_id, *sorted(story_ids), doc_id))
        log.debug("document %s joins story %s", doc_id, story_id)
        return [r["id"] for r in self.rows("SELECT id FROM documents WHERE story_id = ?", (story_id,))]

    def _copy_stories(self, doc_id: str, signature: Any) -> set[str]:
        """Stories of stored near-duplicates (MinHash LSH candidates whose estimated Jaccard passes)."""
        if signature is None:
            return set()
        keys = [f"{band}:{key}" for band, key in stories.band_keys(signature)]
        self.execute("INSERT INTO document_signatures VALUES (?, ?)", (doc_id, self.blob(stories.to_bytes(signature))))
        self.executemany("INSERT INTO document_bands VALUES (?, ?)", [(k, doc_id) for k in keys])
        marks = ", ".join("?" for _ in keys)
        candidates = self.rows(
            f"SELECT DISTINCT b.doc_id, s.signature, d.story_id FROM document_bands b"
            f" JOIN document_signatures s ON s.doc_id = b.doc_id JOIN documents d ON d.id = b.doc_id"
            f" WHERE b.key IN ({marks}) AND b.doc_id <> ?", (*keys, doc_id))
        return {c["story_id"] for c in candidates if stories.is_copy(signature, stories.from_bytes(c["signature"]))}

    def _translation_stories(self, doc_id: str, text: str, language: str | None, published: str | None) -> set[str]:
        """Stories of stored documents in another language, published within a few days, that translate it."""
        window = _date_window(published, stories.TRANSLATION_DAYS)
        if window is None or not language or language == "und" or stories.lead_vectors(text) is None:
            return set()
        candidates = self.rows(
            "SELECT id, text, story_id FROM documents WHERE id <> ? AND language IS NOT NULL AND language <> ?"
            " AND language <> 'und' AND SUBSTR(published, 1, 10) BETWEEN ? AND ? ORDER BY id LIMIT 200",
            (doc_id, language, *window))
        return {c["story_id"] for c in candidates if stories.is_translation(text, c["text"])}

    def _event_keys(self, doc_ids: Iterable[str]) -> set[str]:
        from .merge import merge_key

        ids = sorted(set(doc_ids))
        if not ids:
            return set()
        marks = ", ".join("?" for _ in ids)
        return {merge_key(r["type"], r["source"], r["target"])
                for r in self.rows(f"SELECT type, source, target FROM events WHERE doc_id IN ({marks})", ids)}

    # -- reading --------------------------------------------------------------------------------------------------

    def search_rows(self, terms: list[textsearch.Term], limit: int) -> list[dict[str, Any]]:
        """Documents matching every term (`textsearch.parse_query`), best first (those with the words as written
        first, then by BM25): each document searched with the stems of its own language."""
        selects, params = self._search_selects(
            "SELECT d.id AS doc_id, d.path, d.url, d.title, d.language, d.published, d.outlet, d.story_id, d.text,"
            " bm25(documents_fts) AS score", terms)
        return self.rows(
            f"SELECT * FROM ({' UNION ALL '.join(selects)}) AS found ORDER BY doc_id NOT IN (SELECT doc_id FROM"
            " documents_fts WHERE documents_fts MATCH ?), score, doc_id LIMIT ?",
            (*params, textsearch.fts5_match(textsearch.as_written(terms)), limit))

    def search_count(self, terms: list[textsearch.Term]) -> int:
        """How many documents match every term (see `search_rows`)."""
        selects, params = self._search_selects("SELECT d.id", terms)
        return int(self.scalar(f"SELECT COUNT(*) FROM ({' UNION ALL '.join(selects)}) AS found", params))

    def _search_selects(self, select: str, terms: list[textsearch.Term]) -> tuple[list[str], list[Any]]:
        """One SELECT per group of documents by language (`textsearch.by_language`) and their parameters."""
        selects, params = [], []
        for language, parts in textsearch.by_language(terms):
            condition, values = textsearch.language_condition(language)
            selects.append(f"{select} FROM documents_fts JOIN documents d ON d.id = documents_fts.doc_id"
                           f" WHERE documents_fts MATCH ? AND {condition}")
            params += [textsearch.fts5_match(parts), *values]
        return selects, params

    def summary(self, examples: int = 5) -> dict[str, Any]:
        languages = {r["language"]: r["n"] for r in self.rows(
            "SELECT language, COUNT(*) AS n FROM documents GROUP BY language ORDER BY 2 DESC, 1")}
        types = {r["type"]: r["n"] for r in self.rows(
            "SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY 2 DESC, 1")}
        pairs: Counter[tuple[str, str]] = Counter()
        for row in self.rows("SELECT source, target FROM events WHERE source IS NOT NULL AND target IS NOT NULL"):
            pairs[tuple(sorted((row["source"], row["target"])))] += 1  # type: ignore[arg-type]
        rows = self.rows("""SELECT e.type, e.mode, e.source, e.target, e.date, e.status, e.evidence, d.path
                    FROM events e JOIN documents d ON d.id = e.doc_id
                    ORDER BY e.confidence DESC, d.published DESC, e.doc_id, e.event_id LIMIT ?""", (examples,))
        return {
            "documents": sum(languages.values()), "by_language": languages,
            "events": sum(types.values()), "by_type": types,
            "stories": self.scalar("SELECT COUNT(*) FROM stories"),
            "merged_events": self.scalar("SELECT COUNT(*) FROM merged_events"),
            "top_pairs": [{"pair": list(p), "events": n} for p, n in pairs.most_common(8)],
            "facts": self.scalar("SELECT COUNT(*) FROM facts"),
            "quotes": self.scalar("SELECT COUNT(*) FROM quotes"),
            "failures": self.scalar("SELECT COUNT(*) FROM failures"),
            "examples": rows,
        }


class SQLiteStore(Store):
    """The embedded backend: one SQLite file in WAL mode, transactions managed explicitly."""

    @classmethod
    def connect(cls, path: str, *, any_thread: bool = False) -> SQLiteStore:
        """With `any_thread`, the connection may be used from one thread after another (never two at once: a
        streamed response is read on whichever worker thread is free)."""
        db = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=not any_thread)
        db.row_factory = sqlite3.Row
        _switch_to_wal(db)
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")   # WAL + NORMAL: a committed batch survives a killed process
        return cls(db, path)


def _switch_to_wal(db: sqlite3.Connection, wait: float = 30.0) -> None:
    """PRAGMA journal_mode=WAL, retried while another connection creates the same new file: the switch does not
    wait on the busy timeout as other statements do, and two processes opening a new store at once collide."""
    deadline = time.monotonic() + wait
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def sqlite_path(target: str) -> str:
    """The file a SQLite target names: a plain path, or a ``sqlite:///relative`` / ``sqlite:////absolute`` URL
    (SQLAlchemy's spelling)."""
    if target.startswith("sqlite:///"):
        return target[len("sqlite:///"):] or ":memory:"
    if target.startswith("sqlite://"):
        raise StoreError(f"{target}: a SQLite URL is sqlite:///relative/path.db or sqlite:////absolute/path.db")
    return target


def _sqlite_problem(path: str, err: sqlite3.Error) -> str:
    text = str(err)
    if "not a database" in text:
        return f"{path} is not a Communiqué store (not a SQLite database)"
    if "unable to open" in text:
        folder = os.path.dirname(os.path.abspath(path))
        why = "no such folder" if not os.path.isdir(folder) else "permission denied or not a file"
        return f"cannot open the store {path}: {why}"
    return f"cannot open the store {path}: {text}"


def _backfill_knowledge_base(store: Store) -> None:
    """After 0002: give documents stored before it their search index, story and merged events."""
    from .merge import MERGED_COLUMNS, rebuild_merged_events

    store.execute("UPDATE documents SET story_id = id WHERE story_id IS NULL")
    docs = store.rows("SELECT id, title, text, record, language, published FROM documents ORDER BY id")
    for doc in docs:       # their search index: 0008 indexes every document
        store.executemany(      # the event columns added by 0002, from the stored record
            "UPDATE events SET mutual = ?, date_text = ?, source_text = ?, target_text = ?"
            " WHERE doc_id = ? AND event_id = ?",
            [(int(bool(ev.get("mutual"))), ev.get("date_text"), ev["source"].get("text"), ev["target"].get("text"),
              doc["id"], ev["id"]) for ev in json.loads(doc["record"]).get("events", [])])
        store._assign_story(doc["id"], stories.signature(doc["text"]), doc["text"], doc["language"],
                            doc["published"])
    if docs:
        keys = store._event_keys(d["id"] for d in docs)
        rebuild_merged_events(store, keys, [c for c in MERGED_COLUMNS if c != "evidence_folded"])  # 0007 adds it


def _fold_stored_evidence(store: Store) -> None:
    """After 0007: the folded evidence of the merged events stored before it."""
    store.executemany("UPDATE merged_events SET evidence_folded = ? WHERE id = ?",
                      [(stories.fold(row["evidence"]), row["id"])
                       for row in store.rows("SELECT id, evidence FROM merged_events WHERE evidence_folded IS NULL")])


def _index_stored_documents(store: Store, batch: int = 200) -> None:
    """After 0008: the search index of every stored document made anew, with the stems of its words."""
    store.execute("DELETE FROM documents_fts")
    last = ""
    while docs := store.rows("SELECT id, title, text, language FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                             (last, batch)):
        for doc in docs:
            store.index_text(doc["id"], doc["title"], doc["text"], doc["language"])
        last = docs[-1]["id"]


_AFTER_MIGRATION: dict[str, Callable[[Store], None]] = {"0002_knowledge_base": _backfill_knowledge_base,
                                                        "0007_folded_evidence": _fold_stored_evidence,
                                                        "0008_stemmed_search": _index_stored_documents}


def ingest_paths(store: Store, paths: Iterable[str | os.PathLike[str]], *, settings: Settings | None = None,
                 progress: Callable[[Iterator[Article]], Iterator[Article]] | None = None,
                 reprocess: bool = False) -> IngestStats:
    """Process `paths` and write them to `store` batch by batch (one transaction per batch)."""
    from ..api import process_paths

    settings = ingest_settings(store, settings)
    articles: Iterator[Article] = process_paths(paths, settings=settings)
    if progress is not None:
        articles = progress(articles)
    return write_in_batches(store, articles, settings.batch_size, reprocess=reprocess)


def ingest_settings(store: Store, settings: Settings | None = None) -> Settings:
    """The settings an ingest into `store` runs with: the given ones plus the store's learned actor table."""
    return with_learned_actors(settings or Settings(), load_learned_actors(store))


def write_in_batches(store: Store, articles: Iterable[Article], batch_size: int, *,
                     reprocess: bool = False) -> IngestStats:
    """Write processed articles to `store`, one transaction per batch of `batch_size`; the summed counts."""
    articles = iter(articles)
    total = IngestStats()
    while batch := list(islice(articles, batch_size)):
        stats = store.write_batch(batch, reprocess=reprocess)
        total.stored += stats.stored
        total.unchanged += stats.unchanged
        total.failed += stats.failed
        total.reprocessed += stats.reprocessed
    return total


def format_summary(summary: dict[str, Any]) -> str:
    lines = [f"Documents: {summary['documents']} ("
             + ", ".join(f"{lang} {n}" for lang, n in summary["by_language"].items()) + ")"
             + (f" in {summary['stories']} stories" if summary.get("stories") is not None else ""),
             f"Events: {summary['events']} (" + ", ".join(f"{t} {n}" for t, n in summary["by_type"].items()) + ")"
             + (f", {summary['merged_events']} after merging reports of one event"
                if summary.get("merged_events") is not None else ""),
             f"Facts: {summary['facts']}   Quotes: {summary['quotes']}   Failed inputs: {summary['failures']}",
             "Top country pairs: " + ", ".join(f"{'–'.join(p['pair'])} ({p['events']})" for p in summary["top_pairs"]),
             "", "Example events:"]
    for ex in summary["examples"]:
        when = ex["date"] or "date unknown"
        status = "" if ex["status"] == "occurred" else f" [{ex['status']}]"
        mode = f"/{ex['mode']}" if ex["mode"] else ""
        lines.append(f"  {ex['type']}{mode} {ex['source']} → {ex['target']}, {when}{status}"
                     f"  ({os.path.basename(ex['path'] or '')})")
        lines.append(f"    “{_shorten(ex['evidence'], 150)}”")
    return "\n".join(lines)


def article_from_record(record: dict[str, Any]) -> Article:
    """Rebuild a working Article from a public record (`communique extract` output, or `documents.record`), so
    records processed elsewhere can be stored without running the pipeline again. Error records become failed
    articles."""
    from ..records import ActorRef, Entity, Event, Fact, Location, Mention, Paragraph, Quote, Span

    source = record.get("source") or {}
    article = Article(path=source.get("path"), url=source.get("url"))
    if "error" in record:
        article.fail(record.get("stage") or "read", record["error"])
        return article
    article.outlet, article.title, article.language = source.get("outlet"), record.get("title"), record.get("language")
    article.published, article.text = record.get("published"), record["text"]
    article.stages = dict(record.get("pipeline") or {})
    # the rest of the record too, so that a record rebuilt here renders exactly as it came (Dask shards)
    article.retrieved, article.encoding = source.get("retrieved"), record.get("encoding")
    article.published_inferred = bool(record.get("published_inferred"))
    article.published_source, article.last_modified = record.get("published_source"), source.get("last_modified")
    article.dateline, article.authors = record.get("dateline"), list(record.get("authors") or [])
    article.warnings = list(record.get("warnings") or [])
    article.paragraphs = [Paragraph(p["start"], p["end"], p.get("language")) for p in record.get("paragraphs", [])]
    article.entities = [Entity(e["id"], e["type"], e["name"], e.get("code"), e.get("country"), e.get("role"),
                               e.get("sector"), [Mention(m["start"], m["end"], m["text"]) for m in e["mentions"]])
                        for e in record.get("entities", [])]
    article.events = [Event(
        ev["id"], ev["type"], ActorRef(**ev["source"]), ActorRef(**ev["target"]), Span(**ev["evidence"]), -1,
        mode=ev.get("mode"), date=ev.get("date"), date_text=ev.get("date_text"), status=ev.get("status", "occurred"),
        location=Location(**ev["location"]) if ev.get("location") else None,
        trigger=Span(**ev["trigger"]) if ev.get("trigger") else None, confidence=ev.get("confidence", 0.5),
        mutual=bool(ev.get("mutual")), also=[Span(**s) for s in ev.get("also_evidence") or []],
        cameo=ev.get("cameo"))
        for ev in record.get("events", []) + record.get("unasserted_events", [])]
    article.facts = [Fact(f["type"], list(f["countries"]), f["value"], f["unit"], Span(**f["evidence"]),
                          f.get("period")) for f in record.get("facts", [])]
    article.quotes = [Quote(q["text"], q["start"], q["end"], q.get("speaker")) for q in record.get("quotes", [])]
    return article


def _date_window(published: str | None, days: int) -> tuple[str, str] | None:
    """ISO dates `days` before and after a publication date, or None when it is unknown or not a day."""
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return None
    return (day - timedelta(days=days)).isoformat(), (day + timedelta(days=days)).isoformat()


def _pipeline_json(article: Article) -> str:
    return json.dumps(dict(article.stages), sort_keys=True)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _statements(sql: str) -> list[str]:
    """The statements of a migration file (``--`` comment lines dropped; statements end with ``;``)."""
    code = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in code.split(";") if s.strip()]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
