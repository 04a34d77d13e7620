"""Dates written in text: the calendar dates of a line or a paragraph, and the lines that only state a date.

Month and weekday names are language data (data/lang/<iso>/metadata.toml). The `metadata` stage
(:mod:`communique.reading.metadata`) reads a page's dates with these, and so do the cleaner and the decoder.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from ..datafiles import data_languages, language_data
from . import gates

#: a time of day, with its zone where a site states one ("10:15 IST", "10.15 GMT", "21:38 WIB", "09:00 ET")
_TIME = (r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?\s?m\.?|hrs?|hs|h)\b)?"
         r"(?:\s*(?:GMT|UTC|MSK|ALMT|IST|PKT|EST|EDT|CST|CDT|MST|PST|PDT|ET|PT|CET|CEST|EET|EEST|WET|BST|WIB|WITA|SGT"
         r"|HKT|JST|KST|AEST|AEDT|SAST|EAT|WAT|CAT|GST|AST|BRT|ART|CLT|COT|PET|VET|МСК|мск)\b)?(?:\s*[+\-]\d{2}:?\d{2})?")
_DATE_LABELS = (r"published|updated|last updated|posted|date|publicado|publicada|actualizado|actualizada|fecha|a las|at"
                r"|опубликовано|обновлено|дата публикации|дата|изменено|on|el|в|года|г")


# --- language data ------------------------------------------------------------------------------------------------

def metadata_words(iso: str) -> dict[str, Any]:
    """data/lang/<iso>/metadata.toml, or {} for a language without one."""
    return language_data(iso, "metadata") or {}


def available_languages() -> tuple[str, ...]:
    return data_languages("metadata")


@functools.lru_cache(maxsize=8)
def month_names(languages: tuple[str, ...] | None = None) -> dict[str, int]:
    names: dict[str, int] = {}
    for iso in languages or available_languages():
        names.update({k.lower(): int(v) for k, v in metadata_words(iso).get("months", {}).items()})
    return names


@functools.lru_cache(maxsize=8)
def weekday_names(languages: tuple[str, ...] | None = None) -> dict[str, int]:
    names: dict[str, int] = {}
    for iso in languages or available_languages():
        names.update({k.lower(): int(v) for k, v in metadata_words(iso).get("weekdays", {}).items()})
    return names


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --- dates in text ------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    year: int | None
    month: int
    day: int

    def iso(self) -> str | None:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else None


#: what may not stand right before a date
_DATE_EDGE = r"(?<![\w.])"
#: where a date's day (or year) digits may begin: every date holds one, and a pattern that opens with them (whose
#: lookbehind makes the regex engine try every position) is tried there only
_DAY_STARTS = re.compile(_DATE_EDGE + r"\d")


@functools.lru_cache(maxsize=16)
def _date_patterns(languages: tuple[str, ...] | None = None, lenient: bool = False) -> tuple[re.Pattern[str], ...]:
    months = month_names(languages)
    month_any = _alternation(list(months))
    # Month-first dates are an English habit with capitalised months ("June 3", "Oct. 17"); requiring the capital
    # keeps "may" and "ago" in running text from being read as months. A dateline may write "set. 22" (lenient).
    month_cap = month_any if lenient else _alternation([m.capitalize() for m in months] + [m.upper() for m in months])
    edge, end = _DATE_EDGE, r"(?![\w])"
    # A dateline may write a two-digit year ("Бишкек, 29.04.21."); anywhere else that is a version or a score.
    short_year = (re.compile(rf"{edge}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<yy>\d{{2}})(?![\w]|\.\d)"),) if lenient else ()
    return (
        # the year first, its parts joined by hyphens, slashes or dots ("2021-03-03", "2021/03/03", "2021.03.03")
        re.compile(rf"{edge}(?P<y>\d{{4}})([-/.])(?P<m>\d{{1,2}})\2(?P<d>\d{{1,2}}){end}"),
        re.compile(rf"{edge}(?P<d>\d{{1,2}})([./\-])(?P<m>\d{{1,2}})\2(?P<y>\d{{4}}){end}"),
        # a stamp with the month's name between slashes or hyphens ("31/October/2024", "05-Jun-2023")
        re.compile(rf"{edge}(?P<d>\d{{1,2}})([/\-])(?P<mn>{month_any})\.?\2(?P<y>\d{{4}}){end}", re.IGNORECASE),
        # an English ordinal may mark the day ("3rd March 2021", "3rd of March 2021")
        re.compile(rf"{edge}(?P<d>\d{{1,2}})(?:(?:st|nd|rd|th)(?:\s+of)?)?(?:\s+de)?\s+(?P<mn>{month_any})\.?"
                   rf"(?:(?:\s+(?:de|del)\s+|,?\s+|\s*,\s*)(?P<y>\d{{4}})(?:\s*(?:г\.|года))?)?{end}", re.IGNORECASE),
        re.compile(rf"{edge}(?P<mn>{month_cap})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
                   rf"(?:,?\s+(?P<y>\d{{4}}))?{end}", re.IGNORECASE if lenient else 0),
    ) + short_year


_DIGIT = re.compile(r"\d")


def find_dates(text: str, languages: tuple[str, ...] | None = None, lenient: bool = False) -> list[DateMatch]:
    """Calendar dates written in `text` (with or without a year), in order, overlaps removed."""
    if not _DIGIT.search(text):
        return []           # every date pattern holds a day's digits: a text without one is not searched
    return list(_dates_in(text, languages, lenient))


@functools.lru_cache(maxsize=64)
def _dates_in(text: str, languages: tuple[str, ...] | None, lenient: bool) -> tuple[DateMatch, ...]:
    """:func:`find_dates` of the last few texts: a page's head asks it of one line up to four times (too few are
    kept for another page to meet them)."""
    found: list[DateMatch] = []
    months = month_names(languages)
    day_starts = [m.start() for m in _DAY_STARTS.finditer(text)]
    for pattern in _date_patterns(languages, lenient) if day_starts else ():
        digit_led = pattern.pattern.startswith((_DATE_EDGE + r"(?P<y>\d", _DATE_EDGE + r"(?P<d>\d"))
        for m in gates.finditer_at(pattern, text, iter(day_starts)) if digit_led else pattern.finditer(text):
            month = months.get(m.group("mn").lower().rstrip(".")) if "mn" in m.groupdict() and m.group("mn") \
                else int(m.group("m"))
            groups = m.groupdict()
            year = int(groups["y"]) if groups.get("y") else _century(int(groups["yy"])) if groups.get("yy") else None
            if month and _valid(year, month, int(m.group("d"))):
                found.append(DateMatch(m.start(), m.end(), year, month, int(m.group("d"))))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMatch] = []
    for date in found:
        if not kept or date.start >= kept[-1].end:
            kept.append(date)
    return tuple(kept)


def _century(short: int) -> int:
    """A two-digit year's full year: this century's, unless that is still to come (then the last one's)."""
    return 2000 + short if 2000 + short <= dt.date.today().year + 1 else 1900 + short


def _valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return False
    if year is None:
        return day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    if not 1900 <= year <= 2100:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=8)
def weekday_abbreviations(languages: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Short weekday names a date stamp may open with ("Wed 3 Mar 2021", "Mié 03 Mar 2021", "Ср, 3 марта"): read on a
    date line only, never in running text, where several are words ("mar", "sun")."""
    return tuple(sorted({w.lower() for iso in languages or available_languages()
                         for w in metadata_words(iso).get("weekday_abbreviations", [])}))


@functools.lru_cache(maxsize=8)
def _weekday_pattern(languages: tuple[str, ...] | None = None) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({_alternation(list(weekday_names(languages)))})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _date_line_residue(languages: tuple[str, ...] | None = None) -> re.Pattern[str]:
    weekdays = _alternation(list(weekday_names(languages)) + list(weekday_abbreviations(languages)))
    # a newspaper's page number may follow the date ("Miércoles 21 de febrero de 2018, p. 11")
    return re.compile(rf"(?i)(?<!\w)(?:{_DATE_LABELS}|{weekdays}|{_TIME}|(?:p|pp|pág|págs|стр|с)\.\s?\d{{1,3}})(?!\w)"
                      r"|[\s\-–—|,/.:()\[\]•·]+")


def is_date_line(line: str, languages: tuple[str, ...] | None = None, lenient: bool = False) -> bool:
    """A line that only states a date (and maybe a time, a weekday or a "Published:" label); `lenient` as for
    :func:`find_dates` (a line of its own may write "junio 17, 2021" in lower case)."""
    if len(line) > 80:
        return False
    dates = find_dates(line, languages, lenient)
    if not dates:
        return False
    rest = line
    for date in reversed(dates):
        rest = rest[: date.start] + " " + rest[date.end:]
    return not _date_line_residue(languages).sub("", rest).strip()


def leading_date(line: str, languages: tuple[str, ...] | None = None) -> DateMatch | None:
    """A full date stamp opening a short line, maybe after a time ("19:00 12.12.2020 Источник: ТАСС"), or None.

    A stamp stands apart from what follows it (a time, a separator, a "Source:" label); a date that runs on into a
    sentence ("June 25, 1993, relations were established", "25 июня 1993 года были установлены") dates an event
    the body tells of, never the page."""
    if len(line) > 150:
        return None
    dates = find_dates(line, languages)
    if not dates or dates[0].year is None or not is_date_line(line[: dates[0].end], languages):
        return None
    rest = line[dates[0].end:]
    if rest.strip() and not _STAMP_SEPARATOR.match(rest):
        return None
    return dates[0]


# what may follow a date stamp on its line: a time, a separator, a label ending in a colon ("Источник:", "Fuente:")
_STAMP_SEPARATOR = re.compile(rf"\s*(?:{_TIME}|[|•·/–—\-]|\w+(?:\s\w+)?:)")


def unglue_time(line: str) -> str:
    """A time glued to the year before it ("3 октября 202320:26") set apart."""
    if ":" not in line:
        return line        # no time: `sub` would still read its template (10 µs), once per line of every page head
    return _GLUED_TIME.sub(r"\1 \2", line)


_GLUED_TIME = re.compile(r"(?<!\d)((?:19|20)\d{2})([0-2]?\d:[0-5]\d)(?!\d)")


def trailing_date(line: str, languages: tuple[str, ...] | None = None) -> int | None:
    """Where a date stamp glued to the end of a headline starts ("... unveiled 04 июля 2014, 10:43"), or None."""
    if _SENTENCE_END.search(line):
        return None  # a sentence ending on a date ("Relations were established on June 25, 1993.") is body text
    # (tested before the dates are looked for: most lines of a page's head that come here are body paragraphs)
    dates = find_dates(line, languages)
    if not dates or dates[-1].year is None:
        return None
    start = dates[-1].start
    if line.count("(", 0, start) > line.count(")", 0, start):
        return None  # "... (Photo: ... in Niamey, July 6, 2024.)": a caption's date, inside its brackets
    before = line[:start].split()
    if before and before[-1].lower().strip(",") in _date_prepositions():
        return None  # "... since June 25, 1993": the date is part of the sentence, not a stamp after a headline
    if is_date_line(line[start:], languages) and len(before) >= 3:
        return start
    return None


_SENTENCE_END = re.compile(r"[.;]\s*$")


@functools.lru_cache(maxsize=1)
def _date_prepositions() -> frozenset[str]:
    """Words that tie a date into a sentence ("on", "since", "desde", "с"): data/lang/<iso>/metadata.toml."""
    return frozenset(w.lower() for iso in available_languages()
                     for w in metadata_words(iso).get("date_prepositions", []))
