"""Reading: bytes in → clean article text, its metadata and its language.

Owns the readers of every input format (text, HTML, JSONL, CSV, WARC), decoding, page-junk cleaning, publication
metadata (dates, datelines, bylines, outlets) and language identification: the first pipeline stages.

May import: the foundation (`records`, `settings`, `errors`, `registry`, `datafiles`, `cache`, `lexicon`).
Nothing in it knows about parses, actors, events or the store.
"""
