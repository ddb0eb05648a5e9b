// The view of a comparison (urbis compare): a scenario (a) against its
// counterfactual (b), run with the same seeds. The summary table answers
// "what did the difference do" over the years from the first difference;
// a picked series is drawn as both sides (mean and the range over seeds) and
// as their paired difference with its 95% interval; the scenarios' events
// are marked on both charts.
import { categorical } from '../palette.js';
import { chartCard, el, eventMarks, fmtNumber, lineOption } from './charts.js';

const colourA = categorical[0];
const colourB = categorical[1];
const colourD = categorical[3];

// A band between two lines: one quadrilateral per pair of years.
function band(name, years, lo, hi, colour, opacity) {
  return {
    type: 'custom', name, silent: true, tooltip: { show: false }, z: 1, itemStyle: { color: colour, opacity },
    data: years.map((y, i) => [y, lo[i], hi[i]]),
    encode: { x: 0, y: [1, 2] },
    renderItem: (params, api) => {
      const i = params.dataIndex;
      if (i + 1 >= years.length || lo[i] == null || hi[i] == null || lo[i + 1] == null || hi[i + 1] == null) return null;
      const points = [api.coord([years[i], lo[i]]), api.coord([years[i + 1], lo[i + 1]]),
        api.coord([years[i + 1], hi[i + 1]]), api.coord([years[i], hi[i]])];
      return { type: 'polygon', shape: { points }, style: { fill: colour, opacity, stroke: colour, lineWidth: 0.3, strokeOpacity: opacity } };
    },
  };
}

// Numbers as the tables need them: small effects (1e-7) stay visible.
const num = (v) => (v == null ? '–' : v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(2) : fmtNumber(v, 4));
const signed = (v) => (v == null ? '–' : (v > 0 ? '+' : '') + num(v));
const seedsText = (seeds) => {
  if (!seeds || !seeds.length) return '';
  const consecutive = seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  return consecutive && seeds.length > 2 ? `${seeds[0]}–${seeds[seeds.length - 1]}` : seeds.join(', ');
};
const keyOf = (s) => `${s.level}|${s.subject}|${s.metric}`;
const subjectText = (level, subject) => (level === 'global' ? 'the world' : `${subject} (${level})`);

function header(root, data, marks) {
  const m = data.meta || {};
  const a = m.a || {}, b = m.b || {};
  root.append(el('header', { class: 'top' },
    el('h1', {}, el('span', { class: 'brand', text: 'urbis' }), ' ', `${a.scenario} vs ${b.scenario}`),
    a.description ? el('p', { class: 'description', text: a.description.trim().replace(/([^.:])\n(?!\n)/g, '$1 ') }) : null,
    el('p', { class: 'facts', text: [
      `scenario ${a.scenario} (${a.arg || a.scenario_file})`, `counterfactual ${b.scenario} (${b.arg || b.scenario_file})`,
      `${(m.seeds || []).length} seeds (${seedsText(m.seeds)}), the same on both sides`,
      m.start != null ? `${m.start}–${m.end}` : null,
      m.diverges ? `first difference in ${m.diverges}` : 'the two sides never differ',
      m.version ? `urbis ${m.version}` : null,
      m.finished ? `run ${m.finished.replace('T', ' ').replace('Z', ' UTC')}` : null,
    ].filter(Boolean).join(' · ') }),
    m.command_line ? el('p', { class: 'facts mono', text: m.command_line }) : null,
    el('p', { class: 'note', text: `Difference: ${m.difference || 'a − b'}. Interval: ${m.interval || ''}. Bands of the two sides: the range over seeds.` })));
  const list = el('ol', { class: 'events' });
  for (const mk of marks)
    for (const e of mk.events)
      list.append(el('li', { 'data-year': mk.year }, el('span', { class: 'letter', text: `${mk.letter} ${mk.year}` }), ' ', e.label));
  if (list.children.length)
    root.append(el('section', { class: 'event-key' }, el('h2', { text: 'Scenario events' }),
      el('p', { class: 'note', text: 'Dashed lines on every chart, lettered as here.' }), list));
}

// The series a reader most likely came for: a protagonist's climate memberships, else the first that differs.
function firstSeries(data) {
  const s = data.series;
  for (const p of data.protagonists || []) {
    const hit = s.find((x) => x.level === 'state' && x.subject === p && x.metric === 'memberships_climate');
    if (hit) return hit;
  }
  return s.find((x) => x.d.mean.some((v) => v != null && v !== 0)) || s[0];
}

function finding(row) {
  if (!row || row.difference == null) return '';
  const dir = row.difference > 0 ? 'higher' : row.difference < 0 ? 'lower' : 'the same';
  const ci = row.ci95_low != null ? ` (95% interval ${signed(row.ci95_low)} to ${signed(row.ci95_high)})` : '';
  return `${row.metric} of ${subjectText(row.level, row.subject)}, mean over ${row.from}–${row.to}: ` +
    `${signed(row.difference)}${ci} with the scenario than without; ${dir} in ${row.same_sign} of ${row.seeds} seeds.`;
}

function summaryTable(root, data, pick) {
  const protagonists = new Set(data.protagonists || []);
  const all = (data.summary || []).filter((r) => (r.level === 'state' && protagonists.has(r.subject)) || r.level === 'global');
  const rows = all.filter((r) => r.difference !== 0);
  const section = el('section', { id: 'summary' }, el('h2', { text: 'What the difference did' }));
  root.append(section);
  const from = rows[0]?.from, to = rows[0]?.to;
  section.append(el('p', { class: 'note', text: `The world and the protagonists (${[...protagonists].join(', ') || 'none'}): ` +
    `means over ${from}–${to} (from the first year the two sides differ), paired seed by seed; ` +
    `${all.length - rows.length} series with no difference in any seed are left out. ` +
    'Click a row to draw it below; effects.csv and effects_summary.csv hold every series, year and subject.' }));
  const lead = (data.summary || []).find((r) => keyOf(r) === keyOf(firstSeries(data)));
  if (lead) section.append(el('p', { class: 'finding lead', text: finding(lead) }));
  const table = el('table', { class: 'indices effects' });
  table.append(el('thead', {}, el('tr', {}, ...['metric', 'subject', 'scenario', 'counterfactual', 'difference', '95% interval', 'same sign']
    .map((h, i) => el('th', { text: h, style: i < 2 ? 'text-align:left' : '' })))));
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr', { tabindex: 0, 'data-key': keyOf(r), style: 'cursor:pointer' },
      el('td', { text: r.metric, style: 'text-align:left' }), el('td', { text: r.level === 'global' ? 'world' : r.subject, style: 'text-align:left' }),
      el('td', { text: num(r.mean_a) }), el('td', { text: num(r.mean_b) }),
      el('td', { text: signed(r.difference) }),
      el('td', { text: r.ci95_low == null ? '–' : `${signed(r.ci95_low)} to ${signed(r.ci95_high)}` }),
      el('td', { text: `${r.same_sign ?? '–'} / ${r.seeds}` }));
    const choose = () => pick(keyOf(r));
    tr.addEventListener('click', choose);
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') choose(); });
    body.append(tr);
  }
  table.append(body);
  section.append(table);
}

function explorer(root, data, marks) {
  const section = el('section', { id: 'series' }, el('h2', { text: 'Year by year' }));
  root.append(section);
  const levels = [...new Set(data.series.map((s) => s.level))];
  const pickLevel = el('select', { 'aria-label': 'level' }, ...levels.map((l) => el('option', { value: l, text: l })));
  const pickSubject = el('select', { 'aria-label': 'subject' });
  const pickMetric = el('select', { 'aria-label': 'metric' });
  const sentence = el('p', { class: 'finding' });
  section.append(el('div', { class: 'controls' }, el('label', {}, 'Level ', pickLevel), el('label', {}, 'Subject ', pickSubject),
    el('label', {}, 'Metric ', pickMetric)), sentence);
  const grid = el('div', { class: 'grid' });
  section.append(grid);
  const sides = chartCard(grid, { title: 'Both sides', note: 'mean over seeds; band: the range over seeds', id: 'chart-sides' });
  const diff = chartCard(grid, { title: 'Difference: scenario − counterfactual', note: 'mean paired difference; band: its 95% interval over seeds', id: 'chart-difference' });
  const byKey = new Map(data.series.map((s) => [keyOf(s), s]));
  const summary = new Map((data.summary || []).map((r) => [keyOf(r), r]));
  const fill = (select, values, keep) => {
    select.replaceChildren(...values.map((v) => el('option', { value: v, text: v })));
    if (values.includes(keep)) select.value = keep;
  };
  const subjects = () => [...new Set(data.series.filter((s) => s.level === pickLevel.value).map((s) => s.subject))];
  const metrics = () => data.series.filter((s) => s.level === pickLevel.value && s.subject === pickSubject.value).map((s) => s.metric);
  const draw = () => {
    const s = byKey.get(`${pickLevel.value}|${pickSubject.value}|${pickMetric.value}`);
    if (!s) return;
    const years = data.years;
    const a = data.meta?.a?.scenario || 'scenario', b = data.meta?.b?.scenario || 'counterfactual';
    sentence.textContent = finding(summary.get(keyOf(s)));
    sides.card.querySelector('h3').textContent = `${s.metric}: ${subjectText(s.level, s.subject)}`;
    const sidesOption = lineOption({
      years, marks, yName: s.metric, legend: true,
      series: [{ name: `${a} (mean)`, data: s.a.mean, colour: colourA }, { name: `${b} (mean)`, data: s.b.mean, colour: colourB, dashed: true }],
      extra: [band(`${a}: range over seeds`, years, s.a.min, s.a.max, colourA, 0.18), band(`${b}: range over seeds`, years, s.b.min, s.b.max, colourB, 0.18)],
    });
    sidesOption.legend.data = [`${a} (mean)`, `${b} (mean)`, `${a}: range over seeds`, `${b}: range over seeds`];
    sidesOption.legend.type = 'plain';
    sidesOption.grid.top += 20;  // the legend takes two lines
    sides.chart.setOption(sidesOption, true);
    diff.card.querySelector('h3').textContent = `Difference in ${s.metric}: ${a} − ${b}`;
    diff.chart.setOption(lineOption({
      years, marks, yName: `difference (${s.metric})`, legend: true,
      series: [{ name: 'mean difference', data: s.d.mean, colour: colourD }, { name: 'no difference', data: years.map(() => 0), colour: '#888888', dashed: true }],
      extra: [band('95% interval', years, s.d.low, s.d.high, colourD, 0.25)],
    }), true);
    sides.card.dataset.series = diff.card.dataset.series = keyOf(s);
  };
  const show = (key) => {
    const [level, subject, metric] = key.split('|');
    pickLevel.value = level;
    fill(pickSubject, subjects(), subject);
    fill(pickMetric, metrics(), metric);
    draw();
  };
  pickLevel.addEventListener('change', () => { fill(pickSubject, subjects(), pickSubject.value); fill(pickMetric, metrics(), pickMetric.value); draw(); });
  pickSubject.addEventListener('change', () => { fill(pickMetric, metrics(), pickMetric.value); draw(); });
  pickMetric.addEventListener('change', draw);
  const start = firstSeries(data);
  if (start) show(keyOf(start));
  return (key) => { show(key); section.scrollIntoView({ behavior: 'smooth', block: 'start' }); };
}

export function compareView(root, data) {
  if (!data.series || !data.series.length) {
    root.append(el('p', { class: 'problems', text: 'This comparison has no series (effects.csv is empty).' }));
    return;
  }
  const marks = eventMarks(data.events || []);
  header(root, data, marks);
  const answer = el('div');
  root.append(answer);
  const show = explorer(root, data, marks);
  summaryTable(answer, data, show);
  root.append(el('footer', {}, el('p', { text: 'Made by urbis compare and urbis report. Charts: Apache ECharts. Colours: Okabe–Ito, readable with colour-blindness.' })));
}
