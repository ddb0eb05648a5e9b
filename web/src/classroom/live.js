// /live?room=CODE: the run of a room as it goes — the report's views (charts,
// map) fed by polling the server — with the controls (play, pause, step,
// reset, speed, scenario) and the five sliders that decide cooperation
// against competition. Controls need the teacher's token; anyone may watch.
import { mount } from '../app.js';
import { httpSource } from '../data/sources.js';
import { paramNames } from '../views/charts.js';
import { api, poller, roomParam, teacherToken } from './api.js';
import { el, fmtNumber, messageBox, topBar } from './ui.js';
import { roomForm } from './room_form.js';

const speeds = [0.25, 0.5, 1, 2, 5, 10, 20];

export async function livePage(app) {
  const room = roomParam();
  if (!room) return roomForm(app, '/live', 'Watch a room');
  const token = teacherToken();
  const key = token ? `#token=${encodeURIComponent(token)}` : '';
  app.append(topBar(`live · room ${room}`, [[`/teacher?room=${room}${key}`, 'classroom page'], ['/join', 'student page']]));
  const msg = messageBox('live-message');

  // Controls.
  const yearOut = el('output', { id: 'live-year', class: 'big-year', 'aria-live': 'off', text: '…' });
  const spanOut = el('span', { class: 'note' });
  const play = el('button', { type: 'button', id: 'play', class: 'primary', 'aria-pressed': 'false', text: '▶ Play' });
  const step = el('button', { type: 'button', id: 'step', text: 'Step one year', title: 'one simulated year' });
  const reset = el('button', { type: 'button', id: 'reset', text: '⟲ Reset', title: 'start the scenario again' });
  const speed = el('select', { id: 'speed', 'aria-label': 'speed, simulated years per second' },
    ...speeds.map((v) => el('option', { value: String(v), text: `${v} year${v === 1 ? '' : 's'}/s` })));
  const scenarioPick = el('select', { id: 'scenario-pick', 'aria-label': 'scenario' });
  const openScenario = el('button', { type: 'button', id: 'open-scenario', text: 'Open in a new room' });
  const scenarioNote = el('p', { class: 'note', id: 'scenario-note' });
  const controlBox = el('section', { class: 'panel controls-panel', 'aria-label': 'run controls' },
    el('div', { class: 'controls' },
      el('span', {}, 'Year ', yearOut, ' ', spanOut), play, step, reset,
      el('label', {}, 'Speed ', speed)),
    msg.box);
  const scenarioBox = el('section', { class: 'panel', 'aria-label': 'scenario' },
    el('div', { class: 'controls' },
      el('label', {}, 'Scenario ', scenarioPick), openScenario),
    scenarioNote);
  const sliderBox = el('div', { class: 'sliders' });
  const sliderSection = el('section', { class: 'panel', id: 'sliders', 'aria-labelledby': 'sliders-title' },
    el('h2', { id: 'sliders-title', text: 'Cooperation or competition: the parameters' }),
    el('p', { class: 'note', text: 'A change takes effect from the next step and is drawn on every chart as a numbered solid line (Δ1, Δ2…).' }),
    sliderBox);
  const viewBox = el('div', { id: 'view' }, el('p', { class: 'loading', text: 'Loading the run…' }));
  app.append(scenarioBox, controlBox, sliderSection, viewBox);

  const teacherOnly = [play, step, reset, speed, openScenario];
  if (!token) {
    for (const b of teacherOnly) b.disabled = true;
    msg.error('Watching only: to control the run, open the address with #token=… that urbis serve printed.');
  }

  let state = null;
  let data = null;
  const source = httpSource(`/api/rooms/${room}/data`, { poll: 1 });
  const sliders = [];

  const showState = (s) => {
    if (!s) return;
    const changed = !state || state.version !== s.version;
    state = s;
    // `year` is the year the next step simulates; the run has done `years_done`.
    const done = s.years_done ?? Math.max(0, s.year - s.start);
    yearOut.textContent = done > 0 ? String(s.start + done - 1) : '–';
    spanOut.textContent = `(${s.start}–${s.end})${s.finished ? ' · finished' : ''} · ${s.scenario}${s.classroom ? ' · classroom room' : ''}`;
    document.documentElement.dataset.year = String(s.year);
    document.documentElement.dataset.done = String(done);
    play.textContent = s.running ? '❚❚ Pause' : '▶ Play';
    play.setAttribute('aria-pressed', String(!!s.running));
    if (token) {
      play.disabled = !!s.classroom || (!!s.finished && !s.running);
      step.disabled = !!s.finished;
    }
    if (s.classroom) play.title = 'A classroom room goes round by round: use Step or the classroom page.';
    if (s.failure) msg.error(`The run stopped: ${s.failure}`);
    if (document.activeElement !== speed) speed.value = String(speeds.reduce((a, b) => (Math.abs(b - s.speed) < Math.abs(a - s.speed) ? b : a)));
    source.setPoll(s.running ? Math.max(0.3, Math.min(1, 1 / (s.speed || 1))) : 1);
    // A change after the run has ended could not act: the sliders rest.
    for (const sl of sliders) sl.enable(!!token && !s.finished);
    if (changed) {
      source.refresh();
      for (const sl of sliders) sl.sync();
    }
  };

  const control = async (body) => {
    try {
      showState(await api(`/api/rooms/${room}/control`, { method: 'POST', body, token }));
      msg.clear();
    } catch (e) {
      msg.error(`Could not ${body.action || 'change the speed'}: ${e.message}`);
    }
  };
  play.addEventListener('click', () => control({ action: state && state.running ? 'pause' : 'play' }));
  step.addEventListener('click', () => control({ action: 'step' }));
  reset.addEventListener('click', () => {
    if (window.confirm('Start the scenario again from its first year, with its own parameters? The slider changes are undone.')) control({ action: 'reset' });
  });
  speed.addEventListener('change', () => control({ action: state && state.running ? 'play' : 'pause', speed: Number(speed.value) }));
  openScenario.addEventListener('click', async () => {
    try {
      const r = await api('/api/rooms', { method: 'POST', body: { scenario: scenarioPick.value, classroom: false }, token });
      location.assign(`/live?room=${r.room}`);
    } catch (e) {
      msg.error(`Could not open ${scenarioPick.value}: ${e.message}`);
    }
  });

  // Room, sliders and scenarios, then the views.
  let sliderSpecs = [], scenarios = [];
  try {
    [state, sliderSpecs, scenarios] = await Promise.all([
      api(`/api/rooms/${room}`), api(`/api/rooms/${room}/sliders`), api('/api/scenarios')]);
  } catch (e) {
    viewBox.replaceChildren(el('p', { class: 'message error', text: e.status === 404 ? `There is no room ${room}.` : `The room cannot be loaded: ${e.message}` }));
    return;
  }
  const current = state;
  state = null;
  scenarioPick.append(...scenarios.map((s) => el('option', { value: s.name, text: s.name })));
  scenarioPick.value = current.scenario;
  const describe = () => {
    const s = scenarios.find((x) => x.name === scenarioPick.value);
    scenarioNote.textContent = s && s.description ? s.description.trim().split(/\n\s*\n/)[0].replace(/\s+/g, ' ') : '';
  };
  scenarioPick.addEventListener('change', describe);
  describe();

  for (const spec of sliderSpecs) sliders.push(slider(sliderBox, spec, { room, token, msg, current: () => state, data: () => data, after: showState }));

  await mount(viewBox, {
    load: async () => { data = await source.load(); return data; },
    subscribe: (f) => source.subscribe(f),
  }, { live: true });
  const mark = (d) => {
    document.documentElement.dataset.version = String(d.version);
    document.documentElement.dataset.dataYears = String(d.years.length);
  };
  source.subscribe((d) => {
    data = d;
    mark(d);
    for (const sl of sliders) sl.sync();
  });
  mark(data);
  showState(current);
  for (const sl of sliders) sl.sync();

  // The room's state (year, running, params) once a second.
  poller(async () => showState(await api(`/api/rooms/${room}`)), 1);
}

// One slider: label, value, its state or issue selector, and what happens on
// change (POST params). sync() shows the room's current value unless the
// slider is in use.
function slider(parent, spec, { room, token, msg, current, data, after }) {
  const id = `slider-${spec.key.replace(/[^a-z0-9]+/gi, '-')}`;
  const input = el('input', { type: 'range', id, min: spec.min, max: spec.max, step: spec.step, value: valueOf(spec.value) });
  const out = el('output', { for: id, class: 'value', text: fmtNumber(valueOf(spec.value)) });
  const label = spec.label || paramNames[spec.key] || spec.key;
  let select = null;
  const choices = spec.states || spec.issues;
  if (choices) {
    const what = spec.states ? 'state' : 'issue';
    select = el('select', { id: `${id}-of`, 'aria-label': `${what} whose ${label} the slider sets` },
      ...choices.map((c) => el('option', { value: c, text: c })));
    const first = spec.value && typeof spec.value === 'object' ? spec.value.state || spec.value.issue : null;
    if (first) select.value = first;
  }
  const hint = el('span', { class: 'note hint' });
  const box = el('div', { class: 'slider', 'data-key': spec.key },
    el('label', { for: id, class: 'slider-label', text: label }),
    select ? el('span', { class: 'slider-of' }, spec.states ? 'of ' : 'of ', select) : null,
    el('span', { class: 'slider-row' }, el('span', { class: 'range-end', text: fmtNumber(spec.min) }), input, el('span', { class: 'range-end', text: fmtNumber(spec.max) }), out),
    hint);
  parent.append(box);
  if (!token) { input.disabled = true; if (select) select.disabled = true; }

  let editing = false;
  // The value now: the room's params, or for another state / issue the run's
  // latest populism / salience.
  const now = () => {
    const p = current()?.params?.[spec.key];
    if (!select) return p ?? valueOf(spec.value);
    const of = select.value;
    if (p && typeof p === 'object' && (p.state || p.issue) === of) return p.value;
    const d = data();
    if (!d) return valueOf(spec.value);
    if (spec.states && d.states) {
      const row = d.states.series.populism?.[d.states.iso3.indexOf(of)];
      if (row && row.length) return row[row.length - 1];
    }
    if (spec.issues) {
      const row = d.global?.['salience_' + of];
      if (row && row.length) return row[row.length - 1];
    }
    return valueOf(spec.value);
  };
  const sync = () => {
    if (editing || document.activeElement === input) return;
    const v = now();
    if (v != null) { input.value = String(v); out.textContent = fmtNumber(Number(v)); }
  };
  input.addEventListener('input', () => { editing = true; out.textContent = fmtNumber(Number(input.value)); });
  input.addEventListener('change', async () => {
    const v = Number(input.value);
    const body = { [spec.key]: select ? { [spec.states ? 'state' : 'issue']: select.value, value: v } : v };
    try {
      const s = await api(`/api/rooms/${room}/params`, { method: 'POST', body, token });
      const year = s && s.year != null ? s.year : current()?.year;
      hint.textContent = year != null ? `set to ${fmtNumber(v)}: from ${year}` : `set to ${fmtNumber(v)}`;
      box.dataset.changed = 'true';
      msg.clear();
      editing = false;
      after(s);
    } catch (e) {
      editing = false;
      msg.error(`${label}: ${e.message}`);
      sync();
    }
  });
  input.addEventListener('blur', () => { editing = false; });
  if (select) select.addEventListener('change', () => { editing = false; sync(); });
  const enable = (on) => {
    input.disabled = !on;
    if (select) select.disabled = !on;
    box.dataset.disabled = String(!on);
    if (!on && token) hint.textContent = 'the run has ended: reset to move it again';
    else if (on && /run has ended/.test(hint.textContent)) hint.textContent = '';
  };
  return { sync, enable };
}

const valueOf = (v) => (v && typeof v === 'object' ? v.value : v);
