"""``/api/briefs/{a}/{b}`` and ``/api/briefs/{a}``: the analyst brief of a pair or a country (`communique.briefs`)
as HTML (default; shown in the browser), PDF or Markdown (without charts: they would be separate files).

The HTML brief is a document of its own, not a dashboard page: it carries its style sheet and inline SVG, so its
Content-Security-Policy allows inline styles and nothing else (no script, no fetch, no frame).
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from ..briefs import NothingToBrief, build_brief, render_html, render_markdown
from .api import ERRORS, Code, ErrorBody, Since, Until, resolved_code, store_of

BRIEF_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none';"
                " frame-ancestors 'none'")
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "pdf": "application/pdf"}
RESPONSES = {200: {"content": {m: {} for m in MEDIA_TYPES.values()}},
             501: {"model": ErrorBody, "description": "PDF output is not available on this server (no WeasyPrint)"}}

router = APIRouter(prefix="/api", tags=["briefs"], responses=ERRORS)

Format = Annotated[Literal["html", "pdf", "md"], Query(description="html (default), pdf, or md (no charts).")]
Language = Annotated[Literal["en", "es", "ru"], Query(description="Language of the headings and text.")]
Paper = Annotated[Literal["a4", "letter"], Query(description="Page size (PDF, and HTML when printed).")]
Charts = Annotated[bool, Query(description="Draw the charts (html, pdf).")]


@router.get("/briefs/{a}/{b}", summary="The brief of two countries' relations as HTML, PDF or Markdown",
            response_class=Response, responses=RESPONSES)
def get_pair_brief(request: Request, a: Code, b: Code, since: Since = None, until: Until = None,
                   format: Format = "html", language: Language = "en", paper: Paper = "a4",
                   charts: Charts = True) -> Response:
    return brief_response(request, a, b, since, until, format, language, paper, charts)


@router.get("/briefs/{a}", summary="The brief of a country: partners ranked, balance over time, main events",
            response_class=Response, responses=RESPONSES)
def get_country_brief(request: Request, a: Code, since: Since = None, until: Until = None, format: Format = "html",
                      language: Language = "en", paper: Paper = "a4", charts: Charts = True) -> Response:
    return brief_response(request, a, None, since, until, format, language, paper, charts)


def brief_response(request: Request, a: str, b: str | None, since: int | None, until: int | None, fmt: str,
                   language: str, paper: str, charts: bool) -> Response:
    a, b = resolved_code(store_of(request), a), (resolved_code(store_of(request), b) if b else None)
    try:
        brief = build_brief(store_of(request), a, b, since=since, until=until, language=language,
                            charts_on=charts and fmt != "md")
    except NothingToBrief as err:
        raise HTTPException(404, str(err)) from err
    if fmt == "pdf":
        from ..briefs.pdf import PdfUnavailable, render_pdf

        try:
            body: str | bytes = render_pdf(brief, paper=paper)
        except PdfUnavailable as err:
            raise HTTPException(501, str(err)) from err
    else:
        body = render_html(brief, paper=paper) if fmt == "html" else render_markdown(brief)
    disposition = "inline" if fmt == "html" else "attachment"
    headers = {"Content-Disposition": f'{disposition}; filename="brief-{brief.slug}.{fmt}"',
               "Content-Security-Policy": BRIEF_POLICY}
    return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)
