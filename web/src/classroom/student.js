// /join: a student types the room code and a name, takes a city (or is given
// one), then plays it round by round: the split between cooperation and
// competition and the networks to join or leave, seeing the city's budget,
// payoff and rank. The player's token is kept in localStorage, so a reload or
// a reconnect keeps the city.
import echarts from '../echarts.js';
import { categorical } from '../palette.js';
import { api, normaliseCode, poller, roomParam, seats, validCode } from './api.js';
import { el, fmtMoney, fmtNumber, fmtShare, messageBox, stat, topBar } from './ui.js';

export function studentPage(app) {
  const room = roomParam() || seats.lastRoom() || '';
  const seat = room ? seats.get(room) : null;
  if (seat) return playPage(app, room, seat);
  return joinForm(app, room);
}

function joinForm(app, room, notice) {
  app.replaceChildren();
  const msg = messageBox('join-message');
  const code = el('input', { id: 'join-code', class: 'code-input', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '8', required: '', value: room || '', inputmode: 'text' });
  const name = el('input', { id: 'join-name', autocomplete: 'nickname', maxlength: '40', required: '' });
  const city = el('select', { id: 'join-city' }, el('option', { value: '', text: 'Give me a city' }));
  const cityNote = el('p', { class: 'note', id: 'join-city-note', text: 'Type the room code to see the cities.' });
  const submit = el('button', { type: 'submit', class: 'primary big', id: 'join-submit', text: 'Join' });
  const form = el('form', { class: 'panel narrow', id: 'join-form', novalidate: '' },
    el('label', { for: 'join-code', text: 'Room code' }), code,
    el('label', { for: 'join-name', text: 'Your name' }), name,
    el('label', { for: 'join-city', text: 'Your city' }), city, cityNote,
    submit, msg.box);
  app.append(topBar('join a class'), el('main', {}, form));
  if (notice) msg.error(notice);

  let loadedFor = null;
  const loadCities = async () => {
    const c = normaliseCode(code.value);
    if (!validCode(c) || c === loadedFor) return;
    loadedFor = c;
    try {
      const r = await api(`/api/rooms/${c}`);
      if (!r.classroom) {
        cityNote.textContent = `Room ${c} is not a class (its teacher shows a live run).`;
        return;
      }
      const list = await api(`/api/rooms/${c}/cities`);
      const free = list.filter((x) => !x.taken);
      city.replaceChildren(el('option', { value: '', text: 'Give me a city' }),
        ...free.map((x) => el('option', { value: x.city, text: `${x.city} — ${x.state}, ${fmtPeople(x.population)}` })));
      cityNote.textContent = `${free.length} cities are free in room ${c}; or let the server give you one.`;
    } catch (e) {
      loadedFor = null;
      cityNote.textContent = e.status === 404 ? `There is no room ${c}: check the code on the teacher\u2019s screen.` : e.message;
    }
  };
  code.addEventListener('input', () => {
    const c = normaliseCode(code.value);
    if (code.value !== c) code.value = c;
    loadCities();
  });
  loadCities();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const c = normaliseCode(code.value);
    if (!validCode(c)) { msg.error('The room code is 6 letters and digits, as on the teacher\u2019s screen.'); code.focus(); return; }
    const n = name.value.trim();
    if (!n) { msg.error('Type your name (it is shown to the class).'); name.focus(); return; }
    submit.disabled = true;
    try {
      const body = { name: n };
      if (city.value) body.city = city.value;
      const r = await api(`/api/rooms/${c}/join`, { method: 'POST', body });
      const seat = { player: r.player, token: r.token, city: r.city, name: n };
      seats.set(c, seat);
      history.replaceState(null, '', `/join?room=${c}`);
      playPage(app, c, seat);
    } catch (err) {
      submit.disabled = false;
      msg.error(err.status === 409 ? `${err.message} — try another name or city.` : err.message);
      if (err.field === 'name') name.focus();
      if (err.field === 'city') { loadedFor = null; loadCities(); }
    }
  });
  document.documentElement.dataset.ready = 'true';
  (room ? name : code).focus();
}

const fmtPeople = (p) => (p >= 1e6 ? `${(p / 1e6).toPrecision(2)} M people` : p >= 1e3 ? `${Math.round(p / 1e3)} k people` : `${p} people`);

function playPage(app, room, seat) {
  app.replaceChildren();
  const msg = messageBox('choice-message');
  const title = el('h1', {}, el('span', { class: 'brand', text: 'urbis' }), ' ', el('span', { id: 'my-city', text: seat.city }));
  const who = el('p', { class: 'facts', id: 'me-facts', text: `${seat.name} · room ${room}` });
  const yearOut = el('output', { id: 'me-year', class: 'big-year', text: '…' });
  const budget = stat('Budget', 'me-budget'), payoff = stat('Payoff', 'me-payoff'), rank = stat('Rank', 'me-rank');
  budget.sub.textContent = 'this year';
  const spark = el('div', { class: 'spark', id: 'me-history', role: 'img', 'aria-label': 'history of payoff and cooperation' });

  const coop = el('input', { type: 'range', id: 'cooperation', min: '0', max: '1', step: '0.05', value: '0.5' });
  const coopOut = el('output', { for: 'cooperation', id: 'cooperation-out', class: 'split' });
  const nets = el('div', { class: 'network-list', id: 'networks' });
  const fees = el('p', { class: 'note', id: 'fees' });
  const send = el('button', { type: 'submit', class: 'primary big', id: 'send-choice', text: 'Send my choice' });
  const sent = el('p', { class: 'note', id: 'choice-status', role: 'status' });
  const notes = el('ul', { class: 'notes', id: 'me-notes' });
  const form = el('form', { id: 'choice-form', class: 'panel' },
    el('h2', { text: 'Your choice for this round' }),
    el('label', { for: 'cooperation', class: 'slider-label', text: 'Split your city\u2019s effort' }),
    el('div', { class: 'split-row' }, el('span', { text: 'compete' }), coop, el('span', { text: 'cooperate' })),
    coopOut,
    el('p', { class: 'note', text: 'Competing spends on attracting mobile capital and talent (a contest against other cities); cooperating spends on city networks, whose members share a club benefit.' }),
    el('fieldset', {}, el('legend', { text: 'Networks' }), nets, fees),
    send, msg.box, sent, notes);
  app.append(el('header', { class: 'top bar' }, title, who),
    el('main', { class: 'student' },
      el('section', { class: 'panel', 'aria-label': 'your city now' },
        el('p', {}, 'Round ', yearOut, el('span', { class: 'note', text: ' (the year you choose for)' })),
        el('div', { class: 'stats' }, budget.node, payoff.node, rank.node),
        spark),
      form));
  const chart = echarts.init(spark, null, { renderer: 'svg' });
  window.addEventListener('resize', () => chart.resize());

  let me = null;
  const showSplit = () => {
    const v = Number(coop.value);
    coopOut.textContent = `${fmtShare(1 - v)} competition · ${fmtShare(v)} cooperation`;
    coop.setAttribute('aria-valuetext', `${fmtShare(v)} cooperation, ${fmtShare(1 - v)} competition`);
  };
  coop.addEventListener('input', showSplit);

  // The form from `me`: the choice already sent this round, or the city's
  // current split and memberships.
  const fillForm = () => {
    const choice = me.choice || {};
    coop.value = String(choice.cooperation ?? me.cooperation ?? 0.5);
    showSplit();
    const members = new Set(me.memberships || []);
    const rows = [...(me.networks || [])];
    for (const m of members) if (!rows.some((n) => n.name === m)) rows.push({ name: m, member: true, eligible: true });
    // The city's networks first, then those it may join, largest first; the
    // long tail (and those it may not join) folded away.
    const order = (n) => (n.member || members.has(n.name) ? 0 : n.eligible === false ? 2 : 1);
    rows.sort((a, b) => order(a) - order(b) || (b.members ?? 0) - (a.members ?? 0) || a.name.localeCompare(b.name));
    const items = rows.map((n, i) => {
      const member = n.member || members.has(n.name);
      const checked = (member && !(choice.leave || []).includes(n.name)) || (choice.join || []).includes(n.name);
      const id = `net-${i}`;
      const box = el('input', { type: 'checkbox', id, 'data-network': n.name, 'data-member': String(member) });
      box.checked = checked;
      box.disabled = !member && n.eligible === false;
      const facts = [n.issue, n.members != null ? `${n.members} members` : null, n.fee != null ? `fee ${fmtMoney(n.fee)}` : null].filter(Boolean).join(' · ');
      const status = member ? 'member: untick to leave' : n.eligible === false ? 'not eligible' : 'tick to join';
      return el('div', { class: `network${member ? ' member' : ''}${box.disabled ? ' ineligible' : ''}` }, box,
        el('label', { for: id }, el('strong', { text: n.name }), ' ', el('span', { class: 'note', text: facts }), el('br'), el('span', { class: 'status', text: status })));
    });
    const shown = Math.max(rows.filter((n) => order(n) === 0).length + 6, 8);
    nets.replaceChildren(...items.slice(0, shown));
    if (items.length > shown)
      nets.append(el('details', { class: 'more-networks' },
        el('summary', { text: `${items.length - shown} more networks` }), ...items.slice(shown)));
    if (!rows.length) nets.append(el('p', { class: 'note', text: 'No networks to join this year.' }));
    showFees();
  };
  const picked = () => {
    const join = [], leave = [];
    for (const box of nets.querySelectorAll('input[type=checkbox]')) {
      const member = box.dataset.member === 'true';
      if (box.checked && !member) join.push(box.dataset.network);
      if (!box.checked && member) leave.push(box.dataset.network);
    }
    return { join, leave };
  };
  const showFees = () => {
    const { join } = picked();
    const cost = join.reduce((t, n) => t + ((me.networks || []).find((x) => x.name === n)?.fee || 0), 0);
    const coopBudget = me.cooperation_budget != null ? ` (cooperation budget now ${fmtMoney(me.cooperation_budget)})` : '';
    fees.textContent = join.length ? `Joining: ${join.join(', ')} — fees ${fmtMoney(cost)} a year, paid from the cooperation part of your budget${coopBudget}.` : 'Tick a network to join it, untick one of yours to leave it.';
  };
  nets.addEventListener('change', showFees);

  const show = (m) => {
    const newYear = !me || me.year !== m.year;
    me = m;
    document.documentElement.dataset.year = String(m.year);
    title.lastChild.textContent = m.city;
    who.textContent = `${m.name} · ${m.city} (${m.state}) · room ${room}`;
    yearOut.textContent = String(m.year);
    budget.value.textContent = fmtMoney(m.budget);
    payoff.value.textContent = fmtNumber(m.payoff);
    payoff.sub.textContent = 'last round: growth less costs';
    rank.value.textContent = m.rank != null ? String(m.rank) : '–';
    rank.sub.textContent = m.of ? `of ${Number(m.of).toLocaleString('en')} cities` : '';
    notes.replaceChildren(...(m.notes || []).map((n) => el('li', { text: n })));
    drawHistory(chart, m.history || []);
    if (newYear) {
      fillForm();
      if (sent.dataset.year && Number(sent.dataset.year) !== m.year) {
        sent.textContent = `Round ${sent.dataset.year} played. Choose for round ${m.year}.`;
        msg.clear();
      } else if (m.chose) {
        msg.ok(`Your choice for round ${m.year} is in; you can change it until the teacher plays the round.`);
      }
      sent.dataset.year = String(m.year);
    }
    if (m.round_open === false) {
      send.disabled = true;
      sent.textContent = 'The run has ended: thank you for playing.';
    }
    document.documentElement.dataset.ready = 'true';
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { cooperation: Number(coop.value), ...picked() };
    send.disabled = true;
    try {
      const m = await api(`/api/rooms/${room}/choice`, { method: 'POST', body, token: seat.token });
      const keepYear = me && me.year;
      me = m;
      if (keepYear !== m.year) show(m);
      else notes.replaceChildren(...(m.notes || []).map((n) => el('li', { text: n })));
      msg.ok(`Sent for round ${m.year}: ${fmtShare(body.cooperation)} cooperation${body.join.length ? `, join ${body.join.join(', ')}` : ''}${body.leave.length ? `, leave ${body.leave.join(', ')}` : ''}. You can change it until the teacher starts the round.`);
      sent.textContent = '';
      document.documentElement.dataset.sent = String(m.year);
    } catch (err) {
      msg.error(`Not sent: ${err.message}`);
    } finally {
      send.disabled = false;
    }
  });

  const lost = (text) => {
    seats.forget(room);
    poll.stop();
    joinForm(app, room, text);
  };
  const poll = poller(async () => {
    try {
      show(await api(`/api/rooms/${room}/me`, { token: seat.token }));
    } catch (e) {
      if (e.status === 401 || e.status === 404) lost('Your seat in this room is gone (the server may have restarted): join again.');
      else msg.error(e.message);
      throw e;
    }
  }, 2);
}

// Payoff (line) and cooperation (dashed, right axis) of the rounds played.
function drawHistory(chart, history) {
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    grid: { left: 44, right: 36, top: 24, bottom: 22 },
    legend: { top: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmtNumber(v) },
    xAxis: { type: 'category', data: history.map((h) => String(h.year)), axisLabel: { fontSize: 10 } },
    yAxis: [
      { type: 'value', axisLabel: { fontSize: 10, formatter: (v) => fmtNumber(v) }, splitNumber: 3 },
      { type: 'value', min: 0, max: 1, axisLabel: { fontSize: 10, formatter: (v) => `${Math.round(v * 100)}%` }, splitLine: { show: false }, splitNumber: 2 },
    ],
    series: [
      { type: 'line', name: 'payoff', data: history.map((h) => h.payoff), showSymbol: history.length < 12, itemStyle: { color: categorical[0] }, lineStyle: { width: 2 } },
      { type: 'line', name: 'cooperation', yAxisIndex: 1, data: history.map((h) => h.cooperation), showSymbol: history.length < 12, itemStyle: { color: categorical[1] }, lineStyle: { width: 2, type: 'dashed' } },
    ],
  });
}
