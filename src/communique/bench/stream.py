"""The stream bench: ordinary news mixed 4:1 with diplomatic news, as a desk reading a whole wire receives it.

Most articles of a wire are sport, courts, markets, weather and local politics; the triage keeps the models off
those that cannot state an event between states. The corpus is ``../shared/stream`` (ordinary news in en/es/ru)
and the development articles (``../shared/dev-articles``, ``../shared/dev-articles-2``), four ordinary articles
to one diplomatic, repeated to `--docs` documents. The folders are read when the bench runs, never at import, and
the bench says so plainly when they are absent.

Measured in one run, each in its own process: the pipeline with 1 and 2 workers, the pipeline with the triage off,
the bare per-language model pass over the same texts, Dask with 1 and 2 workers (the engine of `ingest --engine
dask`, partitions of 64 documents on a local cluster), and the cold start of one article.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

STREAM_KINDS = ("cold", "pipeline-1", "models-by-language", "pipeline-2", "pipeline-1-notriage", "dask-1", "dask-2")
#: ordinary articles per diplomatic one
ORDINARY_PER_DIPLOMATIC = 4


def shared_dir() -> Path:
    """``../shared`` beside the repository (a source checkout), else beside the working directory."""
    beside_repo = Path(__file__).resolve().parents[3].parent / "shared"
    return beside_repo if beside_repo.is_dir() else Path.cwd().parent / "shared"


def default_stream_dir() -> Path:
    return shared_dir() / "stream"


def default_dev_dirs() -> list[Path]:
    return [shared_dir() / "dev-articles", shared_dir() / "dev-articles-2"]


def stream_texts(min_docs: int, stream_dir: Path, dev_dirs: list[Path]) -> list[str]:
    """Cleaned ordinary and diplomatic texts interleaved 4:1, cycled to `min_docs` texts, each copy distinct."""
    from .speed import cleaned_texts

    ordinary = cleaned_texts(sorted(stream_dir.glob("*.txt")))
    diplomatic = cleaned_texts(sorted(p for d in dev_dirs for p in d.glob("*.txt")))
    texts = []
    for n in range(min_docs):
        k, slot = divmod(n, ORDINARY_PER_DIPLOMATIC + 1)
        if slot == ORDINARY_PER_DIPLOMATIC:
            text = diplomatic[k % len(diplomatic)]
        else:
            text = ordinary[(k * ORDINARY_PER_DIPLOMATIC + slot) % len(ordinary)]
        texts.append(f"{text}\n({n})")
    return texts


def missing(stream_dir: Path, dev_dirs: list[Path]) -> list[Path]:
    return [d for d in [stream_dir, *dev_dirs] if not any(d.glob("*.txt"))]


def bench(min_docs: int, stream_dir: Path | None = None, dev_dirs: list[Path] | None = None) -> str:
    """Run the stream bench and return its section of the report (or a line saying why it could not run)."""
    return measure(min_docs, stream_dir, dev_dirs)[0]


def measure(min_docs: int, stream_dir: Path | None = None, dev_dirs: list[Path] | None = None,
            rounds: int = 1) -> tuple[str, list[str], dict[str, dict[str, Any]] | None]:
    """Run the stream bench: its section of the report, its texts and its results by kind (None when its folders
    are absent: the section then says so). The pipeline / models ratio is the median of `rounds` rounds
    (`speed.ratio_rounds`)."""
    from .speed import ratio_rounds, run_children

    stream_dir = stream_dir or default_stream_dir()
    dev_dirs = dev_dirs or default_dev_dirs()
    absent = missing(stream_dir, dev_dirs)
    if absent:
        folders = ", ".join(str(d) for d in absent)
        return (f"## Stream (ordinary news 4:1 with diplomacy)\n\nNot run: no articles in {folders} (the "
                f"development data lives beside the repository in ../shared; pass --stream DIR --dev DIR ...).",
                [], None)
    texts = stream_texts(min_docs, stream_dir, dev_dirs)
    results = run_children(texts, STREAM_KINDS, "stream")
    pairs = ratio_rounds(texts, results, "stream", rounds)
    return format_stream(texts, results, stream_dir, dev_dirs, pairs), texts, results


def measure_dask(texts: list[str], workers: int) -> dict[str, Any]:
    """The Dask engine's partitions (`kb.dask_engine.process_partition`) on a local cluster of `workers` processes
    of one thread; documents/s overall and in steady state (after every worker has returned a partition)."""
    from dask.distributed import Client, LocalCluster, as_completed

    from ..kb.dask_engine import DEFAULT_PARTITION_DOCS, process_partition
    from ..records import RawInput
    from ..settings import Settings
    from .speed import _children_cpu

    logging.getLogger("distributed").setLevel(logging.WARNING)
    settings, size = Settings(), DEFAULT_PARTITION_DOCS
    children_started, cpu_started = _children_cpu(), time.process_time()
    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.WARNING) as cluster, Client(cluster) as client:
        cluster_s = time.perf_counter() - started
        futures = [client.submit(process_partition, settings, first,
                                 [RawInput(path=f"d{first + n}", text=t) for n, t in enumerate(texts[first:first + size])],
                                 pure=False)
                   for first in range(0, len(texts), size)]
        finished: list[tuple[float, int]] = []
        for future in as_completed(futures):
            finished.append((time.perf_counter() - started, len(future.result())))
    elapsed = finished[-1][0]
    warm_at = finished[min(workers, len(finished)) - 1][0]
    later = sum(n for _, n in finished[workers:])
    return {"docs": len(texts), "seconds": elapsed, "cluster_start_s": cluster_s, "first_out_s": finished[0][0],
            "steady_docs_per_s": later / (elapsed - warm_at) if later and elapsed > warm_at else None,
            "cpu_seconds": time.process_time() - cpu_started, "workers_cpu_seconds": _children_cpu() - children_started}


def format_stream(texts: list[str], results: dict[str, dict[str, Any]], stream_dir: Path,
                  dev_dirs: list[Path], pairs: list[tuple[float, float]] | None = None) -> str:
    from .speed import TABLE_HEAD, rate, ratio, ratio_line, speedup_line, stage_line, table_row, words_in

    cold, one, models, two, every, dask1, dask2 = (results[k] for k in STREAM_KINDS)
    words = words_in(texts)
    per_language = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(models["by_language"].items()))
    per_core_hour = 3600 * one["docs"] / one["cpu_seconds"]
    dev_names = ", ".join(d.name for d in dev_dirs)
    return "\n".join([
        "## Stream (ordinary news 4:1 with diplomacy)",
        "",
        (f"{len(texts)} documents, {words} words: `{stream_dir.name}/` (ordinary news in en/es/ru) and {dev_names} "
         f"mixed {ORDINARY_PER_DIPLOMATIC}:1, repeated."),
        "",
        *TABLE_HEAD,
        table_row("full pipeline with the triage, 1 worker", one, words),
        table_row("full pipeline with the triage, 2 workers (memory: per worker)", two, words,
                  two["worker_peak_rss_mb"]),
        table_row("full pipeline, triage off (every article analysed), 1 worker", every, words),
        table_row("bare pass of each language's model (spaCy en, es; natasha ru)", models, words),
        "",
        ("- " + ratio_line(pairs or [(one["cpu_seconds"], models["cpu_seconds"])], per_language,
                           one["seconds"] / models["seconds"])
         + f" Triage off, first round: {every['cpu_seconds'] / models['cpu_seconds']:.2f}."),
        (f"- Articles analysed: {one['analysed_docs']} of {one['docs']} "
         f"({100 * one['analysed_docs'] / one['docs']:.0f}%); sentences tagged by the models "
         f"{one['tagged_sentences']} of {one['sentences']} ({100 * one['tagged_sentences'] / max(1, one['sentences']):.0f}%), "
         f"parsed {one['parsed_sentences']} ({100 * one['parsed_sentences'] / max(1, one['sentences']):.0f}%)."),
        f"- Documents per core per hour (1 worker, CPU time): **{per_core_hour:,.0f}**.",
        f"- {speedup_line(one, two)}",
        (f"- Dask (local cluster, partitions of 64): 1 worker {rate(dask1['steady_docs_per_s'])} documents/s, 2 "
         f"workers {rate(dask2['steady_docs_per_s'])} in steady state: **{ratio(dask2['steady_docs_per_s'], dask1['steady_docs_per_s'])}**; "
         f"overall {dask1['docs'] / dask1['seconds']:.1f} and {dask2['docs'] / dask2['seconds']:.1f} documents/s "
         f"(cluster start {dask1['cluster_start_s']:.1f} s and {dask2['cluster_start_s']:.1f} s, first partition back "
         f"after {dask1['first_out_s']:.1f} s and {dask2['first_out_s']:.1f} s)."),
        (f"- Cold start to the first record of an ordinary article (a new process: imports, triage, no model): "
         f"**{cold['process_s']:.2f} s** ({cold['process_cpu_s']:.2f} s CPU)"
         f"{'' if cold.get('skipped') else '; it was analysed'}."),
        (f"- Peak memory: {one['peak_rss_mb']:.0f} MB for 1 worker, {two['worker_peak_rss_mb']:.0f} MB per worker "
         f"with 2."),
        f"- CPU time per stage (1 worker): {stage_line(one)}.",
    ])
