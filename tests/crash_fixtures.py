"""Kill an ingest mid-run with SIGKILL, run it again, and compare the store with an uninterrupted run's.

Shared by the SQLite (tests/test_kb.py) and PostgreSQL (tests/test_store_postgres.py) crash tests."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import communique
from communique.samples import articles_dir

#: What must be equal after the crash and the re-run: every table a query reads, in a fixed order.
CONTENT_QUERIES = {
    "documents": "SELECT id, path, story_id, text, record, pipeline FROM documents ORDER BY id",
    "events": "SELECT * FROM events ORDER BY doc_id, event_id",
    "merged_events": "SELECT * FROM merged_events ORDER BY id",
    "members": "SELECT * FROM merged_event_members ORDER BY doc_id, event_id",
    "search": "SELECT doc_id FROM documents_fts ORDER BY doc_id",
}


def crash_and_rerun(tmp_path: Path, clean: str, crashed: str, *, stored: Callable[[str], int],
                    content: Callable[[str], dict[str, list[Any]]]) -> tuple[dict, dict, dict]:
    """Ingest six sample articles (one per batch) into `clean`; into `crashed`, SIGKILL the ingest once two are
    stored and run it again. Returns the contents: (after the kill, after the re-run, clean)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(articles_dir().glob("en*.txt"))[:6]:
        (inputs / path.name).write_bytes(path.read_bytes())
    command = [sys.executable, "-m", "communique", "--language", "en", "ingest", str(inputs), "--quiet", "--db"]
    # All three runs use one frozen copy of the package, so that nothing edited meanwhile can tell them apart.
    snapshot = tmp_path / "src"
    shutil.copytree(Path(communique.__file__).parent, snapshot / "communique",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "COMMUNIQUE_BATCH_SIZE": "1", "PYTHONPATH": str(snapshot)}
    # The clean run is a separate process too: both runs start from the same fresh state.
    subprocess.run([*command, clean], env=env, capture_output=True, timeout=600, check=False)
    kill_when([*command, crashed], env, lambda: stored(crashed) >= 2)
    partial = content(crashed)
    rerun = subprocess.run([*command, crashed], env=env, capture_output=True, timeout=600, check=False)
    assert rerun.returncode in (0, 1), rerun.stderr.decode()[-2000:]
    return partial, content(crashed), content(clean)


def kill_when(command: list[str], env: dict[str, str], ready: Callable[[], bool]) -> None:
    """Start `command` and SIGKILL it as soon as `ready()` holds (it must not end before)."""
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and not ready():
        time.sleep(0.05)
    assert proc.poll() is None, f"the command ended before it could be killed: {proc.stderr.read().decode()[-2000:]}"
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def assert_same_store(after: dict[str, list[Any]], expected: dict[str, list[Any]]) -> None:
    for table in expected:
        if table == "documents":
            for got, want in zip(after[table], expected[table]):
                got_record, want_record = json.loads(got[4]), json.loads(want[4])
                assert {k: v for k, v in got_record.items() if v != want_record.get(k)} == {}, got[1]
        assert after[table] == expected[table], table
