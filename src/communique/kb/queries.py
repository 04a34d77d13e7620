"""The knowledge base's questions: events, evidence, relations, actors, search and bilateral profiles.

Events are merged across articles first (`communique.kb.merge`); queries return pandas DataFrames with
documented, stable columns (see docs/exports.md).
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..datafiles import data_languages, language_data, load_data
from .stories import fold

if TYPE_CHECKING:
    from .store import Store

EVENT_COLUMNS = ["id", "date", "year", "type", "mode", "actor1", "actor2", "mutual", "status", "num_articles",
                 "num_sources", "num_outlets", "confidence", "weight", "evidence", "doc_id", "path", "url", "title"]


# -- data ---------------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def plover_weights() -> dict[str, dict[str, Any]]:
    """Per PLOVER type: weight (-10..+10), cameo_root, quad_class, mode_codes (data/plover_weights.toml)."""
    return load_data("plover_weights.toml")["types"]


def weight(event_type: str) -> float:
    return float(plover_weights().get(event_type, {}).get("weight", 0.0))


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

def events(store: Store, *, between: tuple[str, str] | None = None, actor: str | None = None,
           since: int | None = None, until: int | None = None, types: Iterable[str] = (),
           statuses: Iterable[str] = (), limit: int | None = None) -> pd.DataFrame:
    """Merged events, newest first. `between` two actor codes (either order); `since`/`until` years (undated
    events are left out when either is given)."""
    return pd.DataFrame(event_rows(store, between=between, actor=actor, since=since, until=until, types=types,
                                   statuses=statuses, limit=limit), columns=EVENT_COLUMNS)


def event_rows(store: Store, *, between: tuple[str, str] | None = None, actor: str | None = None,
               since: int | None = None, until: int | None = None, types: Iterable[str] = (),
               statuses: Iterable[str] = (), limit: int | None = None, offset: int = 0,
               text: str | None = None) -> list[dict[str, Any]]:
    """`events` as plain dicts (None for missing values); with `limit`, `offset` skips that many first (a page);
    `text` keeps events whose evidence contains it."""
    where, params = event_filter(between=between, actor=actor, since=since, until=until, types=types,
                                 statuses=statuses, text=text)
    sql = ("SELECT m.*, d.path, d.url, d.title FROM merged_events m JOIN documents d ON d.id = m.doc_id"
           f" WHERE {' AND '.join(where)} ORDER BY m.date IS NULL, m.date DESC, m.type, m.id")
    if limit:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    rows = store.rows(sql, params)
    for row in rows:
        row["mutual"] = bool(row["mutual"])
        row["weight"] = weight(row["type"])
    return [{c: row.get(c) for c in EVENT_COLUMNS} for row in rows]


def count_events(store: Store, **filters: Any) -> int:
    """How many merged events `event_rows` would return with these filters (no limit)."""
    where, params = event_filter(**filters)
    return int(store.scalar(f"SELECT COUNT(*) FROM merged_events m WHERE {' AND '.join(where)}", params))


def event_filter(*, between: tuple[str, str] | None = None, actor: str | None = None, since: int | None = None,
                 until: int | None = None, types: Iterable[str] = (), statuses: Iterable[str] = (),
                 text: str | None = None) -> tuple[list[str], list[Any]]:
    """WHERE conditions over merged events `m` and their parameters (values only ever travel as parameters)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if text:
        escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append("LOWER(m.evidence) LIKE ? ESCAPE '\\'")
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


def evidence(store: Store, merged_ids: Iterable[str]) -> pd.DataFrame:
    """Every report behind the given merged events: its sentence and document."""
    ids = sorted(set(merged_ids))
    columns = ["merged_id", "doc_id", "event_id", "evidence", "date", "status", "story_id", "outlet", "path", "url",
               "title", "published", "language", "also_evidence"]
    if not ids:
        return pd.DataFrame(columns=columns)
    rows = store.rows(
        "SELECT k.merged_id, e.doc_id, e.event_id, e.evidence, e.date, e.status, d.story_id, d.outlet, d.path,"
        " d.url, d.title, d.published, d.language, e.also_evidence FROM merged_event_members k"
        " JOIN events e ON e.doc_id = k.doc_id AND e.event_id = k.event_id JOIN documents d ON d.id = e.doc_id"
        f" WHERE k.merged_id IN ({', '.join('?' for _ in ids)}) ORDER BY k.merged_id, d.published, e.doc_id,"
        " e.event_id", ids)
    for row in rows:
        row["also_evidence"] = json.loads(row["also_evidence"] or "[]")
    return pd.DataFrame(rows, columns=columns)


RELATION_COLUMNS = ["partner", "events", "cooperation", "conflict", "balance", "articles", "first", "last",
                    "top_types"]


def relations(store: Store, country: str, *, since: int | None = None) -> pd.DataFrame:
    """Partners of `country` ranked by merged events, with the cooperation/conflict balance (documented weights)."""
    by_partner: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in event_rows(store, actor=country, since=since):
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


SEARCH_COLUMNS = ["doc_id", "score", "published", "language", "title", "snippet", "path", "url", "story_id"]
_WORD = re.compile(r"\w+")
_PHRASE = re.compile(r'"([^"]*)"|(\S+)')


def parse_query(query: str) -> list[list[str]]:
    """Terms of a search: every bare word must occur; a "quoted phrase" must occur as written. Folded words only,
    so nothing of the user's text reaches the full-text syntax."""
    terms = []
    for phrase, word in _PHRASE.findall(query):
        words = _WORD.findall(fold(phrase or word))
        if phrase and words:
            terms.append(words)
        else:
            terms += [[w] for w in words]
    return terms


def search(store: Store, query: str, *, limit: int = 20) -> pd.DataFrame:
    """Documents matching the query, accent- and case-insensitively, with a snippet around the first match."""
    terms = parse_query(query)
    if not terms:
        return pd.DataFrame(columns=SEARCH_COLUMNS)
    rows = store.search_rows(terms, limit)
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), terms)
    return pd.DataFrame(rows, columns=SEARCH_COLUMNS)


def snippet(text: str, terms: list[list[str]], width: int = 160) -> str:
    folded = fold(text)
    positions = [m.start() for words in terms
                 if (m := re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", folded))]
    at = min(positions) if positions else 0
    start = max(0, at - width // 3)
    piece = " ".join(text[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


# -- bilateral profile ----------------------------------------------------------------------------------------------

PROFILE_COLUMNS = ["section", "date", "year", "item", "detail", "status", "num_articles", "num_sources", "evidence",
                   "doc_id", "path", "url"]


def profile(store: Store, a: str, b: str) -> pd.DataFrame:
    """Everything the store knows about relations between countries `a` and `b`, one row per item.

    Sections: relations established, partnership, missions, agreements, contacts (visits, calls and meetings by
    level), facts (trade and other figures), balance (cooperation and conflict by year), last contact. Every item
    carries its evidence sentence and the document it comes from.
    """
    merged = event_rows(store, between=(a, b))
    rows: list[dict[str, Any]] = []
    words = profile_words()
    roles = _event_roles(store, [ev["id"] for ev in merged])
    places = _event_places(store, [ev["id"] for ev in merged])
    reports = _reports_by_event(store, [ev["id"] for ev in merged])
    for ev in merged:
        sentences = [ev] + [r for r in reports.get(ev["id"], []) if r["evidence"] != ev["evidence"]]

        def item(section: str, what: str, detail: Any, said_by: dict[str, Any] = ev) -> dict[str, Any]:
            return {"section": section, "date": ev["date"], "year": ev["year"], "item": what, "detail": detail,
                    "status": ev["status"], "num_articles": ev["num_articles"], "num_sources": ev["num_sources"],
                    "evidence": said_by["evidence"], "doc_id": said_by["doc_id"], "path": said_by["path"],
                    "url": said_by["url"]}

        # an anniversary says when relations were established only when the event was dated by it ("the 30th
        # anniversary of the establishment of relations", marked in 2023: 1993), never by the celebration itself
        reported = min((r["published"] for r in reports.get(ev["id"], []) if r.get("published")), default=None)
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
                    rows.append(item("missions", f"{mission} {opened}".strip(),
                                     ", ".join(places.get(ev["id"], [])) or None, said))
                    break
        if ev["type"] == "AGREE" and (ev["mode"] == "sign" or _saying(sentences, words["agreement_words"])):
            said = _saying(sentences, words["agreement_words"]) or ev
            rows.append(item("agreements", "signed" if ev["mode"] == "sign" else "agreed",
                             _agreement_title(said["evidence"]), said))
        if ev["type"] == "CONSULT":
            said = _saying(sentences, words["political_consultations"])
            rows.append(item("contacts", "political consultations" if said else (ev["mode"] or "contact"),
                             _level(roles.get(ev["id"], [])), said or ev))
    rows += _fact_rows(store, a, b)
    rows += _balance_rows(merged)
    contacts = [r for r in rows if r["section"] == "contacts" and r["status"] in ("occurred", "ongoing") and r["date"]]
    if contacts:
        last = max(contacts, key=lambda r: (r["date"], r["num_articles"]))
        rows.append({**last, "section": "last contact"})
    order = {s: n for n, s in enumerate(["relations established", "partnership", "missions", "agreements",
                                          "contacts", "last contact", "facts", "balance"])}
    rows.sort(key=lambda r: (order[r["section"]], r["date"] is None, r["date"] or "", r["item"]))
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


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


def _fact_rows(store: Store, a: str, b: str) -> list[dict[str, Any]]:
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
        out.append({"section": "facts", "date": period, "year": year,
                    "item": r["type"], "detail": f"{r['value']:g} {r['unit']}", "status": None, "num_articles": 1,
                    "num_sources": 1, "evidence": r["evidence"], "doc_id": r["doc_id"], "path": r["path"],
                    "url": r["url"]})
    return out


def balance_by_year(merged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cooperation (positive weights), conflict (negative weights) and their sum per year, for events that took
    place (planned, denied and hypothetical events do not count)."""
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for ev in merged:
        if ev["status"] in ("occurred", "ongoing") and ev["year"] is not None:
            by_year[int(ev["year"])].append(ev)
    out = []
    for year in sorted(by_year):
        weights = [ev["weight"] for ev in by_year[year]]
        out.append({"year": year, "events": len(weights), "cooperation": sum(w for w in weights if w > 0),
                    "conflict": sum(w for w in weights if w < 0), "balance": sum(weights),
                    "articles": sum(ev["num_articles"] for ev in by_year[year])})
    return out


def _balance_rows(merged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"section": "balance", "date": str(y["year"]), "year": y["year"], "item": "balance",
             "detail": f"cooperation {y['cooperation']:+.1f}, conflict {y['conflict']:+.1f},"
                       f" balance {y['balance']:+.1f} over {y['events']} events", "status": None, "num_articles": y["articles"],
             "num_sources": None, "evidence": None, "doc_id": None, "path": None, "url": None}
            for y in balance_by_year(merged)]
