"""The benches' corpora: the stream mixes ordinary and diplomatic news 4:1 and says plainly when its folders are absent.
(Speed itself is measured by `make bench`, never asserted here.)"""
from __future__ import annotations

import subprocess
import sys

from communique.bench import stream
from communique.bench.speed import repeat_to


def write(folder, names):
    folder.mkdir()
    for name in names:
        (folder / f"{name}.txt").write_text(f"Article {name}: a plain paragraph of ordinary news text.\n",
                                            encoding="utf-8")
    return folder


def test_the_stream_mixes_four_ordinary_articles_to_one_diplomatic_each_copy_distinct(tmp_path):
    ordinary = write(tmp_path / "stream", ["o1", "o2", "o3"])
    diplomatic = write(tmp_path / "dev", ["d1", "d2"])
    texts = stream.stream_texts(12, ordinary, [diplomatic])
    assert len(texts) == 12 and len(set(texts)) == 12
    kinds = ["d" if "Article d" in t else "o" for t in texts]
    assert kinds == ["o", "o", "o", "o", "d"] * 2 + ["o", "o"]
    assert [t.split(":")[0] for t in texts[:6]] == ["Article o1", "Article o2", "Article o3", "Article o1",
                                                    "Article d1", "Article o2"]


def test_the_stream_bench_says_which_folders_are_missing(tmp_path):
    report = stream.bench(10, tmp_path / "nowhere", [tmp_path / "neither"])
    assert "Not run" in report and "nowhere" in report and "neither" in report


def test_importing_the_bench_reads_no_corpus():
    code = ("import sys\n"
            "def hook(event, args):\n"
            "    if event in ('open', 'os.listdir', 'os.scandir') and args and str(args[0]).startswith(sys.argv[1]):\n"
            "        raise SystemExit(f'read at import: {args[0]}')\n"
            "sys.addaudithook(hook)\n"
            "import communique.bench.speed, communique.bench.stream\n")
    done = subprocess.run([sys.executable, "-c", code, str(stream.shared_dir())], check=False, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr + done.stdout


def test_a_corpus_is_repeated_to_the_documents_asked_for_each_copy_distinct():
    texts = repeat_to(["alpha", "beta"], 5)
    assert len(texts) == 5 and len(set(texts)) == 5 and texts[2].startswith("alpha")


def test_the_cluster_estimate_works_from_the_runs_cpu_per_word_and_says_its_assumptions():
    from communique.bench import capacity

    def result(cpu, docs=100, mb=800.0):
        return {"docs": docs, "cpu_seconds": cpu, "workers_cpu_seconds": 0.0, "peak_rss_mb": mb,
                "worker_peak_rss_mb": mb, "steady_docs_per_s": 10.0, "seconds": docs / 10}

    texts = ["word " * 300] * 100                     # 30,000 words: 1 ms of CPU per word below
    stream = {"pipeline-1": result(30.0), "pipeline-2": result(0.5) | {"workers_cpu_seconds": 31.5},
              "dask-1": result(0.2) | {"workers_cpu_seconds": 33.0},
              "dask-2": result(0.2) | {"workers_cpu_seconds": 36.0, "steady_docs_per_s": 19.0}}
    diplomacy = {"pipeline-1": result(60.0), "pipeline-2": result(1.0, mb=1200.0) | {"workers_cpu_seconds": 62.0}}
    report = capacity.section(texts, stream, texts, diplomacy)
    per_article_ms = capacity.ARTICLE_WORDS                          # 1 ms a word
    assert f"| {per_article_ms} | {3600_000 // per_article_ms:,} |" in report
    assert f"| {2 * per_article_ms} |" in report                   # every article analysed: 2 ms a word
    assert "1.90x from 1 to 2 workers" in report and "Peak memory per worker 1200 MB" in report
    assert f"{capacity.DAILY_ARTICLES:,} articles a day" in report and "Not counted" in report
    # a year's volume in a day at 1.2 s an article: 365e5 * 1.2 / 86400 / 0.8 = 634 cores on 8-core machines
    assert "634: 80 machines" in report


def test_the_readme_shows_the_figures_of_the_latest_bench_run():
    """`make bench` writes bench/results.md and the README's copy in one run: they never disagree."""
    from pathlib import Path

    from communique.bench.speed import README_END, README_START, readme_block

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = readme[readme.index(README_START) + len(README_START):readme.index(README_END)].strip()
    assert shown == readme_block((root / "bench" / "results.md").read_text(encoding="utf-8"))


def test_a_new_report_replaces_the_readmes_copy_and_nothing_else(tmp_path):
    from communique.bench.speed import README_END, README_START, update_readme

    readme = tmp_path / "README.md"
    readme.write_text(f"# Tool\n\nBefore.\n\n{README_START}\nold figures\n{README_END}\n\nAfter.\n", encoding="utf-8")
    report = "# Communiqué benchmark\n\nRun today.\n\n## Stream\n\n| a | b |\n|---|---|\n"
    update_readme(readme, report)
    update_readme(readme, report)
    text = readme.read_text(encoding="utf-8")
    assert "old figures" not in text and text.count("Run today.") == 1 and "#### Stream" in text
    assert text.startswith("# Tool\n\nBefore.\n\n") and text.endswith(f"{README_END}\n\nAfter.\n")
    assert "Communiqué benchmark" not in text


def test_the_off_rows_really_turn_triage_and_cascade_off(monkeypatch):
    """The 'triage off' and 'cascade off' rows set an environment variable in their child: the measured pipeline
    must read it (a bare Settings() would not, and the rows would measure the default pipeline)."""
    from communique.bench.speed import pipeline_settings

    monkeypatch.delenv("COMMUNIQUE_CONFIG", raising=False)
    assert pipeline_settings().triage and pipeline_settings().cascade
    monkeypatch.setenv("COMMUNIQUE_TRIAGE", "false")
    monkeypatch.setenv("COMMUNIQUE_CASCADE", "false")
    assert not pipeline_settings().triage
    assert not pipeline_settings().cascade


def test_the_target_ratio_is_the_median_of_rounds_measured_back_to_back(monkeypatch):
    """A burst of load inflates one measurement: it moves one round's ratio, not the figure the bench reports."""
    from communique.bench import speed

    later = iter([(30.0, 29.0), (40.0, 29.5)])       # round 3: the pipeline slowed by another tenant
    monkeypatch.setattr(speed, "run_children", lambda texts, kinds, name: dict(zip(
        kinds, ({"cpu_seconds": c} for c in next(later)))))
    first = {"pipeline-1": {"cpu_seconds": 28.0}, "models-by-language": {"cpu_seconds": 29.0}}
    pairs = speed.ratio_rounds(["text"], first, "diplomacy", 3)
    assert pairs == [(28.0, 29.0), (30.0, 29.0), (40.0, 29.5)]
    assert speed.median_ratio(pairs) == 30.0 / 29.0
    line = speed.ratio_line(pairs, "en 10.0 s", 1.01)
    assert "**1.03**, the median of 3 rounds" in line and "1.36 (40.0 s / 29.5 s)" in line
    assert "**0.97** (pipeline 28.0 s, models 29.0 s)" in speed.ratio_line(pairs[:1], "en 10.0 s", 0.97)
