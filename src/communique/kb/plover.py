"""The PLOVER export: merged events as PLOVER/POLECAT records, with the actors' words, country, sector and role.

Field names follow PLOVER's standardised records (the gold standard records and the POLECAT release): ``id``,
``date``, ``event``, ``mode``, ``context``, ``source``/``target`` (lists of actors with ``actorText``, ``code``,
``country``, ``sector``, ``role``, ``name``), ``eventText`` (the words that state the event), ``text`` (the
sentence), ``location`` (``name``, ``country``, ``lat``, ``lon``, GeoNames id as ``featureId``), ``language``,
``publication``, ``url`` (the article's address where the record has one, else its file path) and the
store's own ``mutual``, ``status``, ``datePrecision``, ``numArticles``, ``numSources``, ``cameo`` and ``evidence``.
Every record has every key (null when unknown); ``context`` is a list, from the type and mode
(``data/plover_contexts.toml``).
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ..actors.codes import actor_code, cameo_actor
from ..datafiles import load_data
from ..events.cameo import plover_sides
from ..version import __version__
from .geography import event_geo
from .queries import _records

if TYPE_CHECKING:
    from .store import Store


@functools.cache
def _contexts() -> dict[str, Any]:
    return load_data("plover_contexts.toml")


def contexts(event_type: str, mode: str | None) -> list[str]:
    """PLOVER contexts of a type and mode: the mode's where it has them, else the type's."""
    table = _contexts().get("types", {}).get(event_type, {})
    return list(table.get("modes", {}).get(mode or "", table.get("contexts", [])))


def plover_records(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PLOVER records of merged events with their reports (`export_rows`): the actors and event words are read from
    the stored record of each event's best report."""
    best = {row["id"]: _best_report(row) for row in rows}
    records = _records(store, {r["doc_id"] for r in best.values() if r})
    return [plover_record(row, _event_of(records, best[row["id"]])) for row in rows]


def _best_report(row: dict[str, Any]) -> dict[str, Any] | None:
    """The report whose sentence is the merged event's evidence (else its first)."""
    reports = row.get("reports") or []
    return next((r for r in reports if r["doc_id"] == row["doc_id"] and r["evidence"] == row["evidence"]),
                reports[0] if reports else None)


def _event_of(records: dict[str, dict[str, Any]], report: dict[str, Any] | None) -> dict[str, Any]:
    """The report's event in its document's record, with the document's entities by id under ``_entities``."""
    if not report or report["doc_id"] not in records:
        return {}
    record = records[report["doc_id"]]
    event = next((e for e in record.get("events", []) if e["id"] == report["event_id"]), {})
    return {**event, "_entities": {e["id"]: e for e in record.get("entities", [])}}


def plover_record(row: dict[str, Any], event: dict[str, Any] | None = None) -> dict[str, Any]:
    """A merged event in PLOVER's standardised JSON field names (`event`: its best report's event in the stored
    record, for the actors' words and the event words)."""
    event = event or {}
    first = _best_report(row) or {}
    entities = event.get("_entities", {})
    geo = event_geo(row)
    trigger = event.get("trigger") or {}
    # a hosting names the host first in PLOVER (CAMEO 043), the guest first in the project's records
    source, target = plover_sides(row["mode"], _actors(row["actor1"], event.get("source") or {}, entities),
                                  _actors(row["actor2"], event.get("target") or {}, entities))
    return {
        "id": f"COMMUNIQUE-{row['id']}", "date": row["date"], "datePrecision": row.get("date_precision"),
        "event": row["type"], "mode": row["mode"], "context": contexts(row["type"], row["mode"]),
        "source": source, "target": target,
        "eventText": trigger.get("text"), "text": row["evidence"],
        "location": {"name": geo["FullName"], "country": geo["iso"], "lat": _number(geo["Lat"]),
                     "lon": _number(geo["Long"]), "featureId": geo["FeatureID"]} if geo else None,
        "mutual": row["mutual"], "status": row["status"], "language": first.get("language"),
        "publication": first.get("outlet"), "url": first.get("url") or first.get("path"),
        "numArticles": row["num_articles"], "numSources": row["num_sources"], "cameo": row.get("cameo_code"),
        "coder": "communique", "version": __version__,
        "evidence": [{"text": r["evidence"], "doc_id": r["doc_id"], "url": r["url"] or r["path"],
                      "publication": r["outlet"], "published": r["published"], "language": r["language"]}
                     for r in row["reports"]],
    }


def _actors(code: str | None, ref: dict[str, Any], entities: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """An event side as PLOVER's actor list: the words of the text, the code, the actor's country, sector and role
    (from the person or organisation named, where there is one)."""
    if not code:
        return []
    actor = actor_code(code)
    entity = entities.get(ref.get("entity") or "", {})
    return [{"actorText": ref.get("text") or entity.get("name") or (actor.name if actor else code), "code": code,
             "cameo": cameo_actor(code, ref.get("sector")), "country": entity.get("country") or (actor.country if actor
                                                                                                  else None),
             "sector": ref.get("sector") or entity.get("sector") or (actor.type_code if actor else None),
             "role": entity.get("role"), "name": entity.get("name") if entity.get("type") == "PERSON" else None}]


def _number(value: Any) -> float | None:
    return None if value in (None, "") else float(value)
