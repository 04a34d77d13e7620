"""`watch` end to end over the fixture news site on 127.0.0.1, on SQLite and PostgreSQL: what a pass ingests, skips
and reports, exactly once across passes and URLs, watchlists and alerts (Atom feed, signed webhooks delivered
once, failures recorded), the command line as the README shows it, and a watch killed with SIGKILL and started
again ending as an uninterrupted run."""
# ruff: noqa: F811  (pytest fixtures imported from monitor_fixtures, taken as arguments)
from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from crash_fixtures import kill_when
from monitor_fixtures import ARTICLES, LATER, Receiver, Site, payload, serve_receiver, serve_site, site  # noqa: F401
from test_store_postgres import pg_schemas  # noqa: F401  (fixture)

import communique
from communique import monitor
from communique.cli.main import cli
from communique.kb.store import Store
from communique.monitor import state
from communique.monitor.fetch import FetchPolicy
from communique.samples import articles_dir

QUICK = FetchPolicy(host_delay=0, backoff=0.01, retries=2, timeout=2, deadline=1, max_bytes=1_000_000,
                    allow_private=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request, tmp_path):
    """Makes fresh stores (SQLite files, or schemas on the PostgreSQL test server)."""
    if request.param == "sqlite":
        return lambda name="kb": str(tmp_path / f"{name}.db")
    make = request.getfixturevalue("pg_schemas")
    return lambda name="kb": make()


@pytest.fixture
def db(new_db):
    return new_db()


def watch(store, *urls, **options):
    return monitor.watch_once(store, [monitor.Source(url=u) for u in urls], policy=options.pop("policy", QUICK),
                              **options)


# -- passes ---------------------------------------------------------------------------------------------------------------

def test_a_pass_ingests_exactly_the_new_articles_and_the_next_fetches_nothing(db, site):
    feed = site.base + "/feed.xml"
    with Store.open(db) as store:
        first = watch(store, feed)
        assert (first.sources, first.polled, first.new_articles) == (1, 1, 3)
        assert first.duplicates == 2         # the AMP copy (canonical link) and the redirect to a stored page
        assert first.unchanged == 1          # another URL serving a stored article's text
        assert first.skipped == 2 and first.failed == 3 and first.new_events > 0
        reasons = dict(first.problems)
        assert "robots.txt" in reasons[site.base + "/private/secret.html"]
        assert "not an HTML page (application/pdf)" in reasons[site.base + "/files/report.pdf"]
        assert "HTTP 500" in reasons[site.base + "/news/broken-page.html"]
        assert "cut off" in reasons[site.base + "/news/slow.html"]
        assert "body over" in reasons[site.base + "/news/endless.html"]
        urls = sorted(r["url"] for r in store.rows("SELECT url FROM documents"))
        assert urls == sorted(site.base + path for path in ARTICLES)
        assert state.counts(store) == {"disallowed": 1, "done": 4, "duplicate": 2, "retry": 3, "skipped": 1}
        requested = len(site.requests)

        second = watch(store, feed)
        assert (second.not_modified, second.new_articles, second.fetched, second.failed) == (1, 0, 0, 0)
        assert [r["path"] for r in site.requests[requested:]] == ["/robots.txt", "/feed.xml"]
        assert [r["status"] for r in site.requests[requested:]] == [200, 304]
        assert store.scalar("SELECT COUNT(*) FROM documents") == 3
    assert "/private/secret.html" not in site.paths()
    assert site.paths().count("/news/kaz-arg-embassy.html") == 1     # three links, one fetch


def test_sitemap_index_news_sitemap_and_url_list_sources(tmp_path, site):
    with Store.open(tmp_path / "kb.db") as store:
        report = watch(store, site.base + "/sitemap_index.xml", site.base + "/urls.txt")
        assert report.new_articles == 3 and report.polled == 4        # the index, its two sitemaps, the list
        published = {r["url"]: r["published"] for r in store.rows("SELECT url, published FROM documents")}
        assert published[site.base + "/news/tokayev-erdogan-call.html"] == "2024-03-14"   # news:publication_date
        again = watch(store, site.base + "/sitemap_index.xml", site.base + "/urls.txt")
        assert again.new_articles == 0 and again.fetched == 0
    assert "/private/secret.html" not in site.paths()


def test_folders_are_read_as_ingest_reads_them_and_once(tmp_path, site):
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(articles_dir() / "en02_tokayev_erdogan_phone_call.txt", folder)
    with Store.open(tmp_path / "kb.db") as store:
        first = monitor.watch_once(store, [monitor.Source(path=str(folder))], policy=QUICK)
        second = monitor.watch_once(store, [monitor.Source(path=str(folder))], policy=QUICK)
    assert (first.new_articles, second.new_articles, second.not_modified) == (1, 0, 1)


def test_a_feed_listing_other_sites_is_cut_to_its_own(tmp_path, site):
    site.publish("/x", "2025-05-14", "http://elsewhere.example/news/1.html?")
    with Store.open(tmp_path / "kb.db") as store:
        report = watch(store, site.base + "/feed.xml")
        assert any("listed pages on other sites dropped" in reason for _, reason in report.problems)
        assert state.get(store, "http://elsewhere.example/news/1.html") is None


def test_a_failing_source_waits_before_it_is_polled_again(tmp_path, site):
    site.answers["/feed.xml"] = [500, 500, 500]
    with Store.open(tmp_path / "kb.db") as store:
        first = watch(store, site.base + "/feed.xml")
        second = watch(store, site.base + "/feed.xml")
        row = state.get(store, site.base + "/feed.xml")
    assert first.failed == 1 and "HTTP 500" in first.problems[0][1]
    assert second.polled == 0 and "not polled again before" in second.problems[0][1]
    assert row["state"] == "failing" and row["failures"] == 1 and row["next_poll"] > state.now()


# -- watchlists and alerts -------------------------------------------------------------------------------------------

def test_a_watchlist_alerts_on_what_is_ingested_afterwards(db, site):
    with serve_receiver() as receiver, Store.open(db) as store:
        watch(store, site.base + "/feed.xml")
        added = monitor.add_watchlist(store, monitor.WatchlistSpec(name="kaz-arg", between=("KAZ", "ARG"),
                                                                    webhook=receiver.url))
        assert len(added["secret"]) == 32
        assert monitor.list_alerts(store)[1] == 0 and monitor.raise_alerts(store) == []   # earlier events: baseline

        path = next(iter(LATER))
        site.publish(path, LATER[path][1])
        report = watch(store, site.base + "/feed.xml")
        alerts, total = monitor.list_alerts(store, watchlist="kaz-arg", unread=True)
        assert report.alerts == total > 0 and report.delivered == total
        new_doc = store.scalar("SELECT id FROM documents WHERE url = ?", (site.base + path,))
        for alert in alerts:
            assert {alert["event"]["actor1"], alert["event"]["actor2"]} == {"KAZ", "ARG"}
            members = store.rows("SELECT doc_id FROM merged_event_members WHERE merged_id = ?",
                                 (alert["merged_id"],))
            assert new_doc in {m["doc_id"] for m in members}
            assert alert["kind"] in ("new", "updated") and alert["delivery"] == "delivered"

        # delivered once each, signed with the watchlist's secret
        assert sorted(payload(r)["alert"]["id"] for r in receiver.received) == sorted(a["id"] for a in alerts)
        for request in receiver.received:
            expected = "sha256=" + hmac.new(added["secret"].encode(), request["body"], hashlib.sha256).hexdigest()
            assert request["headers"]["x-communique-signature-256"] == expected
            assert request["headers"]["user-agent"].startswith("Communique/")
        watch(store, site.base + "/feed.xml")
        assert len(receiver.received) == total

        # the Atom feed, as a feed reader reads it
        watchlist = monitor.get_watchlist(store, "kaz-arg")
        atom = monitor.atom_feed(watchlist, alerts, base_url="http://127.0.0.1:8000")
        parsed = feedparser.parse(atom)
        assert not parsed.bozo and parsed.feed.title == "Communiqué watchlist: kaz-arg"
        assert len(parsed.entries) == total and len({e.id for e in parsed.entries}) == total
        assert all(e.link.startswith("http://127.0.0.1:8000/documents/") for e in parsed.entries)

        assert monitor.mark_read(store, watchlist="kaz-arg") == total
        assert monitor.list_alerts(store, unread=True)[1] == 0
        assert monitor.list_watchlists(store)[0]["unread"] == 0


def test_watchlist_conditions_keywords_and_sources(tmp_path, site):
    with Store.open(tmp_path / "kb.db") as store:
        for spec in (monitor.WatchlistSpec(name="embassy", actor="KAZ", keywords=["EMBASSY"]),
                     monitor.WatchlistSpec(name="talks", between=("ARG", "KAZ"), types=["CONSULT"]),
                     monitor.WatchlistSpec(name="popular", actor="KAZ", min_sources=5)):
            monitor.add_watchlist(store, spec)
        watch(store, site.base + "/feed.xml")
        by_list = {w["name"]: w for w in monitor.list_watchlists(store)}
        embassy, _ = monitor.list_alerts(store, watchlist="embassy")
        talks, _ = monitor.list_alerts(store, watchlist="talks")
    assert by_list["popular"]["alerts"] == 0 and by_list["embassy"]["unread"] == len(embassy) > 0
    assert all("embassy" in (a["event"]["evidence"] + (a["event"]["title"] or "")).lower() for a in embassy)
    assert talks and all(a["event"]["type"] == "CONSULT" for a in talks)
    assert monitor.raise_alerts(Store.open(tmp_path / "kb.db")) == []             # nothing twice


def test_webhook_failures_are_recorded_and_retried_later(tmp_path, site):
    receiver = Receiver(fail_first=[500, 500, 500])
    with serve_receiver(receiver), Store.open(tmp_path / "kb.db") as store:
        monitor.add_watchlist(store, monitor.WatchlistSpec(name="kaz", actor="KAZ", webhook=receiver.url,
                                                           secret="s3cret-s3cret"))
        report = watch(store, site.base + "/feed.xml")
        alert = store.rows("SELECT id, delivery, attempts, last_error, next_attempt FROM alerts"
                           " WHERE kind <> 'baseline' ORDER BY id")[0]
        assert report.delivery_failed >= 1 and alert["delivery"] == "retry" and alert["last_error"] == "HTTP 500"
        assert [r["status"] for r in receiver.received[:3]] == [500, 500, 500]   # tried three times in the pass
        assert monitor.alerts.delivery_failures(store, alert["id"])[0]["status"] == 500
        with store.transaction():
            store.execute("UPDATE alerts SET next_attempt = ? WHERE id = ?", ("2000-01-01", alert["id"]))
        with monitor.Fetcher(QUICK) as fetcher:
            delivered, _ = monitor.deliver_webhooks(store, fetcher)
        assert delivered >= 1
        assert store.scalar("SELECT delivery FROM alerts WHERE id = ?", (alert["id"],)) == "delivered"


def test_webhooks_to_private_addresses_are_refused_without_allow_private(tmp_path):
    with serve_receiver() as receiver, Store.open(tmp_path / "kb.db") as store:
        monitor.add_watchlist(store, monitor.WatchlistSpec(name="kaz", actor="KAZ", webhook=receiver.url))
        with store.transaction():
            store.execute("INSERT INTO alerts (watchlist_id, merged_id, merged_key, members, kind, event, created_at,"
                          " delivery) VALUES (1, 'm1', 'k', '[]', 'new', '{}', '2025-01-01', 'pending')")
        with monitor.Fetcher(FetchPolicy(retries=0)) as fetcher:
            assert monitor.deliver_webhooks(store, fetcher) == (0, 1)
        row = store.rows("SELECT delivery, last_error FROM alerts WHERE merged_id = 'm1'")[0]
    assert row["delivery"] == "failed" and "loopback" in row["last_error"] and receiver.received == []


# -- the command line ---------------------------------------------------------------------------------------------------

def test_the_commands_of_the_readme(tmp_path, site, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    feed = site.base + "/feed.xml"
    added = runner.invoke(cli, ["watchlist", "add", "kaz-arg", "--between", "KAZ", "ARG", "--db", "kb.db"])
    assert added.exit_code == 0 and "watchlist 1 kaz-arg: KAZ–ARG → kb.db" in added.output
    refused = runner.invoke(cli, ["watch", "--once", "--db", "kb.db", feed])
    assert refused.exit_code == 1 and "loopback address (allowed only with --allow-private)" in refused.output
    run = runner.invoke(cli, ["watch", "--once", "--db", "kb.db", "--allow-private", "--timeout", "2", feed])
    assert "1 sources polled (0 not modified), 3 new articles" in run.output
    alerts = runner.invoke(cli, ["alerts", "--db", "kb.db"])
    assert alerts.exit_code == 0 and "kaz-arg" in alerts.output and "unread alerts" in alerts.output
    listed = runner.invoke(cli, ["watchlist", "list", "--db", "kb.db", "--format", "jsonl"])
    assert json.loads(listed.output)["unread"] > 0
    marked = runner.invoke(cli, ["alerts", "--db", "kb.db", "--mark-read"])
    assert "(now marked read)" in marked.output
    assert "(nothing found)" in runner.invoke(cli, ["alerts", "--db", "kb.db"]).output
    assert runner.invoke(cli, ["watchlist", "remove", "kaz-arg", "--db", "kb.db"]).exit_code == 0


def test_a_sources_file(tmp_path, site):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[fetch]\nhost_delay = 0\nallow_private = true\ntimeout = 2\ndeadline = 1\n\n'
                       f'[[source]]\nname = "Steppe Wire"\nurl = "{site.base}/atom.xml"\nkind = "feed"\n',
                       encoding="utf-8")
    run = CliRunner().invoke(cli, ["watch", "--once", "--db", str(tmp_path / "kb.db"), str(sources)])
    assert run.exit_code == 0, run.output
    assert "1 new articles" in run.output
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nurl = "ftp://x.example/feed"\n', encoding="utf-8")
    assert "only http and https" in CliRunner().invoke(cli, ["watch", "--once", str(bad)]).output


# -- killed and started again -------------------------------------------------------------------------------------------

def test_a_watch_killed_mid_run_and_run_again_ends_as_an_uninterrupted_run(tmp_path, new_db):
    site = Site()
    for path, (_, date) in {**ARTICLES, **LATER}.items():
        site.publish(path, date, f"{path}?utm_source=rss")
    site.publish("/amp/news/kaz-arg-embassy.html", "2025-05-14")
    snapshot = tmp_path / "src"       # one frozen copy of the package for every run
    shutil.copytree(Path(communique.__file__).parent, snapshot / "communique",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "COMMUNIQUE_BATCH_SIZE": "1", "PYTHONPATH": str(snapshot)}
    with serve_site(site):
        command = [sys.executable, "-m", "communique", "--language", "en", "--language", "es", "watch", "--once",
                   "--allow-private", "--delay", "0", "--quiet", site.base + "/feed.xml", "--db"]
        clean, crashed = new_db("clean"), new_db("crashed")
        for db in (clean, crashed):
            with Store.open(db) as store:
                monitor.add_watchlist(store, monitor.WatchlistSpec(name="kaz", actor="KAZ"))
        subprocess.run([*command, clean], env=env, capture_output=True, timeout=600, check=True)
        kill_when([*command, crashed], env, lambda: _done_pages(crashed) >= 2)
        partial = _contents(crashed)
        rerun = subprocess.run([*command, crashed], env=env, capture_output=True, timeout=600, check=False)
        assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]
    after, expected = _contents(crashed), _contents(clean)
    assert len(partial["documents"]) < len(expected["documents"]) == 4
    assert after == expected


def _done_pages(db: str) -> int:
    try:
        with Store.open(db) as store:
            return int(store.scalar("SELECT COUNT(*) FROM fetch_state WHERE state = 'done'"))
    except Exception:  # noqa: BLE001 - the store is being created by the watch
        return 0


def _contents(db: str) -> dict[str, list]:
    with Store.open(db) as store:
        return {
            "documents": store.rows("SELECT id, url, path, text FROM documents ORDER BY id"),
            "events": store.rows("SELECT doc_id, event_id, type, source, target FROM events ORDER BY 1, 2"),
            "merged": store.rows("SELECT id, num_articles FROM merged_events ORDER BY id"),
            "pages": store.rows("SELECT url, state, doc_id FROM fetch_state WHERE kind = 'page' ORDER BY url"),
            "alerts": store.rows("SELECT merged_id, kind FROM alerts ORDER BY merged_id"),
        }
