"""Stage `facts`: figures stated about a relation or a country, and direct quotes with their speakers.

A fact is a figure with a unit (money with its currency, a percentage, a count of people or projects) in a
sentence that also names what is counted (``data/lang/<iso>/facts.toml``: "trade turnover", "intercambio
comercial", "товарооборот", ...). Bare numbers never make facts, so phone numbers, ordinals, addresses and
years cannot; figures inside a time expression are skipped as well. The countries are those whose entity
mentions fall in the sentence; the period comes from the sentence's time expressions (stage `dates`).
Quotes are found by :mod:`communique.quotes`.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..datafiles import language_data
from ..reading.gates import finditer_at
from ..records import Article, Fact, Sentence, Span, TimeExpression
from ..registry import Stage, stage
from .quotes import find_quotes
from .times import date_language

log = logging.getLogger(__name__)

# digits with optional thousands groups (1,200 / 27.800 / 1 200) and an optional decimal part
_BEFORE_NUMBER = r"(?<![\w.,+/-])"
_NUMBER = _BEFORE_NUMBER + r"(?P<num>\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w/])"
_SPACES = " \u00a0\u202f"
#: where a `_NUMBER` begins. Every figure's pattern holds one: a text where none begins has no figure, and a pattern
#: that opens with `_NUMBER` (whose lookbehind makes the regex engine try every position) is tried there only
_NUMBER_STARTS = re.compile(_BEFORE_NUMBER + r"\d")


@dataclass(frozen=True, slots=True)
class FactType:
    name: str
    units: frozenset[str]
    keywords: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class CountRule:
    regex: str
    unit: str
    type: str | None


@dataclass(frozen=True, slots=True)
class FactLanguage:
    decimal: str
    money: tuple[re.Pattern[str], ...]         # groups: num, mult (optional), cur
    multipliers: tuple[tuple[re.Pattern[str], float], ...]
    currencies: tuple[tuple[re.Pattern[str], str], ...]
    percent: re.Pattern[str]
    counts: tuple[tuple[re.Pattern[str], CountRule], ...]
    types: tuple[FactType, ...]
    first_months: re.Pattern[str] | None
    first_half: re.Pattern[str] | None
    period_numbers: dict[str, int]
    target: re.Pattern[str] | None             # "bring trade to": the figure that follows is a goal
    casualty: re.Pattern[str] | None           # "killed": people counted are casualties
    since: re.Pattern[str] | None              # "since August 2021": a period up to publication


@functools.lru_cache(maxsize=16)
def fact_language(code: str) -> FactLanguage | None:
    data = language_data(code, "facts")
    if data is None:
        return None
    mult_alt = "|".join(f"(?:{m})" for m, _ in data["multipliers"])
    before_alt = "|".join(f"(?:{c})" for c, _ in data["currencies_before"])
    after_alt = "|".join(f"(?:{c})" for c, _ in data["currencies_after"])
    from_cldr = cldr_currencies(code)
    before_alt = "|".join([before_alt, *(c for c, _ in from_cldr["before"])])
    after_alt = "|".join([after_alt, *(c for c, _ in from_cldr["after"])])
    currencies = tuple((re.compile(c, re.IGNORECASE), iso) for c, iso in
                       data["currencies_before"] + data["currencies_after"] + from_cldr["before"] + from_cldr["after"])
    mult = rf"(?:\s*(?P<mult>{mult_alt})(?!\w))?"
    money = (
        re.compile(rf"(?P<cur>{before_alt})\s?{_NUMBER}{mult}", re.IGNORECASE),
        re.compile(rf"{_NUMBER}{mult}\s*(?P<cur>{after_alt})(?!\w)", re.IGNORECASE),
    )
    # one word may stand between the number and the noun ("25,000 Kazakh tourists", "32 совместных проекта")
    counts = tuple((re.compile(rf"{_NUMBER}{mult}\s+(?:[^\W\d]+\s+)?(?P<noun>{rule['regex']})(?!\w)",
                               re.IGNORECASE),
                    CountRule(rule["regex"], rule["unit"], rule.get("type"))) for rule in data.get("counts", []))
    types = tuple(FactType(name, frozenset(spec["units"]),
                           re.compile(r"(?<!\w)(?:" + "|".join(spec["keywords"]) + r")(?!\w)", re.IGNORECASE))
                  for name, spec in data["types"].items())
    period = data.get("period", {})
    return FactLanguage(
        decimal=data.get("decimal", "."),
        money=money,
        multipliers=tuple((re.compile(m, re.IGNORECASE), float(f)) for m, f in data["multipliers"]),
        currencies=currencies,
        percent=re.compile(rf"{_NUMBER}\s*(?:{data['percent']})(?!\w)", re.IGNORECASE),
        counts=counts,
        types=types,
        first_months=re.compile(period["first_months"], re.IGNORECASE) if "first_months" in period else None,
        first_half=re.compile(period["first_half"], re.IGNORECASE) if "first_half" in period else None,
        period_numbers={k.lower(): int(v) for k, v in period.get("numbers", {}).items()},
        target=_words_regex(data.get("target_markers", []), r"\s*(?:\S+\s+){0,2}$"),
        casualty=_words_regex(data.get("casualty_markers", []), ""),
        since=re.compile(data["since"], re.IGNORECASE) if "since" in data else None,
    )


def cldr_currencies(code: str) -> dict[str, list[tuple[str, str]]]:
    """Currency names and symbols of a language from CLDR (babel: 300 currencies), as (regex, ISO 4217) pairs for
    after the number ("2 billion Indian rupees", "500 млн узбекских сумов", "1.000 millones de liras turcas", ISO
    codes in capitals) and for before it (symbols: "R$ 5", "₹ 300"). Names of withdrawn currencies ("(1927–2002)")
    and names shared by several currencies are left out; the language's hand list (facts.toml) is tried first, so
    its choices win where CLDR is ambiguous ("$", "dollars") and it holds the bare nouns worth knowing.
    Longest first: a regex alternation takes the first that matches."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return {"before": [], "after": []}
    names: dict[str, set[str]] = {}
    plural = locale._data["currency_names_plural"]
    for iso, name in locale.currencies.items():
        if "(" in name or any(ch.isdigit() for ch in name):
            continue
        for form in {name, *dict(plural.get(iso) or {}).values()}:
            names.setdefault(form.lower(), set()).add(iso)
    # whole names only: a bare noun is often a common word too ("3 sol", "5 won", "2 real")
    after = {form: isos.pop() for form, isos in names.items() if len(isos) == 1}
    codes = [(f"(?-i:{iso})", iso) for iso in sorted(locale.currencies) if iso.isalpha() and len(iso) == 3]
    symbols: dict[str, set[str]] = {}
    for iso, symbol in locale.currency_symbols.items():
        if symbol != iso and not symbol.isalpha():
            symbols.setdefault(symbol, set()).add(iso)
    before = {symbol: isos.pop() for symbol, isos in symbols.items() if len(isos) == 1}

    def patterns(table: dict[str, str]) -> list[tuple[str, str]]:
        return [(r"\s+".join(map(re.escape, text.split())), iso)
                for text, iso in sorted(table.items(), key=lambda kv: (-len(kv[0]), kv[0]))]

    # ISO codes only in capitals: "5 billion KGS", never "all" (ALL) or "top" (TOP) after a number
    return {"before": patterns(before), "after": patterns(after | before) + codes}


def _words_regex(words: list[str], tail: str) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)" + tail, re.IGNORECASE)


# ----------------------------------------------------------------------------------------------- numbers

def parse_number(text: str, decimal: str = ".") -> float | None:
    """A number as written in a language whose decimal separator is `decimal` ("27.800" es = 27800)."""
    raw = "".join(ch for ch in text if ch not in _SPACES)
    if not raw:
        return None
    group = "," if decimal == "." else "."
    if decimal in raw and group in raw:
        raw = raw.replace(group, "").replace(decimal, ".")
    elif group in raw:
        head, *tails = raw.split(group)
        if all(len(t) == 3 for t in tails):
            raw = "".join([head, *tails])                  # thousands groups
        elif len(tails) == 1:
            raw = f"{head}.{tails[0]}"                     # "1.5 million" written the other way
        else:
            return None
    elif decimal in raw:
        raw = raw.replace(decimal, ".")
    try:
        return float(raw)
    except ValueError:
        return None


def _multiplier(word: str | None, lang: FactLanguage) -> float:
    if not word:
        return 1.0
    for regex, factor in lang.multipliers:
        if regex.fullmatch(word.strip()):
            return factor
    return 1.0


def _currency(text: str, lang: FactLanguage) -> str | None:
    for regex, iso in lang.currencies:
        if regex.fullmatch(text.strip()):
            return iso
    return None


def _clean_value(value: float) -> float | int:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


# ----------------------------------------------------------------------------------------------- figures

@dataclass(slots=True)
class Figure:
    start: int                # offsets into the sentence text
    end: int
    value: float
    unit: str                 # ISO 4217, 'percent', 'people', 'projects', ...
    category: str             # money, percent, people, projects, companies
    default_type: str | None = None


def find_figures(text: str, lang: FactLanguage) -> list[Figure]:
    """Figures with a unit in `text`; bare numbers are not figures. Overlaps keep the longest."""
    found: list[Figure] = []
    starts = [m.start() for m in _NUMBER_STARTS.finditer(text)]
    if not starts:
        return found
    for regex in lang.money:
        for m in _matches(regex, text, starts):
            value = parse_number(m.group("num"), lang.decimal)
            unit = _currency(m.group("cur"), lang)
            if value is None or unit is None:
                continue
            found.append(Figure(m.start(), m.end(), value * _multiplier(m.group("mult"), lang), unit, "money"))
    for m in _matches(lang.percent, text, starts):
        value = parse_number(m.group("num"), lang.decimal)
        if value is not None and value <= 100:
            found.append(Figure(m.start(), m.end(), value, "percent", "percent"))
    for regex, rule in lang.counts:
        for m in _matches(regex, text, starts):
            value = parse_number(m.group("num"), lang.decimal)
            if value is not None:
                found.append(Figure(m.start(), m.end(), value * _multiplier(m.group("mult"), lang), rule.unit,
                                    rule.unit, rule.type))
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    kept: list[Figure] = []
    for fig in found:
        if all(fig.end <= k.start or fig.start >= k.end for k in kept):
            kept.append(fig)
    return sorted(kept, key=lambda f: f.start)


def _matches(regex: re.Pattern[str], text: str, number_starts: list[int]) -> Iterator[re.Match[str]]:
    """`regex.finditer(text)`; a pattern that opens with `_NUMBER` is tried only where a number begins."""
    if regex.pattern.startswith(_NUMBER):
        return finditer_at(regex, text, iter(number_starts))
    return regex.finditer(text)


def sentence_figures(article: Article, index: int) -> list[Figure]:
    """:func:`find_figures` of one sentence of the article, found once per document (in its working data): the
    dates stage asks whether an article the triage skipped can give facts, then the facts stage reads the same
    figures. Read-only."""
    sentence = article.sentences[index]
    memo = article.working.setdefault("figures", {})
    key = (sentence.text, sentence.language)
    if key not in memo:
        lang = fact_language(sentence.language)
        memo[key] = find_figures(sentence.text, lang) if lang is not None else []
    return memo[key]


def figure_type(text: str, figure: Figure, lang: FactLanguage) -> str | None:
    """The fact type whose keyword is nearest before the figure (else nearest after it) and takes its unit."""
    before: list[tuple[int, int, str]] = []
    after: list[tuple[int, int, str]] = []
    for rank, kind in enumerate(lang.types):
        if figure.category not in kind.units:
            continue
        for m in kind.keywords.finditer(text):
            if m.end() <= figure.start:
                before.append((figure.start - m.end(), rank, kind.name))
            elif m.start() >= figure.end:
                after.append((m.start() - figure.end, rank, kind.name))
    if before:
        return min(before)[2]
    if after:
        return min(after)[2]
    return figure.default_type


# ----------------------------------------------------------------------------------------------- context

def sentence_countries(article: Article, index: int) -> list[str]:
    """ISO3 codes of the countries named in sentence `index`, in order of mention."""
    sentence = article.sentences[index]
    hits: list[tuple[int, str]] = []
    for entity in article.entities:
        if entity.type != "COUNTRY" or not entity.code:
            continue
        for mention in entity.mentions:
            if mention.sentence == index or (mention.sentence is None and sentence.start <= mention.start
                                             and mention.end <= sentence.end):
                hits.append((mention.start, entity.code))
    codes: list[str] = []
    for _, code in sorted(hits):
        if code not in codes:
            codes.append(code)
    return codes


def _people_countries(article: Article, index: int) -> list[str]:
    codes: list[str] = []
    for entity in article.entities:
        if entity.type in ("PERSON", "ORG") and entity.country and any(m.sentence == index for m in entity.mentions):
            if entity.country not in codes:
                codes.append(entity.country)
    return codes


def fact_countries(article: Article, index: int, kind: str) -> list[str]:
    """The sentence's countries; else those of its people; else the previous sentence's.

    Trade turnover is between two countries: when the sentence names one ("trade between the two countries",
    "товарооборот с Россией"), the other is the article's most-named other country."""
    codes = sentence_countries(article, index) or _people_countries(article, index)
    if not codes and index > 0:
        codes = sentence_countries(article, index - 1)
    if kind in _BILATERAL_TYPES and len(codes) < 2:
        for code in _main_countries(article):
            if len(codes) >= 2:
                break
            if code not in codes:
                codes.append(code)
    return codes


_BILATERAL_TYPES = ("TRADE_TURNOVER",)


def _main_countries(article: Article) -> list[str]:
    """Countries by number of mentions (then first mention): what the article is about."""
    ranked = sorted((e for e in article.entities if e.type == "COUNTRY" and e.code and e.mentions),
                    key=lambda e: (-len(e.mentions), min(m.start for m in e.mentions)))
    return [e.code for e in ranked]


def fact_period(article: Article, sentence: Sentence, times: list[TimeExpression], figure: Figure,
                lang: FactLanguage) -> str | None:
    """The period of a figure: the sentence's time expression nearest to it ("in 2023", "el año pasado")."""
    dated = [t for t in times if t.value]
    if not dated:
        return None
    position = sentence.start + figure.start
    # a time expression before the figure in its own clause reads best ("in 2023 trade reached $1 billion")
    nearest = min(dated, key=lambda t: min(abs(t.end - position), abs(t.start - (sentence.start + figure.end))))
    before = article.text[sentence.start:nearest.start]
    year = nearest.value[:4]
    # "los primeros nueve meses de | este año", or the expression itself: "el primer semestre del año"
    months = _first_months(before, lang) or _first_months(before + nearest.text, lang)
    if months:
        return f"{year}-01/{year}-{months:02d}"
    first = _range_start_month(before, sentence.language)
    if first and len(nearest.value) >= 7:
        return f"{year}-{first:02d}/{nearest.value[:7]}"
    if lang.since and lang.since.search(before) and article.published:
        return f"{nearest.value}/{article.published[:len(nearest.value)]}"
    # a single day (a dateline, "on Monday") is when the figure was told, not the period it covers
    return year if len(nearest.value) == 10 else nearest.value


def _range_start_month(before: str, language: str) -> int | None:
    """'January-September 2023', 'enero-septiembre de 2023', 'январе-сентябре': the month before the dash."""
    found = re.search(r"(\w+)\.?\s*[-–—]\s*$", before)
    if not found:
        return None
    data = date_language(language)
    if data is None:
        return None
    for number, regex in enumerate(data.months, start=1):
        if regex.fullmatch(found.group(1)):
            return number
    return None


def _first_months(before: str, lang: FactLanguage) -> int | None:
    if lang.first_half and lang.first_half.search(before):
        return 6
    if lang.first_months:
        m = lang.first_months.search(before)
        if m:
            word = m.group("num").lower()
            return int(word) if word.isdigit() else lang.period_numbers.get(word)
    return None


def _is_goal(text: str, figure: Figure, lang: FactLanguage) -> bool:
    """'aim to bring trade to $10 billion': a target, not a fact."""
    return bool(lang.target and lang.target.search(text[max(0, figure.start - 60):figure.start]))


def _is_casualty(text: str, figure: Figure, lang: FactLanguage) -> bool:
    if figure.category != "people" or lang.casualty is None:
        return False
    return bool(lang.casualty.search(text[max(0, figure.start - 50):figure.end + 50]))


def _inside_time(sentence: Sentence, figure: Figure, times: list[TimeExpression]) -> bool:
    start, end = sentence.start + figure.start, sentence.start + figure.end
    return any(t.start < end and start < t.end for t in times)


def holds_figures(article: Article) -> bool:
    """Can a sentence of the article give a fact, whatever its times (a figure with a unit and a fact type, not a
    goal or a casualty count)? The facts stage reads times only there: inside a time a figure is no fact, and a
    fact takes its period from them."""
    for index, sentence in enumerate(article.sentences):
        lang = fact_language(sentence.language)
        if lang is None:
            continue
        for figure in sentence_figures(article, index):
            if not _is_goal(sentence.text, figure, lang) and not _is_casualty(sentence.text, figure, lang) \
                    and figure_type(sentence.text, figure, lang) is not None:
                return True
    return False


def sentence_facts(article: Article, index: int, times: list[TimeExpression]) -> list[Fact]:
    sentence = article.sentences[index]
    lang = fact_language(sentence.language)
    if lang is None:
        return []
    facts = []
    for figure in sentence_figures(article, index):
        if _inside_time(sentence, figure, times) or _is_goal(sentence.text, figure, lang) \
                or _is_casualty(sentence.text, figure, lang):
            continue
        kind = figure_type(sentence.text, figure, lang)
        if kind is None:
            continue
        facts.append(Fact(type=kind, countries=fact_countries(article, index, kind), value=_clean_value(figure.value),
                          unit=figure.unit, evidence=Span(sentence.start, sentence.end, sentence.text),
                          period=fact_period(article, sentence, times, figure, lang)))
    return facts


@stage("facts", "1", requires=("sentences", "entities", "times"), assigns=("facts", "quotes"))
class FactsStage(Stage):
    def process(self, article: Article) -> None:
        by_sentence: dict[int, list[TimeExpression]] = {}
        for time in article.times:
            if time.sentence is not None:
                by_sentence.setdefault(time.sentence, []).append(time)
        article.facts = []
        for index in range(len(article.sentences)):
            article.facts.extend(sentence_facts(article, index, by_sentence.get(index, [])))
        article.quotes = find_quotes(article)
