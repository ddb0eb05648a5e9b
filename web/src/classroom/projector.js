// /projector?room=CODE: what the class sees on the wall. The room code, the
// address to open with a QR code for phones, the round and its countdown,
// the class's map (students' cities ringed and named) and the cooperation
// chart over the rounds played. No controls: the teacher runs the class from
// the teacher's page on their own screen.
import qrcode from 'qrcode-generator';
import { httpSource } from '../data/sources.js';
import { chartCard, lineOption } from '../views/charts.js';
import { mapView } from '../views/map.js';
import { runMarks } from '../views/run.js';
import { api, poller, roomParam, teacherToken } from './api.js';
import { roomForm } from './room_form.js';
import { playedSpan } from './teacher.js';
import { countdown, el } from './ui.js';

// The join address as a QR code (inline SVG: no request, no script).
export function qrSvg(text, cell = 6) {
  const qr = qrcode(0, 'M'); // the smallest version that holds the text
  qr.addData(text);
  qr.make();
  const box = el('div', { class: 'qr', role: 'img', 'aria-label': `QR code of ${text}` });
  box.innerHTML = qr.createSvgTag({ cellSize: cell, margin: 2, scalable: true });
  return box;
}

export async function projectorPage(app) {
  const room = roomParam();
  if (!room) return roomForm(app, '/projector', 'Projector');
  const token = teacherToken();
  document.body.classList.add('projector');
  const joinAddress = `${location.origin}/join`;
  const yearOut = el('span', { class: 'big-year', id: 'projector-year', text: '…' });
  const players = el('span', { id: 'projector-players', text: '0' });
  const clock = countdown('projector-clock', { big: true });
  app.append(el('section', { class: 'hero projector-hero', 'aria-label': 'how to join' },
    el('div', {}, el('span', { class: 'label', text: 'Room code' }), el('span', { class: 'code', id: 'room-code', text: room })),
    el('div', {}, el('span', { class: 'label', text: 'Open' }), el('span', { class: 'address', id: 'join-address', text: joinAddress }),
      el('p', { class: 'note' }, players, ' students have joined')),
    qrSvg(`${joinAddress}?room=${room}`),
    el('div', { class: 'round-box' }, el('span', { class: 'label', text: 'Round' }), yearOut, clock.node)));

  const world = el('section', { id: 'world', class: 'projector-world' });
  app.append(world);
  const coop = chartCard(world, { title: 'Cooperation index of the world', id: 'chart-cooperation', height: 300 }).chart;
  let map = null, marked = [];
  const source = httpSource(`/api/rooms/${room}/data`, { poll: 2 });
  const draw = (d) => {
    coop.setOption(lineOption({ years: d.years, span: playedSpan(d), marks: runMarks(d), yName: 'index (0–1)', series: [{ name: 'cooperation index', data: d.global.cooperation_index }] }), { replaceMerge: ['series'] });
    if (!map) map = mapView(world, d, { follow: true, links: false });
    else map.update(d);
    map.highlight(marked);
  };
  let version = null;
  const showState = (s) => {
    yearOut.textContent = s.finished ? `${s.end} · the end` : String(s.year);
    document.documentElement.dataset.year = String(s.year);
    players.textContent = String(s.players);
    clock.set(s.clock, s.finished);
    if (version !== s.version) source.refresh();
    version = s.version;
  };
  try {
    const [s, d] = await Promise.all([api(`/api/rooms/${room}`), source.load()]);
    draw(d);
    showState(s);
  } catch (e) {
    app.append(el('p', { class: 'message error', text: e.status === 404 ? `There is no room ${room}.` : e.message }));
    document.documentElement.dataset.ready = 'true';
    return;
  }
  source.subscribe(draw);
  document.documentElement.dataset.ready = 'true';
  poller(async () => showState(await api(`/api/rooms/${room}`)), 1);
  clock.onZero(() => setTimeout(async () => showState(await api(`/api/rooms/${room}`)), 300));
  // The students' names on the map need the teacher's key (this page runs
  // on the teacher's computer); without it the map shows the world alone.
  if (token)
    poller(async () => {
      const c = await api(`/api/rooms/${room}/class`, { token });
      marked = (c.players || []).map((p) => ({ city: p.city, label: `${p.name} · ${p.city}` }));
      map?.highlight(marked);
    }, 3);
}
