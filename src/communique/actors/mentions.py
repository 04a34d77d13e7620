"""What the `entities` stage finds, shared by its parts: spans found in a sentence (:class:`Found`), the people
they name (:class:`Person`), and the actor mentions handed to the `events` stage (:class:`ActorMention`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Article, Sentence
from .gazetteer import Match, Tok, gazetteer, tokenize

#: gazetteer kinds that are a mention of a country
COUNTRY_KINDS = {"country", "demonym", "seat", "capital"}

#: roles that relate a person to another rather than name an office
RELATIONAL_ROLES = {"counterpart"}

@dataclass(slots=True)
class ActorMention:
    """One span that denotes an actor, for the events stage.

    `code`: ISO3 country code or organisation acronym the span stands for (a person's or ministry's country);
    `entity`: id of the entity in ``article.entities``; `kind`: country, demonym, seat, place, org, person;
    `token_start`/`token_end`: token span in ``article.sentences[sentence].tokens`` (end exclusive);
    `descriptive`: a description resolved to a person ("the Kazakh official"); `qualifies`: for a demonym or
    country inside a person's title, that person's entity id.
    """

    sentence: int
    start: int
    end: int
    text: str
    code: str | None
    entity: str | None
    kind: str
    token_start: int
    token_end: int
    role: str | None = None
    descriptive: bool = False
    qualifies: str | None = None
    taught: bool = False                     # a person introduced by an explicit title with role and country
    sector: str | None = None                # the type it acts as: GOV, MIL, COP, REB, OPP, NGO ... ("Israeli troops")


@dataclass(slots=True)
class Person:
    key: str                           # canonical name, folded
    name: str
    country: str | None = None
    role: str | None = None
    sector: str | None = "GOV"
    known: bool = False
    mentions: list[tuple[int, int, int]] = field(default_factory=list)   # (sentence, start, end)
    first: int = 0
    hosts: set[str] = field(default_factory=set)   # countries the person is posted to ("Ambassador to Cuba")
    taught: bool = False               # role and country from an explicit title in this article
    counterpart: bool = False          # introduced as someone's counterpart, with no country ("and counterpart X")
    relative: bool = False             # introduced as someone's counterpart, country or not ("su homólogo boliviano, X")
    learned: bool = False              # resolved through the store's learned actors
    spellings: set[str] = field(default_factory=set)   # the names as written ("Horacio Manuel Cartes Jara")
    side_of: tuple[int, int] | None = None   # (sentence, start) of the person they accompany ("acompañado de X")
    partners: set[tuple[int, int]] = field(default_factory=set)   # (sentence, start) of the people they met


@dataclass(slots=True)
class Found:
    """A span found in one sentence, before entities are numbered."""

    sentence: int
    start: int
    end: int
    kind: str                          # country, demonym, seat, capital, city, org, ministry, person
    code: str | None
    name: str
    country: str | None = None
    sector: str | None = None
    person: Person | None = None
    descriptive: bool = False
    qualifies: Person | None = None


def analysis_language(sentence: Sentence) -> str:
    """The language whose tables read this sentence (English for a language without its own)."""
    return sentence.language if sentence.language in ("en", "es", "ru") else "en"


@dataclass(slots=True)
class Reading:
    """A sentence as the gazetteer reads it: its tokens and the names its index spots there."""

    text: str
    language: str                      # the language of the gazetteer that read it (`analysis_language`)
    toks: list[Tok]
    matches: list[Match]


def read_sentence(sentence: Sentence) -> Reading:
    toks = tokenize(sentence.text, sentence.start)
    language = analysis_language(sentence)
    return Reading(sentence.text, language, toks, gazetteer(language).index.find(toks))


def read_sentences(article: Article) -> list[Reading]:
    """The gazetteer's reading of each sentence, made once per article and kept in its working data: the triage
    and the entities stage both read it."""
    readings = article.working.get("gazetteer")
    if readings is None or len(readings) != len(article.sentences) or \
            any(r.text != s.text for r, s in zip(readings, article.sentences)):
        readings = [read_sentence(s) for s in article.sentences]
        article.working["gazetteer"] = readings
    return readings
