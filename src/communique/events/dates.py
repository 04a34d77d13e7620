"""Stage `dates`: time expressions resolved against the publication date, then each event's date.

Time expressions are found per sentence, in the sentence's language, by the patterns of
``data/lang/<iso>/dates.toml`` (full dates, day+month, months, years, weekdays, relative words such as
"yesterday" / "el año pasado" / "на прошлой неделе"); full dates with a year of the other configured languages are
found too (a Russian dateline in an English article). Rules are used rather than dateparser's ``search_dates``:
measured on the 26 seed and dev articles, dateparser returned 107 hits of which about half were false ('the 44th',
'a $2', 'may', 'we', 'a un', '2896') and fell back on the machine's clock without a base date, while these
patterns found 66 expressions, every one of them right, and keep exact spans and precision.

Values are ISO strings at the precision the text fixes: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A week
("last week") is given as the month of its Monday; a range ("12-13 января") as its first day. Weekdays and dates
without a year take the tense of their clause (the parse, else marker words): future → the next one, past → the
last one (the publication day itself when it is that weekday). Whatever needs the publication date stays ``None``
when the article has none; the machine's clock is never used.

Event dates: the time expression of the event's sentence closest to the trigger, those hanging on the trigger's
clause first; a time that only describes another clause or a noun ("the initiative, announced a decade ago") is
used only when it is a day within a week of publication. Else the previous sentence's, when the event's sentence
clearly continues it ("During the visit, ..."). Else, for an occurred or ongoing event, the publication day, as
GDELT dates events by their report (stage option ``undated_precision = "month"`` keeps only the month, except
for a headline or a present-tense clause); `date_text` stays null, so such dates are told apart from dates the
text states. Planned events with no time expression stay undated.
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
from ..records import Article, Event, Sentence, TimeExpression, Token
from ..registry import Stage, stage

log = logging.getLogger(__name__)

_YEAR = r"(?:1[89]|20)\d\d(?!\d)"
_GROUP_NAMES = ("month", "weekday")
_DIRECTION_PAST, _DIRECTION_FUTURE, _DIRECTION_PRESENT = "past", "future", "present"


# ----------------------------------------------------------------------------------------------- language data

@dataclass(frozen=True, slots=True)
class DatePattern:
    kind: str                 # date, month, year, weekday, relative, ignore
    regex: re.Pattern[str]
    unit: str | None = None   # relative patterns: day, week, month, year, ignore
    offset: int = 0


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
    anniversaries: tuple[re.Pattern[str], ...] = field(default_factory=tuple)


def _alternatives(forms: list[str], case_sensitive: bool) -> str:
    """One regex alternation of name forms; a form not ending in '.' must end at a word boundary."""
    parts = [f if f.endswith("\\.") else f + r"(?!\w)" for f in forms]
    body = "|".join(parts)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _expand(template: str, data: dict[str, Any]) -> str:
    """Replace {placeholders}; a name used twice captures only the first time (regex group names are unique)."""
    case = bool(data.get("case_sensitive_names", False))
    month_alt = "|".join(_alternatives(forms, case) for forms in data["months"])
    abbr_alt = "|".join(_alternatives(forms, case) for forms in data.get("month_abbr", data["months"]))
    weekday_alt = "|".join(_alternatives(forms, case) for forms in data["weekdays"])
    fills = {
        "day": r"(?<!\d)[0-3]?\d(?!\d)", "day2": r"(?<!\d)[0-3]?\d(?!\d)", "monthnum": r"[01]?\d",
        "year": _YEAR, "year2": _YEAR, "month": rf"\b(?:{month_alt})", "monthabbr": rf"\b(?:{abbr_alt})",
        "weekday": rf"\b(?:{weekday_alt})",
    }
    group_of = {"monthabbr": "month"}
    used: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fills:
            return match.group(0)
        group = group_of.get(name, name)
        if group in used:
            return f"(?:{fills[name]})"
        used.add(group)
        return f"(?P<{group}>{fills[name]})"

    return re.sub(r"\{(\w+)\}", fill, template)


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
    patterns = [DatePattern(p["kind"], re.compile(_expand(p["regex"], data), re.IGNORECASE))
                for p in data.get("patterns", [])]
    patterns += [DatePattern("relative", re.compile(_expand(r["regex"], data), re.IGNORECASE),
                             r.get("unit"), int(r.get("offset", 0))) for r in data.get("relative", [])]
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
        anniversaries=tuple(re.compile(p, re.IGNORECASE) for p in data.get("anniversary", [])),
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
            return _DIRECTION_FUTURE
        if tok.morph.get("Tense") == "Fut":
            return _DIRECTION_FUTURE
    if any(a.morph.get("Tense") in ("Past", "Imp") for a in auxes):
        return _DIRECTION_PAST
    if verb.morph.get("VerbForm") == "Part":
        # a participle takes its tense from its auxiliaries: "has signed" / "ha llegado" are past,
        # "is scheduled" is present; a bare one ("the initiative, announced a decade ago") is past
        if not auxes or any(a.lemma.lower() in _PERFECT_AUX for a in auxes):
            return _DIRECTION_PAST
        if any(a.morph.get("Tense") == "Pres" for a in auxes):
            return _DIRECTION_PRESENT
        return None
    if verb.morph.get("Tense") in ("Past", "Imp"):
        return _DIRECTION_PAST
    if verb.morph.get("Tense") == "Pres" and verb.morph.get("VerbForm", "Fin") == "Fin":
        return _DIRECTION_PRESENT        # "la Asamblea, que concluye el viernes": a scheduled event
    if any(a.morph.get("Tense") == "Pres" for a in auxes) and verb.morph.get("Aspect") == "Prog":
        return _DIRECTION_PRESENT
    return None


def _direction_from_markers(text: str, position: int, lang: DateLanguage) -> str | None:
    """The nearest future or past marker word in the sentence decides."""
    best: tuple[int, str] | None = None
    for direction, regex in ((_DIRECTION_FUTURE, lang.future_markers), (_DIRECTION_PAST, lang.past_markers)):
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
    for pattern in lang.patterns:
        if full_dates_only and pattern.kind != "date":
            continue
        for m in pattern.regex.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if full_dates_only and "year" not in groups:
                continue
            start = m.end("pre") if "pre" in groups else m.start()
            if m.end() > start:
                found.append(Candidate(start, m.end(), pattern, groups))
    return found


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
        return _DIRECTION_PAST
    if any(k.startswith("future") for k in cand.groups):
        return _DIRECTION_FUTURE
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
    if direction == _DIRECTION_FUTURE:
        later = [o for o in options if o >= pub]
        options = later or options
    elif direction == _DIRECTION_PAST:
        earlier = [o for o in options if o <= pub]
        options = earlier or options
    if not options:
        return None
    return min(options, key=lambda o: abs((o - pub).days)).year


def _resolve_date(cand: Candidate, ctx: Context) -> tuple[str | None, str] | None:
    month = _month_number(cand, ctx.lang)
    if month is None:
        return None
    day = int(cand.groups["day"])
    kind = "range" if "day2" in cand.groups else "date"
    year = int(cand.groups["year"]) if "year" in cand.groups else _pick_year(month, day, cand, ctx)
    if not 1 <= day <= 31:
        return None
    if year is None:
        return None, kind
    try:
        return dt.date(year, month, day).isoformat(), kind
    except ValueError:
        return None


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
    if direction == _DIRECTION_PAST and month > pub.month:
        year -= 1
    elif direction == _DIRECTION_FUTURE and month < pub.month:
        year += 1
    elif direction in (None, _DIRECTION_PRESENT) and month - pub.month > 6:
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
    if direction == _DIRECTION_FUTURE:
        ahead = (weekday - pub.weekday()) % 7 or 7
        return (pub + dt.timedelta(days=ahead)).isoformat(), "weekday"
    back = (pub.weekday() - weekday) % 7
    if direction == _DIRECTION_PRESENT and back != 0:
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


_RESOLVERS = {"date": _resolve_date, "month": _resolve_month, "year": _resolve_year,
              "weekday": _resolve_weekday, "relative": _resolve_relative}


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
        resolved = _RESOLVERS[cand.pattern.kind](cand, ctx)
        if resolved is None:
            continue
        value, kind = resolved
        times.append(TimeExpression(base + cand.start, base + cand.end, text[cand.start:cand.end], value,
                                    sentence_index, kind))
    return times


# ----------------------------------------------------------------------------------------------- events

def _trigger_token(sentence: Sentence, event: Event) -> Token | None:
    if event.trigger is None or not sentence.tokens:
        return None
    return sentence.token_at(event.trigger.start)


def _verb_of(tokens: list[Token], tok: Token) -> Token:
    """The nearest verb at or above `tok` (itself when it is one)."""
    current = tok
    for _ in range(8):
        if current.pos in ("VERB", "AUX"):
            return current
        if current.head == current.i or not 0 <= current.head < len(tokens):
            break
        current = tokens[current.head]
    return tok


_CLAUSE_MODIFIERS = ("acl", "relcl", "acl:relcl")
_NOUN_MODIFIERS = ("compound", "amod", "nummod")
# a time that only describes a noun or a relative clause ("the initiative announced a decade ago", "for the
# 2017-2018 term") dates the event only when it is close to the publication date (the same news)
_WEAK_TIME_MAX_DAYS = 7


def attachment(sentence: Sentence, time: TimeExpression, trigger: Token | None) -> str:
    """How the time expression hangs on the event's trigger: 'direct', 'weak' or 'none' (unknown/other clause)."""
    if trigger is None or not sentence.parsed:
        return "none"
    tokens = sentence.tokens
    inside = [t for t in tokens if t.start < time.end and t.end > time.start]
    if not inside:
        return "none"
    targets = {trigger.i, _verb_of(tokens, trigger).i}
    # the token of the expression whose head lies outside it
    top = next((t for t in inside if not (time.start <= tokens[t.head].start < time.end) or t.head == t.i),
               inside[-1])
    weak = top.dep in _NOUN_MODIFIERS and tokens[top.head].i not in targets
    tok = top
    for _ in range(10):
        if tok.i in targets:
            return "weak" if weak else "direct"
        if tok.head == tok.i or not 0 <= tok.head < len(tokens):
            return "none"
        # a clause on the trigger noun itself dates it ("состоявшегося в 2000 г. саммита"); another clause
        # ("the initiative, announced a decade ago") or another clause's verb only describes something else
        on_trigger_noun = tok.head == trigger.i and trigger.pos in ("NOUN", "PROPN")
        if tok.dep in _CLAUSE_MODIFIERS and not on_trigger_noun:
            weak = True
        tok = tokens[tok.head]
        on_trigger_noun = tok.head == trigger.i and trigger.pos in ("NOUN", "PROPN")
        if tok.pos in ("VERB", "AUX") and tok.i not in targets and not on_trigger_noun:
            weak = True
    return "none"


def _near_publication(time: TimeExpression, anchor: Anchor | None) -> bool:
    """A day within a week of publication: the weak time is part of the same news (the summit that opened
    on Tuesday); a month or a year is too coarse to tell ("quien dimitió el mes pasado")."""
    if anchor is None or not time.value:
        return True
    low = Anchor.parse(time.value)
    if low is None or low.precision != "day":
        return False
    return abs((low.date - anchor.date).days) <= _WEAK_TIME_MAX_DAYS


def best_time(article: Article, event: Event, times: list[TimeExpression]) -> TimeExpression | None:
    """The time expression of the event's sentence closest to the trigger, directly attached ones first."""
    if not times:
        return None
    sentence = article.sentences[event.sentence] if 0 <= event.sentence < len(article.sentences) else None
    anchor = event.trigger.start if event.trigger else (sentence.start if sentence else event.evidence.start)
    trigger = _trigger_token(sentence, event) if sentence else None
    published = Anchor.parse(article.published)
    ranked = []
    for time in times:
        how = attachment(sentence, time, trigger) if sentence is not None else "none"
        if how == "weak" and not _near_publication(time, published):
            continue
        distance = min(abs(time.start - anchor), abs(time.end - anchor))
        ranked.append(((0 if how == "direct" else 1, 0 if time.value else 1, distance), time))
    return min(ranked, key=lambda r: r[0])[1] if ranked else None


def _continues(article: Article, index: int) -> bool:
    """Does sentence `index` clearly continue the previous one (same paragraph, a continuation opening)?"""
    if index <= 0 or index >= len(article.sentences):
        return False
    sentence, previous = article.sentences[index], article.sentences[index - 1]
    same_paragraph = any(p.start <= previous.start and sentence.end <= p.end for p in article.paragraphs)
    if not same_paragraph:
        return False
    lang = date_language(sentence.language)
    if lang is None:
        return False
    opening = sentence.text.lower().lstrip("«\"“ ")
    return any(opening.startswith(marker) for marker in lang.continuation)


def date_event(article: Article, event: Event, by_sentence: dict[int, list[TimeExpression]],
               undated_precision: str = "day") -> None:
    """Give `event` its date and date_text (see the module docstring for the conventions)."""
    if not date_from_text(article, event, by_sentence):
        date_by_report(article, event, undated_precision)


def date_from_text(article: Article, event: Event, by_sentence: dict[int, list[TimeExpression]]) -> bool:
    """Date `event` from a time the text states for it; False when there is none."""
    if date_by_anniversary(article, event, by_sentence.get(event.sentence, [])):
        return True
    chosen = best_time(article, event, by_sentence.get(event.sentence, []))
    if chosen is None and _continues(article, event.sentence):
        previous = [t for t in by_sentence.get(event.sentence - 1, []) if t.value]
        chosen = previous[-1] if previous else None
    if chosen is None:
        chosen = _time_of_other_statements(article, event, by_sentence)
    if chosen is None:
        chosen = _time_of_previous_mention(article, event, by_sentence)
    if chosen is None:
        return False
    event.date, event.date_text = chosen.value, chosen.text
    _correct_status(article, event)
    return True


# how far (characters) the trigger may follow "the 30th anniversary of": "of the establishment of diplomatic ..."
_ANNIVERSARY_REACH = 40


def date_by_anniversary(article: Article, event: Event, times: list[TimeExpression]) -> bool:
    """An event named as what an anniversary celebrates ("the 30th anniversary of the establishment of diplomatic
    relations", "10-летие с момента подписания Соглашения") happened that many years before the celebration:
    the year the sentence gives (other than the anniversary's own words), else the publication year."""
    if event.trigger is None or not 0 <= event.sentence < len(article.sentences):
        return False
    sentence = article.sentences[event.sentence]
    lang = date_language(sentence.language)
    if lang is None:
        return False
    trigger_at = event.trigger.start - sentence.start
    for pattern in lang.anniversaries:
        for m in pattern.finditer(sentence.text):
            if not 0 <= trigger_at - m.end() <= _ANNIVERSARY_REACH:
                continue
            celebrated = _celebration_year(article, sentence.start + m.start(), sentence.start + m.end(), times)
            if celebrated is None:
                event.date, event.date_text, event.status = None, m.group(0), "occurred"
                return True
            event.date, event.date_text = f"{celebrated - int(m.group('years')):04d}", m.group(0)
            event.status = "occurred"
            return True
    return False


def _celebration_year(article: Article, start: int, end: int, times: list[TimeExpression]) -> int | None:
    """The year in which the anniversary is marked: a time of its sentence outside its words, or publication."""
    for time in times:
        if time.value and (time.end <= start or time.start >= end):
            return int(time.value[:4])
    return int(article.published[:4]) if article.published else None


def _time_of_other_statements(article: Article, event: Event,
                              by_sentence: dict[int, list[TimeExpression]]) -> TimeExpression | None:
    """A time stated in another sentence of the document that states the same event ("The upcoming opening of
    the Mexican Embassy ..." / "later in 2014 Mexican Embassy will be opened"), on the event's side of the
    publication date (the future for a planned event, the past for one that happened)."""
    starts = {s.start: i for i, s in enumerate(article.sentences)}
    published = article.published
    for span in event.also:
        for time in by_sentence.get(starts.get(span.start, -1), []):
            if not time.value:
                continue
            if published and event.status == "planned" and time.value < published[:len(time.value)]:
                continue
            if published and event.status in ("occurred", "ongoing") and time.value > published[:len(time.value)]:
                continue
            return time
    return None


def _time_of_previous_mention(article: Article, event: Event,
                              by_sentence: dict[int, list[TimeExpression]]) -> TimeExpression | None:
    """The sentence just before, in the same paragraph, names an event of the same type with a time ("La visita
    de Estado a Rusia comenzará el 11 de noviembre. Tokáyev viajará a Moscú ..."): the same event, told twice.
    The time must lie on the event's side of the publication date."""
    index = event.sentence
    if index <= 0 or index >= len(article.sentences) or not _same_paragraph(article, index - 1, index):
        return None
    previous = article.sentences[index - 1]
    times = [t for t in by_sentence.get(index - 1, []) if t.value and _on_the_side_of(article, event, t.value)]
    if not times:
        return None
    from ..lexicon import lexicon

    lex = lexicon(previous.language)
    if lex is None:
        return None
    lemmas = {t.lemma.lower() for t in previous.tokens} | {t.text.lower() for t in previous.tokens}
    names = any(f.type == event.type for lemma in lemmas for f in (*lex.nouns.get(lemma, ()), *lex.verbs.get(lemma, ())))
    return times[0] if names else None


def _same_paragraph(article: Article, a: int, b: int) -> bool:
    first, second = article.sentences[a], article.sentences[b]
    return any(p.start <= first.start and second.end <= p.end for p in article.paragraphs)


def _on_the_side_of(article: Article, event: Event, value: str) -> bool:
    """Is `value` in the future for a planned event, in the past for one that happened (unknown: either)?"""
    published = article.published
    if not published:
        return True
    if event.status == "planned":
        return value >= published[:len(value)]
    return value <= published[:len(value)]


def inherit_dates(article: Article) -> None:
    """An undated event stated in the same sentence as a dated meeting or visit took place during it: "durante su
    próxima visita a Rusia se firmará una declaración" takes the visit's date, at the visit's status."""
    frames = [e for e in article.events if e.type == "CONSULT" and e.date and e.date_text]
    for event in article.events:
        if event.date or event.type == "CONSULT":
            continue
        sentence = article.sentences[event.sentence].start if 0 <= event.sentence < len(article.sentences) else None
        for frame in frames:
            stated_in = {frame.evidence.start} | {span.start for span in frame.also}
            if sentence in stated_in and _same_status_class(frame.status, event.status):
                event.date, event.date_text = frame.date, frame.date_text
                break
    _inherit_by_place(article, frames)


def _inherit_by_place(article: Article, frames: list[Event]) -> None:
    """An undated event at a place a dated visit or meeting of the sentence before went to happened during it:
    "Putin visitó Astaná en noviembre de 2024 … «En Astaná se firmó un sólido paquete de documentos»"."""
    for event in article.events:
        if event.date or event.location is None or not event.location.name:
            continue
        for frame in frames:
            if 1 <= event.sentence - frame.sentence <= 2 and _same_status_class(frame.status, event.status) \
                    and event.location.name in frame.evidence.text:
                event.date, event.date_text = frame.date, frame.date_text
                break


def _same_status_class(a: str, b: str) -> bool:
    done = ("occurred", "ongoing")
    return a == b or (a in done and b in done)


def date_by_report(article: Article, event: Event, undated_precision: str = "day") -> None:
    """An occurred or ongoing event the text gives no date for: the publication date (see the module docstring)."""
    anchor = Anchor.parse(article.published)
    if event.status in ("occurred", "ongoing") and anchor is not None and anchor.knows("month"):
        # a news report describes recent events: dated by the report (a headline or a present-tense clause
        # always reports the news of the publication day: "Putin recibe a Tokáyev", "Kazakhstan opens embassy")
        wanted = "day" if _in_headline(article, event) or _in_present_tense(article, event) else undated_precision
        precision = wanted if anchor.knows(wanted) else "month"
        event.date, event.date_text = iso(anchor.date, precision), None


# ----------------------------------------------------------------------------------------------- undated articles

def time_floor(article: Article) -> str | None:
    """For an article without a publication date: the latest date with a year that the text puts in the past
    ("Putin visitó Astaná en noviembre de 2024"). The article was written after it."""
    floor = None
    for time in article.times:
        if not time.value or time.sentence is None or not 0 <= time.sentence < len(article.sentences):
            continue
        sentence = article.sentences[time.sentence]
        lang = date_language(sentence.language)
        if lang is None or clause_direction(sentence, time.start, time.end, lang) != _DIRECTION_PAST:
            continue
        end = _period_end(time.value)
        if end and (floor is None or end > floor):
            floor = end
    return floor


def _period_end(value: str) -> str | None:
    """The last day of an ISO year, month or day."""
    anchor = Anchor.parse(value)
    if anchor is None:
        return None
    if anchor.precision == "day":
        return anchor.date.isoformat()
    if anchor.precision == "month":
        last = calendar.monthrange(anchor.date.year, anchor.date.month)[1]
        return anchor.date.replace(day=last).isoformat()
    return f"{anchor.date.year:04d}-12-31"


def resolve_after_floor(article: Article, languages: tuple[str, ...]) -> None:
    """Without a publication date, a future day or month with no year ("comenzará el 11 de noviembre") is the
    first one after the latest past date the text gives: the article cannot be older than what it reports.
    Past and present expressions without a year stay unresolved (the article may be years after that floor)."""
    floor = time_floor(article)
    if floor is None:
        return
    unresolved = {(t.start, t.end): n for n, t in enumerate(article.times) if t.value is None}
    if not unresolved:
        return
    for index in sorted({article.times[n].sentence for n in unresolved.values()} - {None}):
        sentence = article.sentences[index]
        lang = date_language(sentence.language)
        if lang is None:
            continue
        for time in find_times(sentence.text, sentence.language, floor, sentence=sentence, base=sentence.start,
                               sentence_index=index, other_languages=languages):
            n = unresolved.get((time.start, time.end))
            if n is not None and time.value and time.value > floor \
                    and clause_direction(sentence, time.start, time.end, lang) == _DIRECTION_FUTURE:
                article.times[n] = time


def _in_present_tense(article: Article, event: Event) -> bool:
    """Is the event's clause in the present tense ("the goal of the trip is", "que realiza la primera visita")?
    A news report's present is its publication day."""
    if not 0 <= event.sentence < len(article.sentences):
        return False
    sentence = article.sentences[event.sentence]
    trigger = _trigger_token(sentence, event)
    if trigger is None or not sentence.parsed:
        return False
    lang = date_language(sentence.language)
    verb = _verb_of(sentence.tokens, trigger)
    if verb.pos not in ("VERB", "AUX"):
        return False
    auxes = [t for t in sentence.tokens if t.head == verb.i and t.i != verb.i and t.dep.startswith("aux")]
    if lang is not None and any(t.lemma.lower() in lang.future_aux or t.text.lower() in lang.future_aux
                                for t in auxes):
        return False
    if verb.morph.get("Tense") == "Pres" and verb.morph.get("VerbForm", "Fin") == "Fin" and not auxes:
        return True
    # progressive present: "are developing", "están desarrollando"
    return verb.morph.get("Aspect") == "Prog" and any(t.morph.get("Tense") == "Pres" for t in auxes)


def _in_headline(article: Article, event: Event) -> bool:
    """Is the event stated in the article's headline (its title, the first sentence of the text)?"""
    if not article.title or not 0 <= event.sentence < len(article.sentences):
        return False
    sentence = article.sentences[event.sentence]
    title = " ".join(article.title.split())
    text = " ".join(sentence.text.split())
    return sentence.start < len(article.title) + 2 and (text in title or title in text)


def _correct_status(article: Article, event: Event) -> None:
    """An 'occurred' event dated clearly after publication is planned."""
    if event.status != "occurred" or not event.date or not article.published:
        return
    precision = len(event.date)
    if event.date > article.published[:precision]:
        event.status = "planned"


@stage("dates", "1", requires=("sentences", "events"), assigns=("times", "events.date", "events.date_text"))
class DatesStage(Stage):
    def process(self, article: Article) -> None:
        languages = tuple(self.settings.languages)
        article.times = []
        for index, sentence in enumerate(article.sentences):
            article.times.extend(find_times(sentence.text, sentence.language, article.published, sentence=sentence,
                                            base=sentence.start, sentence_index=index,
                                            other_languages=languages))
        if not article.published:
            resolve_after_floor(article, languages)
        by_sentence: dict[int, list[TimeExpression]] = {}
        for time in article.times:
            by_sentence.setdefault(time.sentence if time.sentence is not None else -1, []).append(time)
        # events a news report gives no date for: the publication month (the gold's convention), or "day"
        precision = self.options.get("undated_precision", "day")
        undated = [event for event in article.events if not date_from_text(article, event, by_sentence)]
        inherit_dates(article)
        for event in undated:
            if not event.date:
                date_by_report(article, event, precision)
