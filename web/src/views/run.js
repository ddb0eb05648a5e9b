// The view of one run: header, map, global metrics, chosen states, largest networks.
import { categorical, targetColour } from '../palette.js';
import { chartCard, el, eventMarks, lineOption, missingCard, unitLabel } from './charts.js';
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
// called again with new data as a live run advances. A chart whose columns
// the run did not write is a card that says so, never a blank.
function globalCharts(parent, data) {
  const grid = el('div', { class: 'grid' });
  parent.append(el('section', { id: 'global' }, el('h2', { text: 'The world' }), grid));
  const cards = [];
  const g0 = data.global || {};
  // spec: the card; keys: the columns of global.csv it draws; option(g, o, d, unit).
  const add = (spec, keys, option) => {
    const present = keys.filter((k) => g0[k]);
    if (!present.length) {
      missingCard(grid, { ...spec, note: `Not in this run: global.csv has no ${keys.join(' or ')} column.` });
      return;
    }
    const unit = (k, fallback) => unitLabel(data.columns?.global, k, fallback);
    cards.push({ ...chartCard(grid, spec), option: (g, o, d) => option(g, o, d, unit, present) });
  };

  add({ title: 'Cooperation index', note: 'GDP-weighted mean of the cities\u2019 propensity to cooperate', id: 'chart-cooperation' },
    ['cooperation_index'],
    (g, o, d, unit) => lineOption({ ...o, yName: unit('cooperation_index', 'index'), series: [{ name: 'cooperation index', data: g.cooperation_index }] }));
  add({ title: 'Cities in networks', note: 'share of cities with at least one network membership' }, ['network_share'],
    (g, o) => lineOption({ ...o, percent: true, yName: '% of cities (0 to 100)', yMin: 0, series: [{ name: 'cities in networks', data: g.network_share }] }));
  const targets = data.targets?.network_count || [];
  add({ title: 'Active city networks',
    note: targets.length ? 'networks active at the end of each year; black: calibration targets (60 in 1985, 250–300 in 2018)'
      : data.meta?.world === 'synthetic' ? 'networks active at the end of each year (a synthetic world: no real-world calibration targets)'
        : 'networks active at the end of each year' },
  ['active_networks'],
  (g, o, d, unit) => lineOption({ ...o, yName: unit('active_networks', 'networks'), yMin: 0, series: [{ name: 'active networks', data: g.active_networks }], extra: targetSeries(d.targets?.network_count) }));
  add({ title: 'Network actions', note: 'actions per year of all networks, and of climate networks (mitigation G)' }, ['actions', 'mitigation'],
    (g, o, d, unit) => lineOption({ ...o, yName: unit('actions', 'actions per year'), yMin: 0, series: [
      g.actions ? { name: 'all networks', data: g.actions } : null,
      g.mitigation ? { name: 'climate (mitigation G)', data: g.mitigation } : null].filter(Boolean) }));
  add({ title: 'City–state tension and city autonomy', note: 'unweighted means over cities; tension has no upper bound, autonomy stays in 0 to 1' },
    ['mean_tension', 'mean_autonomy'],
    (g, o, d, unit) => lineOption({ ...o, yName: unit('mean_tension', 'index'), yMin: 0, series: [
      g.mean_tension ? { name: 'mean tension', data: g.mean_tension } : null,
      g.mean_autonomy ? { name: 'mean autonomy', data: g.mean_autonomy } : null].filter(Boolean) }));
  add({ title: 'Inequality between cities', note: 'population-weighted Gini of GDP per person' }, ['gini'],
    (g, o, d, unit) => lineOption({ ...o, yName: unit('gini', 'Gini coefficient'), series: [{ name: 'Gini', data: g.gini }] }));
  if (issues.some((q) => g0['salience_' + q]))
    add({ title: 'Public salience of issues', note: 'how much each issue counts in the public eye' }, issues.map((q) => 'salience_' + q),
      (g, o, d, unit) => lineOption({ ...o, yName: unit('salience_climate', 'index'), yMin: 0,
        series: issues.filter((q) => g['salience_' + q]).map((q) => ({ name: q, data: g['salience_' + q] })) }));
  return (d, marks, span) => {
    for (const c of cards) {
      c.chart.setOption(c.option(d.global || {}, { years: d.years || [], marks, span }, d), { replaceMerge: ['series'] });
      c.card.dataset.points = String(d.years.length);
    }
  };
}

const stateVariables = [
  { key: 'commitment', title: 'Climate commitment of the state', fallback: 'index' },
  { key: 'memberships_climate', title: 'Climate-network memberships of the state\u2019s cities', fallback: 'memberships' },
  { key: 'mean_tension', title: 'City–state tension', fallback: 'index', note: 'mean over the state\u2019s cities; no upper bound' },
  { key: 'populism', title: 'Populism of the government', fallback: 'index' },
];

// "USA · United States of America"; the code alone when the names are not known.
const stateLabel = (s, k) => {
  const name = s.names?.[s.iso3.indexOf(k)];
  return name && name !== k ? `${k} · ${name}` : k;
};

function stateCharts(parent, data) {
  let s = data.states;
  if (!s) return null;
  let chosen = [...s.chosen];
  let picked = false; // the reader added or removed a state
  const section = el('section', { id: 'states' }, el('h2', { text: 'States' }));
  parent.append(section);
  const chips = el('div', { class: 'chips' });
  const add = el('select', { 'aria-label': 'add a state', id: 'state-pick' });
  const fillAdd = () => add.replaceChildren(el('option', { value: '', text: 'add a state…' }),
    ...[...s.iso3].sort().map((k) => el('option', { value: k, text: stateLabel(s, k) })));
  fillAdd();
  section.append(el('p', { class: 'note', text: `Protagonists first (${(s.protagonists || []).map((k) => stateLabel(s, k)).join(', ') || 'none'}), then the largest economies. ` }),
    el('div', { class: 'controls' }, chips, add));
  const grid = el('div', { class: 'grid' });
  section.append(grid);
  const vars = stateVariables.filter((v) => s.series[v.key]);
  for (const v of stateVariables.filter((x) => !s.series[x.key]))
    missingCard(grid, { title: v.title, note: `Not in this run: states.csv has no ${v.key} column.` });
  const cards = vars.map((v) => chartCard(grid, { title: v.title, note: v.note }).chart);
  let years = data.years, marks = [], span;
  const draw = () => {
    chips.replaceChildren(...chosen.map((k, i) => el('button', {
      type: 'button', class: 'chip', title: 'remove', 'aria-label': `remove ${k}`, style: `border-color:${categorical[i % 7]}`,
      onclick: () => { chosen.splice(chosen.indexOf(k), 1); picked = true; draw(); },
    }, stateLabel(s, k) + ' ×')));
    vars.forEach((v, j) => cards[j].setOption(lineOption({
      // The legend by code (the chips above say the names), the tooltip by code and name.
      years, marks, span, yName: unitLabel(data.columns?.states, v.key, v.fallback), legend: true, legendLabel: (n) => n.split(' · ')[0],
      series: chosen.map((k, i) => ({ name: stateLabel(s, k), data: s.series[v.key][s.iso3.indexOf(k)] || [], colour: categorical[i % 7], dashed: i >= 7 })),
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

// Members over time of chosen networks: at first the named networks of the
// world data (C40, ICLEI, the Covenant of Mayors...) with the most members,
// then the largest others; any network can be added from the list.
function networkCharts(parent, data, live) {
  const list0 = data.networks?.list || [];
  if (!live && !list0.length) {
    parent.append(el('section', { id: 'networks' }, el('h2', { text: 'Networks' }),
      el('p', { class: 'note', text: 'No network was active in this run (networks.csv has no rows).' })));
    return null;
  }
  // A live run may have no networks yet: the chart comes with the first.
  const section = el('section', { id: 'networks' }, el('h2', { text: 'Networks' }));
  parent.append(section);
  const chips = el('div', { class: 'chips' });
  const input = el('input', { type: 'text', list: 'network-names', placeholder: 'add a network…', 'aria-label': 'add a network', id: 'network-add', size: 32 });
  const names = el('datalist', { id: 'network-names' });
  const note = el('p', { class: 'note' });
  section.append(note, el('div', { class: 'controls' }, chips, input, names));
  let chart = null;
  let n = data.networks || { list: [], chosen: [] };
  let chosen = [...(n.chosen || [])];
  let picked = false;
  let last = null;
  const label = (k) => `${k.name} (${k.issue}${k.named ? '' : ', founded in the run'})`;
  const fillNames = () => names.replaceChildren(...n.list.map((k) => el('option', { value: k.name, label: label(k) })));
  fillNames();
  const draw = () => {
    if (!last) return;
    const { d, marks, span } = last;
    const byName = new Map(n.list.map((k) => [k.name, k]));
    chosen = chosen.filter((k) => byName.has(k));
    chips.replaceChildren(...chosen.map((k, i) => el('button', {
      type: 'button', class: 'chip', title: 'remove', 'aria-label': `remove ${k}`, style: `border-color:${categorical[i % 7]}`,
      onclick: () => { chosen.splice(chosen.indexOf(k), 1); picked = true; draw(); },
    }, k + ' ×')));
    const named = n.list.filter((k) => k.named).length;
    note.textContent = `Named networks of the world data first (${named} in this run), then the largest founded in the run; ` +
      `${n.list.length.toLocaleString('en')} networks to choose from${n.total > n.list.length ? ` (of ${n.total.toLocaleString('en')})` : ''}. A line stops when a network ends.`;
    if (!chart) chart = chartCard(section, { title: 'Members of networks', note: 'member cities each year', height: 380 }).chart;
    chart.setOption(lineOption({
      years: d.years, marks, span, yName: unitLabel(d.columns?.networks, 'members', 'cities'), yMin: 0, legend: true, legendRight: true,
      series: chosen.map((k, i) => ({ name: label(byName.get(k)), data: byName.get(k).members, colour: categorical[i % 7], dashed: i >= 7 })),
    }), { replaceMerge: ['series'] });
  };
  input.addEventListener('change', () => {
    const name = input.value.trim();
    if (n.list.some((k) => k.name === name) && !chosen.includes(name)) { chosen.push(name); picked = true; }
    input.value = '';
    draw();
  });
  return (d, marks, span) => {
    const next = d.networks || { list: [], chosen: [] };
    if (!next.list.length) { section.hidden = true; return; }
    section.hidden = false;
    if (next.list.map((k) => k.name).join('\n') !== n.list.map((k) => k.name).join('\n')) { n = next; fillNames(); }
    n = next;
    if (!picked) chosen = [...(n.chosen || [])];
    last = { d, marks, span };
    draw();
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
