"""The embedded SQLite store: migrations, idempotent ingest, failures kept, summary."""
from __future__ import annotations

import sqlite3

from communique.kb.store import Store, ingest_paths, load_migrations

EN = ("Kazakh Foreign Minister Murat Nurtleu met with Turkish Foreign Minister Hakan Fidan in Ankara on Monday. "
      "The ministers signed a memorandum of understanding on consular cooperation.")
ES = "El presidente Tokáyev se reunió con Vladímir Putin en Moscú. Ambos firmaron una declaración conjunta."


def write(tmp_path, name, text):
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_is_idempotent_and_records_failures(tmp_path):
    write(tmp_path, "a.txt", EN)
    write(tmp_path, "b.txt", ES)
    write(tmp_path, "c.txt", EN)               # same content as a.txt: stored once
    db = tmp_path / "kb.db"
    with Store.open(db) as store:
        first = ingest_paths(store, [tmp_path / "in", tmp_path / "missing.txt"])
        again = ingest_paths(store, [tmp_path / "in"])
        assert (first.stored, first.unchanged, first.failed) == (2, 1, 1)
        assert (again.stored, again.unchanged, again.failed) == (0, 3, 0)
        summary = store.summary()
    assert summary["documents"] == 2 and summary["by_language"] == {"en": 1, "es": 1}
    assert summary["failures"] == 1
    rows = sqlite3.connect(db).execute("SELECT path, reason FROM failures").fetchall()
    assert rows[0][0].endswith("missing.txt") and "no such file" in rows[0][1]


def test_migrations_are_recorded_once(tmp_path):
    db = tmp_path / "kb.db"
    with Store.open(db) as store:
        assert store.migrate() == []           # already applied on open
    names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM migrations")]
    assert names == [name for name, _ in load_migrations("sqlite")] and names[0] == "0001_initial"
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_events_are_stored_with_their_evidence(tmp_path):
    write(tmp_path, "a.txt", EN)
    db = tmp_path / "kb.db"
    with Store.open(db) as store:
        ingest_paths(store, [tmp_path / "in"])
        rows = store.db.execute("SELECT type, source, target, evidence FROM events").fetchall()
        text = store.db.execute("SELECT text FROM documents").fetchone()[0]
    for row in rows:
        assert row["evidence"] in text
