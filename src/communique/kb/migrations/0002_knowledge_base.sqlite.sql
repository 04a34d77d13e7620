-- Full-text search over accent-folded text: SQLite's FTS5 with the unicode61 tokenizer.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2');
