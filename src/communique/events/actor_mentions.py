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
from ..actors.gazetteer import BREAKAWAY
from ..datafiles import language_data, load_data
from ..records import Article, Token

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


def breakaway(m: ActorMention) -> bool:
    """A breakaway region (data/countries.toml ``[breakaway]``): a place of its state, whose own authorities are no
    voice of that state, so an act it takes part in is none between states."""
    return m.sector == BREAKAWAY


def actor_mentions(article: Article) -> dict[int, list[ActorMention]]:
    """Coded actor mentions grouped by sentence index, in text order."""
    parents = actor_parents()
    found: dict[int, list[ActorMention]] = {}
    for m in entities.actor_mentions(article):
        if not m.code:
            continue
        # a breakaway region acts for itself, not its state: a code of its own keeps it apart from the state
        # ("Georgia condemned the visit to Abkhazia" is no act of Georgia on itself); its events are dropped
        code = f"{m.code}-{m.entity or m.text}" if m.sector == BREAKAWAY else parents.get(m.code, m.code)
        found.setdefault(m.sentence, []).append(
            ActorMention(m.sentence, m.start, m.end, m.text, code, m.kind, m.entity, m.sector))
    for mentions in found.values():
        mentions.sort(key=lambda m: m.start)
    return dateline_references(article, institution_references(article, found))


def institution_references(article: Article, found: dict[int, list[ActorMention]]) -> dict[int, list[ActorMention]]:
    """"... the Chinese Embassy in recent days ... The Embassy is urged to adhere to them": a bare definite noun of
    an institution (``[definite] nouns`` after ``[definite] articles`` in data/lang/<iso>/discourse.toml, with no
    phrase of its own) refers back to the latest organisation named before whose name holds that noun; one with
    none before, forward to the first named after ("La Cancillería informó ... la Cancillería boliviana recalcó")."""
    latest: dict[str, ActorMention] = {}          # institution noun -> latest organisation named with it
    pending: list[tuple[int, Token, str]] = []    # bare nouns with no organisation named before
    for index, sentence in enumerate(article.sentences):
        words = definite_words(sentence.language)
        here = found.get(index, [])
        for t in sentence.tokens if words["nouns"] else ():
            noun = t.text.lower()
            if noun not in words["nouns"] or t.i == 0 or any(m.start <= t.start < m.end for m in here):
                continue
            before = sentence.tokens[t.i - 1]
            bare = before.text.lower() in words["articles"] and before.head == t.i and not any(
                k.head == t.i and k.dep.split(":")[0] in ("prep", "nmod", "amod", "compound", "appos", "acl")
                for k in sentence.tokens)
            if bare and noun in latest:
                ref = latest[noun]
                here.append(ActorMention(index, t.start, t.end, t.text, ref.code, ref.kind, ref.entity, ref.sector))
            elif bare and not latest:
                pending.append((index, t, noun))
        for m in here:
            if m.kind == "org":
                for w in m.text.lower().split():
                    if w in words["nouns"]:
                        latest[w] = m
                        for n, t, noun in [p for p in pending if p[2] == w]:
                            found.setdefault(n, []).append(ActorMention(n, t.start, t.end, t.text, m.code, m.kind,
                                                                        m.entity, m.sector))
                            found[n].sort(key=lambda x: x.start)
                        pending = [p for p in pending if p[2] != w]
        if here:
            here.sort(key=lambda m: m.start)
            found[index] = here
    return found


def dateline_references(article: Article, found: dict[int, list[ActorMention]]) -> dict[int, list[ActorMention]]:
    """"LIMA, 3 mar. - The minister arrived in this capital": "this capital", "esta capital", "столица" with nothing
    of its own that names another place (``[dateline] nouns`` after ``determiners`` in data/lang/<iso>/discourse.toml;
    Russian may go bare) is the dateline's city: a place of the dateline's country."""
    country = (article.dateline or {}).get("country")
    if not country:
        return found
    for index, sentence in enumerate(article.sentences):
        words = dateline_words(sentence.language)
        here = found.get(index, [])
        for t in sentence.tokens if words["nouns"] else ():
            if t.lemma.lower() not in words["nouns"] or any(m.start <= t.start < m.end for m in here):
                continue
            kids = [k for k in sentence.tokens if k.head == t.i and k.i != t.i]
            marked = any(k.text.lower() in words["determiners"] for k in kids)
            if any(k.pos in ("PROPN", "NOUN", "ADJ") or k.dep.split(":")[0] in ("appos", "nmod", "prep", "amod")
                   for k in kids) or not (marked or words["bare"]):
                continue                  # "the capital of Chile", "la capital peruana", "столица Казахстана"
            here.append(ActorMention(index, t.start, t.end, t.text, country, "place"))
        if here:
            here.sort(key=lambda m: m.start)
            found[index] = here
    return found


@functools.lru_cache(maxsize=8)
def dateline_words(language: str) -> dict:
    data = (language_data(language, "discourse") or {}).get("dateline", {})
    return {"nouns": frozenset(data.get("nouns", ())), "determiners": frozenset(data.get("determiners", ())),
            "bare": bool(data.get("bare", False))}


@functools.lru_cache(maxsize=8)
def definite_words(language: str) -> dict[str, frozenset[str]]:
    data = (language_data(language, "discourse") or {}).get("definite", {})
    return {"nouns": frozenset(data.get("nouns", ())), "articles": frozenset(data.get("articles", ()))}


@functools.lru_cache(maxsize=1)
def actor_parents() -> dict[str, str]:
    """Organ → organisation it acts for in event coding (data/plover.toml [actor_parents])."""
    return load_data("plover.toml").get("actor_parents", {})
