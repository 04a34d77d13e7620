"""Time expressions: found per sentence in the sentence's language and resolved against the publication date.

Time expressions are found by the patterns of ``data/lang/<iso>/dates.toml`` (full dates, day+month, months,
years, weekdays, relative words such as "yesterday" / "el año pasado" / "на прошлой неделе"); full dates with a
year of the other configured languages are found too (a Russian dateline in an English article). Rules are used
rather than dateparser's ``search_dates``: measured on the 26 seed and dev articles, dateparser returned 107 hits
of which about half were false ('the 44th', 'a $2', 'may', 'we', 'a un', '2896') and fell back on the machine's
clock without a base date, while these patterns found 66 expressions, every one of them right, and keep exact
spans and precision.

Values are ISO strings at the precision the text fixes: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A week
("last week") is given as the month of its Monday; a range ("12-13 января") as its first day. Weekdays and dates
without a year take the tense of their clause (the parse, else marker words): future → the next one, past → the
last one (the publication day itself when it is that weekday). Whatever needs the publication date stays ``None``
when the article has none; the machine's clock is never used.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from ..datafiles import language_data
from ..records import Sentence, TimeExpression, Token
from ..reading.gates import fold
from .date_cues import MONTH, WEEKDAY, YEAR, Cues, every_cue, gate_words, required_cues

log = logging.getLogger(__name__)

_YEAR = r"(?:1[89]|20)\d\d(?!\d)"
_GROUP_NAMES = ("month", "weekday")
DIRECTION_PAST, DIRECTION_FUTURE, DIRECTION_PRESENT = "past", "future", "present"
#: the kind of a day counted from the story's last day, offset appended ("storyday-1": "a day earlier")
STORY_DAY = "storyday"


# ----------------------------------------------------------------------------------------------- language data

@dataclass(frozen=True, slots=True)
class DatePattern:
    kind: str                 # date, dayofmonth, month, year, weekday, relative, ignore
    regex: re.Pattern[str]
    unit: str | None = None   # relative patterns: day, week, month, year, storyday, ignore
    offset: int = 0
    needs: frozenset[str] = frozenset()   # cues of which each match holds one (`date_cues`); empty: none known
    year_group: bool = False  # its `year` group is the {year} placeholder: a match with a year holds a YEAR cue
    words: tuple[str, ...] = ()  # the required words among `needs`, folded (`reading.gates.fold`)
    every: frozenset[str] = frozenset()   # cues each match holds all of (`date_cues.every_cue`)


@dataclass(frozen=True, slots=True)
class DateLanguage:
    code: str
    patterns: tuple[DatePattern, ...]
    months: tuple[re.Pattern[str], ...]
    month_abbrs: tuple[re.Pattern[str], ...]
    weekdays: tuple[re.Pattern[str], ...]
    numbers: dict[str, int | None]
    future_markers: re.Pattern[str] | None
    past_markers: re.Pattern[str] | None
    future_aux: frozenset[str]
    continuation: tuple[str, ...] = field(default_factory=tuple)
    act_anaphors: tuple[str, ...] = field(default_factory=tuple)   # "the decision", "la medida": the act told before
    sequence: frozenset[str] = frozenset()      # "after", "tras", "после": a time inside dates another event
    statements: frozenset[str] = frozenset()    # "statement", "comunicado", "заявление": what a time may date
    anniversaries: tuple[re.Pattern[str], ...] = field(default_factory=tuple)
    #: "the last time", "la última vez", "в последний раз": a sentence telling the last act before, not the news
    last_instance: re.Pattern[str] | None = None
    #: "Earlier, ...", "Anteriormente, ...", "Ранее ...": a sentence retelling what was said or reported before
    earlier_openings: tuple[str, ...] = field(default_factory=tuple)
    cues: Cues | None = None
    #: the patterns to run on a text, by its cues (`_plan`): filled as texts come, a handful of entries
    plans: dict[tuple[frozenset[str] | None, bool], tuple[tuple[DatePattern, bool], ...]] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False)
    #: every full date of the language holds its year by the {year} placeholder (a YEAR cue): read once here, asked
    #: of every sentence in another language (`_candidates`)
    full_dates_need_year: bool = field(init=False, compare=False, hash=False, repr=False, default=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "full_dates_need_year",
                           all(p.year_group for p in self.patterns if p.kind == "date"))


def _alternatives(forms: list[str], case_sensitive: bool) -> str:
    """One regex alternation of name forms; a form not ending in '.' must end at a word boundary."""
    parts = [f if f.endswith("\\.") else f + r"(?!\w)" for f in forms]
    body = "|".join(parts)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _fills(data: dict[str, Any]) -> dict[str, str]:
    """The regex of each {placeholder} of the patterns."""
    case = bool(data.get("case_sensitive_names", False))
    month_alt = "|".join(_alternatives(forms, case) for forms in data["months"])
    abbr_alt = "|".join(_alternatives(forms, case) for forms in data.get("month_abbr", data["months"]))
    weekday_alt = "|".join(_alternatives(forms, case) for forms in data["weekdays"])
    return {
        "day": r"(?<!\d)[0-3]?\d(?!\d)", "day2": r"(?<!\d)[0-3]?\d(?!\d)", "monthnum": r"[01]?\d",
        "year": _YEAR, "year2": _YEAR, "month": rf"\b(?:{month_alt})", "monthabbr": rf"\b(?:{abbr_alt})",
        "weekday": rf"\b(?:{weekday_alt})",
    }


#: the cue a group filled by a placeholder stands for (`date_cues`)
_CUE_OF_PLACEHOLDER = {"year": YEAR, "year2": YEAR, "month": MONTH, "monthabbr": MONTH, "weekday": WEEKDAY}


def _expand(template: str, data: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """Replace {placeholders}; a name used twice captures only the first time (regex group names are unique).
    Also returns the groups filled by a cue's placeholder, with their cue."""
    fills = _fills(data)
    group_of = {"monthabbr": "month"}
    used: set[str] = set()
    cue_groups: dict[str, str] = {}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fills:
            return match.group(0)
        group = group_of.get(name, name)
        if group in used:
            return f"(?:{fills[name]})"
        used.add(group)
        if name in _CUE_OF_PLACEHOLDER:
            cue_groups[group] = _CUE_OF_PLACEHOLDER[name]
        return f"(?P<{group}>{fills[name]})"

    return re.sub(r"\{(\w+)\}", fill, template), cue_groups


def _pattern(kind: str, template: str, data: dict[str, Any], unit: str | None = None, offset: int = 0) -> DatePattern:
    source, cue_groups = _expand(template, data)
    regex = re.compile(source, re.IGNORECASE)
    needs = required_cues(regex, cue_groups)
    return DatePattern(kind, regex, unit, offset, needs, cue_groups.get("year") == YEAR, gate_words(needs),
                       every_cue(regex, cue_groups))


def _cues(data: dict[str, Any]) -> Cues:
    fills = _fills(data)
    return Cues(re.compile(_YEAR), re.compile(f"{fills['month']}|{fills['monthabbr']}", re.IGNORECASE),
                re.compile(fills["weekday"], re.IGNORECASE))


def _marker_regex(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def date_language(code: str) -> DateLanguage | None:
    """The date data of one language (None when the language has no dates.toml)."""
    data = language_data(code, "dates")
    if data is None:
        return None
    patterns = [_pattern(p["kind"], p["regex"], data) for p in data.get("patterns", [])]
    patterns += [_pattern("relative", r["regex"], data, r.get("unit"), int(r.get("offset", 0)))
                 for r in data.get("relative", [])]
    case = bool(data.get("case_sensitive_names", False))
    numbers = {k.lower(): (v if isinstance(v, int) else None) for k, v in data.get("numbers", {}).items()}
    return DateLanguage(
        code=code,
        patterns=tuple(patterns),
        months=tuple(re.compile(_alternatives(f, case), re.IGNORECASE) for f in data["months"]),
        month_abbrs=tuple(re.compile(_alternatives(f, case), re.IGNORECASE)
                          for f in data.get("month_abbr", data["months"])),
        weekdays=tuple(re.compile(_alternatives(f, case), re.IGNORECASE) for f in data["weekdays"]),
        numbers=numbers,
        future_markers=_marker_regex(data.get("future_markers", [])),
        past_markers=_marker_regex(data.get("past_markers", [])),
        future_aux=frozenset(w.lower() for w in data.get("future_aux", [])),
        continuation=tuple(w.lower() for w in data.get("continuation", [])),
        act_anaphors=tuple(w.lower() for w in data.get("act_anaphors", [])),
        sequence=frozenset(w.lower() for w in data.get("sequence", [])),
        statements=frozenset(w.lower() for w in data.get("statements", [])),
        anniversaries=tuple(re.compile(p, re.IGNORECASE) for p in data.get("anniversary", [])),
        last_instance=_marker_regex(data.get("last_instance", [])),
        earlier_openings=tuple(w.lower() for w in data.get("earlier_openings", [])),
        cues=_cues(data),
    )


def _index_of(patterns: tuple[re.Pattern[str], ...], text: str) -> int | None:
    for i, pattern in enumerate(patterns):
        if pattern.fullmatch(text.strip()):
            return i
    return None


# ----------------------------------------------------------------------------------------------- publication date

@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication date and how much of it is known (year, month or day)."""

    date: dt.date
    precision: str            # "year", "month", "day"

    @classmethod
    def parse(cls, published: str | None) -> Anchor | None:
        if not published:
            return None
        found = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published)
        if not found:
            return None
        year, month, day = found.groups()
        try:
            return cls(dt.date(int(year), int(month or 1), int(day or 1)),
                       "day" if day else "month" if month else "year")
        except ValueError:
            return None

    def knows(self, precision: str) -> bool:
        order = {"year": 0, "month": 1, "day": 2}
        return order[self.precision] >= order[precision]


def iso(date: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def shift_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(date.day, calendar.monthrange(year, month + 1)[1]))


# ----------------------------------------------------------------------------------------------- tense

def clause_direction(sentence: Sentence | None, start: int, end: int, lang: DateLanguage,
                     text: str = "", base: int = 0) -> str | None:
    """'future', 'past' or None for the clause holding [start, end): the governing verb first, then markers.

    Without a parsed sentence, marker words of `text` (which starts at offset `base`) decide."""
    if sentence is not None and sentence.parsed and sentence.tokens:
        found = _direction_from_parse(sentence.tokens, start, end, lang)
        if found:
            return found
    if sentence is not None:
        text, base = sentence.text, sentence.start
    return _direction_from_markers(text, start - base, lang)


def governs(tokens: list[Token], head: int, word: Token, reach: int) -> bool:
    """Is token `head` above `word` in the parse, at most `reach` steps up from it?"""
    current = word
    for _ in range(reach):
        if current.head == current.i or not 0 <= current.head < len(tokens):
            return False
        current = tokens[current.head]
        if current.i == head:
            return True
    return False


def _governing_verb(tokens: list[Token], start: int, end: int) -> Token | None:
    inside = [t for t in tokens if t.start < end and t.end > start]
    if not inside:
        return None
    tok = inside[-1]
    for _ in range(8):
        if tok.pos in ("VERB", "AUX") and not (tok.start < end and tok.end > start):
            return tok
        if tok.head == tok.i or not 0 <= tok.head < len(tokens):
            return tok if tok.pos in ("VERB", "AUX") else None
        tok = tokens[tok.head]
    return None


_PERFECT_AUX = ("have", "haber")


def _direction_from_parse(tokens: list[Token], start: int, end: int, lang: DateLanguage) -> str | None:
    verb = _governing_verb(tokens, start, end)
    if verb is None:
        return None
    auxes = [t for t in tokens if t.head == verb.i and t.i != verb.i and t.dep.startswith("aux")]
    for tok in [verb, *auxes]:
        if tok.lemma.lower() in lang.future_aux or tok.text.lower() in lang.future_aux:
            # Russian "быть" marks the future only in the future tense ("будет"), not in "был"
            if tok.lemma.lower() == "быть" and tok.morph.get("Tense") != "Fut":
                continue
            return DIRECTION_FUTURE
        if tok.morph.get("Tense") == "Fut":
            return DIRECTION_FUTURE
    if any(a.morph.get("Tense") in ("Past", "Imp") for a in auxes):
        return DIRECTION_PAST
    if verb.morph.get("VerbForm") == "Part":
        # a participle takes its tense from its auxiliaries: "has signed" / "ha llegado" are past,
        # "is scheduled" is present; a bare one ("the initiative, announced a decade ago") is past
        if not auxes or any(a.lemma.lower() in _PERFECT_AUX for a in auxes):
            return DIRECTION_PAST
        if any(a.morph.get("Tense") == "Pres" for a in auxes):
            return DIRECTION_PRESENT
        return None
    if verb.morph.get("Tense") in ("Past", "Imp"):
        return DIRECTION_PAST
    if verb.morph.get("Tense") == "Pres" and verb.morph.get("VerbForm", "Fin") == "Fin":
        return DIRECTION_PRESENT        # "la Asamblea, que concluye el viernes": a scheduled event
    if any(a.morph.get("Tense") == "Pres" for a in auxes) and verb.morph.get("Aspect") == "Prog":
        return DIRECTION_PRESENT
    return None


def _direction_from_markers(text: str, position: int, lang: DateLanguage) -> str | None:
    """The nearest future or past marker word in the sentence decides."""
    best: tuple[int, str] | None = None
    for direction, regex in ((DIRECTION_FUTURE, lang.future_markers), (DIRECTION_PAST, lang.past_markers)):
        if regex is None:
            continue
        for m in regex.finditer(text):
            distance = abs(m.start() - position)
            if best is None or distance < best[0]:
                best = (distance, direction)
    return best[1] if best else None


# ----------------------------------------------------------------------------------------------- matching

@dataclass(slots=True)
class Candidate:
    start: int                # offsets into the text given to `find_times`
    end: int
    pattern: DatePattern
    groups: dict[str, str]


def _candidates(text: str, lang: DateLanguage, full_dates_only: bool = False) -> list[Candidate]:
    found: list[Candidate] = []
    if full_dates_only and lang.cues and lang.full_dates_need_year and not lang.cues.year.search(text):
        return found                  # another language's full dates: none without a year (most sentences)
    folded = fold(text) if lang.cues else None
    present = lang.cues.present(text, folded) if lang.cues else None
    for pattern, gated in _plan(lang, present, full_dates_only):
        if gated:
            folded = fold(text) if folded is None else folded
            words = pattern.words     # most patterns need one word: tested without a generator
            if not (words[0] in folded if len(words) == 1 else any(map(folded.__contains__, words))):
                continue              # none of what every match of it holds is in the text
        for m in pattern.regex.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if full_dates_only and "year" not in groups:
                continue
            start = m.end("pre") if "pre" in groups else m.start()
            if m.end() > start:
                found.append(Candidate(start, m.end(), pattern, groups))
    return found


def _plan(lang: DateLanguage, present: frozenset[str] | None,
          full_dates_only: bool) -> tuple[tuple[DatePattern, bool], ...]:
    """The patterns that may match a text holding the cues `present`, in order, each with whether its required
    words must still be looked for: a pattern runs where one of its `needs` is present, or where none is known, and
    otherwise only where its `words` are found. There are few distinct cue sets (a digit, a year, a
    month, a weekday: sixteen), so the choice is made once per set, not once per pattern and sentence."""
    key = (present, full_dates_only)
    plan = lang.plans.get(key)
    if plan is None:
        chosen = []
        for pattern in lang.patterns:
            if full_dates_only and (pattern.kind != "date" or (pattern.year_group and present is not None
                                                                 and YEAR not in present)):
                continue
            if present is not None and not pattern.every <= present:
                continue                  # a cue every match holds is missing: "3 de junio de 2014" without "junio"
            if present is None or not pattern.needs or not pattern.needs.isdisjoint(present):
                chosen.append((pattern, False))
            elif pattern.words:
                chosen.append((pattern, True))
        plan = lang.plans[key] = tuple(chosen)
    return plan


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, the longest winning; ties go to the earlier pattern (more specific)."""
    order = sorted(candidates, key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for cand in order:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _number(word: str | None, lang: DateLanguage) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    return lang.numbers.get(word.lower(), None)


# ----------------------------------------------------------------------------------------------- resolution

@dataclass(slots=True)
class Context:
    lang: DateLanguage
    anchor: Anchor | None
    sentence: Sentence | None
    base: int                 # offset of the matched text in the article
    text: str = ""            # the matched text (for tense markers when there is no parsed sentence)


def _direction(cand: Candidate, ctx: Context) -> str | None:
    if any(k.startswith("past") for k in cand.groups):
        return DIRECTION_PAST
    if any(k.startswith("future") for k in cand.groups):
        return DIRECTION_FUTURE
    return _clause_of(cand, ctx)


def _clause_of(cand: Candidate, ctx: Context) -> str | None:
    return clause_direction(ctx.sentence, ctx.base + cand.start, ctx.base + cand.end, ctx.lang, ctx.text, ctx.base)


def _month_number(cand: Candidate, lang: DateLanguage) -> int | None:
    if "monthnum" in cand.groups:
        number = int(cand.groups["monthnum"])
        return number if 1 <= number <= 12 else None
    name = cand.groups.get("month", "")
    index = _index_of(lang.months, name)
    if index is None:
        index = _index_of(lang.month_abbrs, name)
    if index is None:
        return None
    return index + 1


def _pick_year(month: int, day: int, cand: Candidate, ctx: Context) -> int | None:
    """The year of a day and month given without one, from the publication date and the clause's tense."""
    anchor = ctx.anchor
    if anchor is None or not anchor.knows("month"):
        return None
    pub = anchor.date
    options = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    weekday = _index_of(ctx.lang.weekdays, cand.groups.get("weekday", "")) if "weekday" in cand.groups else None
    if weekday is not None and any(o.weekday() == weekday for o in options):
        options = [o for o in options if o.weekday() == weekday]
    direction = _direction(cand, ctx)
    # a report dated to the month only ("2022-10") may be of any of its days: a day of that month is its own
    last = pub if anchor.precision == "day" else pub.replace(day=calendar.monthrange(pub.year, pub.month)[1])
    if direction == DIRECTION_FUTURE:
        later = [o for o in options if o >= pub]
        options = later or options
    elif direction == DIRECTION_PAST:
        earlier = [o for o in options if o <= last]
        options = earlier or options
    if not options:
        return None
    return min(options, key=lambda o: 0 if pub <= o <= last else min(abs((o - pub).days), abs((o - last).days))).year


def _resolve_date(cand: Candidate, ctx: Context) -> tuple[str | None, str] | None:
    month = _month_number(cand, ctx.lang)
    if month is None:
        return _weekday_and_day(cand, ctx)
    day = int(cand.groups["day"])
    kind = "range" if "day2" in cand.groups else "date"
    shift = _YEAR_SHIFTS.get(next((k for k in _YEAR_SHIFTS if k in cand.groups), ""), None)
    if "year" in cand.groups:
        year = int(cand.groups["year"])
    elif shift is not None:
        # "on 18 April this year", "el 18 de abril del año pasado", "18 апреля текущего года": the report's year
        year = ctx.anchor.date.year + shift if ctx.anchor is not None and ctx.anchor.knows("year") else None
    else:
        year = _pick_year(month, day, cand, ctx)
    if not 1 <= day <= 31:
        return None
    if year is None:
        return None, kind
    try:
        return dt.date(year, month, day).isoformat(), kind
    except ValueError:
        return None


def _resolve_day_of_month(cand: Candidate, ctx: Context) -> tuple[str | None, str] | None:
    """A day of the month named without its month ("on the 15th", "el pasado día 15", "15-го числа"): that day of
    the report's month, or of the month before or after, the nearest one on the clause's side of the report."""
    day = int(cand.groups["day"])
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None or not ctx.anchor.knows("day"):
        return None, "date"
    pub = ctx.anchor.date
    options = []
    for months in (-1, 0, 1):
        first = shift_months(pub.replace(day=1), months)
        if day <= calendar.monthrange(first.year, first.month)[1]:
            options.append(first.replace(day=day))
    direction = DIRECTION_PAST if "past" in cand.groups else DIRECTION_FUTURE if "future" in cand.groups \
        else _direction(cand, ctx)
    if direction == DIRECTION_PAST:
        options = [o for o in options if o <= pub]
    elif direction == DIRECTION_FUTURE:
        options = [o for o in options if o >= pub]
    if not options:
        return None
    return min(options, key=lambda o: (abs((o - pub).days), o > pub)).isoformat(), "date"


#: how far from the report a weekday and a day without a month may lie ("el martes 14")
_WEEKDAY_DAY_REACH = 45


def _weekday_and_day(cand: Candidate, ctx: Context) -> tuple[str | None, str] | None:
    """A weekday with a day of the month and no month ("el martes 14"): the nearest such day to the report."""
    weekday = _index_of(ctx.lang.weekdays, cand.groups.get("weekday", "")) if "weekday" in cand.groups else None
    if weekday is None or "day" not in cand.groups:
        return None
    if ctx.anchor is None or not ctx.anchor.knows("day"):
        return None, "date"
    pub, day = ctx.anchor.date, int(cand.groups["day"])
    fitting = [pub + dt.timedelta(days=n) for n in range(-_WEEKDAY_DAY_REACH, _WEEKDAY_DAY_REACH + 1)
               if (pub + dt.timedelta(days=n)).day == day and (pub + dt.timedelta(days=n)).weekday() == weekday]
    if not fitting:
        return None          # no such day near the report: not read as a date
    return min(fitting, key=lambda d: abs((d - pub).days)).isoformat(), "date"


def _resolve_month(cand: Candidate, ctx: Context) -> tuple[str | None, str] | None:
    month = _month_number(cand, ctx.lang)
    if month is None:
        return None
    if "year" in cand.groups:
        return f"{int(cand.groups['year']):04d}-{month:02d}", "month"
    anchor = ctx.anchor
    shift = _YEAR_SHIFTS.get(next((k for k in _YEAR_SHIFTS if k in cand.groups), ""), None)
    if shift is not None:
        # "в октябре прошлого года", "in June next year", "en octubre del año pasado"
        if anchor is None:
            return None, "month"
        return f"{anchor.date.year + shift:04d}-{month:02d}", "month"
    if anchor is None or not anchor.knows("month"):
        return None, "month"
    pub = anchor.date
    direction = _direction(cand, ctx)
    year = pub.year
    if direction == DIRECTION_PAST and month > pub.month:
        year -= 1
    elif direction == DIRECTION_FUTURE and month < pub.month:
        year += 1
    elif direction in (None, DIRECTION_PRESENT) and month - pub.month > 6:
        year -= 1          # "in June" in a January article is last June
    if "past" in cand.groups and month == pub.month:
        year -= 1          # "last November" written in November
    if "future" in cand.groups and month == pub.month:
        year += 1
    return f"{year:04d}-{month:02d}", "month"


_YEAR_SHIFTS = {"lastyear": -1, "thisyear": 0, "nextyear": 1}


def _resolve_year(cand: Candidate, ctx: Context) -> tuple[str | None, str]:
    return f"{int(cand.groups['year']):04d}", "range" if "year2" in cand.groups else "year"


def _resolve_weekday(cand: Candidate, ctx: Context) -> tuple[str | None, str] | None:
    weekday = _index_of(ctx.lang.weekdays, cand.groups.get("weekday", ""))
    if weekday is None:
        return None
    anchor = ctx.anchor
    if anchor is None or not anchor.knows("day"):
        return None, "weekday"
    pub = anchor.date
    direction = _direction(cand, ctx)
    explicit = any(k.startswith(("past", "future")) for k in cand.groups)
    if direction == DIRECTION_FUTURE:
        # "this Tuesday" written on a Tuesday is that day, even in a clause that looks ahead ("tras su cumbre de
        # este martes, visitarán mañana ...")
        ahead = (weekday - pub.weekday()) % 7 or (0 if "this" in cand.groups else 7)
        return (pub + dt.timedelta(days=ahead)).isoformat(), "weekday"
    back = (pub.weekday() - weekday) % 7
    if direction == DIRECTION_PRESENT and back != 0:
        # present tense with another weekday is the schedule: "concluye el viernes", "the summit opens Monday"
        return (pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)).isoformat(), "weekday"
    if back == 0 and explicit:
        back = 7           # "last Tuesday" written on a Tuesday
    return (pub - dt.timedelta(days=back)).isoformat(), "weekday"


def _resolve_relative(cand: Candidate, ctx: Context) -> tuple[str | None, str] | None:
    unit = cand.pattern.unit
    if unit in (None, "ignore"):
        return None
    count = _number(cand.groups.get("num"), ctx.lang)
    if count is None:
        return None, "relative"
    amount = cand.pattern.offset * count
    if unit == "storyday":       # "a day earlier", "al día siguiente": from the story's day (`dates.resolve_story_days`)
        return None, f"{STORY_DAY}{amount:+d}"
    anchor = ctx.anchor
    need = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    if anchor is None or not anchor.knows(need):
        return None, "relative"
    pub = anchor.date
    if unit == "day":
        return (pub + dt.timedelta(days=amount)).isoformat(), "relative"
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=amount)
        return iso(monday, "month"), "relative"
    if unit == "month":
        return iso(shift_months(pub, amount), "month"), "relative"
    return f"{pub.year + amount:04d}", "relative"


def _inside_name(text: str, start: int) -> bool:
    """A capitalised relative word after a capitalised word mid-sentence is part of a name ("Russia Today")."""
    if not text[start:start + 1].isupper():
        return False
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?:;«\"“(—–-\n":
        return False
    previous = before.split()[-1]
    return previous[:1].isupper()


_RESOLVERS = {"date": _resolve_date, "dayofmonth": _resolve_day_of_month, "month": _resolve_month,
              "year": _resolve_year, "weekday": _resolve_weekday, "relative": _resolve_relative}


def find_times(text: str, language: str, published: str | None = None, *, sentence: Sentence | None = None,
               base: int = 0, sentence_index: int | None = None,
               other_languages: tuple[str, ...] = ()) -> list[TimeExpression]:
    """Time expressions of `text` (offsets shifted by `base`), resolved against `published`.

    `other_languages` adds their full dates with a year (a Russian dateline in an English article)."""
    lang = date_language(language)
    if lang is None:
        return []
    candidates = _candidates(text, lang)
    foreign: dict[int, DateLanguage] = {}
    for code in other_languages:
        other = date_language(code)
        if other is None or code == language:
            continue
        for cand in _candidates(text, other, full_dates_only=True):
            foreign[id(cand)] = other
            candidates.append(cand)
    anchor = Anchor.parse(published)
    times = []
    for cand in _longest_first(candidates):
        if cand.pattern.kind == "ignore" or cand.pattern.unit == "ignore":
            continue
        if cand.pattern.kind == "relative" and _inside_name(text, cand.start):
            continue
        ctx = Context(foreign.get(id(cand), lang), anchor, sentence, base, text)
        try:
            resolved = _RESOLVERS[cand.pattern.kind](cand, ctx)
        except (OverflowError, ValueError):     # past the calendar's ends: "last Monday" in an article of 0001-01-01
            resolved = None, cand.pattern.kind
        if resolved is None:
            continue
        value, kind = resolved
        if value is not None and Anchor.parse(value) is None:
            value = None                        # a year shifted to 0 or 10000 is no date either
        times.append(TimeExpression(base + cand.start, base + cand.end, text[cand.start:cand.end], value,
                                    sentence_index, kind))
    return times
