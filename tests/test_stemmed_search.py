"""Stemmed search (issue 22 row 7): a bare word finds its other forms in English, Spanish and Russian articles, with
the same results on SQLite and PostgreSQL; quoted phrases stay exact; stores made before it are re-indexed."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from kb_fixtures import make_article
from test_store_postgres import pg_schemas, pg_url

from communique import kb
from communique.cli.kb import search_cli
from communique.kb.store import Store, load_migrations
from communique.kb.textsearch import parse_query, stemmed_text
from communique.web import create_app

FIXTURES = (pg_schemas, pg_url)

ARTICLES = [
    ("efe-lima.txt", "es", ["Argentina y Kazajistán firmaron en Buenos Aires dos acuerdos de cooperación en "
                            "energía nuclear y minería.",
                            "La cancillería argentina informó que las negociaciones continuarán en Astaná."]),
    ("efe-madrid.txt", "es", ["El ministro de Asuntos Exteriores recibió a su homólogo kazajo, con quien repasó "
                              "el acuerdo de exención de visados vigente desde 2019."]),
    ("kazinform.txt", "en", ["Kazakhstan and Argentina signed agreements on visa exemption and on cooperation in "
                             "agriculture, the Foreign Ministry said.",
                             "The sides agreed to hold the next round of political consultations in Astana."]),
    ("astana-times.txt", "en", ["Deputy Foreign Minister Roman Vassilenko held talks in Buenos Aires and visited the "
                                "honorary consulate; an agreement on air services is being drafted."]),
    ("tass.txt", "ru", ["Казахстан и Аргентина подписали соглашения о сотрудничестве в области сельского хозяйства, "
                        "сообщил МИД республики."]),
    ("ria.txt", "ru", ["Стороны обсудили ход выполнения ранее подписанных соглашений и договорились о новых "
                       "консультациях."]),
    ("interfax.txt", "ru", ["Министр иностранных дел провёл телефонный разговор с коллегой; соглашение о "
                            "безвизовом режиме вступит в силу в мае."]),
    ("dpa.txt", "de", ["Kasachstan und Argentinien unterzeichneten ein Abkommen über Visafreiheit."]),
]


def articles():
    return [make_article(path, sentences, [], language=language) for path, language, sentences in ARTICLES]


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("pg_url")


def found(store, query: str) -> set[str]:
    return set(kb.search(store, query)["path"])


def all_answers(store) -> dict[str, set[str]]:
    return {q: found(store, q) for q in QUERIES}


#: query -> the articles it must find (and no others)
QUERIES = {
    "acuerdo": {"efe-lima.txt", "efe-madrid.txt"},
    "acuerdos": {"efe-lima.txt", "efe-madrid.txt"},
    "agreement": {"kazinform.txt", "astana-times.txt"},
    "agreements": {"kazinform.txt", "astana-times.txt"},
    "соглашение": {"tass.txt", "ria.txt", "interfax.txt"},
    "соглашений": {"tass.txt", "ria.txt", "interfax.txt"},
    "cooperacion energia": {"efe-lima.txt"},                # accents aside, every word in some form
    "negociacion": {"efe-lima.txt"},
    "consultation": {"kazinform.txt"},
    "консультации": {"ria.txt"},
    '"acuerdo"': {"efe-madrid.txt"},                        # quoted: as written, no stemming
    '"agreements on"': {"kazinform.txt"},
    '"соглашение о безвизовом"': {"interfax.txt"},
    "agreement Buenos": {"astana-times.txt"},
    "соглашение Аргентина": {"tass.txt"},
    "consulates": {"astana-times.txt"},
    "consulado": set(),                                    # a Spanish stem never matches an English article
    "abkommen": {"dpa.txt"},                               # no German stemmer: the word as written
    "abkommens": set(),
}


def test_stemmed_search_per_language_on_both_backends(target, tmp_path):
    with Store.open(target) as store:
        store.write_batch(articles())
        answers = all_answers(store)
    assert answers == QUERIES
    if target.startswith("postgresql"):
        with Store.open(tmp_path / "reference.db") as reference:
            reference.write_batch(articles())
            assert all_answers(reference) == answers


def test_counts_and_the_words_that_matched(target):
    with Store.open(target) as store:
        store.write_batch(articles())
        assert store.search_count(parse_query("соглашения")) == 3
        assert store.search_count(parse_query("acuerdo cooperación")) == 1
        row = kb.search(store, "соглашение").set_index("path").loc["ria.txt"]
        assert row["matched"] == ["соглашений"] and "соглашений" in row["snippet"]
        assert kb.search(store, "acuerdo").set_index("path").loc["efe-lima.txt", "matched"] == ["acuerdos"]


def test_the_words_as_written_rank_first(target):
    with Store.open(target) as store:
        store.write_batch(articles())
        assert kb.search(store, "acuerdo")["path"].tolist() == ["efe-madrid.txt", "efe-lima.txt"]
        assert kb.search(store, "acuerdos")["path"].tolist() == ["efe-lima.txt", "efe-madrid.txt"]
        assert kb.search(store, "agreement")["path"].tolist() == ["astana-times.txt", "kazinform.txt"]
        assert kb.search(store, "соглашение")["path"].tolist()[0] == "interfax.txt"


def test_stems_follow_the_document_language():
    assert stemmed_text("Acuerdos de cooperación en energía", "es") == "acuerd de cooper en energ energi"
    assert stemmed_text("Соглашений о сотрудничестве", "ru") == "соглашен о сотрудничеств"
    assert stemmed_text("agreements", "en") == "agreement"
    assert stemmed_text("Acuerdos", "de") == "acuerdos"               # no stemmer: the folded words
    assert stemmed_text("Acuerdos", None) == "acuerdos"


def test_a_store_indexed_before_stemming_is_reindexed(target):
    """The index of a store at migration 0007 (title and text only) gains the stems when it is opened."""
    with Store.open(target) as store:
        store.write_batch(articles())
        with store.transaction():
            if store.backend == "sqlite":
                store.execute("DROP TABLE documents_fts")
                store.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text,"
                              " tokenize = 'unicode61 remove_diacritics 2')")
                store.execute("INSERT INTO documents_fts SELECT id, LOWER(title), LOWER(text) FROM documents")
            else:
                store.execute("ALTER TABLE documents_fts DROP COLUMN stems")
            store.execute("DELETE FROM migrations WHERE name = '0008_stemmed_search'")
        documents = store.rows("SELECT id, text FROM documents ORDER BY id")
    with Store.open(target) as upgraded:
        assert upgraded.applied_migrations() == [name for name, _ in load_migrations("sqlite")]
        assert upgraded.rows("SELECT id, text FROM documents ORDER BY id") == documents
        assert upgraded.scalar("SELECT COUNT(*) FROM documents_fts") == len(documents)
        assert all_answers(upgraded) == QUERIES


def test_cli_and_http_search_are_stemmed(tmp_path):
    db = str(tmp_path / "kb.db")
    with Store.open(db) as store:
        store.write_batch(articles())
    result = CliRunner().invoke(search_cli, ["--db", db, "соглашение", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["path"] for line in result.output.splitlines()} == QUERIES["соглашение"]
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        page = client.get("/api/search", params={"q": "acuerdo"}).json()
        assert page["total"] == 2 and {r["path"] for r in page["items"]} == QUERIES["acuerdo"]
        assert client.get("/api/search", params={"q": '"acuerdo"'}).json()["total"] == 1
