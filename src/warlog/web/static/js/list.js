// The event list: one page of the matching events, newest first; clicking a row opens the event.

import { getJSON } from "./api.js";
import { clear, el, typeColour } from "./dom.js";
import { filterParams, update } from "./state.js";

const PAGE = 25;

export async function renderList(state) {
  const offset = Number(state.offset || 0);
  const page = await getJSON("/api/events", filterParams(state, { offset, limit: PAGE, sort: "-date" }));
  const rows = page.items.map((event) => {
    const swatch = el("i", { class: "swatch" });
    swatch.style.display = "inline-block";
    swatch.style.width = "8px";
    swatch.style.height = "8px";
    swatch.style.background = typeColour(event.event_type);
    return el("tr", {
      class: `event-row${state.event === event.uid ? " selected" : ""}`, "data-uid": event.uid,
      onclick: () => update({ event: event.uid }),
    },
    el("td", {}, event.event_date || "?"),
    el("td", {}, swatch, " ", event.sub_event_type),
    el("td", {}, event.actor1 || ""),
    el("td", {}, event.location || event.admin1 || event.country || ""),
    el("td", {}, event.fatalities ?? ""),
    el("td", {}, String(event.report_count)));
  });
  const table = el("table", {},
    el("thead", {}, el("tr", {}, ["date", "type", "actor 1", "where", "killed", "reports"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
  const last = Math.min(offset + PAGE, page.total);
  const pager = el("div", { class: "pager" },
    el("button", { type: "button", disabled: offset === 0, onclick: () => update({ offset: Math.max(0, offset - PAGE) }) }, "previous"),
    `${page.total ? offset + 1 : 0}–${last} of ${page.total}`,
    el("button", { type: "button", disabled: last >= page.total, onclick: () => update({ offset: offset + PAGE }) }, "next"));
  clear(document.getElementById("list")).append(table, pager);
  return page.total;
}
