-- Stories (near-duplicate copies), merged events (one event from many articles); full-text search is per backend.
ALTER TABLE documents ADD COLUMN story_id TEXT;
CREATE INDEX documents_story ON documents (story_id);
ALTER TABLE events ADD COLUMN mutual INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN date_text TEXT;
ALTER TABLE events ADD COLUMN source_text TEXT;
ALTER TABLE events ADD COLUMN target_text TEXT;
CREATE TABLE document_signatures (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, signature BLOB NOT NULL);
CREATE TABLE document_bands (
    key TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, doc_id));
CREATE TABLE merged_events (
    id TEXT PRIMARY KEY, key TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, actor1 TEXT, actor2 TEXT,
    mutual INTEGER NOT NULL, date TEXT, year INTEGER, status TEXT NOT NULL, num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL, num_outlets INTEGER NOT NULL, confidence REAL, doc_id TEXT NOT NULL,
    event_id TEXT NOT NULL, evidence TEXT NOT NULL);
CREATE INDEX merged_events_key ON merged_events (key);
CREATE INDEX merged_events_actors ON merged_events (actor1, actor2);
CREATE TABLE merged_event_members (
    merged_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (doc_id, event_id));
CREATE INDEX merged_members_merged ON merged_event_members (merged_id);
CREATE INDEX failures_path ON failures (path);
CREATE VIEW stories AS
    SELECT story_id AS id, COUNT(*) AS documents, COUNT(DISTINCT outlet) AS outlets,
           MIN(published) AS first_published, MAX(published) AS last_published
    FROM documents GROUP BY story_id;
