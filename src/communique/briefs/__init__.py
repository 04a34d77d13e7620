"""Analyst briefs: a bilateral (``KAZ``–``ARG``) or country (``KAZ``) report over a period, as Markdown, a
self-contained HTML file or PDF, with charts, in English, Spanish or Russian.

Owns: choosing, ordering and wording what a brief shows (`content`), its charts as SVG (`charts`), its wording in
each language (`wording`, over ``data/lang/<iso>/brief.toml``), and its formats (`render`: Markdown and HTML;
`pdf`: WeasyPrint). Every figure comes from the knowledge-base queries (`communique.kb.queries`: headline,
profile, balance, relations, events, documents), the same that ``communique profile`` and the HTTP API answer
with; a figure a brief needs is added there, never computed here.

May import: `communique.kb` and everything below it. A services wing (beside `evaluate` and `monitor`): the web
app (``/api/briefs``) and the CLI (``communique brief``) import it; nothing below them does.

    >>> from communique.kb import Store
    >>> from communique.briefs import build_brief, write_brief
    >>> with Store.open("demo.db") as store:
    ...     brief = build_brief(store, "KAZ", "ARG", since=2020, language="es")
    >>> write_brief(brief, "kaz-arg.pdf", paper="letter")
"""
from .content import Brief, NothingToBrief, build_brief
from .render import FORMATS, PAPERS, format_of, render_html, render_markdown, write_brief
from .wording import brief_languages

__all__ = ["FORMATS", "PAPERS", "Brief", "NothingToBrief", "brief_languages", "build_brief", "format_of",
           "render_html", "render_markdown", "write_brief"]
