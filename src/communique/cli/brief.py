"""`communique brief A [B]`: an analyst brief of a pair or a country as Markdown, HTML or PDF (`communique.briefs`).
`register(cli)` adds it to the main group."""
from __future__ import annotations

import sys

import click

from .errors import Command
from .kb import db_option, open_store

LANGUAGES = ("en", "es", "ru")


@click.command("brief", cls=Command)
@db_option
@click.argument("a")
@click.argument("b", required=False)
@click.option("--since", type=int, help="From this year on (undated events and figures are left out).")
@click.option("--until", type=int, help="Up to this year.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]),
              help="Output format (default: from the -o extension, else md).")
@click.option("-o", "--output", help="File to write (default brief-A-B.<format>; '-' for stdout).")
@click.option("--language", "language", type=click.Choice(LANGUAGES), default="en", show_default=True,
              help="Language of the headings and text (quotes stay in their own language).")
@click.option("--no-charts", is_flag=True, help="No charts (Markdown: no SVG files beside it).")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
              help="Page size of the PDF and of the HTML when printed.")
def brief_cli(db: str, a: str, b: str | None, since: int | None, until: int | None, fmt: str | None,
              output: str | None, language: str, no_charts: bool, paper: str) -> None:
    """A brief of the relations of A and B (codes in any case or names; or of country A with all its partners): headline figures, a summary,
    a timeline, cooperation and conflict by year, agreements and missions, contacts by level, figures, people and
    quotes, every item footnoted to its article and sentence."""
    from ..briefs import build_brief, format_of, write_brief
    from ..briefs.render import render_html, render_markdown

    if fmt is None:
        try:
            fmt = format_of(output) if output and output != "-" else "md"
        except ValueError as err:
            raise click.UsageError(f"{err} (--format)") from err
    to_stdout = output == "-"
    from ..kb.filters import resolve_code

    with open_store(db) as store:
        a, b = resolve_code(a, store=store), (resolve_code(b, store=store) if b else None)
        brief = build_brief(store, a, b, since=since, until=until, language=language,
                            charts_on=not no_charts and not (to_stdout and fmt == "md"))
    if to_stdout:
        if fmt == "pdf":
            from ..briefs.pdf import render_pdf

            sys.stdout.buffer.write(render_pdf(brief, paper=paper))
            sys.stdout.buffer.flush()
        else:
            click.echo(render_html(brief, paper=paper) if fmt == "html" else render_markdown(brief), nl=False)
        if fmt == "md" and not no_charts:
            click.echo("note: charts are not written with -o -; give a file name to have them beside it", err=True)
        return
    written = write_brief(brief, output or f"brief-{brief.slug}.{fmt}", fmt=fmt, paper=paper)
    extra = f" (+ {len(written) - 1} chart files)" if len(written) > 1 else ""
    click.echo(f"{brief.kind_label}: {brief.title}, {brief.period} → {written[0]}{extra}", err=True)


def register(cli_group: click.Group) -> None:
    cli_group.add_command(brief_cli)
