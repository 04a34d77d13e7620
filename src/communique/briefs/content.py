"""What a brief says, before any format: its title, headline figures, summary, charts, sections and notes.

Every figure is read from the knowledge-base queries (`kb.headline`, `kb.profile`, `kb.balance`, `kb.relations`,
`kb.event_rows`, `kb.top_events`, `kb.document_rows`), the ones `communique profile` and the HTTP API answer
with, so a brief never disagrees with them. This module only chooses, orders and words what they return.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from ..version import __version__
from ..errors import CommuniqueError
from ..kb import queries as kb
from . import charts
from .wording import Wording

TIMELINE_SECTIONS = {"relations established": "relations", "partnership": "partnership", "missions": "missions",
                     "agreements": "agreements", "contacts": "contacts"}
TOP_PARTNERS = 12           # partners drawn in a country brief's chart
TOP_EVENTS = 12             # events listed in a country brief


class NothingToBrief(CommuniqueError):
    """The store holds no event for the pair or country in the period asked for."""


@dataclass
class Note:
    """A footnote: the sentence an item comes from and its article."""

    number: int
    sentence: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    path: str | None
    language: str | None


@dataclass
class Row:
    """One line of a section: its cells, the note it cites, whether it is planned (marked as such)."""

    cells: list[str]
    note: int | None = None
    planned: bool = False
    quote: str | None = None            # a quotes section's words, as reported
    quote_language: str | None = None


@dataclass
class Section:
    key: str
    title: str
    columns: list[str]
    rows: list[Row]
    empty: str = ""
    chart: str | None = None            # the key of the chart drawn at the head of the section
    chart_only: bool = False            # a section that is its chart (left out without charts)


@dataclass
class Chart:
    key: str
    caption: str
    svg: str


@dataclass
class Brief:
    kind: str                                   # "pair" or "country"
    codes: tuple[str, ...]
    language: str
    title: str
    kind_label: str
    period: str
    generated: str
    headline: dict[str, Any]                    # kb.headline, as the API gives it
    figures: list[tuple[str, str]]              # the headline figures, worded
    summary: list[str]
    charts: list[Chart]
    sections: list[Section]
    notes: list[Note]
    method: str
    since: int | None = None
    until: int | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return "-".join(self.codes)


class Notes:
    """Numbers the sentences cited, once per (article, sentence)."""

    def __init__(self, documents: dict[str, dict[str, Any]]) -> None:
        self.documents, self.notes, self._numbers = documents, [], {}
        self.notes: list[Note]
        self._numbers: dict[tuple[str, str], int]

    def cite(self, doc_id: str | None, sentence: str | None) -> int | None:
        if not doc_id or not sentence:
            return None
        key = (doc_id, sentence)
        if key not in self._numbers:
            doc = self.documents.get(doc_id, {})
            self._numbers[key] = len(self.notes) + 1
            self.notes.append(Note(len(self.notes) + 1, sentence, doc.get("title"), doc.get("outlet"),
                                   doc.get("published"), doc.get("url"), doc.get("path"), doc.get("language")))
        return self._numbers[key]


def build_brief(store: Any, a: str, b: str | None = None, *, since: int | None = None, until: int | None = None,
                language: str = "en", charts_on: bool = True, generated: dt.date | None = None) -> Brief:
    """The brief of the pair `a`–`b`, or of country `a` alone, over the years `since`..`until`."""
    words = Wording(language)
    a, b = a.upper(), b.upper() if b else None
    if b:
        return _pair_brief(store, a, b, since, until, words, charts_on, generated)
    return _country_brief(store, a, since, until, words, charts_on, generated)


# -- a pair -------------------------------------------------------------------------------------------------------

def _pair_brief(store: Any, a: str, b: str, since: int | None, until: int | None, w: Wording, charts_on: bool,
                generated: dt.date | None) -> Brief:
    figures = kb.headline(store, between=(a, b), since=since, until=until)
    rows = _plain_records(kb.profile(store, a, b, since=since, until=until))
    if not figures["events"] and not rows:
        raise NothingToBrief(f"nothing stored about {a}–{b}{_period_words(since, until)}")
    events = kb.event_rows(store, between=(a, b), since=since, until=until)
    years = kb.balance(store, between=(a, b), since=since, until=until)
    notes = Notes(_documents(store, [r["doc_id"] for r in rows] + [ev["doc_id"] for ev in events]))
    by_section: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_section.setdefault(row["section"], []).append(row)
    names = {code: w.name(code) for code in (a, b)}
    sections = [
        Section("timeline", w.text("headings.timeline"), [], [], chart="timeline", chart_only=True),
        _items_section("relations", w, by_section, ["relations established", "partnership"], notes),
        _items_section("agreements", w, by_section, ["agreements", "missions"], notes),
        _contacts_section(w, by_section.get("contacts", []), notes),
        _facts_section(w, by_section.get("facts", []), notes),
        _balance_section(w, years),
        _people_section(w, by_section.get("people", []), notes),
        _quotes_section(w, by_section.get("quotes", []), notes),
    ]
    drawn = []
    if charts_on:
        marks = _timeline_marks(w, rows, events)
        undated = sum(1 for m in marks if not m.date)
        caption = w.text("text.figure_timeline") + (f" {w.count('undated', undated)}" if undated else "")
        drawn = [Chart("timeline", caption, charts.timeline(marks, w)),
                 Chart("balance", w.text("text.figure_balance"), charts.balance(years, w))]
    return Brief(
        kind="pair", codes=(a, b), language=w.language, title=w.text("title.pair", a=names[a], b=names[b]),
        kind_label=w.text("title.kind_pair"), period=_period(w, since, until), generated=_generated(w, generated),
        headline=figures, figures=_figures(w, figures), summary=_pair_summary(w, names[a], names[b], figures,
                                                                               by_section, since, until),
        charts=drawn, sections=sections, notes=notes.notes, method=w.text("text.method"), since=since, until=until)


def _items_section(key: str, w: Wording, by_section: dict[str, list[dict[str, Any]]], wanted: list[str],
                   notes: Notes) -> Section:
    """Dated items (relations, partnership, agreements, missions): date, what, detail; planned ones marked."""
    items = sorted((r for s in wanted for r in by_section.get(s, [])),
                   key=lambda r: (r["date"] is None, r["date"] or ""))
    out = []
    for r in items:
        detail = r["detail"] if r["section"] in ("agreements", "missions") else None   # relations: in `what`
        out.append(Row([w.date(r["date"]), _what(w, r), detail or "", _status(w, r["status"])],
                       notes.cite(r["doc_id"], r["evidence"]), r["status"] == "planned"))
    return Section(key, w.text(f"headings.{key}"), _columns(w, "date", "what", "detail", "status"), out,
                   w.text("text.nothing"))


def _contacts_section(w: Wording, contacts: list[dict[str, Any]], notes: Notes) -> Section:
    """Visits, talks and calls grouped by level (highest first), newest first within a level."""
    levels = kb.contact_levels()[0]
    rank = {level: n for n, level in enumerate(levels)}
    ordered = sorted(contacts, key=lambda r: (rank.get(r["detail"], len(levels)), r["date"] is None,
                                              _descending(r["date"] or "")))
    rows = [Row([w.label("levels", r["detail"]), w.date(r["date"]), _what(w, r), _status(w, r["status"])],
                notes.cite(r["doc_id"], r["evidence"]), r["status"] == "planned") for r in ordered]
    return Section("contacts", w.text("headings.contacts"), _columns(w, "level", "date", "what", "status"), rows,
                   w.text("text.nothing"))


def _facts_section(w: Wording, facts: list[dict[str, Any]], notes: Notes) -> Section:
    rows = [Row([w.date(r["date"]), w.label("facts", r["item"]), w.amount(r["value"], r["unit"])],
                notes.cite(r["doc_id"], r["evidence"])) for r in facts]
    return Section("facts", w.text("headings.facts"), _columns(w, "period", "figure", "amount"), rows,
                   w.text("text.nothing"))


def _balance_section(w: Wording, years: list[dict[str, Any]]) -> Section:
    rows = [Row([str(y["year"]), w.number(y["events"]), w.signed(y["cooperation"]), w.signed(y["conflict"]),
                 w.signed(y["balance"])]) for y in years]
    return Section("balance", w.text("headings.balance"),
                   _columns(w, "year", "events", "cooperation", "conflict", "balance"), rows, w.text("text.nothing"),
                   chart="balance")


def _people_section(w: Wording, people: list[dict[str, Any]], notes: Notes) -> Section:
    rows = [Row([r["item"], w.label("roles", r["detail"]), w.name(r["actor"]), w.number(r["num_articles"])],
                notes.cite(r["doc_id"], r["evidence"])) for r in people]
    return Section("people", w.text("headings.people"), _columns(w, "name", "role", "country", "articles"), rows,
                   w.text("text.nothing"))


def _quotes_section(w: Wording, quotes: list[dict[str, Any]], notes: Notes) -> Section:
    """Quotes in the words and language they were reported in, with the speaker, role and date."""
    rows = [Row([r["item"], ", ".join(filter(None, [w.label("roles", r["detail"]), w.name(r["actor"])])),
                 w.date(r["date"]), w.text("text.quote_language", language=w.language_name(r["language"]))],
                notes.cite(r["doc_id"], r["evidence"]), quote=r["evidence"], quote_language=r["language"])
            for r in quotes]
    return Section("quotes", w.text("headings.quotes"), [], rows, w.text("text.nothing"))


def _timeline_marks(w: Wording, rows: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[charts.Mark]:
    marks = [charts.Mark(r["date"], TIMELINE_SECTIONS[r["section"]], _what(w, r), r["status"] == "planned")
             for r in rows if r["section"] in TIMELINE_SECTIONS]
    marks += [charts.Mark(ev["date"], "conflict", w.label("types", ev["type"]), ev["status"] == "planned")
              for ev in events if ev["weight"] < 0]
    return marks


def _pair_summary(w: Wording, name_a: str, name_b: str, figures: dict[str, Any],
                  by_section: dict[str, list[dict[str, Any]]], since: int | None, until: int | None) -> list[str]:
    out = [w.text("summary.pair_overview", events=w.count("events", figures["events"]), a=name_a, b=name_b,
                  period=_period(w, since, until).lower(), articles=w.count("articles", figures["articles"]),
                  sources=w.count("sources", figures["sources"]))]
    out += _common_summary(w, figures)
    if last := by_section.get("last contact"):
        out.append(w.text("summary.last_contact", what=_what(w, last[0]), date=w.date(last[0]["date"])))
    if agreements := by_section.get("agreements"):
        latest = max(agreements, key=lambda r: r["date"] or "")
        out.append(w.text("summary.agreements", agreements=w.count("agreements", len(agreements)),
                          date=w.date(latest["date"]), what=latest["detail"] or _what(w, latest)))
    if missions := by_section.get("missions"):
        out.append(w.text("summary.missions", list=w.join([f"{_what(w, r)} ({w.date(r['date'])})"
                                                            for r in missions])))
    if facts := by_section.get("facts"):
        latest = max(facts, key=lambda r: (r["date"] or "", r["item"] == "TRADE_TURNOVER"))
        out.append(w.text("summary.trade", what=w.label("facts", latest["item"]),
                          amount=w.amount(latest["value"], latest["unit"]), period=w.date(latest["date"])))
    return out


def _common_summary(w: Wording, figures: dict[str, Any]) -> list[str]:
    """The span of dates, the planned events and the balance: sentences a pair and a country brief share."""
    out = []
    if figures["first"] and figures["last"]:
        out.append(w.text("summary.span", first=w.date(figures["first"]), last=w.date(figures["last"])))
    if figures["planned"]:
        out.append(w.text("summary.planned", planned=w.count("planned", figures["planned"])))
    coop, conflict, total = figures["cooperation"], figures["conflict"], figures["balance"]
    if coop or conflict:
        which = "balance_positive" if total > 0 else "balance_negative" if total < 0 else "balance_even"
        out.append(w.text(f"summary.{which}", cooperation=w.signed(coop), conflict=w.signed(conflict),
                          balance=w.signed(total)))
    return out


# -- one country ----------------------------------------------------------------------------------------------------

def _country_brief(store: Any, code: str, since: int | None, until: int | None, w: Wording, charts_on: bool,
                   generated: dt.date | None) -> Brief:
    figures = kb.headline(store, actor=code, since=since, until=until)
    if not figures["events"]:
        raise NothingToBrief(f"no events involve {code}{_period_words(since, until)}")
    partners = _plain_records(kb.relations(store, code, since=since, until=until))
    years = kb.balance(store, actor=code, since=since, until=until)
    top = kb.top_events(store, actor=code, since=since, until=until, limit=TOP_EVENTS)
    notes = Notes(_documents(store, [ev["doc_id"] for ev in top]))
    name = w.name(code)
    partner_rows = [Row([w.name(p["partner"]), w.number(p["events"]), w.signed(p["cooperation"]),
                         w.signed(p["conflict"]), w.signed(p["balance"]), w.date(p["last"])]) for p in partners]
    event_rows = [Row([w.date(ev["date"]), w.label("types", ev["type"]),
                       w.name(ev["actor2"] if ev["actor1"] == code else ev["actor1"] or ""),
                       w.number(ev["num_sources"]), _status(w, ev["status"])],
                      notes.cite(ev["doc_id"], ev["evidence"]), ev["status"] == "planned") for ev in top]
    sections = [
        Section("partners", w.text("headings.partners"),
                _columns(w, "partner", "events", "cooperation", "conflict", "balance", "last"), partner_rows,
                chart="partners"),
        _balance_section(w, years),
        Section("top_events", w.text("headings.top_events"), _columns(w, "date", "type", "partner", "sources", "status"),
                event_rows),
    ]
    drawn = []
    if charts_on:
        ranked = [(w.name(p["partner"]), p["events"], p["balance"]) for p in partners[:TOP_PARTNERS]]
        drawn = [Chart("partners", w.text("text.figure_partners"), charts.partners(ranked, w)),
                 Chart("balance", w.text("text.figure_balance"), charts.balance(years, w))]
    summary = [w.text("summary.country_overview", events=w.count("events", figures["events"]), a=name,
                      period=_period(w, since, until).lower(), partners=w.count("partners", figures["partners"]),
                      articles=w.count("articles", figures["articles"]),
                      sources=w.count("sources", figures["sources"]))]
    summary += _common_summary(w, figures)
    if partners:
        summary.append(w.text("summary.top_partners", list=w.join(
            [f"{w.name(p['partner'])} ({w.count('events', p['events'])})" for p in partners[:3]])))
    return Brief(kind="country", codes=(code,), language=w.language, title=w.text("title.country", a=name),
                 kind_label=w.text("title.kind_country"), period=_period(w, since, until),
                 generated=_generated(w, generated), headline=figures, figures=_figures(w, figures),
                 summary=summary, charts=drawn, sections=sections, notes=notes.notes, method=w.text("text.method"),
                 since=since, until=until)


# -- shared pieces ----------------------------------------------------------------------------------------------------

def _figures(w: Wording, h: dict[str, Any]) -> list[tuple[str, str]]:
    """The headline figures as label and value, in the order a reader scans them."""
    events = w.number(h["events"]) + (f" ({w.count('planned', h['planned'])})" if h["planned"] else "")
    out = [(w.text("figures.events"), events)]
    if "partners" in h:
        out.append((w.text("figures.partners"), w.number(h["partners"])))
    out += [(w.text("figures.articles"), w.number(h["articles"])),
            (w.text("figures.sources"), w.number(h["sources"])),
            (w.text("figures.outlets"), w.number(h["outlets"]))]
    if h["first"]:
        out.append((w.text("figures.span"), " – ".join(dict.fromkeys((w.date(h["first"]), w.date(h["last"]))))))
    out.append((w.text("figures.last_contact"), w.date(h["last_contact"])))
    out.append((w.text("figures.balance"),
                f"{w.signed(h['balance'])} ({w.signed(h['cooperation'])} / {w.signed(h['conflict'])})"))
    return out


def _what(w: Wording, row: dict[str, Any]) -> str:
    what = w.label("items", row["item"])
    if row["section"] == "relations established" and row["detail"]:
        return f"{what} ({row['detail']})"
    return what


def _status(w: Wording, status: str | None) -> str:
    return "" if status in (None, "occurred") else w.label("status", status)


def _columns(w: Wording, *keys: str) -> list[str]:
    return [w.text(f"columns.{k}") for k in keys]


def _period(w: Wording, since: int | None, until: int | None) -> str:
    if since is not None and until is not None:
        return w.text("title.period_between", since=since, until=until)
    if since is not None:
        return w.text("title.period_since", since=since)
    if until is not None:
        return w.text("title.period_until", until=until)
    return w.text("title.period_all")


def _period_words(since: int | None, until: int | None) -> str:
    return f" from {since}" * (since is not None) + f" until {until}" * (until is not None)


def _generated(w: Wording, day: dt.date | None) -> str:
    day = day or dt.datetime.now(dt.UTC).date()
    return w.text("title.generated", date=w.date(day.isoformat()), version=__version__)


def _documents(store: Any, doc_ids: list[str | None]) -> dict[str, dict[str, Any]]:
    return {d["doc_id"]: d for d in kb.document_rows(store, {d for d in doc_ids if d})}


def _plain_records(frame: Any) -> list[dict[str, Any]]:
    """DataFrame rows as dicts with None for missing values (pandas gives NaN)."""
    return [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
            for r in frame.to_dict("records")]


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)
