"""The pipeline: stages from the settings, run over batches of articles."""
from __future__ import annotations

import functools
import logging
import multiprocessing
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from .errors import CommuniqueError, ConfigError
from .records import Article, RawInput
from .registry import Stage, StageSpec, build_stage, load_plugins, registered_stages
from .settings import Settings

log = logging.getLogger(__name__)
Item = TypeVar("Item")


@functools.cache
def load_stages() -> tuple[str, ...]:
    """Register the built-in stages, then those that installed plugins declare; the names of all registered.

    The pipeline sits above the stage wings and imports them here, once, explicitly: the stages import only the
    registry below them, so there is no import loop, and `import communique` stays cheap (this runs when the
    first pipeline is built). A plugin registered under a built-in name replaces it.
    """
    from .actors import entities, triage  # noqa: F401
    from .events import dates, extraction, facts  # noqa: F401  (importing registers the stages)
    from .nlp import sentences  # noqa: F401  (registers `sentences` and `parse`)
    from .reading import clean, decode, language, metadata  # noqa: F401

    load_plugins()
    return tuple(registered_stages())


def available_stages() -> dict[str, StageSpec]:
    """Every stage a pipeline can be built from, built-in and plugged in, by name."""
    load_stages()
    return registered_stages()


class Pipeline:
    """An ordered list of stages. Picklable; `__call__` runs one batch, `run` streams any number of inputs."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        load_stages()
        self.stages: list[Stage] = [build_stage(name, self.settings) for name in self.settings.pipeline]
        self.timings: dict[str, float] = defaultdict(float)         # wall seconds per stage
        self.cpu_timings: dict[str, float] = defaultdict(float)     # CPU seconds per stage (this process)

    @property
    def versions(self) -> dict[str, str]:
        return {s.name: s.version for s in self.stages}

    def __call__(self, batch: list[Article]) -> list[Article]:
        for stage in self.stages:
            started, cpu_started = time.perf_counter(), time.process_time()
            batch = stage(batch)
            self.timings[stage.name] += time.perf_counter() - started
            self.cpu_timings[stage.name] += time.process_time() - cpu_started
        return batch

    def run(self, inputs: Iterable[RawInput | Article], workers: int | None = None) -> Iterator[Article]:
        """Process inputs in batches of `settings.batch_size`, yielding articles in input order.

        With `workers` > 1 (default: `settings.workers`) batches go to a pool of processes, each building its own
        pipeline once (models load once per worker, on first use); the records are the same as a serial run's, in
        the same order, and the articles come back without their working data (:func:`shed_working_data`).
        """
        workers = workers if workers is not None else self.settings.workers
        batches = _batches(iter(inputs), self.settings.batch_size)
        if workers <= 1:
            for batch in batches:
                yield from self(_as_articles(batch))
            return
        yield from _run_in_pool(self.settings, batches, workers)


def _batches(iterator: Iterator[RawInput | Article], size: int) -> Iterator[list[RawInput | Article]]:
    while batch := list(islice(iterator, size)):
        yield batch


_WORKER_PIPELINE: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(settings)


def _run_batch_in_worker(batch: list[RawInput | Article]) -> list[Article]:
    assert _WORKER_PIPELINE is not None, "worker not initialised"
    return [shed_working_data(a) for a in _WORKER_PIPELINE(_as_articles(batch))]


def shed_working_data(article: Article) -> Article:
    """Drop what only the stages needed (tokens, parses, NER spans, actor spans, time expressions, the input's
    bytes and HTML): the record and the store need none of it, and a pool ships every article back through a
    pipe (about a quarter of the bytes). Sentence spans stay."""
    article.raw = None
    article.html = None
    if article.text:
        article.raw_text = ""         # the id falls back on it only when there is no cleaned text
    for sentence in article.sentences:
        sentence.tokens = []
        sentence.ner = []
    article.actor_mentions = []
    article.times = []
    article.working = {}
    return article


#: why a script that processes with workers > 1 needs the main-module guard
SCRIPT_GUARD = ("with workers > 1 each worker process imports the running script again: put the code that "
                "processes under `if __name__ == \"__main__\":` (see the README's Python example)")


def _run_in_pool(settings: Settings, batches: Iterator[list[RawInput | Article]], workers: int) -> Iterator[Article]:
    """Batches through a pool of processes, each result taken as soon as it is ready (a slow batch holds up no
    worker) and the articles yielded in input order."""
    # spawn, not fork: model libraries start threads, and forking a threaded process can deadlock.
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        # a worker importing the user's script again, which processes with workers at import: stop here, clearly
        raise ConfigError(SCRIPT_GUARD)
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                 initargs=(settings,)) as pool:
            for _, future in ordered_as_completed(batches, lambda batch: pool.submit(_run_batch_in_worker, batch),
                                                  in_flight=2 * workers, held=8 * workers):
                yield from future.result()
    except BrokenProcessPool as err:
        main = sys.modules.get("__main__")
        script = getattr(main, "__file__", None) if getattr(main, "__spec__", None) is None else None
        raise CommuniqueError(f"a worker process stopped ({err})"
                              + (f"; {SCRIPT_GUARD}" if script else "")) from err


def ordered_as_completed(items: Iterable[Item], submit: Callable[[Item], Any], *, in_flight: int, held: int,
                         wait_any: Callable[[set[Any]], set[Any]] | None = None) -> Iterator[tuple[Item, Any]]:
    """(item, its finished future) for each of `items` in their order, while the work runs out of order:
    `submit(item)` gives a future; at most `in_flight` run at once, and as soon as any finishes another is submitted, so a slow item
    holds up nobody's worker, only the yielding of what comes after it. Finished results waiting for an earlier
    one count towards `held` (memory stays flat on an endless input even when one item is very slow).

    `wait_any(futures)` returns those of `futures` that are done, blocking until one is (default:
    `concurrent.futures.wait` with FIRST_COMPLETED; a Dask client passes `distributed.wait`'s).
    """
    wait_any = wait_any or (lambda futures: wait(futures, return_when=FIRST_COMPLETED).done)
    source = enumerate(items)
    running: dict[Any, int] = {}                     # future -> position
    done: dict[int, tuple[Item, Any]] = {}           # position -> (item, future), finished out of order
    submitted: dict[int, Item] = {}
    next_out, exhausted = 0, False
    while True:
        while not exhausted and len(running) < in_flight and len(running) + len(done) < held:
            try:
                position, item = next(source)
            except StopIteration:
                exhausted = True
                break
            running[submit(item)] = position
            submitted[position] = item
        if not running and not done:
            return
        if next_out not in done:
            for future in wait_any(set(running)):
                position = running.pop(future)
                done[position] = (submitted.pop(position), future)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1


def _as_articles(batch: list[RawInput | Article]) -> list[Article]:
    return [item if isinstance(item, Article) else Article.from_input(item) for item in batch]
