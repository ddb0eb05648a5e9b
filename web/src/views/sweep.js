// The view of a sweep: fan charts of trajectories per design point, each
// metric against each varied parameter, and sensitivity indices with their
// confidence intervals.
import { categorical } from '../palette.js';
import { chartCard, el, fmtNumber, lineOption, unitLabel } from './charts.js';

const fanMetrics = {
  cooperation_index: { title: 'Cooperation index', unit: 'index (0–1)' },
  network_share: { title: 'Cities in networks', unit: 'share of cities (0–1)' },
  active_networks: { title: 'Active city networks', unit: 'networks' },
  mitigation: { title: 'Climate actions (mitigation G)', unit: 'actions per year' },
  mean_tension: { title: 'Mean city–state tension', unit: 'mean (0–1)' },
  gini: { title: 'Inequality between cities', unit: 'Gini (0–1)' },
};

// A design point by its parameter values: "economy.club_benefit = 0.004,
// coalitions.review_probability = 0.3".
export function pointName(data, point) {
  const v = data.point_values?.[String(point)];
  if (!v) return `point ${point}`;
  return Object.entries(v).map(([k, x]) => `${k} = ${typeof x === 'number' ? fmtNumber(x, 4) : x}`).join(', ') || `point ${point}`;
}

const isLog = (data, p) => data.scales?.[p] === 'log';

function header(root, data) {
  const m = data.meta;
  root.append(el('header', { class: 'top' },
    el('h1', {}, el('span', { class: 'brand', text: 'urbis' }), ' sweep ', m.sweep || ''),
    el('p', { class: 'facts', text: [
      m.scenario ? `scenario ${m.scenario}` : null, m.design ? `${m.design} design` : null,
      `${m.runs} runs${m.failed ? ` (${m.failed} failed)` : ''}`,
      m.replicates ? `${m.replicates} replicate${m.replicates === 1 ? '' : 's'} per point` : null,
      m.seed != null ? `seed ${m.seed}` : null,
      `parameters: ${data.parameters.map((p) => (isLog(data, p) ? `${p} (log scale)` : p)).join(', ')}`].filter(Boolean).join(' · ') })));
  const notes = [...(data.thinned || []).map((t) => `Thinned to keep the page small: ${t}.`), ...(data.problems || [])];
  if (notes.length) root.append(el('ul', { class: 'problems' }, ...notes.map((t) => el('li', { text: t }))));
}

// A band between two quantile lines: one quadrilateral per pair of years.
function band(name, years, lo, hi, colour, opacity) {
  return {
    type: 'custom', name, silent: true, tooltip: { show: false }, z: 1,
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

function fans(root, data) {
  const f = data.fans;
  if (!f) return;
  const section = el('section', { id: 'fans' }, el('h2', { text: 'Trajectories across replicates' }));
  root.append(section);
  const pick = el('select', { 'aria-label': 'design point' },
    ...f.points.map((p, i) => el('option', { value: i, text: `${pointName(data, p.point)} (${p.replicates} replicate${p.replicates === 1 ? '' : 's'})` })));
  section.append(el('div', { class: 'controls' }, el('label', {}, 'Design point ', pick)),
    el('p', { class: 'note', text: 'Median (line), 50% band (dark) and 90% band (light) across the replicates of the point.' }));
  const grid = el('div', { class: 'grid' });
  section.append(grid);
  const names = Object.keys(fanMetrics).filter((m) => f.points[0].metrics[m]);
  const charts = names.map((m) => chartCard(grid, { title: fanMetrics[m].title }).chart);
  const draw = () => {
    const p = f.points[Number(pick.value)];
    names.forEach((m, j) => {
      const q = p.metrics[m];
      const option = lineOption({ years: f.years, yName: unitLabel(data.columns?.global, m, fanMetrics[m].unit), legend: false, series: [{ name: 'median', data: q.q50, colour: categorical[0] }] });
      option.series.push(band('90% of replicates', f.years, q.q05, q.q95, categorical[0], 0.15), band('50% of replicates', f.years, q.q25, q.q75, categorical[0], 0.3));
      charts[j].setOption(option, true);
    });
  };
  pick.addEventListener('change', draw);
  draw();
}

function scatters(root, data) {
  if (!data.metrics.length || !data.parameters.length) return;
  const section = el('section', { id: 'scatter' }, el('h2', { text: 'Outcomes against parameters' }));
  root.append(section);
  const pick = el('select', { 'aria-label': 'metric' }, ...data.metrics.map((m) => el('option', { value: m, text: m })));
  section.append(el('div', { class: 'controls' }, el('label', {}, 'Metric ', pick)),
    el('p', { class: 'note', text: 'One dot per run that finished.' }));
  const grid = el('div', { class: 'grid' });
  section.append(grid);
  const charts = data.parameters.map((p) => {
    const { card, chart } = chartCard(grid, { title: p, note: isLog(data, p) ? 'sampled on a log scale: log axis' : undefined });
    card.dataset.xScale = isLog(data, p) ? 'log' : 'linear';
    return chart;
  });
  const draw = () => {
    const y = data.runs.values[pick.value];
    data.parameters.forEach((p, j) => {
      const x = data.runs.values[p];
      charts[j].setOption({
        animation: false,
        // Axis titles outside the tick labels: the y title above the plot,
        // the x title below the tick labels with room to spare.
        grid: { left: 64, right: 24, top: 34, bottom: 52 },
        tooltip: { trigger: 'item', formatter: (q) => `${p} = ${fmtNumber(q.value[0], 4)}<br>${pick.value} = ${fmtNumber(q.value[1], 4)}` },
        xAxis: { type: isLog(data, p) ? 'log' : 'value', name: p, nameLocation: 'middle', nameGap: 32, scale: true,
          axisLabel: { formatter: (v) => fmtNumber(v), hideOverlap: true, alignMinLabel: 'left', alignMaxLabel: 'right' } },
        yAxis: { type: 'value', name: pick.value, nameLocation: 'end', nameGap: 12, scale: true,
          nameTextStyle: { align: 'left', verticalAlign: 'bottom', color: '#444' }, axisLabel: { formatter: (v) => fmtNumber(v) } },
        series: [{ type: 'scatter', symbolSize: 5, itemStyle: { color: categorical[0], opacity: 0.6 }, data: x.map((v, i) => [v, y[i]]).filter((d) => d[0] != null && d[1] != null) }],
      }, true);
    });
  };
  pick.addEventListener('change', draw);
  draw();
}

function indices(root, data) {
  if (!data.indices?.length) return;
  const section = el('section', { id: 'indices' }, el('h2', { text: 'Sensitivity indices' }));
  root.append(section);
  const grid = el('div', { class: 'grid' });
  section.append(grid);
  for (const table of data.indices) {
    const metrics = [...new Set(table.rows.map((r) => r.metric))];
    for (const metric of metrics) {
      const rows = table.rows.filter((r) => r.metric === metric);
      const params = rows.map((r) => r.parameter);
      const measures = table.measures.filter((m) => rows.some((r) => r[m] != null));
      const { chart } = chartCard(grid, {
        title: `${table.method === 'sobol' ? 'Sobol' : 'Morris'} indices: ${metric}`,
        note: `${table.file}; bars: estimate, whiskers: confidence interval`, height: 60 + 40 * params.length,
      });
      const series = measures.map((m, i) => ({
        type: 'bar', name: m, data: rows.map((r) => r[m]), itemStyle: { color: categorical[i] },
      }));
      const whiskers = measures.filter((m) => rows.some((r) => r[m + '_ci'])).map((m, i) => ({
        type: 'custom', name: m, itemStyle: { color: '#000' }, tooltip: { show: false },
        renderItem: (params, api) => {
          const lo = api.coord([api.value(1), api.value(0)]);
          const hi = api.coord([api.value(2), api.value(0)]);
          const band = api.size([0, 1])[1];
          const offset = (measures.indexOf(m) - (measures.length - 1) / 2) * band * 0.8 / measures.length;
          const y = lo[1] + offset;
          return { type: 'group', children: [
            { type: 'line', shape: { x1: lo[0], y1: y, x2: hi[0], y2: y }, style: { stroke: '#000', lineWidth: 1.2 } },
            { type: 'line', shape: { x1: lo[0], y1: y - 4, x2: lo[0], y2: y + 4 }, style: { stroke: '#000', lineWidth: 1.2 } },
            { type: 'line', shape: { x1: hi[0], y1: y - 4, x2: hi[0], y2: y + 4 }, style: { stroke: '#000', lineWidth: 1.2 } }] };
        },
        data: rows.map((r, j) => (r[m + '_ci'] ? [j, r[m + '_ci'][0], r[m + '_ci'][1]] : [j, null, null])),
        encode: { y: 0, x: [1, 2] },
        z: 10,
      }));
      chart.setOption({
        animation: false,
        legend: { top: 0, data: measures },
        grid: { left: 200, right: 24, top: 30, bottom: 48 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', name: table.method === 'sobol' ? 'share of variance' : 'effect on the metric', nameLocation: 'middle', nameGap: 32,
          axisLabel: { alignMinLabel: 'left', alignMaxLabel: 'right' } },
        yAxis: { type: 'category', data: params, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
        series: [...series, ...whiskers],
      });
    }
  }
}

export function sweepView(root, data) {
  header(root, data);
  fans(root, data);
  scatters(root, data);
  indices(root, data);
  root.append(el('footer', {}, el('p', { text: 'Made by urbis report. Charts: Apache ECharts.' })));
}
