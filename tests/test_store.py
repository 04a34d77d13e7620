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


def test_a_store_created_by_another_process_while_this_one_migrates_is_used_as_is(tmp_path):
    """The race of two `ingest` runs on a new file, made certain: this connection reads the (empty) migration table,
    then another one creates the whole store before this one applies anything."""
    from communique.kb.store import SQLiteStore

    path = str(tmp_path / "new.db")

    class Overtaken(SQLiteStore):
        raced = False

        def rows(self, sql, params=()):
            found = super().rows(sql, params)
            if sql.startswith("SELECT name FROM migrations") and not self.raced:
                self.raced = True
                with Store.open(path):          # the other run: creates every table
                    pass
            return found

    store = Overtaken.connect(path)
    try:
        assert store.migrate() == [] and store.raced
        assert store.applied_migrations() == [name for name, _ in load_migrations("sqlite")]
    finally:
        store.close()


def test_concurrent_opens_of_a_new_store_all_succeed(tmp_path):
    import threading

    for round_ in range(5):
        path = tmp_path / f"new-{round_}.db"
        start, errors = threading.Barrier(4), []

        def open_store() -> None:
            start.wait()
            try:
                with Store.open(path):
                    pass
            except Exception as err:        # noqa: BLE001 - collected for the assertion
                errors.append(repr(err))

        threads = [threading.Thread(target=open_store) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with Store.open(path) as store:
            assert store.applied_migrations() == [name for name, _ in load_migrations("sqlite")]
