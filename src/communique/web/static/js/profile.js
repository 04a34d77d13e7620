// Bilateral profile: a timeline of visits, agreements and missions, what the sources say by section, trade and
// other figures, every event, and the articles behind them.

import { $, api, balanceTable, boot, countryLink, el, empty, enc, eventList, fill, fmt, humanDate, main, quoted,
         statusLabel, table, viewQuery } from "./common.js";
import { balanceChart, formatAmount, labelledBars, timeline } from "./charts.js";

const LANES = [
  { key: "relations established", label: "Relations", colour: "#332288" },
  { key: "partnership", label: "Partnership", colour: "#CC79A7" },
  { key: "missions", label: "Missions", colour: "#009E73" },
  { key: "agreements", label: "Agreements", colour: "#E69F00" },
  { key: "contacts", label: "Visits and talks", colour: "#0072B2" },
];
const SECTION_TITLES = {
  "relations established": "Diplomatic relations", partnership: "Partnership", missions: "Embassies and missions",
  agreements: "Agreements", contacts: "Visits, talks and calls", "last contact": "Last contact",
  facts: "Figures", balance: "Cooperation and conflict by year",
};

/** The document page, scrolled to a sentence (profile rows name their evidence sentence, not an event id). */
export function sentenceHref(row) {
  if (!row.doc_id) return null;
  return `/documents/${enc(row.doc_id)}${row.evidence ? `#evidence=${enc(row.evidence.slice(0, 300))}` : ""}`;
}

boot(async () => {
  const { a, b } = main.dataset;
  const data = await api(`/api/profiles/${enc(a)}/${enc(b)}${viewQuery()}`);
  const names = data.names || {};
  const nameA = names[data.a || a] || a, nameB = names[data.b || b] || b;
  document.title = `${nameA} – ${nameB} · Communiqué`;
  fill($("[data-title]"), `${nameA} – ${nameB}`);
  const rows = data.items || [];
  const events = data.timeline || [];
  fill($("[data-lede]"), lede(events, rows, data.sources || []), " Country pages: ", countryLink(a, names), " · ",
    countryLink(b, names), ".");
  drawBalance(events);
  drawTimeline(rows);
  fill($("[data-list='profile']"), sections(rows));
  drawFigures(data.facts || rows.filter((r) => r.section === "facts"));
  fill($("[data-events='all']"), eventList([...events].reverse(), names, { emptyText: "No events between them." }));
  fill($("[data-list='sources']"), sourceList(data.sources || []));
  await drawSayings(data.a || a, data.b || b, names);
});

/** The pair's quotes and figures (/api/quotes, /api/facts), in the years the page shows, with their downloads. */
async function drawSayings(a, b, names) {
  const period = new URLSearchParams();
  const current = new URLSearchParams(window.location.search);
  for (const key of ["since", "until"]) if (current.get(key)) period.set(key, current.get(key));
  const base = `between=${enc(a)},${enc(b)}${period.toString() ? `&${period}` : ""}`;
  for (const link of document.querySelectorAll("[data-saying]")) {
    const [what, format] = link.dataset.saying.split(".");
    link.href = `/api/${what}?${base}&format=${format}`;
  }
  const [quotes, facts] = await Promise.all([api(`/api/quotes?${base}&page_size=100`),
    api(`/api/facts?${base}&page_size=100`)]);
  fill($("[data-list='quotes']"), (quotes.items || []).length ? table([
    { label: "Date", value: (r) => humanDate(r.date) },
    { label: "Speaker", value: (r) => [r.speaker || "unnamed", r.speaker_role ? `, ${r.speaker_role}` : "",
      r.speaker_country ? ` (${names[r.speaker_country] || r.speaker_country})` : ""].join("") },
    { label: "Quote", value: (r) => el("a", { href: `/documents/${enc(r.doc_id)}` }, quoted(r.text)) },
  ], quotes.items, { caption: `${fmt.n(quotes.total)} quotes` }) : empty("No quotes of either side's speakers."));
  fill($("[data-list='facts']"), (facts.items || []).length ? table([
    { label: "Period", value: (r) => r.period || humanDate(r.published) },
    { label: "Figure", value: (r) => r.type.replaceAll("_", " ").toLowerCase() },
    { label: "Value", numeric: true, value: (r) => formatAmount(r.value, r.unit) },
    { label: "Sentence", value: (r) => el("a", { href: `/documents/${enc(r.doc_id)}` }, r.evidence) },
  ], facts.items, { caption: `${fmt.n(facts.total)} figures` }) : empty("No figures naming both."));
}

function lede(events, rows, sources) {
  const last = rows.find((r) => r.section === "last contact");
  const parts = [`${fmt.n(events.length)} events from ${fmt.n(sources.length)} articles.`];
  if (last) parts.push(`Last contact: ${last.item}, ${humanDate(last.date)}.`);
  return parts.join(" ");
}

function drawTimeline(rows) {
  const chart = $("[data-chart='timeline']");
  const marks = rows.filter((r) => LANES.some((l) => l.key === r.section)).map((r) => ({
    lane: r.section, date: r.date, status: r.status, href: sentenceHref(r),
    label: [r.item, r.detail].filter(Boolean).join(" · "),
  }));
  const dated = marks.filter((m) => m.date);
  const lanes = LANES.filter((l) => dated.some((m) => m.lane === l.key));
  if (!dated.length) fill(chart, empty("No dated visits, agreements or missions."));
  else fill(chart, timeline(dated, lanes, { label: "Timeline of visits, agreements and missions" }));
  const undated = marks.length - dated.length;
  if (undated) chart.append(el("p", { class: "note" }, `${undated} undated item${undated > 1 ? "s" : ""} listed below.`));
  fill($("[data-table='timeline']"), marks.length ? table([
    { label: "Date", value: (m) => humanDate(m.date) },
    { label: "Kind", value: (m) => LANES.find((l) => l.key === m.lane).label },
    { label: "What", value: (m) => m.label },
    { label: "Status", value: (m) => statusLabel(m.status) },
    { label: "Source", value: (m) => (m.href ? el("a", { href: m.href }, "sentence") : "") },
  ], marks, { caption: "Visits, agreements and missions", className: "data data-compact" }) : empty("Nothing yet."));
}

function sections(rows) {
  const shown = rows.filter((r) => r.section !== "facts" && r.section !== "balance");
  if (!shown.length) return empty("Nothing known about these two yet.");
  const groups = new Map();
  for (const r of shown) {
    if (!groups.has(r.section)) groups.set(r.section, []);
    groups.get(r.section).push(r);
  }
  return el("div", { class: "profile-sections" }, [...groups.entries()].map(([section, list]) => el("section",
    { class: "profile-section", dataset: { section } },
    el("h3", {}, SECTION_TITLES[section] || section),
    el("ul", { class: "profile-items" }, list.map(profileItem)))));
}

function profileItem(r) {
  const href = sentenceHref(r);
  return el("li", { class: "profile-item" },
    el("div", { class: "profile-line" },
      el("time", {}, humanDate(r.date)), " ",
      el("strong", {}, r.item), r.detail ? el("span", { class: "detail" }, ` · ${r.detail}`) : null,
      r.status && r.status !== "occurred" ? el("span", { class: `status-tag status-${r.status}` },
        statusLabel(r.status)) : null,
      r.num_articles > 1 ? el("span", { class: "count" }, `${r.num_articles} reports`) : null),
    r.evidence ? el("a", { class: "evidence-link", href, lang: "" }, quoted(r.evidence)) : null);
}

/** "6.47e+07 USD" → {value: 64700000, unit: "USD"}. */
export function parseAmount(detail) {
  const match = /^\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*(.*)$/i.exec(String(detail || ""));
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isFinite(value) ? { value, unit: match[2].trim() } : null;
}

function drawFigures(facts) {
  const chart = $("[data-chart='figures']");
  const parsed = facts.map((f) => ({ ...f, amount: parseAmount(f.detail) })).filter((f) => f.amount);
  if (!parsed.length) {
    fill(chart, empty("No figures reported for this pair."));
    fill($("[data-table='figures']"), empty("No figures."));
    return;
  }
  const groups = new Map();
  for (const f of parsed) {
    const key = `${f.item}|${f.amount.unit}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  fill(chart, [...groups.entries()].map(([key, list]) => {
    const [item, unit] = key.split("|");
    const distinct = [...new Map(list.map((f) => [`${f.date}|${f.amount.value}`, f])).values()];  // reprints say it twice
    const bars = distinct.sort((x, y) => String(x.date).localeCompare(String(y.date))).map((f) => ({
      label: f.date || "undated", value: f.amount.value, href: sentenceHref(f),
      title: `${f.date || "undated"}: ${formatAmount(f.amount.value, unit)} — “${f.evidence || ""}”`,
    }));
    return el("figure", { class: "figure small-multiple", dataset: { fact: item } },
      el("figcaption", {}, `${item.replaceAll("_", " ").toLowerCase()} (${unit})`),
      labelledBars(bars, { unit, label: `${item} in ${unit}` }));
  }));
  fill($("[data-table='figures']"), table([
    { label: "Figure", value: (f) => f.item.replaceAll("_", " ").toLowerCase() },
    { label: "Period", value: (f) => f.date || "undated" },
    { label: "Amount", numeric: true, value: (f) => formatAmount(f.amount.value, f.amount.unit) },
    { label: "Exact", numeric: true, value: (f) => `${fmt.n(f.amount.value)} ${f.amount.unit}` },
    { label: "Source", value: (f) => (f.doc_id ? el("a", { href: sentenceHref(f) }, "sentence") : "") },
  ], parsed, { caption: "Figures reported for this pair", className: "data data-compact" }));
}

/** Cooperation (positive weights) and conflict (negative weights) per year, for events that took place — the same
 * rule as the country page's balance (kb.balance). */
function drawBalance(events) {
  const byYear = new Map();
  for (const e of events) {
    if (!["occurred", "ongoing"].includes(e.status) || e.year === null || e.year === undefined) continue;
    const row = byYear.get(e.year) || { year: Number(e.year), events: 0, cooperation: 0, conflict: 0, balance: 0 };
    const w = Number(e.weight || 0);
    row.events += 1;
    row.balance += w;
    if (w > 0) row.cooperation += w;
    if (w < 0) row.conflict += w;
    byYear.set(e.year, row);
  }
  const rows = [...byYear.values()].sort((x, y) => x.year - y.year);
  const chart = $("[data-chart='pair-balance']");
  if (!rows.length) {
    fill(chart, empty("No dated events that took place."));
    fill($("[data-table='pair-balance']"), empty("No data."));
    return;
  }
  fill(chart, balanceChart(rows, { label: "Cooperation and conflict by year", width: 480, height: 240 }));
  fill($("[data-table='pair-balance']"), balanceTable(rows));
}

function sourceList(sources) {
  if (!sources.length) return empty("No sources.");
  return el("ol", { class: "sources" }, sources.map((s) => el("li", {},
    el("a", { href: `/documents/${enc(s.doc_id)}`, lang: s.language || "" }, s.title || s.doc_id),
    el("span", { class: "source-meta" }, [s.outlet, humanDate(s.published), s.language].filter(Boolean).join(" · ")),
    s.url ? el("a", { class: "external", href: s.url, rel: "noopener noreferrer nofollow", target: "_blank" },
      "original ↗") : null)));
}
