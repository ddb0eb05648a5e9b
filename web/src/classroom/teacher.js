// /teacher?room=CODE: the participatory room. The room code and the address
// students open, in large type; the class's choices and outcomes as they come
// in; the next-round button; the map with the students' cities ringed; and at
// the end of class the summary against the computer's counterfactual.
import echarts from '../echarts.js';
import { httpSource } from '../data/sources.js';
import { better, worse } from '../palette.js';
import { chartCard, lineOption } from '../views/charts.js';
import { mapView } from '../views/map.js';
import { runMarks } from '../views/run.js';
import { api, poller, roomParam, teacherToken } from './api.js';
import { roomForm } from './room_form.js';
import { countdown, el, fmtDelta, fmtMoney, fmtPercent, fmtShare, messageBox, topBar } from './ui.js';

// The x axis of a class's charts: the rounds played (at least two years
// wide), not the scenario's whole span, so that a few rounds fill the chart.
export function playedSpan(d) {
  const years = d.years || [];
  const first = d.meta?.start ?? years[0];
  if (first == null) return undefined;
  const last = years.length ? years[years.length - 1] : first;
  return [first, Math.max(last, first + 1)];
}

export async function teacherPage(app) {
  const room = roomParam();
  if (!room) return roomForm(app, '/teacher', 'Classroom');
  const token = teacherToken();
  // The token rides in the links' fragment, so that a page opened in a new tab has it too.
  const key = token ? `#token=${encodeURIComponent(token)}` : '';
  app.append(topBar(`classroom · room ${room}`, [[`/projector?room=${room}${key}`, 'projector view'], [`/live?room=${room}${key}`, 'live view'], ['/join', 'student page']]));
  const msg = messageBox('teacher-message');
  if (!token) {
    app.append(el('p', { class: 'message error', text: 'This page needs the teacher\u2019s address that urbis serve printed (it ends with #token=…).' }));
    document.documentElement.dataset.ready = 'true';
    return;
  }
  const joinAddress = `${location.origin}/join`;

  // The room code and address, large enough to read from the back of the room.
  const players = el('span', { id: 'player-count', text: '0' });
  app.append(el('section', { class: 'hero', 'aria-label': 'how students join' },
    el('div', {}, el('span', { class: 'label', text: 'Room code' }), el('span', { class: 'code', id: 'room-code', text: room })),
    el('div', {}, el('span', { class: 'label', text: 'Students open' }), el('span', { class: 'address', id: 'join-address', text: joinAddress })),
    el('p', { class: 'note' }, players, ' students have joined. They type the room code and their name, and get a city.'),
    /^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(location.host)
      ? el('p', { class: 'note warn', id: 'loopback-note', text: 'This address works on this computer only. For students’ devices, start urbis serve with --host 0.0.0.0 and open this page through the computer’s network address (see docs/CLASSROOM.md).' })
      : null));

  // Rounds: one control per meaning. The clock (with --round-seconds)
  // starts and pauses the countdown; "play the round" plays it now.
  const yearOut = el('output', { id: 'round-year', class: 'big-year', text: '…' });
  const roundNote = el('span', { class: 'note', id: 'round-note' });
  const clock = countdown('round-clock', { big: true });
  const clockButton = el('button', { type: 'button', id: 'clock-toggle', hidden: '', text: 'Start the clock' });
  const next = el('button', { type: 'button', id: 'next-round', class: 'primary big', text: 'Play the round' });
  const summaryButton = el('button', { type: 'button', id: 'show-summary', text: 'End of class: summary' });
  const reset = el('button', { type: 'button', id: 'reset', text: '⟲ Start again' });
  app.append(el('section', { class: 'panel', 'aria-label': 'rounds' },
    el('div', { class: 'controls' }, el('span', {}, 'Round ', yearOut), clock.node, clockButton, next, roundNote), msg.box));

  // The debrief to keep, and a new class on another scenario.
  const debriefButton = el('button', { type: 'button', id: 'download-debrief', text: 'Download the debrief (offline page)' });
  const recordButton = el('button', { type: 'button', id: 'download-record', text: 'Download the record (class.json)' });
  const scenarioPick = el('select', { id: 'class-scenario', 'aria-label': 'scenario of a new class' });
  const newClass = el('button', { type: 'button', id: 'new-class', text: 'Open a new class' });
  app.append(el('section', { class: 'panel', 'aria-label': 'after class' },
    el('div', { class: 'controls' }, summaryButton, debriefButton, recordButton, reset),
    el('p', { class: 'note', text: 'The debrief holds every student\u2019s city and choices beside the computer\u2019s, round by round, and opens offline; `urbis replay` runs the class again from it, to the same tables.' }),
    el('div', { class: 'controls' }, el('label', {}, 'Scenario ', scenarioPick), newClass)));

  // The class.
  const tbody = el('tbody');
  const chosen = el('p', { class: 'note', id: 'chosen-count' });
  app.append(el('section', { id: 'class' },
    el('h2', { text: 'The class' }), chosen,
    el('div', { class: 'table-wrap' }, el('table', { class: 'data', id: 'class-table' },
      el('caption', { class: 'visually-hidden', text: 'Each student\u2019s city, choice and outcome this round' }),
      el('thead', {}, el('tr', {}, ...['Student', 'City', 'Cooperation chosen', 'Networks', 'Payoff', 'Rank', 'This round']
        .map((h, i) => el('th', { scope: 'col', class: i >= 3 && i <= 5 ? 'num' : '', text: h })))),
      tbody))));

  // Summary (filled at the end of class).
  const summary = el('section', { id: 'summary', class: 'panel', hidden: '' });
  app.append(summary);

  // The world: cooperation index and the map with the students' cities.
  const worldBox = el('section', { id: 'world' }, el('h2', { text: 'The world' }));
  app.append(worldBox);
  const coop = chartCard(worldBox, { title: 'Cooperation index', note: 'GDP-weighted mean of the cities\u2019 propensity to cooperate; the students\u2019 cities are part of it', id: 'chart-cooperation', height: 260 }).chart;

  let state = null, data = null, map = null, classList = [], classPoll = null;
  const source = httpSource(`/api/rooms/${room}/data`, { poll: 2 });
  const drawWorld = (d) => {
    data = d;
    coop.setOption(lineOption({ years: d.years, span: playedSpan(d), marks: runMarks(d), yName: 'index (0–1)', series: [{ name: 'cooperation index', data: d.global.cooperation_index }] }), { replaceMerge: ['series'] });
    if (!map) map = mapView(worldBox, d, { follow: true, links: false });
    else map.update(d);
    map.highlight(classList.map((p) => ({ city: p.city, label: `${p.name} · ${p.city}` })));
  };

  const showState = (s) => {
    if (!s) return;
    const changed = !state || state.version !== s.version;
    state = s;
    // `year` is the round now open: the year the next step simulates.
    yearOut.textContent = String(s.year);
    document.documentElement.dataset.year = String(s.year);
    players.textContent = String(s.players);
    const finished = s.finished ?? false;
    const done = s.years_done ?? Math.max(0, s.year - s.start);
    next.disabled = finished;
    next.textContent = finished ? 'The run has ended' : `Play round ${s.year} now`;
    clock.set(s.clock, finished);
    clockButton.hidden = !s.clock || finished;
    if (s.clock) clockButton.textContent = s.clock.running ? 'Pause the clock' : `Start the clock (${Math.round(s.clock.seconds)} s a round)`;
    debriefButton.disabled = recordButton.disabled = done === 0;
    roundNote.textContent = `${done} round${done === 1 ? '' : 's'} played · ${s.scenario}${s.classroom ? '' : ' (not a classroom room: students cannot join)'}`;
    if (s.failure) msg.error(`The run stopped: ${s.failure}`);
    if (changed) source.refresh();
  };

  const showClass = (c) => {
    classList = c.players || [];
    const chose = classList.filter((p) => p.chose).length;
    chosen.textContent = `${chose} of ${classList.length} students have sent a choice for this round.`;
    tbody.replaceChildren(...classList.map((p) => el('tr', { 'data-player': p.player },
      el('th', { scope: 'row', text: p.name }),
      el('td', { text: p.city }),
      el('td', { class: 'meter-cell' }, meter(p.cooperation), ' ', fmtShare(p.cooperation)),
      el('td', { class: 'num', text: String(p.memberships ?? '–') }),
      el('td', { class: 'num', text: p.rank != null ? fmtPercent(p.payoff) : '–' }),
      el('td', { class: 'num', text: p.rank != null ? String(p.rank) : '–' }),
      el('td', { class: p.chose ? 'chose' : 'waiting', text: p.chose ? '✓ chosen' : '… waiting' }))));
    if (!classList.length)
      tbody.append(el('tr', {}, el('td', { colspan: '7', class: 'note', text: `No students yet. They open ${joinAddress} and type ${room}.` })));
    map?.highlight(classList.map((p) => ({ city: p.city, label: `${p.name} · ${p.city}` })));
  };

  const control = async (action) => {
    try {
      showState(await api(`/api/rooms/${room}/control`, { method: 'POST', body: { action }, token }));
      msg.clear();
      classPoll?.now();
    } catch (e) {
      msg.error(`Could not ${action}: ${e.message}`);
    }
  };
  next.addEventListener('click', () => control('step'));
  clockButton.addEventListener('click', () => control(state?.clock?.running ? 'pause' : 'play'));
  clock.onZero(() => setTimeout(async () => showState(await api(`/api/rooms/${room}`)), 300));
  const download = async (what, type) => {
    try {
      const r = await fetch(`/api/rooms/${room}/${what}`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
      if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || `HTTP ${r.status}`);
      const name = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '')?.[1] || `urbis-class-${room}.${type}`;
      const url = URL.createObjectURL(await r.blob());
      const a = el('a', { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      msg.ok(`Saved ${name}.`);
    } catch (e) {
      msg.error(`Could not download the ${what}: ${e.message}`);
    }
  };
  debriefButton.addEventListener('click', () => download('debrief', 'html'));
  recordButton.addEventListener('click', () => download('record', 'json'));
  newClass.addEventListener('click', async () => {
    try {
      const r = await api('/api/rooms', { method: 'POST', body: { scenario: scenarioPick.value, classroom: true }, token });
      location.assign(`/teacher?room=${r.room}${key}`);
    } catch (e) {
      msg.error(`Could not open a class on ${scenarioPick.value}: ${e.message}`);
    }
  });
  reset.addEventListener('click', () => {
    if (window.confirm('Start the scenario again from its first year? Students keep their cities, but the rounds played so far are forgotten.')) control('reset');
  });
  summaryButton.addEventListener('click', async () => {
    try {
      showSummary(summary, await api(`/api/rooms/${room}/summary`, { token }));
      summary.scrollIntoView({ behavior: 'smooth', block: 'start' });
      msg.clear();
    } catch (e) {
      msg.error(`No summary: ${e.message}`);
    }
  });

  try {
    const [s, c, d, list] = await Promise.all([api(`/api/rooms/${room}`), api(`/api/rooms/${room}/class`, { token }), source.load(), api('/api/scenarios')]);
    scenarioPick.append(...list.map((x) => el('option', { value: x.name, text: x.given ? `${x.name} (yours)` : x.name })));
    scenarioPick.value = s.scenario;
    showClass(c);
    showState(s);
    drawWorld(d);
  } catch (e) {
    msg.error(e.status === 404 ? `There is no room ${room}.` : e.status === 401 ? 'The teacher\u2019s token was refused: open the address urbis serve printed.' : e.message);
    document.documentElement.dataset.ready = 'true';
    return;
  }
  source.subscribe(drawWorld);
  document.documentElement.dataset.ready = 'true';
  poller(async () => showState(await api(`/api/rooms/${room}`)), 1);
  classPoll = poller(async () => showClass(await api(`/api/rooms/${room}/class`, { token })), 1.5);
}

// A small bar for a share (0–1), with the number beside it.
function meter(v) {
  return el('span', { class: 'share-bar', 'aria-hidden': 'true' }, el('span', { style: `width:${Math.round(100 * Math.max(0, Math.min(1, v ?? 0)))}%` }));
}

// The end-of-class summary: each student against the computer playing the
// same city by the model's rules (same seed).
function showSummary(section, s) {
  section.hidden = false; // before the chart measures its box
  const rows = s.players || [];
  const body = el('tbody');
  for (const p of rows) {
    const c = p.computer || {};
    const dPay = p.gain?.payoff ?? p.payoff - c.payoff;
    body.append(el('tr', { 'data-name': p.name },
      el('th', { scope: 'row', text: p.name }),
      el('td', { text: p.city }),
      el('td', { class: 'num', text: String(p.rounds) }),
      el('td', { class: 'num', text: `${fmtShare(p.cooperation)} / ${fmtShare(c.cooperation)}` }),
      el('td', { class: 'num', text: `${fmtPercent(p.payoff)} / ${fmtPercent(c.payoff)}` }),
      el('td', { class: `num ${dPay > 0 ? 'gain' : dPay < 0 ? 'loss' : ''}`, text: fmtDelta(dPay, fmtPercent) }),
      el('td', { class: 'num', text: `${fmtMoney(p.gdp)} / ${fmtMoney(c.gdp)}` }),
      el('td', { class: 'num', text: fmtDelta(p.gain?.gdp ?? p.gdp - c.gdp, fmtMoney) }),
      el('td', { class: 'num', text: `${p.rank ?? '–'} / ${c.rank ?? '–'}` })));
  }
  const lines = rows.map((p) => {
    const c = p.computer || {};
    const how = p.cooperation > c.cooperation + 0.05 ? 'cooperated more than' : p.cooperation < c.cooperation - 0.05 ? 'competed more than' : 'played much like';
    const dPay = p.payoff - c.payoff;
    const result = Math.abs(dPay) < 1e-9 ? 'with the same payoff' : dPay > 0 ? `and gained ${fmtPercent(dPay)} of GDP in payoff` : `and lost ${fmtPercent(-dPay)} of GDP in payoff`;
    const rank = p.rank != null && c.rank != null && p.rank !== c.rank ? `, ending ${p.rank < c.rank ? 'higher' : 'lower'} (rank ${p.rank} against ${c.rank})` : '';
    return el('li', { text: `${p.name} (${p.city}) ${how} the computer would have (${fmtShare(p.cooperation)} against ${fmtShare(c.cooperation)} cooperation) ${result}${rank}.` });
  });
  // Cooperators against competitors: the class's lesson in one line.
  const group = (f) => rows.filter(f).map((p) => p.payoff - (p.computer?.payoff ?? 0));
  const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : null);
  const coopGain = group((p) => p.cooperation >= 0.5), compGain = group((p) => p.cooperation < 0.5);
  const lesson = el('p', { class: 'lesson', id: 'summary-lesson', text:
    `Students who mostly cooperated (${coopGain.length}): ${coopGain.length ? fmtDelta(mean(coopGain), fmtPercent) : '–'} payoff against the computer; ` +
    `students who mostly competed (${compGain.length}): ${compGain.length ? fmtDelta(mean(compGain), fmtPercent) : '–'}.` });

  const chartBox = el('div', { class: 'chart', style: `height:${Math.max(160, 40 + 44 * rows.length)}px` });
  section.replaceChildren(
    el('h2', { text: 'End of class: what each city gained by cooperating or competing' }),
    el('p', { class: 'note', text: 'Each pair is the student / the computer: the same city, the same years and the same seed, played by the model\u2019s own rules. Payoff is summed over the rounds played; GDP and rank are at the end.' }),
    lesson,
    el('div', { class: 'table-wrap' }, el('table', { class: 'data', id: 'summary-table' },
      el('thead', {}, el('tr', {}, ...['Student', 'City', 'Rounds', 'Cooperation (student / computer)', 'Payoff (student / computer)', 'Payoff gained', 'GDP (student / computer)', 'GDP gained', 'Rank (student / computer)']
        .map((h, i) => el('th', { scope: 'col', class: i >= 2 ? 'num' : '', text: h })))),
      body)),
    el('ul', { class: 'readings' }, ...lines),
    el('figure', { class: 'card' }, el('figcaption', {}, el('h3', { text: 'Payoff over the rounds: student and computer' })), chartBox));
  const chart = echarts.init(chartBox, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => fmtPercent(v) },
    grid: { left: 10, right: 30, top: 30, bottom: 46, containLabel: true },
    xAxis: { type: 'value', name: 'payoff summed over the rounds (% of GDP)', nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: (v) => fmtPercent(v) } },
    yAxis: { type: 'category', inverse: true, data: rows.map((p) => `${p.name} (${p.city})`) },
    series: [
      { type: 'bar', name: 'student', data: rows.map((p) => p.payoff), itemStyle: { color: better } },
      { type: 'bar', name: 'computer', data: rows.map((p) => p.computer?.payoff ?? null), itemStyle: { color: worse } },
    ],
  });
  window.addEventListener('resize', () => chart.resize());
}
