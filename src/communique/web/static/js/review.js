// Review page: analysts confirm, correct or reject events. The token is typed once and kept in sessionStorage
// (gone when the tab closes); every decision goes to POST /api/events/{id}/review with it as a Bearer token.

import { $, ApiError, api, quoted, boot, countryLink, el, empty, enc, evidenceHref, fill, humanDate, main, query,
         readOnlyReason, reviewWord, statusLabel, table } from "./common.js";

const PAGE_SIZE = 25;
const TYPES = Object.keys(JSON.parse(main.dataset.weights || "{}"));
const store = window.sessionStorage;
const state = { page: 1, filters: {} };

boot(async () => {
  setUpCredentials();
  setUpFilters();
  const focus = new URLSearchParams(window.location.search).get("event");
  if (focus) state.filters = { ...state.filters, focus };
  await Promise.all([loadEvents(), loadAudit()]);
});

// -- token and reviewer -------------------------------------------------------------------------------------------

function credentials() {
  return { token: store.getItem("communique.token") || "", reviewer: store.getItem("communique.reviewer") || "" };
}

function setUpCredentials() {
  const form = $("[data-credentials]");
  const readOnly = readOnlyReason();
  if (readOnly) {
    for (const control of form.elements) {
      control.disabled = true;
      control.title = readOnly;
    }
  }
  const { token, reviewer } = credentials();
  form.token.value = token;
  form.reviewer.value = reviewer;
  showCredentialState();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    store.setItem("communique.token", form.token.value.trim());
    store.setItem("communique.reviewer", form.reviewer.value.trim());
    showCredentialState();
  });
  $("[data-forget]").addEventListener("click", () => {
    store.removeItem("communique.token");
    form.token.value = "";
    showCredentialState();
  });
}

function showCredentialState() {
  const { token, reviewer } = credentials();
  if (readOnlyReason()) {
    $("[data-credentials-state]").textContent = "Reviewing is off on this server (see above).";
    return;
  }
  $("[data-credentials-state]").textContent = token
    ? `Token kept for this tab${reviewer ? `; reviewing as ${reviewer}` : "; add your name so reviews say who"}.`
    : "Reading is open to all; reviewing needs the token the server was started with.";
}

// -- listing ------------------------------------------------------------------------------------------------------

function setUpFilters() {
  const form = $("[data-filters]");
  form.type.append(...TYPES.map((t) => el("option", { value: t }, t)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.page = 1;
    state.filters = { actor: form.actor.value.trim().toUpperCase(), type: form.type.value, q: form.q.value.trim() };
    loadEvents();
  });
}

async function loadEvents() {
  const list = $("[data-review-list]");
  const { focus, ...filters } = state.filters;
  if (focus) {
    const event = await api(`/api/events/${enc(focus)}`);
    fill(list, el("p", { class: "note" }, "One event, from its document. ",
      el("a", { href: "/review" }, "Show all events")), reviewTable([event]));
    fill($("[data-pager]"));
    return;
  }
  const data = await api(`/api/events${query({ ...filters, page: state.page, page_size: PAGE_SIZE })}`);
  const rows = data.items || [];
  fill(list, rows.length ? reviewTable(rows) : empty("No events match."));
  fill($("[data-pager]"), pager(data.total || rows.length));
}

function pager(total) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const go = (page) => () => { state.page = page; loadEvents(); };
  return [
    el("button", { type: "button", class: "secondary", disabled: state.page <= 1, onclick: go(state.page - 1) }, "← Newer"),
    el("span", {}, `Page ${state.page} of ${pages} · ${total} events`),
    el("button", { type: "button", class: "secondary", disabled: state.page >= pages, onclick: go(state.page + 1) },
      "Older →"),
  ];
}

function reviewTable(events) {
  return table([
    { label: "Event", value: (e) => el("div", {}, el("strong", {}, e.type), e.mode ? ` / ${e.mode}` : "",
      el("div", { class: "actors" }, countryLink(e.actor1), e.mutual ? " ↔ " : " → ", countryLink(e.actor2))) },
    { label: "When", value: (e) => el("div", {}, humanDate(e.date),
      e.status && e.status !== "occurred" ? el("div", { class: `status-tag status-${e.status}` }, statusLabel(e.status))
        : null) },
    { label: "Evidence", value: (e) => el("a", { class: "evidence-link", href: evidenceHref(e), lang: "" },
      quoted(e.evidence || "")) },
    { label: "Review", value: (e) => reviewCell(e) },
  ], events, { caption: "Events, newest first", className: "data review-table" });
}

function reviewCell(event) {
  const cell = el("div", { class: "review-cell", dataset: { eventId: event.id } });
  const badge = el("div", { class: "review-state", dataset: { review: event.review ? event.review.action : "" } },
    event.review ? el("span", { class: `review-tag review-${event.review.action}` }, reviewWord(event.review)) : "not reviewed");
  const message = el("p", { class: "review-message", role: "status" });
  const correctForm = correctionForm(event, (fields) => send(event, "correct", fields, badge, message, correctForm));
  correctForm.hidden = true;
  const readOnly = readOnlyReason();
  const off = readOnly ? { disabled: true, title: readOnly, "aria-disabled": "true" } : {};
  const buttons = el("div", { class: "review-actions" },
    el("button", { type: "button", class: "confirm", dataset: { action: "confirm" }, ...off,
                   onclick: () => send(event, "confirm", {}, badge, message) }, "Confirm"),
    el("button", { type: "button", class: "secondary", dataset: { action: "correct" }, ...off,
                   onclick: () => { correctForm.hidden = !correctForm.hidden; } }, "Correct…"),
    el("button", { type: "button", class: "reject", dataset: { action: "reject" }, ...off,
                   onclick: () => send(event, "reject", {}, badge, message) }, "Reject"));
  cell.append(badge, buttons, correctForm, message);
  return cell;
}

function correctionForm(event, submit) {
  const typeSelect = el("select", { name: "type" }, TYPES.map((t) => el("option", { value: t, selected: t === event.type }, t)));
  const form = el("form", { class: "correction" },
    el("label", {}, "Type ", typeSelect),
    el("label", {}, "Source ", el("input", { name: "actor1", value: event.actor1 || "", size: 6 })),
    el("label", {}, "Target ", el("input", { name: "actor2", value: event.actor2 || "", size: 6 })),
    el("label", {}, "Date ", el("input", { name: "date", value: event.date || "", size: 10, placeholder: "YYYY-MM-DD" })),
    el("label", { class: "wide" }, "Note ", el("input", { name: "note", placeholder: "why (optional)" })),
    el("button", { type: "submit" }, "Save correction"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const fields = {};
    for (const name of ["type", "actor1", "actor2", "date", "note"]) {
      let value = form.elements[name].value.trim();
      if (name.startsWith("actor")) value = value.toUpperCase();
      if (value && (name === "note" || value !== String(event[name] ?? ""))) fields[name] = value;   // changes only
    }
    submit(fields);
  });
  return form;
}

async function send(event, action, fields, badge, message, form = null) {
  const { token, reviewer } = credentials();
  if (!token) {
    message.textContent = "Enter the token above first.";
    message.dataset.kind = "error";
    return;
  }
  message.textContent = "Saving…";
  message.dataset.kind = "info";
  try {
    const review = await api(`/api/events/${enc(event.id)}/review`, {
      method: "POST", token, body: { action, reviewer: reviewer || "anonymous", ...fields } });
    fill(badge, el("span", { class: `review-tag review-${review.action || action}` },
      reviewWord({ action, reviewer: reviewer || "anonymous", ...review })));
    badge.dataset.review = review.action || action;
    message.textContent = `Saved ${humanDate((review.created_at || review.reviewed_at || review.at || "").slice(0, 10))
      || ""}`.trim();
    message.dataset.kind = "ok";
    if (form) form.hidden = true;
    loadAudit();
  } catch (error) {
    message.dataset.kind = "error";
    message.textContent = error instanceof ApiError && (error.status === 401 || error.status === 403)
      ? `Not allowed: ${error.message}` : `Could not save: ${error.message}`;
  }
}

// -- audit log ----------------------------------------------------------------------------------------------------

async function loadAudit() {
  const target = $("[data-audit]");
  let data;
  try {
    data = await api(`/api/reviews${query({ page: 1, page_size: 20 })}`);
  } catch (error) {
    fill(target, empty(`The audit log is not available: ${error.message}`));
    return;
  }
  const rows = data.items || [];
  fill(target, rows.length ? table([
    { label: "When", value: (r) => (r.created_at || r.reviewed_at || r.at || "").replace("T", " ").slice(0, 19) },
    { label: "Who", value: (r) => r.reviewer || "" },
    { label: "Action", value: (r) => el("span", { class: `review-tag review-${r.action}` }, r.action) },
    { label: "Event", value: (r) => (r.doc_id ? el("a", { href: `/documents/${enc(r.doc_id)}` },
      `${r.doc_id} / ${r.event_id || ""}`) : r.merged_id || r.event_id || "") },
    { label: "Change", value: (r) => ["type", "actor1", "actor2", "date"].filter((k) => r[k]).map((k) => `${k} ${r[k]}`)
      .join(", ") || (r.note || "") },
  ], rows, { caption: `Latest ${rows.length} of ${data.total ?? rows.length} reviews`, className: "data data-compact" })
    : empty("No reviews yet."));
}
