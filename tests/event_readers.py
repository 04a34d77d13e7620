"""What the event tests read of `communique.extract`: the events of one text in the shapes the tests compare
(triples, directed pairs, unordered pairs, codes), so each test file states its sentences and expectations only."""
from __future__ import annotations

from collections.abc import Collection
from typing import Any

from communique import extract

PUBLISHED = "2024-05-10"          # a Friday: "on Thursday" is 2024-05-09


def _code(actor: dict[str, Any] | None) -> str | None:
    return (actor or {}).get("code")


def events_of(text: str, types: str | Collection[str] | None = None, *, published: str = PUBLISHED) -> list[dict]:
    """The event records of TEXT, of one type or of any of several (all with None)."""
    wanted = {types} if isinstance(types, str) else types
    return [e for e in extract(text, published=published)["events"] if wanted is None or e["type"] in wanted]


def triples(text: str, *, published: str = PUBLISHED, mutual_both_ways: bool = False) -> set[tuple[str, str, str]]:
    """(type, source, target) of every event; a mutual event also target to source with ``mutual_both_ways``."""
    out = set()
    for e in events_of(text, published=published):
        out.add((e["type"], _code(e["source"]), _code(e["target"])))
        if mutual_both_ways and e["mutual"]:
            out.add((e["type"], _code(e["target"]), _code(e["source"])))
    return out


def directions(text: str, types: str | Collection[str], *, published: str = PUBLISHED) -> set[tuple[str, str]]:
    """(source, target) of the events of the type(s)."""
    return {(_code(e["source"]), _code(e["target"])) for e in events_of(text, types, published=published)}


def pairs(text: str, types: str | Collection[str], *, published: str = PUBLISHED) -> set[frozenset[str]]:
    """The two sides of each event of the type(s), whichever acted."""
    return {frozenset(p) for p in directions(text, types, published=published)}


def codes(text: str, *, published: str = PUBLISHED) -> set[str]:
    """Every actor code that takes part in an event."""
    return {c for e in events_of(text, published=published) for c in (_code(e["source"]), _code(e["target"]))}
