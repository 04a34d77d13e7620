// Watchlists page: every watchlist with its unread count, the alerts of the one selected (?id=N), marking them
// read, and a form to create or edit a watchlist. Writes send the token kept in sessionStorage (the review page
// shares it) as a Bearer token; reading needs none.

import { $, api, boot, countryLink, el, empty, enc, evidenceHref, fill, humanDate, main, quoted, statusLabel,
         table } from "./common.js";

const TYPES = Object.keys(JSON.parse(main.dataset.weights || "{}"));
const store = window.sessionStorage;
const state = { selected: Number(new URLSearchParams(window.location.search).get("id")) || null, lists: [],
                editing: null };

boot(async () => {
  setUpCredentials();
  setUpForm();
  await loadLists();
});

// -- token --------------------------------------------------------------------------------------------------------

function token() {
  return store.getItem("communique.token") || "";
}

function setUpCredentials() {
  const form = $("[data-credentials]");
  form.token.value = token();
  showTokenState();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    store.setItem("communique.token", form.token.value.trim());
    showTokenState();
  });
  $("[data-forget]").addEventListener("click", () => {
    store.removeItem("communique.token");
    form.token.value = "";
    showTokenState();
  });
}

function showTokenState() {
  $("[data-credentials-state]").textContent = token()
    ? "Token kept for this tab: you can create, edit and mark read."
    : "Reading is open to all; changes need the token the server was started with.";
}

// -- watchlists -----------------------------------------------------------------------------------------------------

async function loadLists() {
  const data = await api("/api/watchlists");
  state.lists = data.items || [];
  if (!state.selected && state.lists.length) state.selected = state.lists[0].id;
  fill($("[data-watchlists]"), state.lists.length ? listTable(state.lists)
    : empty("No watchlist yet: create one with the form, or `communique watchlist add`."));
  await loadAlerts();
}

function listTable(lists) {
  return table([
    { label: "Watchlist", value: (w) => el("a", { href: `/watchlists?id=${enc(w.id)}`, onclick: select(w.id),
      "aria-current": w.id === state.selected ? "true" : null }, w.name) },
    { label: "Follows", value: (w) => w.follows },
    { label: "Unread", numeric: true, value: (w) => el("span", { class: w.unread ? "unread-count" : "count",
      dataset: { unread: String(w.unread) } }, String(w.unread)) },
    { label: "Alerts", numeric: true, value: (w) => String(w.alerts) },
    { label: "", value: (w) => el("span", {}, el("a", { href: `/api/watchlists/${enc(w.id)}/feed.atom` }, "Atom"),
      " · ", el("button", { type: "button", class: "secondary", onclick: () => edit(w) }, "Edit")) },
  ], lists, { caption: "Watchlists and their unread alerts", className: "data watchlists" });
}

function select(id) {
  return (event) => {
    event.preventDefault();
    state.selected = id;
    window.history.replaceState(null, "", `/watchlists?id=${enc(id)}`);
    loadLists();
  };
}

// -- alerts ---------------------------------------------------------------------------------------------------------

async function loadAlerts() {
  const list = state.lists.find((w) => w.id === state.selected);
  const box = $("[data-alerts]");
  if (!list) {
    fill(box, empty("Select a watchlist."));
    return;
  }
  $("[data-alerts-title]").textContent = `Alerts: ${list.name}`;
  const data = await api(`/api/watchlists/${enc(list.id)}/alerts?page_size=100`);
  const rows = data.items || [];
  const message = el("p", { class: "note", role: "status" });
  const markAll = el("button", { type: "button", disabled: !list.unread, onclick: () => markRead(list, null, message) },
    "Mark all read");
  fill(box, el("div", { class: "alerts-head" }, markAll, message),
    rows.length ? alertTable(list, rows, message) : empty("No alerts yet: they come with the next ingest."));
}

function alertTable(list, rows, message) {
  return table([
    { label: "", value: (a) => el("span", { class: a.read_at ? "read-mark" : "unread-mark",
      dataset: { alert: String(a.id), state: a.read_at ? "read" : "unread" } }, a.read_at ? "read" : "unread") },
    { label: "Event", value: (a) => el("div", {}, el("strong", {}, a.event.type), a.kind === "updated"
      ? " (updated)" : "", el("div", { class: "actors" }, countryLink(a.event.actor1), a.event.mutual ? " ↔ " : " → ",
      countryLink(a.event.actor2))) },
    { label: "When", value: (a) => el("div", {}, humanDate(a.event.date), a.event.status && a.event.status !== "occurred"
      ? el("div", { class: `status-tag status-${a.event.status}` }, statusLabel(a.event.status)) : null) },
    { label: "Evidence", value: (a) => el("a", { class: "evidence-link", href: evidenceHref(a.event), lang: "" },
      quoted(a.event.evidence || "")) },
    { label: "", value: (a) => a.read_at ? "" : el("button", { type: "button", class: "secondary",
      onclick: () => markRead(list, [a.id], message) }, "Mark read") },
  ], rows, { caption: `${list.unread} unread of ${list.alerts}`, className: "data alerts" });
}

async function markRead(list, ids, message) {
  if (!token()) {
    message.textContent = "Enter the token above first.";
    return;
  }
  try {
    await api(`/api/watchlists/${enc(list.id)}/alerts/read`, { method: "POST", token: token(), body: { ids } });
    await loadLists();
  } catch (error) {
    message.textContent = `Not saved: ${error.message}`;
  }
}

// -- create and edit ------------------------------------------------------------------------------------------------

function setUpForm() {
  const form = $("[data-watchlist-form]");
  form.types.append(...TYPES.map((t) => el("option", { value: t }, t)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save(form);
  });
  $("[data-new]").addEventListener("click", () => edit(null));
}

function edit(list) {
  const form = $("[data-watchlist-form]");
  state.editing = list ? list.id : null;
  form.reset();
  $("[data-form-title]").textContent = list ? `Edit ${list.name}` : "New watchlist";
  $("[data-save]").textContent = list ? "Save" : "Create";
  if (!list) return;
  form.name.value = list.name;
  form.a.value = list.actor1 || "";
  form.b.value = list.actor2 || "";
  form.actor.value = list.actor || "";
  for (const option of form.types.options) option.selected = (list.types || []).includes(option.value);
  for (const option of form.statuses.options) option.selected = (list.statuses || []).includes(option.value);
  form.keywords.value = (list.keywords || []).join(", ");
  form.min_sources.value = String(list.min_sources || 1);
  form.webhook.value = list.webhook || "";
}

async function save(form) {
  const message = $("[data-form-message]");
  if (!token()) {
    message.textContent = "Enter the token above first.";
    return;
  }
  const a = form.a.value.trim().toUpperCase();
  const b = form.b.value.trim().toUpperCase();
  const body = {
    name: form.name.value.trim(), between: a && b ? [a, b] : null, actor: form.actor.value.trim().toUpperCase() || null,
    types: [...form.types.selectedOptions].map((o) => o.value),
    statuses: [...form.statuses.selectedOptions].map((o) => o.value),
    keywords: form.keywords.value.split(",").map((k) => k.trim()).filter(Boolean),
    min_sources: Number(form.min_sources.value) || 1, webhook: form.webhook.value.trim() || null,
  };
  try {
    const saved = state.editing
      ? await api(`/api/watchlists/${enc(state.editing)}`, { method: "PUT", token: token(), body })
      : await api("/api/watchlists", { method: "POST", token: token(), body });
    message.textContent = saved.secret && !state.editing
      ? `Created. Webhook signing secret (shown once): ${saved.secret}` : "Saved.";
    state.selected = saved.id;
    edit(null);
    await loadLists();
  } catch (error) {
    message.textContent = `Not saved: ${error.message}`;
  }
}
