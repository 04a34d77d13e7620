"""Shared fixtures. Models load once per test session; the sample corpus is processed once and reused."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from communique import Settings
from communique.api import process_paths
from communique.samples import articles_dir, gold_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared (the project's development data); tests using it skip where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (development data lives beside the repository in ../shared)")
    return path


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The tests (and the processes they start) build and read the gazetteer cache in a folder of their own, never
    the user's ~/.cache/communique."""
    previous = os.environ.get("COMMUNIQUE_CACHE_DIR")
    os.environ["COMMUNIQUE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("COMMUNIQUE_CACHE_DIR", None)
    else:
        os.environ["COMMUNIQUE_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def sample_articles(settings):
    """Every bundled sample article processed by the default pipeline (working Article objects)."""
    return list(process_paths([articles_dir()], settings=settings))


@pytest.fixture(scope="session")
def sample_records(sample_articles):
    return [a.to_record() for a in sample_articles]


@pytest.fixture(scope="session")
def sample_gold():
    return json.loads(gold_path().read_text(encoding="utf-8"))["docs"]


@pytest.fixture(scope="session")
def schema():
    return json.loads((ROOT / "src" / "communique" / "schema" / "document.schema.json").read_text(encoding="utf-8"))
