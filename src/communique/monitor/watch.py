"""One pass of `watch`: poll the sources, fetch the pages they list that are new, read and ingest them, raise
alerts, deliver webhooks. `watch_once` is the Python API; `communique watch` runs it once or every N minutes.

Exactly once, whenever the process is killed:

- a source's new validators (ETag, Last-Modified) and the pages it lists (`pending`) are stored in one transaction,
  so a source answering 304 on the next pass never hides pages the killed pass had not fetched yet;
- a page's document and its `done` state are stored in the ingest's transaction (`Store.write_batch(within=...)`);
  a page fetched again after a kill finds its document by URL, and a document whose text is already stored is not
  stored twice (content ids);
- the same article under two URLs is stored once: tracking parameters are removed before anything is fetched, and a
  page whose canonical URL (AMP, mobile copies) is already stored becomes a `duplicate` of it;
- alerts are derived from the stored merged events (`alerts.raise_alerts`), not from what one pass saw, so a pass
  killed between ingest and alerting raises them on the next one.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..reading.warc import modified_date
from ..records import Article, RawInput
from ..settings import Settings
from . import state
from .discover import Item, Listing, canonical_url, read_listing, same_site
from .fetch import Fetcher, FetchPolicy, FetchResult, Resolver, system_resolver
from .sources import Source, stored_sources, unique

if TYPE_CHECKING:
    from ..kb.store import Store

log = logging.getLogger(__name__)

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
MAX_SITEMAP_DEPTH = 2              # an index of indexes of sitemaps, no deeper
MAX_CHILD_SITEMAPS = 50            # sitemaps of one index polled in one pass
DEFAULT_MAX_PAGES = 500            # pages fetched in one pass (the rest wait for the next)


@dataclass(slots=True)
class PassReport:
    """What one pass did. `problems` lists (source or page, reason) for everything that failed or was skipped."""

    sources: int = 0
    polled: int = 0
    not_modified: int = 0
    listed: int = 0
    fetched: int = 0
    new_articles: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    new_events: int = 0
    alerts: int = 0
    delivered: int = 0
    delivery_failed: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)

    def problem(self, where: str, reason: str, *, failed: bool = True) -> None:
        self.problems.append((where, reason))
        if failed:
            self.failed += 1
        else:
            self.skipped += 1
        log.info("%s: %s", where, reason)

    def summary(self) -> str:
        line = (f"{self.sources} sources polled ({self.not_modified} not modified), {self.new_articles} new articles,"
                f" {self.new_events} new events, {self.failed} failed")
        extra = [f"{n} {label}" for n, label in ((self.duplicates, "duplicates"), (self.unchanged, "already stored"),
                                                 (self.skipped, "skipped"), (self.alerts, "new alerts"),
                                                 (self.delivered, "webhooks delivered"),
                                                 (self.delivery_failed, "webhook deliveries failed")) if n]
        return line + (f"; {', '.join(extra)}" if extra else "")

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


Progress = Callable[[PassReport, str], None]


def watch_once(store: Store, sources: Iterable[Source] = (), *, policy: FetchPolicy | None = None,
               settings: Settings | None = None, progress: Progress | None = None,
               max_pages: int = DEFAULT_MAX_PAGES, resolver: Resolver = system_resolver) -> PassReport:
    """One pass over `sources` and the sources stored in `store`; see the module's docstring."""
    with Fetcher(policy or FetchPolicy(), resolver=resolver) as fetcher:
        return Watch(store, fetcher, settings=settings, progress=progress, max_pages=max_pages).run(sources)


class Watch:
    def __init__(self, store: Store, fetcher: Fetcher, *, settings: Settings | None = None,
                 progress: Progress | None = None, max_pages: int = DEFAULT_MAX_PAGES) -> None:
        from ..kb.store import ingest_settings

        self.store, self.fetcher = store, fetcher
        self.settings = ingest_settings(store, settings)
        self.report = PassReport()
        self.progress = progress or (lambda report, message: None)
        self.max_pages = max_pages
        self.prefetched: dict[str, FetchResult] = {}   # pages given as sources, fetched while polling them

    def run(self, sources: Iterable[Source]) -> PassReport:
        from .alerts import deliver_webhooks, raise_alerts

        everything = unique([*sources, *stored_sources(self.store)])
        self.report.sources = len(everything)
        raise_alerts(self.store)        # what a killed pass stored but did not alert on yet
        for n, source in enumerate(everything, 1):
            self.progress(self.report, f"source {n}/{len(everything)}: {source.label}")
            if source.path:
                self._read_path(source)
            else:
                self._poll(source, source.url or "", source.kind, depth=0)
        self._fetch_pages()
        self.report.alerts += len(raise_alerts(self.store))
        delivered, failed = deliver_webhooks(self.store, self.fetcher)
        self.report.delivered, self.report.delivery_failed = delivered, failed
        self.progress(self.report, "done")
        return self.report

    # -- sources ----------------------------------------------------------------------------------------------------

    def _poll(self, source: Source, url: str, kind: str, depth: int) -> None:
        known = state.get(self.store, url)
        if known and known["kind"] == "page":
            return                      # a single page given as a source: fetched once, like any listed page
        until = state.waiting(known)
        if until:
            self.report.problem(url, f"failing: not polled again before {until}", failed=False)
            return
        self.report.polled += 1
        conditional = known if known and known["state"] == "polled" else None
        result = self.fetcher.fetch(url, etag=conditional and conditional["etag"],
                                    last_modified=conditional and conditional["last_modified"])
        if result.outcome == "not_modified":
            self.report.not_modified += 1
            with self.store.transaction():
                state.put(self.store, url, known["kind"] if known else kind, last_status=304, fetched_at=state.now(),
                          failures=0)
            return
        if not result.ok:
            self._source_failed(url, kind, result)
            return
        listing = read_listing(result.body, result.final_url or url, kind, self.fetcher.policy.max_bytes,
                               result.content_type or "application/xml")
        if listing.kind == "page":
            self._page_source(source, url, result)
            return
        if listing.problem and not (listing.items or listing.sitemaps):
            self._source_failed(url, kind, FetchResult(url, "failed", result.status, reason=listing.problem))
            return
        if listing.problem:
            self.report.problems.append((url, listing.problem))
        items = self._on_site(source, url, listing)
        with self.store.transaction():
            state.put(self.store, url, listing.kind, source=source.key, state="polled", reason=listing.problem,
                      final_url=result.final_url, etag=result.etag, last_modified=result.last_modified,
                      last_status=result.status, fetched_at=state.now(), next_poll=None, failures=0)
            self.report.listed += state.add_pending(self.store, items, source.key)
        for child in listing.sitemaps[:MAX_CHILD_SITEMAPS]:
            if depth < MAX_SITEMAP_DEPTH and same_site(child, url):
                self._poll(source, child, "sitemap", depth + 1)
            else:
                self.report.problem(child, "sitemap not followed: too deep or on another site", failed=False)

    def _page_source(self, source: Source, url: str, result: FetchResult) -> None:
        """A source that answered with a page: the page itself is new; its body is kept for this pass."""
        with self.store.transaction():
            state.put(self.store, url, "page", source=source.key, state="pending")
        self.report.listed += 1
        self.prefetched[url] = result

    def _on_site(self, source: Source, url: str, listing: Listing) -> list[Item]:
        if source.other_hosts:
            return listing.items
        kept = [item for item in listing.items if same_site(item.url, url)]
        dropped = len(listing.items) - len(kept)
        if dropped:
            self.report.problem(url, f"{dropped} listed pages on other sites dropped (set other_hosts = true for an"
                                     " aggregator)", failed=False)
        return kept

    def _source_failed(self, url: str, kind: str, result: FetchResult) -> None:
        if result.outcome in ("refused", "disallowed"):     # not the site's fault: no backoff, try again next pass
            with self.store.transaction():
                state.put(self.store, url, kind, state="refused", reason=result.reason, fetched_at=state.now())
            self.report.problem(url, result.reason or result.outcome)
            return
        with self.store.transaction():
            failures = state.record_failure(self.store, url, kind, result.reason or result.outcome,
                                            status=result.status, retry_at=result.retry_at)
        self.report.problem(url, f"{result.reason or result.outcome} (failure {failures})")

    # -- files and folders -------------------------------------------------------------------------------------------

    def _read_path(self, source: Source) -> None:
        from ..reading.readers import read_file

        path = Path(source.path or ".")
        if not path.exists():
            self.report.problem(str(path), f"no such file or directory: {path}")
            return
        self.report.polled += 1
        for file in files_under(path):
            key = file.resolve().as_uri()
            stat = file.stat()
            signature = f"{stat.st_mtime_ns}:{stat.st_size}"
            known = state.get(self.store, key)
            if known and known["state"] == "done" and known["last_modified"] == signature:
                self.report.not_modified += 1
                continue
            inputs = [(raw, None) for raw in read_file(file, self.settings.max_input_bytes)]

            def mark_file(key: str = key, signature: str = signature) -> None:
                state.put(self.store, key, "file", source=source.key, state="done", last_modified=signature,
                          fetched_at=state.now())

            self._ingest(inputs, after=mark_file)

    # -- pages --------------------------------------------------------------------------------------------------------

    def _fetch_pages(self) -> None:
        due = state.due_pages(self.store, self.max_pages)
        if not due:
            return
        prefetched = self.prefetched
        workers = max(1, self.fetcher.policy.concurrency)
        with ThreadPoolExecutor(workers, thread_name_prefix="watch-fetch") as pool:
            results = pool.map(lambda row: prefetched.get(row["url"]) or self.fetcher.fetch(row["url"]), due)
            batch: list[tuple[RawInput, dict[str, Any]]] = []
            for n, (row, result) in enumerate(zip(due, results, strict=True), 1):
                self.report.fetched += 1
                self.progress(self.report, f"page {n}/{len(due)}")
                page = self._page_input(row, result)
                if page is not None:
                    batch.append(page)
                if len(batch) >= self.settings.batch_size:
                    self._ingest(batch)
                    batch = []
            if batch:
                self._ingest(batch)

    def _page_input(self, row: dict[str, Any], result: FetchResult) -> tuple[RawInput, dict[str, Any]] | None:
        """The page as an input for the pipeline, or None when it failed, was refused or is a duplicate (its state
        is stored here)."""
        url = row["url"]
        if result.outcome in ("disallowed", "refused"):
            with self.store.transaction():
                state.put(self.store, url, "page", state=result.outcome, reason=result.reason, fetched_at=state.now())
            self.report.problem(url, result.reason or result.outcome, failed=result.outcome == "refused")
            return None
        if not result.ok:
            with self.store.transaction():
                failures = state.record_failure(self.store, url, "page", result.reason or result.outcome,
                                                status=result.status, retry_at=result.retry_at)
            self.report.problem(url, f"{result.reason or result.outcome} (failure {failures})")
            return None
        if result.content_type not in HTML_TYPES:
            reason = f"not an HTML page ({result.content_type}): skipped"
            with self.store.transaction():
                state.put(self.store, url, "page", state="skipped", reason=reason, last_status=result.status,
                          fetched_at=state.now())
            self.report.problem(url, reason, failed=False)
            return None
        canonical = canonical_url(result.body, result.final_url or url) or result.final_url or url
        fields = {"canonical_url": canonical, "final_url": result.final_url, "etag": result.etag,
                  "last_modified": result.last_modified, "last_status": result.status}
        stored = state.document_at(self.store, canonical)
        if stored is not None:
            same = stored["path"] == url
            with self.store.transaction():
                state.put(self.store, url, "page", state="done" if same else "duplicate", doc_id=stored["id"],
                          reason=None if same else f"the same article as {stored['path']}", fetched_at=state.now(),
                          **fields)
            if not same:
                self.report.duplicates += 1
            return None
        raw = RawInput(path=url, data=result.body, media_type="text/html", url=canonical, published=row["published"],
                       retrieved=state.now(),
                       last_modified=modified_date(result.last_modified, result.headers.get("date")))
        return raw, {"url": url, **fields}

    def _ingest(self, inputs: list[tuple[RawInput, dict[str, Any] | None]],
                after: Callable[[], None] | None = None) -> None:
        """Process inputs and store them batch by batch, each page's state in its batch's transaction; `after`
        runs in a transaction of its own once every batch is stored (a file's state)."""
        from ..api import process

        pages = {raw.path: fields for raw, fields in inputs if fields is not None}
        articles = process((raw for raw, _ in inputs), settings=self.settings)
        for batch in _batches(articles, self.settings.batch_size):
            batch = self._drop_same_canonical(batch, pages)
            new = [a for a in batch if not a.failed and not self.store.has_document(a.id)]
            stats = self.store.write_batch(batch, within=lambda b=batch: self._mark_pages(b, pages))
            self.report.new_articles += stats.stored
            self.report.unchanged += stats.unchanged
            self.report.new_events += sum(len(a.asserted_events) for a in new)
            for article in batch:
                if article.failed:
                    self.report.problem(article.path or "?", article.error or "failed")
        if after is not None:
            with self.store.transaction():
                after()

    def _mark_pages(self, batch: list[Article], pages: dict[str | None, dict[str, Any]]) -> None:
        for article in batch:
            fields = pages.get(article.path)
            if fields is None:
                continue
            outcome = ({"state": "failed", "reason": article.error} if article.failed
                       else {"state": "done", "doc_id": article.id, "reason": None})
            state.put(self.store, fields["url"], "page", fetched_at=state.now(),
                      **{k: v for k, v in fields.items() if k != "url"}, **outcome)

    def _drop_same_canonical(self, batch: list[Article], pages: dict[str | None, Any]) -> list[Article]:
        """Two pages of one batch that name the same canonical URL: the first is stored, the next a duplicate."""
        kept: list[Article] = []
        seen: dict[str, Article] = {}
        for article in batch:
            fields = pages.get(article.path)
            canonical = fields and fields.get("canonical_url")
            if canonical and canonical in seen:
                first = seen[canonical]
                with self.store.transaction():
                    state.put(self.store, fields["url"], "page", state="duplicate", fetched_at=state.now(),
                              reason=f"the same article as {first.path}", doc_id=None if first.failed else first.id,
                              **{k: v for k, v in fields.items() if k != "url"})
                self.report.duplicates += 1
                continue
            if canonical:
                seen[canonical] = article
            kept.append(article)
        return kept


def files_under(path: Path) -> list[Path]:
    """The documents `communique ingest` would read under a path: the file itself, or a folder's readable files."""
    from ..reading.readers import SUPPORTED_SUFFIXES
    from ..reading.warc import is_warc

    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and (p.suffix.lower() in SUPPORTED_SUFFIXES or is_warc(p)))


def _batches(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def parse_interval(text: str) -> float:
    """Seconds in '90s', '15m', '2h' or a plain number of seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = text.strip().lower()
    number, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError as err:
        raise ValueError(f"not an interval: {text!r} (use e.g. 90s, 15m, 2h)") from err
    if seconds <= 0:
        raise ValueError(f"an interval must be positive: {text!r}")
    return seconds
