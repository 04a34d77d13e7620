"""``/api/quotes`` and ``/api/facts``: who said what and the figures the articles give (`communique.kb.sayings`),
as pages of JSON (the dashboard's profile lists) or as jsonl/csv downloads, with the filters of `/api/events`.

A download without the server's token holds at most the server's export row cap, as `/api/export` does.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ..kb.sayings import fact_rows, quote_rows, saying_chunks
from .api import (
    ERRORS,
    Actor,
    Between,
    PageNumber,
    PageSize,
    Since,
    Types,
    Until,
    event_filters,
    page_of,
    plain,
    respond,
    store_of,
    write_refusal,
)

router = APIRouter(prefix="/api", tags=["quotes and facts"], responses=ERRORS)

SayingFormat = Annotated[Literal["json", "jsonl", "csv"],
                         Query(description="json (a page), or jsonl / csv (a download of every match).")]
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}
#: what a quotes or facts answer may be: a JSON page, or a download
RESPONSES = {200: {"content": {"application/json": {}, **{m: {} for m in MEDIA_TYPES.values()}}}}
CsvFormulas = Annotated[bool, Query(description="csv: text starting with = + - @ written as is.")]


@router.get("/quotes", summary="Direct quotes with their speaker (role, country), newest first",
            response_class=Response, responses=RESPONSES)
def list_quotes(request: Request, page: PageNumber = 1, page_size: PageSize = 50, between: Between = None,
                country: Actor = None, since: Since = None, until: Until = None,
                speaker: Annotated[str | None, Query(max_length=100, description="Speaker's name contains this.")]
                = None, format: SayingFormat = "json", csv_formulas: CsvFormulas = False) -> Response:
    """With `between`, quotes of either country's speakers in articles naming the other; with `country`, that
    country's speakers."""
    store = store_of(request)
    filters = _resolved(store, between, country, since, until, [])
    return _answer(request, "quotes", lambda limit: quote_rows(store, speaker=speaker, limit=limit, **filters),
                   page, page_size, format, csv_formulas)


@router.get("/facts", summary="Figures the articles give (trade, investment ...), newest first",
            response_class=Response, responses=RESPONSES)
def list_facts(request: Request, page: PageNumber = 1, page_size: PageSize = 50, between: Between = None,
               country: Actor = None, since: Since = None, until: Until = None,
               types: Types = [],  # noqa: B006
               format: SayingFormat = "json", csv_formulas: CsvFormulas = False) -> Response:
    """Facts naming both countries of `between`, or `country`; `type` e.g. TRADE_TURNOVER."""
    store = store_of(request)
    filters = _resolved(store, between, country, since, until, [])
    wanted = [t.upper() for t in types]
    return _answer(request, "facts", lambda limit: fact_rows(store, types=wanted, limit=limit, **filters),
                   page, page_size, format, csv_formulas)


def _resolved(store: Any, between: str | None, country: str | None, since: int | None, until: int | None,
              types: list[str]) -> dict[str, Any]:
    """The pair and country resolved as `/api/events` resolves them (names, any case; 422 for an unknown one)."""
    resolved = event_filters(store, between, country, since, until, types, [])
    return {"between": resolved["between"], "country": resolved["actor"], "since": since, "until": until}


def _answer(request: Request, what: str, rows: Any, page: int, page_size: int, fmt: str,
            csv_formulas: bool) -> Response:
    if fmt == "json":
        found = list(rows(None))
        return respond(page_of([plain(r) for r in found[(page - 1) * page_size: page * page_size]], page,
                               page_size, len(found)))
    state = request.app.state
    bulk = write_refusal(state.token, request.headers.get("authorization", "")) is None
    cap = None if bulk else state.export_row_cap
    body = "".join(text for text, _ in saying_chunks(rows(cap), what, fmt, csv_guard=not csv_formulas))
    headers = {"Content-Disposition": f'attachment; filename="communique-{what}.{fmt}"'}
    if cap is not None:
        headers["X-Export-Row-Cap"] = str(cap)
    return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)
