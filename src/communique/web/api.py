"""The JSON API under ``/api``: documents, events (with filters), countries and their partners, bilateral profiles,
actors, search, stats, exports and reviews. Every dashboard page has its JSON twin here.

Conventions: GET only, except reviews (POST, with ``Authorization: Bearer <token>``). Lists are pages:
``?page=1&page_size=50`` (at most 500) → ``{"items", "page", "page_size", "total"}``. Every error has one shape:
``{"error": {"status", "code", "message"}}``. Every value from a request travels to the store as a query parameter;
no request names a file. Article text is only ever returned inside JSON strings.
"""
from __future__ import annotations

import json
import logging
import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

import pandas as pd
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..actors.codes import known_codes
from ..kb import queries as kb
from ..kb.export import export_chunks
from ..kb.filters import FilterError, resolve_code, resolve_filters
from ..records import EVENT_TYPES
from . import review as reviews
from .app import write_refusal

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 500
MAX_SEARCH_RESULTS = 1000       # search pages reach this far (ranking needs every earlier result)
MAX_QUERY_CHARS = 200           # a search or evidence filter: the dashboard's search box holds as much
TIMELINE_MAX = 500              # a profile's timeline: the newest events between the pair, oldest first
SOURCES_MAX = 500               # a profile's sources: the newest documents
REMEMBERED = 256                # answers kept ready until the store changes (stats, countries, profiles)

ID_PATTERN = r"^[0-9a-f]{16}$"
CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9_]{1,15}$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
NAME_PATTERN = r"^[\w][\w .'-]*$"            # an actor's code or name in any script: "kaz", "Côte d'Ivoire"
NAMES_PATTERN = r"^[\w][\w .'-]*,[\w][\w .'-]*$"


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in ((400, "Unreadable request body"), (404, "Not found"), (413, "Request body too large"),
                       (422, "Invalid request"))}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


class Page(BaseModel):
    """One page of a list."""

    items: list[dict[str, Any]]
    page: int
    page_size: int
    total: int


PloverType = Literal[EVENT_TYPES]  # type: ignore[valid-type]


def printable_text(value: str, *, multiline: bool = False) -> str:
    """`value` trimmed, refused when it holds control or format characters (NUL, escapes, RTL overrides that make
    a name read backwards in the audit log); a note may hold line breaks and tabs."""
    allowed = "\n\t" if multiline else ""
    bad = next((ch for ch in value if ch not in allowed
                and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")), None)
    if bad is not None:
        raise ValueError(f"holds an invisible or control character (U+{ord(bad):04X})")
    return value.strip()


def real_date(value: str) -> str:
    """A date at year, month or day precision that the calendar has (no 2024-13-45, no 2023-02-29)."""
    year, month, day = [*map(int, value.split("-")), 1, 1][:3]
    try:
        date(year, month, day)
    except ValueError as err:
        raise ValueError(f"{value} is not a date of the calendar ({err})") from err
    return value


def name_text(value: str) -> str:
    value = printable_text(value)
    if not value:
        raise ValueError("is blank")
    return value


class ReviewIn(BaseModel):
    """An analyst's verdict on an event. ``correct`` needs at least one of type, actor1, actor2, date. Text fields
    are trimmed and must be printable; dates must exist."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["confirm", "reject", "correct"]
    reviewer: Annotated[str, Field(min_length=1, max_length=100), AfterValidator(name_text)]
    type: PloverType | None = None
    actor1: str | None = Field(default=None, pattern=CODE_PATTERN)
    actor2: str | None = Field(default=None, pattern=CODE_PATTERN)
    date: Annotated[str, Field(pattern=DATE_PATTERN), AfterValidator(real_date)] | None = None
    note: Annotated[str, Field(max_length=2000), AfterValidator(lambda v: printable_text(v, multiline=True))
                    ] | None = None


class ReviewOut(BaseModel):
    id: int
    doc_id: str
    event_id: str
    merged_id: str | None
    merged_key: str | None
    action: str
    type: str | None
    actor1: str | None
    actor2: str | None
    date: str | None
    reviewer: str
    note: str | None
    at: str


PageNumber = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Items per page (at most {MAX_PAGE_SIZE}).")]
EventId = Annotated[str, Path(pattern=ID_PATTERN, description="A merged event's id.")]
DocId = Annotated[str, Path(pattern=ID_PATTERN, description="A document's content id.")]
Code = Annotated[str, Path(pattern=CODE_PATTERN, description="An actor code: ISO 3166-1 alpha-3 or an acronym.")]


# -- plumbing ---------------------------------------------------------------------------------------------------------

def store_of(request: Request) -> Any:
    """This thread's store connection (opened per thread: SQLite connections belong to the thread that made them;
    call it inside the endpoint, not in a dependency, which may run on another thread)."""
    return request.app.state.stores.get()


def respond(content: Any, status_code: int = 200) -> JSONResponse:
    """JSON straight from plain values (faster than FastAPI's generic encoder on large lists)."""
    return JSONResponse(plain(content), status_code=status_code)


def plain(value: Any) -> Any:
    """JSON-ready: NaN and NA become null, numpy scalars Python numbers."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return plain(value.item())
    return str(value)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [plain(r) for r in frame.to_dict("records")]


def page_of(items: list[Any], page: int, page_size: int, total: int) -> dict[str, Any]:
    return {"items": items, "page": page, "page_size": page_size, "total": total}


def store_generation(store: Any) -> tuple[Any, ...]:
    """Changes whenever the store's content does: documents ingested or reprocessed (their count and latest ingest
    time), merged events rebuilt, reviews added. A few index lookups."""
    documents = store.rows("SELECT COUNT(*) AS n, MAX(ingested_at) AS latest FROM documents")[0]
    return (documents["n"], documents["latest"], store.scalar("SELECT COUNT(*) FROM merged_events"),
            store.scalar("SELECT MAX(id) FROM reviews"))


def remembered(request: Request, key: Any, build: Any) -> Response:
    """The JSON body `build()` makes, kept until the store changes (see `store_generation`): aggregates over the
    whole store, a busy country, a busy pair's profile read every one of thousands of events."""
    store = store_of(request)
    generation = store_generation(store)
    state = request.app.state
    with state.lock:
        hit = state.remembered.get(key)
    if hit is None or hit[0] != generation:
        hit = (generation, bytes(respond(build(store)).body))
        with state.lock:
            state.remembered[key] = hit
            state.remembered.move_to_end(key)
            while len(state.remembered) > REMEMBERED:
                state.remembered.popitem(last=False)
    return Response(hit[1], media_type="application/json")


def require_writer(request: Request) -> None:
    """Writes need the token the server was started with, as ``Authorization: Bearer <token>`` (`SecurityMiddleware`
    checks it first, before the body is read; this says so in the OpenAPI description and guards the route)."""
    refused = write_refusal(request.app.state.token, request.headers.get("authorization", ""))
    if refused is not None:
        status, message = refused
        raise HTTPException(status, message, headers={"WWW-Authenticate": "Bearer"} if status == 401 else None)


def actor_names() -> dict[str, str]:
    """Display names of actor codes: countries (GeoNames) and organisations (data/orgs.toml)."""
    return known_codes()


def event_filters(store: Any, between: str | None, actor: str | None, since: int | None, until: int | None,
                  types: list[str], statuses: list[str]) -> dict[str, Any]:
    """The filters of a request, resolved as the CLI and the Python API resolve them (`kb.filters`): codes in any
    case or names in en/es/ru, types in any case; an unknown actor, type or status is a 422 naming the nearest."""
    pair = None
    if between:
        parts = [p.strip() for p in between.split(",")]
        if len(parts) != 2 or not all(parts):
            raise HTTPException(422, "between needs two actor codes separated by a comma, e.g. KAZ,ARG")
        pair = (parts[0], parts[1])
    try:
        return resolve_filters(store, between=pair, actor=actor, since=since, until=until, types=types,
                               statuses=statuses)
    except FilterError as err:
        raise HTTPException(422, str(err)) from err


def resolved_code(store: Any, text: str) -> str:
    """One actor of a path (`/api/countries/{code}`): a code in any case or a name; unknown: 422 naming the nearest."""
    try:
        return resolve_code(text, store=store)
    except FilterError as err:
        raise HTTPException(422, str(err)) from err


# -- query parameters shared by /events and /export ---------------------------------------------------------------------

Between = Annotated[str | None, Query(max_length=80, pattern=NAMES_PATTERN,
                                      description="Two actors, either order: codes in any case or names, KAZ,ARG")]
Actor = Annotated[str | None, Query(max_length=60, pattern=NAME_PATTERN,
                                    description="Events involving this actor (a code in any case or a name).")]
Since = Annotated[int | None, Query(ge=1, le=9999, description="From this year on (undated events left out).")]
Until = Annotated[int | None, Query(ge=1, le=9999, description="Up to this year.")]
Types = Annotated[list[str], Query(alias="type", max_length=20, description="PLOVER type(s), e.g. CONSULT.")]
Status = Literal["occurred", "planned", "ongoing", "negated", "hypothetical"]
Statuses = Annotated[list[Status], Query(alias="status", max_length=5)]


def view_filters(store: Any, since: int | None, until: int | None, types: list[str],
                 statuses: list[str]) -> dict[str, Any]:
    """A dashboard view's filters (period in years, types, statuses), resolved as `event_filters` does."""
    filters = event_filters(store, None, None, since, until, types, statuses)
    return {k: filters[k] for k in ("since", "until", "types", "statuses")}


def filters_key(filters: dict[str, Any]) -> tuple[Any, ...]:
    """The filters as part of a remembered answer's key."""
    return (filters.get("since"), filters.get("until"), tuple(filters.get("types") or ()),
            tuple(filters.get("statuses") or ()))


# -- stats --------------------------------------------------------------------------------------------------------------

@router.get("/stats", summary="What the store holds: counts, events per month by type, top pairs, recent events")
def get_stats(request: Request, since: Since = None, until: Until = None, types: Types = [],  # noqa: B006
              statuses: Statuses = []) -> Response:  # noqa: B006
    """With filters (years, types, statuses), the events, months, pairs, countries and recent events are those
    that match; documents, reports, stories and failures stay the store's."""
    filters = view_filters(store_of(request), since, until, types, list(statuses))
    return remembered(request, ("stats", *filters_key(filters)), lambda store: stats(store, filters))


def stats(store: Any, filters: dict[str, Any] | None = None) -> dict[str, Any]:
    filters = filters or {}
    count = store.scalar
    where, params = kb.event_filter(**filters)
    by_month = store.rows(
        "SELECT SUBSTR(m.date, 1, 7) AS month, m.type, COUNT(*) AS count FROM merged_events m WHERE LENGTH(m.date) >= 7"
        f" AND {' AND '.join(where)} GROUP BY SUBSTR(m.date, 1, 7), m.type ORDER BY 1, 2", params)
    return {
        "documents": count("SELECT COUNT(*) FROM documents"), "events": kb.count_events(store, **filters),
        "reports": count("SELECT COUNT(*) FROM events"), "stories": count("SELECT COUNT(DISTINCT story_id) FROM documents"),
        "countries": len(country_counts(store, filters)), "failures": count("SELECT COUNT(*) FROM failures"),
        "by_month": by_month, "top_pairs": top_pairs(store, filters=filters),
        "recent": reviews.with_reviews(store, kb.event_rows(store, limit=10, **filters)), **filters,
    }


def top_pairs(store: Any, limit: int = 10, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Country pairs with the most merged events (either direction), with their cooperation/conflict balance."""
    where, params = kb.event_filter(**(filters or {}))
    rows = store.rows("SELECT m.actor1, m.actor2, m.type, m.mode, COUNT(*) AS n FROM merged_events m WHERE"
                      " m.actor1 IS NOT NULL AND m.actor2 IS NOT NULL AND m.actor1 <> m.actor2"
                      f" AND {' AND '.join(where)} GROUP BY m.actor1, m.actor2, m.type, m.mode", params)
    events: Counter[tuple[str, str]] = Counter()
    balance: dict[tuple[str, str], float] = defaultdict(float)
    for r in rows:
        pair = tuple(sorted((r["actor1"], r["actor2"])))
        events[pair] += r["n"]  # type: ignore[index]
        balance[pair] += r["n"] * kb.weight(r["type"], r["mode"])  # type: ignore[index]
    ranked = sorted(events, key=lambda p: (-events[p], p))[:limit]
    return [{"actor1": a, "actor2": b, "events": events[(a, b)], "balance": round(balance[(a, b)], 2)}
            for a, b in ranked]


def country_counts(store: Any, filters: dict[str, Any] | None = None) -> dict[str, int]:
    where, params = kb.event_filter(**(filters or {}))
    condition = " AND ".join(where)
    rows = store.rows("SELECT m.actor1 AS code, COUNT(*) AS n FROM merged_events m WHERE m.actor1 IS NOT NULL"
                      f" AND {condition} GROUP BY m.actor1 UNION ALL SELECT m.actor2 AS code, COUNT(*) AS n"
                      " FROM merged_events m WHERE m.actor2 IS NOT NULL AND (m.actor1 IS NULL OR m.actor2 <> m.actor1)"
                      f" AND {condition} GROUP BY m.actor2", [*params, *params])
    counts: Counter[str] = Counter()
    for r in rows:
        counts[r["code"]] += r["n"]
    return dict(counts)


# -- events -------------------------------------------------------------------------------------------------------------

@router.get("/events", response_model=Page, summary="Merged events, newest first, filtered")
def list_events(request: Request, page: PageNumber = 1, page_size: PageSize = 50, between: Between = None,
                actor: Actor = None, since: Since = None, until: Until = None, types: Types = [],  # noqa: B006
                statuses: Statuses = [],  # noqa: B006
                q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS,
                                               description="Evidence contains this text.")] = None
                ) -> JSONResponse:
    store = store_of(request)
    filters = event_filters(store, between, actor, since, until, types, list(statuses)) | {"text": q or None}
    items = kb.event_rows(store, limit=page_size, offset=(page - 1) * page_size, **filters)
    return respond(page_of(reviews.with_reviews(store, items), page, page_size, kb.count_events(store, **filters)))


@router.get("/events/{event_id}", summary="One merged event with every report behind it and its latest review")
def get_event(request: Request, event_id: EventId) -> JSONResponse:
    store = store_of(request)
    event = one_event(store, event_id)
    reports = kb.evidence(store, [event_id])
    keep = ["doc_id", "event_id", "evidence", "date", "status", "outlet", "url", "title", "published", "language"]
    event["reports"] = records(reports[[c for c in keep if c in reports.columns]])
    return respond(event)


def one_event(store: Any, event_id: str) -> dict[str, Any]:
    rows = store.rows("SELECT m.*, d.path, d.url, d.title FROM merged_events m JOIN documents d ON d.id = m.doc_id"
                      " WHERE m.id = ?", (event_id,))
    if not rows:
        raise HTTPException(404, f"no event {event_id}")
    row = rows[0]
    row["mutual"], row["weight"] = bool(row["mutual"]), kb.weight(row["type"], row["mode"])
    return reviews.with_reviews(store, [{c: row.get(c) for c in kb.EVENT_COLUMNS}])[0]


# -- countries and profiles ---------------------------------------------------------------------------------------------

@router.get("/countries", response_model=Page, summary="Countries (and organisations) with events, most active first")
def list_countries(request: Request, page: PageNumber = 1, page_size: PageSize = 500, since: Since = None,
                   until: Until = None, types: Types = [], statuses: Statuses = []) -> Response:  # noqa: B006
    filters = view_filters(store_of(request), since, until, types, list(statuses))

    def build(store: Any) -> dict[str, Any]:
        names = actor_names()
        ranked = sorted(country_counts(store, filters).items(), key=lambda kv: (-kv[1], kv[0]))
        items = [{"code": code, "name": names.get(code, code), "events": n}
                 for code, n in ranked[(page - 1) * page_size: page * page_size]]
        return page_of(items, page, page_size, len(ranked))

    return remembered(request, ("countries", page, page_size, *filters_key(filters)), build)


@router.get("/countries/{code}", summary="A country's partners, cooperation/conflict balance by year, recent events")
def get_country(request: Request, code: Code, since: Since = None, until: Until = None, types: Types = [],  # noqa: B006
                statuses: Statuses = []) -> Response:  # noqa: B006
    code = resolved_code(store_of(request), code)
    filters = view_filters(store_of(request), since, until, types, list(statuses))
    return remembered(request, ("country", code, *filters_key(filters)),
                      lambda store: country_page(store, code, **filters))


def country_page(store: Any, code: str, *, since: int | None = None, until: int | None = None,
                 types: list[str] | tuple[str, ...] = (), statuses: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    """A country's partners (every one), balance by year, headline and recent events, over the filters."""
    period = {"since": since, "until": until}
    wanted = {**period, "types": list(types), "statuses": list(statuses)}
    partners = partners_of(store, code, **wanted)
    if not partners and not kb.count_events(store, actor=code, **wanted):
        raise HTTPException(404, f"no events involve {code}" + _period_text(since, until))
    names = actor_names()
    for row in partners:
        row["name"] = names.get(row["partner"], row["partner"])
    return {"code": code, "name": names.get(code, code), **wanted,
            "headline": kb.headline(store, actor=code, **wanted), "partners": partners,
            "balance": kb.balance(store, actor=code, **wanted),
            "recent": reviews.with_reviews(store, recent_of(store, code, 20, **wanted))}


def recent_of(store: Any, code: str, limit: int, *, since: int | None = None, until: int | None = None,
              types: list[str] | tuple[str, ...] = (), statuses: list[str] | tuple[str, ...] = ()
              ) -> list[dict[str, Any]]:
    """kb.event_rows(actor=code, limit=limit), read newest first from each side's index and merged: a busy country
    has tens of thousands of events, and sorting them all for twenty would cost a hundred milliseconds."""
    found: dict[str, dict[str, Any]] = {}
    for side in ("actor1", "actor2"):
        where, params = kb.event_filter(since=since, until=until, types=types, statuses=statuses)
        for row in store.rows("SELECT m.*, d.path, d.url, d.title FROM merged_events m JOIN documents d ON"
                              f" d.id = m.doc_id WHERE m.{side} = ? AND {' AND '.join(where)}"
                              " ORDER BY m.date IS NULL, m.date DESC, m.type, m.id LIMIT ?", (code, *params, limit)):
            row["mutual"], row["weight"] = bool(row["mutual"]), kb.weight(row["type"], row["mode"])
            found[row["id"]] = {c: row.get(c) for c in kb.EVENT_COLUMNS}
    newest = sorted(found.values(), key=lambda ev: (ev["date"] is None, _descending(ev["date"] or ""), ev["type"],
                                                    ev["id"]))
    return newest[:limit]


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text) + (1,)


def partners_of(store: Any, code: str, *, since: int | None = None, until: int | None = None,
                types: list[str] | tuple[str, ...] = (), statuses: list[str] | tuple[str, ...] = ()
                ) -> list[dict[str, Any]]:
    """kb.relations (same rows, same order), counted in the store by partner and type instead of event by event,
    so a country with tens of thousands of events answers in milliseconds."""
    where, params = kb.event_filter(since=since, until=until, types=types, statuses=statuses)
    rows = store.rows(
        "SELECT CASE WHEN m.actor1 = ? THEN m.actor2 ELSE m.actor1 END AS partner, m.type, m.mode, COUNT(*) AS n,"
        " SUM(m.num_articles) AS articles, MIN(m.date) AS first, MAX(m.date) AS last FROM merged_events m"
        " WHERE (m.actor1 = ? OR m.actor2 = ?) AND m.actor1 IS NOT NULL AND m.actor2 IS NOT NULL"
        f" AND m.actor1 <> m.actor2 AND {' AND '.join(where)} GROUP BY 1, 2, 3", (code, code, code, *params))
    by_partner: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_partner[r["partner"]].append(r)
    out = []
    for partner, group in by_partner.items():
        weights = [(kb.weight(r["type"], r["mode"]), r["n"]) for r in group]
        firsts, lasts = [r["first"] for r in group if r["first"]], [r["last"] for r in group if r["last"]]
        by_type: Counter[str] = Counter()
        for r in group:
            by_type[r["type"]] += r["n"]
        top = sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        out.append({"partner": partner, "events": sum(r["n"] for r in group),
                    "cooperation": sum(w * n for w, n in weights if w > 0),
                    "conflict": sum(w * n for w, n in weights if w < 0), "balance": sum(w * n for w, n in weights),
                    "articles": sum(int(r["articles"] or 0) for r in group), "first": min(firsts, default=None),
                    "last": max(lasts, default=None), "top_types": ", ".join(t for t, _ in top)})
    out.sort(key=lambda r: (-r["events"], -r["balance"], r["partner"]))
    return out


@router.get("/profiles/{a}/{b}", summary="Everything known about relations between two countries")
def get_profile(request: Request, a: Code, b: Code, since: Since = None, until: Until = None, types: Types = [],  # noqa: B006
                statuses: Statuses = []) -> Response:  # noqa: B006
    a, b = resolved_code(store_of(request), a), resolved_code(store_of(request), b)
    filters = view_filters(store_of(request), since, until, types, list(statuses))
    return remembered(request, ("profile", a, b, *filters_key(filters)),
                      lambda store: build_profile(store, a, b, **filters))


def build_profile(store: Any, a: str, b: str, *, since: int | None = None, until: int | None = None,
                  types: list[str] | tuple[str, ...] = (), statuses: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    """The profile of a pair over a period (years; as `/api/events`, undated events are left out when one is given):
    its headline figures, items (kb.profile), newest events as a timeline, and the documents behind them. Types
    and statuses filter the events as `/api/events` does, and so every part drawn from them: timeline, headline,
    balance, the profile's sections and the people and quotes of the articles behind them (figures are no events:
    only the period applies to them)."""
    wanted = {"since": since, "until": until, "types": list(types), "statuses": list(statuses)}
    items = records(kb.profile(store, a, b, **wanted))
    total = kb.count_events(store, between=(a, b), **wanted)
    newest = reviews.with_reviews(store, kb.event_rows(store, between=(a, b), limit=TIMELINE_MAX, **wanted))
    if not items and not newest:
        raise HTTPException(404, f"nothing stored about {a}–{b}" + _period_text(since, until))
    names = actor_names()
    sources = sources_of(store, newest, items)
    return {"a": a, "b": b, "names": {c: names.get(c, c) for c in (a, b)}, **wanted,
            "headline": kb.headline(store, between=(a, b), **wanted), "items": items,
            "timeline": list(reversed(newest)), "timeline_total": total,
            "facts": [r for r in items if r["section"] == "facts"],
            "sources": sources[:SOURCES_MAX], "sources_total": len(sources)}


def _period_text(since: int | None, until: int | None) -> str:
    return f" from {since}" * (since is not None) + f" until {until}" * (until is not None)


def sources_of(store: Any, timeline: list[dict[str, Any]], items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents behind a profile, newest first."""
    doc_ids = {ev["doc_id"] for ev in timeline} | {r["doc_id"] for r in items if r.get("doc_id")}
    keep = ("doc_id", "title", "outlet", "url", "published", "language")
    return [{k: d[k] for k in keep} for d in kb.document_rows(store, doc_ids)]


# -- documents ------------------------------------------------------------------------------------------------------

@router.get("/documents", response_model=Page, summary="Stored documents, newest first")
def list_documents(request: Request, page: PageNumber = 1, page_size: PageSize = 50,
                   language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None) -> JSONResponse:
    store = store_of(request)
    where, params = ("WHERE d.language = ?", [language]) if language else ("", [])
    items = store.rows(
        "SELECT d.id, d.title, d.outlet, d.language, d.published, d.url, d.story_id,"
        f" (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS events FROM documents d {where}"
        " ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?", [*params, page_size, (page - 1) * page_size])
    total = store.scalar(f"SELECT COUNT(*) FROM documents d {where}", params)
    return respond(page_of(items, page, page_size, int(total)))


@router.get("/documents/{doc_id}", summary="One document: cleaned text, entities with mentions, events, record")
def get_document(request: Request, doc_id: DocId) -> JSONResponse:
    store = store_of(request)
    rows = store.rows("SELECT id, title, url, outlet, published, language, story_id, text, record FROM documents"
                      " WHERE id = ?", (doc_id,))
    if not rows:
        raise HTTPException(404, f"no document {doc_id}")
    doc = rows[0]
    doc["record"] = json.loads(doc["record"])
    doc["published_source"] = doc["record"].get("published_source")  # where the publication date came from
    doc["entities"] = [{k: e.get(k) for k in ("id", "type", "name", "code", "country", "role")}
                       | {"mentions": [{k: m.get(k) for k in ("start", "end", "text")} for m in e.get("mentions", [])]}
                       for e in doc["record"].get("entities", [])]
    doc["events"] = store.rows(
        "SELECT e.event_id, e.type, e.source, e.target, e.status, e.date, e.evidence_start, e.evidence_end,"
        " k.merged_id FROM events e LEFT JOIN merged_event_members k ON k.doc_id = e.doc_id AND k.event_id ="
        " e.event_id WHERE e.doc_id = ? ORDER BY e.evidence_start, e.event_id", (doc_id,))
    return respond(doc)


# -- search, actors, export -------------------------------------------------------------------------------------------

@router.get("/search", response_model=Page, summary="Full-text search over every article (any language)")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)], page: PageNumber = 1,
           limit: Annotated[int, Query(ge=1, le=100, description="Results per page.")] = 20) -> JSONResponse:
    store = store_of(request)
    terms = kb.parse_query(q)
    if not terms or page * limit > MAX_SEARCH_RESULTS:
        return respond(page_of([], page, limit, 0 if not terms else store.search_count(terms)))
    found = records(kb.search(store, q, limit=page * limit))[(page - 1) * limit:]
    return respond(page_of(found, page, limit, store.search_count(terms)))


@router.get("/actors", response_model=Page, summary="People and organisations, their roles and mentions")
def list_actors(request: Request, page: PageNumber = 1, page_size: PageSize = 50, country: Actor = None,
                types: Annotated[list[Literal["PERSON", "ORG", "PLACE", "COUNTRY"]],
                                 Query(alias="type", max_length=4)] = ["PERSON", "ORG"],  # noqa: B006
                ) -> JSONResponse:
    store = store_of(request)
    frame = kb.actors(store, resolved_code(store, country) if country else None, types=types)
    rows = records(frame.iloc[(page - 1) * page_size: page * page_size])
    return respond(page_of(rows, page, page_size, len(frame)))


TSV = "text/tab-separated-values; charset=utf-8"
MEDIA_TYPES = {"jsonl": ("application/x-ndjson", "jsonl"), "plover": ("application/x-ndjson", "plover.jsonl"),
               "csv": ("text/csv; charset=utf-8", "csv"), "gdelt": (TSV, "tsv"), "gdelt1": (TSV, "gdelt1.tsv"),
               "gdelt2": (TSV, "gdelt2.tsv"), "gdelt2-mentions": (TSV, "mentions.tsv")}
ExportFormat = Literal["jsonl", "csv", "plover", "gdelt", "gdelt1", "gdelt2", "gdelt2-mentions"]


@router.get("/export", summary="The (filtered) merged events with their sources, as a streamed download",
            response_class=Response, responses={200: {"content": {m: {} for m, _ in MEDIA_TYPES.values()}},
                                                503: {"model": ErrorBody, "description": "Too many exports at once"}})
def export_events(request: Request, format: ExportFormat = "jsonl",
                  between: Between = None, actor: Actor = None, since: Since = None, until: Until = None,
                  types: Types = [], statuses: Statuses = [],  # noqa: B006
                  limit: Annotated[int | None, Query(ge=1, le=10_000_000)] = None,
                  include_planned: Annotated[bool, Query(description="GDELT formats: keep planned events too.")]
                  = False,
                  csv_formulas: Annotated[bool, Query(description="csv: text starting with = + - @ written as is, "
                                                                  "not neutralised for spreadsheets.")] = False
                  ) -> Response:
    """Streamed batch by batch (the server holds one batch at a time). Without the server's token an export holds
    at most the server's row cap (`X-Export-Row-Cap`; `X-Export-Truncated: true` when more matched): bulk
    exports need the token, or `communique export`. A few exports run at once; more are answered 503."""
    state = request.app.state
    filters = event_filters(store_of(request), between, actor, since, until, types, list(statuses))
    bulk = write_refusal(state.token, request.headers.get("authorization", "")) is None
    cap = None if bulk else state.export_row_cap
    rows = limit if cap is None else min(limit or cap, cap)
    headers = {"Content-Disposition": f'attachment; filename="communique-events.{MEDIA_TYPES[format][1]}"'}
    if cap is not None:
        headers["X-Export-Row-Cap"] = str(cap)
        if (limit is None or limit > cap) and kb.count_events(store_of(request), **filters) > cap:
            headers["X-Export-Truncated"] = "true"
    if not state.exports.acquire(blocking=False):
        raise HTTPException(503, "too many exports are running: try again in a moment",
                            headers={"Retry-After": "5"})
    try:
        store = state.stores.private()
    except BaseException:
        state.exports.release()
        raise

    def pieces() -> Iterator[bytes]:
        try:
            for text, _count in export_chunks(store, format, limit=rows, include_planned=include_planned,
                                              csv_guard=not csv_formulas, **filters):
                yield text.encode("utf-8")
        finally:
            store.close()
            state.exports.release()

    return StreamingResponse(pieces(), media_type=MEDIA_TYPES[format][0], headers=headers)


# -- reviews ------------------------------------------------------------------------------------------------------------

@router.post("/events/{event_id}/review", response_model=ReviewOut, status_code=201,
             dependencies=[Depends(require_writer)],
             responses={401: {"model": ErrorBody, "description": "No valid token"},
                        403: {"model": ErrorBody, "description": "The server is read-only"}},
             summary="Confirm, reject or correct an event (needs the server's token)")
def post_review(request: Request, event_id: EventId, body: ReviewIn) -> JSONResponse:
    corrections = {f: getattr(body, f) for f in reviews.CORRECTABLE}
    if body.action == "correct" and not any(corrections.values()):
        raise HTTPException(422, "a correction needs at least one of type, actor1, actor2, date")
    for field in ("actor1", "actor2"):
        corrections[field] = corrections[field].upper() if corrections[field] else None
    stored = reviews.add_review(store_of(request), event_id, action=body.action, reviewer=body.reviewer,
                                note=body.note, corrections=corrections)
    if stored is None:
        raise HTTPException(404, f"no event {event_id}")
    log.info("review %s of event %s by %s", body.action, event_id, body.reviewer)
    return respond(stored, status_code=201)


@router.get("/reviews", response_model=Page, summary="The review audit log, newest first")
def list_reviews(request: Request, page: PageNumber = 1, page_size: PageSize = 50) -> JSONResponse:
    rows, total = reviews.review_log(store_of(request), limit=page_size, offset=(page - 1) * page_size)
    return respond(page_of(rows, page, page_size, total))


@router.get("/reviews/gold", summary="Reviewed events as gold (the seeds' gold.json format) for `communique evaluate`")
def reviews_gold(request: Request) -> JSONResponse:
    return respond(reviews.gold(store_of(request)))
