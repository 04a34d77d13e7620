// Overview: totals, events per month by type (stacked bars), the most active pairs, countries, recent events.

import { $, api, boot, countryLink, el, empty, enc, eventList, fill, fmt, humanDate, inlineBar,
         items, pairLink, table, viewQuery } from "./common.js";
import { monthRange, stackedBars, typeColours } from "./charts.js";

const STAT_LABELS = [
  ["documents", "documents"], ["events", "events"], ["reports", "reports of events"], ["stories", "stories"],
  ["countries", "countries"], ["failures", "failed inputs"],
];

boot(async () => {
  const [stats, countries] = await Promise.all([api(`/api/stats${viewQuery()}`),
    api(`/api/countries${viewQuery()}`).catch(() => [])]);
  const names = Object.fromEntries(items(countries).map((c) => [c.code, c.name]));
  fill($("[data-stats]"), STAT_LABELS.filter(([key]) => stats[key] !== undefined).map(([key, label]) =>
    el("div", { class: "stat", dataset: { stat: key } }, el("span", { class: "stat-value" }, fmt.n(stats[key])),
      el("span", { class: "stat-label" }, label))));
  fill($("[data-lede]"), lede(stats));
  drawMonths(stats.by_month || []);
  fill($("[data-table='pairs']"), pairsTable(stats.top_pairs || [], names));
  fill($("[data-countries]"), countryChips(items(countries)));
  fill($("[data-events='recent']"), eventList(stats.recent || [], names, { emptyText: "No events stored yet." }));
});

function lede(stats) {
  const months = (stats.by_month || []).map((r) => r.month).filter(Boolean).sort();
  const span = months.length ? ` between ${humanDate(months[0])} and ${humanDate(months[months.length - 1])}` : "";
  return `${fmt.n(stats.events)} events${span}, read from ${fmt.n(stats.documents)} articles`
    + ` in ${fmt.n(stats.stories)} stories.`;
}

const RECENT_MONTHS = 60;

/** Monthly bars over the last five years (the default), or yearly bars over every year; a toggle switches. */
function drawMonths(rows) {
  const chart = $("[data-chart='by-month']");
  const dated = rows.filter((r) => r.month && /^\d{4}-\d{2}$/.test(r.month));
  if (!dated.length) {
    fill(chart, empty("No dated events yet."));
    fill($("[data-table='by-month']"), empty("No dated events yet."));
    return;
  }
  const { order, colours } = typeColours(dated);
  const monthsSeen = [...new Set(dated.map((r) => r.month))].sort();
  const allMonths = monthRange(monthsSeen[0], monthsSeen[monthsSeen.length - 1]);
  const recent = allMonths.slice(-RECENT_MONTHS);
  const draw = (mode) => {
    let figure, note;
    if (mode === "year" || allMonths.length <= RECENT_MONTHS) {
      const perYear = new Map();
      for (const r of dated) {
        const key = `${r.month.slice(0, 4)}|${r.type}`;
        perYear.set(key, (perYear.get(key) || 0) + r.count);
      }
      const data = [...perYear.entries()].map(([key, count]) => ({ period: key.split("|")[0], type: key.split("|")[1], count }));
      const years = [];
      for (let y = Number(monthsSeen[0].slice(0, 4)); y <= Number(monthsSeen[monthsSeen.length - 1].slice(0, 4)); y += 1) {
        years.push(String(y));
      }
      if (mode !== "year") {
        figure = stackedBars(dated.map((r) => ({ period: r.month, type: r.type, count: r.count })), allMonths,
                             { label: "Events per month by type", colours, order, tickLabel: humanDate });
        note = `${allMonths.length} months.`;
      } else {
        figure = stackedBars(data, years, { label: "Events per year by type", colours, order,
                                            tickEvery: Math.max(1, Math.ceil(years.length / 16)) });
        note = `Every year from ${years[0]} to ${years[years.length - 1]}.`;
      }
    } else {
      const shown = dated.filter((r) => r.month >= recent[0]);
      const before = dated.filter((r) => r.month < recent[0]).reduce((s, r) => s + r.count, 0);
      figure = stackedBars(shown.map((r) => ({ period: r.month, type: r.type, count: r.count })), recent, {
        label: "Events per month by type", colours, order, tickLabel: (p) => (p.endsWith("-01") ? p.slice(0, 4) : ""),
        tickEvery: (p) => p.endsWith("-01") });
      note = `${humanDate(recent[0])} to ${humanDate(recent[recent.length - 1])}`
        + (before ? `; ${before} earlier event${before > 1 ? "s" : ""} (from ${monthsSeen[0].slice(0, 4)}) in the yearly view.` : ".");
    }
    fill(chart, modeSwitch(mode, allMonths.length > RECENT_MONTHS, draw), figure,
      el("p", { class: "note" }, `${note} Hover a bar for its type and count.`));
  };
  draw("month");
  fill($("[data-table='by-month']"), monthTable(dated, order));
}

function modeSwitch(mode, needed, draw) {
  if (!needed) return null;
  const button = (value, label) => el("button", { type: "button", class: "secondary", "aria-pressed": String(mode === value),
                                                  dataset: { mode: value }, onclick: () => draw(value) }, label);
  return el("div", { class: "segmented", role: "group", "aria-label": "Period" },
    button("month", "Last 5 years, by month"), button("year", "All years, by year"));
}

function monthTable(rows, order) {
  const months = [...new Set(rows.map((r) => r.month))].sort().reverse();
  const cell = new Map(rows.map((r) => [`${r.month}|${r.type}`, r.count]));
  const columns = [{ label: "Month", value: (m) => humanDate(m) },
    ...order.map((type) => ({ label: type, numeric: true, value: (m) => cell.get(`${m}|${type}`) || "" })),
    { label: "Total", numeric: true, value: (m) => order.reduce((s, t) => s + (cell.get(`${m}|${t}`) || 0), 0) }];
  return table(columns, months, { caption: "Events per month by type", className: "data data-compact" });
}

function pairsTable(pairs, names) {
  if (!pairs.length) return empty("No country pairs yet.");
  const maxEvents = Math.max(...pairs.map((p) => p.events));
  const maxAbs = Math.max(1, ...pairs.map((p) => Math.abs(p.balance)));
  return table([
    { label: "Pair", value: (p) => el("span", { class: "pair" }, countryLink(p.actor1, names), " – ",
      countryLink(p.actor2, names)) },
    { label: "Events", numeric: true, value: (p) => inlineBar(p.events / maxEvents, "count", fmt.n(p.events)) },
    { label: "Balance", numeric: true, value: (p) => inlineBar(Math.abs(p.balance) / maxAbs,
      p.balance >= 0 ? "coop" : "conf", fmt.signed(p.balance)) },
    { label: "", value: (p) => pairLink(p.actor1, p.actor2, "profile →") },
  ], pairs, { caption: "Country pairs by number of events" });
}

function countryChips(countries) {
  if (!countries.length) return empty("No countries yet.");
  const max = Math.max(...countries.map((c) => c.events));
  return el("ul", { class: "chip-list" }, countries.map((c) => el("li", {},
    el("a", { class: "chip", href: `/countries/${enc(c.code)}${viewQuery()}`, title: `${c.name || c.code}: ${c.events} events`,
              dataset: { size: Math.ceil((c.events / max) * 4) } },
    el("span", { class: "chip-code" }, c.code), el("span", { class: "chip-name" }, c.name && c.name !== c.code
      ? c.name : ""), el("span", { class: "chip-count" }, fmt.n(c.events))))));
}

