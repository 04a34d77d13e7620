"""Monitoring commands: `watch` (feeds, sitemaps, URL lists, folders into the store), `watchlist add | list |
remove` and `alerts`. A thin layer over `communique.monitor`; `register(cli)` adds them to the main group."""
from __future__ import annotations

import json
import sys
import time
from typing import Any

import click

from ..errors import ConfigError
from .errors import Command, CommandGroup
from .kb import db_option, emit

STATUSES = ("occurred", "planned", "ongoing", "negated", "hypothetical")


def _progress_line(enabled: bool) -> Any:
    """A one-line progress display on stderr (a terminal only): what the pass is at and what it found so far."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(report: Any, message: str) -> None:
        line = (f"{message}: {report.new_articles} new, {report.not_modified} not modified, {report.failed} failed"
                if message != "done" else "")
        click.echo(f"\r\033[K{line[:150]}", err=True, nl=False)

    return show


@click.command("watch", cls=Command)
@click.argument("sources", nargs=-1)
@db_option
@click.option("--once", is_flag=True, help="One pass, then exit (cron, CI).")
@click.option("--every", metavar="INTERVAL", help="Poll again every INTERVAL (90s, 15m, 2h); the default is 15m.")
@click.option("--allow-private", is_flag=True,
              help="Also fetch from loopback, private and link-local addresses (refused by default).")
@click.option("--delay", "host_delay", type=click.FloatRange(0, 3600),
              help="Seconds between two requests to one host (default 1; a longer robots.txt Crawl-delay wins).")
@click.option("--concurrency", type=click.IntRange(1, 64), help="Requests at a time in all (default 4).")
@click.option("--timeout", type=click.FloatRange(0.1, 600), help="Seconds to connect and between chunks (default 20).")
@click.option("--max-bytes", type=click.IntRange(1000), help="Largest response body read (default 5000000).")
@click.option("--max-pages", default=500, show_default=True, type=click.IntRange(1),
              help="Pages fetched in one pass; the rest wait for the next.")
@click.option("--ignore-robots", is_flag=True, help="Do not obey robots.txt (only for sites you run).")
@click.option("--quiet", is_flag=True, help="No progress line and no per-pass problems on stderr.")
@click.pass_context
def watch_cli(ctx: click.Context, sources: tuple[str, ...], db: str, once: bool, every: str | None,
              allow_private: bool, host_delay: float | None, concurrency: int | None, timeout: float | None,
              max_bytes: int | None, max_pages: int, ignore_robots: bool, quiet: bool) -> None:
    """Fetch what is new from SOURCES and ingest it; raise alerts; deliver webhooks.

    SOURCES are feed, sitemap or URL-list URLs, page URLs, folders or WARC files, or TOML sources files (see the
    README); sources stored with the HTTP API are polled too. Each pass ends with a summary line.
    """
    from ..monitor import FetchPolicy, parse_arguments, parse_interval, watch_once
    from ..monitor.sources import stored_sources

    if once and every:
        raise click.UsageError("give --once or --every, not both")
    try:
        given, options = parse_arguments(sources)
        interval = None if once else parse_interval(every or "15m")
    except (ConfigError, ValueError) as err:
        raise click.UsageError(str(err)) from err
    policy = FetchPolicy().with_options(**options).with_options(
        host_delay=host_delay, concurrency=concurrency, timeout=timeout, max_bytes=max_bytes,
        allow_private=True if allow_private else None, obey_robots=False if ignore_robots else None)
    settings = ctx.obj["settings"]
    failed = False
    from ..kb.store import Store

    with Store.open(db) as store:
        if not given and not stored_sources(store):
            raise click.UsageError("nothing to watch: give feed, sitemap or page URLs, folders, or a sources file")
        while True:
            started = time.monotonic()
            report = watch_once(store, given, policy=policy, settings=settings, max_pages=max_pages,
                                progress=None if quiet else _progress_line(True))
            failed = report.failed > 0
            if not quiet:
                for where, reason in report.problems:
                    click.echo(f"  {where}: {reason}", err=True)
                click.echo(f"{time.strftime('%H:%M:%S')} {report.summary()} → {db}", err=True)
            if interval is None:
                break
            try:
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
            except KeyboardInterrupt:
                break
    ctx.exit(1 if failed else 0)


@click.group("watchlist", cls=CommandGroup)
def watchlist_cli() -> None:
    """Saved queries whose new or updated matching events become alerts."""


@watchlist_cli.command("add")
@click.argument("name")
@db_option
@click.option("--between", nargs=2, metavar="A B", help="Events between these two actors (either order).")
@click.option("--actor", help="Events with this actor on either side.")
@click.option("--type", "types", multiple=True, help="PLOVER type (repeatable), e.g. CONSULT.")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
              help="Only alert on events of this status (repeatable; default: any).")
@click.option("--keyword", "keywords", multiple=True, help="The sentence or title contains it (repeatable: any).")
@click.option("--min-sources", default=1, show_default=True, type=click.IntRange(1), help="Independent sources.")
@click.option("--webhook", metavar="URL", help="POST each alert here as JSON, signed with HMAC-SHA256.")
@click.option("--secret", help="Webhook signing secret (made up and printed when not given).")
def watchlist_add(name: str, db: str, between: tuple[str, str] | None, actor: str | None, types: tuple[str, ...],
                  statuses: tuple[str, ...], keywords: tuple[str, ...], min_sources: int, webhook: str | None,
                  secret: str | None) -> None:
    """Add the watchlist NAME (only events stored from now on raise alerts)."""
    from pydantic import ValidationError

    from ..kb.filters import resolve_filters
    from ..kb.store import Store
    from ..monitor import WatchlistSpec, add_watchlist
    from ..monitor.alerts import describe

    with Store.open(db) as store:
        wanted = resolve_filters(store, between=tuple(between) if between else None, actor=actor, types=types,
                                 statuses=statuses)
        try:
            spec = WatchlistSpec(name=name, between=wanted["between"], actor=wanted["actor"], types=wanted["types"],
                                 statuses=wanted["statuses"], keywords=list(keywords), min_sources=min_sources,
                                 webhook=webhook, secret=secret)
        except ValidationError as err:
            raise click.UsageError(_validation_message(err)) from err
        try:
            added = add_watchlist(store, spec)
        except ConfigError as err:
            raise click.UsageError(str(err)) from err
    click.echo(f"watchlist {added['id']} {added['name']}: {describe(added)} → {db}")
    if webhook and not secret:
        click.echo(f"webhook secret (X-Communique-Signature-256 = sha256 HMAC of the body): {added['secret']}")


@watchlist_cli.command("list")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="Output: an aligned table or JSON lines.")
def watchlist_list(db: str, fmt: str) -> None:
    """Every watchlist with its alert and unread counts."""
    import pandas as pd

    from ..kb.store import Store
    from ..monitor import list_watchlists
    from ..monitor.alerts import describe

    with Store.open(db) as store:
        rows = list_watchlists(store)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    frame = pd.DataFrame([{"id": r["id"], "name": r["name"], "follows": describe(r), "alerts": r["alerts"],
                           "unread": r["unread"], "webhook": r["webhook"] or ""} for r in rows])
    emit(frame, "table", wide=("follows",))


@watchlist_cli.command("remove")
@click.argument("name")
@db_option
def watchlist_remove(name: str, db: str) -> None:
    """Remove the watchlist NAME (or id) and its alerts."""
    from ..kb.store import Store
    from ..monitor import remove_watchlist

    with Store.open(db) as store:
        if not remove_watchlist(store, name):
            raise click.UsageError(f"no watchlist {name!r}")
    click.echo(f"watchlist {name} removed")


@click.command("alerts", cls=Command)
@db_option
@click.option("--watchlist", help="Only this watchlist's alerts (name or id).")
@click.option("--all", "show_all", is_flag=True, help="Read alerts too (default: unread only).")
@click.option("--mark-read", is_flag=True, help="Mark the alerts shown as read.")
@click.option("--read", "read_ids", multiple=True, type=int, metavar="ID", help="Mark this alert read (repeatable).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1), help="At most this many alerts.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
              help="Output: an aligned table, JSON lines or CSV with a header.")
def alerts_cli(db: str, watchlist: str | None, show_all: bool, mark_read: bool, read_ids: tuple[int, ...],
               limit: int, fmt: str) -> None:
    """Alerts raised by the watchlists, newest first (unread ones unless --all)."""
    import pandas as pd

    from ..kb.store import Store
    from ..monitor import list_alerts
    from ..monitor import mark_read as mark

    with Store.open(db) as store:
        try:
            if read_ids:
                marked = mark(store, ids=list(read_ids))
                click.echo(f"{marked} alerts marked read", err=True)
                return
            rows, total = list_alerts(store, watchlist=watchlist, unread=not show_all, limit=limit)
            if mark_read and rows:
                mark(store, ids=[r["id"] for r in rows])
        except ConfigError as err:
            raise click.UsageError(str(err)) from err
    flat = [{"id": r["id"], "watchlist": r["watchlist"], "kind": r["kind"], "date": r["event"].get("date"),
             "type": r["event"].get("type"), "actor1": r["event"].get("actor1"), "actor2": r["event"].get("actor2"),
             "status": r["event"].get("status"), "sources": r["event"].get("num_sources"),
             "read": "yes" if r["read_at"] else "", "evidence": r["event"].get("evidence"),
             "doc_id": r["event"].get("doc_id"), "delivery": r["delivery"], "raised": r["created_at"]} for r in rows]
    frame = pd.DataFrame(flat)
    if fmt == "table" and not frame.empty:
        frame = frame.drop(columns=["doc_id", "raised"] + (["delivery"] if (frame["delivery"] == "none").all() else []))
    emit(frame, fmt)
    if fmt == "table":
        note = f"{len(rows)} of {total} {'alerts' if show_all else 'unread alerts'}"
        click.echo(note + (" (now marked read)" if mark_read and rows else ""), err=True)


COMMANDS = (watch_cli, watchlist_cli, alerts_cli)


def register(cli_group: click.Group) -> None:
    for command in COMMANDS:
        cli_group.add_command(command)


def _validation_message(err: Any) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in err.errors())



