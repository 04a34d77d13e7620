"""The knowledge base: the store, merged events, stories and the questions users ask of them.

Owns the store and its backends (embedded SQLite by default, PostgreSQL when shared) with their migrations,
ingest (serial, process pool or Dask), syndicated copies grouped into stories, reports of one event merged across
articles, the learned actor table, the queries (events, relations, profiles with their headline figures, balance, search, actors) and the
exports.

May import: everything below it — the foundation, the pipeline and the Python API (`communique.api`), and the
stage wings for their records and language data. The interfaces (`cli`, `web`, `bench`) import it, never the
reverse.

The queries return pandas DataFrames and are the Python API of the knowledge base::

    >>> from communique import kb
    >>> from communique.kb import Store
    >>> kb.events(Store.open("kb.db"), between=("KAZ", "ARG"))
    >>> kb.events("kb.db", between=("kaz", "Argentina"), types="consult")   # a path, codes or names, any case

An unknown actor, event type or status raises `FilterError` naming the nearest valid ones (`kb.filters`).
"""
from .queries import (
                      actors,
                      balance,
                      count_events,
                      document_rows,
                      event_rows,
                      events,
                      evidence,
                      headline,
                      profile,
                      relations,
                      search,
                      top_events,
)
from .filters import FilterError
from .sayings import facts, quotes
from .store import Store

__all__ = ["FilterError", "Store", "actors", "balance", "count_events", "document_rows", "event_rows", "events", "evidence",
           "facts", "headline", "profile", "quotes", "relations", "search", "top_events"]
