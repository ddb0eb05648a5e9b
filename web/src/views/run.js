// The view of one run: header, map, global metrics, chosen states, largest networks.
import { categorical, targetColour } from '../palette.js';
import { chartCard, el, eventMarks, lineOption } from './charts.js';
import { header } from './header.js';
import { mapView } from './map.js';

const issues = ['climate', 'health', 'security', 'resilience', 'economy', 'peace'];

// Calibration targets as extra series: points, and ranges drawn as error bars.
function targetSeries(targets) {
  if (!targets || !targets.length) return [];
  const points = targets.filter((t) => t.value != null).map((t) => ({ value: [t.year, t.value], name: t.note || '' }));
  const ranges = targets.filter((t) => t.low != null && t.high != null);
  return [{
    type: 'custom',
    name: 'calibration target',
    itemStyle: { color: targetColour },
    tooltip: { trigger: 'item', formatter: (p) => `calibration target ${p.value[0]}: ${p.value[1]}${p.value[2] !== p.value[1] ? '–' + p.value[2] : ''}` },
    renderItem: (params, api) => {
      const x = api.coord([api.value(0), api.value(1)]);
      const top = api.coord([api.value(0), api.value(2)]);
      const style = { stroke: targetColour, lineWidth: 2, fill: targetColour };
      if (api.value(1) === api.value(2))
        return { type: 'path', shape: { pathData: 'M0,-6L6,0L0,6L-6,0Z', x: x[0] - 6, y: x[1] - 6, width: 12, height: 12 }, style };
      return {
        type: 'group', children: [
          { type: 'line', shape: { x1: x[0], y1: x[1], x2: top[0], y2: top[1] }, style },
          { type: 'line', shape: { x1: x[0] - 6, y1: x[1], x2: x[0] + 6, y2: x[1] }, style },
          { type: 'line', shape: { x1: top[0] - 6, y1: top[1], x2: top[0] + 6, y2: top[1] }, style },
        ],
      };
    },
    encode: { x: 0, y: [1, 2] },
    data: [...points.map((p) => [p.value[0], p.value[1], p.value[1]]), ...ranges.map((t) => [t.year, t.low, t.high])],
    z: 10,
  }];
}

// Each section builds its cards once and returns draw(data, marks, span),
// called again with new data as a live run advances.
function globalCharts(parent, data) {
  const grid = el('div', { class: 'grid' });
  parent.append(el('section', { id: 'global' }, el('h2', { text: 'The world' }), grid));
  const cards = [];
  const add = (spec, option) => cards.push({ ...chartCard(grid, spec), option });

  add({ title: 'Cooperation index', note: 'GDP-weighted mean of the cities\u2019 propensity to cooperate', id: 'chart-cooperation' },
    (g, o) => lineOption({ ...o, yName: 'index (0–1)', series: [{ name: 'cooperation index', data: g.cooperation_index }] }));
  add({ title: 'Cities in networks', note: 'share of cities with at least one network membership' },
    (g, o) => lineOption({ ...o, percent: true, yName: '% of cities', yMin: 0, series: [{ name: 'cities in networks', data: g.network_share }] }));
  add({ title: 'Active city networks', note: 'networks active at the end of each year; black: calibration targets (60 in 1985, 250–300 in 2018)' },
    (g, o, d) => lineOption({ ...o, yName: 'networks', yMin: 0, series: [{ name: 'active networks', data: g.active_networks }], extra: targetSeries(d.targets?.network_count) }));
  add({ title: 'Network actions', note: 'actions per year of all networks, and of climate networks (mitigation G)' },
    (g, o) => lineOption({ ...o, yName: 'actions per year', yMin: 0, series: [
      { name: 'all networks', data: g.actions }, { name: 'climate (mitigation G)', data: g.mitigation }] }));
  add({ title: 'City–state tension and city autonomy', note: 'unweighted means over cities' },
    (g, o) => lineOption({ ...o, yName: 'mean (0–1)', series: [
      { name: 'mean tension', data: g.mean_tension }, { name: 'mean autonomy', data: g.mean_autonomy }] }));
  add({ title: 'Inequality between cities', note: 'population-weighted Gini of GDP per person' },
    (g, o) => lineOption({ ...o, yName: 'Gini (0–1)', series: [{ name: 'Gini', data: g.gini }] }));
  if (issues.some((q) => data.global?.['salience_' + q]))
    add({ title: 'Public salience of issues', note: 'how much each issue counts in the public eye' },
      (g, o) => lineOption({ ...o, yName: 'salience (0–1)', yMin: 0,
        series: issues.filter((q) => g['salience_' + q]).map((q) => ({ name: q, data: g['salience_' + q] })) }));
  return (d, marks, span) => {
    for (const c of cards) {
      c.chart.setOption(c.option(d.global || {}, { years: d.years || [], marks, span }, d), { replaceMerge: ['series'] });
      c.card.dataset.points = String(d.years.length);
    }
  };
}

const stateVariables = [
  { key: 'commitment', title: 'Climate commitment of the state', unit: 'commitment (0–1)' },
  { key: 'memberships_climate', title: 'Climate-network memberships of the state\u2019s cities', unit: 'memberships' },
  { key: 'mean_tension', title: 'City–state tension', unit: 'mean over the state\u2019s cities (0–1)' },
  { key: 'populism', title: 'Populism of the government', unit: 'populism (0–1)' },
];

function stateCharts(parent, data) {
  let s = data.states;
  if (!s) return null;
  let chosen = [...s.chosen];
  let picked = false; // the reader added or removed a state
  const section = el('section', { id: 'states' }, el('h2', { text: 'States' }));
  parent.append(section);
  const chips = el('div', { class: 'chips' });
  const add = el('select', { 'aria-label': 'add a state' });
  const fillAdd = () => add.replaceChildren(el('option', { value: '', text: 'add a state…' }),
    ...[...s.iso3].sort().map((k) => el('option', { value: k, text: k })));
  fillAdd();
  section.append(el('p', { class: 'note', text: `Protagonists first (${(s.protagonists || []).join(', ') || 'none'}), then the largest economies. ` }),
    el('div', { class: 'controls' }, chips, add));
  const grid = el('div', { class: 'grid' });
  section.append(grid);
  const vars = stateVariables.filter((v) => s.series[v.key]);
  const cards = vars.map((v) => chartCard(grid, { title: v.title }).chart);
  let years = data.years, marks = [], span;
  const draw = () => {
    chips.replaceChildren(...chosen.map((k, i) => el('button', {
      type: 'button', class: 'chip', title: 'remove', 'aria-label': `remove ${k}`, style: `border-color:${categorical[i % 7]}`,
      onclick: () => { chosen.splice(chosen.indexOf(k), 1); picked = true; draw(); },
    }, k + ' ×')));
    vars.forEach((v, j) => cards[j].setOption(lineOption({
      years, marks, span, yName: v.unit, legend: true,
      series: chosen.map((k, i) => ({ name: k, data: s.series[v.key][s.iso3.indexOf(k)] || [], colour: categorical[i % 7], dashed: i >= 7 })),
    }), { replaceMerge: ['series'] }));
  };
  add.addEventListener('change', () => {
    if (add.value && !chosen.includes(add.value)) { chosen.push(add.value); picked = true; }
    add.value = '';
    draw();
  });
  return (d, m, sp) => {
    if (d.states) {
      // A live run's largest economies are known once it has run a year.
      if (!picked && d.states.chosen.join() !== s.chosen.join()) chosen = [...d.states.chosen];
      if (d.states.iso3.join() !== s.iso3.join()) { s = d.states; fillAdd(); }
      s = d.states;
    }
    years = d.years; marks = m; span = sp;
    draw();
  };
}

function networkCharts(parent, data, live) {
  if (!live && (!data.networks || !data.networks.length)) return null;
  // A live run may have no networks yet: the chart comes with the first.
  const section = el('section', { id: 'networks' }, el('h2', { text: 'Networks' }));
  parent.append(section);
  let chart = null;
  return (d, marks, span) => {
    if (!d.networks || !d.networks.length) { section.hidden = true; return; }
    section.hidden = false;
    if (!chart) chart = chartCard(section, { title: 'Members of the largest networks', note: 'the networks with the most members at their peak; a line stops when a network ends', height: 380 }).chart;
    chart.setOption(lineOption({
    years: d.years, marks, span, yName: 'member cities', yMin: 0, legend: true, legendRight: true,
    series: d.networks.map((n, i) => ({ name: `${n.name} (${n.issue})`, data: n.members, dashed: i >= 4 })),
    }), { replaceMerge: ['series'] });
  };
}

// The marks of a run: its scenario events and (live) its parameter changes.
export const runMarks = (data) => eventMarks(data.events, data.changes);

// Builds the view; returns { update(data) } for a live run. Options:
//   live: the x axes span the whole scenario (meta.start–end) while the run
//         grows, and the map follows the latest year;
//   map: false leaves the map out.
export function runView(root, data, { live = false, map = true } = {}) {
  const top = el('div', { class: 'run-header' });
  root.append(top);
  const mapPart = map ? mapView(root, data, { follow: live }) : null;
  const parts = [globalCharts(root, data), stateCharts(root, data), networkCharts(root, data, live)].filter(Boolean);
  root.append(el('footer', {},
    el('p', { text: 'Made by urbis. Charts: Apache ECharts. Country outlines: Natural Earth (public domain) via world-atlas. Colours: Okabe–Ito and viridis, readable with colour-blindness.' })));
  const draw = (d) => {
    const marks = runMarks(d);
    const span = live && d.meta?.start != null && d.meta?.end != null ? [d.meta.start, d.meta.end] : undefined;
    top.replaceChildren();
    header(top, d, marks);
    for (const p of parts) p(d, marks, span);
  };
  draw(data);
  return {
    update(d) {
      draw(d);
      mapPart?.update(d);
    },
    map: mapPart,
  };
}
