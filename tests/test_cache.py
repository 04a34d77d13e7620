"""The disk cache never loads a pickle that someone else could have written (unpickling runs code)."""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from communique import cache


class Planted:
    """A pickle that, when loaded, creates a marker file: what an attacker's payload would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def cached_path(folder: Path, name: str) -> Path:
    return folder / f"{name}-{cache._fingerprint()}.pickle"


@pytest.fixture
def builds(monkeypatch):
    cache._warn_once.cache_clear()
    calls: list[int] = []

    def build() -> dict[str, str]:
        calls.append(1)
        return {"astana": "KAZ"}

    return calls, build


def test_a_pickle_planted_in_a_folder_others_can_write_never_runs(tmp_path, monkeypatch, builds, caplog):
    calls, build = builds
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)                     # a shared, writable COMMUNIQUE_CACHE_DIR
    marker = tmp_path / "owned"
    cached_path(shared, "cities").write_bytes(pickle.dumps(Planted(marker)))
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(shared))
    assert cache.disk_cached("cities", build) == {"astana": "KAZ"}
    assert not marker.exists() and len(calls) == 1
    assert "others may write to the folder" in caplog.text
    assert cache.disk_cached("cities", build) == {"astana": "KAZ"} and len(calls) == 2    # nothing written there


def test_an_unsigned_pickle_in_a_private_folder_is_not_loaded(tmp_path, monkeypatch, builds):
    calls, build = builds
    private = tmp_path / "private"
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(private))
    assert cache.disk_cached("cities", build) == {"astana": "KAZ"}          # creates the folder, 0700, and a key
    assert oct(private.stat().st_mode & 0o777) == "0o700"
    assert oct((private / ".key").stat().st_mode & 0o777) == "0o600"
    marker = tmp_path / "owned"
    cached_path(private, "cities").write_bytes(pickle.dumps(Planted(marker)))
    assert cache.disk_cached("cities", build) == {"astana": "KAZ"}
    assert not marker.exists() and len(calls) == 2
    assert cache.disk_cached("cities", build) == {"astana": "KAZ"} and len(calls) == 2     # rewritten, signed


def test_a_signed_file_that_others_may_write_is_not_loaded(tmp_path, monkeypatch, builds):
    calls, build = builds
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path / "c"))
    cache.disk_cached("cities", build)
    cached_path(tmp_path / "c", "cities").chmod(0o666)
    assert cache.disk_cached("cities", build) == {"astana": "KAZ"} and len(calls) == 2


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_a_file_owned_by_another_user_is_not_loaded(tmp_path, monkeypatch, builds):
    calls, build = builds
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path / "c"))
    cache.disk_cached("cities", build)
    os.chown(cached_path(tmp_path / "c", "cities"), 65534, 65534)
    assert cache.disk_cached("cities", build) == {"astana": "KAZ"} and len(calls) == 2


def test_other_versions_of_an_index_are_kept_up_to_a_few(tmp_path, monkeypatch, builds):
    """Two checkouts of different code on one machine each keep their index: writing one removes only the versions
    beyond the `KEPT_VERSIONS` most recently written, oldest first."""
    calls, build = builds
    folder = tmp_path / "c"
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(folder))
    cache.disk_cached("cities", build)                                      # the folder and its key
    others = [folder / f"cities-other{n:02d}.pickle" for n in range(cache.KEPT_VERSIONS + 2)]
    for age, other in enumerate(others):                                    # others[0] written last
        other.write_bytes(b"x")
        os.utime(other, (1_000_000 - age, 1_000_000 - age))
    (folder / "streets-other.pickle").write_bytes(b"x")                     # another index: not this one's to remove
    cached_path(folder, "cities").unlink()
    assert cache.disk_cached("cities", build) == {"astana": "KAZ"} and len(calls) == 2
    left = sorted(p.name for p in folder.glob("*.pickle"))
    assert left == sorted([cached_path(folder, "cities").name, "streets-other.pickle"]
                          + [p.name for p in others[:cache.KEPT_VERSIONS - 1]])
    assert cache.disk_cached("cities", build) == {"astana": "KAZ"} and len(calls) == 2     # read back
