-- Analysts' reviews of events (an audit log: rows are only ever added). A review names the report it was made on
-- (doc_id, event_id): reports keep their ids when a document is re-ingested, merged events do not, so no foreign
-- key ties a review to rows that re-ingest deletes and writes again. merged_id and merged_key record what the
-- reviewer saw at the time.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL, event_id TEXT NOT NULL, merged_id TEXT,
    merged_key TEXT, action TEXT NOT NULL, type TEXT, actor1 TEXT, actor2 TEXT, date TEXT, reviewer TEXT NOT NULL,
    note TEXT, at TEXT NOT NULL);
CREATE INDEX reviews_report ON reviews (doc_id, event_id, id);
