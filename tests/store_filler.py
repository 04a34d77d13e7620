"""Fill a store with many synthetic merged events quickly (plain SQL, no NLP): for tests of size limits."""
from __future__ import annotations

import json

from communique.kb.store import Store

PAIRS = [("KAZ", "ARG"), ("RUS", "KAZ"), ("ESP", "MEX"), ("BRA", "KAZ")]


def fill_events(store: Store, count: int, *, evidence: str = "Kazakhstan and Argentina signed an agreement.") -> None:
    """One document holding `count` reports, each its own merged event (ids 16 hex digits)."""
    rows = [(f"{n:016x}", PAIRS[n % len(PAIRS)], f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}")
            for n in range(count)]
    with store.transaction():
        store.execute(
            "INSERT INTO documents (id, path, url, outlet, language, published, title, text, record, pipeline,"
            " ingested_at, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ("f" * 16, "bulk.txt", "https://news.example/bulk", "Bulk News", "en", "2024-01-01", "Bulk",
             evidence, json.dumps({"id": "f" * 16, "events": []}), "{}", "2024-01-01T00:00:00+00:00", "f" * 16))
        store.executemany(
            "INSERT INTO events (doc_id, event_id, type, mode, source, target, date, status, evidence,"
            " evidence_start, evidence_end, confidence, mutual) VALUES (?, ?, 'AGREE', 'sign', ?, ?, ?, 'occurred',"
            " ?, 0, ?, 0.9, 1)",
            [("f" * 16, f"e{n}", a, b, day, evidence, len(evidence)) for n, ((a, b)), day in
             ((int(i, 16), pair, day) for i, pair, day in rows)])
        store.executemany(
            "INSERT INTO merged_events (id, key, type, mode, actor1, actor2, mutual, date, year, status, num_articles,"
            " num_sources, num_outlets, confidence, doc_id, event_id, evidence) VALUES (?, ?, 'AGREE', 'sign', ?, ?,"
            " 1, ?, ?, 'occurred', 1, 1, 1, 0.9, ?, ?, ?)",
            [(ident, f"AGREE|{a}|{b}", a, b, day, int(day[:4]), "f" * 16, f"e{int(ident, 16)}", evidence)
             for ident, (a, b), day in rows])
        store.executemany("INSERT INTO merged_event_members (merged_id, doc_id, event_id) VALUES (?, ?, ?)",
                          [(ident, "f" * 16, f"e{int(ident, 16)}") for ident, _, _ in rows])
