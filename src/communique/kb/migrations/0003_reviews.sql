-- Indexes for the HTTP API's main queries on large stores: newest-first event lists (the expression index matches
-- kb.event_rows' ORDER BY), events of one country on either side, documents newest first, years and types; the
-- latest ingest (the API's answers are remembered until the store changes).
CREATE INDEX merged_events_newest ON merged_events ((date IS NULL), date DESC, type, id);
CREATE INDEX merged_events_actor2 ON merged_events (actor2, actor1);
CREATE INDEX merged_events_actor1_newest ON merged_events (actor1, (date IS NULL), date DESC, type, id);
CREATE INDEX merged_events_actor2_newest ON merged_events (actor2, (date IS NULL), date DESC, type, id);
CREATE INDEX merged_events_pair_type ON merged_events (actor1, actor2, type);
CREATE INDEX merged_events_type ON merged_events (type, year);
CREATE INDEX merged_events_year ON merged_events (year);
CREATE INDEX documents_published ON documents (published, id);
CREATE INDEX documents_ingested ON documents (ingested_at);
