"""The dashboard in a real headless Chromium (Debian's `chromium`, driven by Playwright's Python API), on the
processed sample corpus: every page draws real data, the pages link overview → country → profile → document, a
review is stored with the token, hostile article text stays text, nothing leaves 127.0.0.1 and the console stays
clean. Full-page screenshots go to test-artifacts/screenshots/.

Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it) and the `playwright` package (test
extra); without either the tests skip. Playwright's own browser download is never used.
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from web_fixtures import demo_store_path, hostile_article, live_server, store_copy  # noqa: F401

from communique.kb.store import Store

CHROMIUM = Path(os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium); browser tests skipped", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install "
                                                                   "'communique[test]'); browser tests skipped")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
TOKEN = "browser-test-token-42"
TIMEOUT_MS = 30_000


# -- fixtures -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator[playwright_api.Browser]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(demo_store_path) -> Iterator[str]:  # noqa: F811  (the fixture imported above)
    """A read-only server on the sample corpus store, as `communique serve` would run it."""
    with live_server(demo_store_path) as base:
        yield base


@pytest.fixture
def writable_site(demo_store_path, tmp_path) -> Iterator[tuple[str, Path]]:  # noqa: F811
    """A server with a token on a private copy of the store that also holds a hostile article."""
    db = store_copy(demo_store_path, tmp_path)
    with Store.open(db) as store:
        store.write_batch([hostile_article()])
    with live_server(db, token=TOKEN) as base:
        yield base, db


class Watched:
    """A browser page with everything worth failing on recorded: console errors, uncaught exceptions, dialogs
    (alert/confirm/prompt) and requests to anything but the test server, which are also blocked."""

    def __init__(self, browser, base: str, width: int = 1280) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
        self.context.set_default_timeout(TIMEOUT_MS)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str) -> playwright_api.Page:
        self.page.goto(self.base + path)
        self.settle()
        return self.page

    def settle(self) -> None:
        """Wait until the page has fetched and drawn its data (its status line is hidden once loaded)."""
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_selector("[data-status]", state="hidden")

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def check_clean(self) -> None:
        assert self.outside == [], f"requests left 127.0.0.1: {self.outside}"
        assert self.dialogs == [], f"a dialog opened (script ran): {self.dialogs}"
        assert self.errors == [], f"console errors: {self.errors}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser, site) -> Iterator[Watched]:
    page = Watched(browser, site)
    yield page
    try:
        page.check_clean()
    finally:
        page.close()


def api_json(page, path: str):
    response = page.request.get(path)
    assert response.ok, f"{path}: {response.status}"
    return response.json()


# -- pages ------------------------------------------------------------------------------------------------------------

def test_overview_draws_events_per_month_pairs_and_recent_events(watched):
    page = watched.open("/")
    stats = api_json(page, watched.base + "/api/stats")
    assert page.locator("[data-stat='documents'] .stat-value").inner_text() == str(stats["documents"]) == "32"
    bars = page.locator("[data-chart='by-month'] rect.bar")
    assert bars.count() > 10
    # The yearly view covers every dated event: its bars add up to the API's monthly counts.
    page.get_by_role("button", name="All years, by year").click()
    counts = page.locator("[data-chart='by-month'] rect.bar").evaluate_all("bars => bars.map(b => +b.dataset.count)")
    assert sum(counts) == sum(row["count"] for row in stats["by_month"])
    types_drawn = set(page.locator("[data-chart='by-month'] rect.bar").evaluate_all(
        "bars => bars.map(b => b.dataset.type)"))
    assert {"CONSULT", "SUPPORT", "AGREE"} <= types_drawn
    pairs = page.locator("[data-table='pairs'] tbody tr")
    assert pairs.count() == len(stats["top_pairs"])
    first = stats["top_pairs"][0]
    assert f"{first['actor1']} – {first['actor2']}" in pairs.first.inner_text()
    assert page.locator("[data-table='by-month'] table tbody tr").count() == len({r["month"] for r in stats["by_month"]})
    recent = page.locator("[data-events='recent'] li.event")
    assert recent.count() == len(stats["recent"]) > 0
    link = recent.first.locator("a.evidence-link").get_attribute("href")
    assert link.startswith(f"/documents/{stats['recent'][0]['doc_id']}#event-")
    page.get_by_role("button", name="Last 5 years, by month").click()
    watched.screenshot("overview")


def test_country_page_draws_the_partner_network_and_balance(watched):
    page = watched.open("/countries/KAZ")
    data = api_json(page, watched.base + "/api/countries/KAZ")
    assert "Kazakhstan" in page.locator("h1").inner_text()
    network = page.locator("[data-chart='network'] svg")
    for partner in ("ARG", "RUS", "BRA", "TUR"):
        node = network.locator(f"a.node[data-code='{partner}']")
        assert node.count() == 1, partner
        assert node.get_attribute("href") == f"/profiles/KAZ/{partner}"
    arg = next(p for p in data["partners"] if p["partner"] == "ARG")
    assert network.locator("a.node[data-code='ARG']").get_attribute("data-events") == str(arg["events"])
    assert network.locator("line.edge").count() == min(30, len(data["partners"]))
    points = page.locator("[data-chart='balance'] circle.point")
    years = [row["year"] for row in data["balance"]]
    assert points.count() == max(years) - min(years) + 1        # every year from the first to the last
    balance_rows = page.locator("[data-table='balance'] tbody tr")
    assert balance_rows.count() == len(data["balance"])
    assert "ARG" in page.locator("[data-table='partners']").text_content()
    assert page.locator("[data-events='recent'] li.event").count() == len(data["recent"])
    watched.screenshot("country-KAZ")


def test_bilateral_profile_lists_missions_timeline_and_trade(watched):
    page = watched.open("/profiles/KAZ/ARG")
    assert page.locator("h1").inner_text() == "Kazakhstan – Argentina"
    missions = page.locator("[data-section='missions']").inner_text()
    assert "embassy opened" in missions and "Kazakhstan opens embassy in Argentina" in missions
    # one mark per dated mission: the embassy opened in 2025 and, apart from it since the merge reads each
    # mention's own date, the honorary consulate opened in August 2023 that the same article recalls
    data = api_json(page, watched.base + "/api/profiles/KAZ/ARG")
    missions_dated = [r for r in data["items"] if r["section"] == "missions" and r.get("date")]
    assert any(r["date"].startswith("2023-08") for r in missions_dated)
    assert page.locator("[data-chart='timeline'] a.mark[data-lane='missions']").count() == len(missions_dated) >= 3
    assert page.locator("[data-chart='timeline'] a.mark[data-lane='contacts']").count() >= 2
    trade = page.locator("[data-chart='figures'] a.figure-bar")
    values = sorted(float(v) for v in trade.evaluate_all("bars => bars.map(b => b.dataset.value)"))
    assert values == [64_700_000.0, 86_000_000.0]
    assert "$64.7" in page.locator("[data-chart='figures']").inner_text()
    sources = page.locator("[data-list='sources'] li")
    assert sources.count() == 3
    figures = page.locator("[data-list='facts'] tbody tr")           # the pair's figures, listed with downloads
    assert figures.count() == 2 and "$64.7" in page.locator("[data-list='facts']").inner_text()
    assert page.locator("[data-list='quotes'] table, [data-list='quotes'] p.empty").count() == 1
    links = page.locator("[data-saying]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links[2] == "/api/facts?between=KAZ,ARG&format=csv"
    assert len(list(csv.DictReader(io.StringIO(page.request.get(watched.base + links[2]).text())))) == 2
    watched.screenshot("profile-KAZ-ARG")
    page = watched.open("/profiles/KAZ/BRA")
    assert "honorary consulate opened" in page.locator("[data-section='missions']").inner_text()


def test_click_through_overview_country_profile_document(watched):
    page = watched.open("/")
    page.locator("[data-countries] a[href='/countries/KAZ']").click()
    page.wait_for_url("**/countries/KAZ")
    watched.settle()
    page.locator("[data-chart='network'] a.node[data-code='ARG']").click()
    page.wait_for_url("**/profiles/KAZ/ARG")
    watched.settle()
    page.locator("[data-section='missions'] a.evidence-link", has_text="opens embassy").click()
    page.wait_for_url("**/documents/**")
    watched.settle()
    assert "Kazakhstan opens embassy in Argentina" in page.locator("h1").inner_text()
    target = page.locator("[data-text] .is-target")
    assert target.count() > 0
    assert "Kazakhstan opens embassy in Argentina" in "".join(target.all_inner_texts())
    assert page.locator("[data-text] .mention-country").count() > 5
    assert page.locator("[data-text] .evidence").count() > 0
    record = json.loads(page.locator("[data-record]").text_content())
    assert record["title"].startswith("Kazakhstan opens embassy")
    watched.screenshot("document-embassy")
    # Its events list jumps to each event's sentence (the visit: "Bakayev, who arrived in the Argentine capital").
    page.locator("[data-doc-events] li a", has_text="CONSULT").last.click()
    # the page redraws on the hash change: wait for it rather than read the old highlight
    page.wait_for_function("() => [...document.querySelectorAll('[data-text] .is-target')]"
                           ".map((n) => n.textContent).join('').includes('who arrived in the Argentine')",
                           timeout=10_000)
    assert "who arrived in the Argentine" in "".join(page.locator("[data-text] .is-target").all_inner_texts())


def test_search_finds_articles_in_any_language(watched):
    page = watched.open("/search?q=embajada")
    results = page.locator("[data-results] li.result")
    assert results.count() == 6          # 3 with "embajada" first, then 3 with "embajador" (one Spanish stem)
    assert page.locator("[data-results] mark").first.inner_text().lower() == "embajada"
    results.first.locator("a.result-title").click()
    page.wait_for_url("**/documents/**")
    watched.settle()
    assert "embajada" in page.locator("[data-text]").inner_text()
    page = watched.open("/search?q=Токаев")
    assert page.locator("[data-results] li.result").count() > 0
    page = watched.open("/search?q=embajada")
    watched.screenshot("search")


def test_pages_fit_a_phone_screen(browser, site):
    phone = Watched(browser, site, width=390)
    try:
        page = phone.open("/countries/KAZ")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, f"the page scrolls sideways on a phone ({width}px)"
        phone.screenshot("country-KAZ-phone")
        phone.check_clean()
    finally:
        phone.close()


# -- review -----------------------------------------------------------------------------------------------------------

def test_review_confirm_and_correct_with_the_token(browser, writable_site):
    base, _ = writable_site
    watched = Watched(browser, base)
    try:
        page = watched.open("/review")
        first_row = page.locator("[data-review-list] tbody tr").first
        first_row.get_by_role("button", name="Confirm").click()
        assert "Enter the token" in first_row.locator(".review-message").inner_text()   # nothing sent without it
        page.fill("#token", TOKEN)
        page.fill("#reviewer", "Analyst A")
        page.get_by_role("button", name="Keep for this session").click()
        event_id = first_row.locator(".review-cell").get_attribute("data-event-id")
        first_row.get_by_role("button", name="Confirm").click()
        first_row.locator(".review-state[data-review='confirm']").wait_for()
        assert "confirmed by Analyst A" in first_row.locator(".review-state").inner_text()
        page.locator("[data-audit] tbody tr").first.wait_for()
        assert "Analyst A" in page.locator("[data-audit] tbody tr").first.inner_text()
        # A correction of the second event's type.
        second = page.locator("[data-review-list] tbody tr").nth(1)
        second.get_by_role("button", name="Correct…").click()
        second.locator("select[name='type']").select_option("COOPERATE")
        second.locator("input[name='note']").fill("a visit that set up cooperation")
        second.get_by_role("button", name="Save correction").click()
        second.locator(".review-state[data-review='correct']").wait_for()
        # Reloaded, the reviews are still there (stored, not only drawn) and the token survives in the tab.
        page.reload()
        watched.settle()
        reviewed = api_json(page, f"{base}/api/events/{event_id}")
        assert reviewed["review"]["action"] == "confirm" and reviewed["review"]["reviewer"] == "Analyst A"
        assert page.locator(f".review-cell[data-event-id='{event_id}'] .review-tag").inner_text() \
            == "confirmed by Analyst A"
        assert page.locator("#token").input_value() == TOKEN
        assert page.locator("[data-audit] tbody tr").count() == 2
        watched.screenshot("review")
        watched.check_clean()
    finally:
        watched.close()


def test_review_with_a_wrong_token_is_refused_and_said_so(browser, writable_site):
    base, _ = writable_site
    watched = Watched(browser, base)
    try:
        page = watched.open("/review")
        page.fill("#token", "not-the-token")
        page.get_by_role("button", name="Keep for this session").click()
        row = page.locator("[data-review-list] tbody tr").first
        row.get_by_role("button", name="Reject").click()
        message = row.locator(".review-message[data-kind='error']")
        message.wait_for()
        assert "Not allowed" in message.inner_text()
        assert row.locator(".review-state").inner_text() == "not reviewed"
        # The browser itself reports the refused request (401) on the console; nothing else may.
        assert all("401" in e for e in watched.errors), watched.errors
        watched.errors.clear()
        watched.check_clean()
    finally:
        watched.close()


# -- hostile text ------------------------------------------------------------------------------------------------------

def hostile_doc_id(db: Path) -> str:
    with Store.open(db) as store:
        return store.scalar("SELECT id FROM documents WHERE path = ?", ("hostile.txt",))


def test_article_with_script_and_onerror_is_shown_as_text_and_nothing_runs(browser, writable_site):
    base, db = writable_site
    watched = Watched(browser, base)
    try:
        page = watched.open(f"/documents/{hostile_doc_id(db)}")
        text = page.locator("[data-text]")
        assert '<script>alert("owned")</script>' in text.inner_text()
        assert '<img src=x onerror="alert(1)">' in text.inner_text()
        assert text.locator("script, img, b").count() == 0
        assert page.locator("script").count() == 1                      # only the page's own module
        assert "<script>" in page.locator("h1").inner_text()             # the title is the first sentence
        watched.screenshot("document-hostile")
        # The same text in the other places it appears: profile evidence, search snippets, review list.
        page = watched.open("/profiles/KAZ/ARG")
        assert '<img src=x onerror="alert(1)">' in page.locator("[data-events='all']").inner_text()
        assert page.locator("main img, main b").count() == 0
        page = watched.open("/search?q=owned")
        assert "<script>" in page.locator("[data-results]").inner_text()
        page = watched.open("/review")
        page.fill("#f-actor", "ARG")
        page.get_by_role("button", name="Filter").click()
        page.locator("[data-review-list] td", has_text="onerror").first.wait_for()
        assert page.locator("main img, main b").count() == 0
        watched.check_clean()
    finally:
        watched.close()



# -- filters in the URL, downloads, every partner, read-only servers -------------------------------------------------

def test_filters_live_in_the_url_and_reach_every_view(watched):
    page = watched.open("/")
    page.locator("details.filter-choice summary", has_text="Types").click()
    page.locator("input[name='type'][value='AGREE']").check()
    page.fill("input[name='since']", "2020")
    page.get_by_role("button", name="Apply").click()
    watched.settle()
    assert "type=AGREE" in page.url and "since=2020" in page.url
    stats = api_json(page, watched.base + "/api/stats?type=AGREE&since=2020")
    assert 0 < stats["events"] < api_json(page, watched.base + "/api/stats")["events"]
    assert page.locator("[data-stat='events'] .stat-value").inner_text() == str(stats["events"])
    recent = page.locator("[data-events='recent'] li.event .type-badge")
    assert recent.count() == len(stats["recent"]) > 0
    assert all(text.startswith("AGREE") for text in recent.all_inner_texts())
    # the filters travel with the links to a country and a pair, and into the downloads
    country = page.locator("[data-table='pairs'] a.actor").first
    assert country.get_attribute("href").endswith("?since=2020&type=AGREE")
    country.click()
    watched.settle()
    assert page.locator("input[name='type'][value='AGREE']").is_checked()
    assert page.locator("input[name='since']").input_value() == "2020"
    code = page.url.split("/countries/")[1].split("?")[0]
    data = api_json(page, f"{watched.base}/api/countries/{code}?type=AGREE&since=2020")
    assert {p["top_types"] for p in data["partners"]} == {"AGREE"}
    assert page.locator("[data-list='partners'] tbody tr").count() == len(data["partners"])
    downloads = page.locator("[data-download]")
    hrefs = downloads.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs[0] == f"/api/export?format=csv&actor={code}&since=2020&type=AGREE"
    assert hrefs[2] == f"/api/countries/{code}?since=2020&type=AGREE"
    rows = list(csv.DictReader(io.StringIO(page.request.get(watched.base + hrefs[0]).text())))
    assert len(rows) == data["headline"]["events"] and {row["type"] for row in rows} == {"AGREE"}
    watched.screenshot("country-filtered")


def test_profile_filters_by_status_and_downloads_the_pair(watched):
    page = watched.open("/profiles/KAZ/ARG?status=planned")
    data = api_json(page, watched.base + "/api/profiles/KAZ/ARG?status=planned")
    assert data["timeline"] and {e["status"] for e in data["timeline"]} == {"planned"}
    assert page.locator("[data-events='all'] li.event").count() == len(data["timeline"])
    assert page.locator("input[name='status'][value='planned']").is_checked()
    hrefs = page.locator("[data-download]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs[1] == "/api/export?format=jsonl&between=KAZ%2CARG&status=planned"
    lines = page.request.get(watched.base + hrefs[1]).text().splitlines()
    assert len(lines) == data["timeline_total"] and all(json.loads(line)["status"] == "planned" for line in lines)
    page.goto(watched.base + "/profiles/KAZ/ARG?type=CONSUL")    # a typo says so, never an empty page
    page.locator("[data-status][data-kind='error']").wait_for()
    assert "did you mean CONSULT" in page.locator("[data-status]").inner_text()
    watched.errors = [e for e in watched.errors if "422" not in e]  # the browser logs the refused fetch


def test_the_country_page_lists_every_partner_in_full(watched):
    page = watched.open("/countries/KAZ")
    data = api_json(page, watched.base + "/api/countries/KAZ")
    listing = page.locator("[data-list='partners']")
    assert listing.locator("tbody tr").count() == len(data["partners"]) > 20
    assert listing.evaluate("node => node.scrollHeight <= node.clientHeight + 1")      # nothing hidden behind a scroll
    assert f"All {len(data['partners'])} partners" in listing.locator("caption").inner_text()


def test_a_read_only_server_shows_review_controls_disabled_with_the_reason(watched):
    page = watched.open("/review")
    notice = page.locator("[data-read-only]")
    assert "read-only" in notice.inner_text() and "--token" in notice.inner_text()
    first = page.locator("[data-review-list] tbody tr").first
    for name in ("Confirm", "Correct…", "Reject"):
        button = first.get_by_role("button", name=name)
        assert button.is_disabled() and "read-only" in button.get_attribute("title")
    assert page.locator("#token").is_disabled()
    watched.screenshot("review-read-only")
    page = watched.open("/watchlists")
    assert "read-only" in page.locator("[data-read-only]").inner_text()
