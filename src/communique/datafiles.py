"""The package's data files (``communique/data/**.toml``): read once per process, shared by every stage.

Cross-language data sits at the top (``countries.toml``, ``orgs.toml``, ``plover.toml``, ...), language data under
``lang/<iso>/<topic>.toml``, so adding a language is mostly adding a folder. The dictionaries returned are shared:
callers read them and never change them.
"""
from __future__ import annotations

import functools
import logging
import tomllib
from importlib import resources
from typing import Any

log = logging.getLogger(__name__)


@functools.cache
def read_data(name: str) -> dict[str, Any] | None:
    """The TOML file ``data/<name>`` (e.g. ``"plover.toml"``, ``"lang/es/dates.toml"``), or None when absent."""
    path = resources.files("communique").joinpath("data", *name.split("/"))
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        log.debug("no data file %s", name)
        return None


def load_data(name: str) -> dict[str, Any]:
    """Like `read_data`, with {} for a file that does not exist."""
    return read_data(name) or {}


def language_data(language: str, topic: str) -> dict[str, Any] | None:
    """``data/lang/<language>/<topic>.toml``, or None when that language has no such file."""
    return read_data(f"lang/{language}/{topic}.toml")


@functools.cache
def data_languages(topic: str) -> tuple[str, ...]:
    """The languages that have a ``<topic>.toml`` file, sorted (the package's files: read once per process; the
    metadata stage asks for every document)."""
    folder = resources.files("communique").joinpath("data", "lang")
    return tuple(sorted(p.name for p in folder.iterdir() if p.joinpath(f"{topic}.toml").is_file()))


def extraction_languages() -> tuple[str, ...]:
    """The languages events can be extracted from: those with an event lexicon (``lang/<iso>/events.toml``)."""
    return data_languages("events")
