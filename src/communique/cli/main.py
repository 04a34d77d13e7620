"""The `communique` command: a thin layer over the library. The library logs; only this module prints.

Exit codes: 0 every input processed, 1 some inputs failed (each reported on stderr and as an error line),
2 usage error (bad flags, bad settings).
"""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from ..defaults import DEFAULT_DB
from ..errors import CommuniqueError, ConfigError
from ..settings import Settings, settings_table
from ..version import __version__
from .errors import CommandGroup, Problem

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


#: bad settings: one line on stderr, exit 2 (kept under its old name)
SettingsProblem = Problem


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
@click.option("--config", type=click.Path(dir_okay=False), help="TOML settings file.")
@click.option("--language", "languages", multiple=True, help="Restrict language detection (repeatable).")
@click.option("-w", "--workers", type=click.IntRange(1, 256), help="Worker processes (default 1).")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-v info, -vv debug).")
@click.pass_context
def cli(ctx: click.Context, config: str | None, languages: tuple[str, ...], workers: int | None, verbose: int) -> None:
    """Communiqué: who did what to whom, when and where, from diplomatic news in English, Spanish and Russian."""
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    # trafilatura reports every discarded page element at WARNING; that is detail, not news, for our users.
    for noisy in ("trafilatura", "htmldate", "courlan", "usp", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose >= 2 else logging.ERROR)
    try:
        ctx.obj = {"settings": Settings.load(config, languages=languages or None, workers=workers)}
    except ConfigError as err:
        raise SettingsProblem(str(err)) from err


def _progress(items: Iterator[Any], enabled: bool, label: str) -> Iterator[Any]:
    """A progress counter on stderr, only on a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, label=label, file=sys.stderr, show_pos=True) as bar:
        yield from bar


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write JSON lines here (default: stdout).")
@click.option("--quiet", is_flag=True, help="No progress and no per-input error messages on stderr.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], output: TextIO, quiet: bool) -> None:
    """Process articles and write one JSON record per document.

    PATHS are .txt, .html or .jsonl files, directories (searched recursively) or '-' for stdin.
    Documents that fail are written as {"error": ..., "source": {"path": ...}} lines and reported on stderr.
    """
    from ..api import process_paths

    failed = 0
    for article in _progress(process_paths(paths, settings=_settings(ctx)), not quiet and "-" not in paths,
                             "extracting"):
        record = article.to_record()
        output.write(json.dumps(record, ensure_ascii=False) + "\n")
        if article.failed:
            failed += 1
            if not quiet:
                click.echo(f"error: {article.path}: {article.error}", err=True)
    output.flush()
    ctx.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("records", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--split", type=click.Choice(["test", "train", "all"]), default="test", show_default=True,
              help="PLOVER sentence gold only: which fixed half to score.")
@click.pass_context
def evaluate(ctx: click.Context, gold: str, records: str | None, as_json: bool, split: str) -> None:
    """Score extraction against GOLD.

    GOLD is a document gold file (the seeds' gold.json format), NGEC's actor-resolution assertions (.tsv) or
    PLOVER gold sentences (.jsonl). For document gold, RECORDS is a JSONL file of `communique extract` output or
    '-' for stdin; without it, the documents next to the gold file are processed first.
    """
    from .. import evaluate as ev

    path = Path(gold)
    kind = ev.gold_kind(path)
    if kind == "actors":
        report = ev.evaluate_actor_gold(path, settings=_settings(ctx))
    elif kind == "plover":
        report = ev.evaluate_plover_gold(path, split=split, settings=_settings(ctx))
    else:
        recs = ev.load_records(records) if records else None
        report = ev.evaluate_gold(path, recs, settings=_settings(ctx))
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(ev.format_report(report) if kind == "documents" else ev.format_other_report(report))


DB_HELP = "The store: a SQLite file, or a postgresql:// URL."


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--reprocess", is_flag=True, help="Reprocess documents stored by other stage versions.")
@click.option("--quiet", is_flag=True, help="No progress and no summary line on stderr.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine (--workers processes); dask: a Dask cluster, records as Parquet shards.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler (default: a local cluster).")
@click.option("--shards", type=click.Path(file_okay=False), help="Keep the Dask engine's Parquet shards here.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str, reprocess: bool, quiet: bool, engine: str,
           scheduler: str | None, shards: str | None) -> None:
    """Process articles and store them (idempotent: unchanged documents are not stored twice)."""
    from ..kb.store import Store, ingest_paths

    if engine != "dask" and (scheduler or shards):
        raise click.UsageError("--scheduler and --shards go with --engine dask")
    with Store.open(db) as store:
        if engine == "dask":
            from ..kb.dask_engine import ingest_with_dask

            stats = ingest_with_dask(store, paths, settings=_settings(ctx), scheduler=scheduler, shards=shards,
                                     reprocess=reprocess)
        else:
            stats = ingest_paths(store, paths, settings=_settings(ctx), reprocess=reprocess,
                                 progress=lambda it: _progress(it, not quiet and "-" not in paths, "ingesting"))
        from ..monitor.alerts import raise_alerts

        alerts = len(raise_alerts(store))      # watchlists hear of what this ingest stored
    if not quiet:
        click.echo(f"stored {stats.stored} new, {stats.unchanged} unchanged, {stats.failed} failed → {db}"
                   + (f"; {alerts} new alerts (communique alerts)" if alerts else ""), err=True)
    ctx.exit(EXIT_SOME_FAILED if stats.failed else EXIT_OK)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--examples", default=5, show_default=True, help="How many example events to show.")
def summary(db: str, examples: int) -> None:
    """What the store holds: documents by language, events by type, top country pairs, example events."""
    from ..kb.filters import open_existing
    from ..kb.store import format_summary

    with open_existing(db) as store:
        click.echo(format_summary(store.summary(examples=examples)))


@cli.command()
@click.option("--db", default="demo.db", show_default=True, help=DB_HELP)
@click.pass_context
def demo(ctx: click.Context, db: str) -> None:
    """Process the bundled sample corpus into a store and show what was found."""
    from ..kb.store import Store, format_summary, ingest_paths
    from ..samples import articles_dir

    with Store.open(db) as store:
        stats = ingest_paths(store, [articles_dir()], settings=_settings(ctx),
                             progress=lambda it: _progress(it, True, "processing the sample corpus"))
        click.echo(f"Sample corpus: {stats.stored} new documents stored, {stats.unchanged} already there, "
                   f"{stats.failed} failed → {db}\n")
        click.echo(format_summary(store.summary(examples=6)))


@cli.command("settings")
@click.pass_context
def show_settings(ctx: click.Context) -> None:
    """Every setting, its current value and what it does."""
    current = _settings(ctx)
    for name, default, help_text in settings_table():
        value = json.dumps(getattr(current, name), ensure_ascii=False)
        click.echo(f"{name} = {value}\n    {help_text} (default {default})")


@cli.command("stages")
def show_stages() -> None:
    """The registered pipeline stages and their versions."""
    from ..pipeline import available_stages

    for spec in available_stages().values():
        click.echo(f"{spec.name:<10} v{spec.version}  {spec.factory.__doc__.strip().splitlines()[0] if spec.factory.__doc__ else ''}")


def _register_command_groups() -> None:
    """The knowledge-base, brief, web and monitoring commands live in their own modules and add themselves to the
    main group."""
    from . import brief, kb, monitor, web

    for module in (kb, brief, web, monitor):
        module.register(cli)


_register_command_groups()


def main() -> None:
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_SOME_FAILED)
    except CommuniqueError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
