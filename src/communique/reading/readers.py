"""Read inputs from paths, directories, JSONL and CSV/TSV files and stdin into :class:`RawInput` records.

Readers never raise for one bad input: a missing file, an unreadable file, a broken JSONL line or a CSV row
without text becomes a RawInput with `error` set, so the batch goes on and the error is reported against the
input it came from.

A CSV (or TSV) file holds one article per row under a header: the body in a column named `text` (or `body`,
`content`, `article`) or `html`, and optionally `url`, `title`, `published`, `path`/`id`.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..records import RawInput
from .warc import is_warc, read_warc

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv"}
# A directory is searched for documents only: a CSV/TSV beside them is usually a manifest, so tables are read
# when named explicitly.
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
TEXT_COLUMNS = ("text", "body", "content", "article")
HTML_COLUMNS = ("html", "raw_html")
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
            # a broken link or an unreadable file is reported by read_file, not silently left out
            found = sorted(p for p in path.rglob("*")
                           if (p.is_file() or p.is_symlink()) and not p.is_dir()
                           and (p.suffix.lower() in SUPPORTED_SUFFIXES or is_warc(p)))
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
    if is_warc(path):
        yield from read_warc(path, max_bytes)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
        return
    if suffix in TABLE_SUFFIXES:
        yield from read_table(path, max_bytes)
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


def read_table(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput]:
    """One article per CSV/TSV row; the delimiter follows the suffix (or is sniffed from the header)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        yield RawInput(path=str(path), error=f"cannot read {path}: {err.strerror or err}")
        return
    text = data.decode("utf-8-sig", "replace")
    yield from table_rows(text, str(path), max_bytes, delimiter="\t" if path.suffix.lower() == ".tsv" else None)


def table_rows(text: str, name: str, max_bytes: int = DEFAULT_MAX_BYTES,
               delimiter: str | None = None) -> Iterator[RawInput]:
    """RawInputs from CSV text with a header row; a row without a text/html value is reported, not skipped."""
    csv.field_size_limit(max(max_bytes, 1_000_000))
    if delimiter is None:
        header = text.split("\n", 1)[0]
        delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
    text_col = next((columns[c] for c in TEXT_COLUMNS if c in columns), None)
    html_col = next((columns[c] for c in HTML_COLUMNS if c in columns), None)
    if text_col is None and html_col is None:
        yield RawInput(path=name, error=f"no text column: expected one of {', '.join(TEXT_COLUMNS + HTML_COLUMNS)}")
        return
    try:
        for number, row in enumerate(reader, 2):
            yield _table_row(row, columns, text_col, html_col, f"{name}:{number}", max_bytes)
    except csv.Error as err:
        yield RawInput(path=name, error=f"broken CSV: {err}")


def _table_row(row: dict[str, str | None], columns: dict[str, str], text_col: str | None, html_col: str | None,
               where: str, max_bytes: int) -> RawInput:
    def get(key: str) -> str | None:
        return _str_or_none(row.get(columns[key])) if key in columns else None

    body = _str_or_none(row.get(text_col)) if text_col else None
    html = _str_or_none(row.get(html_col)) if html_col and body is None else None
    if body is None and html is None:
        return RawInput(path=where, error="row has neither text nor html")
    raw = RawInput(path=get("path") or where, text=body, html=html, url=get("url"),
                   title=get("title"), published=get("published") or get("date"))
    if len(body or html or "") > max_bytes:
        raw.warnings.append(f"input larger than {max_bytes} characters: only the first {max_bytes} were kept")
        raw.text, raw.html = (body[:max_bytes] if body else None), (html[:max_bytes] if html else None)
    return raw


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _read_capped(path: Path, max_bytes: int) -> tuple[bytes, bool]:
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    return data[:max_bytes], len(data) > max_bytes
