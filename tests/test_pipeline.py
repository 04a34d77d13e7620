"""The pipeline's shape: registered versioned stages, configurable order, isolation of failures, pickling."""
from __future__ import annotations

import pickle

import pytest

from communique import ConfigError, Pipeline, RawInput, Settings, StageError
from communique.pipeline import available_stages
from communique.records import Article
from communique.registry import Stage, stage
from communique.settings import DEFAULT_PIPELINE

TEXT = ("ASTANA, May 14 (Kazinform) – President of Kazakhstan Kassym-Jomart Tokayev met with Brazilian President "
        "Luiz Inácio Lula da Silva in Brasilia on Tuesday. The two leaders signed an agreement on cooperation.")


def test_every_default_stage_is_registered_with_a_version():
    stages = available_stages()
    for name in DEFAULT_PIPELINE:
        assert name in stages, name
        assert stages[name].version.isdigit()
        assert stages[name].qualified_name == f"communique.{name}.v{stages[name].version}"


def test_installed_plugins_add_stages_through_entry_points(tmp_path, monkeypatch):
    """A package declares a module in the `communique.stages` group; importing it registers its stage, and a
    pipeline can name it. A plugin that cannot be imported is skipped, not fatal."""
    import importlib.metadata
    import sys

    from communique import registry

    (tmp_path / "shouting_plugin.py").write_text(
        "from communique.registry import Stage, stage\n\n"
        "@stage('shout', '2')\n"
        "class Shout(Stage):\n"
        "    def process(self, article):\n"
        "        article.text = article.text.upper()\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [importlib.metadata.EntryPoint("shout", "shouting_plugin", registry.PLUGIN_GROUP),
              importlib.metadata.EntryPoint("broken", "no_such_plugin_module", registry.PLUGIN_GROUP)]
    monkeypatch.setattr(importlib.metadata, "entry_points",
                        lambda group=None: [p for p in points if p.group == group])
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    assert registry.load_plugins() == ["shout"]
    assert available_stages()["shout"].version == "2"
    pipeline = Pipeline(Settings(pipeline=("read", "clean", "shout")))
    [article] = pipeline([Article.from_input(RawInput(path="a.txt", text="Kazakhstan and Brazil signed it."))])
    assert article.text.startswith("KAZAKHSTAN AND BRAZIL") and article.stages["shout"] == "2"
    sys.modules.pop("shouting_plugin", None)


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(StageError, match="unknown pipeline stage 'nope'"):
        Pipeline(Settings(pipeline=("read", "nope")))


def test_settings_reject_unknown_keys_and_bad_values():
    with pytest.raises(ConfigError):
        Settings.load(batch_size=0)
    with pytest.raises(ConfigError):
        Settings.load(no_such_setting=1)


def test_settings_layering_file_env_overrides(tmp_path, monkeypatch):
    config = tmp_path / "c.toml"
    config.write_text('[communique]\nbatch_size = 3\nlanguages = ["en", "es"]\n', encoding="utf-8")
    monkeypatch.setenv("COMMUNIQUE_BATCH_SIZE", "5")
    settings = Settings.load(config, languages=("ru", "en"))
    assert settings.batch_size == 5          # env beats file
    assert settings.languages == ("ru", "en")  # explicit beats everything


def test_a_user_pipeline_order_runs_only_those_stages():
    pipeline = Pipeline(Settings(pipeline=("read", "clean", "language")))
    [article] = pipeline([Article.from_input(RawInput(path="x.txt", text=TEXT))])
    assert article.language == "en"
    assert article.sentences == [] and article.events == []
    assert set(article.stages) == {"read", "clean", "language"}


@stage("test-explode", "1")
class ExplodeOnMarker(Stage):
    """Fails on documents containing BOOM, to check that one failure never stops a batch."""

    def process(self, article: Article) -> None:
        if "BOOM" in article.text:
            raise RuntimeError("marker found")


def test_one_failing_document_does_not_stop_the_batch():
    pipeline = Pipeline(Settings(pipeline=("read", "clean", "test-explode", "language")))
    inputs = [RawInput(path=f"d{i}.txt", text=t) for i, t in enumerate([TEXT, "BOOM " + TEXT, TEXT])]
    out = list(pipeline.run(inputs))
    assert [a.failed for a in out] == [False, True, False]
    assert out[1].failed_stage == "test-explode" and "marker found" in out[1].error
    assert out[1].to_record() == {"error": "RuntimeError: marker found", "stage": "test-explode",
                                  "source": {"path": "d1.txt", "url": None}, "warnings": []}
    assert out[2].language == "en"


def test_pipeline_and_stages_pickle_after_models_loaded():
    pipeline = Pipeline(Settings())
    first = next(iter(pipeline.run([RawInput(path="a.txt", text=TEXT)]))).to_record()
    clone = pickle.loads(pickle.dumps(pipeline))
    again = next(iter(clone.run([RawInput(path="a.txt", text=TEXT)]))).to_record()
    assert again == first


@stage("test-slow", "1")
class SlowOnMarker(Stage):
    """Spins on documents containing SLOW, to check the per-document time budget."""

    def process(self, article: Article) -> None:
        import time

        if "SLOW" in article.text:
            while True:
                time.sleep(0.01)


def test_a_document_over_its_time_budget_is_cut_with_a_warning_and_the_batch_goes_on():
    pipeline = Pipeline(Settings(pipeline=("read", "clean", "test-slow", "language"), document_time_budget=0.5))
    out = list(pipeline.run([RawInput(path="slow.txt", text="SLOW " + TEXT), RawInput(path="ok.txt", text=TEXT)]))
    slow, ok = out
    assert not slow.failed and slow.language is None
    assert any("time budget of 0.5 s exceeded in stage test-slow" in w for w in slow.warnings)
    assert any("stage language skipped" in w for w in slow.warnings)
    assert ok.language == "en" and not ok.warnings


@stage("test-loads", "1")
class LoadsOnMarker(Stage):
    """Loads a 'model' for a second on documents containing LOAD, as a stage loading its models on first use."""

    def process(self, article: Article) -> None:
        import time

        from communique.registry import memory_not_counted

        if "LOAD" in article.text:
            with memory_not_counted():
                time.sleep(1.0)


def test_loading_a_model_counts_against_no_documents_time_budget():
    pipeline = Pipeline(Settings(pipeline=("read", "clean", "test-loads", "language"), document_time_budget=0.5))
    [loaded] = pipeline.run([RawInput(path="load.txt", text="LOAD " + TEXT)])
    assert loaded.language == "en" and not loaded.warnings and loaded.elapsed < 0.5


def test_two_workers_give_exactly_the_serial_output():
    from communique.reading.readers import read_paths
    from communique.samples import articles_dir

    settings = Settings(batch_size=4)
    inputs = list(read_paths([articles_dir()]))[:12]
    serial = [a.to_record() for a in Pipeline(settings).run(inputs)]
    pooled = [a.to_record() for a in Pipeline(settings).run(inputs, workers=2)]
    assert [r["source"]["path"] for r in pooled] == [r["source"]["path"] for r in serial]
    differences = [(s["source"]["path"], key, s[key], p[key])
                   for s, p in zip(serial, pooled) for key in s if s[key] != p[key]]
    assert not differences, differences[:3]


def test_the_cascade_selects_trigger_and_quote_sentences_and_their_neighbours():
    from communique.nlp.models import parse_sentences
    from communique.nlp.sentences import needs_syntax
    from communique.records import Sentence

    texts = ["Wheat prices rose in the spring.", "Analysts expected more rain.", "Tokayev visited Moscow.",
             "The weather was mild.", "Exports of grain grew by a tenth.", "Farmers were calm.",
             "«We are ready», he added."]
    sentences, start = [], 0
    for text in texts:
        sentences.append(Sentence(start, start + len(text), text, "en"))
        start += len(text) + 1
    seen = []

    def selector(sentences, words):
        seen.append(needs_syntax(sentences, words))
        return seen[-1]

    parse_sentences(sentences, " ".join(texts), needs_syntax=selector)
    assert seen == [[False, True, True, True, False, True, True]]
    assert [s.parsed for s in sentences] == [False, True, True, True, False, True, True]


def test_the_cascade_changes_no_record():
    from communique.reading.readers import read_paths
    from communique.samples import articles_dir

    inputs = [i for i in read_paths([articles_dir()]) if i.path.rsplit("/", 1)[-1][:4] in ("en06", "es08", "ru07")]
    assert len(inputs) == 3
    cascade = [a.to_record() for a in Pipeline(Settings(cascade=True)).run(inputs)]
    every_sentence = [a.to_record() for a in Pipeline(Settings(cascade=False)).run(inputs)]
    assert cascade == every_sentence


def test_a_pool_ships_articles_back_without_working_data():
    inputs = [RawInput(path=f"d{i}.txt", text=TEXT) for i in range(3)]
    [pooled, *_] = list(Pipeline(Settings(batch_size=2)).run(inputs, workers=2))
    assert pooled.events and pooled.sentences
    assert all(not s.tokens and not s.ner for s in pooled.sentences)
    assert pooled.raw is None and not pooled.actor_mentions and not pooled.times


def test_a_document_that_breaks_the_batched_parse_fails_alone(monkeypatch):
    from communique.nlp.models import ModelPass

    real = ModelPass.tag

    def breaks_on_marker(self, sentences, *args, **kwargs):
        if any("BOOM" in s.text for s in sentences):
            raise RuntimeError("model crashed")
        return real(self, sentences, *args, **kwargs)

    monkeypatch.setattr(ModelPass, "tag", breaks_on_marker)
    pipeline = Pipeline(Settings(pipeline=("read", "clean", "language", "sentences", "parse")))
    inputs = [RawInput(path=f"d{i}.txt", text=t) for i, t in enumerate([TEXT, TEXT + " BOOM.", TEXT])]
    ok, broken, other = pipeline.run(inputs)
    assert broken.failed and broken.failed_stage == "parse" and "model crashed" in broken.error
    assert ok.sentences[0].tokens and other.sentences[0].parsed and not ok.failed


def test_a_slow_batch_holds_up_no_worker_and_the_order_is_kept():
    """The pool takes results as they complete: while the first item is still running, later ones finish and new
    ones are submitted in their place (waiting on the oldest first would never start item 5 here), and the
    results still come out in input order."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from communique.pipeline import ordered_as_completed

    fifth_started = threading.Event()

    def work(n: int) -> int:
        if n == 5:
            fifth_started.set()
        if n == 0:          # the slow one: done only once item 5 has started (or, on a deadlock, never)
            assert fifth_started.wait(timeout=60), "item 5 never started while item 0 was running"
        return n * n

    with ThreadPoolExecutor(2) as pool:
        out = [(item, future.result()) for item, future in
               ordered_as_completed(range(12), lambda n: pool.submit(work, n), in_flight=4, held=16)]
    assert out == [(n, n * n) for n in range(12)]


def test_results_waiting_for_a_slow_one_are_bounded():
    """Finished results wait for a slow one only up to `held`: memory stays flat whatever the stream."""
    from concurrent.futures import Future

    from communique.pipeline import ordered_as_completed

    slow: Future[int] = Future()
    submitted: list[int] = []
    waiting_when_blocked: list[int] = []

    def submit(n: int) -> Future[int]:
        submitted.append(n)
        if n == 0:
            return slow
        finished: Future[int] = Future()
        finished.set_result(n)
        return finished

    def wait_any(futures):
        done = {f for f in futures if f.done()}
        if not done:                       # only the slow one runs: nothing else can be taken until it ends
            waiting_when_blocked.append(len(submitted))
            slow.set_result(0)
            done = {slow}
        return done

    out = [item for item, _ in ordered_as_completed(range(1000), submit, in_flight=4, held=6, wait_any=wait_any)]
    assert out == list(range(1000))
    assert waiting_when_blocked == [6]      # item 0 and the five finished after it, then no more submissions
