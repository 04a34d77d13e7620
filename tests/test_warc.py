"""News crawls: a WARC.gz built here from the sample HTML pages is read article by article."""
from __future__ import annotations

import io
import tracemalloc
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import communique
from communique.reading.warc import MAX_HEADER_LINE, read_warc
from communique.samples import articles_dir

PAGES = sorted(articles_dir().glob("*.html"))


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], gzip_records: bool = True) -> Path:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "communique-tests"}))
        for url, body, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": "2024-09-11T08:00:00Z"}))
    return path


def test_every_html_response_becomes_an_article(tmp_path):
    assert len(PAGES) >= 3
    pages = [(f"https://news.example/{p.stem}", p.read_bytes(), "text/html; charset=utf-8") for p in PAGES]
    pages.insert(1, ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"))
    warc = write_warc(tmp_path / "crawl.warc.gz", pages)
    records = [a.to_record() for a in communique.process_paths([warc])]
    assert len(records) == len(PAGES)
    assert [r["source"]["url"] for r in records] == [u for u, _, t in pages if t.startswith("text/html")]
    for record, page in zip(records, PAGES):
        assert "error" not in record, record
        assert record["source"]["path"].startswith(str(warc) + "#")
        assert record["source"]["retrieved"] == "2024-09-11"
        assert record["language"] == page.name[:2]
        assert len(record["text"]) > 400 and "<p>" not in record["text"]


def test_uncompressed_warc_is_read_too(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc", [("https://x.example/a", PAGES[0].read_bytes(), "text/html")],
                      gzip_records=False)
    [raw] = list(read_warc(warc, 5_000_000))
    assert raw.url == "https://x.example/a" and raw.data == PAGES[0].read_bytes()


def test_a_record_that_inflates_enormously_is_cut_not_loaded(tmp_path):
    zeros = b"<html><body><p>" + b" " * (200 * 1024 * 1024)
    warc = write_warc(tmp_path / "bomb.warc.gz", [("https://x.example/bomb", zeros, "text/html"),
                                                   ("https://x.example/ok", PAGES[0].read_bytes(), "text/html")])
    assert warc.stat().st_size < 2 * 1024 * 1024
    bomb, ok = list(read_warc(warc, 1_000_000))
    assert len(bomb.data) == 1_000_000 and "only the first 1000000 bytes" in bomb.warnings[0]
    assert ok.url == "https://x.example/ok"


def record_offsets(path: Path) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    offsets = []
    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        for record in records:
            offsets.append(records.get_record_offset())
            record.content_stream().read()
    return offsets


def test_a_damaged_archive_keeps_the_records_before_the_damage(tmp_path):
    warc = write_warc(tmp_path / "crawl.warc.gz", [(f"https://x.example/{i}", PAGES[0].read_bytes(), "text/html")
                                                    for i in range(3)])
    data, last = warc.read_bytes(), record_offsets(warc)[-1]
    for name, damaged in {"cut": data[: last + (len(data) - last) // 2],
                          "garbage": data[: last + 40] + b"\x00garbage" * 40}.items():
        broken = tmp_path / f"{name}.warc.gz"
        broken.write_bytes(damaged)
        out = list(read_warc(broken, 5_000_000))
        assert [r.url for r in out[:2]] == ["https://x.example/0", "https://x.example/1"], name
        assert all(r.error is None for r in out[:2])
        assert len(out) == 3 and out[2].error and "damaged WARC" in out[2].error, (name, out[2])
        assert out[2].error.isprintable()


def write_long_header_warc(path: Path, line_bytes: int, *, in_http: bool) -> Path:
    """A one-record .warc.gz whose WARC header (or, with `in_http`, HTTP header) holds one line of `line_bytes`,
    compressed as it is written (a few hundred KB on disk for hundreds of MB inflated)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * (1 << 20)

    def long_line() -> list[bytes]:
        parts = [squeeze.compress(b"X-Padding: ")]
        for _ in range(line_bytes // len(chunk)):
            parts.append(squeeze.compress(chunk))
        return parts

    body = b"<html><body><p>Kazakhstan and Argentina signed an agreement in Astana.</p></body></html>"
    http_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    with path.open("wb") as fh:
        if in_http:
            length = len(http_head) + len(b"X-Padding: ") + line_bytes // len(chunk) * len(chunk) + 4 + len(body)
            fh.write(squeeze.compress(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/h\r\n"
                                      b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response"
                                      b"\r\nContent-Length: " + str(length).encode() + b"\r\n\r\n" + http_head))
            fh.writelines(long_line())
            fh.write(squeeze.compress(b"\r\n\r\n" + body + b"\r\n\r\n"))
        else:
            fh.write(squeeze.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"))
            fh.writelines(long_line())
            fh.write(squeeze.compress(b"\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
        fh.write(squeeze.flush())
    return path


@pytest.mark.parametrize("in_http", [False, True], ids=["warc-header", "http-header"])
def test_a_huge_header_line_is_an_error_for_its_record_in_bounded_memory(tmp_path, in_http):
    warc = write_long_header_warc(tmp_path / "long.warc.gz", 256 << 20, in_http=in_http)
    assert warc.stat().st_size < 2 << 20
    tracemalloc.start()
    try:
        out = list(read_warc(warc, 5_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (record,) = out
    assert record.error and f"header line longer than {MAX_HEADER_LINE} bytes" in record.error, record
    assert record.path == f"{warc}#1"
    # what remains is warcio inflating one 16 KB block of the archive at a time (at most ~17 MB at deflate's
    # ratio), held a few times over: bounded whatever the line's length (reading the whole line took 3.4 GB)
    assert peak < 64 << 20, f"{peak / 2**20:.0f} MiB allocated for a 256 MiB header line"
