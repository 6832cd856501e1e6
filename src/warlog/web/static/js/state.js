// The shared filter: read from and written to the URL, so every view can be bookmarked and shared.

export const FILTER_KEYS = [
  "q", "since", "until", "type", "sub_type", "actor", "sponsor", "attribution", "country", "admin1", "bbox", "weapon",
];
const VIEW_KEYS = ["event", "interval", "offset"];
const listeners = [];

export function current() {
  const params = new URLSearchParams(window.location.search);
  const state = {};
  for (const key of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

// The filter part of the state as query parameters for the API.
export function filterParams(state, extra) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (state[key]) params.set(key, state[key]);
  for (const [key, value] of Object.entries(extra || {})) params.set(key, value);
  return params;
}

// Change some keys (null removes one); a filter change goes back to the first page.
export function update(changes) {
  const state = { ...current(), ...changes };
  if (Object.keys(changes).some((key) => FILTER_KEYS.includes(key))) delete state.offset;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== null && value !== undefined && value !== "") params.set(key, value);
  const query = params.toString();
  window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
  notify(Object.keys(changes));
}

export function onChange(listener) {
  listeners.push(listener);
}

export function notify(changed) {
  const state = current();
  for (const listener of listeners) listener(state, changed);
}

window.addEventListener("popstate", () => notify(null));
