"""Names the knowledge base is used by, kept apart from it: the store's default path and the export formats. The
command line shows them in its options before any command runs, and importing `communique.kb` loads pandas and the
store's modules (a second of a cold start that `communique extract` does not need); `kb.store` and `kb.export` read
them from here, so there is one place each is written."""
from __future__ import annotations

#: Where a store lives when none is named.
DEFAULT_DB = "communique.db"

#: What `communique export` writes (docs/exports.md): see `kb.export`.
EXPORT_FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt", "gdelt1", "gdelt2", "gdelt2-mentions")
