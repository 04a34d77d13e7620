"""The web app: JSON API (`api`), dashboard pages (`pages`), static assets, OpenAPI docs served offline.

`create_app(db, token=...)` builds it over a store (SQLite path or ``postgresql://`` URL). Without a token the app
is read-only: its store connections refuse writes and review requests are answered 403. Every response carries
``X-Content-Type-Options: nosniff`` and a Content-Security-Policy of ``default-src 'self'`` (no inline script, no
other origin). Before any route runs, `SecurityMiddleware` answers a request whose Host header names no allowed
host 400 (a DNS-rebinding page cannot read the store), a write without the token 401 or 403 (before its body is
read or validated), and a body over the limit 413.
"""
from __future__ import annotations

import hmac
import logging
import os
import socket
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from ..errors import ConfigError
from ..kb.store import SQLiteStore, Store, is_postgres_url, sqlite_path
from ..version import __version__

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
REQUEST_THREADS = max(4, 2 * (os.cpu_count() or 1))
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"content-security-policy", b"default-src 'self'"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
#: Host names a server bound to loopback answers to; others come from the bound address and --allowed-host.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")
SAFE_METHODS = (b"GET", b"HEAD", b"OPTIONS")
MIN_TOKEN_CHARS = 8
#: rows an export without the token may hold; exports running at once (each holds a connection and a thread)
EXPORT_ROW_CAP = 10_000
EXPORT_CONCURRENCY = 2
ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type",
               422: "invalid_request", 500: "internal_error", 501: "not_implemented", 503: "unavailable"}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class StorePool:
    """One store connection per thread (SQLite connections belong to the thread that opened them); read-only
    connections unless the app may write."""

    def __init__(self, target: str, *, writable: bool) -> None:
        self.target, self.writable = target, writable
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self._open()
        return store

    def private(self) -> Store:
        """A connection of its own (read-only), usable from one thread after another: a streamed response is read
        on whichever worker thread is free. The caller closes it."""
        return self._open(any_thread=True, writable=False)

    def _open(self, *, any_thread: bool = False, writable: bool | None = None) -> Store:
        writable = self.writable if writable is None else writable
        if is_postgres_url(self.target):
            from ..kb.postgres import PostgresStore

            store: Store = PostgresStore.connect(self.target)
            if not writable:
                store.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        else:
            store = SQLiteStore.connect(sqlite_path(self.target), any_thread=any_thread)
            if not writable:
                store.execute("PRAGMA query_only = ON")
        return store


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error shape: {"error": {"status", "code", "message"}}."""
    return JSONResponse({"error": {"status": status, "code": ERROR_CODES.get(status, "error"), "message": message}},
                        status_code=status, headers=headers)


def check_token(token: str | None) -> str | None:
    """The server's write token as given, or a `ConfigError` saying why it could never be presented: clients send it
    in a header (printable ASCII, no spaces), and a short one is guessed."""
    if token is None:
        return None
    if not token.strip():
        raise ConfigError("the token is blank: give a real one, or none for a read-only server")
    if token != token.strip() or any(ch.isspace() for ch in token):
        raise ConfigError("the token holds spaces (at its ends or inside): a client could never send it as given")
    if not all(0x21 <= ord(ch) <= 0x7E for ch in token):
        raise ConfigError("the token must be printable ASCII (letters, digits, punctuation): HTTP headers carry "
                          "nothing else reliably")
    if len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(f"a token needs at least {MIN_TOKEN_CHARS} characters")
    return token


def write_refusal(token: str | None, authorization: str) -> tuple[int, str] | None:
    """Why a write is refused (status and message), or None when `authorization` presents the server's token."""
    if not token:
        return 403, "this server is read-only: start it with --token (or COMMUNIQUE_TOKEN) to allow reviews"
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        return 401, "a valid 'Authorization: Bearer <token>' header is needed to write"
    return None


def allowed_hosts_for(bound: str, extra: tuple[str, ...] = ()) -> frozenset[str] | None:
    """The Host names a server bound to `bound` answers to: the address itself, the loopback names when it is
    loopback, the machine's names when it listens everywhere, and `extra` (--allowed-host); None when `extra`
    holds '*' (no check)."""
    if "*" in extra:
        return None
    hosts = {bound.strip("[]").lower(), *(h.strip("[]").lower() for h in extra)}
    if bound in LOOPBACK_HOSTS or bound.startswith("127."):
        hosts.update(LOOPBACK_HOSTS)
    if bound in WILDCARD_ADDRESSES:
        hosts.update(LOOPBACK_HOSTS)
        hosts.update(name.lower() for name in (socket.gethostname(), socket.getfqdn()) if name)
    return frozenset(h for h in hosts if h)


def host_name(header: bytes) -> str:
    """The host of a Host header, without its port: `[::1]:8000` → `::1`, `Example.org:80` → `example.org`."""
    text = header.decode("latin-1").strip().lower()
    if text.startswith("["):
        return text[1:text.find("]")] if "]" in text else text
    return text.rsplit(":", 1)[0] if text.count(":") == 1 else text


class SecurityMiddleware:
    """Adds the security headers to every response; before the app sees a request, refuses one for a host the
    server does not serve (400), a write without the token (403 read-only, 401 no valid token) and a body over
    `max_body_bytes` (413), by its declared length and, for chunked bodies, while it is read. A response that sets
    its own Content-Security-Policy (a brief: inline styles, no script) keeps it instead of the default one."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, token: str | None = None,
                 allowed_hosts: frozenset[str] | None = None) -> None:
        self.app, self.max_body_bytes = app, max_body_bytes
        self.token, self.allowed_hosts = token, allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                own = {name.lower() for name, _ in headers}
                message["headers"] = headers + [(k, v) for k, v in SECURITY_HEADERS if k not in own]
            await send(message)

        refusal = self.refusal(scope)
        if refusal is not None:
            status, message, headers = refusal
            await error_response(status, message, headers)(scope, receive, send_with_headers)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body_bytes:
                raise HTTPException(413, f"request body over {self.max_body_bytes} bytes")
            return message

        await self.app(scope, counting_receive, send_with_headers)

    def refusal(self, scope: Scope) -> tuple[int, str, dict[str, str] | None] | None:
        headers = dict(scope.get("headers", []))
        host = headers.get(b"host")
        if self.allowed_hosts is not None and host is not None and host_name(host) not in self.allowed_hosts:
            return 400, "this server does not answer for that Host (start it with --allowed-host to add one)", None
        if scope.get("method", "GET").encode() not in SAFE_METHODS and _is_a_route(scope):
            refused = write_refusal(self.token, headers.get(b"authorization", b"").decode("latin-1"))
            if refused is not None:
                status, message = refused
                return status, message, {"WWW-Authenticate": "Bearer"} if status == 401 else None
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body_bytes):
            return 413, f"request body over {self.max_body_bytes} bytes", None
        return None


def _is_a_route(scope: Scope) -> bool:
    """Whether a route takes this method at this path (a write endpoint): other requests get their 404 or 405."""
    app = scope.get("app")
    return any(route.matches(scope)[0] == Match.FULL for route in getattr(app, "routes", ()))


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Fewer threads answer at once than anyio's default 40: past a few per core they only contend for the GIL,
    and every request waits longer (measured with `python -m communique.bench_web`)."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
    yield


def create_app(db: str, *, token: str | None = None, max_body_bytes: int = 1_000_000,
               allowed_hosts: frozenset[str] | None = frozenset(LOOPBACK_HOSTS), export_row_cap: int = EXPORT_ROW_CAP,
               export_concurrency: int = EXPORT_CONCURRENCY) -> FastAPI:
    """The app over the store `db`; writes (reviews) only with `token` (checked: `check_token`). It answers requests
    whose Host is one of `allowed_hosts` (default: the loopback names; `allowed_hosts_for` gives a bound address's;
    None: any)."""
    token = check_token(token)
    with Store.open(db):        # create or migrate once, before any request
        pass
    app = FastAPI(title="Communiqué", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Relations between countries from multilingual diplomatic news: PLOVER events, "
                              "bilateral profiles, documents with their evidence. Read-only unless the server was "
                              "started with a token; writes need `Authorization: Bearer <token>`.")
    app.state.store_target, app.state.token = db, token or None
    app.state.stores = StorePool(db, writable=bool(token))
    app.state.remembered = OrderedDict()
    app.state.lock = threading.Lock()
    app.state.export_row_cap = export_row_cap
    app.state.exports = threading.BoundedSemaphore(export_concurrency)
    _add_error_handlers(app)
    app.add_middleware(SecurityMiddleware, max_body_bytes=max_body_bytes, token=token, allowed_hosts=allowed_hosts)

    from . import api, briefs, pages, sayings, watchlists

    app.include_router(api.router)
    app.include_router(briefs.router)
    app.include_router(sayings.router)
    app.include_router(watchlists.router)
    app.include_router(pages.router)
    _add_docs(app)
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request))}
        return error_response(exc.status_code, message, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return error_response(422, problems or "invalid request")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error answering %s %s", request.method, request.url.path)
        return error_response(500, "internal server error")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route answers at this path (Starlette's 405 names only the first route's, and one path
    can have a route per method: GET, PUT and DELETE of a watchlist)."""
    from starlette.routing import Match

    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def _add_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the assets fastapi-offline ships (no CDN), started by a script file, not an inline
    script, so the Content-Security-Policy holds there too."""
    import fastapi_offline

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Communiqué API</title>'
            '<link rel="stylesheet" href="/docs-assets/swagger-ui.css"></head><body><div id="swagger-ui"></div>'
            '<script src="/docs-assets/swagger-ui-bundle.js"></script><script src="/docs/start.js"></script>'
            "</body></html>")

    @app.get("/docs/start.js", include_in_schema=False)
    def docs_script() -> PlainTextResponse:
        return PlainTextResponse("SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});",
                                 media_type="text/javascript")
