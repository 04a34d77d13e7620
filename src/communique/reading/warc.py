"""Read news crawls: every HTML response in a WARC or WARC.gz file becomes one article with its URL.

The record's `WARC-Date` (else the response's HTTP `Date`) is when the page was fetched (`retrieved`); the response's
`Last-Modified` is kept where it is a real modification stamp (`last_modified`): the metadata stage uses it, after
the page's own dates, for the publication date (reading/published.py).

Payloads are read through a bounded stream (at most `max_bytes` decompressed bytes per record), so a record that
inflates to gigabytes (a "zip bomb") costs no more memory than an ordinary page: it is cut, with a warning. A
damaged archive yields an error for the record where reading stopped; the records before it are kept.

Header lines (the WARC record's and the HTTP response's) are read at most `MAX_HEADER_LINE` bytes at a time: a line
longer than that, however far it would inflate, is an error for its record, not gigabytes of memory.
"""
from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import open_regular, printable
from ..records import RawInput

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: the longest header line read: real ones (long cookies, URLs) stay far below it
MAX_HEADER_LINE = 65_536


class HeaderLineTooLongError(ValueError):
    """A WARC or HTTP header line over MAX_HEADER_LINE bytes."""


class _CappedLines:
    """The archive reader with every `readline` capped: warcio reads header lines (and the blank lines between
    records) with an unbounded `readline`, which holds a whole line, however long, in memory."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader

    def readline(self, length: int | None = None) -> bytes:
        want = MAX_HEADER_LINE + 1 if length is None or length < 0 else min(length, MAX_HEADER_LINE + 1)
        line = self._reader.readline(want)
        if len(line) > MAX_HEADER_LINE and not line.endswith(b"\n"):
            raise HeaderLineTooLongError(f"a header line longer than {MAX_HEADER_LINE} bytes")
        return line

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(source: str | os.PathLike[str] | BinaryIO, max_bytes: int, label: str | None = None) -> Iterator[RawInput]:
    """One RawInput per HTML response record, labelled `file.warc.gz#N` (N counts all records from 1). `source` is
    a path or an open binary file (then `label` names it)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    is_path = isinstance(source, (str, os.PathLike))
    label = label or (printable(source) if is_path else "<warc>")  # type: ignore[arg-type]
    number = 0
    try:
        with ExitStack() as stack:
            fh = stack.enter_context(open_regular(source)) if is_path else source  # type: ignore[arg-type]
            records = ArchiveIterator(fh, check_digests=True)
            records.reader = _CappedLines(records.reader)
            for number, record in enumerate(records, 1):
                raw = _response_to_input(record, f"{label}#{number}", max_bytes)
                if raw is not None:
                    yield raw
    except OSError as err:
        if number == 0 and is_path and not Path(source).exists():  # type: ignore[arg-type]
            yield RawInput(path=label, error=f"cannot read {label}: {err}")
        elif number == 0 and is_path:
            yield RawInput(path=label, error=_describe(err))
        else:
            yield RawInput(path=f"{label}#{number + 1}", error=f"damaged WARC after record {number}: {_describe(err)}")
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as err:
        yield RawInput(path=f"{label}#{number + 1}", error=f"damaged WARC after record {number}: {_describe(err)}")


def _response_to_input(record: object, label: str, max_bytes: int) -> RawInput | None:
    if getattr(record, "rec_type", None) != "response" or record.http_headers is None:  # type: ignore[attr-defined]
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()  # type: ignore[attr-defined]
    if not content_type.startswith(_HTML_TYPES):
        return None
    status = record.http_headers.get_statuscode()  # type: ignore[attr-defined]
    if status and not str(status).startswith("2"):
        return None
    stream = record.content_stream()  # type: ignore[attr-defined]
    data = stream.read(max_bytes + 1)
    http = record.http_headers  # type: ignore[attr-defined]
    raw = RawInput(path=label, data=data[:max_bytes], media_type="text/html",
                   url=record.rec_headers.get_header("WARC-Target-URI"),  # type: ignore[attr-defined]
                   retrieved=_date_part(record.rec_headers.get_header("WARC-Date"))  # type: ignore[attr-defined]
                   or http_date(http.get_header("Date")),
                   last_modified=modified_date(http.get_header("Last-Modified"), http.get_header("Date")))
    if len(data) <= max_bytes and _damaged(record):
        return RawInput(path=label, url=raw.url, error="damaged WARC record: its payload is truncated or corrupted")
    if len(data) > max_bytes:
        raw.warnings.append(f"WARC record larger than {max_bytes} bytes once decompressed: "
                            f"only the first {max_bytes} bytes were read")
    return raw


def _damaged(record: object) -> bool:
    """After the whole payload was read: bytes the record announced but did not deliver, or a wrong digest."""
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return True
    return getattr(getattr(record, "raw_stream", None), "limit", 0) > 0


def _describe(err: Exception) -> str:
    """First line of an error, printable characters only, capped: parsers quote raw bytes in their messages."""
    first = str(err).splitlines()[0] if str(err) else type(err).__name__
    clean = "".join(ch if ch.isprintable() and ord(ch) < 0x250 else "?" for ch in first)
    return clean[:120] + ("…" if len(clean) > 120 else "")


def http_date(value: str | None) -> str | None:
    """An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT", RFC 9110) as its ISO day, or None."""
    import email.utils

    if not value or not value.strip():
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed and 1990 <= parsed.year <= 2100 else None


def modified_date(last_modified: str | None, date: str | None) -> str | None:
    """The day of a `Last-Modified` header, unless it only repeats the response's `Date` (a page generated for this
    request says nothing of when it was written) or comes after it."""
    modified = http_date(last_modified)
    if modified is None or (last_modified or "").strip() == (date or "").strip():
        return None
    fetched = http_date(date)
    return None if fetched and modified > fetched else modified


def _date_part(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else None
