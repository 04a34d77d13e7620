"""`communique ingest --engine dask`: the same stages over Dask partitions, records as Parquet shards, then the store.

The driver reads the inputs (so workers on other machines need no access to its files) and cuts them into
partitions; each partition runs on a Dask worker through the ordinary :class:`~communique.pipeline.Pipeline`
(built once per worker process, models loaded once per worker and language, on first use) and comes back as the
documents' public records. The driver writes each partition's records to one Parquet shard
(``part-00000.parquet``, ...) as it arrives, then loads the shards into the store in input order, batch by batch,
exactly as a serial ``ingest`` writes them: the store ends in the same state (documents, stories, events, merged
events). With many machines, point ``--db`` at PostgreSQL.

Without ``--scheduler`` a :class:`dask.distributed.LocalCluster` is started with ``settings.workers`` worker
processes of one thread each (the models are not thread-parallel; processes are).
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import UnreachableError
from ..pipeline import ordered_as_completed
from ..reading.readers import read_paths
from ..records import RawInput
from ..settings import Settings
from .store import IngestStats, Store, article_from_record, ingest_settings, write_in_batches

log = logging.getLogger(__name__)

#: documents per Dask task: large enough that scheduling and transfer cost little next to the models
DEFAULT_PARTITION_DOCS = 64
#: seconds to wait for a Dask scheduler before saying it does not answer
SCHEDULER_TIMEOUT = 10
SHARD_COLUMNS = ("position", "id", "path", "error", "record")


def ingest_with_dask(store: Store, paths: Iterable[str | os.PathLike[str]], *, settings: Settings | None = None,
                     scheduler: str | None = None, shards: str | os.PathLike[str] | None = None,
                     partition_docs: int = DEFAULT_PARTITION_DOCS, reprocess: bool = False) -> IngestStats:
    """Process `paths` on a Dask cluster, write Parquet shards of records to `shards` (a temporary directory when
    not given), then load them into `store`. Returns what the store did, as `ingest_paths` does."""
    settings = ingest_settings(store, settings)      # the workers resolve people with the store's learned table
    inputs = read_paths(paths, max_bytes=settings.max_input_bytes)
    with _shard_directory(shards) as directory, _client(scheduler, settings.workers) as client:
        written = write_shards(client, inputs, settings, directory, partition_docs)
        log.info("%d shards of records in %s", len(written), directory)
        return load_shards(store, written, settings=settings, reprocess=reprocess)


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    from dask.distributed import Client, LocalCluster

    if not log.isEnabledFor(logging.DEBUG):
        # distributed installs its own INFO handler on stderr: its chatter is not this command's output
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as err:
            reason = " ".join(str(err).split()) or type(err).__name__
            raise UnreachableError(f"cannot reach the Dask scheduler {scheduler}: {reason}") from err
        with client:
            yield client
        return
    with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.WARNING) as cluster, Client(cluster) as client:
        yield client


@contextmanager
def _shard_directory(shards: str | os.PathLike[str] | None) -> Iterator[Path]:
    if shards is not None:
        directory = Path(shards)
        directory.mkdir(parents=True, exist_ok=True)
        yield directory
        return
    with tempfile.TemporaryDirectory(prefix="communique-shards-") as tmp:
        yield Path(tmp)


def write_shards(client: Any, inputs: Iterable[RawInput], settings: Settings, directory: Path,
                 partition_docs: int = DEFAULT_PARTITION_DOCS) -> list[Path]:
    """Submit partitions of `inputs` to the cluster, at most two per worker in flight (memory stays flat on an
    endless input), and write each one's records to its shard as soon as it comes back, whichever finishes first.
    Returns the shards in input order."""
    from distributed import wait

    slots = 2 * max(1, len(client.scheduler_info().get("workers", {})) or settings.workers)
    numbers: dict[Any, int] = {}

    def submit(part: tuple[int, list[RawInput]]) -> Any:
        number, partition = part
        future = client.submit(process_partition, settings, number * partition_docs, partition, pure=False)
        numbers[future] = number
        return future

    def write_finished(futures: set[Any]) -> set[Any]:
        finished = set(wait(futures, return_when="FIRST_COMPLETED").done)
        for future in finished:
            _write_shard(shard_path(directory, numbers.pop(future)), future)
            future.release()            # written: the cluster may forget the rows
        return finished

    return [shard_path(directory, number) for (number, _), _ in
            ordered_as_completed(enumerate(_partitions(inputs, partition_docs)), submit, in_flight=slots, held=4 * slots, wait_any=write_finished)]


def _partitions(inputs: Iterable[RawInput], size: int) -> Iterator[list[RawInput]]:
    iterator = iter(inputs)
    while partition := list(islice(iterator, size)):
        yield partition


def shard_path(directory: Path, number: int) -> Path:
    return directory / f"part-{number:05d}.parquet"


def process_partition(settings: Settings, first_position: int, partition: list[RawInput]) -> list[dict[str, Any]]:
    """Run on a worker: the pipeline over one partition, as rows of a shard (the record as JSON text)."""
    from ..api import get_pipeline

    rows = []
    for position, article in enumerate(get_pipeline(settings).run(partition, workers=1), first_position):
        record = article.to_record()
        rows.append({"position": position, "id": None if article.failed else record["id"], "path": article.path,
                     "error": article.error, "record": json.dumps(record, ensure_ascii=False)})
    return rows


def _write_shard(shard: Path, future: Any) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = future.result()
    table = pa.table({name: [row[name] for row in rows] for name in SHARD_COLUMNS},
                     schema=pa.schema([("position", pa.int64()), ("id", pa.string()), ("path", pa.string()),
                                       ("error", pa.string()), ("record", pa.string())]))
    pq.write_table(table, shard)
    return shard


def read_shard_records(shards: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """The records of `shards`, in input order (shards in order, rows by position)."""
    import pyarrow.parquet as pq

    for shard in shards:
        table = pq.read_table(shard, columns=["position", "record"]).sort_by("position")
        for text in table.column("record").to_pylist():
            yield json.loads(text)


def load_shards(store: Store, shards: Iterable[Path], *, settings: Settings | None = None,
                reprocess: bool = False) -> IngestStats:
    """Write the shards' records to `store` in batches of `settings.batch_size`, as a serial ingest does."""
    settings = settings or Settings()
    articles = (article_from_record(record) for record in read_shard_records(shards))
    return write_in_batches(store, articles, settings.batch_size, reprocess=reprocess)
