"""The command line: `communique extract | evaluate | ingest | demo | stages` and the knowledge-base and web
commands (`events`, `relations`, `profile`, `search`, `actors`, `export`, `brief`, `serve`) and the monitoring
commands (`watch`, `watchlist`, `alerts`).

A thin layer: each command parses options, calls the library and prints. The library logs; the CLI prints,
with progress bars on a terminal only.

May import: everything.
"""
from .main import cli, main

__all__ = ["cli", "main"]
