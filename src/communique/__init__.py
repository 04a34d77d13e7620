"""Communiqué: structured knowledge of relations between countries from multilingual diplomatic news.

    >>> import communique
    >>> record = communique.extract("ASTANA, May 14 (Kazinform) - Kazakhstan and Brazil signed ...")
    >>> record["events"][0]["type"]
    'AGREE'
"""
from __future__ import annotations

import logging

from .api import extract, extract_many, process, process_paths
from .errors import CommuniqueError, ConfigError, InputError, StageError
from .pipeline import Pipeline
from .records import Article, RawInput
from .settings import Settings
from .version import __version__

__all__ = [
    "Article", "CommuniqueError", "ConfigError", "InputError", "Pipeline", "RawInput", "Settings", "StageError",
    "__version__", "extract", "extract_many", "process", "process_paths",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
