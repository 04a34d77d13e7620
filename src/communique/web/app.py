"""The web app: JSON API (`api`), dashboard pages (`pages`), static assets, OpenAPI docs served offline.

`create_app(db, token=...)` builds it over a store (SQLite path or ``postgresql://`` URL). Without a token the app
is read-only: its store connections refuse writes and review requests are answered 403. Every response carries
``X-Content-Type-Options: nosniff`` and a Content-Security-Policy of ``default-src 'self'`` (no inline script, no
other origin); request bodies are limited (413).
"""
from __future__ import annotations

import logging
import os
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

from ..kb.store import SQLiteStore, Store, is_postgres_url
from ..version import __version__

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
REQUEST_THREADS = max(4, 2 * (os.cpu_count() or 1))
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"content-security-policy", b"default-src 'self'"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type",
               422: "invalid_request", 500: "internal_error", 501: "not_implemented"}

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

    def _open(self) -> Store:
        if is_postgres_url(self.target):
            from ..kb.postgres import PostgresStore

            store: Store = PostgresStore.connect(self.target)
            if not self.writable:
                store.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        else:
            store = SQLiteStore.connect(self.target)
            if not self.writable:
                store.execute("PRAGMA query_only = ON")
        return store


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error shape: {"error": {"status", "code", "message"}}."""
    return JSONResponse({"error": {"status": status, "code": ERROR_CODES.get(status, "error"), "message": message}},
                        status_code=status, headers=headers)


class SecurityMiddleware:
    """Adds the security headers to every response and refuses request bodies over `max_body_bytes` (413), by
    their declared length and, for chunked bodies, while they are read. A response that sets its own
    Content-Security-Policy (a brief: inline styles, no script) keeps it instead of the default one."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app, self.max_body_bytes = app, max_body_bytes

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

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body_bytes):
            await error_response(413, f"request body over {self.max_body_bytes} bytes")(scope, receive,
                                                                                        send_with_headers)
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


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Fewer threads answer at once than anyio's default 40: past a few per core they only contend for the GIL,
    and every request waits longer (measured with `python -m communique.bench_web`)."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
    yield


def create_app(db: str, *, token: str | None = None, max_body_bytes: int = 1_000_000) -> FastAPI:
    """The app over the store `db`; writes (reviews) only with `token`."""
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
    _add_error_handlers(app)
    app.add_middleware(SecurityMiddleware, max_body_bytes=max_body_bytes)

    from . import api, briefs, pages, watchlists

    app.include_router(api.router)
    app.include_router(briefs.router)
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
