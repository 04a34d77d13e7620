"""A watchlist's alerts as an Atom 1.0 feed (RFC 4287), for any feed reader: one entry per alert, newest first,
linking to the article's page on the dashboard, with the sentence that states the event as its summary."""
from __future__ import annotations

import uuid
from typing import Any
from xml.etree import ElementTree as ET

from ..version import __version__

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 100


def feed_id(watchlist: dict[str, Any], *parts: Any) -> str:
    """A stable URN for the feed (or one of its entries): the same watchlist gives the same ids on every request."""
    name = ":".join(str(p) for p in ("communique", "watchlist", watchlist["id"], watchlist["created_at"], *parts))
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def entry_title(alert: dict[str, Any]) -> str:
    event = alert["event"]
    pair = "–".join(a for a in (event.get("actor1"), event.get("actor2")) if a) or "?"
    status = "" if event.get("status") in (None, "occurred") else f" [{event['status']}]"
    mode = f"/{event['mode']}" if event.get("mode") else ""
    update = " (updated)" if alert["kind"] == "updated" else ""
    return f"{event.get('type')}{mode} {pair}, {event.get('date') or 'date unknown'}{status}{update}"


def atom_feed(watchlist: dict[str, Any], alerts: list[dict[str, Any]], *, base_url: str) -> bytes:
    """The feed of a watchlist; `alerts` as `alerts.list_alerts` returns them; links absolute under `base_url`."""
    from .alerts import describe

    base = base_url.rstrip("/")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", feed_id(watchlist))
    _text(feed, "title", f"Communiqué watchlist: {watchlist['name']}")
    _text(feed, "subtitle", describe(watchlist))
    newest = max([a["created_at"] for a in alerts] + [watchlist["updated_at"]])
    _text(feed, "updated", newest)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Communiqué")
    generator = _text(feed, "generator", "Communiqué")
    generator.set("version", __version__)
    _link(feed, f"{base}/api/watchlists/{watchlist['id']}/feed.atom", "self", "application/atom+xml")
    _link(feed, f"{base}/watchlists?id={watchlist['id']}", "alternate", "text/html")
    for alert in alerts[:FEED_ENTRIES]:
        event = alert["event"]
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", feed_id(watchlist, "alert", alert["id"]))
        _text(entry, "title", entry_title(alert))
        _text(entry, "updated", alert["created_at"])
        _text(entry, "published", alert["created_at"])
        if event.get("doc_id"):
            _link(entry, f"{base}/documents/{event['doc_id']}", "alternate", "text/html")
        if event.get("url"):
            _link(entry, str(event["url"]), "related", "text/html")
        sources = f" ({event.get('num_sources', 1)} sources)" if (event.get("num_sources") or 1) > 1 else ""
        _text(entry, "summary", f"“{event.get('evidence', '')}”{sources}")
        category = ET.SubElement(entry, f"{{{ATOM}}}category")
        category.set("term", str(event.get("type")))
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    node.text = _xml_safe(value)
    return node


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    link = ET.SubElement(parent, f"{{{ATOM}}}link")
    link.set("href", href)
    link.set("rel", rel)
    link.set("type", media_type)


def _xml_safe(text: str) -> str:
    """XML 1.0 has no place for most control characters: article text may carry them."""
    return "".join(ch for ch in str(text) if ch in "\t\n\r" or ord(ch) >= 0x20)
