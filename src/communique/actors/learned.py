"""Learned actors: people the articles themselves introduce with a title, handed to the `entities` stage as data.

An explicit "title + name" mention ("Kazakh Deputy Foreign Minister Yerzhan Ashikbayev", "el vicecanciller de
Kazajistán, Alibek Bakayev") teaches person → role, country and sector as of the article's date
(:func:`lessons`). The knowledge base keeps what was taught (`communique.kb.learned_actors`) and hands the table to
the pipeline as a stage option (:func:`with_learned_actors`: plain JSON-able data, so the settings stay picklable
and hashable, and this wing never reads the store).

In the `entities` stage, :class:`LearnedActors` answers "who is Bakayev?" for a person the article names
without a country: by full name, or by a surname only one learned person has, choosing the role the person held
closest to the article's date.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import Article
from .gazetteer import fold, is_cyrillic, latinize

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)

#: the `entities` stage option that carries the learned table
OPTION = "learned_actors"


@dataclass(frozen=True, slots=True)
class Lesson:
    """What one article teaches about one person."""

    name: str
    role: str
    country: str
    sector: str | None
    doc_id: str
    date: str | None


def surname_key(name: str) -> str:
    """The folded Latin surname a bare mention would use ("Yerzhan Ashikbayev" → "ashikbayev")."""
    words = (latinize(name) if is_cyrillic(name) else name).replace("-", " ").split()
    return fold(words[-1]) if words else ""


# --------------------------------------------------------------------------------------------- learning

def lessons(article: Article) -> list[Lesson]:
    """The people this article introduces with an explicit title that gives both a role and a country."""
    if article.failed:
        return []
    taught = {m.entity for m in article.actor_mentions if getattr(m, "taught", False) and m.entity}
    out = []
    for entity in article.entities:
        if entity.id in taught and entity.type == "PERSON" and entity.role and entity.country:
            out.append(Lesson(entity.name, entity.role, entity.country, entity.sector, article.id,
                              (article.published or "")[:10] or None))
    return out


def with_learned_actors(settings: Settings, table: Mapping[str, list[list[Any]]]) -> Settings:
    """`settings` with the learned table as an option of the `entities` stage (unchanged when it is empty)."""
    if not table:
        return settings
    options = {stage: dict(opts) for stage, opts in settings.stage_options.items()}
    options.setdefault("entities", {})[OPTION] = dict(table)
    return settings.model_copy(update={"stage_options": options})


# --------------------------------------------------------------------------------------------- resolving

@dataclass(frozen=True, slots=True)
class LearnedRole:
    name: str
    role: str
    country: str
    sector: str | None
    first_seen: str | None
    last_seen: str | None
    documents: int


class LearnedActors:
    """Look-ups in the learned table: by folded full name, or by a surname only one learned person has."""

    def __init__(self, table: Mapping[str, list[list[Any]]] | None) -> None:
        self.by_name: dict[str, list[LearnedRole]] = {}
        surnames: dict[str, set[str]] = {}
        for name, rows in (table or {}).items():
            self.by_name[fold(name)] = [LearnedRole(name, *row) for row in rows]
            surnames.setdefault(surname_key(name), set()).add(fold(name))
        self.by_surname = {s: next(iter(names)) for s, names in surnames.items() if len(names) == 1 and len(s) > 3}

    def __bool__(self) -> bool:
        return bool(self.by_name)

    def find(self, name: str) -> str | None:
        """The folded learned name `name` denotes (a full name, or a distinctive surname alone), or None."""
        key = fold(latinize(name) if is_cyrillic(name) else name)
        if key in self.by_name:
            return key
        if " " not in key.strip():
            return self.by_surname.get(surname_key(name))
        return None

    def surname(self, form: str) -> str | None:
        return self.by_surname.get(form) if len(form) > 3 else None

    def role_on(self, key: str, date: str | None) -> LearnedRole:
        """The role the person held on `date`: one seen around then, else the latest seen before, else the most
        attested."""
        roles = self.by_name[key]
        if date:
            day = date[:10]
            during = [r for r in roles if (r.first_seen or "") <= day <= (r.last_seen or "9999")]
            before = [r for r in roles if r.last_seen and r.last_seen <= day]
            if during:
                return max(during, key=lambda r: r.documents)
            if before:
                return max(before, key=lambda r: (r.last_seen or "", r.documents))
        return max(roles, key=lambda r: (r.documents, r.last_seen or ""))
