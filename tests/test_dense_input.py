"""Dense junk under every size cap ("&<A\u00a0" repeated: one "sentence" of thousands of tokens, one dependency
chain as long as it) costs time and memory in proportion to its length, and a document that takes more memory than
its budget is an error with its reason while the rest of the batch goes on."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from communique import Settings
from communique.nlp.sentences import MAX_SENTENCE_CHARS, bounded
from communique.pipeline import Pipeline
from communique.records import RawInput
from communique.registry import Stage, stage

#: passes the triage (two states and an event word), so the junk after it goes through every model and rule
LEAD = "Russia and China signed an agreement in Moscow on Tuesday, the Russian foreign minister said. "
JUNK = "&<A\u00a0"

MEASURE = r"""
import json, sys, time, tracemalloc
from communique import Settings
from communique.pipeline import Pipeline
from communique.records import RawInput

lead, junk, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
pipeline = Pipeline(Settings(document_time_budget=3600))
def run(chars):
    text = lead + junk * (chars // len(junk))
    started = time.process_time()
    [article] = pipeline.run([RawInput(path=f"junk-{chars}", text=text)])
    return time.process_time() - started, article
run(2000)                                                   # models and indexes loaded
cpu = {n: min(run(n)[0] for _ in range(2)) for n in (size, 2 * size)}
tracemalloc.start()
_, article = run(2 * size)
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"cpu": cpu[size], "cpu_doubled": cpu[2 * size], "peak_mb": peak / 2**20,
                  "error": article.error, "warnings": article.warnings, "sentences": len(article.sentences)}))
"""


def test_dense_junk_costs_time_and_memory_in_proportion_to_its_length():
    """Today's code took 52 s of rules on 20,000 characters of it (each token's ancestors walked to the root of a
    chain as long as the sentence) and 450 MB in the taggers; doubling it took four times as long."""
    size = 10_000
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, "-c", MEASURE, LEAD, JUNK, str(size)], capture_output=True, text=True,
                          timeout=240, env=env, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["error"] is None
    assert any(f"longer than {MAX_SENTENCE_CHARS} characters cut" in w for w in found["warnings"])
    assert found["sentences"] >= 2 * size // MAX_SENTENCE_CHARS
    assert found["cpu_doubled"] < 2.5 * found["cpu"] + 0.3, found          # linear, with room for noise
    assert found["peak_mb"] < 150, found                                   # 2 x 10,000 characters


@given(pieces=st.lists(st.sampled_from(["&<A\u00a0", "A", " ", "\u00a0", "word ", ".", "Россия ", "\n", "x" * 300]),
                       max_size=400),
       limit=st.integers(min_value=20, max_value=1200))
@settings(max_examples=80, deadline=None)
def test_cut_sentences_are_bounded_ordered_and_lose_no_text(pieces, limit):
    text = "".join(pieces)
    stripped = text.strip()
    if not stripped:
        return
    start = text.index(stripped)
    spans = bounded([(start, start + len(stripped))], text, limit)
    assert all(0 < e - s <= limit for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    kept = "".join(text[s:e] for s, e in spans)
    assert "".join(kept.split()) == "".join(stripped.split())          # only whitespace between pieces is lost


@stage("test_memory_hog", "1")
class _MemoryHog(Stage):
    """Takes memory 8 MB at a time while its document says HOG, up to 512 MB (kept on the article)."""

    def process(self, article):
        if "HOG" in article.text:
            article.working["hog"] = held = []
            for _ in range(64):
                held.append(b"x" * (8 << 20))
                time.sleep(0.005)


def test_a_document_over_its_memory_budget_is_an_error_and_the_batch_goes_on():
    pipeline = Pipeline(Settings(pipeline=("read", "clean", "test_memory_hog"), document_memory_budget=64))
    texts = ["Kazakhstan and Argentina signed an agreement.", "HOG " * 10, "Russia and China held talks."]
    first, hog, last = pipeline.run([RawInput(path=f"in{n}.txt", text=t) for n, t in enumerate(texts)])
    assert first.error is None and last.error is None
    assert hog.failed_stage == "test_memory_hog"
    assert hog.error.startswith("memory budget of 64 MB exceeded in stage test_memory_hog")
    assert sum(len(v) for v in hog.working.get("hog", [])) < 512 << 20       # stopped before the end
    assert "memory budget" in json.dumps(hog.to_record())
