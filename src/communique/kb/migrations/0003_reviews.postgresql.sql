-- Analysts' reviews of events (an audit log: rows are only ever added); see 0003_reviews.sqlite.sql.
CREATE TABLE reviews (
    id BIGSERIAL PRIMARY KEY, doc_id TEXT NOT NULL, event_id TEXT NOT NULL, merged_id TEXT,
    merged_key TEXT, action TEXT NOT NULL, type TEXT, actor1 TEXT, actor2 TEXT, date TEXT, reviewer TEXT NOT NULL,
    note TEXT, at TEXT NOT NULL);
CREATE INDEX reviews_report ON reviews (doc_id, event_id, id);
