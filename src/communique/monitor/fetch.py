"""Polite, bounded HTTP fetching for `watch`: httpx for the protocol, protego for robots.txt.

Every request goes through one `Fetcher`, which

- names the project in its User-Agent and obeys robots.txt (fetched once per host and pass; a robots.txt that
  answers 5xx or cannot be fetched keeps the whole host off limits for the pass, as crawlers do);
- waits `host_delay` seconds (or the robots.txt Crawl-delay, if longer) between two requests to one host, with at
  most `per_host` requests to a host at a time;
- sends conditional GETs (If-None-Match / If-Modified-Since) when it is given the validators of the last answer;
- times out (connect/read and a whole-response deadline), cuts a body over `max_bytes` (after gzip/deflate
  decoding, so a compressed bomb is cut too), follows at most `max_redirects` redirects and stops on a loop;
- retries connection errors and 429/500/502/503/504 with exponential backoff, honouring ``Retry-After`` (seconds or
  an HTTP date) up to `max_retry_after`; past that it gives up for now and says when to come back;
- refuses loopback, private, link-local, shared, multicast and reserved addresses unless `allow_private`. The check
  runs where the socket is opened, on the address the name resolved to (`GuardedBackend`), so it holds after DNS
  resolution, for every redirect hop and for names that resolve differently on a second lookup.

Nothing here raises for one bad URL: `fetch` returns a `FetchResult` whose `outcome` and `reason` say what happened.
"""
from __future__ import annotations

import email.utils
import ipaddress
import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..version import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"Communique/{__version__} (diplomatic news monitor; +https://pypi.org/project/communique/)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How `watch` fetches. The defaults are polite to news sites; tests shorten the waits."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0              # seconds to connect, and between two chunks of a response
    deadline: float = 60.0             # seconds for a whole response, however slowly it trickles
    max_bytes: int = 5_000_000         # a body past this is cut off (decoded size)
    max_redirects: int = 5
    retries: int = 2                   # further tries after a connection error or a 429/5xx
    backoff: float = 2.0               # first wait between tries, doubled each time
    max_retry_after: float = 120.0     # a longer Retry-After ends the tries for this pass
    host_delay: float = 1.0            # seconds between two requests to one host
    max_crawl_delay: float = 30.0      # a robots.txt Crawl-delay is obeyed up to this
    per_host: int = 1                  # requests to one host at a time
    concurrency: int = 4               # requests at a time in all
    allow_private: bool = False        # loopback, private and link-local addresses too
    obey_robots: bool = True

    def with_options(self, **options: Any) -> FetchPolicy:
        return replace(self, **{k: v for k, v in options.items() if v is not None})


@dataclass(slots=True)
class FetchResult:
    """What came of one fetch. `outcome`: ok, not_modified, refused (address or scheme), disallowed (robots.txt),
    failed (network error, HTTP error, too large, too slow, too many redirects), backoff (Retry-After past the
    limit: `retry_at` says when)."""

    url: str
    outcome: str
    status: int | None = None
    final_url: str | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    reason: str | None = None
    retry_at: float | None = None      # epoch seconds

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class AddressRefused(Exception):
    """A connection to an address the policy does not allow (raised where the socket would be opened)."""


def address_problem(address: str) -> str | None:
    """Why a connection to this IP address is refused by default, or None for a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for label, test in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                        ("unspecified", ip.is_unspecified), ("multicast", ip.is_multicast),
                        ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if test:
            return f"{address} is a {label} address"
    if not ip.is_global:
        return f"{address} is not a public address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, resolving names itself and connecting only to allowed addresses (all of a name's
    addresses must be allowed, so a name that resolves to a public and a private address is refused)."""

    def __init__(self, *, allow_private: bool, resolver: Resolver = system_resolver,
                 check: Callable[[str], str | None] = address_problem) -> None:
        self.allow_private, self.resolver, self.check = allow_private, resolver, check

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        try:
            addresses = self.resolver(host, port)
        except OSError as err:
            raise httpcore.ConnectError(f"cannot resolve {host}: {err}") from err
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no address")
        if not self.allow_private:
            for address in addresses:
                problem = self.check(address)
                if problem:
                    raise AddressRefused(f"{host} → {problem} (allowed only with --allow-private)"
                                         if host != address else f"{problem} (allowed only with --allow-private)")
        # connect to the address checked above (TLS still verifies the certificate for `host`: httpcore passes the
        # origin's name as server_hostname when it starts TLS on this stream)
        return super().connect_tcp(addresses[0], port, timeout=timeout, local_address=local_address,
                                   socket_options=socket_options)


def guarded_client(policy: FetchPolicy, resolver: Resolver = system_resolver,
                   check: Callable[[str], str | None] = address_problem) -> httpx.Client:
    """An httpx client whose every connection goes through `GuardedBackend`. No proxies from the environment (a
    proxy would open the connections instead, unchecked); redirects are followed by `Fetcher`, hop by hop."""
    transport = httpx.HTTPTransport(trust_env=False, retries=0)
    # httpx (pinned) builds its connection pool without a way to pass a network backend: rebuild the pool with
    # ours, the same TLS context and limits.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=ssl.create_default_context(cafile=_certifi()), max_connections=max(4, policy.concurrency * 2),
        max_keepalive_connections=policy.concurrency, keepalive_expiry=5.0,
        network_backend=GuardedBackend(allow_private=policy.allow_private, resolver=resolver, check=check))
    timeout = httpx.Timeout(policy.timeout)
    return httpx.Client(transport=transport, timeout=timeout, follow_redirects=False, trust_env=False,
                        headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"})


def _certifi() -> str | None:
    try:
        import certifi

        return certifi.where()
    except ImportError:  # pragma: no cover - certifi comes with httpx
        return None


class HostGate:
    """Per-host politeness: at most `per_host` requests at a time and `delay` seconds between two starts."""

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str, delay: float) -> Iterator[None]:
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.Semaphore(self.per_host))
        with semaphore:
            with self._lock:
                start = max(time.monotonic(), self._next_start.get(host, 0.0))
                self._next_start[host] = start + delay
            time.sleep(max(0.0, start - time.monotonic()))
            yield


class Fetcher:
    """Fetches URLs under a `FetchPolicy`; thread-safe (one per pass, shared by its worker threads)."""

    def __init__(self, policy: FetchPolicy | None = None, *, resolver: Resolver = system_resolver,
                 check: Callable[[str], str | None] = address_problem,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        """`resolver` and `check` (why an address is refused, or None) are the policy's name lookup and address
        rule; tests give their own to put a loopback server on both sides of the rule."""
        self.policy = policy or FetchPolicy()
        self.client = guarded_client(self.policy, resolver, check)
        self.gate = HostGate(self.policy.per_host)
        self.sleep = sleep
        self._robots: dict[str, Any] = {}
        self._robots_lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public ---------------------------------------------------------------------------------------------------

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET `url` (conditionally when validators are given), following redirects within the policy."""
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        seen: set[str] = set()
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            problem = scheme_problem(current)
            if problem:
                return FetchResult(url, "refused", final_url=current, reason=problem)
            if current in seen:
                return FetchResult(url, "failed", final_url=current, reason=f"redirect loop at {current}")
            seen.add(current)
            rules = self._robots_for(_origin(current)) if self.policy.obey_robots else None
            if isinstance(rules, FetchResult):          # robots.txt refused (address) or unavailable
                refused = rules.outcome == "refused"
                return FetchResult(url, "refused" if refused else "disallowed", final_url=current,
                                   reason=rules.reason if refused else
                                   f"robots.txt of {_origin(current)} unavailable ({rules.reason}): not fetching"
                                   " from this site for now")
            if rules is not None and not rules.can_fetch(current, self.policy.user_agent):
                return FetchResult(url, "disallowed", final_url=current,
                                   reason=f"robots.txt of {_origin(current)} disallows {urlsplit(current).path or '/'}")
            result = self._get_with_retries(current, headers)
            if result.status in REDIRECT_STATUSES and result.headers.get("location"):
                current = urljoin(current, result.headers["location"])
                continue
            result.url, result.final_url = url, current
            return result
        return FetchResult(url, "failed", final_url=current,
                           reason=f"more than {self.policy.max_redirects} redirects")

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> FetchResult:
        """POST `body` (webhooks): same address policy, retries and Retry-After; no redirects, no robots.txt."""
        problem = scheme_problem(url)
        if problem:
            return FetchResult(url, "refused", reason=problem)
        return self._with_retries(url, lambda: self._send("POST", url, headers, body))

    # -- robots.txt -----------------------------------------------------------------------------------------------

    def _robots_for(self, origin: str) -> Any:
        """Protego rules for an origin; None when it has no robots.txt (allow all); the failed FetchResult when it
        could not be fetched (refused address, network error, 5xx: the site is left alone this pass)."""
        with self._robots_lock:
            if origin in self._robots:
                return self._robots[origin]
        from protego import Protego

        result = self._get_with_retries(origin + "/robots.txt", {})
        if result.ok:
            rules: Any = Protego.parse(result.body.decode("utf-8", "replace"))
        elif result.status is not None and 400 <= result.status < 500:
            rules = None
        else:
            log.info("robots.txt of %s unavailable (%s): not fetching from it this pass", origin,
                     result.reason or result.status)
            rules = result
        with self._robots_lock:
            self._robots[origin] = rules
        return rules

    def host_delay(self, origin: str) -> float:
        rules = self._robots.get(origin)
        crawl_delay = rules.crawl_delay(self.policy.user_agent) if rules and hasattr(rules, "crawl_delay") else None
        return max(self.policy.host_delay, min(float(crawl_delay or 0.0), self.policy.max_crawl_delay))

    # -- one request -----------------------------------------------------------------------------------------------

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> FetchResult:
        return self._with_retries(url, lambda: self._send("GET", url, headers))

    def _with_retries(self, url: str, send: Callable[[], FetchResult]) -> FetchResult:
        wait = self.policy.backoff
        result = FetchResult(url, "failed", reason="not tried")
        for attempt in range(self.policy.retries + 1):
            origin = _origin(url)
            with self.gate.slot(origin, self.host_delay(origin)):
                result = send()
            # connection errors and 429/5xx are tried again now; a timeout waits for a later pass (trying a slow
            # site again at once only makes it slower)
            retryable = result.outcome == "failed" and (result.status in RETRY_STATUSES or (
                result.status is None and not (result.reason or "").startswith("timed out")))
            if not retryable:
                return result
            pause = retry_after(result.headers.get("retry-after")) if result.status else None
            if pause is not None and pause > self.policy.max_retry_after:
                result.outcome, result.retry_at = "backoff", time.time() + pause
                result.reason = f"{result.reason}; Retry-After {pause:.0f} s is past the limit, trying later"
                return result
            if attempt == self.policy.retries:
                break
            pause = wait if pause is None else pause
            log.info("%s: %s; trying again in %.1f s", url, result.reason, pause)
            self.sleep(pause)
            wait *= 2
        return result

    def _send(self, method: str, url: str, headers: dict[str, str], body: bytes | None = None) -> FetchResult:
        deadline = time.monotonic() + self.policy.deadline
        try:
            with self.client.stream(method, url, headers=headers, content=body) as response:
                found = {k.lower(): v for k, v in response.headers.items()}
                status = response.status_code
                if status == 304:
                    return FetchResult(url, "not_modified", status, headers=found)
                if status in REDIRECT_STATUSES:
                    return FetchResult(url, "redirect", status, headers=found)
                data, cut = self._read_capped(response, deadline)
        except AddressRefused as err:
            return FetchResult(url, "refused", reason=f"refused: {err}")
        except httpx.TimeoutException:
            return FetchResult(url, "failed", reason=f"timed out after {self.policy.timeout:g} s")
        except (httpx.HTTPError, httpx.InvalidURL, httpcore.ProtocolError, OSError, ValueError) as err:
            return FetchResult(url, "failed", reason=f"{type(err).__name__}: {err}")
        if cut:
            return FetchResult(url, "failed", status, headers=found, reason=cut)
        if status >= 400:
            return FetchResult(url, "failed", status, headers=found, reason=f"HTTP {status}")
        return FetchResult(url, "ok", status, body=data, headers=found)

    def _read_capped(self, response: httpx.Response, deadline: float) -> tuple[bytes, str | None]:
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                return b"", f"body over {self.policy.max_bytes} bytes: cut off"
            if time.monotonic() > deadline:
                return b"", f"no answer within {self.policy.deadline:g} s: cut off"
            chunks.append(chunk)
        return b"".join(chunks), None


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def scheme_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"only http and https URLs are fetched, not {parts.scheme or 'a relative URL'}: {url[:200]}"
    if not parts.hostname:
        return f"no host in {url[:200]}"
    return None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
