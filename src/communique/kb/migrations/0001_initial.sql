-- The tables of one processed article: its record, entities, events, facts, quotes; and failed inputs.
CREATE TABLE documents (
    id TEXT PRIMARY KEY, path TEXT, url TEXT, outlet TEXT, language TEXT, published TEXT, title TEXT,
    text TEXT NOT NULL, record TEXT NOT NULL, pipeline TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, entity_id TEXT NOT NULL,
    type TEXT NOT NULL, name TEXT NOT NULL, code TEXT, country TEXT, role TEXT, sector TEXT,
    mentions INTEGER NOT NULL, PRIMARY KEY (doc_id, entity_id));
CREATE TABLE events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, event_id TEXT NOT NULL,
    type TEXT NOT NULL, mode TEXT, source TEXT, target TEXT, source_entity TEXT, target_entity TEXT,
    date TEXT, status TEXT NOT NULL, location TEXT, evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL, confidence REAL, PRIMARY KEY (doc_id, event_id));
CREATE INDEX events_pair ON events (source, target);
CREATE INDEX events_type_date ON events (type, date);
CREATE TABLE facts (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL, type TEXT NOT NULL,
    countries TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, period TEXT, evidence TEXT NOT NULL,
    PRIMARY KEY (doc_id, n));
CREATE TABLE quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, speaker TEXT, speaker_name TEXT, PRIMARY KEY (doc_id, n));
CREATE TABLE failures (
    path TEXT NOT NULL, stage TEXT, reason TEXT NOT NULL, at TEXT NOT NULL);
