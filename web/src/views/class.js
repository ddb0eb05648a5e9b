// The class of a debrief (urbis serve --classroom, then "download the
// debrief", or `urbis replay`): each student's city and choices beside the
// computer playing the same city from the same seed, round by round, and the
// record that replays the class, to save as class.json.
import './class.css';
import { better, worse } from '../palette.js';
import { chartCard, el } from './charts.js';

const pct = (v) => (v == null ? '–' : `${(100 * v).toFixed(1)} %`);
const share = (v) => (v == null ? '–' : `${Math.round(100 * v)}%`);
const delta = (v) => (v == null ? '–' : Math.abs(v) < 5e-5 ? '= 0' : `${v > 0 ? '▲ +' : '▼ −'}${(100 * Math.abs(v)).toFixed(1)} %`);
const sum = (a) => a.reduce((x, y) => x + y, 0);

export function classView(parent, cls, { before = null } = {}) {
  const players = cls.players || [];
  const rounds = cls.rounds || [];
  const section = el('section', { id: 'class', class: 'class-section' },
    el('h2', { text: `The class: room ${cls.room}, ${players.length} student${players.length === 1 ? '' : 's'}, rounds ${rounds[0] ?? '–'}–${rounds[rounds.length - 1] ?? '–'}` }),
    el('p', { class: 'note', text: 'Each student against the computer: the same city, the same years and the same seed, played by the model\u2019s own rules in a twin world. Payoff is in % of GDP a year, summed over the rounds played.' }));
  parent.insertBefore(section, before);

  const rows = players.map((p) => {
    const r = p.rounds || [];
    const me = sum(r.map((x) => x.payoff)), cpu = sum(r.map((x) => x.computer.payoff));
    const coop = r.length ? sum(r.map((x) => x.cooperation)) / r.length : null;
    const ccoop = r.length ? sum(r.map((x) => x.computer.cooperation)) / r.length : null;
    return { p, r, me, cpu, coop, ccoop, last: r[r.length - 1] };
  });
  const group = (f) => rows.filter(f).map((x) => x.me - x.cpu);
  const mean = (a) => (a.length ? sum(a) / a.length : null);
  const coopGain = group((x) => x.coop >= 0.5), compGain = group((x) => x.coop != null && x.coop < 0.5);
  section.append(el('p', { class: 'lesson', id: 'class-lesson', text:
    `Students who mostly cooperated (${coopGain.length}): ${delta(mean(coopGain))} payoff against the computer; students who mostly competed (${compGain.length}): ${delta(mean(compGain))}.` }));

  const head = ['Student', 'City', 'Rounds', 'Cooperation (student / computer)', 'Payoff (student / computer)', 'Gained', 'Rank at the end (student / computer)'];
  section.append(el('div', { class: 'table-wrap' }, el('table', { class: 'class-table', id: 'class-summary' },
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: i >= 2 ? 'num' : '', text: h })))),
    el('tbody', {}, ...rows.map((x) => el('tr', { 'data-player': x.p.player },
      el('th', { scope: 'row', text: x.p.name }),
      el('td', { text: `${x.p.city} (${x.p.state})` }),
      el('td', { class: 'num', text: String(x.r.length) }),
      el('td', { class: 'num', text: `${share(x.coop)} / ${share(x.ccoop)}` }),
      el('td', { class: 'num', text: `${pct(x.me)} / ${pct(x.cpu)}` }),
      el('td', { class: `num ${x.me > x.cpu ? 'gain' : x.me < x.cpu ? 'loss' : ''}`, text: delta(x.me - x.cpu) }),
      el('td', { class: 'num', text: x.last ? `${x.last.rank} / ${x.last.computer.rank}` : '–' })))))));

  // Round by round, one table per student, folded.
  for (const x of rows)
    section.append(el('details', { class: 'rounds', 'data-player': x.p.player },
      el('summary', { text: `${x.p.name}, ${x.p.city}: round by round` }),
      el('div', { class: 'table-wrap' }, el('table', { class: 'class-table' },
        el('thead', {}, el('tr', {}, ...['Year', 'Cooperation (student / computer)', 'Payoff (student / computer)', 'Contest (net capital won)', 'Fees', 'Networks joined, left, refused', 'Rank (student / computer)']
          .map((h, i) => el('th', { scope: 'col', class: i && i < 5 ? 'num' : '', text: h })))),
        el('tbody', {}, ...x.r.map((r) => el('tr', {},
          el('th', { scope: 'row', text: String(r.year) }),
          el('td', { class: 'num', text: `${share(r.cooperation)} / ${share(r.computer.cooperation)}` }),
          el('td', { class: 'num', text: `${pct(r.payoff)} / ${pct(r.computer.payoff)}` }),
          el('td', { class: 'num', text: money(r.inflow) }),
          el('td', { class: 'num', text: money(r.fees) }),
          el('td', { text: [...(r.joined || []).map((n) => `+ ${n}`), ...(r.left || []).map((n) => `− ${n}`), ...(r.refused || []).map((n) => `refused ${n}`)].join('; ') || '–' }),
          el('td', { class: 'num', text: `${r.rank} / ${r.computer.rank}` }))))))));

  if (rows.length) {
    const { chart } = chartCard(section, { title: 'Payoff summed over the rounds: each student and the computer in their place', height: Math.max(180, 50 + 40 * rows.length) });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => pct(v) },
      grid: { left: 10, right: 30, top: 30, bottom: 40, containLabel: true },
      xAxis: { type: 'value', name: '% of GDP', nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: (v) => pct(v) } },
      yAxis: { type: 'category', inverse: true, data: rows.map((x) => `${x.p.name} (${x.p.city})`) },
      series: [
        { type: 'bar', name: 'student', data: rows.map((x) => x.me), itemStyle: { color: better } },
        { type: 'bar', name: 'computer', data: rows.map((x) => x.cpu), itemStyle: { color: worse } },
      ],
    });
  }

  // The record, to replay the class (urbis replay class.json): saved from
  // the page itself, offline.
  if (cls.record) {
    const save = el('button', { type: 'button', id: 'save-record', text: 'Save the class record (class.json)' });
    save.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([JSON.stringify(cls.record, null, 1) + '\n'], { type: 'application/json' }));
      const a = el('a', { href: url, download: `urbis-class-${cls.room}.json` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    });
    section.append(el('div', { class: 'controls' }, save,
      el('span', { class: 'note', text: '`urbis replay` runs the class again from this page or its record, to the same tables, byte for byte.' })));
  }
  return section;
}

function money(v) {
  if (v == null) return '–';
  const a = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (a >= 1e9) return `${sign}$${(a / 1e9).toPrecision(3)} bn`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toPrecision(3)} M`;
  if (a >= 1e3) return `${sign}$${Math.round(a / 1e3)} k`;
  return `${sign}$${Math.round(a)}`;
}
