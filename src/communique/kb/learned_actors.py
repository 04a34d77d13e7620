"""The learned actor table in the store (migration ``0004_learned_actors``): what articles' titles teach.

`communique.actors.learned` says what an article teaches (:func:`~communique.actors.learned.lessons`) and how the
`entities` stage uses the table; this module keeps the table: one row per person, role and country, with the dates
it was seen and the documents that taught it. An ingest loads it once (:func:`load_table`), hands it to the
pipeline as plain data in the settings, and records what each batch teaches in the batch's own transaction
(:func:`learn`).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..actors.learned import Lesson, lessons, surname_key
from ..records import Article

if TYPE_CHECKING:
    import pandas as pd

    from .store import Store

#: columns of `communique actors --learned`
LEARNED_COLUMNS = ["name", "role", "country", "sector", "first_seen", "last_seen", "documents", "first_doc",
                   "last_doc"]


def learn(store: Store, articles: Iterable[Article]) -> int:
    """Record the lessons of `articles` (call inside the batch's transaction); returns how many were new.

    A document teaches a fact once: storing it again (reprocessing) changes nothing.
    """
    new = 0
    for article in articles:
        for lesson in lessons(article):
            key = (lesson.name, lesson.role, lesson.country)
            if store.scalar("SELECT 1 FROM learned_actor_documents WHERE name = ? AND role = ? AND country = ?"
                            " AND doc_id = ?", (*key, lesson.doc_id)) is not None:
                continue
            store.execute("INSERT INTO learned_actor_documents VALUES (?, ?, ?, ?, ?)", (*key, lesson.doc_id,
                                                                                        lesson.date))
            _upsert(store, lesson)
            new += 1
    return new


def _upsert(store: Store, lesson: Lesson) -> None:
    rows = store.rows("SELECT first_seen, last_seen, first_doc, documents FROM learned_actors"
                      " WHERE name = ? AND role = ? AND country = ?", (lesson.name, lesson.role, lesson.country))
    if not rows:
        store.execute("INSERT INTO learned_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (lesson.name, surname_key(lesson.name), lesson.role, lesson.country, lesson.sector,
                       lesson.date, lesson.date, 1, lesson.doc_id, lesson.doc_id))
        return
    row = rows[0]
    dates = [d for d in (row["first_seen"], row["last_seen"], lesson.date) if d]
    store.execute("UPDATE learned_actors SET first_seen = ?, last_seen = ?, documents = ?, last_doc = ?,"
                  " sector = COALESCE(sector, ?) WHERE name = ? AND role = ? AND country = ?",
                  (min(dates) if dates else None, max(dates) if dates else None, int(row["documents"]) + 1,
                   lesson.doc_id, lesson.sector, lesson.name, lesson.role, lesson.country))


def load_table(store: Store) -> dict[str, list[list[Any]]]:
    """The learned table as plain data: canonical name → [[role, country, sector, first_seen, last_seen,
    documents], ...] (JSON-able, so it travels in the settings to every worker)."""
    table: dict[str, list[list[Any]]] = {}
    for r in store.rows("SELECT name, role, country, sector, first_seen, last_seen, documents FROM learned_actors"
                        " ORDER BY name, role, country"):
        table.setdefault(r["name"], []).append([r["role"], r["country"], r["sector"], r["first_seen"],
                                                r["last_seen"], int(r["documents"])])
    return table


def learned_frame(store: Store, country: str | None = None) -> pd.DataFrame:
    """The learned table for `communique actors --learned`, most attested first."""
    import pandas as pd

    sql = f"SELECT {', '.join(LEARNED_COLUMNS)} FROM learned_actors"
    params: list[Any] = []
    if country:
        sql += " WHERE country = ?"
        params.append(country)
    rows = store.rows(sql + " ORDER BY documents DESC, name, role", params)
    return pd.DataFrame(rows, columns=LEARNED_COLUMNS)
