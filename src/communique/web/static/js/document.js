// Document page: the cleaned text with entity mentions and event evidence highlighted, the events and entities
// found in it, the source link and the stored record.
//
// The article text is untrusted. It is cut into pieces at the annotation boundaries and every piece enters the
// page as a text node (inside a <span> when annotated); nothing is ever parsed as HTML.

import { $, api, boot, el, enc, fill, humanDate, main, statusLabel } from "./common.js";

const ENTITY_TYPES = { COUNTRY: "country", PERSON: "person", ORG: "organisation", PLACE: "place" };

const WEIGHTS = JSON.parse(main.dataset.weights || "{}");   // PLOVER type → weight, from the server
let current = null;   // {text, events, segments} of the rendered document, for hash changes

boot(async () => {
  const doc = await api(`/api/documents/${enc(main.dataset.doc)}`);
  document.title = `${doc.title || doc.id} · Communiqué`;
  fill($("[data-title]"), doc.title || doc.id);
  fill($("[data-byline]"), byline(doc));
  const text = doc.text || "";
  const toUnits = codePointToUnit(text);
  const events = (doc.events || []).map((e) => ({ ...e, start: toUnits(e.evidence_start), end: toUnits(e.evidence_end) }));
  const mentions = (doc.entities || []).flatMap((entity) => (entity.mentions || []).map((m) => ({
    entity, start: toUnits(m.start), end: toUnits(m.end) })));
  const body = $("[data-text]");
  body.lang = doc.language || "";
  current = { text, events, mentions, body };
  fill($("[data-legend]"), legend());
  fill($("[data-doc-events]"), events.length ? events.map(eventEntry) : el("li", { class: "empty" }, "No events."));
  fill($("[data-entities]"), entityList(doc.entities || []));
  $("[data-record]").textContent = JSON.stringify(doc.record ?? null, null, 2);
  highlightTarget();
});

window.addEventListener("hashchange", () => highlightTarget());

/** (Re)draw the text with the range named in the URL fragment marked, and bring that range into view. */
function highlightTarget() {
  if (!current) return;
  const target = targetRange();
  const first = renderText(current.body, current.text, current.events, current.mentions, target);
  for (const item of document.querySelectorAll("[data-doc-events] li[data-range]")) {
    const [s, e] = item.dataset.range.split("-").map(Number);
    item.classList.toggle("is-target", Boolean(target) && s < target.end && target.start < e);
  }
  if (first) {
    first.tabIndex = -1;
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  }
}

/** Record offsets count code points; JavaScript strings count UTF-16 units. Map one to the other. */
function codePointToUnit(text) {
  const units = [0];
  for (const ch of text) units.push(units[units.length - 1] + ch.length);
  return (offset) => units[Math.max(0, Math.min(units.length - 1, Number(offset) || 0))];
}

function byline(doc) {
  const parts = [doc.outlet, doc.published ? humanDate(doc.published) : null, doc.language].filter(Boolean);
  return [
    el("span", {}, parts.join(" · ")),
    doc.url ? el("a", { class: "external", href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" },
      "original article ↗") : null,
    doc.story_id ? el("span", { class: "story" }, `story ${doc.story_id}`) : null,
  ];
}

/**
 * Cut the text at every annotation boundary; each piece becomes a text node, or a <span> that knows which events'
 * evidence and which entity mention it belongs to. The `target` range (from the URL) is marked too. Returns the
 * first marked piece of the target.
 */
function renderText(container, text, events, mentions, target) {
  const cuts = new Set([0, text.length]);
  for (const a of [...events, ...mentions, ...(target ? [target] : [])]) {
    if (a.end > a.start) { cuts.add(a.start); cuts.add(a.end); }
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((x, y) => x - y);
  const fragment = document.createDocumentFragment();
  const anchored = new Set();
  let first = null;
  for (let i = 0; i < points.length - 1; i += 1) {
    const start = points[i], end = points[i + 1];
    const piece = text.slice(start, end);
    const inEvents = events.filter((e) => e.start <= start && end <= e.end);
    const mention = mentions.find((m) => m.start <= start && end <= m.end);
    const inTarget = Boolean(target) && target.start <= start && end <= target.end;
    if (!inEvents.length && !mention && !inTarget) {
      appendText(fragment, piece);
      continue;
    }
    const span = el("span");
    appendText(span, piece);
    const classes = [];
    if (inEvents.length) {
      classes.push("evidence", inEvents.some((e) => e.status === "planned") ? "evidence-planned" : "evidence-occurred");
      span.dataset.events = inEvents.map((e) => e.event_id).join(" ");
      for (const e of inEvents) {
        const anchor = `event-${e.merged_id || e.event_id}`;
        if (!anchored.has(anchor)) { span.id = anchor; anchored.add(anchor); }
      }
    }
    if (mention) {
      classes.push("mention", `mention-${(mention.entity.type || "other").toLowerCase()}`);
      span.dataset.entity = mention.entity.id;
    }
    if (inTarget) {
      classes.push("is-target");
      first = first || span;
    }
    span.className = classes.join(" ");
    span.title = describe(inEvents, mention);
    fragment.append(span);
  }
  container.replaceChildren(fragment);
  return first;
}

/** Text with its line breaks shown as paragraph breaks (an empty block element, so no HTML is ever parsed). */
function appendText(parent, piece) {
  const lines = piece.split("\n");
  lines.forEach((line, n) => {
    if (n > 0) parent.append(el("span", { class: "pbreak", "aria-hidden": "true" }));
    if (line) parent.append(document.createTextNode(line));
  });
}

function describe(events, mention) {
  const lines = events.map((e) => `${e.type}: ${e.source || "?"} → ${e.target || "?"}, ${humanDate(e.date)}`
    + (e.status && e.status !== "occurred" ? ` (${statusLabel(e.status)})` : ""));
  if (mention) {
    const m = mention.entity;
    lines.push(`${ENTITY_TYPES[m.type] || m.type}: ${m.name}${m.code ? ` (${m.code})` : ""}${m.role ? `, ${m.role}` : ""}`);
  }
  return lines.join("\n");
}

/** The range named in the URL fragment: #event-<merged or event id>, or #evidence=<the sentence>. */
function targetRange() {
  const hash = decodeURIComponent(window.location.hash.slice(1));
  if (!current || !hash) return null;
  if (hash.startsWith("event-")) {
    const id = hash.slice("event-".length);
    const event = current.events.find((e) => e.merged_id === id || e.event_id === id);
    return event ? { start: event.start, end: event.end } : null;
  }
  if (hash.startsWith("evidence=")) {
    const sentence = hash.slice("evidence=".length).trim();
    const at = sentence ? current.text.indexOf(sentence) : -1;
    if (at >= 0) {
      const event = current.events.find((e) => e.start <= at && at + sentence.length <= e.end);
      return event ? { start: event.start, end: event.end } : { start: at, end: at + sentence.length };
    }
    const event = current.events.find((e) => current.text.slice(e.start, e.end).startsWith(sentence.slice(0, 60)));
    return event ? { start: event.start, end: event.end } : null;
  }
  return null;
}

function eventEntry(e) {
  const weight = WEIGHTS[e.type] || 0;
  const weightTone = weight > 0 ? "coop" : weight < 0 ? "conf" : "neutral";
  return el("li", { dataset: { range: `${e.start}-${e.end}`, eventId: e.event_id } },
    el("a", { href: `#event-${e.merged_id || e.event_id}` },
      el("span", { class: `type-badge tone-${weightTone}` }, e.type),
      el("span", { class: "actors" }, ` ${e.source || "?"} → ${e.target || "?"}`)),
    el("div", { class: "event-when" }, humanDate(e.date),
      e.status && e.status !== "occurred" ? el("span", { class: `status-tag status-${e.status}` }, statusLabel(e.status))
        : null,
      e.merged_id ? el("a", { class: "quiet", href: `/review?event=${enc(e.merged_id)}` }, "review") : null));
}

function legend() {
  return el("ul", { class: "legend-list legend-text" },
    el("li", {}, el("span", { class: "evidence evidence-occurred sample" }, "event evidence")),
    el("li", {}, el("span", { class: "evidence evidence-planned sample" }, "planned event")),
    Object.entries(ENTITY_TYPES).map(([type, label]) => el("li", {},
      el("span", { class: `mention mention-${type.toLowerCase()} sample` }, label))));
}

function entityList(entities) {
  if (!entities.length) return el("p", { class: "empty" }, "No entities.");
  const groups = Object.keys(ENTITY_TYPES).map((type) => [type, entities.filter((e) => e.type === type)])
    .filter(([, list]) => list.length);
  return groups.map(([type, list]) => el("div", { class: "entity-group" },
    el("h3", {}, `${ENTITY_TYPES[type]} (${list.length})`),
    el("ul", { class: "entities" }, list.map((e) => el("li", {},
      el("span", { class: `mention mention-${type.toLowerCase()}` }, e.name),
      e.code && type === "COUNTRY" ? el("a", { class: "quiet", href: `/countries/${enc(e.code)}` }, ` ${e.code}`) : null,
      e.country && type !== "COUNTRY" ? el("span", { class: "quiet" }, ` ${e.country}`) : null,
      e.role ? el("span", { class: "role" }, ` · ${e.role}`) : null,
      (e.mentions || []).length > 1 ? el("span", { class: "count" }, ` ×${e.mentions.length}`) : null)))));
}
