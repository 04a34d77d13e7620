"""The Dask engine: partitions on a 2-worker LocalCluster, Parquet shards of records, a store equal to a serial run's."""
from __future__ import annotations

import json
import sqlite3

import pytest

from communique.kb.store import Store, article_from_record, ingest_paths
from communique.samples import articles_dir
from communique.settings import Settings

distributed = pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

# English, Spanish and Russian; en02 and ru02 report the same phone call (one merged event from two articles)
SAMPLE_NAMES = ("en01", "en02", "es01", "es02", "ru01", "ru02")


def sample_paths():
    paths = sorted(p for p in articles_dir().iterdir() if p.name.startswith(SAMPLE_NAMES))
    assert len(paths) >= len(SAMPLE_NAMES)
    return paths


def dump(db):
    """What the store holds, without the ingestion time."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row

    def rows(sql):
        return [dict(r) for r in con.execute(sql)]

    documents = rows("SELECT * FROM documents ORDER BY id")
    for doc in documents:
        doc.pop("ingested_at")
    return {"documents": documents,
            "events": rows("SELECT * FROM events ORDER BY doc_id, event_id"),
            "merged_events": rows("SELECT * FROM merged_events ORDER BY id"),
            "merged_event_members": rows("SELECT * FROM merged_event_members ORDER BY doc_id, event_id"),
            "failures": rows("SELECT path, stage, reason FROM failures ORDER BY path")}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def test_dask_ingest_stores_exactly_what_a_serial_ingest_stores(tmp_path, cluster):
    from communique.kb.dask_engine import ingest_with_dask

    settings = Settings(batch_size=2)
    paths = [*sample_paths(), tmp_path / "missing.txt"]
    serial_db, dask_db, shards = tmp_path / "serial.db", tmp_path / "dask.db", tmp_path / "shards"
    with Store.open(serial_db) as store:
        serial = ingest_paths(store, paths, settings=settings)
    with Store.open(dask_db) as store:
        pooled = ingest_with_dask(store, paths, settings=settings, scheduler=cluster.scheduler_address,
                                  shards=shards, partition_docs=3)
    assert (pooled.stored, pooled.unchanged, pooled.failed) == (serial.stored, serial.unchanged, serial.failed)
    assert serial.failed == 1 and serial.stored >= len(SAMPLE_NAMES)
    serial_state, dask_state = dump(serial_db), dump(dask_db)
    assert dask_state["events"] and dask_state["merged_events"]
    for table in serial_state:
        assert dask_state[table] == serial_state[table], table
    # the shards hold every input's record, in input order
    shard_files = sorted(shards.glob("part-*.parquet"))
    assert len(shard_files) == 3
    table = pq.read_table(shard_files[0])
    assert table.column_names == ["position", "id", "path", "error", "record"]
    positions = [p for f in shard_files for p in pq.read_table(f).column("position").to_pylist()]
    assert positions == list(range(len(paths)))


def test_a_record_rebuilt_from_its_json_renders_the_same(sample_records):
    for record in sample_records:
        again = article_from_record(json.loads(json.dumps(record, ensure_ascii=False))).to_record()
        assert again == record, [k for k in record if record[k] != again.get(k)]
