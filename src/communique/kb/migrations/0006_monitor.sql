-- Monitoring (communique.monitor, `communique watch`): what was fetched, when, and what came of it, so that a watch
-- killed at any moment resumes where it stopped. One row per URL as normalised (tracking parameters dropped):
-- feeds, sitemaps and URL lists (`kind` = feed | sitemap | urls | auto) are polled again each pass with conditional
-- GETs (etag, last_modified); a page (`kind` = page) is discovered as `pending` in the same transaction that stores
-- its source's new validators, and becomes `done` (doc_id), `duplicate` (the same article under another URL),
-- `skipped` (not HTML), `disallowed` (robots.txt), `retry` or `failed` (reason). next_poll holds back a source or a
-- page after failures or a Retry-After; pages are fetched in the order they were listed (discovered_at, position); files and folders are rows too (file:// URLs, last_modified = mtime:size).
CREATE TABLE fetch_state (
    url TEXT PRIMARY KEY, kind TEXT NOT NULL, source TEXT, state TEXT NOT NULL, reason TEXT,
    canonical_url TEXT, final_url TEXT, etag TEXT, last_modified TEXT, last_status INTEGER, doc_id TEXT,
    published TEXT, discovered_at TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0, fetched_at TEXT,
    next_poll TEXT, failures INTEGER NOT NULL DEFAULT 0);
CREATE INDEX fetch_state_state ON fetch_state (kind, state, discovered_at, position);
CREATE INDEX fetch_state_canonical ON fetch_state (canonical_url);
CREATE INDEX documents_url ON documents (url);
