"""Exports of the merged events (columns documented in docs/exports.md, with how to load each with its types).

- ``jsonl``: one merged event per line with every report behind it (``reports``: sentence and document).
- ``csv``: the flat columns of `EXPORT_COLUMNS`, with a header; lists joined with " | "; text cells that would
  start a spreadsheet formula neutralised (`guard_cell`) unless asked not to.
- ``parquet``: the same columns in one declared schema (`parquet_schema`: codes and ISO dates strings,
  ``date_start`` a date), an empty export a typed file with no rows (``pip install communique[parquet]``).
- ``plover``: PLOVER/POLECAT records (`communique.kb.plover`).
- ``gdelt2``, ``gdelt2-mentions``, ``gdelt1`` (``gdelt``): GDELT's tab-separated layouts (`communique.kb.gdelt`).

Column names and order are stable: new columns are only ever added at the end.
"""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Any

import pandas as pd

from ..actors.codes import actor_code
from ..defaults import EXPORT_FORMATS
from ..events.cameo import event_cameo
from ..version import __version__
from .gdelt import GDELT1_COLUMNS, first_day, gdelt_lines, mention_lines
from .geography import event_geo
from .plover import plover_records
from .queries import EVENT_COLUMNS, event_batches, evidence

if TYPE_CHECKING:
    from .store import Store

FORMATS = EXPORT_FORMATS
#: GDELT-style formats (tab-separated, no header) and the GDELT version each writes ("gdelt" is GDELT 1.0)
GDELT_FORMATS = {"gdelt": 1, "gdelt1": 1, "gdelt2": 2, "gdelt2-mentions": 2}
#: merged events read, joined with their reports and written at a time
EXPORT_BATCH = 500

#: the flat exports' place columns, from the Geo block of `communique.kb.geography` (see docs/exports.md)
LOCATION_FIELDS = {"name": "FullName", "type": "Type", "country": "iso", "fips": "CountryCode", "adm1": "ADM1Code",
                   "lat": "Lat", "lon": "Long", "feature_id": "FeatureID"}
#: Flat export columns (csv, parquet): the merged event, then its sources, then columns added later (at the end).
EXPORT_COLUMNS = [c for c in EVENT_COLUMNS if c != "date_precision"] + [
    "cameo_code", "quad_class", "story_ids", "doc_ids", "urls", "outlets", "date_precision", "date_start",
    "event_base_code", "event_root_code", "goldstein", *[f"location_{c}" for c in LOCATION_FIELDS],
    "actor1_country", "actor2_country"]
GDELT_COLUMNS = GDELT1_COLUMNS


def export_rows(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """Merged events (kb.events filters apply) with their reports attached under ``reports``."""
    return [row for batch in export_batches(store, **filters) for row in batch]


def export_batches(store: Store, *, batch_size: int = EXPORT_BATCH, **filters: Any) -> Iterator[list[dict[str, Any]]]:
    """`export_rows` in batches of at most `batch_size` merged events, read from the store as they are written: an
    export of any size holds one batch (and its reports) at a time."""
    for rows in event_batches(store, size=batch_size, **filters):
        yield _with_reports(store, rows)


def _with_reports(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in evidence(store, [row["id"] for row in rows]).to_dict("records"):
        reports[r.pop("merged_id")].append({k: _clean(v) for k, v in r.items()})
    for row in rows:
        row["reports"] = reports.get(row["id"], [])
        coded = event_cameo(row["type"], row["mode"])
        row["cameo_code"] = coded.code if coded else None
        row["quad_class"] = coded.quad_class if coded else None
        row["event_base_code"] = coded.base if coded else None
        row["event_root_code"] = coded.root if coded else None
        row["goldstein"] = coded.goldstein if coded else None
        start = first_day(row["date"])
        row["date_start"] = start.isoformat() if start else None
        row["story_ids"] = _unique(r["story_id"] for r in row["reports"])
        row["doc_ids"] = _unique(r["doc_id"] for r in row["reports"])
        row["urls"] = _unique(r["url"] or r["path"] for r in row["reports"])
        row["outlets"] = _unique(r["outlet"] for r in row["reports"])
        geo = event_geo(row) or {}
        for name, field in LOCATION_FIELDS.items():
            value = geo.get(field)
            row[f"location_{name}"] = None if value in (None, "") else float(value) if name in ("lat", "lon") else value
        for n in (1, 2):
            actor = actor_code(row[f"actor{n}"])
            row[f"actor{n}_country"] = actor.country if actor else None
    return rows


def export(store: Store, fmt: str, out: IO[Any], *, include_planned: bool = False, csv_guard: bool = True,
           **filters: Any) -> int:
    """Write the merged events to `out` (text stream; binary for parquet), batch by batch; returns how many
    merged events were written. GDELT-style formats leave out planned events unless `include_planned`; the csv
    format neutralises spreadsheet formulas (`csv_guard`, see `guard_cell`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _write_parquet(store, out, **filters)
    written = 0
    for text, count in export_chunks(store, fmt, include_planned=include_planned, csv_guard=csv_guard, **filters):
        out.write(text)
        written += count
    return written


def export_chunks(store: Store, fmt: str, *, include_planned: bool = False, csv_guard: bool = True,
                  **filters: Any) -> Iterator[tuple[str, int]]:
    """A text export (not parquet) as pieces of text, one per batch of merged events, with how many merged events
    each holds: what a streamed HTTP response sends as it goes."""
    if fmt not in FORMATS or fmt == "parquet":
        raise ValueError(f"{fmt!r} is not a text export format")
    header = fmt == "csv"
    added = datetime.now(UTC)
    for rows in export_batches(store, **filters):
        buffer = io.StringIO()
        count = len(rows)
        if fmt == "csv":
            csv_frame(rows, guard=csv_guard).to_csv(buffer, index=False, header=header)
            header = False
        elif fmt == "jsonl":
            buffer.writelines(json.dumps(_jsonl(row), ensure_ascii=False) + "\n" for row in rows)
        elif fmt == "plover":
            buffer.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in plover_records(store, rows))
        else:
            writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            version = GDELT_FORMATS[fmt]
            if fmt == "gdelt2-mentions":
                lines = list(mention_lines(store, rows, include_planned=include_planned, added=added))
                count = len({line[0] for line in lines})
            else:
                lines = list(gdelt_lines(rows, version, include_planned=include_planned, added=added))
                count = len(lines)
            writer.writerows(lines)
        yield buffer.getvalue(), count
    if header:                  # nothing matched: a CSV still has its header
        yield csv_frame([]).to_csv(index=False), 0


#: the first characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: csv columns of free text (from the articles) that the guard neutralises; codes, dates and numbers are left alone
GUARDED_COLUMNS = ("evidence", "path", "url", "title", "story_ids", "doc_ids", "urls", "outlets", "location_name")


def guard_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "@SUM") with a single quote
    put before it, as OWASP recommends for CSV files; any other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_frame(rows: list[dict[str, Any]], *, guard: bool = True,
              columns: tuple[str, ...] = GUARDED_COLUMNS) -> pd.DataFrame:
    """`flat_frame`, with the free-text columns guarded against formula injection unless `guard` is False."""
    frame = flat_frame(rows)
    if guard:
        for column in columns:
            if column in frame:
                frame[column] = frame[column].map(guard_cell)
    return frame


#: pandas dtypes of the flat columns that are not text (everything else is text: pandas' "string" or object)
FLAT_TYPES = {"year": "Int64", "num_articles": "Int64", "num_sources": "Int64", "num_outlets": "Int64",
              "quad_class": "Int64", "location_type": "Int64", "confidence": "float64", "weight": "float64",
              "goldstein": "float64", "location_lat": "float64", "location_lon": "float64", "mutual": "bool"}


def parquet_schema() -> Any:
    """The declared Parquet schema of the flat export: every code, id and ISO date a string, `date_start` a
    date, counts nullable 64-bit integers; the same for every export, an empty one included."""
    import pyarrow as pa

    types = {"Int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c, pa.date32() if c == "date_start" else types.get(FLAT_TYPES.get(c, ""), pa.string()),
                               nullable=c != "mutual") for c in EXPORT_COLUMNS],
                     metadata={"communique.version": __version__})


def arrow_table(rows: list[dict[str, Any]]) -> Any:
    """Merged events (with their reports) as a pyarrow table of the declared `parquet_schema` (plus pandas'
    metadata, so that `pd.read_parquet` gives back nullable integers)."""
    import pyarrow as pa

    frame = flat_frame(rows)
    frame["date_start"] = pd.to_datetime(frame["date_start"]).dt.date
    return pa.Table.from_pandas(frame, schema=parquet_schema(), preserve_index=False)


def _write_parquet(store: Store, out: IO[Any], **filters: Any) -> int:
    """Parquet written one row group per batch, every batch in the declared `parquet_schema` (an empty export is a
    typed file with no rows, so files of several exports concatenate)."""
    import pyarrow.parquet as pq

    empty = arrow_table([])
    written = 0
    with pq.ParquetWriter(out, empty.schema) as writer:
        for rows in export_batches(store, **filters):
            writer.write_table(arrow_table(rows))
            written += len(rows)
        if not written:
            writer.write_table(empty)
    return written


def flat_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    flat = [{c: (" | ".join(row[c]) if isinstance(row[c], list) else row[c]) for c in EXPORT_COLUMNS} for row in rows]
    frame = pd.DataFrame(flat, columns=EXPORT_COLUMNS)
    for column, dtype in FLAT_TYPES.items():
        frame[column] = frame[column].astype(dtype)
    for column in EXPORT_COLUMNS:
        if column not in FLAT_TYPES:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def _jsonl(row: dict[str, Any]) -> dict[str, Any]:
    keys = [c for c in EXPORT_COLUMNS if c not in ("doc_id", "path", "url", "title", "story_ids", "doc_ids", "urls",
                                                  "outlets")] + ["reports"]
    return {k: row[k] for k in keys}


def _unique(values: Any) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def _clean(value: Any) -> Any:
    return None if isinstance(value, float) and value != value else value


def to_text(store: Store, fmt: str, **options: Any) -> str:
    """An export as a string (not for parquet)."""
    buffer = io.StringIO()
    export(store, fmt, buffer, **options)
    return buffer.getvalue()
