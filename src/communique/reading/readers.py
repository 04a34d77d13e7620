"""Read inputs from paths, directories, JSONL and CSV/TSV files and stdin into :class:`RawInput` records.

Readers never raise for one bad input: a missing file, an unreadable file, a broken JSONL line or a CSV row
without text becomes a RawInput with `error` set, so the batch goes on and the error is reported against the
input it came from.

A CSV (or TSV) file holds one article per row under a header: the body in a column named `text` (or `body`,
`content`, `article`) or `html`, and optionally `url`, `title`, `published`, `path`/`id`.

A text or HTML file may have its address and publication date listed beside it, in a manifest of its folder
(``MANIFEST.tsv``, ``manifest.tsv``, ``MANIFEST.csv`` or ``manifest.csv``: a `file` column with the file's name,
and `url`, `published` or `date`), as crawls and collections keep them: the address gives the outlet and, where the
text states no publication date, the date in it (``/2024/04/15/``), which relative dates ("on Tuesday") count from.

Every reader streams and is capped at the input limit (`max_bytes`): a document, a JSONL line or a CSV row longer
than that costs no more memory than the limit (a line or row over it is reported and skipped, the reading goes
on after it). Only regular files are read: a FIFO, socket or device among the inputs is refused with its reason.
Inputs are labelled with `printable` names, so a file name with bytes that are not UTF-8 or terminal escapes is
shown, stored and written escaped.
"""
from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..errors import NotRegularFileError, open_regular, printable
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
#: Where a line or row was over the input limit: skipped, its reader going on after it.
TOO_LONG = object()


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
            # a broken link, a FIFO or an unreadable file is reported by read_file, not silently left out
            found = sorted(p for p in path.rglob("*")
                           if not p.is_dir() and (p.suffix.lower() in SUPPORTED_SUFFIXES or is_warc(p)))
            if not found:
                log.warning("no readable documents under %s", printable(path))
            for child in found:
                yield from read_file(child, max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes)
        else:
            yield RawInput(path=printable(name), error=f"no such file or directory: {printable(name)}")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput]:
    suffix = path.suffix.lower()
    label = printable(path)
    try:
        handle = open_regular(path)
    except OSError as err:
        yield RawInput(path=label, error=_cannot_read(label, err))
        return
    with handle:
        if is_warc(path):
            yield from read_warc(handle, max_bytes, label)
        elif suffix in JSONL_SUFFIXES:
            yield from read_jsonl(handle, label, max_bytes)
        elif suffix in TABLE_SUFFIXES:
            yield from read_table(handle, label, max_bytes, delimiter="\t" if suffix == ".tsv" else None)
        else:
            try:
                data, truncated = _read_capped(handle, max_bytes)
            except OSError as err:
                yield RawInput(path=label, error=_cannot_read(label, err))
                return
            raw = RawInput(path=label, data=data, media_type="text/html" if suffix in HTML_SUFFIXES else None)
            _from_manifest(raw, path)
            if truncated:
                raw.warnings.append(_cut_warning(max_bytes))
            yield raw


MANIFEST_NAMES = ("MANIFEST.tsv", "manifest.tsv", "MANIFEST.csv", "manifest.csv")
MANIFEST_FILE_COLUMNS = ("file", "filename", "name", "path")
MANIFEST_MAX_BYTES = 5_000_000


def _from_manifest(raw: RawInput, path: Path) -> None:
    """The address and publication date the folder's manifest lists for this file, where the input has none."""
    try:
        folder = path.parent.resolve()
        stamp = max((folder / n).stat().st_mtime_ns for n in MANIFEST_NAMES if (folder / n).is_file())
    except (OSError, ValueError):            # no manifest (max of nothing), or an unreadable folder
        return
    entry = _manifest(str(folder), stamp).get(path.name)
    if entry:
        raw.url = raw.url or entry.get("url")
        raw.published = raw.published or entry.get("published") or entry.get("date")


@functools.lru_cache(maxsize=16)
def _manifest(folder: str, stamp: int) -> dict[str, dict[str, str]]:
    """File name -> its manifest row (url, published, date: non-empty values only); the first manifest found."""
    for name in MANIFEST_NAMES:
        path = Path(folder) / name
        if not path.is_file():
            continue
        try:
            with open_regular(path) as handle:
                data = handle.read(MANIFEST_MAX_BYTES).decode("utf-8-sig", errors="replace")
        except OSError as err:
            log.warning("manifest %s not read: %s", printable(path), err)
            return {}
        reader = csv.DictReader(io.StringIO(data, newline=""), delimiter="\t" if name.endswith(".tsv") else ",")
        columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
        key = next((columns[c] for c in MANIFEST_FILE_COLUMNS if c in columns), None)
        if key is None:
            return {}
        out: dict[str, dict[str, str]] = {}
        try:
            for row in reader:
                found = {k: v.strip() for k in ("url", "published", "date")
                         if k in columns and isinstance(v := row.get(columns[k]), str) and v.strip()}
                if isinstance(row.get(key), str) and found:
                    out[Path(row[key].strip()).name] = found
        except csv.Error as err:
            log.warning("manifest %s: %s", printable(path), err)
        return out
    return {}


def _cannot_read(label: str, err: OSError) -> str:
    return str(err) if isinstance(err, NotRegularFileError) else f"cannot read {label}: {err.strerror or err}"


def _cut_warning(max_bytes: int) -> str:
    return f"input larger than {max_bytes} bytes: only the first {max_bytes} bytes were read"


def read_stream(stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput]:
    """stdin: JSONL when the first non-blank character is '{', otherwise one plain-text or HTML document; read as it
    comes, never more than the input limit at once."""
    head = b""
    while len(head) <= max_bytes and not head.strip() and (chunk := stream.read(65_536)):
        head += chunk
    if head.lstrip()[:1] == b"{":
        yield from read_jsonl(_Prefixed(head, stream), name, max_bytes)
        return
    data = head + stream.read(max(0, max_bytes + 1 - len(head)))
    raw = RawInput(path=name, data=data[:max_bytes])
    if len(data) > max_bytes:
        raw.warnings.append(_cut_warning(max_bytes))
    yield raw


class _Prefixed:
    """A binary stream with bytes already read from it put back in front (readline only, what JSONL needs)."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head, self.stream = io.BytesIO(head), stream

    def readline(self, limit: int = -1) -> bytes:
        line = self.head.readline(limit)
        if line.endswith(b"\n") or (0 <= limit <= len(line)):
            return line
        return line + self.stream.readline(-1 if limit < 0 else limit - len(line))


def read_jsonl(handle: Any, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput]:
    """One RawInput per non-blank line of a binary stream, labelled `name:N`; a line over the input limit is
    reported and skipped without being held in memory."""
    try:
        for number, line in enumerate(capped_lines(handle, max_bytes, b"\n"), 1):
            where = f"{name}:{number}"
            if line is TOO_LONG:
                yield RawInput(path=where, error=f"line longer than {max_bytes} bytes (the input limit): skipped")
            elif line.strip():
                yield parse_jsonl_line(line, where, max_bytes)
    except OSError as err:
        yield RawInput(path=name, error=_cannot_read(name, err))


def capped_lines(handle: Any, limit: int, newline: Any) -> Iterator[Any]:
    """The lines of a stream (bytes or text), each line over `limit` replaced by `TOO_LONG` and read past in pieces
    of at most `limit`: memory stays within the limit whatever the line's length."""
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(newline):
            yield line
            continue
        while (rest := handle.readline(limit)) and not rest.endswith(newline):
            pass
        yield TOO_LONG


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


def read_table(handle: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES,
               delimiter: str | None = None) -> Iterator[RawInput]:
    """One article per CSV/TSV row of a binary stream (UTF-8, bad bytes replaced), read row by row."""
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace", newline="")
    try:
        yield from table_rows(text, name, max_bytes, delimiter=delimiter)
    except OSError as err:
        yield RawInput(path=name, error=_cannot_read(name, err))
    finally:
        text.detach()           # the caller closes the file


#: stands for a physical line over the input limit inside the CSV reader (NUL cannot start a real row's text)
_LONG_MARK = "\x00communique-row-over-the-input-limit\x00"
_LONG_ROW = _LONG_MARK + "\n"


def table_rows(text: str | TextIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES,
               delimiter: str | None = None) -> Iterator[RawInput]:
    """RawInputs from CSV text (a string or a text stream) with a header row; a row without a text/html value, or
    longer than the input limit, is reported, not skipped silently."""
    csv.field_size_limit(max_bytes)
    stream = io.StringIO(text, newline="") if isinstance(text, str) else text
    lines = (_LONG_ROW if line is TOO_LONG else line for line in capped_lines(stream, max_bytes, "\n"))
    header = next(lines, "")
    if header == _LONG_ROW:
        yield RawInput(path=name, error=f"header line longer than {max_bytes} bytes (the input limit)")
        return
    if delimiter is None:
        delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(itertools.chain([header], lines), delimiter=delimiter)
    columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
    text_col = next((columns[c] for c in TEXT_COLUMNS if c in columns), None)
    html_col = next((columns[c] for c in HTML_COLUMNS if c in columns), None)
    if text_col is None and html_col is None:
        yield RawInput(path=name, error=f"no text column: expected one of {', '.join(TEXT_COLUMNS + HTML_COLUMNS)}")
        return
    try:
        for number, row in enumerate(reader, 2):
            where = f"{name}:{number}"
            if any(isinstance(value, str) and _LONG_MARK in value for value in row.values()):
                yield RawInput(path=where, error=f"row longer than {max_bytes} bytes (the input limit): skipped")
                continue
            yield _table_row(row, columns, text_col, html_col, where, max_bytes)
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


def _read_capped(handle: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    data = handle.read(max_bytes + 1)
    return data[:max_bytes], len(data) > max_bytes
