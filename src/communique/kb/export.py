"""Exports of the merged events: jsonl, csv, parquet, plover and gdelt (columns documented in docs/exports.md).

- ``jsonl``: one merged event per line with every report behind it (``reports``: sentence and document).
- ``csv``: the flat columns of `EXPORT_COLUMNS`, with a header; lists joined with " | ".
- ``parquet``: the same columns and types as csv, through pyarrow (``pip install communique[parquet]``).
- ``plover``: one JSON object per merged event with PLOVER's standardised field names (as in the PLOVER gold
  standard records: ``id``, ``date``, ``event``, ``mode``, ``source``/``target`` actor lists, ``eventText``,
  ``text``, ``language``...).
- ``gdelt``: the 58 tab-separated columns of a GDELT 1.0 event record, no header, with the CAMEO code of the
  PLOVER type and mode (`communique.events.cameo`) and its base code, root code, QuadClass and Goldstein value from
  the CAMEO table, and the source counts.

Column names and order are stable: new columns are only ever added at the end.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Any

import pandas as pd

from ..events.cameo import event_cameo
from ..version import __version__
from .queries import EVENT_COLUMNS, event_batches, evidence

if TYPE_CHECKING:
    from .store import Store

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
#: merged events read, joined with their reports and written at a time
EXPORT_BATCH = 500

#: Flat export columns (csv, parquet): the merged event, then its sources.
EXPORT_COLUMNS = EVENT_COLUMNS + ["cameo_code", "quad_class", "story_ids", "doc_ids", "urls", "outlets"]

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    *[f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *[f"{p}_{c}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]


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
        row["story_ids"] = _unique(r["story_id"] for r in row["reports"])
        row["doc_ids"] = _unique(r["doc_id"] for r in row["reports"])
        row["urls"] = _unique(r["url"] or r["path"] for r in row["reports"])
        row["outlets"] = _unique(r["outlet"] for r in row["reports"])
    return rows


def export(store: Store, fmt: str, out: IO[Any], **filters: Any) -> int:
    """Write the merged events to `out` (text stream; binary for parquet), batch by batch; returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _write_parquet(store, out, **filters)
    written = 0
    for text, count in export_chunks(store, fmt, **filters):
        out.write(text)
        written += count
    return written


def export_chunks(store: Store, fmt: str, **filters: Any) -> Iterator[tuple[str, int]]:
    """A text export (not parquet) as pieces of text, one per batch of merged events, with how many each holds:
    what a streamed HTTP response sends as it goes."""
    if fmt not in FORMATS or fmt == "parquet":
        raise ValueError(f"{fmt!r} is not a text export format")
    header = fmt == "csv"
    for rows in export_batches(store, **filters):
        buffer = io.StringIO()
        if fmt == "csv":
            flat_frame(rows).to_csv(buffer, index=False, header=header)
            header = False
        elif fmt == "jsonl":
            buffer.writelines(json.dumps(_jsonl(row), ensure_ascii=False) + "\n" for row in rows)
        elif fmt == "plover":
            buffer.writelines(json.dumps(plover_record(row), ensure_ascii=False) + "\n" for row in rows)
        else:
            writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            writer.writerows(gdelt_lines(rows))
        yield buffer.getvalue(), len(rows)
    if header:                  # nothing matched: a CSV still has its header
        yield flat_frame([]).to_csv(index=False), 0


def _write_parquet(store: Store, out: IO[Any], **filters: Any) -> int:
    """Parquet written one row group per batch, every batch cast to the first one's schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, written = None, 0
    try:
        for rows in export_batches(store, **filters):
            table = pa.Table.from_pandas(flat_frame(rows), preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(out, table.schema)
            writer.write_table(table.cast(writer.schema))
            written += len(rows)
        if writer is None:
            flat_frame([]).to_parquet(out, engine="pyarrow", index=False)
    finally:
        if writer is not None:
            writer.close()
    return written


def flat_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    flat = [{c: (" | ".join(row[c]) if isinstance(row[c], list) else row[c]) for c in EXPORT_COLUMNS} for row in rows]
    frame = pd.DataFrame(flat, columns=EXPORT_COLUMNS)
    for column in ("year", "num_articles", "num_sources", "num_outlets", "quad_class"):
        frame[column] = frame[column].astype("Int64")
    for column in ("confidence", "weight"):
        frame[column] = frame[column].astype("float64")
    frame["mutual"] = frame["mutual"].astype("bool")
    return frame


def _jsonl(row: dict[str, Any]) -> dict[str, Any]:
    keys = EVENT_COLUMNS + ["cameo_code", "quad_class", "reports"]
    return {k: row[k] for k in keys if k not in ("doc_id", "path", "url", "title")}


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """A merged event in PLOVER's standardised JSON field names."""
    first = row["reports"][0] if row["reports"] else {}
    return {
        "id": f"COMMUNIQUE-{row['id']}", "date": row["date"], "event": row["type"], "mode": row["mode"],
        "context": None, "source": [{"code": row["actor1"]}] if row["actor1"] else [],
        "target": [{"code": row["actor2"]}] if row["actor2"] else [], "mutual": row["mutual"],
        "status": row["status"], "text": row["evidence"], "language": first.get("language"),
        "publication": first.get("outlet"), "url": first.get("url"), "numArticles": row["num_articles"],
        "numSources": row["num_sources"], "coder": "communique", "version": __version__,
        "evidence": [{"text": r["evidence"], "doc_id": r["doc_id"], "url": r["url"] or r["path"]}
                     for r in row["reports"]],
    }


def gdelt_lines(rows: list[dict[str, Any]]) -> Iterator[list[str]]:
    added = datetime.now(UTC).strftime("%Y%m%d")
    for row in rows:
        coded = event_cameo(row["type"], row["mode"])
        date = row["date"] or ""
        sqldate = (date.replace("-", "") + "0000")[:8] if date else ""
        line = dict.fromkeys(GDELT_COLUMNS, "")
        line.update({
            "GLOBALEVENTID": str(int(hashlib.sha256(row["id"].encode()).hexdigest()[:12], 16)),
            "SQLDATE": sqldate, "MonthYear": sqldate[:6], "Year": sqldate[:4],
            "FractionDate": _fraction(sqldate),
            "Actor1Code": row["actor1"] or "", "Actor1CountryCode": _country(row["actor1"]),
            "Actor2Code": row["actor2"] or "", "Actor2CountryCode": _country(row["actor2"]),
            "IsRootEvent": "1", "EventCode": coded.code if coded else "",
            "EventBaseCode": coded.base if coded else "", "EventRootCode": coded.root if coded else "",
            "QuadClass": str(coded.quad_class) if coded else "",
            "GoldsteinScale": f"{coded.goldstein:.1f}" if coded else "",
            "NumMentions": str(len(row["reports"])), "NumSources": str(row["num_sources"]),
            "NumArticles": str(row["num_articles"]), "AvgTone": "", "DATEADDED": added,
            "SOURCEURL": (row["urls"][0] if row["urls"] else "") or "",
        })
        yield [_tsv(line[c]) for c in GDELT_COLUMNS]


def _fraction(sqldate: str) -> str:
    if len(sqldate) < 4:
        return ""
    month = int(sqldate[4:6] or 0)
    day = int(sqldate[6:8] or 0)
    return f"{int(sqldate[:4]) + ((max(month, 1) - 1) * 30.4 + max(day, 1)) / 365:.4f}" if month else sqldate[:4]


def _country(code: str | None) -> str:
    return code if code and len(code) == 3 and code.isalpha() and code.isupper() else ""


def _tsv(value: Any) -> str:
    return " ".join(str(value).split())


def _unique(values: Any) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def _clean(value: Any) -> Any:
    return None if isinstance(value, float) and value != value else value


def to_text(store: Store, fmt: str, **filters: Any) -> str:
    """An export as a string (not for parquet)."""
    buffer = io.StringIO()
    export(store, fmt, buffer, **filters)
    return buffer.getvalue()
