-- Sources added through the HTTP API, watchlists (saved queries) and their alerts, with webhook delivery state
-- and every failed delivery attempt (PostgreSQL's own auto-numbered keys). See 0006_monitor.sql for the fetch state.
CREATE TABLE watch_sources (
    id BIGSERIAL PRIMARY KEY, url TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT,
    added_at TEXT NOT NULL, added_by TEXT NOT NULL);
CREATE TABLE watchlists (
    id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, actor1 TEXT, actor2 TEXT, actor TEXT,
    types TEXT NOT NULL, statuses TEXT NOT NULL, keywords TEXT NOT NULL, min_sources INTEGER NOT NULL DEFAULT 1,
    webhook TEXT, secret TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE alerts (
    id BIGSERIAL PRIMARY KEY, watchlist_id BIGINT NOT NULL, merged_id TEXT NOT NULL,
    merged_key TEXT NOT NULL, members TEXT NOT NULL, kind TEXT NOT NULL, event TEXT NOT NULL, created_at TEXT NOT NULL,
    read_at TEXT, delivery TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, next_attempt TEXT,
    delivered_at TEXT, UNIQUE (watchlist_id, merged_id));
CREATE INDEX alerts_watchlist ON alerts (watchlist_id, kind, read_at);
CREATE INDEX alerts_delivery ON alerts (delivery, next_attempt);
CREATE TABLE webhook_attempts (
    id BIGSERIAL PRIMARY KEY, alert_id BIGINT NOT NULL, at TEXT NOT NULL, status INTEGER,
    error TEXT);
CREATE INDEX webhook_attempts_alert ON webhook_attempts (alert_id);
