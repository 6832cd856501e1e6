// The event detail: the reconciled fields with the reports behind each, the attribution claims with their
// sources, and every report's article with its evidence sentences highlighted. Article text is data: it is
// only ever inserted as text nodes.

import { getJSON } from "./api.js";
import { clear, el, safeLink } from "./dom.js";

const FIELDS = [
  "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "location", "admin1", "country",
  "fatalities", "injured", "weapons", "target", "attribution_status", "sponsors",
];

function value(field, event, canonical) {
  if (field === "fatalities" || field === "injured") {
    const range = canonical[field];
    if (range.best === null) return "unknown";
    return range.low === range.high ? String(range.best) : `${range.best} (${range.low}–${range.high})`;
  }
  const found = event[field];
  if (Array.isArray(found)) return found.join("; ");
  return found === null || found === undefined ? "" : String(found);
}

function reconciled(canonical, names) {
  const list = el("dl", { class: "fields" });
  for (const field of FIELDS) {
    const shown = value(field, canonical.event, canonical);
    if (!shown) continue;
    const keys = Object.entries(canonical.support)
      .filter(([name]) => name === field || name.startsWith(`${field}.`))
      .flatMap(([, supporting]) => supporting);
    const support = [...new Set(keys.map((key) => names.get(key) || key))];
    list.append(el("dt", {}, field.replaceAll("_", " ")),
      el("dd", {}, shown, support.length ? el("div", { class: "support" }, `from: ${support.join(", ")}`) : null));
  }
  return list;
}

function claims(canonical, reports) {
  const items = [];
  for (const report of reports) {
    for (const claim of report.report.claims) {
      items.push(el("li", {},
        el("strong", {}, claim.kind), " ", claim.actor || "unknown actor",
        claim.claimant ? ` — said by ${claim.claimant}` : "", claim.hedged ? " (hedged)" : "",
        el("div", { class: "support" }, `source: ${report.article.source || report.article.doc_id}`),
        el("q", {}, claim.evidence.sentence)));
    }
  }
  const summary = canonical.claims.map((tally) => el("li", {}, tally.summary));
  return el("div", {},
    el("h3", {}, "Attribution claims"),
    summary.length ? el("ul", {}, summary) : null,
    items.length ? el("ul", { class: "claim-list" }, items) : el("p", { class: "hint" }, "no claims in the reports"));
}

// The article text with the spans [start, end) marked; overlapping spans merge.
function highlighted(text, spans) {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.kind = last.kind === "claim" || span.kind === "claim" ? "claim" : "evidence";
    } else merged.push({ ...span });
  }
  const box = el("div", { class: "article-text" });
  let at = 0;
  for (const span of merged) {
    box.append(document.createTextNode(text.slice(at, span.start)));
    box.append(el("mark", { class: span.kind }, text.slice(span.start, span.end)));
    at = span.end;
  }
  box.append(document.createTextNode(text.slice(at)));
  return box;
}

function report(entry) {
  const article = entry.article;
  const spans = [
    ...entry.report.evidence.map((e) => ({ start: e.start, end: e.end, kind: "evidence" })),
    ...entry.report.claims.map((c) => ({ start: c.evidence.start, end: c.evidence.end, kind: "claim" })),
  ];
  const heading = article.title || article.doc_id;
  return el("div", { class: "report", "data-key": entry.key || "" },
    el("h4", {}, article.url ? safeLink(article.url, heading) : heading),
    el("div", { class: "support" }, `${article.source || "unknown source"} · published ${article.published || "?"} · ${article.doc_id}`),
    el("div", { class: "support" }, `this report: ${entry.report.sub_event_type}, ${entry.report.event_date || "undated"}, ${entry.report.location || ""}`),
    highlighted(article.text || "", spans));
}

export async function renderDetail(state) {
  const box = document.getElementById("detail");
  if (!state.event) {
    clear(box).append(el("p", { class: "hint" }, "Pick an event on the map, the list or the timeline."));
    return;
  }
  let detail;
  try {
    detail = await getJSON(`/api/events/${encodeURIComponent(state.event)}`);
  } catch (error) {
    clear(box).append(el("p", { class: "error" }, error.message));
    return;
  }
  const canonical = detail.event;
  const names = new Map(canonical.reports.map((link) => [link.key, link.source ? `${link.doc_id} (${link.source})` : link.doc_id]));
  const e = canonical.event;
  clear(box).append(
    el("h3", { id: "detail-title", "data-uid": canonical.uid }, `${e.sub_event_type} · ${e.event_date || "undated"} · ${e.location || e.country || ""}`),
    el("h3", {}, "Reconciled fields"),
    reconciled(canonical, names),
    claims(canonical, detail.reports),
    el("h3", {}, `Reports (${detail.reports.length})`),
    ...detail.reports.map(report));
}
