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
