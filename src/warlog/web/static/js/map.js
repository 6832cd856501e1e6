// The map: Natural Earth countries (vendored world-atlas, no tiles, works offline) and clustered event markers
// coloured by event type; clicking a marker opens the event.

import { getJSON } from "./api.js";
import { el, typeColour } from "./dom.js";
import { filterParams, update } from "./state.js";

let map = null;
let cluster = null;

function clusterIcon(group) {
  const count = group.getChildCount();
  const size = count < 10 ? 30 : count < 100 ? 36 : 44;
  return L.divIcon({ html: el("span", {}, String(count)), className: "cluster-icon", iconSize: L.point(size, size) });
}

function popup(properties) {
  return el("div", { class: "popup" },
    el("strong", {}, properties.sub_event_type), el("br"),
    `${properties.event_date || "undated"} · ${properties.location || properties.country || ""}`, el("br"),
    properties.actor1 || "unknown actor", el("br"),
    el("button", { type: "button", onclick: () => update({ event: properties.uid }) }, "show event"));
}

async function basemap() {
  const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
  const world = await response.json();
  const countries = topojson.feature(world, world.objects.countries);
  L.geoJSON(countries, {
    style: { color: "#8d8d8d", weight: 0.6, fillColor: "#f1efe8", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
}

export async function initMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([30, 40], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth (public domain) via world-atlas");
  cluster = L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false });
  map.addLayer(cluster);
  await basemap();
}

export async function renderMap(state) {
  const collection = await getJSON("/api/events/map", filterParams(state, { limit: 5000 }));
  cluster.clearLayers();
  const markers = [];
  for (const feature of collection.features) {
    const [lon, lat] = feature.geometry.coordinates;
    const properties = feature.properties;
    const marker = L.circleMarker([lat, lon], {
      radius: 7, color: "#fff", weight: 1, fillColor: typeColour(properties.event_type), fillOpacity: 0.9,
      className: "event-marker",
    });
    marker.bindPopup(() => popup(properties));
    marker.on("click", () => update({ event: properties.uid }));
    markers.push(marker);
  }
  cluster.addLayers(markers);
  return markers.length;
}
