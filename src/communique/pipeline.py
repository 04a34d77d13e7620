"""The pipeline: stages from the settings, run over batches of articles."""
from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from .records import Article, RawInput
from .registry import Stage, build_stage
from .settings import Settings

log = logging.getLogger(__name__)


class Pipeline:
    """An ordered list of stages. Picklable; `__call__` runs one batch, `run` streams any number of inputs."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.stages: list[Stage] = [build_stage(name, self.settings) for name in self.settings.pipeline]
        self.timings: dict[str, float] = defaultdict(float)

    @property
    def versions(self) -> dict[str, str]:
        return {s.name: s.version for s in self.stages}

    def __call__(self, batch: list[Article]) -> list[Article]:
        for stage in self.stages:
            started = time.perf_counter()
            batch = stage(batch)
            self.timings[stage.name] += time.perf_counter() - started
        return batch

    def run(self, inputs: Iterable[RawInput | Article]) -> Iterator[Article]:
        """Process inputs in batches of `settings.batch_size`, yielding articles in input order."""
        iterator = iter(inputs)
        while batch := list(islice(iterator, self.settings.batch_size)):
            yield from self(_as_articles(batch))


def _as_articles(batch: list[RawInput | Article]) -> list[Article]:
    return [item if isinstance(item, Article) else Article.from_input(item) for item in batch]
