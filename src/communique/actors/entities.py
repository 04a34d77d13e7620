"""Stage `entities`: every state, place, organisation and official mentioned, resolved to one canonical entity.

Per sentence, the gazetteer (:mod:`communique.gazetteer`) spots countries, demonyms, seats of power, capitals,
cities, organisations and well-known people by token n-grams; the parser's NER adds people it does not know;
per-language title tables (``data/lang/<iso>/actors.toml``) give roles ("First Deputy Foreign Minister of
Kazakhstan Kairat Umarov" → first deputy foreign minister, KAZ), ministries ("МИД РК") and descriptive
references ("the Kazakh official", "el líder kazajo", "глава государства"), which are resolved to a person
already named in the document. Results:

* ``article.entities``: one :class:`~communique.records.Entity` per real-world actor, with every mention;
* ``article.actor_mentions``: one :class:`ActorMention` per span that denotes an actor, with its resolved code,
  for the `events` stage (:func:`actor_mentions`).
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..records import Article, Entity, Mention, Sentence
from ..registry import Stage, stage
from .gazetteer import (
    Gazetteer,
    Match,
    PhraseTables,
    Tok,
    fold,
    gazetteer,
    is_cyrillic,
    latinize,
    latinize_name,
    name_origin_countries,
    phrase_tables,
    role_on,
    strip_accents,
    tokenize,
)
from .learned import OPTION as LEARNED_OPTION
from .learned import LearnedActors, LearnedRole

log = logging.getLogger(__name__)

PERSON_LABELS = {"PER", "PERSON"}
#: gazetteer kinds that are a mention of a country
COUNTRY_KINDS = {"country", "demonym", "seat", "capital"}
#: role values that do not narrow down who a description is ("the Kazakh leader")
_GENERIC_ROLES = {"", "leader", "diplomat", "minister"}
#: words allowed between a title and the name it introduces ("Minister of the Republic of Kazakhstan X")
_TITLE_GLUE = {"of", "the", "de", "del", "la", "el", "los", "las", "y", "and", ",", "'", "s", "republic",
               "republica", "республика", "kingdom", "reino", "federation", "federacion", "state", "estado",
               "in", "en", "в", "to", "a", "ante", "при", "и", "for", "para", "по", "-", "concurrente", "acreditado",
               "acreditada", "residente", "designado", "designada", "nuevo", "nueva", "new", "newly", "appointed",
               "non", "resident", "entonces", "then", "former", "ex", "accredited", "at", "large"}
#: words before a country that make it the host, not the official's own country ("Ambassador to Kazakhstan")
_HOST_MARKERS = {"to", "in", "en", "ante", "в", "во", "при", "a"}
#: words a place name may start with but a person's name never does ("La Paz", "San Luis")
_NOT_FIRST_NAMES = {"la", "el", "los", "las", "the", "de", "del", "san", "santa", "sao", "puerto", "ciudad"}
_NAME_PARTICLES = {"van", "von", "der", "de", "da", "do", "dos", "del", "la", "bin", "al", "el", "ibn", "di", "le"}
_DIPLOMATIC_ROLES = {"ambassador", "charge d'affaires", "consul", "consul general", "embassy counsellor",
                     "counsellor", "envoy", "special envoy"}
#: prepositions that make a capital a location rather than its government
_LOCATIVES = {"in", "at", "en", "в", "во"}
#: roles that relate a person to another rather than name an office
_RELATIONAL_ROLES = {"counterpart"}
_SENTENCE_BREAKS = {".", ";", ":", "!", "?", "(", ")", "«", "»", '"', "“", "”"}


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


@dataclass(slots=True)
class _Person:
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
    learned: bool = False              # resolved through the store's learned actors


@dataclass(slots=True)
class _Found:
    """A span found in one sentence, before entities are numbered."""

    sentence: int
    start: int
    end: int
    kind: str                          # country, demonym, seat, capital, city, org, ministry, person
    code: str | None
    name: str
    country: str | None = None
    sector: str | None = None
    person: _Person | None = None
    descriptive: bool = False
    qualifies: _Person | None = None


@stage("entities", "1", requires=("sentences",), assigns=("entities", "actor_mentions"))
class EntitiesStage(Stage):
    """Option ``learned_actors``: the store's learned table (`communique.actor_table.load_table`)."""

    transient = ("_learned",)

    def process(self, article: Article) -> None:
        article.entities, mentions = extract_entities(article, self.learned())
        article.actor_mentions = mentions

    def learned(self) -> LearnedActors:
        if getattr(self, "_learned", None) is None:
            self._learned = LearnedActors(self.options.get(LEARNED_OPTION))
        return self._learned


def actor_mentions(article: Article) -> list[ActorMention]:
    """Every span of the article that denotes an actor, with its code and entity (computed if not yet stored)."""
    if article.stages.get("entities") is None and not article.actor_mentions:
        article.entities, article.actor_mentions = extract_entities(article)
    return list(article.actor_mentions)


# --------------------------------------------------------------------------------------------- driver

def extract_entities(article: Article, learned: LearnedActors | None = None
                     ) -> tuple[list[Entity], list[ActorMention]]:
    on = _publication_date(article.published)
    people: dict[str, _Person] = {}
    found: list[_Found] = []
    sentence_toks: list[list[Tok]] = []
    for si, sentence in enumerate(article.sentences):
        toks = tokenize(sentence.text, sentence.start)
        sentence_toks.append(toks)
        found.extend(_sentence_actors(si, sentence, toks, people, on))
    _resolve_surnames(found, people)
    for si, toks in enumerate(sentence_toks):
        found.extend(_bare_surnames(si, toks, found, people))
    if learned:
        _apply_learned(found, people, learned, on)
        for si, toks in enumerate(sentence_toks):
            found.extend(_learned_surnames(si, toks, found, people, learned, on))
    found.extend(_dateline(article, sentence_toks))
    for si, sentence in enumerate(article.sentences):
        found.extend(_descriptive_references(si, sentence, sentence_toks[si], found, people))
    _diplomats_serve_the_main_country(found, people)
    _country_from_name_origin(found, people)
    found = [f for f in found if f.person is None or not _dubious(f.person)]
    return _number(article, found, people)


def _dubious(person: _Person) -> bool:
    """A lone capitalised word the model called a person, with no title, no full name and not a known figure
    ("Santiago", "La Paz", "Poch"), is more often a place or a stray word than a person."""
    words = person.name.split()
    if person.known or person.role is not None:
        return False
    return (len(words) == 1 and "-" not in person.name) or fold(words[0]) in _NOT_FIRST_NAMES


def _diplomats_serve_the_main_country(found: list[_Found], people: dict[str, _Person]) -> None:
    """An ambassador or consul whose own country is not stated serves the country the article is most about,
    unless that is where they are posted ("el embajador en Brasil y Argentina Bakytzhan Ordabayev")."""
    counts = Counter(f.country for f in found if f.kind in COUNTRY_KINDS and f.country)
    for person in people.values():
        if person.country or not person.mentions or person.role not in _DIPLOMATIC_ROLES:
            continue
        candidates = [code for code, _ in counts.most_common() if code not in person.hosts]
        # where the name says which of the countries is likelier ("chargé d'affaires Yerlan Abdykadyrov" in an
        # article mostly about Argentina), that one
        by_name = [code for code in candidates if code in name_origin_countries(person.name)]
        person.country = (by_name or candidates or [None])[0]


def _country_from_name_origin(found: list[_Found], people: dict[str, _Person]) -> None:
    """A person the text gives no country (no title, or a title without one: "La intendenta Mónica Fein",
    "Олжас Исабеков отметил") most likely belongs to the document's most mentioned country among those where such
    a name is usual (Hispanic names → Ibero-America, Russian and Central Asian names → the former USSR)."""
    counts = Counter(f.country for f in found if f.country and f.person is None
                     and f.kind in COUNTRY_KINDS | {"city", "ministry", "dateline"})
    for person in people.values():
        if person.country or person.known or not person.mentions:
            continue
        countries = name_origin_countries(person.name)
        ranked = [(code, n) for code, n in counts.most_common() if code in countries and code not in person.hosts]
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            person.country = ranked[0][0]


def _publication_date(published: str | None) -> str | None:
    """The article's date as an ISO date, month or year ("2019-03-20", "2019"), or None when unknown or odd."""
    if not published or not published[:4].isdigit():
        return None
    return published[:10]


def _sentence_actors(si: int, sentence: Sentence, toks: list[Tok], people: dict[str, _Person],
                     on: str | None) -> list[_Found]:
    gaz = gazetteer(_language(sentence))
    tables = phrase_tables(_language(sentence))
    roles = tables.roles.find(toks)
    matches = [m for m in gaz.index.find(toks) if _plausible(m, toks, gaz, tables) and not _inside_title(m, roles)]
    # institutions may sit between a title and a name ("Speaker of the National Congress ... Ana María Olivera")
    glue = matches + [m for m in tables.institutions.find(toks)
                      if not any(r.i <= m.i < r.j for r in roles)]
    persons = _person_spans(sentence, toks, glue, roles, tables)
    found: list[_Found] = []
    taken: set[int] = set()
    for i, j, normal in persons:
        person = _person_for(toks, i, j, normal, gaz, people, on)
        if person is None:
            continue
        person.mentions.append((si, toks[i].start, toks[j - 1].end))
        found.append(_Found(si, toks[i].start, toks[j - 1].end, "person", person.country, person.name,
                            person.country, person.sector, person))
        taken.update(range(i, j))
        _apply_title(si, toks, i, j, person, glue, roles, found, tables)
    for m in matches:
        if taken.intersection(range(m.i, m.j)) or m.best.kind in ("person", "region"):
            continue
        entry = m.best
        kind = entry.kind
        if kind == "capital" and m.i > 0 and toks[m.i - 1].norm in _LOCATIVES:
            kind = "city"                    # "the embassy in Moscow": where, not who
        found.append(_Found(si, toks[m.i].start, toks[m.j - 1].end, kind, entry.code, entry.name,
                            entry.country, "GOV" if kind == "seat" else None))
    found.extend(_ministries(si, toks, tables, matches))
    return found


def _inside_title(m: Match, roles: list[Match]) -> bool:
    """A name in the middle of a title is part of the portfolio, not the office holder's affiliation ("ministro de
    Asuntos Exteriores, Unión Europea y Cooperación"); one ending the title still is ("secretario general de la OEA")."""
    return any(r.i < m.i and m.j < r.j for r in roles)


def _language(sentence: Sentence) -> str:
    return sentence.language if sentence.language in ("en", "es", "ru") else "en"


def _plausible(m: Match, toks: list[Tok], gaz: Gazetteer, tables: PhraseTables) -> bool:
    """Drop readings that are common words: ambiguous country names at sentence start or before a surname,
    compound-adjective parts without their hyphen ("sino" = "but"), demonyms naming a language ("en español")."""
    kind = m.best.kind
    nxt_tok = toks[m.j] if m.j < len(toks) else None
    if kind == "combining":
        return nxt_tok is not None and nxt_tok.text == "-"
    if kind == "demonym":
        prev = toks[m.i - 1].lemma if m.i > 0 else ""
        if nxt_tok is not None and nxt_tok.lemma in tables.language_after:
            return False
        ends_phrase = nxt_tok is None or not nxt_tok.text[:1].isalpha()
        if prev in tables.language_before and ends_phrase:
            return False
    key = " ".join(t.norm for t in toks[m.i:m.j])
    if m.best.code == "GEO" and _us_state(m, toks, gaz):
        return False
    if key in gaz.ambiguous:
        if m.i == 0:
            return False
        nxt = toks[m.j].text if m.j < len(toks) else ""
        if nxt[:1].isupper():
            return False
    return True


def _us_state(m: Match, toks: list[Tok], gaz: Gazetteer) -> bool:
    """"the state of Georgia", "Atlanta, Georgia", "Georgia, USA": the U.S. state, not the country."""
    before = [t.norm for t in toks[max(0, m.i - 2):m.i]]
    after = [t.norm for t in toks[m.j:m.j + 3]]
    if before[-2:] in (["state", "of"], ["estado", "de"]) or after[:1] in (["state"], ["governor"]):
        return True
    if after[:1] == [","]:
        following = gaz.index.find(toks, m.j + 1, min(len(toks), m.j + 5))
        if following and following[0].i == m.j + 1 and following[0].best.country == "USA":
            return True
    if m.i >= 2 and toks[m.i - 1].text == ",":
        previous = [x for x in gaz.index.find(toks, max(0, m.i - 4), m.i - 1) if x.j == m.i - 1]
        return bool(previous) and previous[0].best.kind in ("city", "capital") and \
            previous[0].best.country == "USA"
    return False


# --------------------------------------------------------------------------------------------- people

def _person_spans(sentence: Sentence, toks: list[Tok], matches: list[Match], roles: list[Match],
                  tables: PhraseTables) -> list[tuple[int, int, str | None]]:
    """(first token, end token, NER normal form) of each person name in the sentence."""
    spans: list[tuple[int, int, str | None]] = []
    for ner in sentence.ner:
        if ner.label not in PERSON_LABELS:
            continue
        i, j = _tok_range(toks, ner.start, ner.end)
        if i >= j:
            continue
        i, j = _trim_person(sentence, toks, i, j, matches, roles)
        if i < j and _looks_like_name(sentence, toks, i, j, matches, tables):
            spans.append((i, j, ner.normal if ner.normal and is_cyrillic(ner.normal) else None))
    for m in matches:                       # well-known people the model missed
        if m.best.kind == "person":
            spans.append((m.i, m.j, None))
    for r in roles:                         # "Deputy Foreign Minister [of Kazakhstan] Yerzhan Ashikbayev"
        k = _skip_glue(toks, r.j, matches)
        end = _name_run(toks, k, matches)
        portfolio = [m.j for m in matches if r.j < m.i and _portfolio(toks, r.j, m.j, matches)]
        if portfolio and not (end - k >= 2 and _looks_like_name(sentence, toks, k, end, matches, tables)):
            k = portfolio[0]                 # "Minister of Investment, Industry and Trade of Uzbekistan X"
            end = _name_run(toks, k, matches)
        if end - k >= 2 and _looks_like_name(sentence, toks, k, end, matches, tables) and \
                not _inside_other_ner(sentence, toks, k, end):
            spans.append((k, end, None))
    return _merge_spans(spans)


def _tok_range(toks: list[Tok], start: int, end: int) -> tuple[int, int]:
    idx = [n for n, t in enumerate(toks) if t.start < end and t.end > start]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


def _trim_person(sentence: Sentence, toks: list[Tok], i: int, j: int, matches: list[Match],
                 roles: list[Match]) -> tuple[int, int]:
    """Cut places and titles off the edges of a NER span ("Rosario Gustavo Gutierrez", "Embajador Ruan Akim")."""
    for m in matches:
        if m.best.kind != "person" and m.i == i and m.j < j:
            i = m.j
    for r in roles:
        if r.i <= i < r.j:
            i = r.j
    while i < j and not toks[i].text[:1].isalpha():
        i += 1
    while j > i and (not toks[j - 1].text[:1].isalpha() or toks[j - 1].norm == "s"):
        j -= 1
    return i, j


def _inside_other_ner(sentence: Sentence, toks: list[Tok], i: int, j: int) -> bool:
    """The model read these words as an organisation, place or work, not a person."""
    start, end = toks[i].start, toks[j - 1].end
    # Spanish and Russian models often call people LOC; only their ORG reading is trusted here.
    labels = {"ORG"} if sentence.language in ("es", "ru") else None
    # A span that only adds words before the name is a title the model swallowed ("Kazakhstan Daulet Abenov").
    return any(n.label not in PERSON_LABELS and (labels is None or n.label in labels)
               and n.start <= start and end <= n.end and (n.start == start or n.end > end) for n in sentence.ner)


def _looks_like_name(sentence: Sentence, toks: list[Tok], i: int, j: int, matches: list[Match],
                     tables: PhraseTables) -> bool:
    words = [t for t in toks[i:j] if t.text[:1].isalpha()]
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    if any(t.lemma in tables.not_names or t.norm in tables.not_names for t in words):
        return False
    if any(m.i <= i and j <= m.j and m.best.kind != "person" for m in matches):
        return False                         # the whole span is a country, city, org or demonym
    if len(words) == len(toks[i:j]) == 1 and words[0].text.isupper() and len(words[0].text) > 3:
        return False                         # a dateline in capitals
    parsed = [sentence.token_at(t.start) for t in words]
    pos = [p.pos for p in parsed if p is not None]
    if sentence.language == "es" and pos and not any(p == "PROPN" for p in pos):
        return False                         # "Destacó", "Así", "Recordó": capitalised verbs the model calls PER
    return not (pos and all(p in ("VERB", "AUX", "ADV", "ADP", "PRON", "DET", "SCONJ", "CCONJ") for p in pos))


def _skip_glue(toks: list[Tok], k: int, matches: list[Match]) -> int:
    """Skip "of the Republic of Kazakhstan", "de Kazajistán", "Казахстана", commas after a title."""
    starts = {m.i: m for m in matches
              if m.best.kind in ("country", "demonym", "org", "seat", "capital", "city", "institution")}
    steps = 0
    while k < len(toks) and steps < 8:
        if k in starts:
            k = starts[k].j
        elif toks[k].norm in _TITLE_GLUE:
            k += 1
        else:
            break
        steps += 1
    return k


def _name_run(toks: list[Tok], k: int, matches: list[Match]) -> int:
    """End of a run of capitalised words (with hyphens) starting at k, stopping at a known place or org."""
    starts = {m.i for m in matches if m.best.kind not in ("person",)}
    end = k
    while end < len(toks) and end - k < 5:
        t = toks[end]
        if t.text == "-" and end > k and end + 1 < len(toks) and toks[end + 1].text[:1].isupper():
            end += 2
            continue
        if t.norm in _NAME_PARTICLES and end > k and end + 1 < len(toks) and toks[end + 1].text[:1].isupper() \
                and end + 1 not in starts:
            end += 1                         # "Alberto van Klaveren", "Lula da Silva"
            continue
        if not (t.text[:1].isupper() and t.text.isalpha()) or end in starts:
            break
        if t.text.isupper() and len(t.text) > 1:
            break
        end += 1
    return end


def _merge_spans(spans: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """Overlapping candidates become one span (the longest), keeping a NER normal form if any."""
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    merged: list[tuple[int, int, str | None]] = []
    for i, j, normal in spans:
        if merged and i < merged[-1][1]:
            pi, pj, pn = merged[-1]
            merged[-1] = (pi, max(pj, j), pn or normal)
        else:
            merged.append((i, j, normal))
    return merged


def _person_for(toks: list[Tok], i: int, j: int, normal: str | None, gaz: Gazetteer,
                people: dict[str, _Person], on: str | None) -> _Person | None:
    known = _known_person(toks, i, j, gaz)
    if known is None and normal:             # Russian: the model's nominative form ("Токаева" → "Токаев")
        ntoks = tokenize(normal)
        known = _known_person(ntoks, 0, len(ntoks), gaz)
    if known is not None:
        return _known(known, gaz, people, on)
    name = _latin_name(toks, i, j, normal)
    if not name:
        return None
    key = fold(name)
    if key not in people:
        people[key] = _Person(key, name, first=toks[i].start)
    return people[key]


def _known_person(toks: list[Tok], i: int, j: int, gaz: Gazetteer) -> str | None:
    span = toks[i:j]
    for key in (" ".join(t.norm for t in span), " ".join(t.lemma for t in span), " ".join(t.alt for t in span)):
        if key in gaz.surname_index:
            return gaz.surname_index[key]
    words = [t for t in span if t.text[:1].isalpha()]
    if words:                                # the surname alone: the last word, or a hyphenated last part
        for form in (words[-1].norm, words[-1].lemma, words[-1].alt):
            if form in gaz.surname_index and len(form) > 3:
                name = gaz.surname_index[form]
                before = words[-2] if len(words) > 1 else None
                if before is None or _is_title_word(before, gaz) or _first_name_agrees(before, gaz.people[name]):
                    return name
    return None


def _is_title_word(tok: Tok, gaz: Gazetteer) -> bool:
    """"President" in a span the model read as "President Pena": a title, not a given name."""
    return not tok.text[:1].isupper() or bool(phrase_tables(gaz.language or "en").roles.lookup([tok], 0, 1))


def _first_name_agrees(first: Tok, record: dict[str, Any]) -> bool:
    """"Marcelino Medina" is not Danilo Medina, "Ivanka Trump" not Donald Trump: the name before a known surname
    must look like one of that person's given names (spelling variants pass: Sergei/Sergey, Yerlan/Erlan,
    Дмитрий/Dmitry, Jomart in Kassym-Jomart)."""
    if len(first.text) < 3 or first.text.isupper() or first.norm in _NAME_PARTICLES:
        return True                          # an initial, an acronym or a particle says nothing

    def stem(word: str) -> str:
        word = fold(latinize(word) if is_cyrillic(word) else word)
        return word[1:3] if word[:1] in "yij" and len(word) > 3 else word[:2]

    given_names = {stem(part) for n in [record["name"], *record.get("aliases", [])]
                   for part in n.replace("-", " ").split()[:-1]}
    return not given_names or stem(first.text) in given_names


def _known(name: str, gaz: Gazetteer, people: dict[str, _Person], on: str | None) -> _Person:
    """A person of the officials table, with the role and country they had on the article's date."""
    key = fold(name)
    if key not in people:
        record = gaz.people[name]
        role, country = role_on(record, on)
        people[key] = _Person(key, name, country or record.get("country"), role, "GOV", known=True)
    return people[key]


_OBLIQUE_ENDINGS = ("ом", "ым", "ем", "ого", "ому", "ыми")


def _joined(words: list[str], toks: list[Tok]) -> str:
    """Words rejoined with the spacing they had in the text ("Касым-Жомарт" stays hyphenated)."""
    out = ""
    for k, (word, tok) in enumerate(zip(words, toks)):
        out += word if k == 0 or toks[k - 1].end == tok.start else " " + word
    return out


def _latin_name(toks: list[Tok], i: int, j: int, normal: str | None) -> str:
    surface = " ".join(t.text for t in toks[i:j] if t.text.isalpha())
    if normal and normal.replace("-", " ").split() == surface.split() and \
            any(w.endswith(_OBLIQUE_ENDINGS) for w in surface.split()):
        # the model left an oblique case as it was ("Лазизом Кудратовым"): use the words' lemmas
        normal = _joined([t.alt if t.text.isalpha() else t.text for t in toks[i:j]], toks[i:j])
    if normal:
        words = " ".join(w[:1].upper() + w[1:] for w in normal.replace(" - ", "-").split())
        return latinize_name(words)
    text = "".join(t.text if k == i or toks[k - 1].end == t.start else " " + t.text
                   for k, t in enumerate(toks[i:j], start=i))
    return latinize_name(text) if is_cyrillic(text) else strip_accents(text)


def _apply_title(si: int, toks: list[Tok], i: int, j: int, person: _Person, matches: list[Match],
                 roles: list[Match], found: list[_Found], tables: PhraseTables) -> None:
    """Role and country from the title before the name, from an apposition after it, or from a predicate
    ("X is Mexican Ambassador to Kazakhstan")."""
    before = [r for r in roles if r.j <= i and (_only_glue(toks, r.j, i, matches, 16) or _quoted_org(toks, r.j, i)
                                                or _portfolio(toks, r.j, i, matches))]
    after = [r for r in roles if r.i >= j and toks[j].text == "," and _only_glue(toks, j, r.i, matches, 3)
             and _name_run(toks, _skip_glue(toks, r.j, matches), matches) - _skip_glue(toks, r.j, matches) < 2] \
        if j < len(toks) else []             # an apposition, unless it is the title of the next name
    if not before and not after:
        after = _predicate_title(toks, j, roles, matches, tables)
    title = before[-1] if before else (after[0] if after else None)
    if title is None:
        _demonym_before_name(si, toks, i, person, matches, found)
        _led_by(toks, i, person, matches, tables)
        return
    found.append(_Found(si, toks[title.i].start, toks[title.j - 1].end, "title", None, title.best.code,
                        person=person))
    if title.best.code in _RELATIONAL_ROLES:
        pass                                 # "his Chilean counterpart, X": a country, not an office
    elif not person.known or person.role is None or title.best.code != "minister":
        person.role = title.best.code
        person.sector = title.best.sector or person.sector
    lo, hi = (title.i, i) if before else (j, min(len(toks), title.j + 4))
    window = [m for m in matches if lo <= m.i and m.j <= hi and m.best.country and not _host(toks, m.i, matches)]
    person.hosts.update(m.best.country for m in matches
                        if lo <= m.i and m.j <= hi and m.best.country and _host(toks, m.i, matches))
    if before:                               # "Kazakh Deputy Foreign Minister", "Mexico's President" X
        window += [m for m in matches if m.j <= title.i and m.best.country and m.best.kind != "city"
                   and all(t.norm in ("'", "s") for t in toks[m.j:title.i])]
    if before and not window:                # "... of Brazil and Director of BMJ X": the first title's country
        window = _coordinated_title_countries(toks, title, roles, matches, tables)
    window.sort(key=lambda m: m.best.kind in ("capital", "city"))     # "mayor of Rosario" only as a last resort
    if _acts_for_organisation(si, toks, title, i, j, before, person, matches, found):
        return
    for m in window[:1]:
        if not person.known:
            person.country = person.country or m.best.country
            person.taught = person.taught or (person.country == m.best.country and person.role is not None)
        for f in found:
            if f.sentence == si and f.start == toks[m.i].start:
                f.qualifies = person
    if before:
        _led_by(toks, title.i, person, matches, tables)


_OPENING_QUOTES = {"«", '"', "“", "„"}
_CLOSING_QUOTES = {"»", '"', "”", "“"}


def _quoted_org(toks: list[Tok], a: int, b: int) -> bool:
    """"Director of the international company «BMJ» X", "председатель правления АО «Казах Инвест» X": a quoted
    organisation name between a title and the person's name."""
    if b - a > 10 or b - a < 3 or toks[a].norm not in ("of", "de", "del") and toks[a].text[:1] != "«":
        return False
    if toks[b - 1].text not in _CLOSING_QUOTES:
        return False
    opening = [k for k in range(a, b - 1) if toks[k].text in _OPENING_QUOTES]
    return bool(opening) and not any(t.text in _SENTENCE_BREAKS - _OPENING_QUOTES - _CLOSING_QUOTES
                                     for t in toks[a:b])


def _portfolio(toks: list[Tok], a: int, b: int, matches: list[Match]) -> bool:
    """"министром инвестиций, промышленности и торговли Узбекистана Лазизом Кудратовым", "Minister of Investment,
    Industry and Trade of Uzbekistan Laziz Kudratov": a minister's portfolio, then the country, then the name."""
    russian_genitive = is_cyrillic(toks[a].text) and toks[a].text.islower()
    if not 2 <= b - a <= 9 or not (toks[a].norm in ("of", "de", "del") or russian_genitive):
        return False
    if any(t.norm in _HOST_MARKERS for t in toks[a + 1:b]):
        return False                         # "ambassador presents credentials to Paraguayan President X"
    if not any(m.j == b and m.best.kind in ("country", "demonym") for m in matches):
        return False
    return not any(t.text in _SENTENCE_BREAKS for t in toks[a:b]) and \
        not any(m.best.kind == "person" and a <= m.i < b for m in matches)


def _predicate_title(toks: list[Tok], j: int, roles: list[Match], matches: list[Match],
                     tables: PhraseTables) -> list[Match]:
    """"Martha Bárcena is Mexican Ambassador to Kazakhstan", "X es embajador de Chile", "X является послом":
    a title right after the name and a copula (a demonym or article may come between)."""
    copula = next((c for c in tables.copulas.find(toks, j, min(len(toks), j + 4)) if c.i == j), None)
    if copula is None:
        return []
    return [r for r in roles if copula.j <= r.i <= copula.j + 3 and _only_glue(toks, copula.j, r.i, matches, 3)][:1]


def _coordinated_title_countries(toks: list[Tok], title: Match, roles: list[Match], matches: list[Match],
                                 tables: PhraseTables) -> list[Match]:
    """Countries of an earlier title joined to this one by "and" ("former Secretary of Foreign Trade of Brazil and
    Director of BMJ X", "депутат Конгресса Мексики и председатель группы дружбы X"), not the places it is posted to."""
    if title.i == 0 or toks[title.i - 1].norm not in tables.coordinators:
        return []
    earlier = [r for r in roles if r.j <= title.i - 1 and title.i - 1 - r.j <= 12
               and not any(t.text in _SENTENCE_BREAKS for t in toks[r.i:title.i])]
    if not earlier:
        return []
    first = earlier[-1]
    return [m for m in matches if first.j <= m.i and m.j <= title.i - 1 and m.best.country
            and m.best.kind in ("country", "demonym") and not _host(toks, m.i, matches)]


def _led_by(toks: list[Tok], k: int, person: _Person, matches: list[Match], tables: PhraseTables) -> None:
    """"A delegation from Kazakhstan, led by legislator X", "the Uruguay-Kazakhstan friendship group led by Senator
    X", "делегация Казахстана во главе с депутатом X": the leader belongs to the group's country (the first named)."""
    if person.country or person.known:
        return
    while k > 0 and toks[k - 1].norm in ("the", "el", "la", "los", "las", ","):
        k -= 1
    phrase = next((p for p in tables.led_by.find(toks, max(0, k - 5), k) if p.j == k), None)
    if phrase is None:
        return
    start = phrase.i
    while start > 0 and phrase.i - start < 10 and toks[start - 1].text not in _SENTENCE_BREAKS:
        start -= 1
    group = [m for m in matches if start <= m.i and m.j <= phrase.i and m.best.country
             and m.best.kind in ("country", "demonym", "combining") and not _host(toks, m.i, matches)]
    if group:
        person.country = group[0].best.country


def _acts_for_organisation(si: int, toks: list[Tok], title: Match, i: int, j: int, before: bool, person: _Person,
                           matches: list[Match], found: list[_Found]) -> bool:
    """"Президент Еврокомиссии Романо Проди", "OAS Secretary General Luis Almagro": an international organisation
    in the person's own title (not a posting: "Ambassador to the EU") is what the person acts for, whatever the
    nationality or the other offices a known person held."""
    lo, hi = (title.i, i) if before else (j, min(len(toks), title.j + 4))
    near = [m for m in matches if m.best.kind == "org" and not m.best.country and not _host(toks, m.i, matches)
            and ((lo <= m.i and m.j <= hi) or (before and m.j <= title.i and _only_glue(toks, m.j, title.i, matches, 2)))]
    if not near:
        return False
    org = min(near, key=lambda m: abs(m.i - title.i))
    person.country = org.best.code
    person.taught = not person.known and person.role is not None
    for f in found:
        if f.sentence == si and f.start == toks[org.i].start:
            f.qualifies = person
    return True


def _demonym_before_name(si: int, toks: list[Tok], i: int, person: _Person, matches: list[Match],
                         found: list[_Found]) -> None:
    """"al armenio Ararat Mirzoyán", "Brazilian Welber Barral": a demonym right before a name."""
    for m in matches:
        if m.j == i and m.best.kind == "demonym" and not person.known:
            person.country = person.country or m.best.country
            for f in found:
                if f.sentence == si and f.start == toks[m.i].start:
                    f.qualifies = person


def _only_glue(toks: list[Tok], a: int, b: int, matches: list[Match], limit: int = 10) -> bool:
    if b - a > limit:
        return False
    covered = {k for m in matches if m.best.kind != "person" for k in range(m.i, m.j)}
    return all(k in covered or toks[k].norm in _TITLE_GLUE for k in range(a, b))


def _host(toks: list[Tok], i: int, matches: list[Match]) -> bool:
    """The country is where an official serves ("to Cuba", "en Brasil y Argentina"), not whom they serve."""
    k = i - 1
    while k >= 0 and toks[k].norm in ("the", "la", "el", "republic", "republica", "of", "de"):
        k -= 1
    if k >= 0 and toks[k].norm in _HOST_MARKERS:
        return True
    if k >= 0 and toks[k].norm in ("y", "and", "и", ",", "e"):
        previous = [m for m in matches if m.j == k and m.best.country]
        return bool(previous) and _host(toks, previous[0].i, matches)
    return False


def _resolve_surnames(found: list[_Found], people: dict[str, _Person]) -> None:
    """A one-word name that is the last name of a fuller name in the document is that person."""
    by_surname: dict[str, _Person] = {}
    for person in people.values():
        words = person.name.replace("-", " ").split()
        if len(words) > 1:
            by_surname.setdefault(fold(words[-1]), person)
    for f in found:
        p = f.person
        if p is None or p.known:
            continue
        words = p.name.replace("-", " ").split()
        if len(words) > 1 and not all(len(w.rstrip(".")) == 1 for w in words[:-1]):
            continue                         # a full name of its own ("K. Barrera" is not)
        target = by_surname.get(fold(words[-1]))
        if target is not None and target is not p:
            target.mentions.extend(p.mentions)
            p.mentions.clear()
            f.person, f.code, f.country, f.name = target, target.country, target.country, target.name


def _bare_surnames(si: int, toks: list[Tok], found: list[_Found], people: dict[str, _Person]) -> list[_Found]:
    """A surname alone that the model missed ("..., Ashikbayev said") is the person named in full elsewhere."""
    by_surname: dict[str, _Person] = {}
    for person in people.values():
        words = person.name.replace("-", " ").split()
        if len(words) > 1 and person.mentions:
            by_surname.setdefault(fold(words[-1]), person)
    if not by_surname:
        return []
    covered = [(f.start, f.end) for f in found if f.sentence == si]
    out = []
    for t in toks:
        if not t.text[:1].isupper() or any(a < t.end and t.start < b for a, b in covered):
            continue
        forms = [t.norm, t.lemma, t.alt]
        if is_cyrillic(t.text):
            forms += [fold(latinize(f)) for f in (t.norm, t.lemma, t.alt)]
        person = next((by_surname[f] for f in forms if f in by_surname and len(f) > 3), None)
        if person is not None:
            person.mentions.append((si, t.start, t.end))
            out.append(_Found(si, t.start, t.end, "person", person.country, person.name, person.country,
                              person.sector, person))
    return out


def _apply_learned(found: list[_Found], people: dict[str, _Person], learned: LearnedActors, on: str | None) -> None:
    """A person this article gives no country ("Ashikbayev met ...", "Deputy Minister Bakayev") but whom an
    earlier article introduced with a title: that person, with the role held closest to this article's date."""
    for person in people.values():
        if person.known or person.country or not person.mentions:
            continue
        key = learned.find(person.name)
        if key is None:
            continue
        _learn(person, learned.role_on(key, on))
    for f in found:
        if f.person is not None and f.person.learned:
            f.name, f.code, f.country, f.sector = f.person.name, f.person.country, f.person.country, f.person.sector


def _learn(person: _Person, fact: LearnedRole) -> None:
    person.name = fact.name
    person.country = fact.country
    person.role = person.role or fact.role or None
    person.sector = fact.sector or person.sector
    person.learned = True


def _learned_surnames(si: int, toks: list[Tok], found: list[_Found], people: dict[str, _Person],
                      learned: LearnedActors, on: str | None) -> list[_Found]:
    """A learned person's surname the model did not tag ("..., Bakayev said"): that person."""
    covered = [(f.start, f.end) for f in found if f.sentence == si]
    out = []
    for k, t in enumerate(toks):
        if not t.text[:1].isupper() or any(a < t.end and t.start < b for a, b in covered):
            continue
        forms = [t.norm, t.lemma, t.alt]
        if is_cyrillic(t.text):
            forms = [fold(latinize(f)) for f in (t.norm, t.lemma, t.alt)]
        key = next((hit for hit in (learned.surname(f) for f in forms) if hit), None)
        if key is None:
            continue
        before = toks[k - 1] if k > 0 else None
        if before is not None and before.text[:1].isupper() and before.text.isalpha() and \
                not _first_name_agrees(before, {"name": learned.by_name[key][0].name}):
            continue                         # "Carlos Bakayev" is someone else
        person = people.get(key) or next((p for p in people.values() if p.learned and fold(p.name) == key), None)
        if person is None:
            fact = learned.role_on(key, on)
            person = people[key] = _Person(key, fact.name, first=t.start)
            _learn(person, fact)
        person.mentions.append((si, t.start, t.end))
        out.append(_Found(si, t.start, t.end, "person", person.country, person.name, person.country,
                          person.sector, person))
    return out


# --------------------------------------------------------------------------------------------- orgs, dateline

def _ministries(si: int, toks: list[Tok], tables: PhraseTables, matches: list[Match]) -> list[_Found]:
    """"Ministry of Foreign Affairs of Argentina", "Kazakhstan's MFA", "МИД РК", "la cancillería cubana"."""
    out = []
    countries = [m for m in matches if m.best.kind in ("country", "demonym")]
    for inst in tables.institutions.find(toks):
        country = _adjacent_country(toks, inst, countries)
        if country is None:
            continue
        name = f"{inst.best.name} of {gazetteer('en').country_name(country) or country}"
        out.append(_Found(si, toks[inst.i].start, toks[inst.j - 1].end, "ministry", country, name, country,
                          inst.best.sector))
    return out


def _adjacent_country(toks: list[Tok], inst: Match, countries: list[Match]) -> str | None:
    for m in countries:
        if 0 <= inst.i - m.j <= 2 and all(t.norm in ("'", "s", "the", "la", "el") for t in toks[m.j:inst.i]):
            return m.best.country
        if 0 <= m.i - inst.j <= 2 and all(t.norm in _TITLE_GLUE for t in toks[inst.j:m.i]):
            return m.best.country
    return None


_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "ene", "abr", "ago",
           "dic", "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}


def _dateline(article: Article, sentence_toks: list[list[Tok]]) -> list[_Found]:
    """The dateline place ("ASUNCION, June 3 (EFE)", "Washington, 22 jun") counts as a mention of its country."""
    for si, toks in enumerate(sentence_toks[:3]):
        gaz = gazetteer(_language(article.sentences[si]))
        for m in gaz.index.find(toks, 0, min(len(toks), 4)):
            if m.i == 0 and m.best.kind in ("capital", "city") and _looks_like_dateline(toks, m):
                return [_Found(si, toks[m.i].start, toks[m.j - 1].end, "dateline", m.best.country,
                               m.best.name, m.best.country)]
    dateline = article.dateline or {}
    if not dateline.get("country"):
        return []
    place = dateline.get("place") or ""
    head = article.text[:400]
    at = head.find(place) if place else -1
    if at < 0 and place:
        at = head.upper().find(place.upper())
    for si, sentence in enumerate(article.sentences[:3]):
        if place and sentence.start <= at < sentence.end:
            return [_Found(si, at, at + len(place), "dateline", dateline["country"], place, dateline["country"])]
    return [_Found(0, 0, 0, "dateline", dateline["country"], place, dateline["country"])]


def _looks_like_dateline(toks: list[Tok], m: Match) -> bool:
    follow = toks[m.j].text if m.j < len(toks) else ""
    if follow not in (",", "(", "-", "—", "–", ".", "/"):
        return False
    if all(t.text.isupper() for t in toks[m.i:m.j] if t.text.isalpha()):
        return True
    nxt = toks[m.j + 1].text if m.j + 1 < len(toks) else ""
    return nxt.isdigit() or nxt[:3].lower() in _MONTHS or nxt == "("


# --------------------------------------------------------------------------------------------- references

def _descriptive_references(si: int, sentence: Sentence, toks: list[Tok], found: list[_Found],
                            people: dict[str, _Person]) -> list[_Found]:
    """"the Kazakh official", "el líder kazajo", "глава государства", "the President" → a named person."""
    language = _language(sentence)
    tables = phrase_tables(language)
    heads = tables.reference_heads.find(toks)
    if not heads or not people:
        return []
    here = [f for f in found if f.sentence == si]
    out = []
    for h in heads:
        start, end = toks[h.i].start, toks[h.j - 1].end
        if any(f.start <= end + 2 and f.end >= start for f in here if f.kind in ("person", "ministry", "org")) or \
                any(f.start < end and start < f.end for f in here if f.kind == "title"):
            continue                         # a title of a name, or part of an organisation's name
        if _plural(sentence, toks[h.j - 1]):
            continue                         # "los presidentes", "главы ведомств": not one person
        if _followed_by_name(toks, h.j) or _of_something(toks, h.j, here):
            continue
        country, lo, hi = _reference_country(toks, h, here)
        determined = h.i > 0 and fold(toks[h.i - 1].text) in tables.determiners
        if country is None and not determined and language != "ru":
            continue
        role = h.best.code if h.best.code not in _GENERIC_ROLES | _RELATIONAL_ROLES and h.best.sector else None
        named_here = {f.person.key for f in here if f.person is not None and not f.descriptive}
        person = _resolve_reference(role, country, start, people, named_here, si)
        if person is None:
            continue
        person.mentions.append((si, min(lo, start), max(hi, end)))
        out.append(_Found(si, min(lo, start), max(hi, end), "person", person.country, person.name,
                          person.country, person.sector, person, descriptive=True))
    return out


def _followed_by_name(toks: list[Tok], k: int) -> bool:
    while k < len(toks) and toks[k].text == ",":
        k += 1
    return k + 1 < len(toks) and toks[k].text[:1].isupper() and toks[k + 1].text[:1].isupper() and \
        toks[k].text.isalpha()


def _of_something(toks: list[Tok], k: int, here: list[_Found]) -> bool:
    """"the president of the Senate", "el presidente de la Cámara": a different office, not a reference."""
    if k >= len(toks) or toks[k].norm not in ("of", "de", "del"):
        return False
    k += 1
    while k < len(toks) and toks[k].norm in ("the", "la", "el", "los", "las"):
        k += 1
    if k >= len(toks) or not toks[k].text[:1].isupper():
        return False
    return not any(f.start == toks[k].start and f.kind in COUNTRY_KINDS for f in here)


def _reference_country(toks: list[Tok], head: Match, here: list[_Found]) -> tuple[str | None, int, int]:
    start, end = toks[head.i].start, toks[head.j - 1].end
    for f in here:
        inside = start <= f.start and f.end <= end                      # "the Kremlin chief"
        if f.kind in ("demonym", "seat", "country") and (inside or 0 <= start - f.end <= 2 or 0 <= f.start - end <= 5):
            return f.country, min(f.start, start), max(f.end, end)
    return None, start, end


def _plural(sentence: Sentence, tok: Tok) -> bool:
    parsed = sentence.token_at(tok.start)
    return parsed is not None and parsed.morph.get("Number") == "Plur"


def _resolve_reference(role: str | None, country: str | None, offset: int, people: dict[str, _Person],
                       named_here: set[str], si: int) -> _Person | None:
    """The person a description points to: same country and role, named before it, and not in its own
    sentence (there a description denotes someone else: "Cafiero recibió al embajador de Kazajistán").
    A candidate whose country or role was unknown learns it when the choice is clear."""
    candidates = [p for p in people.values() if p.mentions and p.key not in named_here
                  and (country is None or p.country in (country, None)) and (role is None or p.role in (role, None))]

    def is_exact(p: _Person) -> bool:
        return (country is None or p.country == country) and (role is None or p.role == role)

    def is_before(p: _Person) -> bool:
        return min(m[1] for m in p.mentions) < offset

    exact_before = [p for p in candidates if is_exact(p) and is_before(p)]
    loose_before = [p for p in candidates if not is_exact(p) and is_before(p)]
    exact_after = [p for p in candidates if is_exact(p) and not is_before(p)]
    pool = exact_before or loose_before or exact_after
    if not pool or (len(pool) > 1 and not country and not role):
        return None                          # "the official" with two officials named: ambiguous
    person = max(pool, key=lambda p: max((m[1] for m in p.mentions if m[1] < offset), default=-1))
    recent = any(m[0] >= si - 1 for m in person.mentions if m[1] < offset)
    if not is_exact(person) and (len(pool) == 1 or recent):
        person.country = person.country or country
        person.role = person.role or role
    return person


# --------------------------------------------------------------------------------------------- numbering

def _number(article: Article, found: list[_Found], people: dict[str, _Person]
            ) -> tuple[list[Entity], list[ActorMention]]:
    """Group the spans into entities (e1, e2, ... by first mention) and list the actor mentions."""
    groups: dict[tuple[str, str], list[_Found]] = {}
    for f in found:
        key = _entity_key(f)
        if key is not None:
            groups.setdefault(key, []).append(f)
    ordered = sorted(groups.items(), key=lambda kv: min(f.start for f in kv[1]))
    entities: list[Entity] = []
    ids: dict[tuple[str, str], str] = {}
    for n, (key, items) in enumerate(ordered, start=1):
        eid = f"e{n}"
        ids[key] = eid
        entities.append(_entity(eid, key, items, article))
    mentions = [_actor_mention(article, f, ids) for f in sorted(found, key=lambda f: (f.start, f.end))]
    return entities, [m for m in mentions if m is not None]


def _entity_key(f: _Found) -> tuple[str, str] | None:
    if f.kind in COUNTRY_KINDS or f.kind == "dateline":
        return ("COUNTRY", f.country or f.code or "") if (f.country or f.code) else None
    if f.kind == "city":
        return ("PLACE", f.name)
    if f.kind == "org":
        return ("ORG", f.code or f.name)
    if f.kind == "ministry":
        return ("ORG", f.name)
    if f.kind == "person" and f.person is not None:
        return ("PERSON", f.person.key)
    return None                              # titles: part of a person's mention, not an actor of their own


def _entity(eid: str, key: tuple[str, str], items: list[_Found], article: Article) -> Entity:
    etype, ident = key
    first = items[0]
    mentions = [Mention(f.start, f.end, article.text[f.start:f.end], f.sentence) for f in items if f.end > f.start]
    mentions = _dedupe(mentions)
    if etype == "COUNTRY":
        return Entity(eid, "COUNTRY", gazetteer("en").country_name(ident) or ident, ident, ident, None, None,
                      mentions)
    if etype == "PLACE":
        return Entity(eid, "PLACE", first.name, first.code, first.country, None, None, mentions)
    if etype == "ORG":
        code = first.code if first.kind == "org" else first.country
        return Entity(eid, "ORG", first.name, code, first.country, None, first.sector or "GOV", mentions)
    person = first.person
    assert person is not None
    return Entity(eid, "PERSON", person.name, None, person.country, person.role, person.sector, mentions)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


_MENTION_KIND = {"country": "country", "dateline": "place", "demonym": "demonym", "seat": "seat",
                 "capital": "place", "city": "place", "org": "org", "ministry": "org", "person": "person"}


def _actor_mention(article: Article, f: _Found, ids: dict[tuple[str, str], str]) -> ActorMention | None:
    if f.end <= f.start or f.kind == "title":
        return None
    key = _entity_key(f)
    sentence = article.sentences[f.sentence]
    ti, tj = _sentence_token_span(sentence, f.start, f.end)
    code = f.code if f.kind == "org" else (f.person.country if f.person is not None else f.country)
    qualifies = ids.get(("PERSON", f.qualifies.key)) if f.qualifies is not None else None
    role = f.person.role if f.person is not None else None
    return ActorMention(f.sentence, f.start, f.end, article.text[f.start:f.end], code,
                        ids.get(key) if key else None, _MENTION_KIND.get(f.kind, f.kind), ti, tj, role,
                        f.descriptive, qualifies, f.person is not None and f.person.taught)


def _sentence_token_span(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    idx = [t.i for t in sentence.tokens if t.start < end and t.end > start]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)
