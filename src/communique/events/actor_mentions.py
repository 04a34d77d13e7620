"""Actor mentions per sentence, as the `events` stage sees them.

The `entities` stage owns actor resolution (`entities.actor_mentions`): every span that names an actor —
country, person, organisation, place, demonym, seat of power — with the code it acts for. This module groups
them by sentence, drops the ones with no code (a person whose country is unknown cannot be coded), and maps an
organ to the organisation it acts for in event coding (European Parliament → EU; data/plover.toml).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..actors import entities
from ..datafiles import load_data
from ..records import Article

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
    sector: str | None = None      # the type it acts as (GOV, MIL, COP, REB, NGO ...), when the text says


def actor_mentions(article: Article) -> dict[int, list[ActorMention]]:
    """Coded actor mentions grouped by sentence index, in text order."""
    parents = actor_parents()
    found: dict[int, list[ActorMention]] = {}
    for m in entities.actor_mentions(article):
        if not m.code:
            continue
        found.setdefault(m.sentence, []).append(
            ActorMention(m.sentence, m.start, m.end, m.text, parents.get(m.code, m.code), m.kind, m.entity,
                         m.sector))
    for mentions in found.values():
        mentions.sort(key=lambda m: m.start)
    return found


@functools.lru_cache(maxsize=1)
def actor_parents() -> dict[str, str]:
    """Organ → organisation it acts for in event coding (data/plover.toml [actor_parents])."""
    return load_data("plover.toml").get("actor_parents", {})
