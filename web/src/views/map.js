// World map: cities as dots (area ~ GDP, colour = cooperation), the links of
// a chosen network, and a year slider. A synthetic world (its states are
// numbered S001, S002, ..., docs/SCENARIOS.md) has no real places: it is
// drawn as a compact diagram instead, each state a cluster of its cities,
// the largest at the centre, with no map behind it.
import echarts from '../echarts.js';
import { registerWorld } from '../world.js';
import { sequential } from '../palette.js';
import { el, fmtNumber } from './charts.js';

// Members of one network at each year, replayed from its changes.
function membersAt(changes, year) {
  const set = new Set();
  for (let i = 0; i < changes.length; i += 3) {
    if (changes[i] > year) break;
    if (changes[i + 2] > 0) set.add(changes[i + 1]);
    else set.delete(changes[i + 1]);
  }
  return set;
}

// Whether the cities are of a synthetic world (their coordinates are drawn
// at random around made-up state centres, and would sit in the oceans).
export function isSynthetic(cities) {
  const states = cities.state || [];
  return states.length > 0 && states.every((k) => /^S\d+$/.test(k));
}

// The synthetic world's diagram: states on a grid, most cities first, each
// state's cities on a sunflower spiral (even spacing, the largest economy at
// the centre, by GDP in the first year shown). Returns per city [x, y], the
// state labels and the extent.
export function syntheticLayout(cities) {
  const first = cities.values?.gdp_bn?.[0] || [];
  const size = (i) => first[i] ?? -i;
  const byState = new Map();
  cities.names.forEach((_, i) => {
    const k = cities.state[i];
    if (!byState.has(k)) byState.set(k, []);
    byState.get(k).push(i);
  });
  const states = [...byState.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const most = Math.max(1, ...states.map(([, list]) => list.length));
  const radius = Math.sqrt(most + 0.5); // of the largest spiral, step 1
  const cell = 2 * radius + 2.6; // room for the state's label above
  const cols = Math.max(1, Math.ceil(Math.sqrt(states.length * 1.5)));
  const rows = Math.ceil(states.length / cols);
  const xy = new Array(cities.names.length);
  const labels = [];
  states.forEach(([state, list], s) => {
    const cx = (s % cols + 0.5) * cell, cy = (rows - Math.floor(s / cols) - 0.5) * cell;
    list.sort((a, b) => size(b) - size(a) || a - b).forEach((i, k) => {
      const r = Math.sqrt(k + 0.5), a = k * 2.399963; // the golden angle
      xy[i] = [cx + r * Math.cos(a), cy + r * Math.sin(a) - 0.6];
    });
    labels.push({ name: state, value: [cx, cy + radius + 0.2] });
  });
  return { xy, labels, width: cols * cell, height: rows * cell };
}

// Where a label fits: to the right, or to the left near the right edge, so
// that it is not cut off.
const labelSide = (x, width) => (x > 0.72 * width ? 'left' : 'right');

// Builds the map; returns { update(data), highlight(cities) } for a live run.
//   follow: while the year slider is at the last year, it stays there as
//           new years arrive (a live run).
//   links: false starts with no network's links drawn.
//   highlight([{city, label}]): ringed and labelled cities (a classroom's
//           players).
export function mapView(parent, data, { follow = false, links = true } = {}) {
  const title = el('h2', { text: 'Cities of the world' });
  const section = el('section', { class: 'map-section', id: 'map' }, title);
  if (data.cities && isSynthetic(data.cities)) title.textContent = 'Cities of the world, by state (a synthetic world: no real map)';
  parent.append(section);
  const missing = el('p', { class: 'note', text: 'This run has no city outputs (cities.csv, places.csv), so there is no map.' });
  let built = null, marked = [];
  const update = (d) => {
    if (!d.cities) {
      if (!built) section.append(missing);
      return;
    }
    missing.remove();
    if (!built) built = buildMap(section, d.cities, follow, links);
    else built.update(d.cities);
    built.highlight(marked);
  };
  update(data);
  return {
    update,
    highlight(list) {
      marked = list || [];
      built?.highlight(marked);
    },
  };
}

function buildMap(section, cities, follow, withLinks) {
  let c = cities;
  let years = c.years;
  // A run may lack any city variable (output.cities.variables): without GDP
  // the dots are sized by population, without either all alike; without
  // cooperation they are one colour. The caption says which.
  let gdp, coop, mem, maxGdp, index, sizeBy;
  const load = () => {
    years = c.years;
    const values = c.values || {};
    sizeBy = values.gdp_bn ? 'gdp' : values.population_k ? 'population' : null;
    gdp = values.gdp_bn || values.population_k || years.map(() => c.names.map(() => 1));
    coop = values.cooperation; mem = values.memberships;
    maxGdp = 0;
    for (const row of gdp) for (const v of row) if (v > maxGdp) maxGdp = v;
    index = new Map(c.names.map((n, i) => [n, i]));
  };
  load();
  const synthetic = isSynthetic(c);
  const layout = synthetic ? syntheticLayout(c) : null;
  const at = (i) => (synthetic ? layout.xy[i] : [c.lon[i], c.lat[i]]);
  const system = synthetic ? 'cartesian2d' : 'geo';
  const side = (point) => (synthetic ? labelSide(point[0], layout.width) : labelSide(point[0] + 180, 360));
  const size = (v) => (!sizeBy ? 5 : v > 0 ? 2 + 22 * Math.sqrt(v / maxGdp) : 2);
  const sizeText = () => (sizeBy === 'gdp' ? `dot area ∝ GDP (largest ${fmtNumber(maxGdp)} bn USD)`
    : sizeBy === 'population' ? `dot area ∝ population (no GDP in this run; largest ${fmtNumber(maxGdp)} thousand people)`
      : 'dots all one size (no GDP or population in this run)');
  const colourText = () => (coop ? 'colour = cooperation (0 competitive – 1 cooperative)' : 'one colour (no cooperation in this run)');
  const shownText = () => (c.total > c.names.length
    ? ` The ${c.names.length.toLocaleString('en')} largest of ${c.total.toLocaleString('en')} cities are shown.` : '');

  let networks = Object.keys(c.links || {});
  const yearLabel = el('output', { class: 'year', text: String(years[years.length - 1] ?? '') });
  const slider = el('input', {
    type: 'range', min: 0, max: Math.max(0, years.length - 1), step: 1, value: Math.max(0, years.length - 1),
    'aria-label': 'year shown on the map', id: 'year-slider',
  });
  // Replays the years on the map: not the run's own play (a live view has one).
  const play = el('button', { type: 'button', class: 'play', id: 'map-animate', text: 'Animate the years' });
  const pick = el('select', { 'aria-label': 'network whose links are drawn', id: 'network-pick' });
  const fillPick = () => {
    const was = pick.value;
    pick.replaceChildren(el('option', { value: '', text: 'no network links' }),
      ...networks.map((n) => el('option', { value: n, text: c.link_issues?.[n] ? `${n} (${c.link_issues[n]})` : n })));
    if (was && networks.includes(was)) pick.value = was;
  };
  fillPick();
  // C40 when the run has it (the climate story), else the largest climate network.
  const climate = networks.filter((n) => c.link_issues?.[n] === 'climate');
  pick.value = !withLinks ? '' : networks.includes('C40') ? 'C40' : climate[0] || networks[0] || '';
  const caption = el('p', { class: 'note' });
  section.append(
    el('div', { class: 'controls' },
      el('label', {}, 'Year ', slider, ' ', yearLabel), play,
      el('label', {}, 'Links of ', pick)),
    caption);
  const box = el('div', { class: 'chart map', style: 'height:520px' });
  section.append(box);
  // A diagram keeps its cells square: the box as tall as the grid is wide.
  if (layout) box.style.height = `${Math.round(Math.min(680, Math.max(280, ((box.clientWidth || 1000) - 20) * layout.height / layout.width + 70)))}px`;
  const chart = echarts.init(box, null, { renderer: 'svg' });
  window.addEventListener('resize', () => chart.resize());

  const pad = layout ? 1.5 : 0;
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: synthetic ? 'Diagram of the cities of a synthetic world, grouped by state' : 'World map of the cities of the run' } },
    tooltip: { trigger: 'item' },
    ...(synthetic ? {
      // No map: the states' clusters on hidden axes, square cells.
      grid: { top: 10, bottom: 60, left: 10, right: 10, containLabel: false },
      xAxis: { type: 'value', show: false, min: -pad, max: layout.width + pad },
      yAxis: { type: 'value', show: false, min: -pad, max: layout.height + pad },
    } : {
      geo: {
        map: registerWorld(), roam: true, top: 10, bottom: 60, left: 10, right: 10,
        itemStyle: { areaColor: '#ecebe6', borderColor: '#b9b6ad', borderWidth: 0.5 },
        emphasis: { disabled: true }, select: { disabled: true }, silent: true,
      },
    }),
    visualMap: {
      type: 'continuous', min: 0, max: 1, dimension: 3, seriesIndex: 0, calculable: false, show: !!coop,
      orient: 'horizontal', left: 'center', bottom: 8, itemWidth: 12, itemHeight: 220,
      text: ['cooperative 1', 'competitive 0'], textGap: 8, textStyle: { fontSize: 12 },
      inRange: { color: sequential },
    },
    series: [
      {
        id: 'cities', type: 'scatter', coordinateSystem: system, name: 'cities',
        symbolSize: (v) => size(v[2]),
        itemStyle: { opacity: 0.85, borderColor: '#ffffff', borderWidth: 0.3 },
        tooltip: {
          formatter: (p) => {
            const [, , g, x, i, m] = p.value;
            const sized = sizeBy === 'gdp' ? `GDP ${fmtNumber(g)} bn USD` : sizeBy === 'population' ? `population ${fmtNumber(g)} thousand` : null;
            return [`<b>${c.names[i]}</b> (${c.state[i]})`, sized, coop ? `cooperation ${fmtNumber(x, 2)}` : null,
              mem ? `memberships ${m ?? '–'}` : null].filter(Boolean).join('<br>');
          },
        },
        data: [],
      },
      {
        id: 'links', type: 'lines', coordinateSystem: system, silent: true, polyline: false,
        lineStyle: { color: '#D55E00', width: 0.8, opacity: 0.55, curveness: 0.2 }, data: [],
      },
      {
        // Highlighted cities (a classroom's players): a black ring and a label.
        id: 'marked', type: 'scatter', coordinateSystem: system, name: 'players', z: 5,
        symbol: 'circle', symbolSize: 20,
        itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#000000', borderWidth: 2.5 },
        label: { show: true, position: 'right', formatter: (p) => p.name, fontSize: 12, fontWeight: 'bold', color: '#000', backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3] },
        tooltip: { formatter: (p) => `<b>${p.name}</b>` },
        data: [],
      },
      ...(synthetic ? [{
        // The states' names, above their clusters.
        id: 'states', type: 'scatter', coordinateSystem: system, silent: true, symbolSize: 0, z: 4,
        label: { show: true, position: 'inside', formatter: (p) => p.name, fontSize: 11, color: '#555' },
        data: layout.labels,
      }] : []),
    ],
  });

  const draw = () => {
    if (!years.length) { // a live run before its first year
      caption.textContent = 'No year simulated yet.';
      box.dataset.cities = '0';
      chart.setOption({ series: [{ id: 'cities', data: [] }, { id: 'links', data: [] }] });
      return;
    }
    const y = Math.min(Number(slider.value), years.length - 1);
    const year = years[y];
    yearLabel.textContent = String(year);
    box.dataset.year = String(year);
    const dots = [];
    for (let i = 0; i < c.names.length; ++i) {
      if (gdp[y][i] == null) continue;
      const [x0, y0] = at(i);
      dots.push([x0, y0, gdp[y][i], coop ? coop[y][i] : 0.5, i, mem ? mem[y][i] : null]);
    }
    dots.sort((a, b) => b[2] - a[2]); // small dots on top of large ones
    let links = [];
    let linkOpacity = 0.5;
    const name = pick.value;
    if (name) {
      const members = [...membersAt(c.links[name], year)];
      let hub = -1;
      for (const i of members) if (hub < 0 || (gdp[y][i] ?? 0) > (gdp[y][hub] ?? 0)) hub = i;
      links = members.filter((i) => i !== hub).map((i) => ({ coords: [at(hub), at(i)] }));
      linkOpacity = Math.min(0.7, Math.max(0.12, 6 / Math.sqrt(links.length + 1)));
      caption.textContent = `${year}: ${dots.length.toLocaleString('en')} cities; ${sizeText()}, ${colourText()}. ` +
        (members.length ? `${name}: ${members.length} members, linked to its largest ${sizeBy === 'gdp' ? 'economy' : 'city'}, ${c.names[hub]}.` : `${name} has no members in ${year}.`) + shownText();
    } else {
      caption.textContent = `${year}: ${dots.length.toLocaleString('en')} cities; ${sizeText()}, ${colourText()}.${shownText()}`;
    }
    box.dataset.cities = String(dots.length);
    chart.setOption({ series: [{ id: 'cities', data: dots }, { id: 'links', data: links, lineStyle: { opacity: linkOpacity } }] });
  };
  slider.addEventListener('input', draw);
  pick.addEventListener('change', draw);
  let timer = null;
  play.addEventListener('click', () => {
    if (timer) { clearInterval(timer); timer = null; play.textContent = 'Animate the years'; return; }
    if (Number(slider.value) >= years.length - 1) slider.value = 0;
    play.textContent = 'Stop the animation';
    timer = setInterval(() => {
      if (Number(slider.value) >= years.length - 1) { clearInterval(timer); timer = null; play.textContent = 'Animate the years'; return; }
      slider.value = Number(slider.value) + 1;
      draw();
    }, 400);
  });
  draw();
  return {
    update(next) {
      const atEnd = Number(slider.value) >= years.length - 1;
      c = next;
      load();
      const names = Object.keys(c.links || {});
      if (names.join('\n') !== networks.join('\n')) { networks = names; fillPick(); }
      slider.max = String(Math.max(0, years.length - 1));
      if ((follow && atEnd && !timer) || Number(slider.value) > years.length - 1) slider.value = String(Math.max(0, years.length - 1));
      draw();
    },
    highlight(list) {
      const points = [];
      for (const { city, label } of list) {
        const i = index.get(city);
        if (i == null) continue;
        const point = at(i);
        points.push({ name: label || city, value: point, label: { position: side(point) } });
      }
      box.dataset.marked = String(points.length);
      chart.setOption({ series: [{ id: 'marked', data: points }] });
    },
  };
}
