// Country page: the partner network, cooperation/conflict over time, partners, recent events.

import { $, api, balanceTable, boot, countryLink, el, empty, enc, eventList, fill, fmt, humanDate, inlineBar, main,
         pairLink, table, viewQuery } from "./common.js";
import { balanceChart, networkGraph } from "./charts.js";

const MAX_NODES = 30;

boot(async () => {
  const code = main.dataset.code;
  const data = await api(`/api/countries/${enc(code)}${viewQuery()}`);
  const names = { [data.code]: data.name };
  const partners = data.partners || [];
  document.title = `${data.name || data.code} · Communiqué`;
  fill($("[data-title]"), data.name && data.name !== data.code ? `${data.name} ` : "",
    el("span", { class: "code" }, data.code));
  const total = partners.reduce((s, p) => s + p.events, 0);
  fill($("[data-lede]"), partners.length
    ? `${fmt.n(total)} events with ${fmt.n(partners.length)} partners; the most active: `
      + partners.slice(0, 3).map((p) => `${p.partner} (${p.events})`).join(", ") + "."
    : "No events with partners stored yet.");
  drawNetwork(data.code, partners, names);
  drawBalance(data.balance || []);
  fill($("[data-list='partners']"), partnerList(data.code, partners));
  fill($("[data-events='recent']"), eventList(data.recent || [], names, { emptyText: "No events yet." }));
});

function drawNetwork(code, partners, names) {
  const chart = $("[data-chart='network']");
  if (!partners.length) {
    fill(chart, empty("No partners yet."));
    fill($("[data-table='partners']"), empty("No partners yet."));
    return;
  }
  const shown = partners.slice(0, MAX_NODES);
  fill(chart, networkGraph(code, shown, { names, hrefFor: (p) => `/profiles/${enc(code)}/${enc(p)}${viewQuery()}`,
                                          label: `Partners of ${code}` }));
  if (partners.length > shown.length) {
    chart.append(el("p", { class: "note" }, `The ${shown.length} most active of ${partners.length} partners.`));
  }
  fill($("[data-table='partners']"), table([
    { label: "Partner", value: (p) => countryLink(p.partner, names) },
    { label: "Events", numeric: true, value: (p) => fmt.n(p.events) },
    { label: "Cooperation", numeric: true, value: (p) => fmt.signed(p.cooperation) },
    { label: "Conflict", numeric: true, value: (p) => fmt.signed(p.conflict) },
    { label: "Balance", numeric: true, value: (p) => fmt.signed(p.balance) },
    { label: "Articles", numeric: true, value: (p) => fmt.n(p.articles) },
    { label: "First", value: (p) => humanDate(p.first) },
    { label: "Last", value: (p) => humanDate(p.last) },
    { label: "Most frequent", value: (p) => p.top_types || "" },
  ], partners, { caption: `Partners of ${code}`, className: "data data-compact" }));
}

function drawBalance(rows) {
  const chart = $("[data-chart='balance']");
  if (!rows.length) {
    fill(chart, empty("No dated events that took place yet."));
    fill($("[data-table='balance']"), empty("No data."));
    return;
  }
  fill(chart, balanceChart(rows));
  fill($("[data-table='balance']"), balanceTable(rows));
}

function partnerList(code, partners) {
  if (!partners.length) return empty("No partners yet.");
  const max = Math.max(...partners.map((p) => p.events));
  return table([
    { label: "Partner", value: (p) => pairLink(code, p.partner, p.partner) },
    { label: "Events", numeric: true, value: (p) => inlineBar(p.events / max, "count", fmt.n(p.events)) },
    { label: "Balance", numeric: true, value: (p) => el("span", { class: p.balance >= 0 ? "tone-coop-text"
      : "tone-conf-text" }, fmt.signed(p.balance)) },
    { label: "Last", value: (p) => humanDate(p.last) },
  ], partners, { caption: `All ${partners.length} partners: select one for the bilateral profile`,
                 className: "data data-compact" });
}
