// /join: a student types the room code and a name, takes a city (or is given
// one), then plays it round by round: the split between cooperation and
// competition and the networks to join or leave, seeing the city's budget,
// payoff and rank. The player's token is kept in localStorage, so a reload or
// a reconnect keeps the city.
import echarts from '../echarts.js';
import { categorical } from '../palette.js';
import { api, normaliseCode, poller, roomParam, seats, validCode } from './api.js';
import { countdown, el, fmtMoney, fmtPercent, fmtShare, messageBox, stat, topBar } from './ui.js';

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
  // The city: searched by name or country among the free cities, largest
  // first; or left to the server ("give me a city").
  const search = el('input', { id: 'city-search', type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'a city or a country', 'aria-controls': 'city-list' });
  const list = el('div', { class: 'city-list', id: 'city-list', role: 'listbox', 'aria-label': 'free cities, largest first' });
  const picked = el('p', { class: 'picked', id: 'join-city-choice', 'aria-live': 'polite' });
  const cityNote = el('p', { class: 'note', id: 'join-city-note', text: 'Type the room code to see the cities.' });
  const submit = el('button', { type: 'submit', class: 'primary big', id: 'join-submit', text: 'Join' });
  const form = el('form', { class: 'panel narrow', id: 'join-form', novalidate: '' },
    el('label', { for: 'join-code', text: 'Room code' }), code,
    el('label', { for: 'join-name', text: 'Your name' }), name,
    el('label', { for: 'city-search', text: 'Your city (search by city or country)' }), search, list, picked, cityNote,
    submit, msg.box);
  app.append(topBar('join a class'), el('main', {}, form));
  if (notice) msg.error(notice);

  let cities = [], chosen = '';
  const fold = (t) => String(t || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const showPicked = () => {
    const c = cities.find((x) => x.city === chosen);
    picked.textContent = c ? `Your city: ${c.city} (${c.country || c.state})` : 'Your city: the server gives you one (the largest free city).';
  };
  const showList = () => {
    const q = fold(search.value.trim());
    const free = cities.filter((x) => !x.taken);
    const hits = q ? free.filter((x) => fold(x.city).includes(q) || fold(x.country).includes(q) || fold(x.state) === q) : free;
    const shown = hits.slice(0, 12);
    list.replaceChildren(
      el('button', { type: 'button', class: 'city-option', 'data-city': '', 'aria-pressed': String(chosen === ''), text: 'Give me a city' }),
      ...shown.map((x) => el('button', { type: 'button', class: 'city-option', 'data-city': x.city, 'aria-pressed': String(chosen === x.city) },
        el('strong', { text: x.city }), ` ${x.country || x.state} · ${fmtPeople(x.population)}`)));
    if (q && !hits.length) list.append(el('p', { class: 'note', text: `No free city matches “${search.value.trim()}”.` }));
    else if (hits.length > shown.length) list.append(el('p', { class: 'note', text: `${hits.length - shown.length} more: type more of the name.` }));
  };
  list.addEventListener('click', (e) => {
    const b = e.target.closest('button.city-option');
    if (!b) return;
    chosen = b.dataset.city;
    showPicked();
    showList();
  });
  search.addEventListener('input', showList);

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
      cities = await api(`/api/rooms/${c}/cities`);
      if (chosen && !cities.some((x) => x.city === chosen && !x.taken)) chosen = '';
      showList();
      showPicked();
      cityNote.textContent = `${cities.filter((x) => !x.taken).length} cities are free in room ${c}, largest first.`;
      document.documentElement.dataset.cities = String(cities.length);
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
      if (chosen) body.city = chosen;
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
  const goal = el('p', { class: 'goal', id: 'goal', text: `Your goal: the highest payoff for ${seat.city}, round after round — higher than the computer gets playing the same city in a twin world.` });
  const yearOut = el('output', { id: 'me-year', class: 'big-year', text: '…' });
  const clock = countdown('me-clock');
  const budget = stat('Budget', 'me-budget'), payoff = stat('Payoff', 'me-payoff'), rank = stat('Rank', 'me-rank');
  budget.sub.textContent = 'a year, for abroad';
  const explain = el('details', { class: 'explain' },
    el('summary', { text: 'What is the payoff?' }),
    el('p', { text: 'How much better off your city got in a round, in % of its GDP: the growth of its output per person, plus a little reputation, less what it spent on cooperating. It is what the model\u2019s cities compare when they copy each other; the rank is by payoff among all the cities of the world.' }));
  const lastRound = el('section', { class: 'panel last-round', id: 'last-round', 'aria-live': 'polite', hidden: '' });
  const spark = el('div', { class: 'spark', id: 'me-history', role: 'img', 'aria-label': 'history of payoff and cooperation' });

  const coop = el('input', { type: 'range', id: 'cooperation', min: '0', max: '1', step: '0.05', value: '0.5' });
  const coopOut = el('output', { for: 'cooperation', id: 'cooperation-out', class: 'split' });
  const splitBudget = el('p', { class: 'note', id: 'split-budget' });
  const nets = el('div', { class: 'network-list', id: 'networks' });
  const fees = el('p', { class: 'note', id: 'fees' });
  const send = el('button', { type: 'submit', class: 'primary big', id: 'send-choice', text: 'Send my choice' });
  const sent = el('p', { class: 'note', id: 'choice-status', role: 'status' });
  const form = el('form', { id: 'choice-form', class: 'panel' },
    el('h2', { text: 'Your choice for this round' }),
    el('label', { for: 'cooperation', class: 'slider-label', text: 'Split your city\u2019s budget for abroad' }),
    el('div', { class: 'split-row' }, el('span', { text: 'compete' }), coop, el('span', { text: 'cooperate' })),
    coopOut, splitBudget,
    el('p', { class: 'note', text: 'Competing spends on attracting mobile capital and talent: a contest against the other cities, won by those who spend most. Cooperating pays the fees of city networks, whose members share a club benefit to growth.' }),
    el('fieldset', {}, el('legend', { text: 'Networks' }), nets, fees),
    send, msg.box, sent);
  app.append(el('header', { class: 'top bar' }, title, who),
    el('main', { class: 'student' },
      el('section', { class: 'panel', 'aria-label': 'your city now' },
        goal,
        el('p', { class: 'round-line' }, 'Round ', yearOut, el('span', { class: 'note', text: ' (the year you choose for)' }), ' ', clock.node),
        el('div', { class: 'stats' }, budget.node, payoff.node, rank.node),
        explain, lastRound, spark),
      form));
  const chart = echarts.init(spark, null, { renderer: 'svg' });
  window.addEventListener('resize', () => chart.resize());

  let me = null;
  const locked = () => !me || me.round_open === false;
  // The budget of the split being chosen, as the slider moves.
  const showSplit = () => {
    const v = Number(coop.value);
    coopOut.textContent = `${fmtShare(1 - v)} competition · ${fmtShare(v)} cooperation`;
    coop.setAttribute('aria-valuetext', `${fmtShare(v)} cooperation, ${fmtShare(1 - v)} competition`);
    if (me && me.budget != null)
      splitBudget.textContent = `With this split: ${fmtMoney(v * me.budget)} a year for cooperation (network fees) and ${fmtMoney((1 - v) * me.budget)} for competing, out of ${fmtMoney(me.budget)}.`;
    showFees();
  };
  coop.addEventListener('input', showSplit);

  // The form from `me`: the choice already sent this round, or the city's
  // current split and memberships.
  const fillForm = () => {
    const choice = me.choice || {};
    coop.value = String(choice.cooperation ?? me.cooperation ?? 0.5);
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
      const facts = [n.issue, n.members != null ? `${n.members} members` : null, n.fee != null ? `fee ${fmtMoney(n.fee)} a year` : null].filter(Boolean).join(' · ');
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
    showSplit();
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
  // The fees against the cooperation budget of the split on the slider.
  const showFees = () => {
    if (!me) return;
    const { join } = picked();
    const feeOf = (n) => (me.networks || []).find((x) => x.name === n)?.fee || 0;
    const held = (me.memberships || []).filter((n) => !picked().leave.includes(n)).reduce((t, n) => t + feeOf(n), 0);
    const cost = join.reduce((t, n) => t + feeOf(n), 0);
    const room = Number(coop.value) * (me.budget || 0);
    if (!join.length) {
      fees.textContent = 'Tick a network to join it, untick one of yours to leave it.';
      return;
    }
    const fits = held + cost <= room;
    fees.textContent = `Joining ${join.join(', ')}: fees ${fmtMoney(cost)} a year, on top of ${fmtMoney(held)} for your networks, from a cooperation budget of ${fmtMoney(room)}` +
      (fits ? ': it fits.' : ': too much — raise the cooperation split or the join will be refused.');
    fees.className = `note${fits ? '' : ' warn'}`;
  };
  nets.addEventListener('change', showFees);

  const showLock = () => {
    const closed = locked();
    send.disabled = closed;
    coop.disabled = closed;
    for (const b of nets.querySelectorAll('input[type=checkbox]')) if (closed) b.disabled = true;
    if (me && me.finished) sent.textContent = 'The run has ended: thank you for playing.';
    else if (me && me.locked) sent.textContent = 'Time\u2019s up: choices are locked while the round is played.';
  };

  const show = (m) => {
    const newYear = !me || me.year !== m.year;
    const wasLocked = me && me.locked;
    me = m;
    document.documentElement.dataset.year = String(m.year);
    document.documentElement.dataset.locked = String(!!m.locked);
    title.lastChild.textContent = m.city;
    who.textContent = `${m.name} · ${m.city} (${m.state}) · room ${room}`;
    goal.textContent = `Your goal: the highest payoff for ${m.city}, round after round — higher than the computer gets playing the same city in a twin world.`;
    yearOut.textContent = String(m.year);
    clock.set(m.clock, m.finished);
    budget.value.textContent = fmtMoney(m.budget);
    const played = (m.history || []).length > 0;
    payoff.value.textContent = played ? fmtPercent(m.last_round?.payoff ?? m.payoff) : '–';
    payoff.sub.textContent = played ? 'of GDP, last round' : 'after the first round';
    rank.value.textContent = m.rank != null ? String(m.rank) : '–';
    rank.sub.textContent = m.rank != null && m.of ? `of ${Number(m.of).toLocaleString('en')} cities` : 'after the first round';
    showLastRound(lastRound, m);
    drawHistory(chart, m.history || []);
    if (newYear) {
      fillForm();
      if (sent.dataset.year && Number(sent.dataset.year) !== m.year) {
        sent.textContent = `Round ${sent.dataset.year} played: see what it gave above. Choose for round ${m.year}.`;
        msg.clear();
      } else if (m.chose) {
        msg.ok(`Your choice for round ${m.year} is in; you can change it until the round is played.`);
      }
      sent.dataset.year = String(m.year);
    } else if (wasLocked && !m.locked) {
      fillForm();
    }
    showLock();
    document.documentElement.dataset.ready = 'true';
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { cooperation: Number(coop.value), ...picked(), round: me ? me.year : undefined };
    send.disabled = true;
    try {
      const m = await api(`/api/rooms/${room}/choice`, { method: 'POST', body, token: seat.token });
      const keepYear = me && me.year;
      me = m;
      if (keepYear !== m.year) show(m);
      msg.ok(`Sent for round ${m.year}: ${fmtShare(body.cooperation)} cooperation${body.join.length ? `, join ${body.join.join(', ')}` : ''}${body.leave.length ? `, leave ${body.leave.join(', ')}` : ''}. You can change it until the round is played.`);
      sent.textContent = '';
      document.documentElement.dataset.sent = String(m.year);
    } catch (err) {
      msg.error(err.status === 409 ? `Not sent: ${err.message}.` : `Not sent: ${err.message}`);
      poll.now();
    } finally {
      showLock();
    }
  });

  const lost = (text) => {
    seats.forget(room);
    poll.stop();
    clock.stop();
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
  clock.onZero(() => poll.now());
}

// What the last round gave and why, in sentences.
function showLastRound(box, m) {
  const r = m.last_round;
  if (!r) { box.hidden = true; return; }
  box.hidden = false;
  const lines = [];
  lines.push(`Payoff ${fmtPercent(r.payoff)} of GDP: growth ${fmtPercent(r.growth)}${Math.abs(r.other) >= 5e-5 ? `, ${r.other >= 0 ? 'plus' : 'minus'} ${fmtPercent(Math.abs(r.other))} reputation and shared climate action` : ''}, less ${fmtPercent(r.cost)} spent on cooperating.`);
  if (Math.abs(r.inflow) >= 1)
    lines.push(r.inflow > 0 ? `Competition won: ${fmtMoney(r.inflow)} of mobile capital came to ${m.city} (net).`
      : `Competition lost: ${fmtMoney(-r.inflow)} of mobile capital left ${m.city} for cities that spent more on competing (net).`);
  if (r.fees > 0) lines.push(`Network fees: ${fmtMoney(r.fees)} a year for ${(m.memberships || []).length} network${(m.memberships || []).length === 1 ? '' : 's'}.`);
  if (r.joined?.length) lines.push(`Joined ${r.joined.join(', ')}.`);
  if (r.left?.length) lines.push(`Left ${r.left.join(', ')}.`);
  for (const f of r.refused || []) lines.push(`Could not join ${f}.`);
  if (r.rank_before != null && r.rank !== r.rank_before)
    lines.push(`Rank ${r.rank}, ${r.rank < r.rank_before ? 'up' : 'down'} from ${r.rank_before}.`);
  const vs = r.payoff - r.computer_payoff;
  lines.push(Math.abs(vs) < 5e-5 ? 'The computer in your place did just as well.'
    : `The computer in your place: ${fmtPercent(r.computer_payoff)} — you did ${vs > 0 ? 'better' : 'worse'} by ${fmtPercent(Math.abs(vs))}.`);
  box.replaceChildren(el('h2', { text: `What round ${r.year} gave ${m.city}` }),
    el('ul', { class: 'what-changed' }, ...lines.map((t) => el('li', { text: t }))));
}

// Payoff (line) and cooperation (dashed, right axis) of the rounds played.
function drawHistory(chart, history) {
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    grid: { left: 44, right: 36, top: 24, bottom: 22 },
    legend: { top: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: history.map((h) => String(h.year)), axisLabel: { fontSize: 10 } },
    yAxis: [
      { type: 'value', axisLabel: { fontSize: 10, formatter: (v) => fmtPercent(v) }, splitNumber: 3 },
      { type: 'value', min: 0, max: 1, axisLabel: { fontSize: 10, formatter: (v) => `${Math.round(v * 100)}%` }, splitLine: { show: false }, splitNumber: 2 },
    ],
    series: [
      { type: 'line', name: 'payoff (% of GDP)', tooltip: { valueFormatter: (v) => fmtPercent(v) }, data: history.map((h) => h.payoff), showSymbol: history.length < 12, itemStyle: { color: categorical[0] }, lineStyle: { width: 2 } },
      { type: 'line', name: 'cooperation', tooltip: { valueFormatter: (v) => fmtShare(v) }, yAxisIndex: 1, data: history.map((h) => h.cooperation), showSymbol: history.length < 12, itemStyle: { color: categorical[1] }, lineStyle: { width: 2, type: 'dashed' } },
    ],
  });
}
