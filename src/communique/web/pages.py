"""Dashboard pages: small HTML shells, each of which fetches its JSON twin under `/api` with `fetch()`.

The pages carry no data of their own except the identifiers taken from the URL, passed to the page script in
`data-*` attributes (Jinja2 autoescaping on), so the Content-Security-Policy `default-src 'self'` holds: no inline
scripts, no inline styles, no `on*=` attributes. Article text is only ever put into the page by the scripts, as DOM
text nodes.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import fastapi
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..kb import queries as kb
from ..records import EVENT_STATUSES, EVENT_TYPES
from .api import MAX_QUERY_CHARS

WEB_DIR = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
# Jinja2Templates turns autoescaping on for .html files; say so explicitly so it cannot silently change.
templates.env.autoescape = True

router = fastapi.APIRouter(include_in_schema=False)

# Actor codes: ISO 3166 alpha-3 and a few project codes (EU, UN, IGO...). Anything else is not a page.
CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,15}$")
MAX_ID = 300

NAV = [("overview", "/", "Overview"), ("search", "/search", "Search"), ("review", "/review", "Review"),
       ("watchlists", "/watchlists", "Watchlists")]


#: the filters a view keeps in its URL: years, PLOVER types and statuses (the API reads the same names)
FILTER_KEYS = ("since", "until", "type", "status")
READ_ONLY_REASON = ("This server is read-only: it was started without --token, so reviews and watchlist changes "
                    "cannot be saved. Restart it with communique serve --token TOKEN to review.")


def _page(request: fastapi.Request, template: str, *, section: str, title: str, **data: Any) -> HTMLResponse:
    """Render one page shell; `data` becomes the page's `data-*` attributes (strings, escaped by Jinja2). Every
    page says whether the server takes writes (`data-writable`, and why not in `data-readonly`)."""
    filters = data.pop("filters", None)
    writable = bool(getattr(request.app.state, "token", None))
    data = {**data, "writable": "true" if writable else "false"}
    if not writable:
        data["readonly"] = READ_ONLY_REASON
    context = {"title": title, "section": section, "nav": NAV, "data": {k: str(v) for k, v in data.items()},
               "filters": filters}
    return templates.TemplateResponse(request, template, context)


def view_filters(request: fastapi.Request, scope: dict[str, str], twin: str) -> dict[str, Any]:
    """The filter bar of a view: the values in its URL (shown back in the form), the choices, and the downloads
    of what the view shows: its events as CSV or JSON lines (`/api/export`, `scope` adding the actor or the pair)
    and the view's own JSON twin (`twin`), each with the same filters."""
    params = request.query_params
    pairs = [(k, v) for k in FILTER_KEYS for v in params.getlist(k) if v]
    chosen = {"since": params.get("since", ""), "until": params.get("until", ""),
              "types": [t.upper() for t in params.getlist("type")], "statuses": params.getlist("status")}
    exported = urlencode([*scope.items(), *pairs])
    return {"chosen": chosen, "types": EVENT_TYPES, "statuses": EVENT_STATUSES, "active": bool(pairs),
            "downloads": [("Events as CSV", f"/api/export?format=csv&{exported}".rstrip("&")),
                          ("Events as JSON lines", f"/api/export?format=jsonl&{exported}".rstrip("&")),
                          ("This view as JSON", twin + (f"?{urlencode(pairs)}" if pairs else ""))]}


def _weights() -> str:
    """PLOVER types and the cooperation (+) / conflict (-) weight of their CAMEO code when no mode says more, for
    colouring and the review form."""
    return json.dumps({name: kb.weight(name) for name in EVENT_TYPES}, separators=(",", ":"))


def _code(value: str) -> str:
    if not CODE.match(value):
        raise fastapi.HTTPException(status_code=404, detail=f"no such actor code: {value[:20]!r}")
    return value.upper()


@router.get("/", response_class=HTMLResponse)
def overview_page(request: fastapi.Request) -> HTMLResponse:
    """Events per month by type, the most active country pairs, recent events."""
    return _page(request, "overview.html", section="overview", title="Overview",
                 filters=view_filters(request, {}, "/api/stats"))


@router.get("/countries/{code}", response_class=HTMLResponse)
def country_page(request: fastapi.Request, code: str) -> HTMLResponse:
    """One country: its partner network, cooperation/conflict balance over time, recent events."""
    code = _code(code)
    return _page(request, "country.html", section="country", title=code, code=code,
                 filters=view_filters(request, {"actor": code}, f"/api/countries/{code}"))


@router.get("/profiles/{a}/{b}", response_class=HTMLResponse)
def profile_page(request: fastapi.Request, a: str, b: str) -> HTMLResponse:
    """Bilateral profile of two actors: timeline, figures, sources."""
    a, b = _code(a), _code(b)
    return _page(request, "profile.html", section="profile", title=f"{a}–{b}", a=a, b=b,
                 filters=view_filters(request, {"between": f"{a},{b}"}, f"/api/profiles/{a}/{b}"))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: fastapi.Request, doc_id: str) -> HTMLResponse:
    """One document: cleaned text with entities and event evidence highlighted, source link, record."""
    if not doc_id or len(doc_id) > MAX_ID:
        raise fastapi.HTTPException(status_code=404, detail="no such document")
    return _page(request, "document.html", section="document", title="Document", doc=doc_id,
                 weights=_weights())


@router.get("/search", response_class=HTMLResponse)
def search_page(request: fastapi.Request, q: str = "") -> HTMLResponse:
    """Full-text search over every stored article, any language."""
    return _page(request, "search.html", section="search", title="Search", q=q[:MAX_QUERY_CHARS],
                 max_query=MAX_QUERY_CHARS)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: fastapi.Request) -> HTMLResponse:
    """Confirm, correct or reject events; writes need the server's token."""
    return _page(request, "review.html", section="review", title="Review", weights=_weights())


@router.get("/watchlists", response_class=HTMLResponse)
def watchlists_page(request: fastapi.Request) -> HTMLResponse:
    """Watchlists with their unread alerts; creating and editing them needs the server's token."""
    return _page(request, "watchlists.html", section="watchlists", title="Watchlists", weights=_weights())
