"""Quotes and facts as queries and exports, like events: who said what (direct quotes with their speaker) and the
figures the articles give (trade, investment ... with value, unit and period).

``kb.quotes(store, between=("KAZ", "ARG") | country="KAZ", speaker=, since=, until=, limit=)`` and
``kb.facts(store, between= | country=, types=, since=, until=, limit=)`` return DataFrames with the columns of
`QUOTE_COLUMNS` and `FACT_COLUMNS`; `export_sayings` writes them as jsonl, csv (spreadsheet formulas neutralised
unless asked not to) or Parquet (a declared schema, the same for an empty export).

A quote belongs to a country when its speaker (a person or organisation the actors stage resolved) is of it; with
`between`, a quote of either country's speaker in an article that also names the other. A fact belongs to the
countries it names. Years are the fact's period, else the article's publication year; the quote's date is the
article's publication date.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, TYPE_CHECKING, Any

import pandas as pd

from .filters import public_query
from .queries import _in_period, _year, date_precision

if TYPE_CHECKING:
    from .store import Store

QUOTE_COLUMNS = ["doc_id", "n", "date", "date_precision", "year", "speaker", "speaker_role", "speaker_country",
                 "speaker_sector", "text", "language", "outlet", "title", "path", "url"]
FACT_COLUMNS = ["doc_id", "n", "type", "countries", "value", "unit", "period", "date_precision", "year", "evidence",
                "published", "language", "outlet", "title", "path", "url"]
#: the text columns a csv guards against spreadsheet formulas
GUARDED = ("speaker", "speaker_role", "text", "evidence", "outlet", "title", "path", "url")
SAYINGS = {"quotes": QUOTE_COLUMNS, "facts": FACT_COLUMNS}
SAYING_FORMATS = ("jsonl", "csv", "parquet")
_INTEGERS = ("n", "year")


@public_query
def quotes(store: Store, *, between: tuple[str, str] | None = None, country: str | None = None,
           speaker: str | None = None, since: int | None = None, until: int | None = None,
           limit: int | None = None) -> pd.DataFrame:
    """Direct quotes with their speaker, newest first (see the module's docstring for `between` and `country`)."""
    return _frame(list(quote_rows(store, between=between, country=country, speaker=speaker, since=since,
                                  until=until, limit=limit)), QUOTE_COLUMNS)


@public_query(skip=("types",))
def facts(store: Store, *, between: tuple[str, str] | None = None, country: str | None = None,
          types: Iterable[str] = (), since: int | None = None, until: int | None = None,
          limit: int | None = None) -> pd.DataFrame:
    """Figures the articles give (facts), newest period first."""
    return _frame(list(fact_rows(store, between=between, country=country, types=types, since=since, until=until,
                                 limit=limit)), FACT_COLUMNS)


def quote_rows(store: Store, *, between: tuple[str, str] | None = None, country: str | None = None,
               speaker: str | None = None, since: int | None = None, until: int | None = None,
               limit: int | None = None) -> Iterator[dict[str, Any]]:
    where, params = ["1 = 1"], []
    wanted = [c for c in (between or ()) if c] or ([country] if country else [])
    if wanted:
        where.append(f"n.country IN ({', '.join('?' for _ in wanted)})")
        params += wanted
    sql = ("SELECT q.doc_id, q.n, q.text, q.speaker_name, n.name, n.role, n.country, n.sector, d.published,"
           " d.language, d.outlet, d.title, d.path, d.url FROM quotes q"
           " LEFT JOIN entities n ON n.doc_id = q.doc_id AND n.entity_id = q.speaker"
           f" JOIN documents d ON d.id = q.doc_id WHERE {' AND '.join(where)}"
           " ORDER BY d.published IS NULL, d.published DESC, q.doc_id, q.n")
    found = 0
    for chunk in store.stream(sql, params, 200):
        for r in chunk:
            name = r["name"] or r["speaker_name"]
            if speaker and (not name or speaker.casefold() not in name.casefold()):
                continue
            if between and not _names_other(store, r, between):
                continue
            year = _year(r["published"])
            if not _in_period(year, since, until):
                continue
            yield {"doc_id": r["doc_id"], "n": r["n"], "date": r["published"],
                   "date_precision": date_precision(r["published"]), "year": year, "speaker": name,
                   "speaker_role": r["role"], "speaker_country": r["country"], "speaker_sector": r["sector"],
                   "text": r["text"], "language": r["language"], "outlet": r["outlet"], "title": r["title"],
                   "path": r["path"], "url": r["url"]}
            found += 1
            if limit and found >= limit:
                return


def _names_other(store: Store, row: dict[str, Any], pair: tuple[str, str]) -> bool:
    """Whether the quote's article names the other country of the pair (as an entity of that country or code)."""
    other = pair[1] if row["country"] == pair[0] else pair[0]
    return bool(store.scalar("SELECT COUNT(*) FROM entities WHERE doc_id = ? AND (code = ? OR country = ?)",
                             [row["doc_id"], other, other]))


def fact_rows(store: Store, *, between: tuple[str, str] | None = None, country: str | None = None,
              types: Iterable[str] = (), since: int | None = None, until: int | None = None,
              limit: int | None = None) -> Iterator[dict[str, Any]]:
    where, params = ["1 = 1"], []
    wanted_types = [t.upper() for t in types]
    if wanted_types:
        where.append(f"f.type IN ({', '.join('?' for _ in wanted_types)})")
        params += wanted_types
    needed = {c for c in (between or ()) if c} | ({country} if country else set())
    sql = ("SELECT f.doc_id, f.n, f.type, f.countries, f.value, f.unit, f.period, f.evidence, d.published,"
           " d.language, d.outlet, d.title, d.path, d.url FROM facts f JOIN documents d ON d.id = f.doc_id"
           f" WHERE {' AND '.join(where)} ORDER BY d.published IS NULL, d.published DESC, f.doc_id, f.n")
    found = 0
    for chunk in store.stream(sql, params, 500):
        for r in chunk:
            countries = json.loads(r["countries"])
            if not needed <= set(countries):
                continue
            period = r["period"] or None
            year = _year(period or r["published"])
            if not _in_period(year, since, until):
                continue
            yield {"doc_id": r["doc_id"], "n": r["n"], "type": r["type"], "countries": countries,
                   "value": float(r["value"]), "unit": r["unit"], "period": period,
                   "date_precision": date_precision(period), "year": year, "evidence": r["evidence"],
                   "published": r["published"], "language": r["language"], "outlet": r["outlet"],
                   "title": r["title"], "path": r["path"], "url": r["url"]}
            found += 1
            if limit and found >= limit:
                return


def export_sayings(store: Store, what: str, fmt: str, out: IO[Any], *, csv_guard: bool = True,
                   **filters: Any) -> int:
    """Write quotes or facts (`what`) as jsonl, csv or parquet to `out` (binary for parquet); returns how many."""
    if what not in SAYINGS:
        raise ValueError(f"unknown export {what!r}; choose quotes or facts")
    if fmt not in SAYING_FORMATS:
        raise ValueError(f"{what} export as {fmt!r}: choose one of {', '.join(SAYING_FORMATS)}")
    rows = quote_rows(store, **filters) if what == "quotes" else fact_rows(store, **filters)
    if fmt == "parquet":
        return _write_parquet(rows, what, out)
    written = 0
    for text, count in saying_chunks(rows, what, fmt, csv_guard=csv_guard):
        out.write(text)
        written += count
    return written


def saying_chunks(rows: Iterable[dict[str, Any]], what: str, fmt: str, *, csv_guard: bool = True,
                  size: int = 500) -> Iterator[tuple[str, int]]:
    """Quotes or facts as jsonl or csv text, a piece per `size` rows (what a streamed response sends)."""
    from .export import guard_cell

    columns = SAYINGS[what]
    header = fmt == "csv"
    for batch in _batches(rows, size):
        buffer = io.StringIO()
        if fmt == "jsonl":
            buffer.writelines(json.dumps({c: r[c] for c in columns}, ensure_ascii=False) + "\n" for r in batch)
        else:
            frame = _frame(batch, columns)
            if csv_guard:
                for column in GUARDED:
                    if column in frame:
                        frame[column] = frame[column].map(guard_cell)
            frame.to_csv(buffer, index=False, header=header)
            header = False
        yield buffer.getvalue(), len(batch)
    if header:
        yield _frame([], columns).to_csv(index=False), 0


def parquet_schema(what: str) -> Any:
    """The declared Parquet schema of a quotes or facts export (strings, 64-bit integers, `value` a double,
    `countries` a list of strings)."""
    import pyarrow as pa

    special = {"n": pa.int64(), "year": pa.int64(), "value": pa.float64(), "countries": pa.list_(pa.string())}
    return pa.schema([pa.field(c, special.get(c, pa.string())) for c in SAYINGS[what]])


def _write_parquet(rows: Iterable[dict[str, Any]], what: str, out: IO[Any]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(what)
    written = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in _batches(rows, 1000):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            written += len(batch)
        if not written:
            writer.write_table(schema.empty_table())
    return written


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    flat = [{c: (" | ".join(r[c]) if isinstance(r[c], list) else r[c]) for c in columns} for r in rows]
    frame = pd.DataFrame(flat, columns=columns)
    for column in _INTEGERS:
        frame[column] = frame[column].astype("Int64")
    if "value" in frame:
        frame["value"] = frame["value"].astype("float64")
    return frame


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch
