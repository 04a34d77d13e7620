-- Stemmed search (kb/textsearch.py): the index gains a column of the words' stems, per document language, for bare
-- search words; title and text stay as written for quoted phrases. FTS5 tables cannot gain a column: made anew and
-- filled from the stored documents after this migration.
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(
    doc_id UNINDEXED, title, text, stems, tokenize = 'unicode61 remove_diacritics 2');
