"""A brief as PDF: WeasyPrint typesets the brief's own HTML (the same text, tables and inline SVG charts) with its
print style sheet, on A4 or Letter, with the system's fonts through fontconfig (DejaVu Sans: Latin, accents,
Cyrillic). Nothing is fetched: every URL WeasyPrint would load is refused.

WeasyPrint needs the Pango libraries (Debian: libpango-1.0-0, libpangoft2-1.0-0) and a font (fonts-dejavu-core);
without them `render_pdf` raises `PdfUnavailable` saying what to install.
"""
from __future__ import annotations

import logging
from typing import Any

from ..errors import CommuniqueError
from .content import Brief
from .render import render_html

log = logging.getLogger(__name__)


class PdfUnavailable(CommuniqueError):
    """PDF output needs WeasyPrint and the system libraries it uses."""


def weasyprint() -> Any:
    """The WeasyPrint module, or `PdfUnavailable` with the fix."""
    try:
        import weasyprint as module
    except (ImportError, OSError) as err:
        raise PdfUnavailable(
            f"PDF briefs need WeasyPrint and the Pango libraries ({err}); install them with "
            "`pip install weasyprint` and `apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core`, "
            "or write the brief as --format html and print it") from err
    return module


def render_pdf(brief: Brief, *, paper: str = "a4") -> bytes:
    """The brief typeset as PDF (`paper`: a4 or letter)."""
    module = weasyprint()
    html = render_html(brief, paper=paper)
    document = module.HTML(string=html, base_url=None, url_fetcher=_refuse)
    return bytes(document.write_pdf())


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """No resource of a brief is fetched: it has none, and a link in article text must never be loaded."""
    raise ValueError(f"briefs load nothing: refused {url[:80]!r}")
