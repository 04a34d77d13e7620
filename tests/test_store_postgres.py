"""The store on both backends: every test here runs on SQLite and on a real PostgreSQL server.

PostgreSQL runs where COMMUNIQUE_TEST_PG_URL names a database the tests may create schemas in (.ci/run starts
one); elsewhere the PostgreSQL cases skip with that message.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from urllib.parse import quote

import pytest
from crash_fixtures import CONTENT_QUERIES, assert_same_store, crash_and_rerun
from kb_fixtures import kaz_arg_articles, make_article

from communique import kb
from communique.kb.export import to_text
from communique.kb.postgres import _redact
from communique.kb.store import Store, load_migrations
from communique.samples import articles_dir

PG_URL = os.environ.get("COMMUNIQUE_TEST_PG_URL")
NEEDS_PG = "PostgreSQL store tests need a server: set COMMUNIQUE_TEST_PG_URL=postgresql://... (.ci/run starts one)"


@pytest.fixture
def pg_schemas():
    """Make fresh schemas on the test server (URLs whose search_path is the schema), dropped afterwards."""
    if not PG_URL:
        pytest.skip(NEEDS_PG)
    import psycopg

    made: list[str] = []

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        made.append(schema)
        sep = "&" if "?" in PG_URL else "?"
        return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"

    yield make
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        for schema in made:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def pg_url(pg_schemas):
    """A fresh schema on the test server for each test, dropped afterwards."""
    return pg_schemas()


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("pg_url")


def test_both_backends_have_the_same_migrations():
    assert [name for name, _ in load_migrations("postgresql")] == [name for name, _ in load_migrations("sqlite")]


def test_open_picks_the_backend_and_records_migrations_once(target):
    with Store.open(target) as store:
        assert store.backend == ("postgresql" if target.startswith("postgresql") else "sqlite")
        assert store.migrate() == []
        assert store.applied_migrations() == [name for name, _ in load_migrations("sqlite")]
    with Store.open(target) as again:
        assert again.migrate() == []


def test_ingest_is_idempotent_and_failures_are_kept_once(target):
    failed = make_article("broken.txt", ["x"], [])
    failed.fail("read", "undecodable input")
    with Store.open(target) as store:
        first = store.write_batch(kaz_arg_articles() + [failed])
        second = store.write_batch(kaz_arg_articles() + [failed])
        assert (first.stored, first.failed) == (3, 1)
        assert (second.stored, second.unchanged, second.failed) == (0, 3, 1)
        summary = store.summary()
    assert (summary["documents"], summary["stories"], summary["failures"]) == (3, 2, 1)
    assert summary["events"] == 7 and summary["merged_events"] == 5


def test_a_failed_batch_leaves_nothing_behind(target):
    articles = kaz_arg_articles()
    articles[1].events[0].type = None          # violates NOT NULL: the whole batch must roll back
    with Store.open(target) as store:
        with pytest.raises(Exception):
            store.write_batch(articles)
        assert store.scalar("SELECT COUNT(*) FROM documents") == 0
        assert store.scalar("SELECT COUNT(*) FROM merged_events") == 0


def test_reprocessing_replaces_a_document_processed_by_other_stage_versions(target):
    articles = kaz_arg_articles()
    with Store.open(target) as store:
        store.write_batch(articles)
        newer = kaz_arg_articles()
        newer[2].stages = {"events": "test-2"}
        newer[2].events = newer[2].events[:1]
        assert store.write_batch(newer).unchanged == 3               # not asked: kept
        stats = store.write_batch(newer, reprocess=True)
        assert (stats.reprocessed, stats.unchanged) == (1, 2)
        assert store.scalar("SELECT COUNT(*) FROM events WHERE doc_id = ?", (newer[2].id,)) == 1
        assert kb.events(store, types=["SUPPORT"]).empty


def test_queries_give_the_same_answers_on_both_backends(target, tmp_path):
    text = "Kazajistán inaugura su primer consulado honorario en Lima, informó la cancillería kazaja."
    with Store.open(target) as store:
        store.write_batch(kaz_arg_articles() + [make_article("lima.txt", [text], [], language="es")])
        answers = _answers(store)
    with Store.open(tmp_path / "reference.db") as reference:
        reference.write_batch(kaz_arg_articles() + [make_article("lima.txt", [text], [], language="es")])
        assert answers == _answers(reference)
    assert answers["search"] == ["lima.txt"]


def _values(frame) -> list[list]:
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def _answers(store: Store) -> dict:
    return {
        "events": _values(kb.events(store).drop(columns=["confidence"])),
        "relations": _values(kb.relations(store, "KAZ")),
        "profile": _values(kb.profile(store, "KAZ", "ARG")[["section", "date", "item", "detail", "evidence", "value",
                                                            "actor", "language"]]),
        "profile_since": _values(kb.profile(store, "KAZ", "ARG", since=2024)[["section", "item", "value"]]),
        "headline": [kb.headline(store, between=("KAZ", "ARG")), kb.headline(store, actor="KAZ", until=2023)],
        "balance": kb.balance(store, actor="KAZ"),
        "top": [ev["id"] for ev in kb.top_events(store, actor="KAZ")],
        "actors": _values(kb.actors(store, "KAZ")),
        "search": kb.search(store, "kazajistan consulado")["path"].tolist(),
        "stories": store.rows("SELECT id, documents FROM stories ORDER BY id"),
        "jsonl": to_text(store, "jsonl"),
    }


def test_urls_are_redacted_for_messages():
    assert _redact("postgresql://kb:s3cret@db.example.org:5432/kb") == "postgresql://kb:***@db.example.org:5432/kb"


# -- crash safety ----------------------------------------------------------------------------------------------

def _pg_content(url: str) -> dict[str, list[tuple]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return {name: [tuple(row) for row in conn.execute(sql).fetchall()] for name, sql in CONTENT_QUERIES.items()}


def _pg_stored(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=2) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except psycopg.Error:          # tables not created yet
        return 0


def test_an_ingest_killed_mid_run_and_run_again_ends_as_a_clean_run_on_postgresql(pg_schemas, tmp_path):
    partial, after, expected = crash_and_rerun(tmp_path, pg_schemas(), pg_schemas(), stored=_pg_stored,
                                               content=_pg_content)
    assert 2 <= len(partial["documents"]) < len(expected["documents"])
    assert_same_store(after, expected)


def _consistent_snapshot(store: Store) -> int:
    """Check, inside one read snapshot, that every stored document is whole; returns how many there are."""
    with store.snapshot():
        docs = store.rows("SELECT id, record FROM documents")
        events = store.rows("SELECT doc_id, COUNT(*) AS n FROM events GROUP BY doc_id")
        indexed = {row["doc_id"] for row in store.rows("SELECT doc_id FROM documents_fts")}
        members = store.rows("SELECT k.doc_id, k.event_id FROM merged_event_members k LEFT JOIN events e"
                             " ON e.doc_id = k.doc_id AND e.event_id = k.event_id WHERE e.event_id IS NULL")
    counts = {row["doc_id"]: row["n"] for row in events}
    for doc in docs:
        assert counts.get(doc["id"], 0) == len(json.loads(doc["record"])["events"]), doc["id"]
        assert doc["id"] in indexed, doc["id"]
    assert members == []
    return len(docs)


def test_a_reader_during_an_ingest_never_sees_a_half_written_article(target, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(articles_dir().glob("en*.txt"))[:5]:
        (inputs / path.name).write_bytes(path.read_bytes())
    with Store.open(target):
        pass                       # tables exist before the writer starts
    writer = subprocess.Popen([sys.executable, "-m", "communique", "--language", "en", "ingest", str(inputs), "--quiet",
                               "--db", target], env={**os.environ, "COMMUNIQUE_BATCH_SIZE": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = set()
    with Store.open(target) as reader:
        while writer.poll() is None:
            seen.add(_consistent_snapshot(reader))
            time.sleep(0.02)
        assert writer.wait() == 0, writer.stderr.read().decode()[-2000:]
        seen.add(_consistent_snapshot(reader))
    assert max(seen) == 5 and len(seen) >= 2       # it read while documents were arriving
