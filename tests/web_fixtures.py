"""Fixtures for the web tests (API and browser): a store of the processed sample corpus, and a live server.

Use from a test module with ``from web_fixtures import demo_store_path, live_server, store_copy``.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
import uvicorn

from communique.kb.store import Store
from communique.web import create_app

HOSTILE_TEXT = ('Kazakhstan and Argentina signed an agreement <script>alert("owned")</script> in Buenos Aires. '
                '<img src=x onerror="alert(1)"> Officials said the text "</script><b>bold</b>" was final.')


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory, sample_articles) -> Path:
    """The processed sample corpus in a SQLite store, written once per session. Treat it as read-only: tests that
    write use `store_copy(demo_store_path, tmp_path)`."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    with Store.open(path) as store:
        store.write_batch(list(sample_articles))
    return path


def store_copy(source: Path, folder: Path) -> Path:
    """A private copy of a (closed) SQLite store for a test that writes to it."""
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def hostile_article():
    """An article whose text carries a script tag and an event handler (untrusted content must come back verbatim
    in JSON, and never run in a page)."""
    from kb_fixtures import make_article

    return make_article("hostile.txt", [HOSTILE_TEXT], [
        {"type": "AGREE", "source": "KAZ", "target": "ARG", "sentence": 0, "date": "2024-06-01", "mutual": True,
         "mode": "sign"}], outlet="Hostile Herald", published="2024-06-02")


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(db: str | Path, token: str | None = None, **options) -> Iterator[str]:
    """`communique serve`'s app over `db` on a free 127.0.0.1 port, in a thread; yields its base URL."""
    app = create_app(str(db), token=token, **options)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning",
                                           access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
