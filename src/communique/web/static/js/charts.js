// Small SVG charts drawn without any library: stacked bars, cooperation/conflict areas with a balance line, a
// force-laid-out partner network, a timeline and labelled bars. Every mark carries a <title> (the browser's own
// tooltip) and data-* attributes, and every chart on a page is paired with a table (the fallback).

import { COOPERATION, CONFLICT, NEUTRAL, OTHER_COLOUR, TYPE_COLOURS, balanceColour, el, enc, fmt, humanDate, svg }
  from "./common.js";

// -- scales -------------------------------------------------------------------------------------------------------

function linear([d0, d1], [r0, r1]) {
  const span = d1 - d0 || 1;
  const scale = (value) => r0 + ((value - d0) / span) * (r1 - r0);
  scale.domain = [d0, d1];
  return scale;
}

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo, hi, count = 5) {
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
  const ticks = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks[ticks.length - 1] < hi) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

function frame(width, height, label) {
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart-svg", role: "img", "aria-label": label,
                      preserveAspectRatio: "xMidYMid meet" });
}

function yAxis(root, ticks, y, x0, x1, format = fmt.n) {
  const group = svg("g", { class: "axis axis-y" });
  for (const t of ticks) {
    group.append(svg("line", { x1: x0, x2: x1, y1: y(t), y2: y(t), class: t === 0 ? "grid grid-zero" : "grid" }),
      svg("text", { x: x0 - 6, y: y(t), dy: "0.32em", "text-anchor": "end" }, format(t)));
  }
  root.append(group);
}

// -- months and dates ---------------------------------------------------------------------------------------------

/** Every month from the first to the last, inclusive ("2023-11", "2023-12", "2024-01", ...). */
export function monthRange(first, last) {
  const out = [];
  let [year, month] = first.split("-").map(Number);
  const [endYear, endMonth] = last.split("-").map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    out.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return out;
}

/** "2024", "2024-05", "2024-05-14", "2023-01/2023-09" → fractional year (middle of the period), or null. */
export function yearFraction(value) {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(value));
  if (!match) return null;
  const [, y, m, d] = match;
  if (!m) return Number(y) + 0.5;
  if (!d) return Number(y) + (Number(m) - 0.5) / 12;
  return Number(y) + (Number(m) - 1) / 12 + (Number(d) - 0.5) / 365;
}

// -- stacked bars: events per period by type ----------------------------------------------------------------------

/** Colours for the types, most frequent first; beyond the palette, types share "other". */
export function typeColours(rows) {
  const totals = new Map();
  for (const r of rows) totals.set(r.type, (totals.get(r.type) || 0) + r.count);
  const order = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
  const colours = new Map();
  order.forEach((type, i) => colours.set(type, i < TYPE_COLOURS.length - 1 ? TYPE_COLOURS[i] : OTHER_COLOUR));
  return { order, colours, totals };
}

/**
 * rows: [{period, type, count}], periods: the x categories in order. Draws one stacked bar per period.
 * Returns the <figure> holding a legend and the chart.
 */
export function stackedBars(rows, periods, { label = "Events by type", colours, order, tickEvery = null,
                                             tickLabel = (p) => p } = {}) {
  const width = 960, height = 300, m = { top: 12, right: 12, bottom: 34, left: 44 };
  const byPeriod = new Map(periods.map((p) => [p, []]));
  for (const r of rows) if (byPeriod.has(r.period)) byPeriod.get(r.period).push(r);
  const totals = periods.map((p) => byPeriod.get(p).reduce((s, r) => s + r.count, 0));
  const ticks = niceTicks(0, Math.max(1, ...totals), 4);
  const y = linear([0, ticks[ticks.length - 1]], [height - m.bottom, m.top]);
  const band = (width - m.left - m.right) / Math.max(1, periods.length);
  const gap = band > 8 ? Math.min(band * 0.2, 6) : band > 3 ? 1 : 0;
  const root = frame(width, height, label);
  yAxis(root, ticks, y, m.left, width - m.right);
  const bars = svg("g", { class: "bars" });
  periods.forEach((period, i) => {
    let base = 0;
    const stack = byPeriod.get(period).sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    for (const r of stack) {
      const y0 = y(base), y1 = y(base + r.count);
      bars.append(svg("rect", {
        class: "bar", x: m.left + i * band + gap / 2, y: y1, width: Math.max(1, band - gap), height: Math.max(0.5, y0 - y1),
        fill: colours.get(r.type) || OTHER_COLOUR, dataset: { period, type: r.type, count: r.count },
      }, svg("title", {}, `${tickLabel(period)} · ${r.type}: ${r.count}`)));
      base += r.count;
    }
  });
  root.append(bars);
  const axis = svg("g", { class: "axis axis-x" });
  const every = tickEvery || Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((period, i) => {
    const show = typeof every === "function" ? every(period, i) : i % every === 0;
    if (!show) return;
    const x = m.left + i * band + band / 2;
    axis.append(svg("line", { x1: x, x2: x, y1: height - m.bottom, y2: height - m.bottom + 4, class: "tick" }),
      svg("text", { x, y: height - m.bottom + 18, "text-anchor": "middle" }, tickLabel(period)));
  });
  root.append(axis);
  return el("figure", { class: "figure" }, legend(order, colours), root);
}

export function legend(order, colours, extra = []) {
  const seen = new Set();
  const entries = [];
  for (const type of order) {
    const colour = colours.get(type);
    const label = colour === OTHER_COLOUR ? "other types" : type;
    if (seen.has(label)) continue;
    seen.add(label);
    entries.push(el("li", {}, swatch(colour), label));
  }
  return el("ul", { class: "legend-list" }, entries, extra);
}

export function swatch(colour, shape = "rect") {
  return svg("svg", { class: "swatch", viewBox: "0 0 12 12", width: 12, height: 12, "aria-hidden": "true" },
    shape === "line" ? svg("line", { x1: 0, x2: 12, y1: 6, y2: 6, stroke: colour, "stroke-width": 3 })
      : svg("rect", { width: 12, height: 12, rx: 2, fill: colour }));
}

// -- balance over time --------------------------------------------------------------------------------------------

/** rows: [{year, cooperation, conflict, balance, events}] → areas above/below zero and the balance line. */
export function balanceChart(rows, { label = "Cooperation and conflict by year", width = 960, height = 280 } = {}) {
  const m = { top: 14, right: 16, bottom: 30, left: 48 };
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const first = sorted[0].year, last = sorted[sorted.length - 1].year;
  const years = [];
  for (let yr = first; yr <= last; yr += 1) years.push(yr);
  const byYear = new Map(sorted.map((r) => [r.year, r]));
  const series = years.map((yr) => byYear.get(yr) || { year: yr, cooperation: 0, conflict: 0, balance: 0, events: 0 });
  const hi = Math.max(1, ...series.map((r) => r.cooperation), ...series.map((r) => r.balance));
  const lo = Math.min(0, ...series.map((r) => r.conflict), ...series.map((r) => r.balance));
  const ticks = niceTicks(lo, hi, 5);
  const y = linear([ticks[0], ticks[ticks.length - 1]], [height - m.bottom, m.top]);
  const pad = years.length === 1 ? 0.5 : 0.3;
  const x = linear([first - pad, last + pad], [m.left, width - m.right]);
  const root = frame(width, height, label);
  yAxis(root, ticks, y, m.left, width - m.right, fmt.signed);
  const area = (key) => {
    const top = series.map((r) => `${x(r.year)},${y(r[key])}`);
    const bottom = [...series].reverse().map((r) => `${x(r.year)},${y(0)}`);
    return `M${top.join("L")}L${bottom.join("L")}Z`;
  };
  const widen = years.length === 1;   // one year: draw a band so the area is visible
  const single = (key) => `M${x(first) - 14},${y(0)}L${x(first) - 14},${y(series[0][key])}`
    + `L${x(first) + 14},${y(series[0][key])}L${x(first) + 14},${y(0)}Z`;
  root.append(
    svg("path", { d: widen ? single("cooperation") : area("cooperation"), class: "area area-coop", fill: COOPERATION }),
    svg("path", { d: widen ? single("conflict") : area("conflict"), class: "area area-conf", fill: CONFLICT }),
    svg("path", { d: `M${series.map((r) => `${x(r.year)},${y(r.balance)}`).join("L")}`, class: "balance-line" }));
  const points = svg("g", { class: "points" });
  for (const r of series) {
    points.append(svg("circle", { cx: x(r.year), cy: y(r.balance), r: r.events ? 4 : 2.5, class: "point",
                                  dataset: { year: r.year, balance: r.balance } },
    svg("title", {}, `${r.year}: cooperation ${fmt.signed(r.cooperation)}, conflict ${fmt.signed(r.conflict)},`
      + ` balance ${fmt.signed(r.balance)} over ${r.events} events`)));
  }
  root.append(points);
  const axis = svg("g", { class: "axis axis-x" });
  const every = Math.max(1, Math.ceil(years.length / Math.floor(width / 64)));
  years.forEach((yr, i) => {
    if (i % every) return;
    axis.append(svg("text", { x: x(yr), y: height - m.bottom + 18, "text-anchor": "middle" }, String(yr)));
  });
  root.append(axis);
  const key = el("ul", { class: "legend-list" },
    el("li", {}, swatch(COOPERATION), "cooperation"), el("li", {}, swatch(CONFLICT), "conflict"),
    el("li", {}, swatch("#1f2328", "line"), "balance"));
  return el("figure", { class: "figure" }, key, root);
}

// -- partner network ----------------------------------------------------------------------------------------------

/**
 * A star-shaped network around `centre`: partners [{partner, events, balance}] placed by a small deterministic
 * force simulation (repulsion between nodes, springs to the centre whose rest length shrinks as events grow).
 */
export function networkGraph(centre, partners, { hrefFor, names = {}, label = "Partner network" } = {}) {
  const width = 760, height = 600, cx = width / 2, cy = height / 2;
  const maxEvents = Math.max(1, ...partners.map((p) => p.events));
  const radius = (events) => 7 + 17 * Math.sqrt(events / maxEvents);
  const nodes = partners.map((p, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, partners.length) - Math.PI / 2;
    const rest = 105 + 185 * (1 - Math.sqrt(p.events / maxEvents));
    return { ...p, r: radius(p.events), rest, x: cx + Math.cos(angle) * rest, y: cy + Math.sin(angle) * rest };
  });
  layout(nodes, { cx, cy, width, height });
  const root = frame(width, height, label);
  const edges = svg("g", { class: "edges" });
  for (const n of nodes) {
    edges.append(svg("line", { x1: cx, y1: cy, x2: n.x, y2: n.y, class: "edge", stroke: balanceColour(n.balance),
                               "stroke-width": 1 + 7 * (n.events / maxEvents), dataset: { partner: n.partner } }));
  }
  root.append(edges);
  const group = svg("g", { class: "nodes" });
  group.append(svg("g", { class: "node node-centre", dataset: { code: centre } },
    svg("circle", { cx, cy, r: 30 }), svg("text", { x: cx, y: cy, dy: "0.35em", "text-anchor": "middle" }, centre)));
  for (const n of nodes) {
    const title = `${names[n.partner] || n.partner}: ${n.events} events, balance ${fmt.signed(n.balance)}`;
    const node = svg("a", { href: hrefFor(n.partner), class: "node", dataset: { code: n.partner, events: n.events } },
      svg("title", {}, title),
      svg("circle", { cx: n.x, cy: n.y, r: n.r, fill: balanceColour(n.balance) }),
      svg("text", { x: n.x, y: n.y + n.r + 12, "text-anchor": "middle", class: "node-label" }, n.partner));
    group.append(node);
  }
  root.append(group);
  const key = el("ul", { class: "legend-list" },
    el("li", {}, swatch(COOPERATION), "mostly cooperation"), el("li", {}, swatch(CONFLICT), "mostly conflict"),
    el("li", {}, swatch(NEUTRAL), "balanced"));
  return el("figure", { class: "figure" }, key, root);
}

function layout(nodes, { cx, cy, width, height }) {
  const steps = 320;
  for (let step = 0; step < steps; step += 1) {
    const cool = 1 - step / steps;
    for (const a of nodes) {
      let fx = 0, fy = 0;
      for (const b of nodes) {
        if (a === b) continue;
        const dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const minDist = a.r + b.r + 18;
        const push = (minDist * minDist * 0.6) / d2;
        fx += (dx / Math.sqrt(d2)) * push * 8;
        fy += (dy / Math.sqrt(d2)) * push * 8;
      }
      const dx = a.x - cx, dy = a.y - cy;
      const d = Math.max(Math.hypot(dx, dy), 1);
      const pull = (d - a.rest) * 0.08;           // spring towards the preferred distance from the centre
      fx -= (dx / d) * pull * 10;
      fy -= (dy / d) * pull * 10;
      if (d < 30 + a.r + 10) { fx += (dx / d) * 40; fy += (dy / d) * 40; }   // keep clear of the centre node
      a.x += Math.max(-12, Math.min(12, fx * 0.1)) * cool;
      a.y += Math.max(-12, Math.min(12, fy * 0.1)) * cool;
      a.x = Math.max(a.r + 4, Math.min(width - a.r - 4, a.x));
      a.y = Math.max(a.r + 4, Math.min(height - a.r - 18, a.y));
    }
  }
}

// -- timeline -----------------------------------------------------------------------------------------------------

/**
 * items: [{lane, date, label, status, href, title}]; lanes: [{key, label, colour}]. One row per lane, a mark per
 * dated item (hollow when planned), linked to its evidence.
 */
export function timeline(items, lanes, { label = "Timeline" } = {}) {
  const dated = items.filter((i) => yearFraction(i.date) !== null);
  const laneHeight = 46, m = { top: 10, right: 24, bottom: 30, left: 150 };
  const width = 960, height = m.top + m.bottom + laneHeight * lanes.length;
  const values = dated.map((i) => yearFraction(i.date));
  let lo = Math.floor(Math.min(...values)), hi = Math.ceil(Math.max(...values));
  if (hi - lo < 2) { lo -= 1; hi += 1; }
  const x = linear([lo, hi], [m.left + 10, width - m.right - 10]);
  const root = frame(width, height, label);
  const axis = svg("g", { class: "axis axis-x" });
  const every = Math.max(1, Math.ceil((hi - lo) / 12));
  for (let yr = lo; yr <= hi; yr += every) {
    axis.append(svg("line", { x1: x(yr), x2: x(yr), y1: m.top, y2: height - m.bottom, class: "grid" }),
      svg("text", { x: x(yr), y: height - m.bottom + 18, "text-anchor": "middle" }, String(yr)));
  }
  root.append(axis);
  lanes.forEach((lane, row) => {
    const yMid = m.top + laneHeight * row + laneHeight / 2;
    root.append(svg("line", { x1: m.left, x2: width - m.right, y1: yMid, y2: yMid, class: "lane-line" }),
      svg("text", { x: m.left - 12, y: yMid, dy: "0.32em", "text-anchor": "end", class: "lane-label" }, lane.label));
    const inLane = dated.filter((i) => i.lane === lane.key).sort((a, b) => yearFraction(a.date) - yearFraction(b.date));
    let lastX = -Infinity, nudge = 0;
    for (const item of inLane) {
      const px = x(yearFraction(item.date));
      nudge = px - lastX < 12 ? (nudge + 1) % 3 : 0;    // stagger marks that would overlap
      lastX = px;
      const py = yMid + (nudge === 1 ? -9 : nudge === 2 ? 9 : 0);
      const planned = item.status === "planned";
      root.append(svg("a", { href: item.href || "#", class: "mark", dataset: { lane: lane.key, date: item.date } },
        svg("title", {}, `${humanDate(item.date)} · ${item.label}${planned ? " (planned)" : ""}`),
        svg("circle", { cx: px, cy: py, r: 7, fill: planned ? "#fff" : lane.colour, stroke: lane.colour,
                        "stroke-width": 2.5 })));
    }
  });
  return el("figure", { class: "figure" },
    el("ul", { class: "legend-list" }, lanes.map((l) => el("li", {}, swatch(l.colour), l.label)),
      el("li", { class: "legend-hollow" }, "hollow: planned")), root);
}

// -- labelled bars (figures) --------------------------------------------------------------------------------------

/** rows: [{label, value, href, title}] → vertical bars with their values printed on top. */
export function labelledBars(rows, { unit = "", label = "Figures", colour = COOPERATION } = {}) {
  const width = 460, height = 220, m = { top: 24, right: 10, bottom: 30, left: 10 };
  const max = Math.max(...rows.map((r) => r.value), 1);
  const y = linear([0, max], [height - m.bottom, m.top]);
  const band = (width - m.left - m.right) / rows.length;
  const barWidth = Math.min(70, band * 0.6);
  const root = frame(width, height, label);
  root.append(svg("line", { x1: m.left, x2: width - m.right, y1: y(0), y2: y(0), class: "grid grid-zero" }));
  rows.forEach((r, i) => {
    const xMid = m.left + band * i + band / 2;
    root.append(svg("a", { href: r.href || "#", class: "figure-bar", dataset: { value: r.value, label: r.label } },
      svg("title", {}, r.title || `${r.label}: ${r.value}`),
      svg("rect", { x: xMid - barWidth / 2, y: y(r.value), width: barWidth, height: Math.max(1, y(0) - y(r.value)),
                    fill: colour, rx: 2 }),
      svg("text", { x: xMid, y: y(r.value) - 6, "text-anchor": "middle", class: "value" }, formatAmount(r.value, unit)),
      svg("text", { x: xMid, y: height - m.bottom + 18, "text-anchor": "middle" }, r.label)));
  });
  return root;
}

/** 64700000, "USD" → "$64.7M"; other units keep their name. */
export function formatAmount(value, unit) {
  const compact = fmt.compact(value);
  if (unit === "USD") return `$${compact}`;
  if (unit === "EUR") return `€${compact}`;
  return `${compact} ${unit}`.trim();
}

export { enc };
