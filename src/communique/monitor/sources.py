"""Where `watch` looks: URLs (feeds, sitemaps, URL lists, single pages) and paths (files, folders, WARC files),
given on the command line, in a TOML sources file, or stored in the store (sources added through the HTTP API).

A sources file::

    [fetch]                      # optional: how to fetch (see FetchPolicy); command-line flags win
    host_delay = 2.0
    concurrency = 4

    [[source]]
    name = "Kazinform (English)"
    url = "https://www.inform.kz/rss/eng.xml"
    kind = "feed"                # optional: feed, sitemap, urls or page; guessed from the answer otherwise

    [[source]]
    path = "incoming/"           # a folder or a WARC file, read as `communique ingest` reads it

``other_hosts = true`` lets a source list pages on other sites (an aggregator); otherwise such items are dropped
with a reason, so a feed that answers with another site's items cannot send `watch` elsewhere.
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .discover import normalise_url

if TYPE_CHECKING:
    from ..kb.store import Store

KINDS = ("auto", "feed", "sitemap", "urls", "page")


@dataclass(frozen=True, slots=True)
class Source:
    url: str | None = None
    path: str | None = None
    kind: str = "auto"
    name: str | None = None
    other_hosts: bool = False

    @property
    def key(self) -> str:
        """The fetch-state row of this source: its normalised URL, or the file URL of its path."""
        return self.url or Path(self.path or ".").resolve().as_uri()

    @property
    def label(self) -> str:
        return self.name or self.url or self.path or "?"


def source_from_text(text: str) -> Source:
    """A command-line argument: an http(s) URL, or a path."""
    if text.startswith(("http://", "https://")):
        url = normalise_url(text)
        if url is None:
            raise ConfigError(f"not a usable URL: {text}")
        return Source(url=url)
    if "://" in text:
        raise ConfigError(f"only http and https URLs can be watched, not {text.split('://')[0]}: {text}")
    return Source(path=text)


def parse_arguments(arguments: Iterable[str]) -> tuple[list[Source], dict[str, Any]]:
    """Sources from command-line arguments; a ``.toml`` argument is a sources file. Also returns the fetch
    options the sources files set."""
    sources: list[Source] = []
    options: dict[str, Any] = {}
    for text in arguments:
        if text.endswith(".toml") and not text.startswith(("http://", "https://")):
            found, fetch = load_sources_file(text)
            sources += found
            options.update(fetch)
        else:
            sources.append(source_from_text(text))
    return unique(sources), options


def load_sources_file(path: str | os.PathLike[str]) -> tuple[list[Source], dict[str, Any]]:
    """The ``[[source]]`` tables and the ``[fetch]`` options of a TOML sources file."""
    from .fetch import FetchPolicy

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as err:
        raise ConfigError(f"sources file not found: {path}") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"sources file {path} is not valid TOML: {err}") from err
    unknown = set(data) - {"source", "fetch"}
    if unknown:
        raise ConfigError(f"{path}: unknown table(s) {', '.join(sorted(unknown))}; expected [[source]] and [fetch]")
    policy_names = {f.name for f in fields(FetchPolicy)}
    fetch = dict(data.get("fetch", {}))
    bad = set(fetch) - policy_names
    if bad:
        raise ConfigError(f"{path}: unknown [fetch] option(s) {', '.join(sorted(bad))}; known: "
                          + ", ".join(sorted(policy_names)))
    base = Path(path).resolve().parent
    return [_source_from_table(entry, n, path, base) for n, entry in enumerate(data.get("source", []), 1)], fetch


def _source_from_table(entry: dict[str, Any], n: int, path: str | os.PathLike[str], base: Path) -> Source:
    where = f"{path}: source {n}"
    allowed = {"url", "path", "kind", "name", "other_hosts"}
    if set(entry) - allowed:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(set(entry) - allowed))}")
    if ("url" in entry) == ("path" in entry):
        raise ConfigError(f"{where}: give either url or path")
    kind = entry.get("kind", "auto")
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind must be one of {', '.join(KINDS)}")
    if "path" in entry:
        folder = Path(entry["path"])
        return Source(path=str(folder if folder.is_absolute() else base / folder), name=entry.get("name"))
    found = source_from_text(str(entry["url"]))
    if found.url is None:
        raise ConfigError(f"{where}: url must be an http(s) URL")
    return Source(url=found.url, kind=kind, name=entry.get("name"), other_hosts=bool(entry.get("other_hosts")))


def unique(sources: Iterable[Source]) -> list[Source]:
    return list({s.key: s for s in sources}.values())


# -- sources stored in the store (added through the HTTP API) -----------------------------------------------------------

def stored_sources(store: Store) -> list[Source]:
    return [Source(url=r["url"], kind=r["kind"], name=r["name"])
            for r in store.rows("SELECT url, kind, name FROM watch_sources ORDER BY id")]


def add_source(store: Store, url: str, *, kind: str = "auto", name: str | None = None,
               added_by: str = "api") -> dict[str, Any]:
    """Remember a source URL in the store (every later `watch` on this store polls it)."""
    from .state import now

    found = source_from_text(url)
    if found.url is None:
        raise ConfigError("a stored source must be an http(s) URL")
    if kind not in KINDS:
        raise ConfigError(f"kind must be one of {', '.join(KINDS)}")
    with store.transaction():
        store.execute("INSERT INTO watch_sources (url, kind, name, added_at, added_by) VALUES (?, ?, ?, ?, ?)"
                      " ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, name = excluded.name",
                      (found.url, kind, name, now(), added_by))
    return store.rows("SELECT id, url, kind, name, added_at, added_by FROM watch_sources WHERE url = ?",
                      (found.url,))[0]


def list_sources(store: Store) -> list[dict[str, Any]]:
    """Stored sources with their last poll: status, state, when, failures and why."""
    return store.rows(
        "SELECT s.id, s.url, s.kind, s.name, s.added_at, s.added_by, f.state, f.last_status, f.fetched_at,"
        " f.failures, f.reason FROM watch_sources s LEFT JOIN fetch_state f ON f.url = s.url ORDER BY s.id")


def remove_source(store: Store, source_id: int) -> bool:
    with store.transaction():
        found = store.scalar("SELECT 1 FROM watch_sources WHERE id = ?", (source_id,)) is not None
        store.execute("DELETE FROM watch_sources WHERE id = ?", (source_id,))
    return found
