"""Pipeline stages: a registry of named, versioned, picklable callables over batches of articles.

A stage is a class registered with :func:`stage`. It is built from the settings, then called on a batch
(``list[Article]``) and returns the batch. Heavy resources (models, gazetteers) are loaded lazily on first use and
dropped when the stage is pickled, so the same stage object runs in a loop, in a process pool or on a Dask worker.

The default :meth:`Stage.__call__` isolates documents: an exception while processing one article marks that
article failed (with the stage and the reason) and the rest of the batch goes on.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import threading
from _signal import signal as set_handler  # signal.signal without its enum wrapping (see `_watched`)
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from .errors import CommuniqueError, StageError
from .records import Article
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    version: str
    factory: type[Stage]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    @property
    def qualified_name(self) -> str:
        return f"communique.{self.name}.v{self.version}"


_REGISTRY: dict[str, StageSpec] = {}
S = TypeVar("S", bound=type["Stage"])


def stage(name: str, version: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()) -> Callable[[S], S]:
    """Register a stage class under `name` (a later registration with the same name replaces it: plugins win)."""

    def register(cls: S) -> S:
        cls.name = name
        cls.version = version
        _REGISTRY[name] = StageSpec(name, version, cls, tuple(requires), tuple(assigns))
        return cls

    return register


def registered_stages() -> dict[str, StageSpec]:
    """The stages registered so far (`communique.pipeline.available_stages` loads the built-in ones first)."""
    return dict(_REGISTRY)


#: Entry-point group through which installed packages add stages, as spaCy's factories are registered: each entry
#: point names a module whose import registers its stages with :func:`stage` (or a stage class, likewise).
PLUGIN_GROUP = "communique.stages"


def load_plugins() -> list[str]:
    """Import the stages that installed packages declare in the ``communique.stages`` entry-point group; the names
    of the entry points loaded. A plugin that fails to import is logged and skipped: it never stops a pipeline
    that does not use it."""
    from importlib.metadata import entry_points

    loaded = []
    for point in entry_points(group=PLUGIN_GROUP):
        try:
            point.load()
        except Exception as err:  # noqa: BLE001 - a broken plugin is reported, never fatal
            log.warning("stage plugin %s could not be loaded: %s", point.name, err)
            continue
        loaded.append(point.name)
    return loaded


def build_stage(name: str, settings: Settings) -> Stage:
    """The registered stage `name` built from `settings`."""
    try:
        spec = _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise StageError(f"unknown pipeline stage {name!r}; known stages: {known}") from None
    return spec.factory(settings)


class Stage:
    """Base class: override `process` (one article) or `__call__` (a whole batch, e.g. to batch a model)."""

    name: ClassVar[str] = "stage"
    version: ClassVar[str] = "0"
    #: attributes holding lazily loaded resources, dropped on pickling and rebuilt on first use
    transient: ClassVar[tuple[str, ...]] = ()

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.options: dict[str, Any] = settings.options(self.name)

    def __call__(self, batch: list[Article]) -> list[Article]:
        for article in batch:
            self.run_one(article)
        return batch

    def run_one(self, article: Article, process: Callable[[Article], None] | None = None) -> None:
        """Process one article within its time and memory budgets; errors fail only this article. `process`
        replaces `self.process` for a stage that hands each article what its batch taught it (the stage itself
        keeps no batch state, so one instance can serve two batches at once)."""
        if article.failed:
            return
        budget = self.settings.document_time_budget
        if article.elapsed >= budget:
            article.warn(f"time budget of {budget:g} s exhausted: stage {self.name} skipped")
            return
        started, loads_before = time.perf_counter(), loading_seconds()
        try:
            with watchdog(budget - article.elapsed, memory_budget_bytes(self.settings)):
                (process or self.process)(article)
        except BudgetExceeded:
            article.warn(f"time budget of {budget:g} s exceeded in stage {self.name}: its output is incomplete "
                         f"and later stages are skipped")
            article.elapsed = budget
            return
        except MemoryBudgetExceeded as err:
            log.warning("stage %s stopped on %s: %s", self.name, article.path, err)
            article.fail(self.name, f"memory budget of {self.settings.document_memory_budget} MB exceeded in stage "
                                    f"{self.name} ({err.used >> 20} MB more than before it)")
            article.sentences = []             # what the stage built so far goes, so that the memory comes back
            return
        except Exception as err:
            log.warning("stage %s failed on %s: %s", self.name, article.path, err, exc_info=log.isEnabledFor(10))
            reason = str(err) if isinstance(err, CommuniqueError) else f"{type(err).__name__}: {err}"
            article.fail(self.name, reason)
            return
        finally:
            article.elapsed += time.perf_counter() - started - (loading_seconds() - loads_before)
        article.stages[self.name] = self.version

    def process(self, article: Article) -> None:
        raise NotImplementedError

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        for attr in self.transient:
            state.pop(attr, None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return f"<stage {self.name} v{self.version}>"


class BudgetExceeded(Exception):
    """Raised inside a stage when the document's time budget runs out."""


class MemoryBudgetExceeded(Exception):
    """Raised inside a stage when the process holds more memory than the document's budget allows."""

    def __init__(self, used: int) -> None:
        super().__init__(f"{used >> 20} MB more than when the stage began")
        self.used = used


def memory_budget_bytes(settings: Settings) -> int:
    return settings.document_memory_budget << 20


#: how often the watchdog looks at the clock and the process's memory (seconds)
WATCH_INTERVAL = 0.05
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


#: (process id, descriptor) of this process's /proc/self/statm, kept open: read again at offset 0 it gives the memory
#: now, for a fifth of the cost of opening it each time (every stage reads it twice per document). A forked child
#: opens its own (the parent's file describes the parent).
_STATM: list[tuple[int, int]] = []


def _statm() -> int:
    pid = os.getpid()
    if not _STATM or _STATM[0][0] != pid:
        _STATM[:] = [(pid, os.open("/proc/self/statm", os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)))]
    return _STATM[0][1]


def resident_bytes() -> int:
    """The process's resident memory now (Linux: /proc/self/statm), else its peak so far (getrusage)."""
    try:
        return int(os.pread(_statm(), 128, 0).split()[1]) * _PAGE
    except (OSError, IndexError, ValueError, AttributeError):
        import resource
        import sys

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


#: the memory each running watchdog counts from (a stack: a watchdog inside another), how many loads are going on,
#: and the seconds all loads of this process have taken
_BASES: list[list[int]] = []
_LOADING = [0]
_LOADED_SECONDS = [0.0]


def loading_seconds() -> float:
    """Seconds this process has spent in :func:`memory_not_counted` blocks (loading models and tables): a document
    whose stage happened to need them first is charged neither their memory nor their time."""
    return _LOADED_SECONDS[0]


@contextlib.contextmanager
def memory_not_counted() -> Iterator[None]:
    """Memory taken inside this block (loading a model once per process) counts against no document's budget, nor
    does the time it takes (:func:`loading_seconds`).

    What the block loaded stays for the life of the process: the objects then alive are moved out of the cyclic
    garbage collector's sight (`gc.freeze`). Otherwise each full collection walks the models' and the gazetteer's
    millions of objects again (on the stream bench, 5% of the CPU time). Garbage is still freed as before:
    reference counting frees what it always did, and the collector still sees everything made afterwards."""
    before, started = resident_bytes(), time.perf_counter()
    _LOADING[0] += 1
    try:
        yield
    finally:
        _LOADING[0] -= 1
        grown = resident_bytes() - before
        for cell in _BASES:
            cell[0] += grown
        if not _LOADING[0]:
            _LOADED_SECONDS[0] += time.perf_counter() - started
            gc.freeze()
            _fewer_full_collections()


#: collections of the middle generation between two full ones, once models are loaded (Python's default: 10)
FULL_COLLECTION_EVERY = 100


def _fewer_full_collections() -> None:
    """Make full collections ten times rarer than Python's default. A full collection walks every object that has
    outlived two younger ones and was made after the last `gc.freeze`: in a process that analyses documents, the
    tables that grow as they come (lemmas and tags remembered per word form, the vocabularies' strings), tens of
    thousands of objects that are not garbage. On the diplomacy bench those walks took 1.4% of the CPU (25 of them
    over 1000 documents, 0.49 s), and more where a caller keeps the records it gets. Garbage is freed as before:
    reference counting frees nearly all of it; the young generations, where cycles die, are collected as often as
    ever; a cycle that outlives them waits for the next full collection (peak memory measured unchanged)."""
    first, middle, full = gc.get_threshold()
    if full < FULL_COLLECTION_EVERY:
        gc.set_threshold(first, middle, FULL_COLLECTION_EVERY)


@contextlib.contextmanager
def watchdog(seconds: float | None, memory: int | None) -> Iterator[None]:
    """Interrupt the block with BudgetExceeded after `seconds`, or with MemoryBudgetExceeded once the process holds
    `memory` bytes more than when the block began (each None: no such bound). An interval timer (SIGALRM) looks
    every `WATCH_INTERVAL`, so it works in the main thread of a Unix process only, and between Python bytecodes: a
    long call into a model is stopped when it returns (the models take bounded batches). Elsewhere (threads,
    Windows, a watchdog already running) the time budget is still enforced between stages by `Stage.run_one`, and
    the memory is checked when the block ends.
    """
    base = [resident_bytes() if memory is not None else 0]
    deadline = None if seconds is None else time.perf_counter() + seconds
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    _BASES.append(base)
    try:
        if not usable or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
            yield
            _check_memory(base, memory)
            return
        yield from _watched(deadline, base, memory, seconds)
    finally:
        _BASES[:] = [cell for cell in _BASES if cell is not base]


def _watched(deadline: float | None, base: list[int], memory: int | None, seconds: float | None) -> Iterator[None]:
    """The interval timer of :func:`watchdog` around the block (its previous handler put back after it)."""
    loads_before = loading_seconds()

    def look(signum: int, frame: object) -> None:
        if _LOADING[0]:
            return                       # a model loading: neither its time nor its memory is the document's
        if deadline is not None and time.perf_counter() >= deadline + loading_seconds() - loads_before:
            raise BudgetExceeded()
        _check_memory(base, memory)

    # the C function itself: `signal.signal` converts the handler it returns to an enum, and a Python function
    # fails that conversion through an exception, 5 µs a block, twice per stage per article (0.1 s per 1000
    # stream articles); the previous handler goes back as it came
    previous = set_handler(signal.SIGALRM, look)
    first = WATCH_INTERVAL if seconds is None else min(max(seconds, 0.001), WATCH_INTERVAL)
    signal.setitimer(signal.ITIMER_REAL, first, WATCH_INTERVAL)
    try:
        yield
        _check_memory(base, memory)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        set_handler(signal.SIGALRM, previous)


def _check_memory(base: list[int], memory: int | None) -> None:
    if memory is not None and (used := resident_bytes() - base[0]) > memory:
        raise MemoryBudgetExceeded(used)
