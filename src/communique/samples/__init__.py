"""The bundled sample corpus: articles written for this project, with gold annotations (`gold.json`)."""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def articles_dir() -> Path:
    return _HERE / "articles"


def gold_path() -> Path:
    return _HERE / "gold.json"
