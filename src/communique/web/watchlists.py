"""The monitoring routes of the JSON API: watchlists with their unread counts, their alerts (JSON and an Atom feed
per watchlist), marking alerts read, and the sources `communique watch` polls. Reading is open; every write
(creating, editing or removing a watchlist, marking alerts read, adding or removing a source) needs the server's
token. A source added here is fetched by `watch` like the others, from public addresses only unless the operator
runs it with --allow-private; a URL naming a loopback, private or link-local address is refused here already.
"""
from __future__ import annotations

import ipaddress
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from ..errors import ConfigError
from ..monitor import alerts as watch_alerts
from ..monitor import sources as watch_sources
from ..monitor.atom import atom_feed
from ..monitor.fetch import address_problem
from .api import ERRORS, ErrorBody, Page, PageNumber, PageSize, page_of, require_writer, respond, store_of

router = APIRouter(prefix="/api", tags=["watchlists"], responses=ERRORS)

WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No valid token"},
    403: {"model": ErrorBody, "description": "The server is read-only"},
    404: {"model": ErrorBody, "description": "No such watchlist"}, 409: {"model": ErrorBody, "description": "Taken"},
    422: {"model": ErrorBody, "description": "Invalid request"}}
WatchlistId = Annotated[int, Path(ge=1, le=2**62, description="A watchlist's id.")]
SourceId = Annotated[int, Path(ge=1, le=2**62, description="A stored source's id.")]


class ReadIn(BaseModel):
    """Which alerts to mark read: these ids, or (none given) every unread alert of the watchlist."""

    model_config = ConfigDict(extra="forbid")
    ids: list[Annotated[int, Field(ge=1, le=2**62)]] | None = Field(None, max_length=1000)


class SourceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(max_length=2000, pattern=r"^https?://", description="A feed, sitemap, URL list or page.")
    kind: Literal["auto", "feed", "sitemap", "urls", "page"] = "auto"
    name: str | None = Field(None, max_length=200)


def _watchlist(request: Request, watchlist_id: int) -> dict[str, Any]:
    found = watch_alerts.get_watchlist(store_of(request), watchlist_id)
    if found is None:
        raise HTTPException(404, f"no watchlist {watchlist_id}")
    return found


def _conflict(err: ConfigError) -> HTTPException:
    return HTTPException(409, str(err))


@router.get("/watchlists", response_model=Page, summary="Watchlists with their alert and unread counts")
def list_watchlists(request: Request) -> JSONResponse:
    rows = watch_alerts.list_watchlists(store_of(request))
    for row in rows:
        row["follows"] = watch_alerts.describe(row)
    return respond(page_of(rows, 1, max(1, len(rows)), len(rows)))


@router.post("/watchlists", status_code=201, dependencies=[Depends(require_writer)], responses=WRITE_ERRORS,
             summary="Create a watchlist (needs the token); the answer carries its webhook secret, once")
def create_watchlist(request: Request, body: watch_alerts.WatchlistSpec) -> JSONResponse:
    try:
        added = watch_alerts.add_watchlist(store_of(request), body)
    except ConfigError as err:
        raise _conflict(err) from err
    return respond(added, status_code=201)


@router.get("/watchlists/{watchlist_id}", summary="One watchlist with its alert and unread counts")
def get_watchlist(request: Request, watchlist_id: WatchlistId) -> JSONResponse:
    _watchlist(request, watchlist_id)
    row = next(w for w in watch_alerts.list_watchlists(store_of(request)) if w["id"] == watchlist_id)
    return respond({**row, "follows": watch_alerts.describe(row)})


@router.put("/watchlists/{watchlist_id}", dependencies=[Depends(require_writer)], responses=WRITE_ERRORS,
            summary="Edit a watchlist (needs the token); what matches only now does not raise alerts")
def edit_watchlist(request: Request, watchlist_id: WatchlistId, body: watch_alerts.WatchlistSpec) -> JSONResponse:
    try:
        updated = watch_alerts.update_watchlist(store_of(request), watchlist_id, body)
    except ConfigError as err:
        raise _conflict(err) from err
    if updated is None:
        raise HTTPException(404, f"no watchlist {watchlist_id}")
    return respond(updated)


@router.delete("/watchlists/{watchlist_id}", status_code=204, dependencies=[Depends(require_writer)],
               responses=WRITE_ERRORS, summary="Remove a watchlist and its alerts (needs the token)")
def delete_watchlist(request: Request, watchlist_id: WatchlistId) -> Response:
    if not watch_alerts.remove_watchlist(store_of(request), watchlist_id):
        raise HTTPException(404, f"no watchlist {watchlist_id}")
    return Response(status_code=204)


@router.get("/watchlists/{watchlist_id}/alerts", response_model=Page, summary="A watchlist's alerts, newest first")
def list_alerts(request: Request, watchlist_id: WatchlistId, page: PageNumber = 1, page_size: PageSize = 50,
                unread: Annotated[bool, Query(description="Unread alerts only.")] = False) -> JSONResponse:
    _watchlist(request, watchlist_id)
    rows, total = watch_alerts.list_alerts(store_of(request), watchlist=watchlist_id, unread=unread,
                                           limit=page_size, offset=(page - 1) * page_size)
    return respond(page_of(rows, page, page_size, total))


@router.post("/watchlists/{watchlist_id}/alerts/read", dependencies=[Depends(require_writer)],
             responses=WRITE_ERRORS, summary="Mark a watchlist's alerts read (needs the token)")
def mark_read(request: Request, watchlist_id: WatchlistId, body: ReadIn) -> JSONResponse:
    _watchlist(request, watchlist_id)
    marked = watch_alerts.mark_read(store_of(request), ids=body.ids, watchlist=watchlist_id)
    return respond({"marked": marked})


@router.get("/watchlists/{watchlist_id}/feed.atom", response_class=Response,
            responses={200: {"content": {"application/atom+xml": {}}}},
            summary="A watchlist's alerts as an Atom feed, for any feed reader")
def watchlist_feed(request: Request, watchlist_id: WatchlistId) -> Response:
    watchlist = _watchlist(request, watchlist_id)
    rows, _ = watch_alerts.list_alerts(store_of(request), watchlist=watchlist_id, limit=100)
    body = atom_feed(watchlist, rows, base_url=str(request.base_url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


# -- sources ------------------------------------------------------------------------------------------------------------

@router.get("/sources", response_model=Page, summary="Sources stored for `communique watch`, with their last poll")
def list_sources(request: Request) -> JSONResponse:
    rows = watch_sources.list_sources(store_of(request))
    return respond(page_of(rows, 1, max(1, len(rows)), len(rows)))


@router.post("/sources", status_code=201, dependencies=[Depends(require_writer)], responses=WRITE_ERRORS,
             summary="Add a source for `communique watch` (needs the token; public addresses only)")
def add_source(request: Request, body: SourceIn) -> JSONResponse:
    problem = _private_host(body.url)
    if problem:
        raise HTTPException(422, f"refused: {problem}")
    try:
        added = watch_sources.add_source(store_of(request), body.url, kind=body.kind, name=body.name)
    except ConfigError as err:
        raise HTTPException(422, str(err)) from err
    return respond(added, status_code=201)


@router.delete("/sources/{source_id}", status_code=204, dependencies=[Depends(require_writer)],
               responses=WRITE_ERRORS, summary="Remove a stored source (needs the token)")
def delete_source(request: Request, source_id: SourceId) -> Response:
    if not watch_sources.remove_source(store_of(request), source_id):
        raise HTTPException(404, f"no source {source_id}")
    return Response(status_code=204)


def _private_host(url: str) -> str | None:
    """Why a URL's host is refused outright: a literal non-public address or a local name. (A name is checked
    again, on the address it resolves to, each time `watch` connects.)"""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if not host:
        return "the URL has no host"
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return f"{host} is a local name"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None
    return address_problem(host)
