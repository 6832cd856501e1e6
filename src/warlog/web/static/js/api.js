// Fetching JSON from the API; an error becomes a thrown Error with the server's message. When the operator
// protects reads, the token the user entered (kept in this tab's sessionStorage) goes as a Bearer header.

const TOKEN_KEY = "warlog-api-token";

export function setToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

// A 401: the server wants the token, so the token form shows.
export class TokenNeeded extends Error {}

export async function getJSON(path, params) {
  const query = params && params.toString();
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(query ? `${path}?${query}` : path, { headers });
  const body = await response.json();
  if (response.status === 401) throw new TokenNeeded(token ? "the API token was refused" : "this server needs the API token");
  if (!response.ok) throw new Error(body.detail || `HTTP ${response.status}`);
  return body;
}
