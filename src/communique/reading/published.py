"""The publication date and where it came from (`published_source`), for the `metadata` stage.

Every place that can date a page gives a candidate; the most trusted one wins:

1. ``input``: the date given with the input (a JSONL or CSV ``published``, the API's argument, a feed's date);
2. ``html-meta``: the page's own metadata (trafilatura's reading of meta tags, JSON-LD and time elements);
3. ``url``: the date in the article's address ("/2023/08/24/", "/20230529/");
4. ``dateline``: the dateline opening the story with its date ("ASUNCION, June 3, 2024 (EFE) –"), or a
   "Place / date" line in the page head;
5. ``byline``: a date on the byline's line ("June 13, 2024 | Central Eurasia Report | By ...");
6. ``date-line``: a line that only dates the page ("04 июля 2014, 10:43", "Publicado: 3 de abril de 2016", the
   scraper's " date 2023-08-24 " marker), or a stamp glued to the headline;
7. inferred (``published_inferred``): a dateline's day and month without a year, the year from the text (source
   ``dateline`` or ``date-line``); a month the text names relative to the day it was written ("next month
   (November)", "в следующем месяце (ноябре)": source ``text``);
8. ``http-last-modified``: the HTTP ``Last-Modified`` header of the response (a crawl's WARC record, the monitor's
   fetch), where it is a real modification stamp (not the response's own ``Date``);
9. ``fetched``: the fetch date (``WARC-Date``, HTTP ``Date``), with a warning: it only bounds the publication.

A less trusted candidate that agrees with the winner and is more precise refines it (the address's "/2024/04/"
and the date line's 15 April give 2024-04-15, from the date line). The HTTP headers come after the page's own
evidence: they date the copy (a modification, a fetch), so trusting them first would date every archived page at
its crawl; they also bound it: a date the page claims after it was fetched is not its publication date. An
address's day one day off the dateline's is a time zone's doing: the dateline's day wins.

A date inside a sentence is an event the story tells of, never the publication date: only stamps standing apart
(a line of their own, a headline's tail, a dateline) are read.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..records import Article
from .decode import url_date
from .gates import Gate, fold, gate
from .metadata import (
    DATE_MARKER,
    HEAD_CHARS,
    DateMatch,
    Dateline,
    _alternation,
    _bare_weekdays,
    available_languages,
    find_authors,
    find_dates,
    head_place_date,
    infer_year,
    is_date_line,
    leading_date,
    metadata_words,
    month_names,
    trailing_date,
    unglue_time,
    weekday_near,
    year_mentions,
)

NO_DATE_WARNING = "no publication date found"
FETCHED_WARNING = "no publication date found: the fetch date (WARC-Date or HTTP Date) stands in for it"
#: the values of `published_source`, most trusted first
SOURCES = ("input", "html-meta", "url", "dateline", "byline", "date-line", "text", "http-last-modified", "fetched")


@dataclass(frozen=True, slots=True)
class Candidate:
    date: str
    source: str
    inferred: bool = False


def choose(candidates: list[Candidate], fetched: str | None = None) -> Candidate | None:
    """The most trusted candidate (the list is in trust order), refined by a later one that agrees with it at its
    precision and says more; candidates dated after the fetch are left out (except the input's own)."""
    usable = [c for c in candidates if c.source == "input" or not _after(c.date, fetched)]
    if not usable:
        return None
    best = usable[0]
    for later in usable[1:]:
        if len(later.date) > len(best.date) and later.date.startswith(best.date):
            best = later
    return _local_day(best, usable)




def _local_day(best: Candidate, candidates: list[Candidate]) -> Candidate:
    """An address's day one day off the day of the dateline is the server's time zone speaking (a story filed in
    the evening in Buenos Aires has the next day in a Beijing or UTC address): the dateline states the local day
    the story was filed, and that is its publication date; the year it may have inferred from the text cannot
    move a day by one. Any other disagreement (or a page stamp, itself often in the site's zone) leaves the address
    trusted."""
    if best.source != "url" or len(best.date) != 10:
        return best
    for stamp in candidates:
        if stamp.source == "dateline" and len(stamp.date) == 10:
            if abs((dt.date.fromisoformat(stamp.date) - dt.date.fromisoformat(best.date)).days) == 1:
                return stamp
            break
    return best


def _after(date: str, bound: str | None) -> bool:
    return bool(bound) and date[: len(bound)] > bound[: len(date)]  # type: ignore[index]


def publication_date(article: Article, source: str, dateline: Dateline | None) -> None:
    """Set `published`, `published_source` and `published_inferred` from the best candidate, or warn."""
    candidates: list[Candidate] = []
    if article.published:
        candidates.append(Candidate(article.published, article.published_source or "input",
                                    article.published_inferred))
    if (from_url := url_date(article.url)) is not None:
        candidates.append(Candidate(from_url, "url"))
    candidates += text_candidates(source, dateline)
    if article.last_modified:
        candidates.append(Candidate(article.last_modified[:10], "http-last-modified"))
    best = choose(candidates, article.retrieved)
    if best is None and article.retrieved:
        best = Candidate(article.retrieved[:10], "fetched", inferred=True)
        article.warn(FETCHED_WARNING)
    if best is None:
        article.published, article.published_source, article.published_inferred = None, None, False
        article.warn(NO_DATE_WARNING)
        return
    article.published, article.published_source, article.published_inferred = best.date, best.source, best.inferred


def text_candidates(source: str, dateline: Dateline | None) -> list[Candidate]:
    """What the text itself says, most trusted first: the dateline's full date, the byline's, a date line's, then
    the dates inferred from a day and month without a year and from a month named relative to the writing."""
    found: list[Candidate] = []
    if dateline and dateline.date and dateline.date.year:
        found.append(Candidate(dateline.date.iso() or "", "dateline"))
    marker = DATE_MARKER.match(source)
    head = head_dates(source)
    found += [Candidate(d.iso() or "", kind) for d, kind in head if d.year and kind == "byline"]
    if marker:
        found.append(Candidate(marker.group(1), "date-line"))
    # of several date lines, the earliest: a page's clock ("Wednesday, 17 August 2022, 06:21:14 pm" above the
    # story) and an update stamp date the copy, after the story was published
    found += [Candidate(iso, "date-line") for iso in sorted(d.iso() or "" for d, kind in head
                                                            if d.year and kind == "date-line")]
    if not found and (stamp := bracketed_stamp(source)) is not None:
        found.append(Candidate(stamp, "dateline"))
    partial, kind = ((dateline.date, "dateline") if dateline and dateline.date
                     else (head[0][0], "date-line") if head else (None, ""))
    if found:
        found = found[:1] + [c for c in found[1:] if c.date != found[0].date]
        if len(found[0].date) == 7 and partial is not None and partial.year is None \
                and found[0].date.endswith(f"-{partial.month:02d}"):
            # the scraper's month (" date 2016-10 ") and the dateline's day without a year ("Buenos Aires, 14 oct
            # (EFE).-"): the day of that month (`choose` refines the month by it)
            found.append(Candidate(f"{found[0].date}-{partial.day:02d}", kind, inferred=True))
        return found
    if partial is not None and (year := infer_publication_year(source, partial)):
        found.append(Candidate(f"{year:04d}-{partial.month:02d}-{partial.day:02d}", kind, inferred=True))
    if (month := relative_month(source)) is not None:
        found.append(Candidate(month, "text", inferred=True))
    return found


@functools.lru_cache(maxsize=1)
def _bracketed_stamp_pattern() -> re.Pattern[str]:
    months = _alternation(list(month_names()))
    return re.compile(rf"\((?P<mn>{months})\.?\s?(?P<d>\d{{1,2}})/(?P<y>\d{{2}})\)", re.IGNORECASE)


#: how far into its line a bracketed stamp may stand (after the place: "Lima (Perú), (jun. 26/14).")
_STAMP_REACH = 60


def bracketed_stamp(source: str) -> str | None:
    """A dateline's date written in brackets as month, day and a two-digit year after the place ("Bogotá (jun.
    26/14).", "Ciudad de México (mar. 10/20). Los gobiernos ..."), in the page's head; None without one."""
    months = month_names()
    for line in source[:HEAD_CHARS].splitlines():
        m = _bracketed_stamp_pattern().search(line[:_STAMP_REACH + 20])
        if m is None or m.start() > _STAMP_REACH:
            continue
        month, day, year = months.get(m.group("mn").lower()), int(m.group("d")), 2000 + int(m.group("y"))
        if month and 1 <= day <= 31 and year <= dt.date.today().year:
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


def head_dates(source: str) -> list[tuple[DateMatch, str]]:
    """Dates on the short lines at the top of the page (date widgets, "Published:", a headline's stamp, a stamp
    opening a line), each with its kind: "byline" where the line names an author, else "date-line"."""
    found: list[tuple[DateMatch, str]] = []
    for line in source[:HEAD_CHARS].splitlines():
        segments = line.strip().split(" | ") if len(line) <= 150 else [line.strip()]
        kind = "byline" if len(segments) > 1 and find_authors(line, available_languages()) else "date-line"
        for segment in segments:
            segment = unglue_time(segment.strip())
            if not segment:
                continue
            if is_date_line(segment):
                found += [(d, kind) for d in find_dates(segment)]
            elif is_date_line(segment, lenient=True):
                # on a line of its own a month may open the date in lower case ("junio 17, 2021")
                found += [(d, kind) for d in find_dates(segment, lenient=True)]
            elif (stamp := trailing_date(segment)) is not None:
                found += [(d, kind) for d in find_dates(segment[stamp:])]
            elif (lead := leading_date(segment)) is not None:
                found.append((lead, kind))
            elif (placed := head_place_date(segment)) is not None:
                found.append((placed[1], kind))  # "Oman Thursday 31/October/2024 18:16 PM": the place, then the stamp
    return found


def infer_publication_year(source: str, partial: DateMatch) -> int | None:
    """The year of a day and month written without one. The evidence, strongest first: the same day and month
    written with a year elsewhere in the text, the latest year it mentions (an anniversary's first day stays a past
    event); a weekday written next to that date ("Tuesday, June 3"); the weekdays the story names ("got under way
    on Tuesday" under "ASUNCION, June 3"), each taken as the day of the dateline; a weekday written next to another
    date ("el lunes 5 de septiembre"), which dates the story's event and so the year of the page."""
    dates = find_dates(source)
    latest = max(year_mentions(source), default=0)
    for date in dates:
        if date.year and (date.month, date.day) == (partial.month, partial.day) and date.year >= latest:
            return date.year  # the same day written in full elsewhere ("el 25 de abril de 2025" under "25 abr")
    attached = [(date, weekday) for date in dates if (weekday := weekday_near(source, date.start)) is not None]
    for date, weekday in attached:
        if (date.month, date.day) == (partial.month, partial.day):
            year = date.year or infer_year(date.month, date.day, [weekday], source)
            if year:
                return year
    year = infer_year(partial.month, partial.day, _bare_weekdays(source[partial.end:]), source)
    if year:
        return year
    for date, weekday in attached:
        event_year = date.year or infer_year(date.month, date.day, [weekday], source)
        if event_year:
            later_in_year = (partial.month, partial.day) >= (date.month, date.day)
            return event_year if later_in_year else event_year + 1
    return None


# --- a month named relative to the writing ----------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _relative_month_gate() -> Gate | None:
    """The phrases one of which every match of the relative-month pattern holds: the text is searched only where it
    holds one (a substring test; the pattern, one alternation of all the phrases and months, is tried at every
    position of every page, and few pages have one)."""
    found = _relative_month_pattern()
    return gate(found[0]) if found else None


@functools.lru_cache(maxsize=1)
def _relative_month_pattern() -> tuple[re.Pattern[str], dict[str, int], dict[str, int]] | None:
    """"next month (November)", "el próximo mes, noviembre,", "в следующем месяце (ноябре": the phrases and their
    offsets (data/lang/<iso>/metadata.toml `[relative_months]`), then the month named beside them in apposition
    (after a bracket, a comma, a dash or a colon: "el próximo mes de noviembre" is next November, not next month)."""
    offsets: dict[str, int] = {}
    months = dict(month_names())
    for iso in available_languages():
        words = metadata_words(iso)
        offsets.update({k.lower(): int(v) for k, v in words.get("relative_months", {}).items()})
        months.update({k.lower(): int(v) for k, v in words.get("month_forms", {}).items()})
    if not offsets:
        return None
    pattern = re.compile(rf"(?<!\w)(?P<phrase>{_alternation(list(offsets))})(?!\w)\s*[(,:–—\-]\s*"
                         rf"(?:(?:in|en|в|во)\s+)?(?P<month>{_alternation(list(months))})(?!\w)", re.IGNORECASE)
    return pattern, offsets, months


def relative_month(text: str, today: dt.date | None = None) -> str | None:
    """The month the text was written in, from a month it names relative to it ("next month (November)" -> the
    October before), as "YYYY-MM": the year is that of the named month written with a year elsewhere in the text,
    else the latest year the text mentions (not after today); None without such a phrase or any year."""
    found = _relative_month_pattern()
    if found is None:
        return None
    pattern, offsets, months = found
    head = text[:50000]
    cue = _relative_month_gate()
    m = pattern.search(head) if cue is None or cue.may_match(head, fold(head)) else None
    if m is None:
        return None
    named, offset = months[m.group("month").lower()], offsets[m.group("phrase").lower()]
    today = today or dt.date.today()
    years = [d.year for d in find_dates(text) if d.year and d.month == named and d.year <= today.year]
    years = years or [y for y in year_mentions(text) if y <= today.year]
    if not years:
        return None
    index = max(years) * 12 + (named - 1) - offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
