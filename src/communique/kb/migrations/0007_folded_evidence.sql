-- Evidence folded in Python (case and accents, any script), so that a text filter finds the same merged events on
-- SQLite (whose LOWER() folds ASCII only) and PostgreSQL. Filled for stored events after this migration.
ALTER TABLE merged_events ADD COLUMN evidence_folded TEXT;
