-- Every sentence of a document that states an event, not only the first: the other ones as a JSON list of spans.
ALTER TABLE events ADD COLUMN also_evidence TEXT;
