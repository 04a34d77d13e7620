"""Monitoring: feeds, sitemaps and URL lists in; watchlists and alerts out (`communique watch`, `watchlist`,
`alerts`, and the watchlist routes of the HTTP API).

Owns polite fetching (`fetch`: robots.txt, per-host delay and concurrency, conditional GET, timeouts, size cap,
retries honouring Retry-After, bounded redirects, public addresses only unless allowed), reading what a source lists
(`discover`: RSS/Atom, sitemaps and indexes, news sitemaps, URL lists; URL normalisation and canonical URLs), the
sources (`sources`), the fetch state in the store (`state`), one pass of `watch` (`watch`), watchlists, alerts and
webhooks (`alerts`) and the Atom feed of a watchlist (`atom`). Its tables come with the store's migration 0006.

May import: the knowledge base (`communique.kb`), the pipeline and the Python API (`communique.api`), and everything
below them. Nothing below imports it: `kb` never does; the other interfaces (`cli`, `web`) do.

    >>> from communique.kb import Store
    >>> from communique import monitor
    >>> store = Store.open("kb.db")
    >>> monitor.add_watchlist(store, monitor.WatchlistSpec(name="kaz-arg", between=("KAZ", "ARG")))
    >>> report = monitor.watch_once(store, [monitor.Source(url="https://example.org/feed.xml")])
    >>> monitor.list_alerts(store, unread=True)
"""
from .alerts import (
                     WatchlistSpec,
                     add_watchlist,
                     deliver_webhooks,
                     get_watchlist,
                     list_alerts,
                     list_watchlists,
                     mark_read,
                     raise_alerts,
                     remove_watchlist,
                     signature,
                     update_watchlist,
)
from .atom import atom_feed
from .fetch import Fetcher, FetchPolicy
from .sources import Source, add_source, list_sources, load_sources_file, parse_arguments, remove_source
from .watch import PassReport, parse_interval, watch_once

__all__ = [
    "FetchPolicy", "Fetcher", "PassReport", "Source", "WatchlistSpec", "add_source", "add_watchlist", "atom_feed",
    "deliver_webhooks", "get_watchlist", "list_alerts", "list_sources", "list_watchlists", "load_sources_file",
    "mark_read", "parse_arguments", "parse_interval", "raise_alerts", "remove_source", "remove_watchlist",
    "signature", "update_watchlist", "watch_once",
]
