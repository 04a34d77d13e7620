"""Store migrations as SQL files (see `communique.kb.store.load_migrations`)."""
