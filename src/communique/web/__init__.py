"""The web app: JSON API, dashboard pages and OpenAPI docs over a store (`communique serve`).

`create_app(db, token=None)` builds the FastAPI app; see `communique.web.app`.

May import: the knowledge base and everything below it, and the services (`monitor`, `briefs`); the CLI starts
it, never the reverse.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(db: str, *, token: str | None = None, max_body_bytes: int = 1_000_000, **options: Any) -> FastAPI:
    """The FastAPI app over the store `db` (imported lazily: the pipeline does not need FastAPI); `options` as
    `communique.web.app.create_app` takes them (allowed_hosts, export limits)."""
    from .app import create_app as build

    return build(db, token=token, max_body_bytes=max_body_bytes, **options)

