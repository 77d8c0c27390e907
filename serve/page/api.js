// The server's API (serve/playground.hpp): JSON in, JSON out.
export async function getJson(path) {
  const r = await fetch(path);
  return { status: r.status, body: await r.json() };
}
export async function postJson(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
}
/** Calls `fn` once `ms` have passed without another call: live checks as you type, not per key. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
