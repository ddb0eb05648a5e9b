// Small pieces shared by the classroom pages.
import { el, fmtNumber } from '../views/charts.js';

export { el, fmtNumber };

// 1.2e8 -> "$120 M", 5.1e11 -> "$510 bn".
export function fmtMoney(v) {
  if (v == null || Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e12) return `$${(v / 1e12).toPrecision(3)} tn`;
  if (a >= 1e9) return `$${(v / 1e9).toPrecision(3)} bn`;
  if (a >= 1e6) return `$${(v / 1e6).toPrecision(3)} M`;
  if (a >= 1e3) return `$${Math.round(v / 1e3).toLocaleString('en')} k`;
  return `$${Math.round(v)}`;
}

export const fmtShare = (v) => (v == null ? '–' : `${Math.round(v * 100)}%`);

// A signed difference, with an arrow so that it does not rest on colour.
export function fmtDelta(v, format = fmtNumber) {
  if (v == null || Number.isNaN(v)) return '–';
  if (Math.abs(v) < 1e-12) return '= 0';
  return `${v > 0 ? '▲ +' : '▼ −'}${format(Math.abs(v))}`;
}

// The page's top bar: brand, title, links to the other teacher pages.
export function topBar(title, links = []) {
  return el('header', { class: 'top bar' },
    el('h1', {}, el('span', { class: 'brand', text: 'urbis' }), ' ', title),
    links.length ? el('nav', { 'aria-label': 'pages' }, ...links.map(([href, text]) => el('a', { href, text }))) : null);
}

// A polite live region for messages ("saved", errors).
export function messageBox(id) {
  const box = el('p', { class: 'message', role: 'status', 'aria-live': 'polite', id });
  return {
    box,
    ok(text) { box.className = 'message ok'; box.textContent = text; },
    error(text) { box.className = 'message error'; box.textContent = text; },
    clear() { box.className = 'message'; box.textContent = ''; },
  };
}

// A labelled value in large type (budget, payoff, rank...).
export function stat(label, id) {
  const value = el('span', { class: 'value', id, text: '–' });
  const sub = el('span', { class: 'sub' });
  return { node: el('div', { class: 'stat' }, el('span', { class: 'label', text: label }), value, sub), value, sub };
}

// 0.0312 -> "3.1 %" (a share of GDP per year).
export function fmtPercent(v) {
  if (v == null || Number.isNaN(v)) return '–';
  const p = 100 * v;
  const a = Math.abs(p);
  return `${p < 0 ? '−' : ''}${a.toFixed(a >= 10 ? 0 : a >= 0.1 || a === 0 ? 1 : 2)} %`;
}

const mmss = (s) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

// The round clock (docs/CLASSROOM_API.md, `clock`): counts down between
// polls from what the server said was left; "time's up" once the choices
// are locked. set(clock, finished) with the room's clock (null: none).
export function countdown(id, { big = false } = {}) {
  const node = el('span', { class: `clock${big ? ' big' : ''}`, id, role: 'timer', 'aria-live': 'off', hidden: '' });
  let deadline = null, state = null, timer = null, zero = () => {}, fired = false;
  const draw = () => {
    if (!state) { node.hidden = true; return; }
    node.hidden = false;
    if (state.locked) {
      node.textContent = 'Time\u2019s up';
      node.dataset.state = 'up';
      return;
    }
    const left = state.running && deadline != null ? Math.max(0, (deadline - performance.now()) / 1000) : state.left;
    node.textContent = state.running ? `${mmss(Math.ceil(left))} left to choose` : `clock stopped · ${mmss(Math.ceil(left))} a round`;
    node.dataset.state = state.running ? (left <= 10 ? 'soon' : 'running') : 'stopped';
    node.dataset.left = String(Math.ceil(left));
    if (state.running && left <= 0 && !fired) { fired = true; zero(); }
  };
  return {
    node,
    set(clock, finished) {
      state = clock && !finished ? clock : null;
      deadline = state && state.running ? performance.now() + 1000 * state.left : null;
      fired = false;
      clearInterval(timer);
      timer = state && state.running && !state.locked ? setInterval(draw, 250) : null;
      draw();
    },
    stop() { clearInterval(timer); },
    onZero(f) { zero = f; },
  };
}
