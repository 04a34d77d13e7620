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

from collections import Counter

from ..records import Article, Entity, Mention, Sentence
from ..registry import Stage, stage
from .gazetteer import (
    Gazetteer,
    Match,
    PhraseTables,
    Tok,
    fold,
    gazetteer,
    name_origin_countries,
    phrase_tables,
)
from .codes import declared_type
from .learned import OPTION as LEARNED_OPTION
from .learned import LearnedActors
from .mentions import COUNTRY_KINDS, ActorMention, Found, Person, Reading, analysis_language, read_sentences
from .people import TITLE_GLUE, apply_title, person_for, person_spans
from .references import descriptive_references
from .sides import companion_sides, met_countries, partner_sides, place_sides, visitors_serve_another_country
from .surnames import (apply_learned, bare_surnames, learned_surnames, office_holder_surnames, resolve_surnames,
                       surname_table)

#: words a place name may start with but a person's name never does ("La Paz", "San Luis")
_NOT_FIRST_NAMES = {"la", "el", "los", "las", "the", "de", "del", "san", "santa", "sao", "puerto", "ciudad"}

_DIPLOMATIC_ROLES = {"ambassador", "charge d'affaires", "consul", "consul general", "embassy counsellor",
                     "counsellor", "envoy", "special envoy", "head of mission"}
#: prepositions that make a capital a location rather than its government
_LOCATIVES = {"in", "at", "en", "в", "во"}
#: prepositions after an institution that name where it is, not whose ("una embajada en Vietnam", "an embassy in
#: Hanoi", "la misión ante la ONU"): its owner is named otherwise or not at all
_HOST_PREPS = {"in", "at", "to", "en", "ante", "в", "во", "при"}


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
    people: dict[str, Person] = {}
    found: list[Found] = []
    sentence_toks: list[list[Tok]] = []
    for si, (sentence, reading) in enumerate(zip(article.sentences, read_sentences(article))):
        sentence_toks.append(reading.toks)
        found.extend(_sentence_actors(si, sentence, reading, people, on))
    resolve_surnames(found, people)
    by_surname = surname_table(people)
    for si, toks in enumerate(sentence_toks):
        found.extend(bare_surnames(si, toks, found, by_surname))
    states = Counter(f.country for f in found if f.country and f.person is None and f.kind in COUNTRY_KINDS)
    found.extend(office_holder_surnames(article.sentences, sentence_toks, found, people,
                                        gazetteer("en"), on, states))
    if learned:
        apply_learned(found, people, learned, on)
        for si, toks in enumerate(sentence_toks):
            found.extend(learned_surnames(si, toks, found, people, learned, on))
    found.extend(_dateline(article, sentence_toks))
    for si, sentence in enumerate(article.sentences):
        found.extend(descriptive_references(si, sentence, sentence_toks[si], found, people))
    companion_sides(people)
    _diplomats_serve_the_main_country(found, people)
    _counterparts_serve_the_other_side(found, people)
    partner_sides(people, _country_counts(found))
    _country_from_name_origin(found, people)
    _officials_serve_a_country_of_the_document(found, people)
    _counterparts_serve_the_other_side(found, people)
    partner_sides(people, _country_counts(found))
    visitors_serve_another_country(people, _country_counts(found))
    _officials_of_the_dateline(found, people)
    partner_sides(people, _country_counts(found))
    _officials_of_the_main_country(found, people)
    found = [f for f in found if f.person is None or not _dubious(f.person)]
    return _number(article, found, people)


def _dubious(person: Person) -> bool:
    """A lone capitalised word the model called a person, with no title, no full name and not a known figure
    ("Santiago", "La Paz", "Poch"), is more often a place or a stray word than a person."""
    words = person.name.split()
    if person.known or person.role is not None:
        return False
    return (len(words) == 1 and "-" not in person.name) or fold(words[0]) in _NOT_FIRST_NAMES


def _diplomats_serve_the_main_country(found: list[Found], people: dict[str, Person]) -> None:
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


def _country_from_name_origin(found: list[Found], people: dict[str, Person]) -> None:
    """A person the text gives no country (no title, or a title without one: "La intendenta Mónica Fein",
    "Олжас Исабеков отметил") most likely belongs to the document's most mentioned country among those where such
    a name is usual (Hispanic names → Ibero-America, Russian and Central Asian names → the former USSR), other than
    the countries of the people they met and one whose single office they hold is already held by another."""
    counts = _country_counts(found)
    held = {(p.role, p.country) for p in people.values() if p.country and p.role in _SINGLE_HOLDER_ROLES}
    for person in people.values():
        if person.country or person.known or not person.mentions:
            continue
        countries = name_origin_countries(person.name)
        banned = person.hosts | met_countries(person, people) | {code for role, code in held if role == person.role}
        ranked = [(code, n) for code, n in counts.most_common() if code in countries and code not in banned]
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            person.country = ranked[0][0]
            if person.role in _SINGLE_HOLDER_ROLES:
                held.add((person.role, person.country))


#: offices a state has one holder of at a time
_SINGLE_HOLDER_ROLES = {"president", "vice president", "prime minister", "foreign minister", "foreign secretary",
                        "secretary of state", "defence minister", "chancellor", "king", "queen", "emir",
                        "crown prince"}


def _officials_serve_a_country_of_the_document(found: list[Found], people: dict[str, Person]) -> None:
    """A state's office holder named with no country ("President Uhuru Kenyatta has traveled to South Africa",
    "Премьер-министр Хамза Абди Барре") holds it for the document's most mentioned country that has no other
    holder of that office named in it; a counterpart named with no country ("Prime Minister Anthony Albanese and
    counterpart James Marape") belongs to the most mentioned country other than those of the people named with
    them. Only a clear first choice is taken."""
    counts = _country_counts(found)
    held = {(p.role, p.country) for p in people.values() if p.country and p.role}
    for person in people.values():
        if person.country or person.known or not person.mentions:
            continue
        if person.counterpart:
            ranked = _other_side(person, people, counts)
        elif person.role in _SINGLE_HOLDER_ROLES:
            ranked = [(code, n) for code, n in counts.most_common()
                      if (person.role, code) not in held and code not in person.hosts]
        else:
            continue
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            person.country = ranked[0][0]
            held.add((person.role, person.country))


#: the kinds of span that name a country for `_country_counts`
_COUNTED_KINDS = frozenset(COUNTRY_KINDS | {"city", "ministry", "dateline"})


def _country_counts(found: list[Found]) -> Counter:
    """How often the document names each country (people's titles left out)."""
    return Counter(f.country for f in found if f.country and f.person is None and f.kind in _COUNTED_KINDS)


def _other_side(person: Person, people: dict[str, Person], counts: Counter) -> list[tuple[str, int]]:
    """The document's countries, most mentioned first, other than those of the people named with a counterpart."""
    sentences = {m[0] for m in person.mentions}
    others = {p.country for p in people.values()
              if p is not person and p.country and any(m[0] in sentences for m in p.mentions)}
    return [(code, n) for code, n in counts.most_common() if code not in others | person.hosts] if others else []


def _counterparts_serve_the_other_side(found: list[Found], people: dict[str, Person]) -> None:
    """"Сапаров принял своего коллегу Азиза Каримова", "recibido por su homólogo X": a counterpart named with no
    country belongs to the other side of the meeting, before their name's origin is asked."""
    counts = _country_counts(found)
    for person in people.values():
        if person.counterpart and not person.country and not person.known and person.mentions:
            ranked = _other_side(person, people, counts)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                person.country = ranked[0][0]


def _officials_of_the_dateline(found: list[Found], people: dict[str, Person]) -> None:
    """"TEHRAN (IRNA) - Deputy Foreign Minister X met ...", "Quito (EFE).- El viceministro X": an official named
    with a title but no country, and not a visitor there, serves the state of the dateline's place."""
    dateline = next((f.country for f in found if f.kind == "dateline" and f.country), None)
    if dateline is None:
        return
    held = {(p.role, p.country) for p in people.values() if p.country and p.role in _SINGLE_HOLDER_ROLES}
    for person in people.values():
        if person.country or person.known or not person.mentions or person.role is None or person.counterpart:
            continue
        if dateline in person.hosts or dateline in met_countries(person, people) or (person.role, dateline) in held:
            continue                         # a visitor, someone met by the dateline's side, a second holder
        if person.sector in ("GOV", "MIL", "LEG", None):
            person.country = dateline
            if person.role in _SINGLE_HOLDER_ROLES:
                held.add((person.role, dateline))


def _officials_of_the_main_country(found: list[Found], people: dict[str, Person]) -> None:
    """The last guess: an official named with a title and nothing else that places them ("Deputy Minister X said")
    serves the country the document names most (a clear first, named more than once), unless they visit it, met its
    officials or would be a second holder of its single office."""
    counts = _country_counts(found)
    if len({f.sentence for f in found}) < 3:
        return                               # a sentence or two say nothing of what a story is mostly about
    held = {(p.role, p.country) for p in people.values() if p.country and p.role in _SINGLE_HOLDER_ROLES}
    for person in people.values():
        if person.country or person.known or not person.mentions or person.role is None or person.counterpart:
            continue
        if person.sector not in ("GOV", "MIL", "LEG", None):
            continue
        banned = person.hosts | met_countries(person, people) | {code for role, code in held if role == person.role}
        origin = name_origin_countries(person.name)      # "William Castillo" does not serve the United States
        ranked = [(code, n) for code, n in counts.most_common() if code not in banned and (not origin or code in origin)]
        if ranked and ranked[0][1] > 1 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) and \
                ranked[0][0] == counts.most_common(1)[0][0]:     # named more than once: not the one-line target
            person.country = ranked[0][0]
            if person.role in _SINGLE_HOLDER_ROLES:
                held.add((person.role, person.country))


def _publication_date(published: str | None) -> str | None:
    """The article's date as an ISO date, month or year ("2019-03-20", "2019"), or None when unknown or odd."""
    if not published or not published[:4].isdigit():
        return None
    return published[:10]


def _sentence_actors(si: int, sentence: Sentence, reading: Reading, people: dict[str, Person],
                     on: str | None) -> list[Found]:
    gaz = gazetteer(analysis_language(sentence))
    tables = phrase_tables(analysis_language(sentence))
    toks = reading.toks
    roles = tables.roles.find(toks)
    matches = [m for m in reading.matches
               if _plausible(m, toks, gaz, tables, sentence) and not _inside_title(m, roles)]
    # institutions may sit between a title and a name ("Speaker of the National Congress ... Ana María Olivera")
    institutions = tables.institutions.find(toks)
    glue = matches + [m for m in institutions
                      if not any(r.i <= m.i < r.j for r in roles)] + tables.honorifics.find(toks)
    persons = person_spans(sentence, toks, glue, roles, tables)
    found: list[Found] = []
    taken: set[int] = set()
    placed: list[tuple[int, int, Person]] = []
    for i, j, normal in persons:
        person = person_for(toks, i, j, normal, gaz, people, on)
        if person is None:
            continue
        placed.append((i, j, person))
        person.mentions.append((si, toks[i].start, toks[j - 1].end))
        found.append(Found(si, toks[i].start, toks[j - 1].end, "person", person.country, person.name,
                           person.country, person.sector, person))
        taken.update(range(i, j))
        apply_title(si, toks, i, j, person, glue, roles, found, tables, sentence)
    place_sides(si, toks, placed, matches, roles, tables)
    for m in matches:
        if taken.intersection(range(m.i, m.j)) or m.best.kind in ("person", "region"):
            continue
        entry = m.best
        kind = entry.kind
        if kind == "capital" and m.i > 0 and toks[m.i - 1].norm in _LOCATIVES:
            kind = "city"                    # "the embassy in Moscow": where, not who
        found.append(Found(si, toks[m.i].start, toks[m.j - 1].end, kind, entry.code, entry.name,
                           entry.country, "GOV" if kind == "seat" else entry.sector if kind == "city" else None))
    found.extend(_ministries(si, toks, tables, matches, institutions))
    return found


def _inside_title(m: Match, roles: list[Match]) -> bool:
    """A name in the middle of a title is part of the portfolio, not the office holder's affiliation ("ministro de
    Asuntos Exteriores, Unión Europea y Cooperación"); one ending the title still is ("secretario general de la OEA")."""
    return any(r.i < m.i and m.j < r.j for r in roles)


def _plausible(m: Match, toks: list[Tok], gaz: Gazetteer, tables: PhraseTables, sentence: Sentence) -> bool:
    """Drop readings that are common words: ambiguous country names at sentence start (unless the parse makes them
    a verb's subject: "Niger expelled ...", "Мали выслала ...") or before a surname,
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
    if kind in ("country", "capital", "city", "demonym") and _outlet(m, toks, tables):
        return False
    key = " ".join(t.norm for t in toks[m.i:m.j])
    if m.best.code == "GEO" and _us_state(m, toks, gaz):
        return False
    if key in gaz.ambiguous:
        if m.i == 0 and not _subject_of_a_verb(sentence, toks[m.i].start):
            return False
        nxt = toks[m.j].text if m.j < len(toks) else ""
        if nxt[:1].isupper():
            return False
    return True


def _outlet(m: Match, toks: list[Tok], tables: PhraseTables) -> bool:
    """A newspaper, not the state: a place ending an outlet's name ("the Sudan Tribune", "Korea Herald"), a demonym
    describing an outlet ("the Sudanese newspaper", "el diario sudanés", "суданская газета")."""
    nxt = toks[m.j] if m.j < len(toks) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.norm in tables.outlet_ends:
        return True
    if m.best.kind != "demonym":
        return False
    near = [toks[k] for k in (m.i - 1, m.j) if 0 <= k < len(toks)]
    return any(t.lemma in tables.outlet_nouns or t.norm in tables.outlet_nouns for t in near)


def _subject_of_a_verb(sentence: Sentence, offset: int) -> bool:
    """The parse makes the word at `offset` the subject of a verb (a name followed by a capitalised surname is
    ruled out before this is asked)."""
    tok = sentence.token_at(offset)
    if tok is None or tok.dep not in ("nsubj", "nsubj:pass", "nsubjpass") or not 0 <= tok.head < len(sentence.tokens):
        return False
    return sentence.tokens[tok.head].pos in ("VERB", "AUX")


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


# --------------------------------------------------------------------------------------------- orgs, dateline

def _ministries(si: int, toks: list[Tok], tables: PhraseTables, matches: list[Match],
                institutions: list[Match] | None = None) -> list[Found]:
    """"Ministry of Foreign Affairs of Argentina", "Kazakhstan's MFA", "МИД РК", "la cancillería cubana"
    (`institutions`: `tables.institutions.find(toks)`, when the caller has it)."""
    out = []
    countries = [m for m in matches if m.best.kind in ("country", "demonym")]
    for inst in tables.institutions.find(toks) if institutions is None else institutions:
        country = _adjacent_country(toks, inst, countries)
        if country is None:
            continue
        name = f"{inst.best.name} of {gazetteer('en').country_name(country) or country}"
        out.append(Found(si, toks[inst.i].start, toks[inst.j - 1].end, "ministry", country, name, country,
                         inst.best.sector))
    return out


def _adjacent_country(toks: list[Tok], inst: Match, countries: list[Match]) -> str | None:
    for m in countries:
        if 0 <= inst.i - m.j <= 2 and all(t.norm in ("'", "s", "the", "la", "el") for t in toks[m.j:inst.i]):
            return m.best.country
        if 0 <= m.i - inst.j <= 2 and all(t.norm in TITLE_GLUE for t in toks[inst.j:m.i]) and \
                not any(t.norm in _HOST_PREPS for t in toks[inst.j:m.i]):
            return m.best.country
    return None


_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "ene", "abr", "ago",
           "dic", "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}


def _dateline(article: Article, sentence_toks: list[list[Tok]]) -> list[Found]:
    """The dateline place ("ASUNCION, June 3 (EFE)", "Washington, 22 jun") counts as a mention of its country."""
    for si, toks in enumerate(sentence_toks[:3]):
        gaz = gazetteer(analysis_language(article.sentences[si]))
        for m in gaz.index.find(toks, 0, min(len(toks), 4)):
            if m.i == 0 and m.best.kind in ("capital", "city") and _looks_like_dateline(toks, m):
                return [Found(si, toks[m.i].start, toks[m.j - 1].end, "dateline", m.best.country,
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
            return [Found(si, at, at + len(place), "dateline", dateline["country"], place, dateline["country"])]
    return [Found(0, 0, 0, "dateline", dateline["country"], place, dateline["country"])]


def _looks_like_dateline(toks: list[Tok], m: Match) -> bool:
    follow = toks[m.j].text if m.j < len(toks) else ""
    if follow not in (",", "(", "-", "—", "–", ".", "/"):
        return False
    if all(t.text.isupper() for t in toks[m.i:m.j] if t.text.isalpha()):
        return True
    nxt = toks[m.j + 1].text if m.j + 1 < len(toks) else ""
    return nxt.isdigit() or nxt[:3].lower() in _MONTHS or nxt == "("


# --------------------------------------------------------------------------------------------- numbering

def _number(article: Article, found: list[Found], people: dict[str, Person]
            ) -> tuple[list[Entity], list[ActorMention]]:
    """Group the spans into entities (e1, e2, ... by first mention) and list the actor mentions."""
    groups: dict[tuple[str, str], list[Found]] = {}
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
    kept = [m for m in mentions if m is not None]
    _groups_qualify_their_country(article.text, found, kept)
    return entities, kept


#: what may stand between a country and its force or group ("Israel's army", "las tropas de Israel")
_GROUP_GLUE = {"'s", "’s", "'", "s", "of", "the", "de", "del", "la", "el", "los", "las"}


def _groups_qualify_their_country(text: str, found: list[Found], mentions: list[ActorMention]) -> None:
    """A country or demonym naming a force or group of that country ("Israeli troops", "la policía serbia",
    "руандийские повстанцы") acts as that group: its mention takes the group's sector (MIL, COP, REB ...)."""
    groups = [f for f in found if f.kind == "ministry" and f.sector]
    for m in mentions:
        if m.kind not in ("country", "demonym") or m.sector:
            continue
        for g in groups:
            if g.sentence != m.sentence or g.country != m.code:
                continue
            gap = text[m.end:g.start] if m.end <= g.start else text[g.end:m.start] if g.end <= m.start else None
            if gap is not None and len(gap) < 12 and all(w in _GROUP_GLUE for w in gap.lower().split()):
                m.sector = g.sector
                break


def _entity_key(f: Found) -> tuple[str, str] | None:
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


def _entity(eid: str, key: tuple[str, str], items: list[Found], article: Article) -> Entity:
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
        sector = first.sector or (declared_type(code) if first.kind == "org" else None) or "GOV"
        return Entity(eid, "ORG", first.name, code, first.country, None, sector, mentions)
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


def _actor_mention(article: Article, f: Found, ids: dict[tuple[str, str], str]) -> ActorMention | None:
    if f.end <= f.start or f.kind == "title":
        return None
    key = _entity_key(f)
    sentence = article.sentences[f.sentence]
    ti, tj = _sentence_token_span(sentence, f.start, f.end)
    code = f.code if f.kind == "org" else (f.person.country if f.person is not None else f.country)
    qualifies = ids.get(("PERSON", f.qualifies.key)) if f.qualifies is not None else None
    role = f.person.role if f.person is not None else None
    if f.person is not None:
        sector = f.person.sector if role else None
    else:
        sector = f.sector or (declared_type(f.code) if f.kind == "org" else None)
    return ActorMention(f.sentence, f.start, f.end, article.text[f.start:f.end], code,
                        ids.get(key) if key else None, _MENTION_KIND.get(f.kind, f.kind), ti, tj, role,
                        f.descriptive, qualifies, f.person is not None and f.person.taught, sector)


def _sentence_token_span(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    idx = [t.i for t in sentence.tokens if t.start < end and t.end > start]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)
