"""A brief as Markdown (charts as SVG files beside it), as one self-contained HTML file (inline SVG, print style
sheet, nothing fetched), or as PDF (WeasyPrint typesets the same HTML: `communique.briefs.pdf`).

Article text is untrusted: HTML escapes it (Jinja2 autoescaping) and links only http(s) addresses; Markdown
escapes what its syntax would read (emphasis, links, tables, raw HTML).
"""
from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from ..version import __version__
from .content import Brief, Note, Row, Section
from .wording import Wording

FORMATS = ("md", "html", "pdf")
PAPERS = {"a4": "A4", "letter": "letter"}
FONT = '"DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif'
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def chart_files(brief: Brief, stem: str) -> dict[str, str]:
    """The file name of each chart beside a Markdown brief named `stem`.md."""
    return {chart.key: f"{stem}.{chart.key}.svg" for chart in brief.charts}


# -- HTML -------------------------------------------------------------------------------------------------------------

def render_html(brief: Brief, *, paper: str = "a4") -> str:
    """The brief as one HTML file: inline SVG charts, an embedded style sheet with the page size, no script."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    words = Wording(brief.language)
    return _templates().get_template("brief.html").render(
        brief=brief, words=words, charts={c.key: c for c in brief.charts}, paper=PAPERS[paper], font=FONT,
        version=__version__, created=dt.datetime.now(dt.UTC).date().isoformat(),
        note_ref=_note_ref, citation=lambda note: _citation(note, words), safe_url=safe_url)


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("communique.briefs", "templates"),
                             autoescape=jinja2.select_autoescape(["html"], default_for_string=True),
                             undefined=jinja2.StrictUndefined)
    env.filters["css_string"] = css_string
    env.filters["basename"] = lambda path: os.path.basename(str(path))
    return env


def css_string(text: object) -> Markup:
    """Text for the inside of a double-quoted CSS string in a <style> element: quotes, backslashes and the
    characters that could end the element escaped as CSS code points (HTML entities mean nothing there)."""
    return Markup("".join(f"\\{ord(ch):x} " if ch in '\\"<>&\n' else ch for ch in str(text)))


def _note_ref(number: int | None) -> Markup:
    if not number:
        return Markup("")
    return Markup('<sup class="note-ref"><a href="#note-{0}">{0}</a></sup>').format(number)


def safe_url(url: str | None) -> str | None:
    """`url` when it is an http(s) address, else None: no ``javascript:`` or ``file:`` link leaves a brief."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def _citation(note: Note, w: Wording) -> str:
    return w.text("text.note_link", title=note.title or "", outlet=note.outlet or w.text("text.unknown_outlet"),
                  date=w.date(note.published)) + "."


# -- Markdown -----------------------------------------------------------------------------------------------------------

def render_markdown(brief: Brief, *, charts: dict[str, str] | None = None) -> str:
    """The brief as Markdown; `charts` maps each chart key to the file it was written to (none drawn without)."""
    words = Wording(brief.language)
    charts = charts or {}
    captions = {c.key: c.caption for c in brief.charts}
    out = [f"# {md(brief.title)}", "", f"**{md(brief.kind_label)}** · {md(brief.period)}  ", f"*{md(brief.generated)}*",
           "", f"## {md(words.text('headings.figures'))}", ""]
    out += [f"- **{md(label)}:** {md(value)}" for label, value in brief.figures]
    out += ["", f"## {md(words.text('headings.summary'))}", "", md(" ".join(brief.summary)), ""]
    for section in brief.sections:
        if section.chart_only and section.chart not in charts:
            continue
        out += [f"## {md(section.title)}", ""]
        if section.chart in charts:
            out += [f"![{md(captions[section.chart])}]({charts[section.chart]})", "",
                    f"*{md(captions[section.chart])}*", ""]
        if not section.chart_only:
            out += _markdown_section(section) + [""]
    if brief.notes:
        out += [f"## {md(words.text('headings.notes'))}", ""]
        out += [f"[^{n.number}]: {md(words.text('text.note', sentence=n.sentence, source=_citation(n, words)))}"
                + (f" <{safe_url(n.url)}>" if safe_url(n.url) else f" `{os.path.basename(n.path)}`" if n.path else "")
                for n in brief.notes]
        out.append("")
    out += [f"## {md(words.text('headings.method'))}", "", md(brief.method), ""]
    return "\n".join(out)


def _markdown_section(section: Section) -> list[str]:
    if not section.rows:
        return [f"*{md(section.empty)}*"]
    if section.key == "quotes":
        out = []
        for row in section.rows:
            speaker = ", ".join(md(c) for c in row.cells[:3] if c)
            out += [f"> {md(row.quote or '')}", ">", f"> — {speaker} ({md(row.cells[3])}){_footnote(row)}", ""]
        return out[:-1]
    out = ["| " + " | ".join(md(c) for c in section.columns) + " |", "|" + "---|" * len(section.columns)]
    out += ["| " + " | ".join(_cell(row, n, len(row.cells)) for n in range(len(row.cells))) + " |"
            for row in section.rows]
    return out


def _cell(row: Row, n: int, count: int) -> str:
    text = md(row.cells[n])
    if row.planned and text:
        text = f"*{text}*"
    return text + (_footnote(row) if n == count - 1 else "")


def _footnote(row: Row) -> str:
    return f"[^{row.note}]" if row.note else ""


def md(text: object) -> str:
    """Text safe inside Markdown: the characters its syntax reads (and raw HTML) escaped, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


# -- files -------------------------------------------------------------------------------------------------------------

def write_brief(brief: Brief, path: str | os.PathLike[str], *, fmt: str | None = None, paper: str = "a4") -> list[Path]:
    """Write the brief to `path` in `fmt` (by default from its extension); a Markdown brief's charts go beside it
    as SVG files. Returns every file written, the brief first."""
    path = Path(path)
    fmt = fmt or format_of(path)
    if fmt == "pdf":
        from .pdf import render_pdf

        path.write_bytes(render_pdf(brief, paper=paper))
        return [path]
    if fmt == "html":
        path.write_text(render_html(brief, paper=paper), encoding="utf-8")
        return [path]
    names = chart_files(brief, path.stem)
    written = [path]
    for chart in brief.charts:
        target = path.with_name(names[chart.key])
        target.write_text(chart.svg, encoding="utf-8")
        written.append(target)
    path.write_text(render_markdown(brief, charts=names), encoding="utf-8")
    return written


def format_of(path: str | os.PathLike[str]) -> str:
    """md, html or pdf from a file name's extension."""
    suffix = Path(path).suffix.lower().lstrip(".")
    fmt = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
    if fmt not in FORMATS:
        raise ValueError(f"cannot tell the format of {os.fspath(path)!r}: use a .md, .html or .pdf name, or a format")
    return fmt
