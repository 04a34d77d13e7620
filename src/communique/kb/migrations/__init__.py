"""Store migrations as SQL files (see `communique.store.load_migrations`)."""
