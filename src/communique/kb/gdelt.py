"""GDELT-style exports of the merged events: GDELT 1.0 (58 columns), GDELT 2.0 events (61) and mentions (16).

Tab-separated, no header, as GDELT's own files. Every row's EventCode, EventBaseCode, EventRootCode, QuadClass
and GoldsteinScale are read from one CAMEO code (`communique.events.cameo`), so they never disagree. Actor codes
are the CAMEO actor codes of `communique.actors.codes` (IGOUNO, USASPY ...), with their country, known-group and
type codes. Geo columns come from `communique.kb.geography`: ActionGeo from the event's place, Actor1Geo and
Actor2Geo from the actor's country.

Dates: GDELT's date fields must hold real dates, so a date known to the month or year is written as the first
day of that month or year (`2023-08` -> `20230801`, `1993` -> `19930101`), never `20230800`; the other exports
say which precision each date has (`date_precision`).

Only what happened is a GDELT event: planned events are left out unless asked for (``include_planned``), negated
and hypothetical ones always. A planned event that is included says so in its mentions' ``Extras``
(``<STATUS>planned</STATUS>``).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from ..actors.codes import actor_code
from ..events.cameo import event_cameo
from .geography import GEO_FIELDS, actor_geo, event_geo

if TYPE_CHECKING:
    from .store import Store

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                 "Type1Code", "Type2Code", "Type3Code")
_EVENT_FIELDS = ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                 "NumMentions", "NumSources", "NumArticles", "AvgTone"]
_DATE_FIELDS = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
_ACTORS = [f"Actor{n}{c}" for n in (1, 2) for c in _ACTOR_FIELDS]

#: GDELT 1.0's event record (the daily files since April 2013): 57 fields and SOURCEURL
GDELT1_COLUMNS = [
    *_DATE_FIELDS, *_ACTORS, *_EVENT_FIELDS,
    *[f"{p}_{c}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
#: GDELT 2.0's event record (names as in GDELT's BigQuery table gdeltv2.events): ADM2Code added to each Geo block
GDELT2_COLUMNS = [
    *_DATE_FIELDS, *_ACTORS, *_EVENT_FIELDS,
    *[f"{p}_{c}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
#: GDELT 2.0's mentions record: one row per report of an event
MENTION_COLUMNS = ["GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                   "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                   "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo",
                   "Extras"]

#: statuses a GDELT-style file holds; planned ones only when asked for
GDELT_STATUSES = ("occurred", "ongoing")
#: GDELT's MentionType for a web document
WEB = "1"


def gdelt_kept(row: dict[str, Any], include_planned: bool = False) -> bool:
    """Whether a merged event belongs in a GDELT-style file: it happened (or is planned, when asked for)."""
    return row["status"] in GDELT_STATUSES or (include_planned and row["status"] == "planned")


def global_event_id(merged_id: str) -> str:
    """A stable integer id for a merged event (48 bits of the hash of its id)."""
    return str(int(hashlib.sha256(merged_id.encode()).hexdigest()[:12], 16))


def first_day(iso: str | None) -> date | None:
    """The first day of the period an ISO date names ("2023-08" -> 2023-08-01, "1993" -> 1993-01-01)."""
    if not iso:
        return None
    parts = [int(p) for p in iso[:10].split("-")]
    try:
        return date(parts[0], *(parts[1:] + [1, 1])[:2])
    except (ValueError, TypeError):
        return None


def date_fields(iso: str | None) -> dict[str, str]:
    """SQLDATE, MonthYear, Year and FractionDate of an ISO date at any precision (empty when there is none)."""
    day = first_day(iso)
    if day is None:
        return dict.fromkeys(("SQLDATE", "MonthYear", "Year", "FractionDate"), "")
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365
    return {"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": f"{day.year:04d}",
            "FractionDate": f"{fraction:.4f}"}


def gdelt_lines(rows: list[dict[str, Any]], version: int = 1, *, include_planned: bool = False,
                added: datetime | None = None) -> Iterator[list[str]]:
    """GDELT event records (version 1: 58 columns, 2: 61) of merged events with their reports (`export_rows`)."""
    columns = GDELT2_COLUMNS if version == 2 else GDELT1_COLUMNS
    stamp = (added or datetime.now(UTC)).strftime("%Y%m%d%H%M%S" if version == 2 else "%Y%m%d")
    for row in rows:
        if not gdelt_kept(row, include_planned):
            continue
        line = dict.fromkeys(columns, "")
        line.update(event_fields(row))
        line.update({"GLOBALEVENTID": global_event_id(row["id"]), "DATEADDED": stamp,
                     "SOURCEURL": next(iter(row["urls"]), "") or ""})
        for prefix, geo in (("Actor1Geo", actor_geo(row["actor1"])), ("Actor2Geo", actor_geo(row["actor2"])),
                            ("ActionGeo", event_geo(row))):
            for field in GEO_FIELDS:
                key = f"{prefix}_{field}"
                if key in line and geo:
                    line[key] = _text(geo.get(field))
        yield [_tsv(line[c]) for c in columns]


def event_fields(row: dict[str, Any]) -> dict[str, str]:
    """The date, actor and CAMEO columns of a merged event, as GDELT writes them."""
    out = date_fields(row["date"])
    for n, code in ((1, row["actor1"]), (2, row["actor2"])):
        actor = actor_code(code)
        out[f"Actor{n}Code"] = actor.cameo if actor else (code or "")
        out[f"Actor{n}Name"] = actor.name.upper() if actor else ""
        out[f"Actor{n}CountryCode"] = (actor.country or "") if actor else ""
        out[f"Actor{n}KnownGroupCode"] = (actor.known_group or "") if actor else ""
        out[f"Actor{n}Type1Code"] = (actor.type_code or "") if actor else ""
    coded = event_cameo(row["type"], row["mode"])
    out.update({
        "IsRootEvent": "1", "EventCode": coded.code if coded else "", "EventBaseCode": coded.base if coded else "",
        "EventRootCode": coded.root if coded else "", "QuadClass": str(coded.quad_class) if coded else "",
        "GoldsteinScale": f"{coded.goldstein:.1f}" if coded else "", "NumMentions": str(len(row["reports"])),
        "NumSources": str(row["num_sources"]), "NumArticles": str(row["num_articles"]), "AvgTone": "",
    })
    return out


def mention_lines(store: Store, rows: list[dict[str, Any]], *, include_planned: bool = False,
                  added: datetime | None = None) -> Iterator[list[str]]:
    """GDELT 2.0 mentions records: one per report of each merged event kept (`gdelt_kept`)."""
    kept = [row for row in rows if gdelt_kept(row, include_planned)]
    details = _report_details(store, [(r["doc_id"], r["event_id"]) for row in kept for r in row["reports"]])
    stamp = (added or datetime.now(UTC)).strftime("%Y%m%d%H%M%S")
    for row in kept:
        event_id = global_event_id(row["id"])
        extras = "<STATUS>planned</STATUS>" if row["status"] == "planned" else ""
        for report in row["reports"]:
            found = details.get((report["doc_id"], report["event_id"]), {})
            published = first_day(report.get("published"))
            line = {
                "GlobalEventID": event_id, "EventTimeDate": stamp,
                "MentionTimeDate": published.strftime("%Y%m%d000000") if published else stamp,
                "MentionType": WEB, "MentionSourceName": report.get("outlet") or _host(report.get("url")),
                "MentionIdentifier": report.get("url") or report.get("path") or "",
                "SentenceID": found.get("sentence", ""), "Actor1CharOffset": found.get("actor1", -1),
                "Actor2CharOffset": found.get("actor2", -1), "ActionCharOffset": found.get("action", -1),
                "InRawText": "1", "Confidence": found.get("confidence", ""),
                "MentionDocLen": found.get("length", ""), "MentionDocTone": "",
                "MentionDocTranslationInfo": "", "Extras": extras,
            }
            yield [_tsv(line[c]) for c in MENTION_COLUMNS]


def _report_details(store: Store, reports: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Per report: its sentence number in the document (1 = first), the character offsets of the actors and of
    the event's trigger, its confidence as a percentage and the document's length, read from the stored records."""
    from ..nlp.sentences import split_sentences

    wanted: dict[str, set[str]] = {}
    for doc_id, event_id in reports:
        wanted.setdefault(doc_id, set()).add(event_id)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    ids = sorted(wanted)
    for start in range(0, len(ids), 200):
        chunk = ids[start:start + 200]
        for doc in store.rows(f"SELECT id, record FROM documents WHERE id IN ({', '.join('?' for _ in chunk)})",
                              chunk):
            record = json.loads(doc["record"])
            text = record.get("text") or ""
            mentions = {e["id"]: [m["start"] for m in e.get("mentions", [])] for e in record.get("entities", [])}
            sentences: list[int] | None = None
            for event in record.get("events", []):
                if event["id"] not in wanted[doc["id"]]:
                    continue
                span = event["evidence"]
                if sentences is None:
                    sentences = _sentence_starts(record, split_sentences)
                trigger = event.get("trigger") or {}
                out[(doc["id"], event["id"])] = {
                    "sentence": str(max(1, sum(1 for s in sentences if s <= span["start"]))),
                    "actor1": _offset(event["source"], mentions, span, text),
                    "actor2": _offset(event["target"], mentions, span, text),
                    "action": trigger.get("start", span["start"]),
                    "confidence": str(round(100 * float(event.get("confidence") or 0))),
                    "length": str(len(text)),
                }
    return out


def _sentence_starts(record: dict[str, Any], split: Any) -> list[int]:
    """Where each sentence of the document starts, split paragraph by paragraph as the pipeline splits text."""
    text = record.get("text") or ""
    paragraphs = record.get("paragraphs") or [{"start": 0, "end": len(text), "language": record.get("language")}]
    starts: list[int] = []
    for paragraph in paragraphs:
        chunk = text[paragraph["start"]:paragraph["end"]]
        language = paragraph.get("language") or record.get("language") or "en"
        starts += [paragraph["start"] + start for start, _ in split(chunk, language)]
    return starts


def _offset(actor: dict[str, Any], mentions: dict[str, list[int]], span: dict[str, int], text: str) -> int:
    """Where the actor is named inside the evidence sentence (its entity's mention, else its words); -1 if not."""
    inside = [m for m in mentions.get(actor.get("entity") or "", []) if span["start"] <= m < span["end"]]
    if inside:
        return inside[0]
    words = actor.get("text")
    found = text.find(words, span["start"], span["end"]) if words else -1
    return found


def _host(url: str | None) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or "" if url else ""


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _tsv(value: Any) -> str:
    return " ".join(str(value).split())
