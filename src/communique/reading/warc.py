"""Read news crawls: every HTML response in a WARC or WARC.gz file becomes one article with its URL.

Payloads are read through a bounded stream (at most `max_bytes` decompressed bytes per record), so a record that
inflates to gigabytes (a "zip bomb") costs no more memory than an ordinary page: it is cut, with a warning. A
damaged archive yields an error for the record where reading stopped; the records before it are kept.
"""
from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..records import RawInput

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, max_bytes: int) -> Iterator[RawInput]:
    """One RawInput per HTML response record, labelled `file.warc.gz#N` (N counts all records from 1)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with path.open("rb") as fh:
            for number, record in enumerate(ArchiveIterator(fh, check_digests=True), 1):
                raw = _response_to_input(record, f"{path}#{number}", max_bytes)
                if raw is not None:
                    yield raw
    except OSError as err:
        if number == 0 and not path.exists():
            yield RawInput(path=str(path), error=f"cannot read {path}: {err}")
        else:
            yield RawInput(path=f"{path}#{number + 1}", error=f"damaged WARC after record {number}: {_describe(err)}")
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as err:
        yield RawInput(path=f"{path}#{number + 1}", error=f"damaged WARC after record {number}: {_describe(err)}")


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
    raw = RawInput(path=label, data=data[:max_bytes], media_type="text/html",
                   url=record.rec_headers.get_header("WARC-Target-URI"),  # type: ignore[attr-defined]
                   retrieved=_date_part(record.rec_headers.get_header("WARC-Date")))  # type: ignore[attr-defined]
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


def _date_part(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else None
