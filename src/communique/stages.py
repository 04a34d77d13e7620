"""Importing this module registers every built-in pipeline stage (see `registry`)."""
from . import (  # noqa: F401
    clean,
    dates,
    decode,
    entities,
    events,
    facts,
    language,
    metadata,
    sentences,  # registers `sentences` and `parse`
)
