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

function globalCharts(parent, data, marks) {
  const g = data.global, years = data.years;
  const grid = el('div', { class: 'grid' });
  parent.append(el('section', { id: 'global' }, el('h2', { text: 'The world' }), grid));
  const add = (spec, option) => chartCard(grid, spec).chart.setOption(option);

  add({ title: 'Cooperation index', note: 'GDP-weighted mean of the cities\u2019 propensity to cooperate' },
    lineOption({ years, marks, yName: 'index (0–1)', series: [{ name: 'cooperation index', data: g.cooperation_index }] }));
  add({ title: 'Cities in networks', note: 'share of cities with at least one network membership' },
    lineOption({ years, marks, percent: true, yName: '% of cities', yMin: 0, series: [{ name: 'cities in networks', data: g.network_share }] }));
  add({ title: 'Active city networks', note: 'networks active at the end of each year; black: calibration targets (60 in 1985, 250–300 in 2018)' },
    lineOption({ years, marks, yName: 'networks', yMin: 0, series: [{ name: 'active networks', data: g.active_networks }], extra: targetSeries(data.targets?.network_count) }));
  add({ title: 'Network actions', note: 'actions per year of all networks, and of climate networks (mitigation G)' },
    lineOption({ years, marks, yName: 'actions per year', yMin: 0, series: [
      { name: 'all networks', data: g.actions }, { name: 'climate (mitigation G)', data: g.mitigation }] }));
  add({ title: 'City–state tension and city autonomy', note: 'unweighted means over cities' },
    lineOption({ years, marks, yName: 'mean (0–1)', series: [
      { name: 'mean tension', data: g.mean_tension }, { name: 'mean autonomy', data: g.mean_autonomy }] }));
  add({ title: 'Inequality between cities', note: 'population-weighted Gini of GDP per person' },
    lineOption({ years, marks, yName: 'Gini (0–1)', series: [{ name: 'Gini', data: g.gini }] }));
  const sal = issues.filter((q) => g['salience_' + q]).map((q) => ({ name: q, data: g['salience_' + q] }));
  if (sal.length)
    add({ title: 'Public salience of issues', note: 'how much each issue counts in the public eye' },
      lineOption({ years, marks, yName: 'salience (0–1)', yMin: 0, series: sal }));
}

const stateVariables = [
  { key: 'commitment', title: 'Climate commitment of the state', unit: 'commitment (0–1)' },
  { key: 'memberships_climate', title: 'Climate-network memberships of the state\u2019s cities', unit: 'memberships' },
  { key: 'mean_tension', title: 'City–state tension', unit: 'mean over the state\u2019s cities (0–1)' },
  { key: 'populism', title: 'Populism of the government', unit: 'populism (0–1)' },
];

function stateCharts(parent, data, marks) {
  const s = data.states;
  if (!s) return;
  const years = data.years;
  const chosen = [...s.chosen];
  const section = el('section', { id: 'states' }, el('h2', { text: 'States' }));
  parent.append(section);
  const chips = el('div', { class: 'chips' });
  const add = el('select', { 'aria-label': 'add a state' }, el('option', { value: '', text: 'add a state…' }),
    ...[...s.iso3].sort().map((k) => el('option', { value: k, text: k })));
  section.append(el('p', { class: 'note', text: `Protagonists first (${(s.protagonists || []).join(', ') || 'none'}), then the largest economies. ` }),
    el('div', { class: 'controls' }, chips, add));
  const grid = el('div', { class: 'grid' });
  section.append(grid);
  const vars = stateVariables.filter((v) => s.series[v.key]);
  const cards = vars.map((v) => chartCard(grid, { title: v.title }).chart);
  const draw = () => {
    chips.replaceChildren(...chosen.map((k, i) => el('button', {
      type: 'button', class: 'chip', title: 'remove', style: `border-color:${categorical[i % 7]}`,
      onclick: () => { chosen.splice(chosen.indexOf(k), 1); draw(); },
    }, k + ' ×')));
    vars.forEach((v, j) => cards[j].setOption(lineOption({
      years, marks, yName: v.unit, legend: true,
      series: chosen.map((k, i) => ({ name: k, data: s.series[v.key][s.iso3.indexOf(k)], colour: categorical[i % 7], dashed: i >= 7 })),
    }), { replaceMerge: ['series'] }));
  };
  add.addEventListener('change', () => {
    if (add.value && !chosen.includes(add.value)) chosen.push(add.value);
    add.value = '';
    draw();
  });
  draw();
}

function networkCharts(parent, data, marks) {
  if (!data.networks || !data.networks.length) return;
  const section = el('section', { id: 'networks' }, el('h2', { text: 'Networks' }));
  parent.append(section);
  const { chart } = chartCard(section, { title: 'Members of the largest networks', note: 'the networks with the most members at their peak; a line stops when a network ends', height: 380 });
  chart.setOption(lineOption({
    years: data.years, marks, yName: 'member cities', yMin: 0, legend: true, legendRight: true,
    series: data.networks.map((n, i) => ({ name: `${n.name} (${n.issue})`, data: n.members, dashed: i >= 4 })),
  }));
}

export function runView(root, data) {
  const marks = eventMarks(data.events);
  header(root, data, marks);
  mapView(root, data);
  globalCharts(root, data, marks);
  stateCharts(root, data, marks);
  networkCharts(root, data, marks);
  root.append(el('footer', {},
    el('p', { text: 'Made by urbis report. Charts: Apache ECharts. Country outlines: Natural Earth (public domain) via world-atlas. Colours: Okabe–Ito and viridis, readable with colour-blindness.' })));
}
