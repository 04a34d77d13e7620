"""Polite, bounded fetching and reading what sources list, against the fixture news site on 127.0.0.1
(tests/monitor_fixtures.py): robots.txt, conditional GET, Retry-After, retries, redirects, size and time limits,
gzip, the address policy after DNS resolution and across redirects; feeds, sitemaps, URL lists, canonical URLs."""
# ruff: noqa: F811  (pytest fixtures imported from monitor_fixtures, taken as arguments)
from __future__ import annotations

import gzip

import pytest
from monitor_fixtures import site  # noqa: F401  (fixture)

from communique.monitor.discover import canonical_url, normalise_url, read_listing, same_site
from communique.monitor.fetch import USER_AGENT, Fetcher, FetchPolicy, address_problem, retry_after

QUICK = FetchPolicy(host_delay=0, backoff=0.01, retries=2, timeout=2, deadline=1, max_bytes=200_000,
                    allow_private=True)


@pytest.fixture
def fetcher():
    with Fetcher(QUICK) as f:
        yield f


def only_fixture_host(address: str) -> str | None:
    """The address rule with the fixture server's address let through, every other one as by default."""
    return None if address == "127.0.0.1" else address_problem(address)


# -- the address policy --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("address, label", [("127.0.0.1", "loopback"), ("10.1.2.3", "private"),
                                            ("192.168.0.10", "private"), ("169.254.169.254", "link-local"),
                                            ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
                                            ("fe80::1", "link-local"), ("100.64.0.1", "not a public"),
                                            ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast")])
def test_non_public_addresses_are_refused_by_default(address, label):
    assert label in address_problem(address)


def test_public_addresses_pass():
    assert address_problem("8.8.8.8") is None
    assert address_problem("2a00:1450:4001:81b::200e") is None


def test_loopback_refused_without_allow_private(site):
    with Fetcher(FetchPolicy(host_delay=0, retries=0)) as strict:
        result = strict.fetch(site.base + "/feed.xml")
    assert result.outcome == "refused"
    assert "127.0.0.1 is a loopback address" in result.reason and "--allow-private" in result.reason
    assert site.requests == []


def test_address_check_holds_after_dns_resolution(site):
    """A name that resolves to a private address is refused where the socket would be opened."""
    resolver = {"news.example": ["127.0.0.1"], "intranet.example": ["10.0.0.5", "127.0.0.1"]}
    with Fetcher(QUICK.with_options(allow_private=False), check=only_fixture_host,
                 resolver=lambda host, port: resolver.get(host, [host])) as f:
        allowed = f.fetch(f"http://news.example:{site.port}/robots.txt")
        refused = f.fetch(f"http://intranet.example:{site.port}/feed.xml")
    assert allowed.ok and b"Disallow: /private/" in allowed.body
    assert refused.outcome == "refused"
    assert "intranet.example → 10.0.0.5 is a private address" in refused.reason


def test_address_check_holds_across_redirects(site):
    with Fetcher(QUICK.with_options(allow_private=False), check=only_fixture_host) as f:
        to_loopback = f.fetch(f"{site.base}/go?to=http://127.0.0.2:{site.port}/feed.xml")
        to_scheme = f.fetch(f"{site.base}/go?to=file:///etc/passwd")
    assert to_loopback.outcome == "refused" and "127.0.0.2 is a loopback address" in to_loopback.reason
    assert to_scheme.outcome == "refused" and "only http and https" in to_scheme.reason
    assert "/feed.xml" not in site.paths()


# -- politeness ----------------------------------------------------------------------------------------------------

def test_robots_disallowed_page_is_never_requested(site, fetcher):
    result = fetcher.fetch(site.base + "/private/secret.html")
    assert result.outcome == "disallowed" and "robots.txt" in result.reason
    assert site.paths() == ["/robots.txt"]
    assert fetcher.fetch(site.base + "/news/kaz-chile-visit.html").ok
    assert site.paths().count("/robots.txt") == 1           # fetched once per host


def test_user_agent_names_the_project(site, fetcher):
    fetcher.fetch(site.base + "/feed.xml")
    agents = {r["headers"]["user-agent"] for r in site.requests}
    assert agents == {USER_AGENT} and USER_AGENT.startswith("Communique/")


def test_conditional_get_answered_304(site, fetcher):
    first = fetcher.fetch(site.base + "/feed.xml")
    again = fetcher.fetch(site.base + "/feed.xml", etag=first.etag, last_modified=first.last_modified)
    assert first.ok and first.etag and again.outcome == "not_modified" and again.body == b""
    sent = [r["headers"].get("if-none-match") for r in site.requests if r["path"] == "/feed.xml"]
    assert sent == [None, first.etag]


def test_retry_after_is_honoured(site, fetcher):
    waits: list[float] = []
    fetcher.sleep = waits.append
    result = fetcher.fetch(site.base + "/news/limited.html")
    assert result.ok and site.statuses("/news/limited.html") == [429, 200]
    assert waits == [1.0]


def test_a_long_retry_after_postpones_instead_of_waiting(site):
    site.answers["/feed.xml"] = [503]
    with Fetcher(QUICK.with_options(max_retry_after=0.5)) as f:
        result = f.fetch(site.base + "/feed.xml")
    assert result.outcome == "backoff" and result.retry_at is not None and "Retry-After" in result.reason
    assert site.statuses("/feed.xml") == [503]


def test_server_errors_are_retried_with_backoff_then_reported(site, fetcher):
    waits: list[float] = []
    fetcher.sleep = waits.append
    result = fetcher.fetch(site.base + "/news/broken-page.html")
    assert result.outcome == "failed" and result.reason == "HTTP 500"
    assert site.statuses("/news/broken-page.html") == [500, 500, 500]
    assert waits == [0.01, 0.02]


def test_redirects_followed_and_loops_cut(site, fetcher):
    moved = fetcher.fetch(site.base + "/old/chile.html")
    loop = fetcher.fetch(site.base + "/loop-a")
    assert moved.ok and moved.final_url == site.base + "/news/kaz-chile-visit.html"
    assert loop.outcome == "failed" and "redirect loop" in loop.reason
    with Fetcher(QUICK.with_options(max_redirects=0)) as f:
        assert "more than 0 redirects" in f.fetch(site.base + "/old/chile.html").reason


def test_endless_and_slow_bodies_are_cut_off(site, fetcher):
    endless = fetcher.fetch(site.base + "/news/endless.html")
    slow = fetcher.fetch(site.base + "/news/slow.html")
    assert endless.outcome == "failed" and "body over 200000 bytes" in endless.reason
    assert slow.outcome == "failed" and "no answer within 1 s" in slow.reason
    assert site.paths().count("/news/endless.html") == 1      # a cut body is not fetched again at once


def test_gzip_content_encoding_is_decoded(site, fetcher):
    result = fetcher.fetch(site.base + "/sitemap-news.xml")
    assert [r["headers"].get("accept-encoding") for r in site.requests if r["path"] == "/sitemap-news.xml"] == [
        "gzip, deflate"]
    assert result.ok and result.body.startswith(b"<?xml") and b"news:publication_date" in result.body


def test_retry_after_forms():
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after("soon") is None and retry_after(None) is None


# -- what sources list ---------------------------------------------------------------------------------------------------

def test_rss_items_normalised_without_tracking_parameters(site, fetcher):
    listing = read_listing(fetcher.fetch(site.base + "/feed.xml").body, site.base + "/feed.xml")
    urls = [item.url for item in listing.items]
    assert listing.kind == "feed" and listing.problem is None
    assert urls[0] == site.base + "/news/kaz-arg-embassy.html"
    assert urls.count(site.base + "/news/kaz-arg-embassy.html") == 2       # utm_* and fbclid both dropped
    assert listing.items[0].published == "2025-05-14"


def test_atom_feed_read(site, fetcher):
    listing = read_listing(fetcher.fetch(site.base + "/atom.xml").body, site.base + "/atom.xml")
    assert listing.kind == "feed" and [i.url for i in listing.items] == [site.base + "/news/kaz-chile-visit.html"]


def test_broken_feeds_say_why(site, fetcher):
    cut = read_listing(fetcher.fetch(site.base + "/broken.xml").body, site.base + "/broken.xml")
    garbage = read_listing(fetcher.fetch(site.base + "/garbage.xml").body, site.base + "/garbage.xml")
    assert cut.kind == "feed" and "broken feed XML" in cut.problem
    assert garbage.items == [] and "broken feed XML" in garbage.problem


def test_sitemap_index_news_sitemap_and_gzipped_file(site, fetcher):
    index = read_listing(fetcher.fetch(site.base + "/sitemap_index.xml").body, site.base + "/sitemap_index.xml")
    assert index.sitemaps == [site.base + "/sitemap-news.xml", site.base + "/sitemap-pages.xml.gz"]
    news = read_listing(fetcher.fetch(index.sitemaps[0]).body, index.sitemaps[0])
    assert [(i.url, i.published, i.title) for i in news.items] == [
        (site.base + "/news/tokayev-erdogan-call.html", "2024-03-14", "Tokayev, Erdogan")]
    pages = read_listing(fetcher.fetch(index.sitemaps[1]).body, index.sitemaps[1])
    assert [i.url for i in pages.items] == [site.base + "/news/kaz-arg-embassy.html", site.base + "/private/secret.html"]


def test_plain_url_list(site, fetcher):
    listing = read_listing(fetcher.fetch(site.base + "/urls.txt").body, site.base + "/urls.txt")
    assert listing.kind == "urls"
    assert [i.url for i in listing.items] == [site.base + "/news/kaz-chile-visit.html",
                                              site.base + "/news/kaz-arg-embassy.html"]


def test_a_page_lists_itself_and_names_its_canonical_url(site, fetcher):
    amp = fetcher.fetch(site.base + "/amp/news/kaz-arg-embassy.html")
    listing = read_listing(amp.body, amp.final_url)
    assert listing.kind == "page"
    assert canonical_url(amp.body, amp.final_url) == site.base + "/news/kaz-arg-embassy.html"
    assert canonical_url(b'<html><head><meta property="og:url" content="/a?utm_source=x#top"></head></html>',
                         "https://n.example/b") == "https://n.example/a"


def test_url_normalisation_and_sites():
    assert normalise_url("HTTPS://News.Example:443/a?utm_source=x&id=3&gclid=9#frag") == "https://news.example/a?id=3"
    assert normalise_url("javascript:alert(1)") is None and normalise_url("/x", "ftp://h/") is None
    assert same_site("https://m.bbc.co.uk/news/1", "https://www.bbc.co.uk/feed.xml")
    assert not same_site("https://evil.example/x", "https://news.example/feed.xml")


def test_gzipped_body_without_content_encoding_is_read():
    body = gzip.compress(b"https://a.example/1\nhttps://a.example/2\n")
    assert [i.url for i in read_listing(body, "https://a.example/list.txt.gz").items] == [
        "https://a.example/1", "https://a.example/2"]


def test_broken_and_hostile_sitemaps():
    cut = read_listing(b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                       b"<url><loc>https://a.example/1</loc></url><url><loc>https://a.ex", "https://a.example/s.xml")
    assert cut.items[0].url == "https://a.example/1" and "broken sitemap XML" in cut.problem
    entity = read_listing(b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                          b"<urlset><url><loc>https://a.example/&x;</loc></url></urlset>", "https://a.example/s.xml")
    assert all("root:" not in i.url for i in entity.items)
    assert "not a sitemap" in read_listing(b"<?xml version='1.0'?><html/>", "https://a.example/s.xml", "sitemap").problem
