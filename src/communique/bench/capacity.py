"""Past one machine, on paper: what a Dask cluster of N machines needs for GDELT's daily volume, worked out from
the figures of the same bench run (CPU time per word on the stream and on diplomacy only, peak memory per worker,
the Dask CPU per document with 2 workers against 1), with every assumption written next to the result.
"""
from __future__ import annotations

import math
from typing import Any

#: articles a day: the order of magnitude GDELT reads
DAILY_ARTICLES = 100_000
#: mean words of an article's cleaned body (wire copy 300-400, newspapers 500-800): CPU time is taken as linear in
#: words, which the models are (they run over sentences) and the triage about is
ARTICLE_WORDS = 600
#: the busiest hour's volume over the day's mean hour (news follows the working day of the regions it covers)
PEAK_FACTOR = 2.0
#: share of a worker's core spent processing (the rest: waiting for a partition, the scheduler, shipping results)
UTILISATION = 0.8
#: a backfill: a year of that volume reprocessed within a day (a new model, a new event type)
BACKFILL_DAYS = 365
#: the machine rented: cores and memory, and the memory kept for the system, the Dask nanny and scheduler
MACHINE_CORES, MACHINE_GB, RESERVED_GB = 8, 32, 4


def section(stream_texts: list[str], stream: dict[str, dict[str, Any]], diplomacy_texts: list[str],
            diplomacy: dict[str, dict[str, Any]] | None) -> str:
    from .speed import ratio, total_cpu, words_in

    one, dask1, dask2, two = stream["pipeline-1"], stream["dask-1"], stream["dask-2"], stream["pipeline-2"]
    stream_words = words_in(stream_texts)
    per_word = {"stream": total_cpu(one) / stream_words}
    if diplomacy:
        per_word["diplomacy"] = total_cpu(diplomacy["pipeline-1"]) / words_in(diplomacy_texts)
    worker_mb = max(one["peak_rss_mb"], two["worker_peak_rss_mb"],
                    *([diplomacy["pipeline-1"]["peak_rss_mb"], diplomacy["pipeline-2"]["worker_peak_rss_mb"]]
                      if diplomacy else []))
    workers_per_machine = min(MACHINE_CORES, int((MACHINE_GB - RESERVED_GB) * 1024 // worker_mb))
    dask_cpu = {n: total_cpu(r) / r["docs"] for n, r in ((1, dask1), (2, dask2)) if r.get("workers_cpu_seconds")}
    rows, peaks, backfills = [], [], []
    for name, label in (("stream", "the stream's mix (the triage skips what it skips here)"),
                        ("diplomacy", "every article analysed (the diplomacy-only bench's cost per word)")):
        if name not in per_word:
            continue
        article_s = per_word[name] * ARTICLE_WORDS
        daily_core_h = DAILY_ARTICLES * article_s / 3600
        peaks.append(DAILY_ARTICLES * article_s * PEAK_FACTOR / 86400 / UTILISATION)
        backfills.append(BACKFILL_DAYS * DAILY_ARTICLES * article_s / 86400 / UTILISATION)
        rows.append(f"| {label} | {1000 * article_s:.0f} | {3600 / article_s:,.0f} | {daily_core_h:.1f} | "
                    f"{peaks[-1]:.1f}: {machines_for(peaks[-1], workers_per_machine)} | {backfills[-1]:.0f}: "
                    f"{machines_for(backfills[-1], workers_per_machine)} |")
    daily = (f"the daily volume fits on one machine ({max(peaks):.1f} cores at the busiest hour at worst)"
             if max(peaks) <= workers_per_machine else
             f"the daily volume needs {machines_for(max(peaks), workers_per_machine)} at worst")
    stream_words_per_doc = stream_words / max(1, len(stream_texts))
    dask_note = (f"CPU per document {1000 * dask_cpu[1]:.0f} ms with 1 worker, {1000 * dask_cpu[2]:.0f} ms with 2 "
                 f"(each worker loads its models: {100 * (dask_cpu[2] / dask_cpu[1] - 1):+.0f}% over "
                 f"{dask2['docs']} documents, less on a cluster that stays up)"
                 if len(dask_cpu) == 2 else "CPU of the Dask workers not measured")
    return "\n".join([
        "## Past one machine: GDELT's daily volume on a Dask cluster",
        "",
        (f"Measured here: {3600 * one['docs'] / total_cpu(one):,.0f} stream documents per core per hour "
         f"({stream_words_per_doc:.0f} words each), Dask on a local cluster "
         f"{ratio(dask2['steady_docs_per_s'], dask1['steady_docs_per_s'])} from 1 to 2 workers in steady state "
         f"(wall time, on 2 cores shared with other work); {dask_note}. Peak memory per worker "
         f"{worker_mb:.0f} MB."),
        "",
        (f"Assumptions: {DAILY_ARTICLES:,} articles a day, all in en/es/ru (an upper bound: a page in another "
         f"language stops after the language stage), {ARTICLE_WORDS} words of cleaned text each, CPU time "
         f"linear in words; the busiest hour carries {PEAK_FACTOR:g}x the mean hour's articles and must be kept up "
         f"with; a worker process per core, each core {100 * UTILISATION:.0f}% busy with documents; machines of "
         f"{MACHINE_CORES} cores and {MACHINE_GB} GB ({RESERVED_GB} GB kept for the system and Dask), so "
         f"{workers_per_machine} workers each (memory allows {int((MACHINE_GB - RESERVED_GB) * 1024 // worker_mb)}). "
         f"Not counted: fetching pages and extracting text from HTML (the bench starts from text), the store's "
         f"writes, and the models' start in each worker (about the cold start, once per worker)."),
        "",
        ("| case | CPU per article (ms) | articles per core per hour | core-hours a day | daily volume: cores at "
         f"the peak hour, machines | a year's volume in a day: cores, machines |"),
        "|---|---|---|---|---|---|",
        *rows,
        "",
        (f"So {daily}; N machines scale the reprocessing of the archive (the last column: {BACKFILL_DAYS} days "
         f"of it in 24 hours, N in proportion to the days), and one machine more survives a machine's loss. The "
         f"Dask scheduler is one more small process: it ships partitions and records, not models."),
    ])


def machines_for(cores: float, workers_per_machine: int) -> str:
    count = max(1, math.ceil(cores / workers_per_machine))
    return f"{count} machine{'s' if count > 1 else ''}"
