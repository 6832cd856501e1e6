// The actor network: the actors of the matching events, their sponsors and umbrellas; edge width follows the
// number of events behind it. Clicking an actor filters every view by it.

import { getJSON } from "./api.js";
import { clear, svg } from "./dom.js";
import { filterParams, update } from "./state.js";

const KIND_COLOURS = { group: "#6a1b9a", state: "#00695c", military: "#2e7d32", police: "#1565c0", person: "#ef6c00" };

// A small deterministic force layout (Fruchterman-Reingold with gravity, so loose parts stay in view).
function layout(nodes, edges, width, height) {
  const position = new Map();
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / Math.max(nodes.length, 1);
    position.set(node.id, { x: width / 2 + (width / 4) * Math.cos(angle), y: height / 2 + (height / 4) * Math.sin(angle) });
  });
  const k = 0.6 * Math.sqrt((width * height) / Math.max(nodes.length, 1));
  const rounds = 300;
  for (let round = 0; round < rounds; round += 1) {
    const temperature = (Math.min(width, height) / 10) * (1 - round / rounds) + 0.5;
    const shift = new Map(nodes.map((node) => [node.id, { x: 0, y: 0 }]));
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        const pa = position.get(a.id), pb = position.get(b.id);
        const dx = pa.x - pb.x || 0.1, dy = pa.y - pb.y || 0.1;
        const distance = Math.max(Math.hypot(dx, dy), 1);
        const push = (k * k) / distance / distance;
        shift.get(a.id).x += dx * push;
        shift.get(a.id).y += dy * push;
      }
    }
    for (const edge of edges) {
      const pa = position.get(edge.source), pb = position.get(edge.target);
      const dx = pb.x - pa.x, dy = pb.y - pa.y;
      const pull = Math.hypot(dx, dy) / k;
      shift.get(edge.source).x += dx * pull; shift.get(edge.source).y += dy * pull;
      shift.get(edge.target).x -= dx * pull; shift.get(edge.target).y -= dy * pull;
    }
    for (const node of nodes) {
      const p = position.get(node.id), s = shift.get(node.id);
      const cx = width / 2 - p.x, cy = height / 2 - p.y;
      const gravity = Math.hypot(cx, cy) / k;
      s.x += cx * gravity;
      s.y += cy * gravity;
      const length = Math.max(Math.hypot(s.x, s.y), 1e-9);
      const step = Math.min(length, temperature) / length;
      p.x = Math.min(width - 20, Math.max(20, p.x + s.x * step));
      p.y = Math.min(height - 12, Math.max(12, p.y + s.y * step));
    }
  }
  return position;
}

export async function renderNetwork(state) {
  const graph = await getJSON("/api/network", filterParams(state));
  const node = clear(document.getElementById("network"));
  const width = node.clientWidth || 500, height = node.clientHeight || 420;
  node.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (!graph.nodes.length) {
    node.append(svg("text", { x: 20, y: 30 }, "no actors for this filter"));
    return 0;
  }
  const position = layout(graph.nodes, graph.edges, width, height);
  const heaviest = Math.max(1, ...graph.edges.map((edge) => edge.weight));
  const most = Math.max(1, ...graph.nodes.map((n) => n.events));
  const edges = svg("g", { class: "edges" });
  for (const edge of graph.edges) {
    const a = position.get(edge.source), b = position.get(edge.target);
    edges.append(svg("line", {
      class: `edge ${edge.kind}`, x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": 1 + (5 * edge.weight) / heaviest,
    }, svg("title", {}, `${edge.kind.replace("_", " ")} · ${edge.weight} events`)));
  }
  const nodes = svg("g", { class: "nodes" });
  for (const actor of graph.nodes) {
    const p = position.get(actor.id);
    const active = state.actor === actor.name || state.sponsor === actor.name;
    const radius = 5 + (9 * actor.events) / most;
    nodes.append(svg("g", {
      class: `node${active ? " active" : ""}`, "data-actor": actor.name, transform: `translate(${p.x},${p.y})`,
      onclick: () => update({ actor: actor.filter.actor || null, sponsor: actor.filter.sponsor || null }),
    },
    svg("circle", { r: radius, fill: KIND_COLOURS[actor.kind] || "#78909c" }),
    svg("text", { x: radius + 3, y: 4 }, actor.name),
    svg("title", {}, `${actor.name}: ${actor.events} events as actor 1 (click to filter)`)));
  }
  node.append(edges, nodes);
  return graph.nodes.length;
}
