"""Analyst briefs (issue 18): the KAZ–ARG and KAZ briefs from the sample store in Markdown, HTML and PDF, in three
languages, with figures equal to `communique profile` and the API for the same filters.

PDF tests need WeasyPrint's system libraries (Pango) and the PNG check needs pdftoppm (Debian poppler-utils); both
are installed by .ci/run and the tests skip with a message where they are absent. The first page of the KAZ–ARG
brief is saved as test-artifacts/briefs/kaz-arg-page1.png.
"""
from __future__ import annotations

import ast
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from kb_fixtures import kaz_arg_articles, make_article
from web_fixtures import live_server

from communique.briefs import build_brief, render_html, render_markdown, write_brief
from communique.briefs.wording import Wording, brief_languages
from communique.cli import cli
from communique.cli.kb import format_headline
from communique.kb import queries as kb
from communique.kb.store import Store
from communique.records import Quote
from communique.web.api import plain

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "briefs"
PACKAGE = ROOT / "src" / "communique"
PERIODS = [(None, None), (2020, None), (2023, 2024)]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, sample_articles, settings) -> Path:
    """The sample corpus and, where ../shared is present, the seeds, in one SQLite store."""
    from conftest import SHARED

    from communique.api import process_paths

    db = tmp_path_factory.mktemp("briefs") / "samples.db"
    with Store.open(db) as store:
        store.write_batch(list(sample_articles))
        store.write_batch(list(process_paths(sorted((SHARED / "seeds").glob("*.txt")), settings=settings)))
    return db


@pytest.fixture(scope="module")
def store(sample_db):
    with Store.open(sample_db) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(sample_db):
    """`communique serve` over the sample store."""
    with live_server(sample_db) as base, httpx.Client(base_url=base, timeout=120) as http:
        yield http


def pdf_tools():
    """WeasyPrint and pypdf, or a skip saying what is missing."""
    from communique.briefs.pdf import PdfUnavailable, weasyprint

    try:
        weasyprint()
    except PdfUnavailable as err:
        pytest.skip(f"PDF briefs unavailable here: {err}")
    return pytest.importorskip("pypdf", reason="pypdf (test extra) reads the PDF back")


def pdf_text(data: bytes) -> tuple[int, str]:
    pypdf = pdf_tools()
    reader = pypdf.PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


# -- one source of truth -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("since,until", PERIODS)
def test_brief_figures_equal_the_profile_command_and_the_api(store, sample_db, client, since, until):
    brief = build_brief(store, "KAZ", "ARG", since=since, until=until)
    period = {k: v for k, v in (("since", since), ("until", until)) if v is not None}
    api = client.get("/api/profiles/KAZ/ARG", params=period).json()
    assert api["headline"] == plain(brief.headline)
    frame = kb.profile(store, "KAZ", "ARG", since=since, until=until)
    assert api["items"] == [plain(r) for r in frame.to_dict("records")]
    flags = [f"--{k}={v}" for k, v in period.items()]
    jsonl = CliRunner().invoke(cli, ["profile", "KAZ", "ARG", "--db", str(sample_db), "--format", "jsonl", *flags])
    assert [json.loads(line) for line in jsonl.output.splitlines()] == api["items"]
    table = CliRunner().invoke(cli, ["profile", "KAZ", "ARG", "--db", str(sample_db), *flags])
    assert format_headline("KAZ–ARG", brief.headline) in table.output
    # what the brief shows is those rows: one contact row per profile contact, figures with the profile's values
    sections = {s.key: s for s in brief.sections}
    contacts = frame[frame["section"] == "contacts"]
    assert len(sections["contacts"].rows) == len(contacts)
    w = Wording("en")
    facts = frame[frame["section"] == "facts"].to_dict("records")
    assert [row.cells[2] for row in sections["facts"].rows] == [w.amount(f["value"], f["unit"]) for f in facts]
    shown = dict(brief.figures)
    assert shown["Articles"] == w.number(api["headline"]["articles"])
    assert shown["Independent sources"] == w.number(api["headline"]["sources"])
    assert shown["Events"].split()[0] == w.number(api["headline"]["events"])


def test_a_pair_brief_reads_the_knowledge_base(store):
    brief = build_brief(store, "KAZ", "ARG")
    h = brief.headline
    assert h["events"] == kb.count_events(store, between=("KAZ", "ARG")) and h["events"] >= 5
    assert h["last_contact"] == kb.profile(store, "KAZ", "ARG").query("section == 'last contact'")["date"].iloc[0]
    sections = {s.key: s for s in brief.sections}
    assert any("embassy opened" in row.cells[1] for row in sections["agreements"].rows)
    people = {row.cells[0]: row for row in sections["people"].rows}
    assert people["Santiago Cafiero"].cells[1:3] == ["foreign minister", "Argentina"]
    assert people["Alibek Bakayev"].cells[2] == "Kazakhstan"
    quotes = {row.cells[0]: row for row in sections["quotes"].rows}
    assert quotes["Santiago Cafiero"].quote.startswith("Kazajistán es un socio")         # in its own language
    assert quotes["Santiago Cafiero"].quote_language == "es"
    # every row that cites something cites a sentence of a stored article
    for section in brief.sections:
        for row in section.rows:
            if row.note:
                note = brief.notes[row.note - 1]
                assert note.sentence and note.title and note.published
    for row in sections["contacts"].rows:
        assert row.planned == ("planned" in row.cells)
    assert any(row.planned for row in sections["contacts"].rows)


# -- the three formats ------------------------------------------------------------------------------------------------

def test_kaz_arg_brief_as_markdown_html_and_pdf(sample_db, client, tmp_path):
    runner = CliRunner()
    written = {}
    for fmt in ("md", "html", "pdf"):
        if fmt == "pdf":
            pdf_tools()
        out = tmp_path / f"kaz-arg.{fmt}"
        result = runner.invoke(cli, ["brief", "KAZ", "ARG", "--db", str(sample_db), "--since", "2020", "-o", str(out)])
        assert result.exit_code == 0, result.output
        written[fmt] = out
    headline = client.get("/api/profiles/KAZ/ARG", params={"since": 2020}).json()["headline"]
    w = Wording("en")

    markdown = written["md"].read_text(encoding="utf-8")
    charts = sorted(p.name for p in tmp_path.glob("kaz-arg.*.svg"))
    assert charts == ["kaz-arg.balance.svg", "kaz-arg.timeline.svg"]
    assert all(f"]({name})" in markdown for name in charts)
    assert all((tmp_path / name).read_text().startswith("<svg") for name in charts)
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", markdown))
    definitions = set(re.findall(r"^\[\^(\d+)\]:", markdown, re.MULTILINE))
    assert refs == definitions and refs
    assert w.count("events", headline["events"]) in markdown

    html = written["html"].read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<link" not in html.lower() and "url(" not in html
    assert not re.search(r"\ssrc=", html), "a brief loads nothing"
    assert html.count("<svg") == 2 and "size: A4" in html
    for number in re.findall(r'href="#note-(\d+)"', html):
        assert f'id="note-{number}"' in html
    assert all(link.startswith(("#", "http://", "https://")) for link in re.findall(r'href="([^"]*)"', html))

    pages, text = pdf_text(written["pdf"].read_bytes())
    assert 2 <= pages <= 6, pages
    for phrase in (w.count("events", headline["events"]), w.count("articles", headline["articles"]),
                   w.count("sources", headline["sources"]), w.date(headline["last_contact"]),
                   w.signed(headline["balance"])):
        assert phrase in text, phrase
    first_page_png(written["pdf"])


def first_page_png(pdf: Path) -> None:
    """The first page as PNG in test-artifacts/ (pdftoppm from poppler-utils)."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (Debian poppler-utils, installed by .ci/run) is needed to render a page to PNG")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(ARTIFACTS / "kaz-arg-page1")], check=True, timeout=120)
    png = (ARTIFACTS / "kaz-arg-page1.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000


@pytest.mark.parametrize("language", ["es", "ru"])
def test_headings_in_the_brief_language_and_quotes_in_their_own(store, language):
    w = Wording(language)
    brief = build_brief(store, "KAZ", "ARG", language=language)
    html = render_html(brief)
    assert f'<html lang="{language}">' in html
    for key in ("headings.figures", "headings.contacts", "headings.quotes", "headings.notes"):
        assert w.text(key) in html
    assert w.name("KAZ") in brief.title and w.name("ARG") in brief.title
    assert '<blockquote lang="es"><p>Kazajistán es un socio' in html
    assert '<blockquote lang="en"><p>Argentina is one of our most important partners' in html
    _, text = pdf_text(_pdf(brief))
    assert w.text("headings.contacts") in text and w.count("events", brief.headline["events"]) in text
    if language == "ru":
        assert "Казахстан" in text and "Визиты и контакты по уровням" in text
    fonts = _fonts(_pdf(brief))
    if Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists():
        assert any("DejaVu" in font for font in fonts), fonts


def _pdf(brief, paper: str = "a4") -> bytes:
    from communique.briefs.pdf import render_pdf

    pdf_tools()
    return render_pdf(brief, paper=paper)


def _fonts(data: bytes) -> set[str]:
    pypdf = pdf_tools()
    fonts = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return fonts


@pytest.mark.parametrize("paper,size", [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_sizes(store, paper, size):
    pypdf = pdf_tools()
    reader = pypdf.PdfReader(io.BytesIO(_pdf(build_brief(store, "KAZ", "ARG"), paper)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_country_brief_ranks_partners_as_relations_and_the_api(store, client):
    brief = build_brief(store, "KAZ", since=2020)
    api = client.get("/api/countries/KAZ", params={"since": 2020}).json()
    assert api["headline"] == plain(brief.headline) and brief.headline["partners"] == len(api["partners"])
    relations = kb.relations(store, "KAZ", since=2020).to_dict("records")
    w = Wording("en")
    partners = {s.key: s for s in brief.sections}["partners"].rows
    assert [row.cells[:2] for row in partners] == [[w.name(r["partner"]), w.number(r["events"])] for r in relations]
    assert [p["partner"] for p in api["partners"]] == [r["partner"] for r in relations]
    assert [c.key for c in brief.charts] == ["partners", "balance"]
    top = {s.key: s for s in brief.sections}["top_events"].rows
    assert top and all(row.note for row in top)


def test_without_charts_and_to_stdout(sample_db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "plain.md"
    result = runner.invoke(cli, ["brief", "KAZ", "ARG", "--db", str(sample_db), "--no-charts", "-o", str(out)])
    assert result.exit_code == 0 and out.exists() and not list(tmp_path.glob("*.svg"))
    assert "![" not in out.read_text(encoding="utf-8")
    result = runner.invoke(cli, ["brief", "KAZ", "--db", str(sample_db), "--format", "html", "-o", "-",
                                 "--language", "es", "--no-charts"])
    assert result.exit_code == 0 and result.output.startswith("<!doctype html>") and "<svg" not in result.output
    result = runner.invoke(cli, ["brief", "KAZ", "ISL", "--db", str(sample_db)])
    assert result.exit_code == 2 and "nothing stored about KAZ–ISL" in result.output
    result = runner.invoke(cli, ["brief", "KAZ", "XYZ", "--db", str(sample_db)])          # no such actor at all
    assert result.exit_code == 2 and "unknown actor 'XYZ'" in result.output


# -- the HTTP API and the dashboard --------------------------------------------------------------------------------

def test_briefs_over_http(client):
    page = client.get("/api/briefs/KAZ/ARG", params={"since": 2020, "language": "ru"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script" not in policy and "default-src 'none'" in policy and page.text.count("<svg") == 2
    markdown = client.get("/api/briefs/KAZ", params={"format": "md"})
    assert markdown.headers["content-type"].startswith("text/markdown") and markdown.text.startswith("# Kazakhstan")
    missing = client.get("/api/briefs/KAZ/ISL")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert client.get("/api/briefs/KAZ/ARG", params={"format": "doc"}).status_code == 422
    pdf_tools()
    pdf = client.get("/api/briefs/KAZ/ARG", params={"format": "pdf", "paper": "letter"})
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert 'filename="brief-KAZ-ARG.pdf"' in pdf.headers["content-disposition"]


def test_profile_and_country_pages_have_a_brief_button(client):
    assert 'href="/api/briefs/KAZ/ARG"' in client.get("/profiles/KAZ/ARG").text
    assert 'href="/api/briefs/KAZ/ARG?format=pdf"' in client.get("/profiles/KAZ/ARG").text
    assert 'href="/api/briefs/KAZ"' in client.get("/countries/KAZ").text


def test_untrusted_article_text_is_escaped_in_every_format(tmp_path):
    from web_fixtures import hostile_article

    with Store.open(tmp_path / "hostile.db") as opened:
        opened.write_batch([hostile_article()])
        brief = build_brief(opened, "KAZ", "ARG")
    html = render_html(brief)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<img" not in html and "&lt;img src=x onerror=" in html
    markdown = render_markdown(brief)
    assert "<script>" not in markdown and r"\<script\>" in markdown


# -- the queries a brief reads -----------------------------------------------------------------------------------------

@pytest.fixture
def fixture_store(tmp_path):
    articles = kaz_arg_articles()
    dispatch = articles[0]
    speaker = dispatch.entities[0]                                   # Roman Vassilenko, KAZ
    start = dispatch.text.index("The first honorary")
    dispatch.quotes.append(Quote("Argentina is our gateway to Latin America", start, start + 10, speaker.id))
    with Store.open(tmp_path / "kb.db") as opened:
        opened.write_batch(articles + [make_article(
            "other.txt", ["Kazakhstan and Brazil held talks in Astana in 2019."],
            [{"type": "CONSULT", "source": "KAZ", "target": "BRA", "sentence": 0, "date": "2019-03-01",
              "mutual": True, "mode": "talks"}], outlet="Agencia", published="2019-03-02")])
        yield opened


def test_headline_counts_events_articles_sources_and_outlets(fixture_store):
    h = kb.headline(fixture_store, between=("KAZ", "ARG"))
    # 5 merged events; 3 articles, 2 stories (the reprint copies the dispatch), 3 outlets
    assert (h["events"], h["articles"], h["sources"], h["outlets"]) == (5, 3, 2, 3)
    assert (h["first"], h["last"], h["last_contact"]) == ("1993", "2024-05", "2023-08-22")
    assert h["cooperation"] == sum(y["cooperation"] for y in kb.balance(fixture_store, between=("KAZ", "ARG")))
    country = kb.headline(fixture_store, actor="KAZ", since=2019, until=2019)
    assert (country["events"], country["partners"], country["last_contact"]) == (1, 1, "2019-03-01")


def test_profile_people_and_quotes_and_the_period(fixture_store):
    frame = kb.profile(fixture_store, "KAZ", "ARG")
    people = frame[frame["section"] == "people"].to_dict("records")
    vassilenko = next(p for p in people if p["item"] == "Roman Vassilenko")
    assert (vassilenko["detail"], vassilenko["actor"], vassilenko["num_articles"]) == (
        "deputy foreign minister", "KAZ", 2)
    assert vassilenko["evidence"].startswith("Kazakh Deputy Foreign Minister Roman Vassilenko")
    (quote,) = frame[frame["section"] == "quotes"].to_dict("records")
    assert (quote["item"], quote["evidence"], quote["language"]) == (
        "Roman Vassilenko", "Argentina is our gateway to Latin America", "en")
    recent = kb.profile(fixture_store, "KAZ", "ARG", since=2024)
    assert set(recent["section"]) == {"partnership", "balance"}          # the trade figure is of 2023
    assert kb.profile(fixture_store, "KAZ", "ARG", until=2023).query("section == 'facts'")["value"].tolist() == [64.7e6]


# -- data and layering -------------------------------------------------------------------------------------------------

def test_every_language_words_everything_english_does():
    english = Wording("en").data
    assert set(brief_languages()) >= {"en", "es", "ru"}
    for language in brief_languages():
        data = Wording(language).data
        for section, entries in english.items():
            if section == "labels":
                continue
            assert set(data[section]) == set(entries), (language, section)
            for key, template in entries.items():
                assert _fields(data[section][key]) == _fields(template), (language, section, key)
        labels = data["labels"]
        for table in ("items", "levels", "status", "facts", "types"):
            assert set(labels[table]) == set(english["labels"][table]), (language, table)
        if language != "en":
            assert _normalised_roles() <= set(labels["roles"]), (language, _normalised_roles() - set(labels["roles"]))


def test_every_profile_item_has_a_label():
    words = kb.profile_words()
    produced = {"diplomatic relations", "signed", "agreed", "political consultations", "contact"}
    produced |= set(words["partnership"])
    produced |= {f"{m} {state}".strip() for m in words["missions"] for state in ("opened", "planned")
                 if m != "concurrent accreditation"} | {"concurrent accreditation", "concurrent accreditation planned"}
    from communique.datafiles import load_data

    produced |= set(load_data("plover.toml")["types"]["CONSULT"]["modes"])
    levels = set(kb.contact_levels()[0])
    for language in brief_languages():
        labels = Wording(language).data["labels"]
        assert produced <= set(labels["items"]), (language, produced - set(labels["items"]))
        assert levels <= set(labels["levels"])


def _fields(value) -> set[str]:
    import string

    texts = value.values() if isinstance(value, dict) else [value]
    return {field for text in texts for _, field, _, _ in string.Formatter().parse(str(text)) if field}


def _normalised_roles() -> set[str]:
    from communique.datafiles import language_data

    roles = set()
    for language in ("en", "es", "ru"):
        for value in (language_data(language, "actors") or {}).get("roles", {}).values():
            roles.add(value[0] if isinstance(value, list) else value)
    return roles


def test_the_briefs_wing_imports_only_downward():
    above = {"cli", "web", "bench"}
    for path in (PACKAGE / "briefs").glob("*.py"):
        for name in _imports(path):
            assert not any(name.startswith(f"communique.{wing}") for wing in above), (path.name, name)
    for path in PACKAGE.rglob("*.py"):
        wing = path.relative_to(PACKAGE).parts[0]
        if wing in {"cli", "web", "briefs"}:
            continue
        assert not any(name.startswith("communique.briefs") for name in _imports(path)), path


def _imports(path: Path) -> set[str]:
    """Absolute names of the communique modules a file imports (relative imports resolved)."""
    package = ["communique", *path.relative_to(PACKAGE).parent.parts]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names |= {module} | {f"{module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return {n for n in names if n.startswith("communique")}


def test_write_brief_refuses_a_format_it_cannot_tell(store, tmp_path):
    with pytest.raises(ValueError, match="cannot tell the format"):
        write_brief(build_brief(store, "KAZ", "ARG", charts_on=False), tmp_path / "brief.docx")
