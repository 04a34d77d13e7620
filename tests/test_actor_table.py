"""The learned actor table: a title in one article teaches who a person is; a later article naming only the
surname resolves through the store, on SQLite and on PostgreSQL."""
from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest

from communique import kb
from communique.actors.learned import OPTION, LearnedActors, surname_key, with_learned_actors
from communique.kb.learned_actors import load_table
from communique.kb.store import Store, ingest_paths
from communique.settings import Settings

PG_URL = os.environ.get("COMMUNIQUE_TEST_PG_URL")

TEACHER = ("Astana, 12 March 2024 - Kazakh Deputy Foreign Minister Alibek Bakayev held talks with the Argentine "
           "ambassador on trade and consular matters. The two sides agreed to expand cooperation.")
LATER = ("Buenos Aires, 20 May 2024 - Bakayev met Argentine officials at the Palacio San Martin to prepare the "
         "visit of a business delegation. The talks covered energy and agriculture.")
LATER_ES = ("Buenos Aires, 21 de mayo de 2024. Bakayev se reunió con funcionarios argentinos en el Palacio San "
            "Martín para preparar la visita de una delegación empresarial.")
UNRELATED = ("Montevideo, 22 May 2024 - Carlos Bakayev, a local musician, played at the festival on Sunday. "
             "The crowd enjoyed the concert in the old town.")


@pytest.fixture
def pg_url():
    """A fresh schema on the test PostgreSQL server, dropped afterwards (skips without a server)."""
    if not PG_URL:
        pytest.skip("PostgreSQL store tests need COMMUNIQUE_TEST_PG_URL")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("pg_url")


def _write(folder, name: str, text: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _person(store: Store, doc_path: str, surname: str) -> dict | None:
    doc = store.rows("SELECT id FROM documents WHERE path LIKE ?", (f"%{doc_path}",))
    assert doc, f"{doc_path} not stored"
    rows = store.rows("SELECT name, country, role FROM entities WHERE doc_id = ? AND type = 'PERSON'",
                      (doc[0]["id"],))
    return next((r for r in rows if surname in r["name"]), None)


def test_a_title_teaches_and_a_later_bare_surname_resolves(target, tmp_path):
    with Store.open(target) as store:
        ingest_paths(store, [_write(tmp_path / "a", "teacher.txt", TEACHER)])
        learned = store.rows("SELECT name, role, country, documents, first_doc FROM learned_actors")
        assert [(r["name"], r["role"], r["country"], r["documents"]) for r in learned] == \
            [("Alibek Bakayev", "deputy foreign minister", "KAZ", 1)]
        assert learned[0]["first_doc"]

        ingest_paths(store, [_write(tmp_path / "b", "later.txt", LATER), _write(tmp_path / "b", "later_es.txt",
                                                                                   LATER_ES)])
        for name in ("later.txt", "later_es.txt"):
            person = _person(store, name, "Bakayev")
            assert person is not None, name
            assert (person["name"], person["country"], person["role"]) == \
                ("Alibek Bakayev", "KAZ", "deputy foreign minister")

        frame = kb.actors(store, "KAZ", learned=True)
        assert list(frame["name"]) == ["Alibek Bakayev"]


def test_reprocessing_does_not_count_a_document_twice(target, tmp_path):
    path = _write(tmp_path / "a", "teacher.txt", TEACHER)
    with Store.open(target) as store:
        ingest_paths(store, [path])
        ingest_paths(store, [path], reprocess=True)
        assert store.scalar("SELECT documents FROM learned_actors WHERE name = 'Alibek Bakayev'") == 1


def test_another_first_name_is_not_the_learned_person(tmp_path):
    with Store.open(str(tmp_path / "kb.db")) as store:
        ingest_paths(store, [_write(tmp_path / "a", "teacher.txt", TEACHER)])
        ingest_paths(store, [_write(tmp_path / "b", "unrelated.txt", UNRELATED)])
        person = _person(store, "unrelated.txt", "Bakayev")
        assert person is None or person["country"] != "KAZ"


def test_the_table_travels_as_a_json_stage_option():
    table = {"Alibek Bakayev": [["deputy foreign minister", "KAZ", "GOV", "2024-03-12", "2024-03-12", 1]]}
    settings = with_learned_actors(Settings(), table)
    assert settings.stage_options["entities"][OPTION] == table
    settings.model_dump_json()                       # hashable key of the pipeline cache
    assert with_learned_actors(Settings(), {}) == Settings()


def test_the_role_closest_to_the_date_wins():
    table = {"Yerzhan Ashikbayev": [["deputy foreign minister", "KAZ", "GOV", "2014-05-01", "2019-01-10", 4],
                                    ["ambassador", "KAZ", "GOV", "2020-02-01", "2022-06-01", 2]]}
    learned = LearnedActors(table)
    key = learned.find("Ashikbayev")
    assert key == "yerzhan ashikbayev"
    assert learned.find("Ашикбаев") == key                     # Cyrillic surname, transliterated
    assert learned.role_on(key, "2016-03-01").role == "deputy foreign minister"
    assert learned.role_on(key, "2021-03-01").role == "ambassador"
    assert learned.role_on(key, "2019-06-01").role == "deputy foreign minister"   # latest seen before
    assert learned.role_on(key, None).role == "deputy foreign minister"          # most attested


def test_a_surname_two_learned_people_share_is_not_resolved():
    learned = LearnedActors({"Alibek Bakayev": [["deputy foreign minister", "KAZ", "GOV", None, None, 1]],
                             "Marat Bakayev": [["mayor", "KGZ", "GOV", None, None, 1]]})
    assert learned.find("Bakayev") is None
    assert learned.find("Marat Bakayev") == "marat bakayev"
    assert surname_key("Ержан Ашикбаев") == "ashikbayev"


def test_empty_store_gives_an_empty_table(tmp_path):
    with Store.open(str(tmp_path / "kb.db")) as store:
        assert load_table(store) == {}
        assert kb.actors(store, learned=True).empty
