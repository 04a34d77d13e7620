"""The knowledge base's questions: events, evidence, relations, actors, search and bilateral profiles.

Events are merged across articles first (`communique.kb.merge`); queries return pandas DataFrames with
documented, stable columns (see docs/exports.md).
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..datafiles import data_languages, language_data, load_data
from ..events.cameo import goldstein
from .filters import public_query
from . import textsearch
from .stories import fold
from .textsearch import Term, parse_query

if TYPE_CHECKING:
    from .store import Store

#: ids in one IN (...) list: far below PostgreSQL's 65,535 parameters a statement and SQLite's 32,766
IN_LIST_MAX = 1000

EVENT_COLUMNS = ["id", "date", "year", "type", "mode", "actor1", "actor2", "mutual", "status", "num_articles",
                 "num_sources", "num_outlets", "confidence", "weight", "evidence", "doc_id", "path", "url", "title",
                 "date_precision"]

#: what an ISO date at each length tells: "2024" a year, "2024-05" a month, "2024-05-14" a day
DATE_PRECISIONS = {4: "year", 7: "month", 10: "day"}


def date_precision(date: str | None) -> str | None:
    """"year", "month" or "day" for an ISO date at that precision; None for no date."""
    return DATE_PRECISIONS.get(len(date)) if date else None


# -- data ---------------------------------------------------------------------------------------------------------

def weight(event_type: str, mode: str | None = None) -> float:
    """An event's cooperation (+) / conflict (-) weight: the Goldstein value of its CAMEO code (`events.cameo`)."""
    return goldstein(event_type, mode)


@lru_cache(maxsize=1)
def contact_levels() -> tuple[list[str], dict[str, str]]:
    data = load_data("contact_levels.toml")
    return list(data["levels"]), dict(data["roles"])


@lru_cache(maxsize=1)
def profile_words() -> dict[str, Any]:
    """Every language's profile words (data/lang/<iso>/profile.toml), folded and merged per topic."""
    merged: dict[str, Any] = {"relations_established": [], "anniversary": [], "political_consultations": [],
                              "agreement_words": [],
                              "partnership": defaultdict(list), "missions": defaultdict(list)}
    for lang in data_languages("profile"):
        data = language_data(lang, "profile") or {}
        for topic in ("relations_established", "anniversary", "political_consultations", "agreement_words"):
            merged[topic] += [[fold(f) for f in alt] for alt in data.get(topic, [])]
        for topic in ("partnership", "missions"):
            for label, alternatives in data.get(topic, {}).items():
                merged[topic][label] += [[fold(f) for f in alt] for alt in alternatives]
    return merged


def _says(text: str, alternatives: list[list[str]]) -> bool:
    folded = _folded(text)
    return any(all(fragment in folded for fragment in alt) for alt in alternatives)


@lru_cache(maxsize=65_536)
def _folded(text: str) -> str:
    """`fold`, remembered: a profile asks several questions of each evidence sentence."""
    return fold(text)


def _first_label(text: str, labelled: dict[str, list[list[str]]]) -> str | None:
    return next((label for label, alts in labelled.items() if _says(text, alts)), None)


# -- queries ------------------------------------------------------------------------------------------------------

@public_query
def events(store: Store, *, between: tuple[str, str] | None = None, actor: str | None = None,
           since: int | None = None, until: int | None = None, types: Iterable[str] = (),
           statuses: Iterable[str] = (), limit: int | None = None) -> pd.DataFrame:
    """Merged events, newest first. `between` two actor codes (either order); `since`/`until` years (undated
    events are left out when either is given)."""
    return pd.DataFrame(event_rows(store, between=between, actor=actor, since=since, until=until, types=types,
                                   statuses=statuses, limit=limit), columns=EVENT_COLUMNS)


@public_query
def event_rows(store: Store, *, between: tuple[str, str] | None = None, actor: str | None = None,
               since: int | None = None, until: int | None = None, types: Iterable[str] = (),
               statuses: Iterable[str] = (), limit: int | None = None, offset: int = 0,
               text: str | None = None, date: str | None = None) -> list[dict[str, Any]]:
    """`events` as plain dicts (None for missing values); with `limit`, `offset` skips that many first (a page);
    `text` keeps events whose evidence contains it, `date` those of exactly that date."""
    sql, params = _event_query(between=between, actor=actor, since=since, until=until, types=types,
                               statuses=statuses, text=text, date=date, limit=limit, offset=offset)
    return [_event_row(row) for row in store.rows(sql, params)]


@public_query
def event_batches(store: Store, *, size: int = 500, limit: int | None = None,
                  **filters: Any) -> Iterator[list[dict[str, Any]]]:
    """`event_rows` in lists of at most `size`, streamed from one query (an export of any size in bounded memory)."""
    sql, params = _event_query(limit=limit, **filters)
    for chunk in store.stream(sql, params, size):
        yield [_event_row(row) for row in chunk]


def _event_query(*, limit: int | None = None, offset: int = 0, **filters: Any) -> tuple[str, list[Any]]:
    where, params = event_filter(**filters)
    sql = ("SELECT m.*, d.path, d.url, d.title FROM merged_events m JOIN documents d ON d.id = m.doc_id"
           f" WHERE {' AND '.join(where)} ORDER BY m.date IS NULL, m.date DESC, m.type, m.id")
    if limit:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return sql, params


def _event_row(row: dict[str, Any]) -> dict[str, Any]:
    row["mutual"] = bool(row["mutual"])
    row["weight"] = weight(row["type"], row["mode"])
    row["date_precision"] = date_precision(row["date"])
    return {c: row.get(c) for c in EVENT_COLUMNS}


@public_query
def count_events(store: Store, **filters: Any) -> int:
    """How many merged events `event_rows` would return with these filters (no limit)."""
    where, params = event_filter(**filters)
    return int(store.scalar(f"SELECT COUNT(*) FROM merged_events m WHERE {' AND '.join(where)}", params))


def event_filter(*, between: tuple[str, str] | None = None, actor: str | None = None, since: int | None = None,
                 until: int | None = None, types: Iterable[str] = (), statuses: Iterable[str] = (),
                 text: str | None = None, date: str | None = None) -> tuple[list[str], list[Any]]:
    """WHERE conditions over merged events `m` and their parameters (values only ever travel as parameters)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if date:
        where.append("m.date = ?")
        params.append(date)
    if text:        # folded in Python on both sides: the same matches on SQLite and PostgreSQL, in any script
        escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append("m.evidence_folded LIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}%")
    if between:
        where.append("((m.actor1 = ? AND m.actor2 = ?) OR (m.actor1 = ? AND m.actor2 = ?))")
        params += [between[0], between[1], between[1], between[0]]
    if actor:
        where.append("(m.actor1 = ? OR m.actor2 = ?)")
        params += [actor, actor]
    if since is not None:
        where.append("m.year >= ?")
        params.append(int(since))
    if until is not None:
        where.append("m.year <= ?")
        params.append(int(until))
    for column, values in (("m.type", [t.upper() for t in types]), ("m.status", list(statuses))):
        if values:
            where.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params += values
    return where, params


@public_query
def evidence(store: Store, merged_ids: Iterable[str]) -> pd.DataFrame:
    """Every report behind the given merged events: its sentence and document."""
    ids = sorted(set(merged_ids))
    columns = ["merged_id", "doc_id", "event_id", "evidence", "date", "status", "story_id", "outlet", "path", "url",
               "title", "published", "language", "also_evidence", "location"]
    if not ids:
        return pd.DataFrame(columns=columns)
    rows: list[dict[str, Any]] = []
    for start in range(0, len(ids), IN_LIST_MAX):       # PostgreSQL takes at most 65,535 parameters a statement
        chunk = ids[start:start + IN_LIST_MAX]
        rows += store.rows(
            "SELECT k.merged_id, e.doc_id, e.event_id, e.evidence, e.date, e.status, d.story_id, d.outlet, d.path,"
            " d.url, d.title, d.published, d.language, e.also_evidence, e.location FROM merged_event_members k"
            " JOIN events e ON e.doc_id = k.doc_id AND e.event_id = k.event_id JOIN documents d ON d.id = e.doc_id"
            f" WHERE k.merged_id IN ({', '.join('?' for _ in chunk)}) ORDER BY k.merged_id, d.published,"
            " e.doc_id, e.event_id", chunk)
    for row in rows:
        row["also_evidence"] = json.loads(row["also_evidence"] or "[]")
        row["location"] = json.loads(row["location"]) if row["location"] else None
    return pd.DataFrame(rows, columns=columns)


RELATION_COLUMNS = ["partner", "events", "cooperation", "conflict", "balance", "articles", "first", "last",
                    "top_types"]


@public_query
def relations(store: Store, country: str, *, since: int | None = None, until: int | None = None) -> pd.DataFrame:
    """Partners of `country` ranked by merged events, with the cooperation/conflict balance (documented weights)."""
    by_partner: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in event_rows(store, actor=country, since=since, until=until):
        partner = ev["actor2"] if ev["actor1"] == country else ev["actor1"]
        if partner and partner != country:
            by_partner[partner].append(ev)
    out = []
    for partner, group in by_partner.items():
        weights = [ev["weight"] for ev in group]
        dates = sorted(ev["date"] for ev in group if ev["date"])
        types = Counter(ev["type"] for ev in group)
        out.append({"partner": partner, "events": len(group),
                    "cooperation": sum(w for w in weights if w > 0), "conflict": sum(w for w in weights if w < 0),
                    "balance": sum(weights), "articles": sum(ev["num_articles"] for ev in group),
                    "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                    "top_types": ", ".join(t for t, _ in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[:3])})
    out.sort(key=lambda r: (-r["events"], -r["balance"], r["partner"]))
    return pd.DataFrame(out, columns=RELATION_COLUMNS)


ACTOR_COLUMNS = ["name", "type", "roles", "country", "mentions", "documents"]


@public_query(skip=("types",))
def actors(store: Store, country: str | None = None, *, types: Iterable[str] = ("PERSON", "ORG"),
           learned: bool = False) -> pd.DataFrame:
    """People and organisations (of a country), their roles as the texts give them, and how often they appear;
    with `learned`, the people the articles' titles taught (`communique.kb.learned_actors`)."""
    if learned:
        from .learned_actors import learned_frame

        return learned_frame(store, country)
    wanted = list(types)
    where = [f"type IN ({', '.join('?' for _ in wanted)})"]
    params: list[Any] = list(wanted)
    if country:
        where.append("country = ?")
        params.append(country)
    rows = store.rows(f"SELECT name, type, role, country, mentions, doc_id FROM entities WHERE {' AND '.join(where)}",
                      params)
    grouped: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for r in rows:
        item = grouped.setdefault((r["name"], r["type"], r["country"]),
                                  {"roles": Counter(), "mentions": 0, "documents": set()})
        if r["role"]:
            item["roles"][r["role"]] += 1
        item["mentions"] += int(r["mentions"])
        item["documents"].add(r["doc_id"])
    out = [{"name": name, "type": etype, "country": ctry, "mentions": v["mentions"], "documents": len(v["documents"]),
            "roles": ", ".join(role for role, _ in sorted(v["roles"].items(), key=lambda kv: (-kv[1], kv[0])))}
           for (name, etype, ctry), v in grouped.items()]
    out.sort(key=lambda r: (-r["mentions"], -r["documents"], r["name"]))
    return pd.DataFrame(out, columns=ACTOR_COLUMNS)


SEARCH_COLUMNS = ["doc_id", "score", "published", "language", "title", "snippet", "matched", "path", "url",
                  "story_id"]


@public_query
def search(store: Store, query: str, *, limit: int = 20) -> pd.DataFrame:
    """Documents matching the query, best first, with a snippet around the first match and the words that matched.

    Every bare word must occur in some form of it, in any language: "acuerdo" finds "acuerdos", "agreement"
    "agreements", "соглашение" "соглашений" (stemmed per document language, `textsearch`); a "quoted phrase"
    must occur as written. Case and accents never matter."""
    terms = parse_query(query)
    if not terms:
        return pd.DataFrame(columns=SEARCH_COLUMNS)
    rows = store.search_rows(terms, limit)
    for row in rows:
        row["snippet"], row["matched"] = snippet(row.pop("text"), terms, row["language"])
    return pd.DataFrame(rows, columns=SEARCH_COLUMNS)


def snippet(text: str, terms: list[Term], language: str | None = None, width: int = 160) -> tuple[str, list[str]]:
    """About `width` characters of `text` around its first match, and the distinct words in it that match."""
    found = textsearch.iter_matches(text, terms, language)
    first = next(found, None)
    start = max(0, first[0] - width // 3) if first else 0
    piece = " ".join(text[start:start + width].split())
    spans = [first] if first else []
    for span in found:
        if span[0] >= start + width:
            break
        spans.append(span)
    words = list(dict.fromkeys(text[a:b] for a, b in spans if b <= start + width))
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else ""), words


# -- bilateral profile ----------------------------------------------------------------------------------------------

PROFILE_COLUMNS = ["section", "date", "year", "item", "detail", "status", "num_articles", "num_sources", "evidence",
                   "doc_id", "path", "url", "value", "unit", "actor", "language"]
PROFILE_SECTIONS = ["relations established", "partnership", "missions", "agreements", "contacts", "last contact",
                    "facts", "balance", "people", "quotes"]


@public_query
def profile(store: Store, a: str, b: str, *, since: int | None = None, until: int | None = None,
            types: Iterable[str] = (), statuses: Iterable[str] = ()) -> pd.DataFrame:
    """Everything the store knows about relations between countries `a` and `b`, one row per item.

    Sections: relations established, partnership, missions, agreements, contacts (visits, calls and meetings by
    level), last contact, facts (trade and other figures, with `value` and `unit`), balance (cooperation and
    conflict by year), people (of either country, in the articles behind the events, with their roles) and quotes
    (theirs, in the language they were reported in). Every item carries its evidence sentence and the document it
    comes from (`language`: that document's). `since`/`until` (years) keep the events, figures, people and quotes
    of that period, and `types`/`statuses` the events of those types and statuses, as `events` does: every section
    drawn from events (all but facts, which are no events) then shows only those, and people and quotes come from
    the articles behind them.
    """
    types, statuses = list(types), list(statuses)
    merged = event_rows(store, between=(a, b), since=since, until=until, types=types, statuses=statuses)
    ids = [ev["id"] for ev in merged]
    reports = _reports_by_event(store, ids)
    roles, places = _event_roles(store, ids), _event_places(store, ids)
    rows: list[dict[str, Any]] = []
    contacts: dict[str, dict[str, Any]] = {}
    for ev in merged:
        found = _event_items(ev, reports.get(ev["id"], []), roles.get(ev["id"], []), places.get(ev["id"], []))
        contacts.update((ev["id"], r) for r in found if r["section"] == "contacts")
        rows += found
    rows += _fact_rows(store, a, b, since=since, until=until)
    rows += _balance_rows(balance(store, between=(a, b), since=since, until=until, types=types, statuses=statuses))
    if last := last_contact(merged):
        rows.append({**contacts[last["id"]], "section": "last contact"})
    doc_ids = {r["doc_id"] for said in reports.values() for r in said}
    rows += _people_rows(store, (a, b), doc_ids) + _quote_rows(store, (a, b), doc_ids)
    languages = {d["doc_id"]: d["language"] for d in document_rows(store, {r["doc_id"] for r in rows} - {None})}
    for row in rows:
        row["language"] = languages.get(row["doc_id"])
    order = {s: n for n, s in enumerate(PROFILE_SECTIONS)}
    rows.sort(key=lambda r: (order[r["section"]], -r["num_articles"] if r["section"] == "people" else 0,
                             r["date"] is None, r["date"] or "", r["item"]))
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def _event_items(ev: dict[str, Any], reports: list[dict[str, Any]], roles: list[str],
                 places: list[str]) -> list[dict[str, Any]]:
    """The profile items of one merged event: relations established, partnership, mission, agreement, contact."""
    words = profile_words()
    sentences = [ev] + [r for r in reports if r["evidence"] != ev["evidence"]]
    rows = []

    def item(section: str, what: str, detail: Any, said_by: dict[str, Any] = ev) -> dict[str, Any]:
        return {"section": section, "date": ev["date"], "year": ev["year"], "item": what, "detail": detail,
                "status": ev["status"], "num_articles": ev["num_articles"], "num_sources": ev["num_sources"],
                "evidence": said_by["evidence"], "doc_id": said_by["doc_id"], "path": said_by["path"],
                "url": said_by["url"], "value": None, "unit": None, "actor": None}

    # an anniversary says when relations were established only when the event was dated by it ("the 30th
    # anniversary of the establishment of relations", marked in 2023: 1993), never by the celebration itself
    reported = min((r["published"] for r in reports if r.get("published")), default=None)
    dated_back = bool(ev["date"] and reported and ev["date"][:4] < reported[:4])
    established = [s for s in sentences if dated_back or not _says(s["evidence"], words["anniversary"])]
    if ev["type"] == "COOPERATE" and (said := _saying(established, words["relations_established"])):
        rows.append(item("relations established", "diplomatic relations",
                         _established_year(said["evidence"], ev["date"]), said))
    for said in sentences:
        if level := _first_label(said["evidence"], words["partnership"]):
            rows.append(item("partnership", level, ev["type"], said))
            break
    if ev["type"] == "COOPERATE":
        for said in sentences:
            if mission := _first_label(said["evidence"], words["missions"]):
                opened = {"planned": "planned", "occurred": "opened", "ongoing": "opened"}.get(ev["status"],
                                                                                            ev["status"])
                if mission == "concurrent accreditation":       # an ambassador accredited, nothing opened
                    opened = "planned" if ev["status"] == "planned" else ""
                rows.append(item("missions", f"{mission} {opened}".strip(), ", ".join(places) or None, said))
                break
    if ev["type"] == "AGREE" and (ev["mode"] == "sign" or _saying(sentences, words["agreement_words"])):
        said = _saying(sentences, words["agreement_words"]) or ev
        rows.append(item("agreements", "signed" if ev["mode"] == "sign" else "agreed",
                         _agreement_title(said["evidence"]), said))
    if ev["type"] == "CONSULT":
        said = _saying(sentences, words["political_consultations"])
        rows.append(item("contacts", "political consultations" if said else (ev["mode"] or "contact"),
                         _level(roles), said or ev))
    return rows


def last_contact(merged: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The newest dated contact (CONSULT) that took place, the most reported first among those of one date: the
    profile's *last contact* and the headline's `last_contact` are this one event."""
    held = [ev for ev in merged if ev["type"] == "CONSULT" and ev["status"] in ("occurred", "ongoing") and ev["date"]]
    return max(held, key=lambda ev: (ev["date"], ev["num_articles"])) if held else None


def _saying(sentences: list[dict[str, Any]], alternatives: list[list[str]]) -> dict[str, Any] | None:
    return next((s for s in sentences if _says(s["evidence"], alternatives)), None)


def _reports_by_event(store: Store, merged_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Per merged event, every sentence that states it: each report's evidence, then the report's other
    sentences saying the same (a visit in the lead, "the political consultations" two paragraphs later)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in evidence(store, merged_ids).to_dict("records"):
        report = {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
        out[row["merged_id"]].append(report)
    for sentences in out.values():
        sentences += [{**report, "evidence": span["text"]} for report in list(sentences)
                      for span in report.pop("also_evidence")]
    return out


def _established_year(text: str, date: str | None) -> str | None:
    years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", text)
    return years[0] if years else (date[:4] if date else None)


def _agreement_title(text: str) -> str | None:
    quoted = re.findall(r"[«“\"]([^»”\"]{8,160})[»”\"]", text)
    return quoted[0] if quoted else None


def _level(role_list: list[str]) -> str:
    levels, by_role = contact_levels()
    found = {by_role.get(r.lower(), "other") for r in role_list if r}
    return next((lvl for lvl in levels if lvl in found), "other")


def _event_roles(store: Store, merged_ids: list[str]) -> dict[str, list[str]]:
    """Roles of the people acting in each merged event's reports (source and target entities)."""
    if not merged_ids:
        return {}
    marks = ", ".join("?" for _ in merged_ids)
    rows = store.rows(
        "SELECT k.merged_id, n.role FROM merged_event_members k JOIN events e ON e.doc_id = k.doc_id AND"
        " e.event_id = k.event_id JOIN entities n ON n.doc_id = e.doc_id AND n.entity_id IN (e.source_entity,"
        f" e.target_entity) WHERE k.merged_id IN ({marks}) AND n.role IS NOT NULL", merged_ids)
    out: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        out[r["merged_id"]].append(r["role"])
    return out


def _event_places(store: Store, merged_ids: list[str]) -> dict[str, list[str]]:
    """Places named in the evidence sentences of each merged event (event locations and PLACE mentions)."""
    if not merged_ids:
        return {}
    marks = ", ".join("?" for _ in merged_ids)
    rows = store.rows(
        "SELECT k.merged_id, e.doc_id, e.location, e.evidence_start, e.evidence_end FROM merged_event_members k"
        " JOIN events e ON e.doc_id = k.doc_id AND e.event_id = k.event_id"
        f" WHERE k.merged_id IN ({marks}) ORDER BY k.merged_id, e.doc_id, e.event_id", merged_ids)
    places = _place_mentions(store, {r["doc_id"] for r in rows})
    out: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        names = [json.loads(r["location"])["name"]] if r["location"] else []
        names += [name for name, start in places.get(r["doc_id"], [])
                  if r["evidence_start"] <= start < r["evidence_end"]]
        for name in names:
            if name not in out[r["merged_id"]]:
                out[r["merged_id"]].append(name)
    return out


def _place_mentions(store: Store, doc_ids: set[str]) -> dict[str, list[tuple[str, int]]]:
    """(place name, mention offset) of each document, each stored record read and parsed once."""
    if not doc_ids:
        return {}
    ids = sorted(doc_ids)
    out: dict[str, list[tuple[str, int]]] = {}
    for row in store.rows(f"SELECT id, record FROM documents WHERE id IN ({', '.join('?' for _ in ids)})", ids):
        out[row["id"]] = [(entity["name"], m["start"]) for entity in json.loads(row["record"]).get("entities", [])
                          if entity["type"] == "PLACE" for m in entity["mentions"]]
    return out


def _fact_rows(store: Store, a: str, b: str, *, since: int | None = None,
               until: int | None = None) -> list[dict[str, Any]]:
    """The pair's figures (facts naming both countries); with `since`/`until`, those of a year in the period."""
    rows = store.rows("SELECT f.type, f.countries, f.value, f.unit, f.period, f.evidence, f.doc_id, d.path, d.url,"
                      " d.published FROM facts f JOIN documents d ON d.id = f.doc_id"
                      " ORDER BY d.published, f.doc_id, f.n")
    out = []
    for r in rows:
        countries = set(json.loads(r["countries"]))
        if not {a, b} <= countries:
            continue
        period = r["period"] or (r["published"] or "")[:4] or None
        year = int(period[:4]) if period and period[:4].isdigit() else None
        if not _in_period(year, since, until):
            continue
        out.append({"section": "facts", "date": period, "year": year,
                    "item": r["type"], "detail": f"{r['value']:g} {r['unit']}", "status": None, "num_articles": 1,
                    "num_sources": 1, "evidence": r["evidence"], "doc_id": r["doc_id"], "path": r["path"],
                    "url": r["url"], "value": r["value"], "unit": r["unit"], "actor": None})
    return out


def _in_period(year: int | None, since: int | None, until: int | None) -> bool:
    """As `event_filter`: with either bound, an item of unknown year is left out."""
    if since is None and until is None:
        return True
    return year is not None and (since is None or year >= since) and (until is None or year <= until)


def _balance_rows(years: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"section": "balance", "date": str(y["year"]), "year": y["year"], "item": "balance",
             "detail": f"cooperation {y['cooperation']:+.1f}, conflict {y['conflict']:+.1f},"
                       f" balance {y['balance']:+.1f} over {y['events']} events", "status": None,
             "num_articles": y["articles"], "num_sources": None, "evidence": None, "doc_id": None, "path": None,
             "url": None, "value": y["balance"], "unit": None, "actor": None}
            for y in years]


# -- people and quotes of a pair -------------------------------------------------------------------------------------

def _people_rows(store: Store, countries: tuple[str, ...], doc_ids: set[str]) -> list[dict[str, Any]]:
    """People of either country named in these documents: their most frequent role, how many documents name them,
    and the sentence of their first mention in the earliest of those documents."""
    if not doc_ids:
        return []
    ids = sorted(doc_ids)
    rows = store.rows(
        "SELECT n.doc_id, n.entity_id, n.name, n.role, n.country, d.published, d.path, d.url FROM entities n"
        f" JOIN documents d ON d.id = n.doc_id WHERE n.type = 'PERSON' AND n.doc_id IN ({_marks(ids)})"
        f" AND n.country IN ({_marks(countries)}) ORDER BY d.published, n.doc_id, n.entity_id",
        [*ids, *countries])
    people: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        people[(r["name"], r["country"])].append(r)
    firsts = _first_mentions(store, [(seen[0]["doc_id"], seen[0]["entity_id"]) for seen in people.values()])
    out = []
    for (name, country), seen in people.items():
        first = seen[0]
        roles = Counter(r["role"] for r in seen if r["role"])
        out.append({"section": "people", "date": first["published"], "year": _year(first["published"]),
                    "item": name, "detail": min(roles, key=lambda role: (-roles[role], role)) if roles else None,
                    "status": None, "num_articles": len({r["doc_id"] for r in seen}), "num_sources": None,
                    "evidence": firsts.get((first["doc_id"], first["entity_id"])), "doc_id": first["doc_id"],
                    "path": first["path"], "url": first["url"], "value": None, "unit": None, "actor": country})
    return out


def _first_mentions(store: Store, entities: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The sentence in which each (document, entity) is first mentioned, split as the pipeline splits text."""
    from ..nlp.sentences import split_sentences

    out: dict[tuple[str, str], str] = {}
    wanted: dict[str, set[str]] = defaultdict(set)
    for doc_id, entity_id in entities:
        wanted[doc_id].add(entity_id)
    for doc_id, record in _records(store, set(wanted)).items():
        text = record["text"]
        for entity in record.get("entities", []):
            if entity["id"] not in wanted[doc_id] or not entity.get("mentions"):
                continue
            at = min(m["start"] for m in entity["mentions"])
            paragraph = next((p for p in record.get("paragraphs", []) if p["start"] <= at < p["end"]),
                             {"start": 0, "end": len(text), "language": record.get("language")})
            chunk = text[paragraph["start"]:paragraph["end"]]
            spans = split_sentences(chunk, paragraph.get("language") or record.get("language") or "en")
            start, end = next(((s, e) for s, e in spans if s <= at - paragraph["start"] < e), (0, len(chunk)))
            out[(doc_id, entity["id"])] = chunk[start:end]
    return out


def _quote_rows(store: Store, countries: tuple[str, ...], doc_ids: set[str]) -> list[dict[str, Any]]:
    """Direct quotes in these documents whose speaker is a person or body of either country, as reported (in the
    document's language): item the speaker, detail the speaker's role, evidence the quoted words."""
    if not doc_ids:
        return []
    ids = sorted(doc_ids)
    rows = store.rows(
        "SELECT q.doc_id, q.n, q.text, q.speaker_name, n.name, n.role, n.country, d.published, d.path, d.url"
        " FROM quotes q JOIN entities n ON n.doc_id = q.doc_id AND n.entity_id = q.speaker"
        f" JOIN documents d ON d.id = q.doc_id WHERE q.doc_id IN ({_marks(ids)})"
        f" AND n.country IN ({_marks(countries)}) ORDER BY d.published, q.doc_id, q.n", [*ids, *countries])
    return [{"section": "quotes", "date": r["published"], "year": _year(r["published"]),
             "item": r["name"] or r["speaker_name"], "detail": r["role"], "status": None, "num_articles": 1,
             "num_sources": None, "evidence": r["text"], "doc_id": r["doc_id"], "path": r["path"], "url": r["url"],
             "value": None, "unit": None, "actor": r["country"]} for r in rows]


def _records(store: Store, doc_ids: set[str]) -> dict[str, dict[str, Any]]:
    """Each document's stored record, parsed."""
    ids = sorted(doc_ids)
    return {row["id"]: json.loads(row["record"]) for chunk in _chunks(ids)
            for row in store.rows(f"SELECT id, record FROM documents WHERE id IN ({_marks(chunk)})", chunk)}


def _marks(values: Iterable[Any]) -> str:
    return ", ".join("?" for _ in values)


def _chunks(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    """Bounded IN lists."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


# -- documents, headline figures, balance, top events -----------------------------------------------------------------

DOCUMENT_COLUMNS = ["doc_id", "title", "outlet", "published", "url", "path", "language", "story_id"]


@public_query
def document_rows(store: Store, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
    """What a citation needs of each document (title, outlet, date, link), newest first."""
    ids = sorted(set(doc_ids))
    out = [row for chunk in _chunks(ids) for row in store.rows(
        "SELECT id AS doc_id, title, outlet, published, url, path, language, story_id FROM documents"
        f" WHERE id IN ({_marks(chunk)})", chunk)]
    return sorted(out, key=lambda d: (d["published"] or "", d["doc_id"]), reverse=True)


@public_query
def headline(store: Store, *, between: tuple[str, str] | None = None, actor: str | None = None,
             since: int | None = None, until: int | None = None, types: Iterable[str] = (),
             statuses: Iterable[str] = ()) -> dict[str, Any]:
    """The figures a brief opens with, for a pair (`between`) or one actor, over the period: merged events (and how
    many of them planned), the articles reporting them, their independent sources (stories) and outlets, partners
    (for an actor), the first and last event dates, the date of the last contact (as the profile's), and the
    cooperation, conflict and balance of the events that took place (the sums of `balance`)."""
    period = {"between": between, "actor": actor, "since": since, "until": until}
    where, params = event_filter(**period, types=types, statuses=statuses)
    condition = " AND ".join(where)
    counts = store.rows(
        "SELECT COUNT(*) AS events, COUNT(CASE WHEN m.status = 'planned' THEN 1 END) AS planned,"
        f" MIN(m.date) AS first, MAX(m.date) AS last FROM merged_events m WHERE {condition}", params)[0]
    counts |= store.rows(
        "SELECT COUNT(DISTINCT k.doc_id) AS articles, COUNT(DISTINCT COALESCE(d.story_id, d.id)) AS sources,"
        " COUNT(DISTINCT COALESCE(d.outlet, 'story:' || COALESCE(d.story_id, d.id))) AS outlets"
        " FROM merged_event_members k JOIN documents d ON d.id = k.doc_id"
        f" WHERE k.merged_id IN (SELECT m.id FROM merged_events m WHERE {condition})", params)[0]
    years = balance(store, **period, types=types, statuses=statuses)
    # the last contact is among the contacts of the newest date (within the types and statuses asked): read only those
    held = {"types": [t for t in ["CONSULT"] if not types or t in types],
            "statuses": [s for s in ("occurred", "ongoing") if not statuses or s in statuses]}
    held_where, held_params = event_filter(**period, **held)
    newest = store.scalar(f"SELECT MAX(m.date) FROM merged_events m WHERE {' AND '.join(held_where)}",
                          held_params) if held["types"] and held["statuses"] else None
    last = last_contact(event_rows(store, **period, **held, date=newest)) if newest else None
    out = {"events": int(counts["events"] or 0), "planned": int(counts["planned"] or 0),
           "articles": int(counts["articles"] or 0), "sources": int(counts["sources"] or 0),
           "outlets": int(counts["outlets"] or 0), "first": counts["first"], "last": counts["last"],
           "last_contact": last["date"] if last else None,
           "cooperation": sum(y["cooperation"] for y in years), "conflict": sum(y["conflict"] for y in years),
           "balance": sum(y["balance"] for y in years)}
    if actor:
        partners = store.rows(
            "SELECT COUNT(DISTINCT CASE WHEN m.actor1 = ? THEN m.actor2 ELSE m.actor1 END) AS n FROM merged_events m"
            f" WHERE {condition} AND m.actor1 IS NOT NULL AND m.actor2 IS NOT NULL"
            " AND m.actor1 <> m.actor2", [actor, *params])
        out["partners"] = int(partners[0]["n"] or 0)
    return out


@public_query
def balance(store: Store, *, between: tuple[str, str] | None = None, actor: str | None = None,
            since: int | None = None, until: int | None = None, types: Iterable[str] = (),
            statuses: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Cooperation (positive weights), conflict (negative weights), their sum, events and articles per year, for the
    events between a pair or of one actor that took place (planned, denied and hypothetical events do not count).
    Counted in the store by year, type and mode: a country with tens of thousands of events answers in milliseconds."""
    where, params = event_filter(between=between, actor=actor, since=since, until=until, types=types,
                                 statuses=statuses)
    rows = store.rows("SELECT m.year, m.type, m.mode, COUNT(*) AS n, SUM(m.num_articles) AS articles"
                      f" FROM merged_events m WHERE {' AND '.join(where)} AND m.status IN ('occurred', 'ongoing')"
                      " AND m.year IS NOT NULL GROUP BY m.year, m.type, m.mode ORDER BY m.year, m.type, m.mode", params)
    by_year: dict[int, dict[str, Any]] = {}
    for r in rows:
        year = by_year.setdefault(int(r["year"]), {"year": int(r["year"]), "events": 0, "cooperation": 0.0,
                                                   "conflict": 0.0, "balance": 0.0, "articles": 0})
        w = weight(r["type"], r["mode"]) * r["n"]
        year["cooperation" if w > 0 else "conflict"] += w if w else 0.0
        year["balance"] += w
        year["events"] += int(r["n"])
        year["articles"] += int(r["articles"] or 0)
    return list(by_year.values())


@public_query
def top_events(store: Store, *, between: tuple[str, str] | None = None, actor: str | None = None,
               since: int | None = None, until: int | None = None, limit: int = 10) -> list[dict[str, Any]]:
    """The most reported events: by independent sources, then articles, then the newest; as `event_rows`."""
    ranked = sorted(event_rows(store, between=between, actor=actor, since=since, until=until),
                    key=lambda ev: (-ev["num_sources"], -ev["num_articles"]))
    return ranked[:limit]
