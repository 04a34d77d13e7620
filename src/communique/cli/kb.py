"""Knowledge-base commands: events, relations, profile, search, actors, export.

Each command is a thin layer over `communique.kb` / `communique.export`; `register(cli)` adds them to the main
group. `--db` takes a SQLite path or a ``postgresql://`` URL everywhere; `--format table|jsonl|csv` chooses the
output of the query commands.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from ..defaults import DEFAULT_DB, EXPORT_FORMATS
from .errors import Command

if TYPE_CHECKING:
    import pandas as pd

    from ..kb.store import Store


OUTPUT_FORMATS = ("table", "jsonl", "csv")


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default=DEFAULT_DB, show_default=True, envvar="COMMUNIQUE_DB",
                        help="SQLite file or postgresql:// URL of the store.")(func)


def format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
                        help="Output: an aligned table, JSON lines or CSV with a header.")(func)


def open_store(db: str) -> Store:
    """The existing store `--db` names (a missing file, a file that is not a store or a server that does not answer
    is one line on stderr, exit 2: `main.CommandGroup`)."""
    from ..kb.filters import open_existing

    return open_existing(db)


STATUSES = click.Choice(["occurred", "planned", "ongoing", "negated", "hypothetical"], case_sensitive=False)


def event_filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The filters `events` and `export` share."""
    for option in reversed((
        click.option("--between", nargs=2, metavar="A B",
                     help="Only events between these two actors (either order): codes in any case or country names "
                          "in en/es/ru, e.g. --between kaz Argentina."),
        click.option("--actor", help="Only events involving this actor (code or name)."),
        click.option("--since", type=int, metavar="YEAR", help="From this year on (undated events are left out)."),
        click.option("--until", type=int, metavar="YEAR", help="Up to this year (undated events are left out)."),
        click.option("--type", "types", multiple=True, metavar="TYPE",
                     help="PLOVER event type, any case (repeatable), e.g. CONSULT."),
        click.option("--status", "statuses", multiple=True, type=STATUSES,
                     help="Only events of this status (repeatable)."),
    )):
        func = option(func)
    return func


def emit(frame: pd.DataFrame, fmt: str, *, wide: tuple[str, ...] = ("evidence", "snippet", "title")) -> None:
    """Print a DataFrame as a table (long text shortened), JSON lines or CSV."""
    if fmt == "jsonl":
        for record in frame.to_dict("records"):
            click.echo(json.dumps({k: _plain(v) for k, v in record.items()}, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif frame.empty:
        click.echo("(nothing found)", err=True)
    else:
        shown = frame.copy()
        for column in wide:
            if column in shown:
                shown[column] = shown[column].map(lambda t: _shorten(t, 90))
        click.echo(shown.to_string(index=False, na_rep=""))


@click.command("events", cls=Command)
@db_option
@event_filter_options
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events (the newest).")
@click.option("--sources", is_flag=True, help="List every report (sentence and document) under each event.")
@format_option
def events_cli(db: str, between: tuple[str, str] | None, actor: str | None, since: int | None, until: int | None,
               types: tuple[str, ...], statuses: tuple[str, ...], limit: int | None, sources: bool, fmt: str) -> None:
    """Merged events (one per real-world event, with its source counts), newest first."""
    from ..kb.queries import events, evidence

    with open_store(db) as store:
        frame = events(store, between=tuple(between) if between else None, actor=actor, since=since, until=until,
                       types=types, statuses=statuses, limit=limit)
        if sources:
            reports = evidence(store, frame["id"].tolist())
            reports = reports[["merged_id", "doc_id", "evidence", "path", "url"]].rename(columns={
                "doc_id": "source_doc", "evidence": "source_evidence", "path": "source_path", "url": "source_url"})
            frame = frame.merge(reports, left_on="id", right_on="merged_id", how="left").drop(columns="merged_id")
    emit(frame[["date", "type", "mode", "actor1", "actor2", "status", "num_articles", "num_sources", "evidence"]]
         if fmt == "table" and not sources else frame, fmt, wide=("evidence", "source_evidence", "title"))


@click.command("relations", cls=Command)
@db_option
@click.argument("country")
@click.option("--since", type=int, help="Count events from this year on.")
@click.option("--until", type=int, help="Count events up to this year.")
@format_option
def relations_cli(db: str, country: str, since: int | None, until: int | None, fmt: str) -> None:
    """Partners of COUNTRY (a code in any case or a name in en/es/ru) ranked by merged events, with the
    cooperation/conflict balance."""
    from ..kb.queries import relations

    with open_store(db) as store:
        emit(relations(store, country, since=since, until=until), fmt)


@click.command("profile", cls=Command)
@db_option
@click.argument("a")
@click.argument("b")
@click.option("--since", type=int, help="From this year on (undated events and figures are left out).")
@click.option("--until", type=int, help="Up to this year.")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Only events of this PLOVER type, any case (repeatable), as in `events`; figures stay.")
@click.option("--status", "statuses", multiple=True, type=STATUSES, help="Only events of this status (repeatable).")
@format_option
def profile_cli(db: str, a: str, b: str, since: int | None, until: int | None, types: tuple[str, ...],
                statuses: tuple[str, ...], fmt: str) -> None:
    """The bilateral relations of A and B: relations established, partnership, missions, agreements, contacts
    by level, figures, cooperation/conflict balance by year, last contact, people and quotes — each with its
    evidence; in a table, headed by the pair's figures (events, articles, sources, last contact, balance).
    A and B are codes in any case or names in en/es/ru."""
    from ..kb.filters import resolve_code
    from ..kb.queries import headline, profile

    with open_store(db) as store:
        a, b = resolve_code(a, store=store), resolve_code(b, store=store)
        wanted = {"since": since, "until": until, "types": types, "statuses": statuses}
        frame = profile(store, a, b, **wanted)
        figures = headline(store, between=(a, b), **wanted)
    if fmt != "table":
        emit(frame, fmt)
        return
    if frame.empty:
        click.echo(f"nothing stored about {a}–{b}", err=True)
        return
    click.echo(format_headline(f"{a}–{b}", figures))
    for section, group in frame.groupby("section", sort=False):
        click.echo(f"\n{section.upper()}")
        for row in group.to_dict("records"):
            head = "  ".join(str(v) for v in (row["date"], row["item"], row["detail"], row["actor"],
                                              _status(row["status"])) if _present(v))
            click.echo(f"  {head}")
            if _present(row["evidence"]):
                where = row["url"] if _present(row["url"]) else row["path"]
                click.echo(f"      “{_shorten(row['evidence'], 160)}”  ({os.path.basename(str(where))})")


def format_headline(title: str, figures: dict[str, Any]) -> str:
    """`kb.headline`'s figures in two lines."""
    span = " – ".join(str(d) for d in dict.fromkeys((figures["first"], figures["last"])) if d)
    counts = (f"{title}: {figures['events']} events ({figures['planned']} planned) reported in {figures['articles']}"
              f" articles from {figures['sources']} independent sources ({figures['outlets']} outlets)")
    lines = [counts + (f", {span}" if span else ""),
             (f"last contact {figures['last_contact'] or '-'}; cooperation {figures['cooperation']:+.1f},"
              f" conflict {figures['conflict']:+.1f}, balance {figures['balance']:+.1f}")]
    if "partners" in figures:
        lines[1] = f"{figures['partners']} partners; " + lines[1]
    return "\n".join(lines)


@click.command("search", cls=Command)
@db_option
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many articles.")
@format_option
def search_cli(db: str, query: str, limit: int, fmt: str) -> None:
    """Full-text search over the stored articles: every word in any form ("acuerdo" finds "acuerdos"), accents and
    case aside; a "quoted phrase" as written."""
    from ..kb.queries import search

    with open_store(db) as store:
        frame = search(store, query, limit=limit)
    emit(frame[["published", "language", "title", "snippet", "path"]] if fmt == "table" else frame, fmt)


@click.command("actors", cls=Command)
@db_option
@click.option("--country", help="Only people and organisations of this country (code or name).")
@click.option("--type", "types", multiple=True, default=("PERSON", "ORG"), show_default=True,
              type=click.Choice(["PERSON", "ORG", "PLACE", "COUNTRY"], case_sensitive=False),
              help="Entity types to list (repeatable).")
@click.option("--learned", is_flag=True, help="The learned actor table: people the articles' titles introduced.")
@format_option
def actors_cli(db: str, country: str | None, types: tuple[str, ...], learned: bool, fmt: str) -> None:
    """People and organisations with their roles and how often they are mentioned."""
    from ..kb.queries import actors

    with open_store(db) as store:
        emit(actors(store, country, types=tuple(t.upper() for t in types), learned=learned), fmt)


#: output suffixes and the export format each implies when --format is not given (the first the export offers)
SUFFIX_FORMATS = {".parquet": ("parquet",), ".pq": ("parquet",), ".csv": ("csv",), ".jsonl": ("jsonl",),
                  ".ndjson": ("jsonl",), ".json": ("jsonl",), ".tsv": ("gdelt2", "gdelt"),
                  ".plover.jsonl": ("plover",)}


def export_format(fmt: str | None, output: str) -> str:
    """--format, else the format the output's suffix names (x.parquet → parquet), else JSON lines."""
    if fmt:
        return fmt
    name = output.lower()
    if output == "-" or not os.path.splitext(name)[1]:
        return "jsonl"
    for suffix, candidates in sorted(SUFFIX_FORMATS.items(), key=lambda kv: -len(kv[0])):
        found = next((f for f in candidates if f in EXPORT_FORMATS), None)
        if name.endswith(suffix) and found:
            return found
    raise click.UsageError(f"cannot tell the export format from the name {output!r}: give --format "
                           f"({', '.join(EXPORT_FORMATS)})")




@click.command("export", cls=Command)
@db_option
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default=None,
              help="See docs/exports.md for the columns of each format. Default: from the output's suffix "
                   "(.parquet, .csv, .jsonl, .tsv), else jsonl.")
@click.option("-o", "--output", default="-", help="File to write (default stdout; required for parquet).")
@event_filter_options
@click.option("--include-planned", is_flag=True,
              help="GDELT formats: keep planned events too (left out by default; negated and hypothetical always).")
@click.option("--csv-formulas", is_flag=True,
              help="csv: write text starting with = + - @ as is (by default a ' is put before it, so spreadsheets "
                   "do not run it as a formula).")
@click.option("--what", type=click.Choice(["events", "quotes", "facts"]), default="events", show_default=True,
              help="events, or the quotes (with their speakers) or facts (figures) of the articles: jsonl, csv or "
                   "parquet; --between, --actor (the speaker's country), --since, --until apply, --type is a fact "
                   "type.")
def export_cli(db: str, fmt: str | None, output: str, between: tuple[str, str] | None, actor: str | None,
               since: int | None, until: int | None, types: tuple[str, ...], statuses: tuple[str, ...],
               include_planned: bool, csv_formulas: bool, what: str) -> None:
    """Export the merged events with their sources (the same filters as `events`), or quotes or facts."""
    from ..kb.export import export
    from ..kb.filters import resolve_filters
    from ..kb.sayings import SAYING_FORMATS, export_sayings

    fmt = export_format(fmt, output)
    if what != "events" and fmt not in SAYING_FORMATS:
        raise click.UsageError(f"--what {what} is written as {', '.join(SAYING_FORMATS)}, not {fmt}")
    with open_store(db) as store:
        if what == "events":
            filters = resolve_filters(store, between=tuple(between) if between else None, actor=actor,
                                      since=since, until=until, types=types, statuses=statuses)
            filters |= {"include_planned": include_planned, "csv_guard": not csv_formulas}
            write = export
        else:
            resolved = resolve_filters(store, between=tuple(between) if between else None, actor=actor)
            filters = {"between": resolved["between"], "country": resolved["actor"], "since": since,
                       "until": until, "csv_guard": not csv_formulas}
            if what == "facts":
                filters["types"] = types

            def write(store: Store, fmt: str, out: Any, **filters: Any) -> int:
                return export_sayings(store, what, fmt, out, **filters)
        if fmt == "parquet":
            if output == "-":
                raise click.UsageError("parquet needs a file: use -o events.parquet")
            with open(output, "wb") as fh:
                n = write(store, fmt, fh, **filters)
        elif output == "-":
            n = write(store, fmt, sys.stdout, **filters)
        else:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = write(store, fmt, fh, **filters)
    click.echo(f"exported {n} {what} as {fmt}" + ("" if output == "-" else f" → {output}"), err=True)


COMMANDS = (events_cli, relations_cli, profile_cli, search_cli, actors_cli, export_cli)


def register(cli_group: click.Group) -> None:
    """Add the knowledge-base commands to the main `communique` group."""
    for command in COMMANDS:
        cli_group.add_command(command)


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and value != value) and value != ""


def _plain(value: Any) -> Any:
    if not _present(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _status(status: Any) -> str:
    return f"[{status}]" if _present(status) and status not in ("occurred",) else ""


def _shorten(text: Any, width: int) -> Any:
    if not isinstance(text, str):
        return text
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
