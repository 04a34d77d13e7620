-- Full-text search over accent-folded text: a tsvector with the 'simple' configuration (no stemming).
CREATE TABLE documents_fts (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, title TEXT, text TEXT,
    tsv TSVECTOR NOT NULL);
CREATE INDEX documents_fts_tsv ON documents_fts USING GIN (tsv);
