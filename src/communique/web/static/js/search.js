// Search page: full-text search over every stored article; matched words are marked in the snippets.

import { $, api, boot, el, empty, enc, fill, humanDate, main, query, status } from "./common.js";

const LIMIT = 50;

boot(async () => {
  const q = (main.dataset.q || "").trim();
  if (!q) {
    fill($("[data-results]"), el("li", { class: "empty" }, "Type a word, a name or a \"phrase\" above."));
    $("#q").focus();
    return;
  }
  const rows = await api(`/api/search${query({ q, limit: LIMIT })}`);
  const results = Array.isArray(rows) ? rows : rows.items || [];
  document.title = `${q} · Search · Communiqué`;
  status("");
  const words = terms(q);
  fill($("[data-results]"), results.length ? results.map((r) => result(r, words))
    : el("li", { class: "empty" }, `Nothing matches “${q}”.`));
  $("[data-results]").before(el("p", { class: "note result-count" },
    `${results.length}${results.length === LIMIT ? "+" : ""} article${results.length === 1 ? "" : "s"} match “${q}”.`));
});

/** The words of the query, folded like the server folds them (case and accents), for marking the snippets. */
function terms(q) {
  return [...q.matchAll(/[\p{L}\p{N}_]+/gu)].map((m) => fold(m[0])).filter((w) => w.length > 1);
}

function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The snippet as text nodes, with each matched word inside a <mark>. */
function marked(snippet, words) {
  if (!words.length) return [snippet];
  const out = [];
  let last = 0;
  for (const match of snippet.matchAll(/[\p{L}\p{N}_]+/gu)) {
    if (!words.some((w) => fold(match[0]).startsWith(w))) continue;
    out.push(snippet.slice(last, match.index), el("mark", {}, match[0]));
    last = match.index + match[0].length;
  }
  out.push(snippet.slice(last));
  return out;
}

function result(r, words) {
  return el("li", { class: "result", dataset: { doc: r.doc_id } },
    el("a", { class: "result-title", href: `/documents/${enc(r.doc_id)}`, lang: r.language || "" }, r.title || r.doc_id),
    el("div", { class: "result-meta" }, [humanDate(r.published), r.language, r.outlet].filter(Boolean).join(" · ")),
    r.snippet ? el("p", { class: "snippet", lang: r.language || "" }, marked(r.snippet, matchedWords(r, words)))
      : empty(""));
}

/** The words the server says matched in this snippet (stemmed: "acuerdos" for "acuerdo"), else the query's. */
function matchedWords(r, words) {
  if (!Array.isArray(r.matched) || !r.matched.length) return words;
  return r.matched.flatMap((m) => [...m.matchAll(/[\p{L}\p{N}_]+/gu)].map((w) => fold(w[0])));
}
