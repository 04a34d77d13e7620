"""`communique serve`: the JSON API and the dashboard over a store, with uvicorn.

Read-only unless a token is given (``--token`` or the ``COMMUNIQUE_TOKEN`` environment variable); with one, review
requests must carry ``Authorization: Bearer <token>``. Binds to 127.0.0.1 unless told otherwise, and answers only
requests whose Host header names the bound address (the loopback names for 127.0.0.1) or an ``--allowed-host``.
"""
from __future__ import annotations

import json
import os

import click

from .errors import Command
from .kb import DEFAULT_DB


@click.command("serve", cls=Command)
@click.option("--db", default=DEFAULT_DB, show_default=True, envvar="COMMUNIQUE_DB",
              help="SQLite file or postgresql:// URL of the store.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port to listen on (0: any free port).")
@click.option("--token", envvar="COMMUNIQUE_TOKEN", help="Allow reviews from clients presenting this token "
              "(Authorization: Bearer TOKEN); without it the server is read-only. Env: COMMUNIQUE_TOKEN.")
@click.option("--max-body-bytes", default=1_000_000, show_default=True, type=click.IntRange(1, 100_000_000),
              help="Largest request body accepted (413 beyond).")
@click.option("--workers", "server_workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this Host name (repeatable; the name a reverse proxy or users reach the "
                   "server by). '*' answers any Host, which lets a DNS-rebinding page read the store.")
def serve_cli(db: str, host: str, port: int, token: str | None, max_body_bytes: int, server_workers: int,
              allowed_hosts: tuple[str, ...]) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the dashboard over a store."""
    import uvicorn

    from ..errors import ConfigError
    from ..kb.store import is_postgres_url, sqlite_path
    from ..web.app import allowed_hosts_for, check_token

    if not is_postgres_url(db) and not os.path.exists(sqlite_path(db)):
        raise click.UsageError(f"no store at {db}; run `communique ingest PATH --db {db}` or `communique demo` first")
    try:
        token = check_token(token)
    except ConfigError as err:
        raise click.UsageError(str(err)) from err
    hosts = allowed_hosts_for(host, allowed_hosts)
    os.environ["COMMUNIQUE_SERVE_DB"] = db
    os.environ["COMMUNIQUE_SERVE_MAX_BODY"] = str(max_body_bytes)
    os.environ["COMMUNIQUE_SERVE_HOSTS"] = json.dumps(sorted(hosts) if hosts is not None else None)
    if token:
        os.environ["COMMUNIQUE_SERVE_TOKEN"] = token
    else:
        os.environ.pop("COMMUNIQUE_SERVE_TOKEN", None)
    mode = "reviews allowed with the token" if token else "read-only"
    click.echo(f"Communiqué on http://{host}:{port}/ ({mode}); API docs at http://{host}:{port}/docs", err=True)
    uvicorn.run("communique.cli.web:app_from_environment", factory=True, host=host, port=port,
                workers=server_workers, log_level="warning", access_log=False)


def app_from_environment() -> object:
    """The app `serve` asked for (uvicorn worker processes rebuild it from the environment)."""
    from ..web import create_app

    hosts = json.loads(os.environ.get("COMMUNIQUE_SERVE_HOSTS") or '["127.0.0.1", "localhost", "::1"]')
    return create_app(os.environ["COMMUNIQUE_SERVE_DB"], token=os.environ.get("COMMUNIQUE_SERVE_TOKEN"),
                      max_body_bytes=int(os.environ.get("COMMUNIQUE_SERVE_MAX_BODY", "1000000")),
                      allowed_hosts=frozenset(hosts) if hosts is not None else None)


def register(cli_group: click.Group) -> None:
    cli_group.add_command(serve_cli)
