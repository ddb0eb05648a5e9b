// Talking to `urbis serve` (docs/CLASSROOM_API.md): JSON requests, the
// teacher's and players' tokens, polling.

export class ApiError extends Error {
  constructor(message, status, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

// fetch(path) as JSON; a token goes as `Authorization: Bearer`. Resolves to
// null on 304 (nothing new); rejects with ApiError on 4xx/5xx, carrying the
// server's {"error", "field"}.
export async function api(path, { method = 'GET', body, token } = {}) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let r;
  try {
    r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (e) {
    throw new ApiError('the server cannot be reached (is urbis serve still running?)', 0);
  }
  if (r.status === 304) return null;
  let json = null;
  try { json = await r.json(); } catch (e) { json = null; }
  if (!r.ok) {
    const what = json && json.error ? json.error : `HTTP ${r.status}`;
    throw new ApiError(what, r.status, json && json.field);
  }
  return json;
}

// The teacher's token: from the URL fragment (#token=...), which is then
// removed from the address bar, and kept in sessionStorage for this tab.
const teacherKey = 'urbis.teacher-token';
export function teacherToken() {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    const token = decodeURIComponent(m[1]);
    try { sessionStorage.setItem(teacherKey, token); } catch (e) { /* private mode: keep it in memory */ }
    history.replaceState(null, '', location.pathname + location.search);
    memoryToken = token;
    return token;
  }
  try { return sessionStorage.getItem(teacherKey) || memoryToken; } catch (e) { return memoryToken; }
}
let memoryToken = null;

// A player's seat in a room, kept in localStorage so that a reload or a
// reconnect keeps the city.
const seatKey = (room) => `urbis.player.${room}`;
export const seats = {
  get(room) {
    try { return JSON.parse(localStorage.getItem(seatKey(room)) || 'null'); } catch (e) { return null; }
  },
  set(room, seat) {
    try {
      localStorage.setItem(seatKey(room), JSON.stringify(seat));
      localStorage.setItem('urbis.last-room', room);
    } catch (e) { /* storage off: the seat lasts as long as the page */ }
  },
  forget(room) {
    try { localStorage.removeItem(seatKey(room)); } catch (e) { /* nothing kept */ }
  },
  lastRoom() {
    try { return localStorage.getItem('urbis.last-room'); } catch (e) { return null; }
  },
};

// Room codes: 6 characters from this alphabet (no 0/O, 1/I/L).
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const normaliseCode = (s) => String(s || '').toUpperCase().replace(/[^A-Z0-9]/g, '');
export const validCode = (s) => s.length === 6 && [...s].every((ch) => codeAlphabet.includes(ch));

export const roomParam = () => normaliseCode(new URLSearchParams(location.search).get('room') || '');

// Calls fn every `seconds` (never two at once); slower after errors (a 429
// waits longer). Returns { stop(), now(), every(seconds) }.
export function poller(fn, seconds) {
  let timer = null, running = false, stopped = false, failures = 0;
  const schedule = (s) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(tick, s * 1000);
  };
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await fn();
      failures = 0;
    } catch (e) {
      failures += 1;
      if (e && e.status === 429) failures += 3;
    } finally {
      running = false;
      schedule(seconds * Math.min(8, 1 + failures));
    }
  };
  schedule(0);
  return {
    stop() { stopped = true; clearTimeout(timer); },
    now() { schedule(0); },
    every(s) { seconds = s; },
  };
}
