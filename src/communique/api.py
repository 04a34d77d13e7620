"""The Python API: `extract` one text, `extract_many` a stream of them, `process_paths` files on disk."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from .pipeline import Pipeline
from .reading.readers import read_paths
from .records import Article, RawInput
from .settings import Settings

_PIPELINES: dict[str, Pipeline] = {}


def get_pipeline(settings: Settings | None = None) -> Pipeline:
    """The pipeline for these settings, built once per process (models inside load lazily on first use)."""
    settings = settings or Settings()
    key = settings.model_dump_json()
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(settings)
    return _PIPELINES[key]


def extract(text: str, *, html: bool = False, path: str | None = None, url: str | None = None,
            title: str | None = None, published: str | None = None, settings: Settings | None = None) -> dict[str, Any]:
    """Process one article given as text (or HTML with ``html=True``) and return its record."""
    raw = RawInput(path=path, text=None if html else text, html=text if html else None, url=url, title=title,
                   published=published)
    return next(extract_many([raw], settings=settings))


def extract_many(items: Iterable[str | dict[str, Any] | RawInput], *,
                 settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """Stream records for texts, JSONL-style dicts ({"text"|"html", "url", "title", "published"}) or RawInputs."""
    for article in process(_as_inputs(items), settings=settings):
        yield article.to_record()


def process(inputs: Iterable[RawInput], *, settings: Settings | None = None) -> Iterator[Article]:
    """Run the pipeline over raw inputs, yielding working articles (records via `Article.to_record`)."""
    yield from get_pipeline(settings).run(inputs)


def process_paths(paths: Iterable[str | os.PathLike[str]], *, settings: Settings | None = None) -> Iterator[Article]:
    settings = settings or Settings()
    yield from process(read_paths(paths, max_bytes=settings.max_input_bytes), settings=settings)


def _as_inputs(items: Iterable[str | dict[str, Any] | RawInput]) -> Iterator[RawInput]:
    for n, item in enumerate(items, 1):
        if isinstance(item, RawInput):
            yield item
        elif isinstance(item, str):
            yield RawInput(path=None, text=item)
        elif isinstance(item, dict):
            text, html = item.get("text"), item.get("html")
            if not isinstance(text, str) and not isinstance(html, str):
                yield RawInput(path=item.get("path") or f"item {n}", error="neither 'text' nor 'html' given")
                continue
            yield RawInput(path=item.get("path"), text=text if isinstance(text, str) else None,
                           html=None if isinstance(text, str) else html, url=item.get("url"),
                           title=item.get("title"), published=item.get("published"))
        else:
            yield RawInput(path=f"item {n}", error=f"unsupported input type {type(item).__name__}")
