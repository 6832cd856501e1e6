// The timeline: matching events per week or month, stacked by type. Dragging across it filters the dates.

import { getJSON } from "./api.js";
import { clear, el, svg, typeColour } from "./dom.js";
import { filterParams, update } from "./state.js";

const HEIGHT = 180;
const MARGIN = { left: 30, right: 10, top: 10, bottom: 22 };

function nextPeriod(period, interval) {
  const [year, month, day] = period.split("-").map(Number);
  if (interval === "month") return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
  const date = new Date(Date.UTC(year, month - 1, day + 7));
  return date.toISOString().slice(0, 10);
}

// Every period from the first to the last, empty ones included, so the axis is even.
function periods(keys, interval) {
  if (!keys.length) return [];
  const all = [keys[0]];
  const last = keys[keys.length - 1];
  while (all[all.length - 1] < last && all.length < 2000) all.push(nextPeriod(all[all.length - 1], interval));
  return all;
}

function periodEnd(period, interval) {
  const next = nextPeriod(period, interval);
  const start = interval === "month" ? `${next}-01` : next;
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export async function renderTimeline(state) {
  const interval = state.interval || "month";
  const counts = await getJSON("/api/counts", filterParams(state, { by: interval, split: "type" }));
  const node = clear(document.getElementById("timeline"));
  const legend = clear(document.getElementById("legend"));
  const dated = counts.groups.filter((group) => group.key);
  const axis = periods([...new Set(dated.map((group) => group.key))].sort(), interval);
  const width = node.clientWidth || 900;
  node.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
  if (!axis.length) {
    node.append(svg("text", { x: MARGIN.left, y: HEIGHT / 2 }, "no dated events"));
    return 0;
  }
  const stacks = new Map(axis.map((period) => [period, []]));
  for (const group of dated) stacks.get(group.key).push(group);
  const highest = Math.max(...[...stacks.values()].map((groups) => groups.reduce((sum, g) => sum + g.count, 0)));
  const step = (width - MARGIN.left - MARGIN.right) / axis.length;
  const scale = (HEIGHT - MARGIN.top - MARGIN.bottom) / highest;
  const bars = svg("g", { class: "bars" });
  axis.forEach((period, index) => {
    let y = HEIGHT - MARGIN.bottom;
    for (const group of stacks.get(period)) {
      const height = group.count * scale;
      y -= height;
      bars.append(svg("rect", {
        class: "bar", x: MARGIN.left + index * step + 1, y, width: Math.max(step - 2, 1), height,
        fill: typeColour(group.split), "data-period": period, "data-type": group.split || "", "data-count": group.count,
      }, svg("title", {}, `${period} · ${group.split}: ${group.count}`)));
    }
  });
  const labels = svg("g", { class: "axis" });
  const every = Math.ceil(axis.length / 12);
  axis.forEach((period, index) => {
    if (index % every === 0) labels.append(svg("text", { x: MARGIN.left + index * step, y: HEIGHT - 6 }, period));
  });
  labels.append(svg("text", { x: 2, y: MARGIN.top + 8 }, String(highest)));
  node.append(bars, labels);
  brushing(node, axis, step, interval);
  for (const type of [...new Set(dated.map((group) => group.split))]) {
    legend.append(el("span", {}, el("i", { class: "swatch", "data-colour": typeColour(type) }), type));
  }
  for (const swatch of legend.querySelectorAll("i.swatch")) swatch.style.background = swatch.dataset.colour;
  return dated.length;
}

function brushing(node, axis, step, interval) {
  const indexAt = (event) => {
    const box = node.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * (node.viewBox.baseVal.width || box.width);
    return Math.min(axis.length - 1, Math.max(0, Math.floor((x - MARGIN.left) / step)));
  };
  let start = null;
  const brush = svg("rect", { class: "brush", x: 0, y: 0, width: 0, height: HEIGHT });
  node.append(brush);
  node.onmousedown = (event) => { start = indexAt(event); };
  node.onmousemove = (event) => {
    if (start === null) return;
    const [low, high] = [start, indexAt(event)].sort((a, b) => a - b);
    brush.setAttribute("x", MARGIN.left + low * step);
    brush.setAttribute("width", (high - low + 1) * step);
  };
  node.onmouseup = (event) => {
    if (start === null) return;
    const [low, high] = [start, indexAt(event)].sort((a, b) => a - b);
    start = null;
    const since = interval === "month" ? `${axis[low]}-01` : axis[low];
    update({ since, until: periodEnd(axis[high], interval) });
  };
}
