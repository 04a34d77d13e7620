"""A news site and a webhook receiver on 127.0.0.1 for the monitoring tests (`communique watch`), with a log of
every request they answered.

The site serves feeds (RSS, Atom, a broken one), a sitemap index with a news sitemap (gzip-encoded) and a gzipped
sitemap file, a plain URL list, and article pages made from the bundled sample articles, plus everything a polite
fetcher must cope with: ETags answered 304, a 429 with Retry-After, a 500, a permanent redirect, a redirect loop, a
slow page, an endless body, a PDF, a robots.txt that disallows /private/, tracking parameters on duplicate links and
an AMP copy naming its canonical URL. `publish(...)` adds an article to the feed while the site runs.

Run it by hand (the README's transcript was made this way): ``python tests/monitor_fixtures.py [PORT]``.
"""
from __future__ import annotations

import gzip
import hashlib
import html
import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "communique" / "samples" / "articles"

#: Article pages: path -> (sample article, day it was published).
ARTICLES = {
    "/news/kaz-arg-embassy.html": ("en04_kaz_embassy_buenos_aires.txt", "2025-05-14"),
    "/news/kaz-chile-visit.html": ("en10_kaz_chile_trade_visit.txt", "2024-10-07"),
    "/news/tokayev-erdogan-call.html": ("en02_tokayev_erdogan_phone_call.txt", "2024-03-14"),
}
#: Articles published while the site runs.
LATER = {"/noticias/cafiero-embajador-kazajistan.html": ("es04_cafiero_embajador_kazajistan.txt", "2023-03-16")}


@dataclass
class Site:
    """What the site serves (mutable while it runs) and what it was asked."""

    feed_items: list[tuple[str, str]] = field(default_factory=list)    # (link as written in the feed, date)
    requests: list[dict[str, Any]] = field(default_factory=list)
    answers: dict[str, list[int]] = field(default_factory=dict)        # path -> statuses to answer first
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def paths(self, method: str = "GET") -> list[str]:
        with self.lock:
            return [r["path"] for r in self.requests if r["method"] == method]

    def statuses(self, path: str) -> list[int]:
        with self.lock:
            return [r["status"] for r in self.requests if r["path"] == path]

    def publish(self, path: str, date: str, link: str | None = None) -> None:
        with self.lock:
            self.feed_items.append((link or path, date))


def article_html(path: str, *, canonical: str | None = None, amp: bool = False) -> bytes:
    """A news page around a sample article: title, date, navigation and footer, canonical link."""
    sample, date = {**ARTICLES, **LATER}[path]
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    amp_mark = ' amp=""' if amp else ""
    return (f"<!doctype html><html{amp_mark} lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}"
            f" | Steppe Wire</title>{link}<meta property=\"article:published_time\" content=\"{date}T09:00:00Z\">"
            f"</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>"
            f"<h1>{html.escape(title)}</h1><time datetime=\"{date}\">{date}</time>{paragraphs}</article>"
            f"<footer>© Steppe Wire. All rights reserved.</footer></body></html>").encode()


def rss(site: Site) -> bytes:
    with site.lock:
        items = list(site.feed_items)
    entries = "".join(
        f"<item><title>Item {n}</title><link>{html.escape(link if '://' in link else site.base + link)}</link>"
        f"<guid>{html.escape(link)}</guid><pubDate>{_rfc822(date)}</pubDate></item>"
        for n, (link, date) in enumerate(items, 1))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Steppe Wire</title>'
            f"<link>{site.base}/</link><description>News</description>{entries}</channel></rss>").encode()


def atom(site: Site) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Steppe Wire'
            f"</title><id>urn:x-steppe:feed</id><updated>2024-10-07T10:00:00Z</updated><entry><title>Chile</title>"
            f'<id>urn:x-steppe:chile</id><updated>2024-10-07T10:00:00Z</updated><link href="{site.base}'
            f'/news/kaz-chile-visit.html?utm_campaign=atom"/></entry></feed>').encode()


def news_sitemap(site: Site) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            f' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>{site.base}'
            f"/news/tokayev-erdogan-call.html</loc><news:news><news:publication><news:name>Steppe Wire</news:name>"
            f"<news:language>en</news:language></news:publication><news:publication_date>2024-03-14T09:00:00Z"
            f"</news:publication_date><news:title>Tokayev, Erdogan</news:title></news:news></url></urlset>").encode()


def pages_sitemap(site: Site) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{site.base}/news/kaz-arg-embassy.html</loc><lastmod>2025-05-14</lastmod></url>"
            f"<url><loc>{site.base}/private/secret.html</loc></url></urlset>").encode()


def sitemap_index(site: Site) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{site.base}/sitemap-news.xml</loc></sitemap>"
            f"<sitemap><loc>{site.base}/sitemap-pages.xml.gz</loc></sitemap></sitemapindex>").encode()


def default_feed(site: Site) -> None:
    """The feed the tests start from: three articles, one of them twice with tracking parameters, an AMP copy, a
    disallowed page, a PDF, a redirect, a page that fails, one rate-limited, one too slow, one endless."""
    for path, (_, date) in ARTICLES.items():
        site.publish(path, date, f"{path}?utm_source=rss&utm_medium=feed")
    site.publish("/news/kaz-arg-embassy.html", "2025-05-14", "/news/kaz-arg-embassy.html?fbclid=abc123")
    site.publish("/amp/news/kaz-arg-embassy.html", "2025-05-14")
    site.publish("/private/secret.html", "2025-05-14")
    site.publish("/files/report.pdf", "2025-05-14")
    site.publish("/old/chile.html", "2024-10-07")
    site.publish("/news/broken-page.html", "2025-05-14")
    site.publish("/news/limited.html", "2025-05-14")
    site.publish("/news/slow.html", "2025-05-14")
    site.publish("/news/endless.html", "2025-05-14")
    site.answers["/news/limited.html"] = [429]


class Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:   # the site keeps its own log
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        scripted = self.site.answers.get(path)
        if scripted:
            self._send(scripted.pop(0), b"slow down", "text/plain", {"Retry-After": "1"})
            return
        if path == "/go":               # a redirect to anywhere: /go?to=URL
            from urllib.parse import parse_qs, urlsplit

            target = parse_qs(urlsplit(self.path).query).get("to", ["/"])[0]
            self._send(302, b"", "text/html", {"Location": target})
            return
        route = ROUTES.get(path)
        if route is not None:
            route(self)
            return
        if path in ARTICLES or path in LATER:
            self._send(200, article_html(path), "text/html; charset=utf-8")
            return
        self._send(404, b"not found", "text/plain")

    def do_POST(self) -> None:
        self._send(405, b"", "text/plain")

    # -- answers ----------------------------------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, media_type: str, headers: dict[str, str] | None = None) -> None:
        self._log(status)
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _log(self, status: int) -> None:
        with self.site.lock:
            self.site.requests.append({"method": self.command, "path": self.path.split("?")[0], "status": status,
                                       "headers": {k.lower(): v for k, v in self.headers.items()}})

    def conditional(self, body: bytes, media_type: str, encoding: str | None = None) -> None:
        """200 with an ETag, or 304 when the client already has this version."""
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self._log(304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        headers = {"ETag": etag, "Last-Modified": "Mon, 07 Oct 2024 10:00:00 GMT"}
        if encoding == "gzip":
            body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
        self._send(200, body, media_type, headers)


def _robots(h: Handler) -> None:
    h._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")


def _amp(h: Handler) -> None:
    h._send(200, article_html("/news/kaz-arg-embassy.html", amp=True,
                              canonical=f"{h.site.base}/news/kaz-arg-embassy.html?utm_source=amp"), "text/html")


def _slow(h: Handler) -> None:
    h._log(200)
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    try:
        for _ in range(40):   # a trickle: each chunk in time for the read timeout, the whole past the deadline
            h.wfile.write(b"<p>" + b"x" * 50 + b"</p>")
            h.wfile.flush()
            time.sleep(0.1)
    except (BrokenPipeError, ConnectionResetError):
        pass


def _endless(h: Handler) -> None:
    h._log(200)
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    chunk = b"<p>" + b"lorem ipsum " * 800 + b"</p>"
    try:
        for _ in range(10_000):
            h.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass


ROUTES = {
    "/robots.txt": _robots,
    "/feed.xml": lambda h: h.conditional(rss(h.site), "application/rss+xml"),
    "/atom.xml": lambda h: h.conditional(atom(h.site), "application/atom+xml"),
    "/broken.xml": lambda h: h._send(200, rss(h.site)[:300], "application/rss+xml"),
    "/garbage.xml": lambda h: h._send(200, b"<?xml version='1.0'?><rss><chan", "application/rss+xml"),
    "/sitemap_index.xml": lambda h: h.conditional(sitemap_index(h.site), "application/xml"),
    "/sitemap-news.xml": lambda h: h.conditional(news_sitemap(h.site), "application/xml", encoding="gzip"),
    "/sitemap-pages.xml.gz": lambda h: h._send(200, gzip.compress(pages_sitemap(h.site)), "application/x-gzip"),
    "/urls.txt": lambda h: h._send(200, (f"# a plain list\n{h.site.base}/news/kaz-chile-visit.html\n"
                                         f"{h.site.base}/news/kaz-arg-embassy.html?utm_source=list\n").encode(),
                                   "text/plain"),
    "/amp/news/kaz-arg-embassy.html": _amp,
    "/private/secret.html": lambda h: h._send(200, b"<html><body>secret</body></html>", "text/html"),
    "/files/report.pdf": lambda h: h._send(200, b"%PDF-1.4 not a news page", "application/pdf"),
    "/old/chile.html": lambda h: h._send(301, b"", "text/html", {"Location": "/news/kaz-chile-visit.html"}),
    "/loop-a": lambda h: h._send(302, b"", "text/html", {"Location": "/loop-b"}),
    "/loop-b": lambda h: h._send(302, b"", "text/html", {"Location": "/loop-a"}),
    "/news/broken-page.html": lambda h: h._send(500, b"internal error", "text/plain"),
    "/news/limited.html": lambda h: h._send(200, article_html("/news/kaz-chile-visit.html"), "text/html"),
    "/news/slow.html": _slow,
    "/news/endless.html": _endless,
    "/slow-feed.xml": lambda h: (time.sleep(1.5), h.conditional(rss(h.site), "application/rss+xml")),
}


@pytest.fixture
def site() -> Iterator[Site]:
    """The fixture site with the default feed, on a free port for one test."""
    site = Site()
    default_feed(site)
    with serve_site(site) as running:
        yield running


@contextmanager
def serve_site(site: Site | None = None, port: int = 0) -> Iterator[Site]:
    site = site or Site()
    handler = type("SiteHandler", (Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


# -- the webhook receiver -------------------------------------------------------------------------------------------

@dataclass
class Receiver:
    """Records every POST (body and headers); answers the statuses in `fail_first` first, then 204."""

    received: list[dict[str, Any]] = field(default_factory=list)
    fail_first: list[int] = field(default_factory=list)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"


class ReceiverHandler(BaseHTTPRequestHandler):
    receiver: Receiver
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.receiver.lock:
            status = self.receiver.fail_first.pop(0) if self.receiver.fail_first else 204
            self.receiver.received.append({"status": status, "body": body,
                                           "headers": {k.lower(): v for k, v in self.headers.items()}})
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextmanager
def serve_receiver(receiver: Receiver | None = None) -> Iterator[Receiver]:
    receiver = receiver or Receiver()
    handler = type("Hook", (ReceiverHandler,), {"receiver": receiver})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    receiver.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


def payload(request: dict[str, Any]) -> dict[str, Any]:
    return json.loads(request["body"])


def _rfc822(date: str) -> str:
    import email.utils
    from datetime import datetime

    return email.utils.format_datetime(datetime.fromisoformat(date + "T09:00:00+00:00"))


if __name__ == "__main__":
    demo = Site()
    default_feed(demo)
    with serve_site(demo, int(sys.argv[1]) if len(sys.argv) > 1 else 8765) as running:
        print(f"fixture news site on {running.base}/feed.xml (Ctrl-C stops it)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
