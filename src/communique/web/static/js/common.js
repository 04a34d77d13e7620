// Shared helpers for the dashboard pages: fetching the JSON twins, building DOM safely, formatting, event rows.
//
// Nothing here ever assigns HTML strings: every piece of text (article text above all) enters the page as a DOM
// text node through `el()` / `text()`, so a `<script>` inside an article is shown as the characters it is.

export const SVG_NS = "http://www.w3.org/2000/svg";

/** The page's <main>, whose data-* attributes carry the identifiers from the URL. */
export const main = document.querySelector("main");

/** Create an element: el("a", {href: "/x", class: "y"}, "text", child, ...). Attributes are set as attributes,
 * never as HTML; `dataset` and event handlers are given as objects / functions. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  applyAttrs(node, attrs);
  append(node, children);
  return node;
}

/** The same for SVG elements. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  applyAttrs(node, attrs);
  append(node, children);
  return node;
}

function applyAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Links come from our own routes or from stored article URLs: only http(s), relative paths and fragments. */
export function safeHref(value) {
  const href = String(value);
  if (href.startsWith("/") && !href.startsWith("//")) return href;
  if (href.startsWith("#") || href.startsWith("?")) return href;
  try {
    const url = new URL(href);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch (error) {
    // not a URL at all
  }
  return "#";
}

/** Replace the children of `node`. */
export function fill(node, ...children) {
  if (!node) return node;
  node.replaceChildren();
  append(node, children);
  return node;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

/** Show a one-line status (loading, errors) in the page's live region; empty text hides it. */
export function status(message, kind = "info") {
  const node = $("[data-status]");
  if (!node) return;
  node.textContent = message || "";
  node.dataset.kind = kind;
  node.hidden = !message;
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET (or POST) a JSON twin; errors come back in the API's one error shape and are thrown as ApiError. */
export async function api(path, { method = "GET", body = undefined, token = undefined } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin",
  });
  let data = null;
  try {
    data = await response.json();
  } catch (error) {
    data = null;
  }
  if (!response.ok) {
    const err = (data && data.error) || {};
    throw new ApiError(response.status, err.code || "error", err.message || `${response.status} ${response.statusText}`);
  }
  return data;
}

/** A list from an endpoint that may be paginated ({items: [...]}) or a bare array. */
export function items(data) {
  if (Array.isArray(data)) return data;
  return (data && data.items) || [];
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const enc = encodeURIComponent;

/** Why this server takes no writes ("" when it does): the page says so in `data-writable` / `data-readonly`, and
 * the write controls are drawn disabled with this reason instead of failing with 403 when used. */
export function readOnlyReason() {
  return main && main.dataset.writable === "false" ? (main.dataset.readonly || "This server is read-only.") : "";
}

/** The view's filters from the page's URL (years, types, statuses; the names the API reads), as a query string
 * ("" without filters): every page passes them to its JSON twin and keeps them in the links it draws. */
export const FILTER_KEYS = ["since", "until", "type", "status"];

export function viewQuery() {
  const current = new URLSearchParams(window.location.search);
  const kept = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    for (const value of current.getAll(key)) if (value) kept.append(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : "";
}

// -- formatting ---------------------------------------------------------------------------------------------------

const numberFormat = new Intl.NumberFormat("en-GB");
const signedFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1, signDisplay: "exceptZero" });
const compactFormat = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });

export const fmt = {
  n: (value) => (value === null || value === undefined ? "–" : numberFormat.format(value)),
  signed: (value) => (value === null || value === undefined ? "–" : signedFormat.format(value)),
  compact: (value) => (value === null || value === undefined ? "–" : compactFormat.format(value)),
  date: (value) => value || "undated",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-05" → "May 2024"; "2024-05-14" → "14 May 2024"; anything else as it is. */
export function humanDate(value) {
  if (!value) return "undated";
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (!month) return year;
  const name = MONTHS[Number(month) - 1] || month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** Plain-English status words for an event. */
export function statusLabel(value) {
  return { occurred: "took place", ongoing: "ongoing", planned: "planned", negated: "denied",
           hypothetical: "hypothetical" }[value] || value || "";
}

// -- colours ------------------------------------------------------------------------------------------------------

// Okabe–Ito and Paul Tol's colour-blind-safe palettes; cooperation is blue, conflict vermilion.
export const COOPERATION = "#0072B2";
export const CONFLICT = "#D55E00";
export const NEUTRAL = "#8a8f98";
export const TYPE_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#999933",
                             "#882255", "#44AA99"];
export const OTHER_COLOUR = "#b9bcc2";

/** A colour for a balance value: blue for cooperation, vermilion for conflict, grey near zero. */
export function balanceColour(value) {
  if (value > 0.5) return COOPERATION;
  if (value < -0.5) return CONFLICT;
  return NEUTRAL;
}

// -- links --------------------------------------------------------------------------------------------------------

/** The document page, scrolled to the evidence of one (merged) event. */
export function evidenceHref(event) {
  const doc = event.doc_id;
  if (!doc) return null;
  return `/documents/${enc(doc)}#event-${enc(event.id || event.merged_id || event.event_id || "")}`;
}

export function countryLink(code, names = {}) {
  if (!code) return el("span", { class: "actor actor-none" }, "—");
  const name = names[code];
  return el("a", { class: "actor", href: `/countries/${enc(code)}${viewQuery()}`, title: name || code }, code);
}

export function pairLink(a, b, label) {
  return el("a", { href: `/profiles/${enc(a)}/${enc(b)}${viewQuery()}` }, label || `${a} – ${b}`);
}

// -- building blocks ----------------------------------------------------------------------------------------------

/** A table: columns [{label, value: row => node|text, numeric?}] with a caption. */
export function table(columns, rows, { caption = null, className = "data" } = {}) {
  const head = el("tr", {}, columns.map((c) => el("th", { scope: "col", class: c.numeric ? "num" : null }, c.label)));
  const body = rows.map((row) => el("tr", {}, columns.map((c) => el("td", { class: c.numeric ? "num" : null },
    c.value(row)))));
  return el("table", { class: className }, caption ? el("caption", {}, caption) : null, el("thead", {}, head),
    el("tbody", {}, body));
}

/** A number with a thin bar behind it (width set through the CSSOM, which the Content-Security-Policy allows). */
// The table twin of a cooperation/conflict chart: one row per year (rows as /api/countries and /api/profiles give).
export function balanceTable(rows) {
  return table([
    { label: "Year", value: (r) => String(r.year) },
    { label: "Events", numeric: true, value: (r) => fmt.n(r.events) },
    { label: "Cooperation", numeric: true, value: (r) => fmt.signed(r.cooperation) },
    { label: "Conflict", numeric: true, value: (r) => fmt.signed(r.conflict) },
    { label: "Balance", numeric: true, value: (r) => fmt.signed(r.balance) },
  ], rows, { caption: "Cooperation and conflict by year", className: "data data-compact" });
}

export function inlineBar(fraction, tone, label) {
  const bar = el("span", { class: `inline-bar-fill tone-${tone}` });
  bar.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  return el("span", { class: "inline-bar" }, bar, el("span", { class: "inline-bar-label" }, label));
}

export function empty(message) {
  return el("p", { class: "empty" }, message);
}

/** One event as an analyst reads it: type, who → whom, when, status, the evidence sentence linking to it. */
export function eventItem(event, names = {}) {
  const arrow = event.mutual ? "↔" : "→";
  const weight = Number(event.weight || 0);
  const tone = weight > 0 ? "coop" : weight < 0 ? "conf" : "neutral";
  const href = evidenceHref(event);
  const evidence = event.evidence ? el("a", { class: "evidence-link", href, lang: "" }, quoted(event.evidence)) : null;
  const meta = [
    el("span", { class: `type-badge tone-${tone}` }, event.type, event.mode ? el("small", {}, ` / ${event.mode}`) : null),
    el("span", { class: "actors" }, countryLink(event.actor1, names), ` ${arrow} `, countryLink(event.actor2, names)),
    el("time", { datetime: event.date || null }, humanDate(event.date)),
    event.status && event.status !== "occurred" ? el("span", { class: `status-tag status-${event.status}` },
      statusLabel(event.status)) : null,
    event.num_articles > 1 ? el("span", { class: "count" }, `${event.num_articles} reports`) : null,
    event.review ? el("span", { class: `review-tag review-${event.review.action}` }, reviewWord(event.review)) : null,
  ];
  return el("li", { class: "event", dataset: { eventId: event.id || "" } },
    el("div", { class: "event-meta" }, meta), evidence,
    event.title ? el("div", { class: "event-source" }, "in ", href ? el("a", { href }, event.title) : event.title) : null);
}

/** The sentence in quotation marks, unless it already opens with one. */
export function quoted(sentence) {
  return /^[«“"„‘']/.test(sentence) ? sentence : `“${sentence}”`;
}

export function reviewWord(review) {
  const word = { confirm: "confirmed", reject: "rejected", correct: "corrected" }[review.action] || review.action;
  return review.reviewer ? `${word} by ${review.reviewer}` : word;
}

export function eventList(events, names = {}, { emptyText = "No events." } = {}) {
  if (!events || !events.length) return empty(emptyText);
  return el("ol", { class: "events" }, events.map((e) => eventItem(e, names)));
}

/** Run a page's loader, turning failures into a readable status line instead of a blank page. */
export async function boot(load) {
  try {
    status("Loading…");
    await load();
    status("");
  } catch (error) {
    console.warn(error);
    const message = error instanceof ApiError && error.status === 404
      ? `Not found: ${error.message}` : `Could not load this page's data: ${error.message}`;
    status(message, "error");
  }
}
