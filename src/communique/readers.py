"""Read inputs from paths, directories, JSONL files and stdin into :class:`RawInput` records.

Readers never raise for one bad input: a missing file, an unreadable file or a broken JSONL line becomes a
RawInput with `error` set, so the batch goes on and the error is reported against the input it came from.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .records import RawInput

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 5_000_000


def read_paths(paths: Iterable[str | os.PathLike[str]], max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: BinaryIO | None = None) -> Iterator[RawInput]:
    """Every document under `paths`: files by suffix, directories recursively (sorted), '-' for stdin."""
    for given in paths:
        name = os.fspath(given)
        if name == "-":
            yield from read_stream(stdin or sys.stdin.buffer, "<stdin>", max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not found:
                log.warning("no readable documents under %s", path)
            for child in found:
                yield from read_file(child, max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes)
        else:
            yield RawInput(path=name, error=f"no such file or directory: {name}")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
        return
    try:
        data, truncated = _read_capped(path, max_bytes)
    except OSError as err:
        yield RawInput(path=str(path), error=f"cannot read {path}: {err.strerror or err}")
        return
    raw = RawInput(path=str(path), data=data, media_type="text/html" if suffix in HTML_SUFFIXES else None)
    if truncated:
        raw.warnings.append(f"input larger than {max_bytes} bytes: only the first {max_bytes} bytes were read")
    yield raw


def read_stream(stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput]:
    """stdin: JSONL when the first non-blank character is '{', otherwise one plain-text or HTML document."""
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from _jsonl_lines(data.splitlines(), name, max_bytes)
        return
    raw = RawInput(path=name, data=data[:max_bytes])
    if len(data) > max_bytes:
        raw.warnings.append(f"input larger than {max_bytes} bytes: only the first {max_bytes} bytes were read")
    yield raw


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput]:
    try:
        with path.open("rb") as fh:
            yield from _jsonl_lines(fh, str(path), max_bytes)
    except OSError as err:
        yield RawInput(path=str(path), error=f"cannot read {path}: {err.strerror or err}")


def _jsonl_lines(lines: Iterable[bytes], name: str, max_bytes: int) -> Iterator[RawInput]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        yield parse_jsonl_line(line, where, max_bytes)


def parse_jsonl_line(line: bytes | str, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """One JSONL article: {"text"|"html": ..., "url", "title", "published", "path"}; errors name the line."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        return RawInput(path=where, error=f"line is not valid JSON: {err}")
    if not isinstance(obj, dict):
        return RawInput(path=where, error="line is not a JSON object")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return RawInput(path=where, error="JSON object has neither a 'text' nor an 'html' string field")
    raw = RawInput(path=str(obj.get("path") or where), text=text if isinstance(text, str) else None,
                   html=html if isinstance(html, str) and not isinstance(text, str) else None,
                   url=_str_or_none(obj.get("url")), title=_str_or_none(obj.get("title")),
                   published=_str_or_none(obj.get("published")))
    body = raw.text if raw.text is not None else raw.html or ""
    if len(body) > max_bytes:
        raw.warnings.append(f"input larger than {max_bytes} characters: only the first {max_bytes} were kept")
        if raw.text is not None:
            raw.text = raw.text[:max_bytes]
        else:
            raw.html = body[:max_bytes]
    return raw


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _read_capped(path: Path, max_bytes: int) -> tuple[bytes, bool]:
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    return data[:max_bytes], len(data) > max_bytes
