-- People learned from the articles themselves: each explicit "title + name" mention ("Kazakh Deputy Foreign
-- Minister Yerzhan Ashikbayev") teaches person -> role, country, sector as of that article's date, so a later
-- article that names only "Ashikbayev" resolves too (communique.actor_table).
-- One row per person, role and country: the dates it was seen, how many documents taught it, the first and the
-- latest of them (provenance); learned_actor_documents lists every teaching document, so reprocessing a document
-- does not count it twice.
CREATE TABLE learned_actors (
    name TEXT NOT NULL,
    surname TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    sector TEXT,
    first_seen TEXT,
    last_seen TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    first_doc TEXT,
    last_doc TEXT,
    PRIMARY KEY (name, role, country)
);
CREATE INDEX learned_actors_surname ON learned_actors (surname);
CREATE INDEX learned_actors_country ON learned_actors (country);
CREATE TABLE learned_actor_documents (
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    doc_id TEXT NOT NULL,
    seen TEXT,
    PRIMARY KEY (name, role, country, doc_id)
);
