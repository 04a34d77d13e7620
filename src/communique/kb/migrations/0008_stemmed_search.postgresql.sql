-- Stemmed search (kb/textsearch.py): a vector of the words' stems, per document language, for bare search words;
-- tsv stays as written for quoted phrases. Filled for the stored documents after this migration.
ALTER TABLE documents_fts ADD COLUMN stems TSVECTOR NOT NULL DEFAULT '';
CREATE INDEX documents_fts_stems ON documents_fts USING GIN (stems);
