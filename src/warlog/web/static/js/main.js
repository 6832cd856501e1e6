// The dashboard: every view reads the filter from the URL and redraws when it changes.

import { initMap, renderMap } from "./map.js";
import { renderTimeline } from "./timeline.js";
import { renderNetwork } from "./network.js";
import { renderList } from "./list.js";
import { renderDetail } from "./detail.js";
import { FILTER_KEYS, current, notify, onChange, update } from "./state.js";
import { el } from "./dom.js";
import { TokenNeeded, setToken } from "./api.js";

const form = document.getElementById("filters");
const tokenForm = document.getElementById("token-form");

function fillForm(state) {
  for (const input of form.elements) if (input.name) input.value = state[input.name] || "";
  const summary = document.getElementById("summary");
  const chips = FILTER_KEYS.filter((key) => state[key]).map((key) => el("span", { class: "chip" }, `${key}: ${state[key]}`));
  summary.replaceChildren(...(chips.length ? chips : ["all events"]));
}

// Draw one view; an API error (a bad filter, say) is shown in the view instead of its content.
async function run(name, render, state) {
  const view = document.getElementById(`${name}-view`);
  view.dataset.ready = "false";
  view.querySelector(".view-error")?.remove();
  try {
    view.dataset.count = String(await render(state));
  } catch (error) {
    if (error instanceof TokenNeeded) tokenForm.hidden = false;
    view.append(el("p", { class: "view-error" }, error.message));
  } finally {
    view.dataset.ready = "true";
  }
}

onChange((state, changed) => {
  const all = changed === null;
  const filters = all || changed.some((key) => FILTER_KEYS.includes(key));
  fillForm(state);
  document.getElementById("interval").value = state.interval || "month";
  if (filters) {
    run("map", renderMap, state);
    run("network", renderNetwork, state);
  }
  if (filters || changed.includes("interval")) run("timeline", renderTimeline, state);
  if (filters || changed.includes("offset") || changed.includes("event")) run("list", renderList, state);
  if (all || changed.includes("event")) run("detail", renderDetail, state);
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const changes = {};
  for (const input of form.elements) if (input.name) changes[input.name] = input.value.trim() || null;
  update(changes);
});
document.getElementById("clear").addEventListener("click", () => {
  update(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])));
});
tokenForm.addEventListener("submit", (event) => {
  event.preventDefault();
  setToken(tokenForm.elements.token.value.trim());
  tokenForm.reset();
  tokenForm.hidden = true;
  notify(null);
});
document.getElementById("interval").addEventListener("change", (event) => update({ interval: event.target.value }));

await initMap();
notify(null);
