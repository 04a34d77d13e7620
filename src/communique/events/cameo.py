"""CAMEO coding of PLOVER events: one code per type and mode, and everything else read from that code.

The code comes from ``data/plover_cameo.toml`` (the type's mode, else the type); its base code, root code,
QuadClass, Goldstein value and name come from the CAMEO table in ``data/cameo.toml`` (the CAMEO 1.1b3 codebook
with GDELT's Goldstein scale per code; sources in the file). So an exported row's EventCode, EventBaseCode,
EventRootCode, QuadClass and GoldsteinScale can never disagree, and a relation's balance sums the same Goldstein
values a GDELT user would.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ..datafiles import load_data


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and what follows from it."""

    code: str                 # "046", "0841": three or four digits
    name: str
    goldstein: float          # -10 (most conflictual) .. +10 (most cooperative)

    @property
    def base(self) -> str:
        """EventBaseCode: the first three digits ("0841" -> "084")."""
        return self.code[:3]

    @property
    def root(self) -> str:
        """EventRootCode: the first two digits ("046" -> "04")."""
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        """GDELT's QuadClass of the root: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."""
        return int(_table()["root_quad_class"][self.root])


@functools.cache
def _table() -> dict[str, Any]:
    return load_data("cameo.toml")


@functools.cache
def _plover() -> dict[str, Any]:
    return load_data("plover_cameo.toml")


@functools.cache
def cameo(code: str) -> CameoCode:
    """The CAMEO code `code` (KeyError for a code the table does not have)."""
    entry = _table()["codes"][code]
    return CameoCode(code, entry["name"], float(entry["goldstein"]))


def cameo_codes() -> dict[str, CameoCode]:
    """Every code of the CAMEO table with three or more digits (the codes an event can carry)."""
    return {code: cameo(code) for code in _table()["codes"] if len(code) >= 3}


def cameo_code(event_type: str, mode: str | None = None) -> str | None:
    """The CAMEO code of a PLOVER type and mode: the mode's own code where it has one, else the type's; None for
    a type that is not PLOVER's."""
    info = _plover()["types"].get(event_type)
    if info is None:
        return None
    return info.get("modes", {}).get(mode or "", info["code"])


def event_cameo(event_type: str, mode: str | None = None) -> CameoCode | None:
    code = cameo_code(event_type, mode)
    return cameo(code) if code else None


def goldstein(event_type: str, mode: str | None = None) -> float:
    """The Goldstein value of the event's CAMEO code (0 for an unknown type)."""
    found = event_cameo(event_type, mode)
    return found.goldstein if found else 0.0


def plover_modes() -> dict[str, dict[str, str]]:
    """Per PLOVER type, its modes that have their own CAMEO code."""
    return {t: dict(info.get("modes", {})) for t, info in _plover()["types"].items()}


def departures() -> dict[str, str]:
    """Where the mapping departs from CAMEO2PLOVER-2021 ("TYPE" or "TYPE.mode" -> why)."""
    return dict(_plover().get("departures", {}))


#: modes whose PLOVER (and CAMEO) record names the other side first: "host" (CAMEO 043, Host a visit) has the host as
#: its source, where the project's records keep the guest's visit (visitor → host: "Putin received Tokayev" is
#: KAZ → RUS, as the gold sets code it)
HOST_FIRST_MODES = frozenset({"host"})


def plover_sides(mode: str | None, source: Any, target: Any) -> tuple[Any, Any]:
    """(source, target) of an event as a PLOVER record states them: swapped for a hosting (see `HOST_FIRST_MODES`)."""
    return (target, source) if mode in HOST_FIRST_MODES else (source, target)
