"""Readers: files, directories, JSONL, CSV/TSV and stdin become RawInputs; one bad input never stops the rest."""
from __future__ import annotations

import io
import itertools
import json

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from communique.reading.readers import parse_jsonl_line, read_paths, read_stream, table_rows

BODY = "ASTANA, May 14 (Kazinform) – Kazakhstan and Brazil signed a memorandum on agriculture, the ministry said."


def test_text_and_html_files_keep_their_bytes_and_media_type(tmp_path):
    (tmp_path / "a.txt").write_bytes(BODY.encode("cp1251"))
    (tmp_path / "b.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    raws = list(read_paths([tmp_path]))
    assert [r.path.rsplit("/", 1)[-1] for r in raws] == ["a.txt", "b.html"]
    assert raws[0].data == BODY.encode("cp1251") and raws[0].media_type is None
    assert raws[1].media_type == "text/html"


def test_missing_path_is_an_error_record_not_an_exception(tmp_path):
    (raw,) = list(read_paths([tmp_path / "nope.txt"]))
    assert raw.error and "no such file" in raw.error


def test_oversized_file_is_cut_with_a_warning(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"a" * 5000)
    (raw,) = list(read_paths([tmp_path / "big.txt"], max_bytes=1000))
    assert len(raw.data) == 1000 and "larger than 1000 bytes" in raw.warnings[0]


def test_jsonl_lines_each_become_an_input_and_bad_lines_are_reported(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": BODY, "url": "https://inform.kz/x", "published": "2024-05-14"}),
        "{not json",
        json.dumps({"html": "<p>Hola</p>", "title": "T"}),
        json.dumps({"neither": 1}),
    ]), encoding="utf-8")
    raws = list(read_paths([path]))
    assert raws[0].text == BODY and raws[0].published == "2024-05-14" and raws[0].url == "https://inform.kz/x"
    assert raws[1].error.startswith("line is not valid JSON") and raws[1].path.endswith(":2")
    assert raws[2].html == "<p>Hola</p>" and raws[2].title == "T"
    assert "neither" in raws[3].error


def test_csv_rows_with_a_text_column(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text('url,title,published,text\nhttps://efe.com/1,Visita,2016-04-03,"' + BODY.replace('"', '""')
                    + '"\nhttps://efe.com/2,,,\n', encoding="utf-8")
    raws = list(read_paths([path]))
    assert raws[0].text == BODY and raws[0].published == "2016-04-03" and raws[0].path.endswith("articles.csv:2")
    assert raws[1].error == "row has neither text nor html"


def test_tsv_with_an_html_column_and_a_table_without_text_column(tmp_path):
    (tmp_path / "pages.tsv").write_text("url\thtml\nhttps://x\t<p>Hola</p>\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    raws = {r.path.rsplit("/", 1)[-1].split(":")[0]: r
            for r in read_paths([tmp_path / "pages.tsv", tmp_path / "bad.csv"])}
    assert raws["pages.tsv"].html == "<p>Hola</p>"
    assert "no text column" in raws["bad.csv"].error


def test_a_table_in_a_directory_is_taken_for_a_manifest_and_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "MANIFEST.tsv").write_text("file\turl\na.txt\thttps://x\n", encoding="utf-8")
    assert [r.path.rsplit("/", 1)[-1] for r in read_paths([tmp_path])] == ["a.txt"]


def test_a_files_address_and_date_come_from_the_manifest_beside_it(tmp_path):
    (tmp_path / "a.txt").write_text("Tokayev met Putin on Tuesday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("No row for this one.", encoding="utf-8")
    (tmp_path / "MANIFEST.tsv").write_text("file\turl\tlanguage\na.txt\thttps://x.kz/2024/04/15/talks\ten\n",
                                         encoding="utf-8")
    found = {raw.path.rsplit("/", 1)[-1]: raw for raw in read_paths([tmp_path])}
    assert set(found) == {"a.txt", "b.txt"}                   # the manifest itself is no document
    assert found["a.txt"].url == "https://x.kz/2024/04/15/talks" and found["b.txt"].url is None
    (tmp_path / "MANIFEST.tsv").write_text("file\turl\tpublished\na.txt\thttps://x.kz/t\t2024-04-16\n",
                                         encoding="utf-8")
    raw = next(read_paths([tmp_path / "a.txt"]))
    assert (raw.url, raw.published) == ("https://x.kz/t", "2024-04-16")   # an edited manifest is read again


def test_an_address_from_the_manifest_dates_relative_days(tmp_path):
    import communique

    (tmp_path / "a.txt").write_text("Kazakhstan and Russia\n\nPresident Tokayev met President Putin in Moscow on "
                                    "Tuesday to discuss trade.", encoding="utf-8")
    (tmp_path / "MANIFEST.tsv").write_text("file\turl\na.txt\thttps://x.kz/2024/04/18/talks\n", encoding="utf-8")
    article = next(communique.process_paths([tmp_path / "a.txt"]))
    assert article.published == "2024-04-18"
    assert [e.date for e in article.events if e.type == "CONSULT"] == ["2024-04-16"]


def test_stdin_is_one_document_or_jsonl():
    (doc,) = list(read_stream(io.BytesIO(BODY.encode()), "<stdin>"))
    assert doc.data == BODY.encode()
    many = list(read_stream(io.BytesIO(b'{"text": "a"}\n\n{"text": "b"}\n'), "<stdin>"))
    assert [r.text for r in many] == ["a", "b"]


@hsettings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_jsonl_parser_never_raises_on_random_bytes(data):
    raw = parse_jsonl_line(data, "x:1")
    assert raw.error is not None or raw.text is not None or raw.html is not None


@hsettings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_csv_parser_never_raises_on_random_text(text):
    for raw in table_rows("text,url\n" + text, "t.csv"):
        assert raw.error is not None or raw.text is not None


def _peak_while(consume) -> tuple[object, int]:
    """What `consume()` returns and the most memory Python allocated meanwhile (tracemalloc's peak)."""
    import tracemalloc

    tracemalloc.start()
    try:
        result = consume()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_large_csv_is_streamed_row_by_row(tmp_path):
    """60 MB of rows: the first rows come out after reading only them (the file was read whole, 1.2 GB for 200 MB)."""
    row = "Row {n},Kazakhstan and Argentina signed an agreement. " + "z" * 100_000 + "\n"
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("title,text\n")
        for n in range(600):
            fh.write(row.format(n=n))
    assert path.stat().st_size > 60_000_000
    first, peak = _peak_while(lambda: [r.title for r in itertools.islice(read_paths([path], max_bytes=1_000_000), 3)])
    assert first == ["Row 0", "Row 1", "Row 2"]
    assert peak < 8_000_000, f"{peak / 1e6:.0f} MB to read three rows"


def test_a_huge_jsonl_line_costs_no_more_than_the_input_limit(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "y" * 50_000_000}) + "\n" + json.dumps({"text": "fine"}) + "\n")
    out, peak = _peak_while(lambda: list(read_paths([path], max_bytes=1_000_000)))
    assert [r.error for r in out] == ["line longer than 1000000 bytes (the input limit): skipped", None]
    assert out[1].text == "fine" and out[1].path.endswith("big.jsonl:2")
    assert peak < 8_000_000, f"{peak / 1e6:.0f} MB to skip a 50 MB line"


@pytest.mark.parametrize("jsonl", [False, True])
def test_large_stdin_is_read_only_up_to_the_input_limit(jsonl):
    data = (b'{"text": "' + b"w" * 30_000_000 + b'"}\n{"text": "ok"}\n') if jsonl else b"v" * 30_000_000
    stream = io.BytesIO(data)
    out, peak = _peak_while(lambda: list(read_stream(stream, "<stdin>", max_bytes=1_000_000)))
    if jsonl:
        assert [r.error is None for r in out] == [False, True] and out[1].text == "ok"
    else:
        assert len(out[0].data) == 1_000_000 and "larger than 1000000 bytes" in out[0].warnings[0]
    assert peak < 8_000_000, f"{peak / 1e6:.0f} MB for a 30 MB stdin"


def test_a_csv_row_over_the_limit_inside_quotes_is_skipped_and_reading_goes_on():
    text = 'title,text\n"A","' + "q" * 5000 + '"\nB,Kazakhstan and Argentina signed an agreement.\n'
    rows = list(table_rows(text, "t.csv", max_bytes=2_000))
    assert [r.error for r in rows][:1] == ["row longer than 2000 bytes (the input limit): skipped"]
    assert rows[-1].text == "Kazakhstan and Argentina signed an agreement." and rows[-1].path == "t.csv:3"
