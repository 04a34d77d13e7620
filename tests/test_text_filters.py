"""Text filters on events find the same merged events on SQLite and PostgreSQL, in any script and case."""
from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from kb_fixtures import make_article
from test_store_postgres import pg_schemas, pg_url

from communique import kb
from communique.kb.store import Store, load_migrations

FIXTURES = (pg_schemas, pg_url)
PAIR_FIRST = {"RUS": "KAZ", "MEX": "ESP", "KAZ": "ARG"}     # a mutual event lists its actors in code order
SENTENCES = ["Россия и Казахстан подписали соглашение в Астане.",
             "México y ESPAÑA firmaron un acuerdo en Madrid.",
             "Kazakhstan and Argentina held talks in Buenos Aires."]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    target = str(tmp_path / "kb.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with Store.open(target) as opened:
        opened.write_batch([
            make_article("ru.txt", [SENTENCES[0]], [{"type": "AGREE", "source": "RUS", "target": "KAZ",
                                                     "sentence": 0, "mutual": True}], language="ru"),
            make_article("es.txt", [SENTENCES[1]], [{"type": "AGREE", "source": "MEX", "target": "ESP",
                                                     "sentence": 0, "mutual": True}], language="es"),
            make_article("en.txt", [SENTENCES[2]], [{"type": "CONSULT", "source": "KAZ", "target": "ARG",
                                                     "sentence": 0, "mutual": True}])])
        yield opened


@pytest.mark.parametrize("text, expected", [
    ("Россия", ["RUS"]), ("россия", ["RUS"]), ("РОССИЯ", ["RUS"]), ("казахстан", ["RUS"]),
    ("españa", ["MEX"]), ("ESPANA", ["MEX"]), ("mexico", ["MEX"]), ("buenos aires", ["KAZ"]),
    ("100%", []), ("_", [])])
def test_text_filters_fold_case_and_accents_in_any_script_on_both_backends(store, text, expected):
    found = kb.queries.event_rows(store, text=text)
    assert sorted(row["actor1"] for row in found) == sorted(PAIR_FIRST[code] for code in expected)
    assert kb.queries.count_events(store, text=text) == len(expected)


def test_merged_events_stored_before_the_folded_column_get_it(tmp_path):
    """A store made before 0007 is upgraded: its merged events are folded and filtered like new ones."""
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        store.write_batch([make_article("ru.txt", [SENTENCES[0]], [
            {"type": "AGREE", "source": "RUS", "target": "KAZ", "sentence": 0, "mutual": True}], language="ru")])
    with closing(sqlite3.connect(path)) as db:        # back to the state before the migration
        db.execute("UPDATE merged_events SET evidence_folded = NULL")
        db.execute("DELETE FROM migrations WHERE name = '0007_folded_evidence'")
        db.execute("ALTER TABLE merged_events DROP COLUMN evidence_folded")
        db.commit()
    with Store.open(path) as store:
        assert store.applied_migrations() == [name for name, _ in load_migrations("sqlite")]
        assert [row["actor2"] for row in kb.queries.event_rows(store, text="РОССИЯ")] == ["RUS"]
