"""What a fetched source lists: RSS/Atom feeds (feedparser), XML sitemaps, sitemap indexes and news sitemaps (lxml,
with entities and network access off), plain URL lists, and which URL a page is really at.

URLs are normalised with courlan (scheme and host lower-cased, default ports dropped, query parameters sorted,
tracking parameters such as ``utm_*``, ``fbclid``, ``gclid`` or ``ref`` removed) and lose their fragment, so one
article linked with different tracking parameters is one URL. A page's own ``<link rel="canonical">`` (which AMP
pages must carry, and mobile pages usually do) names the URL it is stored under, so the AMP or mobile copy of an
article already stored is recognised once fetched.
"""
from __future__ import annotations

import gzip
import io
import logging
import re
import zlib
from dataclasses import dataclass, field
from time import struct_time
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

log = logging.getLogger(__name__)

MAX_ITEMS = 5000                   # items taken from one feed, sitemap or list
_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|urlset|sitemapindex)\b")
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_LINK_TAG = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb"""([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@dataclass(slots=True)
class Item:
    """One page a source lists, with what the source says about it."""

    url: str
    published: str | None = None
    title: str | None = None


@dataclass(slots=True)
class Listing:
    """What a source answered: its kind, the pages it lists, the sitemaps an index points to, and a reason when it
    could not be read (or was read only in part)."""

    kind: str
    items: list[Item] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    problem: str | None = None


def normalise_url(url: str, base: str | None = None) -> str | None:
    """The URL as stored and compared: absolute, http(s) only, normalised by courlan, no fragment; None if not a
    web URL."""
    import courlan

    url = (url or "").strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:
        cleaned = courlan.normalize_url(url)
    except (ValueError, AttributeError):
        return None
    parts = urlsplit(cleaned)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def read_listing(body: bytes, base_url: str, kind: str = "auto", max_bytes: int = 50_000_000,
                 media_type: str = "application/xml") -> Listing:
    """Parse a source's body as `kind` (feed, sitemap, urls) or, for ``auto``, as what it looks like; a page
    given as a source lists itself."""
    body = maybe_gunzip(body, max_bytes)
    found = kind if kind != "auto" else sniff(body)
    if found == "feed":
        return read_feed(body, base_url, media_type)
    if found in ("sitemap", "urls"):
        return read_sitemap(body, base_url, found)
    return Listing("page", [Item(base_url)])


def sniff(body: bytes) -> str:
    head = body[:4000].lstrip(b"\xef\xbb\xbf \t\r\n")
    root = _XML_ROOT.search(head)
    if head.startswith(b"<?xml") or (root and not _HTML_START.match(head)):
        if root is None:
            return "sitemap"          # XML without a known root: let the sitemap parser say what is wrong
        return "feed" if root.group(1) in (b"rss", b"feed", b"RDF") else "sitemap"
    if _HTML_START.match(head) or b"<html" in head.lower():
        return "page"
    return "urls"


def maybe_gunzip(body: bytes, max_bytes: int) -> bytes:
    """A gzipped sitemap served as a file (sitemap.xml.gz), decompressed up to `max_bytes`."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(body, max_bytes)
    except zlib.error:
        try:
            return gzip.decompress(body)[:max_bytes]
        except (OSError, EOFError):
            return body
    return out


#: What feedparser flags that is no fault of the feed's XML (a media type it did not expect, an encoding override).
_HARMLESS = ("NonXMLContentType", "CharacterEncodingOverride")


def read_feed(body: bytes, base_url: str, media_type: str = "application/xml") -> Listing:
    """Entries of an RSS or Atom feed (feedparser reads what it can of broken XML and says so)."""
    import feedparser

    # a file object, never a string: feedparser would take a string for a URL or a file name and open it
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": base_url,
                                                                  "content-type": media_type})
    items = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = _entry_link(entry)
        url = normalise_url(link, base_url) if link else None
        if url:
            items.append(Item(url, _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                              _text(entry.get("title"))))
    problem = None
    error = parsed.get("bozo_exception")
    if parsed.get("bozo") and type(error).__name__ not in _HARMLESS:
        problem = f"broken feed XML ({type(error).__name__}: {error})"
        if items:
            problem += f"; {len(items)} entries read before the error"
    return Listing("feed", items, problem=problem if problem or items else None)


def read_sitemap(body: bytes, base_url: str, kind: str = "sitemap") -> Listing:
    """Pages of an XML sitemap (with news:publication_date and news:title for news sitemaps), the sitemaps of a
    sitemap index, or the URLs of a plain list, one per line. Broken XML is read as far as libxml2 recovers it."""
    head = body[:4000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if kind == "urls" or not head.startswith(b"<"):
        return _url_list(body, base_url)
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as err:
        return Listing("sitemap", problem=f"unreadable sitemap: {err}")
    if root is None:
        return Listing("sitemap", problem="unreadable sitemap: no XML element found")
    problem = f"broken sitemap XML ({parser.error_log[0].message}); read what could be" if parser.error_log else None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = [normalise_url(loc, base_url) for loc in _texts(root, "sitemap", "loc")]
        return Listing("sitemap", sitemaps=[c for c in children if c][:MAX_ITEMS], problem=problem)
    if tag != "urlset":
        return Listing("sitemap", problem=f"not a sitemap: the root element is <{tag}>")
    items = []
    for entry in root.iter("{*}url"):
        url = normalise_url(_child_text(entry, "loc") or "", base_url)
        if url:
            items.append(Item(url, _date(_child_text(entry, "publication_date")), _text(_child_text(entry, "title"))))
        if len(items) >= MAX_ITEMS:
            break
    return Listing("sitemap", items, problem=problem)


def _url_list(body: bytes, base_url: str) -> Listing:
    lines = body.decode("utf-8", "replace").splitlines()
    urls = [normalise_url(line.strip(), base_url) for line in lines if line.strip() and not line.lstrip().startswith("#")]
    items = [Item(url) for url in urls if url][:MAX_ITEMS]
    return Listing("urls", items, problem=None if items else "no http(s) URL in the list")


def _texts(root: Any, parent: str, child: str) -> list[str]:
    return [text for node in root.iter(f"{{*}}{parent}") if (text := _child_text(node, child))]


def _child_text(node: Any, name: str) -> str | None:
    """The text of the first descendant called `name` in any namespace (news:title sits inside news:news)."""
    for child in node.iter(f"{{*}}{name}"):
        return (child.text or "").strip() or None
    return None


def _date(value: str | None) -> str | None:
    found = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return found.group(0) if found else None


def canonical_url(html: bytes, page_url: str) -> str | None:
    """The URL a page says it is at: ``<link rel="canonical">``, else ``<meta property="og:url">``; normalised."""
    head = html[:200_000]
    for tag in _LINK_TAG.findall(head):
        attrs = _attrs(tag)
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            return normalise_url(attrs["href"], page_url)
    for tag in _META_TAG.findall(head):
        attrs = _attrs(tag)
        if attrs.get("property", "").lower() == "og:url" and attrs.get("content"):
            return normalise_url(attrs["content"], page_url)
    return None


def same_site(url: str, source_url: str) -> bool:
    """Whether a listed page is on the source's site: the same host, or hosts that share their last two labels
    (three when the second-level label is a short one such as co.uk or com.ar)."""
    return _site(urlsplit(url).hostname or "") == _site(urlsplit(source_url).hostname or "")


def _site(host: str) -> str:
    labels = host.lower().rstrip(".").split(".")
    if re.fullmatch(r"[\d.]+|.*:.*", host) or len(labels) <= 2:
        return host.lower()
    keep = 3 if len(labels[-2]) <= 3 and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _attrs(tag: bytes) -> dict[str, str]:
    import html

    return {m.group(1).decode("ascii", "ignore").lower():
            html.unescape((m.group(2) or m.group(3) or m.group(4) or b"").decode("utf-8", "replace"))
            for m in _ATTR.finditer(tag)}


def _entry_link(entry: Any) -> str | None:
    link = entry.get("link")
    if link:
        return link
    for candidate in entry.get("links") or []:
        if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
            return candidate["href"]
    return None


def _iso(value: struct_time | None) -> str | None:
    if value is None:
        return None
    return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"


def _text(value: Any) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None
