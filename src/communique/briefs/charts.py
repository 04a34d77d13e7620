"""A brief's charts as standalone SVG: a timeline of what happened between a pair, cooperation and conflict by
year, a country's partners. Plain SVG 1.1 with presentation attributes (no script, no style sheet, no external
font or image), so one file works inline in HTML, beside a Markdown file, and in WeasyPrint's PDF.

Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), as on the
dashboard. Every label comes from the caller, already in the brief's language.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .wording import Wording

FONT = "DejaVu Sans, Noto Sans, Liberation Sans, Arial, sans-serif"
WIDTH = 700
LANES = ("relations", "partnership", "missions", "agreements", "contacts", "conflict")
COLOURS = {"relations": "#332288", "partnership": "#CC79A7", "missions": "#009E73", "agreements": "#E69F00",
           "contacts": "#0072B2", "conflict": "#D55E00"}
COOPERATION, CONFLICT, NEUTRAL, INK, GRID = "#0072B2", "#D55E00", "#999999", "#222222", "#DDDDDD"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass
class Mark:
    """One item on the timeline: its ISO date (any precision, or None), lane, label and whether it is planned."""

    date: str | None
    lane: str
    label: str
    planned: bool = False


def year_position(date: str | None) -> float | None:
    """A date as a fractional year: the middle of what is known ("2023" → 2023.5, "2023-08" → 2023.625)."""
    match = _DATE.match(date or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        return year + 0.5
    if day is None:
        return year + (month - 0.5) / 12
    return year + (month - 1 + (day - 0.5) / 31) / 12


def timeline(marks: list[Mark], w: Wording) -> str:
    """Lanes of dated marks over a year axis; hollow marks for planned events."""
    dated = [(year_position(m.date), m) for m in marks if year_position(m.date) is not None]
    lanes = [lane for lane in LANES if any(m.lane == lane for _, m in dated)]
    if not dated:
        return _empty(w)
    low, high = _span([x for x, _ in dated])
    left, right, lane_height, top = 150, 20, 28, 12
    height = top + lane_height * len(lanes) + 34
    scale = (WIDTH - left - right) / (high - low)

    def x_of(value: float) -> float:
        return left + (value - low) * scale

    parts = []
    for n, lane in enumerate(lanes):
        y = top + n * lane_height + lane_height / 2
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(_text(left - 8, y + 4, w.text(f"text.lane_{lane}"), anchor="end", size=11))
    axis_y = top + lane_height * len(lanes) + 6
    parts += _year_axis(low, high, x_of, axis_y, left, WIDTH - right)
    for value, mark in sorted(dated, key=lambda item: item[0]):
        y = top + lanes.index(mark.lane) * lane_height + lane_height / 2
        colour = COLOURS[mark.lane]
        fill = "#FFFFFF" if mark.planned else colour
        parts.append(f'<circle cx="{x_of(value):.1f}" cy="{y:.1f}" r="5.5" fill="{fill}" stroke="{colour}"'
                     f' stroke-width="2" fill-opacity="0.85"><title>{escape(_mark_title(mark, w))}</title></circle>')
    return _svg(height, w.text("headings.timeline"), parts)


def balance(years: list[dict[str, Any]], w: Wording) -> str:
    """Per year: cooperation as a bar above the zero line, conflict below, the balance as a black tick."""
    if not years:
        return _empty(w)
    left, right, top, height = 56, 16, 30, 230
    bottom = height - 26
    high = max(max(y["cooperation"] for y in years), 1.0)
    low = min(min(y["conflict"] for y in years), 0.0)
    scale = (bottom - top) / (high - low)

    def y_of(value: float) -> float:
        return top + (high - value) * scale

    step = (WIDTH - left - right) / len(years)
    bar = min(36.0, step * 0.6)
    label_every = max(1, math.ceil(len(years) / 14))
    parts = _legend(w, left, 14)
    for value in _nice_ticks(low, high):
        y = y_of(value)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(_text(left - 6, y + 4, w.signed(value), anchor="end", size=10))
    for n, year in enumerate(years):
        cx = left + step * (n + 0.5)
        zero = y_of(0)
        if year["cooperation"]:
            parts.append(_rect(cx - bar / 2, y_of(year["cooperation"]), bar, zero - y_of(year["cooperation"]),
                               COOPERATION, f"{year['year']}: {w.text('text.cooperation')} "
                                            f"{w.signed(year['cooperation'])}"))
        if year["conflict"]:
            parts.append(_rect(cx - bar / 2, zero, bar, y_of(year["conflict"]) - zero, CONFLICT,
                               f"{year['year']}: {w.text('text.conflict')} {w.signed(year['conflict'])}"))
        yb = y_of(year["balance"])
        parts.append(f'<line x1="{cx - bar / 2 - 3:.1f}" y1="{yb:.1f}" x2="{cx + bar / 2 + 3:.1f}" y2="{yb:.1f}"'
                     f' stroke="{INK}" stroke-width="2.5"><title>{escape(str(year["year"]))}:'
                     f' {escape(w.text("text.balance"))} {escape(w.signed(year["balance"]))}</title></line>')
        if n % label_every == 0:
            parts.append(_text(cx, height - 8, str(year["year"]), anchor="middle", size=10))
    parts.append(f'<line x1="{left}" y1="{y_of(0):.1f}" x2="{WIDTH - right}" y2="{y_of(0):.1f}" stroke="{INK}"/>')
    return _svg(height, w.text("headings.balance"), parts)


def partners(ranked: list[tuple[str, int, float]], w: Wording) -> str:
    """Horizontal bars: (name, events, balance) per partner, the colour by the sign of the balance."""
    if not ranked:
        return _empty(w)
    left, right, row, top = 170, 60, 20, 8
    height = top + row * len(ranked) + 8
    most = max(events for _, events, _ in ranked)
    scale = (WIDTH - left - right) / most
    parts = []
    for n, (name, events, total) in enumerate(ranked):
        y = top + n * row
        colour = COOPERATION if total > 0 else CONFLICT if total < 0 else NEUTRAL
        parts.append(_text(left - 8, y + 14, name, anchor="end", size=11))
        parts.append(_rect(left, y + 3, max(events * scale, 1.0), row - 6, colour,
                           f"{name}: {w.count('events', events)}, {w.text('text.balance')} {w.signed(total)}"))
        parts.append(_text(left + events * scale + 6, y + 14, w.number(events), size=10))
    return _svg(height, w.text("headings.partners"), parts)


# -- pieces ---------------------------------------------------------------------------------------------------------

def _svg(height: float, title: str, parts: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}"'
            f' height="{height:.0f}" role="img" aria-label={quoteattr(title)} font-family={quoteattr(FONT)}>'
            f'<title>{escape(title)}</title>' + "".join(parts) + "</svg>")


def _empty(w: Wording) -> str:
    return _svg(40, w.text("text.nothing"), [_text(10, 24, w.text("text.nothing"), size=12)])


def _text(x: float, y: float, content: str, *, anchor: str = "start", size: int = 11) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{INK}">'
            f"{escape(content)}</text>")


def _rect(x: float, y: float, width: float, height: float, colour: str, title: str) -> str:
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{max(height, 0.5):.1f}" fill="{colour}">'
            f"<title>{escape(title)}</title></rect>")


def _legend(w: Wording, x: float, y: float) -> list[str]:
    parts = []
    for colour, key in ((COOPERATION, "cooperation"), (CONFLICT, "conflict"), (INK, "balance")):
        parts.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" fill="{colour}"/>')
        label = w.text(f"text.{key}")
        parts.append(_text(x + 14, y, label, size=11))
        x += 24 + 7 * len(label)
    return parts


def _span(values: list[float]) -> tuple[float, float]:
    low, high = math.floor(min(values)), math.ceil(max(values))
    if high - low < 1:
        high = low + 1
    return float(low), float(high)


def _year_axis(low: float, high: float, x_of: Any, y: float, left: float, right: float) -> list[str]:
    span = high - low
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if span / s <= 8)
    first = math.ceil(low / step) * step
    parts = [f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{INK}"/>']
    for year in range(int(first), int(high) + 1, step):
        x = x_of(float(year))
        parts.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y + 5:.1f}" stroke="{INK}"/>')
        parts.append(_text(x, y + 18, str(year), anchor="middle", size=10))
    return parts


def _nice_ticks(low: float, high: float) -> list[float]:
    raw = (high - low) / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.ceil(low / step) * step
    return [start + n * step for n in range(int((high - start) / step) + 1)]


def _mark_title(mark: Mark, w: Wording) -> str:
    planned = f" ({w.text('text.planned')})" if mark.planned else ""
    return f"{w.date(mark.date)}: {mark.label}{planned}"
