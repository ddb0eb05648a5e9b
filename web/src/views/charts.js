// Time-series charts shared by the run and sweep views.
import echarts from '../echarts.js';
import { categorical, changeColour, eventColour } from '../palette.js';

const charts = new Set();
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

// A titled card holding one chart; returns { card, chart }.
export function chartCard(parent, { title, note, id, height = 300 }) {
  const box = el('div', { class: 'chart', style: `height:${height}px` });
  const card = el('figure', { class: 'card', id: id || null },
    el('figcaption', {}, el('h3', { text: title }), note ? el('p', { class: 'note', text: note }) : null), box);
  if (!id) card.removeAttribute('id');
  parent.append(card);
  const chart = echarts.init(box, null, { renderer: 'svg' });
  charts.add(chart);
  return { card, chart };
}

// A titled card that says why its chart is not there (a column the run did
// not write): the page keeps its shape and tells the reader what is missing.
export function missingCard(parent, { title, note, id }) {
  const card = el('figure', { class: 'card missing', id: id || null },
    el('figcaption', {}, el('h3', { text: title })), el('p', { class: 'missing-note', text: note }));
  if (!id) card.removeAttribute('id');
  parent.append(card);
  return card;
}

// An axis title from the data dictionary (data.columns, from
// analysis/observables.cpp): the unit and the range the model keeps the value
// in, such as "index (0 to 1)" or "index (≥ 0)". `fallback` when the run's
// data carries no dictionary (a live server of an older version).
export function unitLabel(columns, key, fallback = '') {
  const c = columns?.[key];
  if (!c) return fallback;
  const unit = c.unit || fallback;
  return c.range ? `${unit} (${c.range})` : unit;
}

export const fmtNumber = (v, digits = 3) => {
  if (v == null || Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e6) return (v / 1e6).toLocaleString('en', { maximumFractionDigits: 1 }) + ' M';
  if (a >= 1e3) return Math.round(v).toLocaleString('en');
  return Number(v.toPrecision(digits)).toLocaleString('en', { maximumFractionDigits: 3 });
};

// Events grouped by year, lettered A, B, C... in time order; parameter
// changes of a live run (urbis serve), grouped by year and numbered Δ1, Δ2...,
// with kind 'change'. Labels of years close together are stacked (level 0, 1,
// 2 above the plot).
export function eventMarks(events, changes = []) {
  const group = (list, label) => {
    const byYear = new Map();
    for (const e of list || []) {
      if (!byYear.has(e.year)) byYear.set(e.year, []);
      byYear.get(e.year).push(label ? { ...e, label: label(e) } : e);
    }
    return [...byYear.entries()].sort((a, b) => a[0] - b[0]);
  };
  const marks = [
    ...group(events).map(([year, list], i) => ({ year, kind: 'event', letter: String.fromCharCode(65 + (i % 26)), events: list })),
    ...group(changes, changeLabel).map(([year, list], i) => ({ year, kind: 'change', letter: `Δ${i + 1}`, events: list })),
  ].sort((a, b) => a.year - b.year || (a.kind === 'change') - (b.kind === 'change'));
  let last = -Infinity, level = 0;
  for (const m of marks) {
    level = m.year - last < 6 ? (level + 1) % 3 : 0;
    last = m.year;
    m.level = level;
  }
  return marks;
}

// Readable names of the parameters a live run can change.
export const paramNames = {
  'competition.contest_exponent': 'contest exponent',
  'economy.club_benefit': 'club benefit',
  'learning.imitation_probability': 'imitation strength',
  populism: 'populism',
  salience: 'issue salience',
};

// "club benefit → 0.05", "populism of USA → 0.7", "salience of climate → 0.8".
export function changeLabel(c) {
  const name = paramNames[c.param] || c.param;
  const v = c.value;
  if (v && typeof v === 'object') {
    const of = v.state || v.issue;
    return `${name}${of ? ' of ' + of : ''} \u2192 ${fmtNumber(v.value)}`;
  }
  return `${name} \u2192 ${fmtNumber(v)}`;
}

const markLevels = (marks) => (marks && marks.length ? 1 + Math.max(...marks.map((m) => m.level)) : 0);

function markLineOf(marks) {
  if (!marks || !marks.length) return undefined;
  return {
    silent: false,
    symbol: ['none', 'none'],
    animation: false,
    lineStyle: { color: eventColour, type: [4, 3], width: 1 },
    label: { show: true, position: 'end', color: '#333', fontSize: 11, distance: 2 },
    tooltip: { trigger: 'item' },
    emphasis: { disabled: true },
    data: marks.map((m) => ({
      xAxis: m.year,
      name: m.events.map((e) => e.label).join('; '),
      label: { formatter: `${m.letter} ${m.year}`, distance: 2 + 13 * m.level, ...(m.kind === 'change' ? { color: changeColour, fontWeight: 'bold' } : {}) },
      ...(m.kind === 'change' ? { lineStyle: { color: changeColour, type: 'solid', width: 1.5 } } : {}),
    })),
  };
}

// Options of a year-axis line chart.
//   years: [..]; series: [{name, data:[..], colour?, dashed?, area?}]
//   yName: axis title with unit; marks: eventMarks(); extra: more series;
//   span: [first, last] year of the x axis (a live run: the whole scenario)
//   legendLabel: how a series is named in the legend (the tooltip keeps its full name)
export function lineOption({ years, series, yName, yMin, yMax, marks, extra = [], percent = false, legend, legendRight = false, span, legendLabel }) {
  const showLegend = legend ?? series.length + extra.length > 1;
  const s = series.map((x, i) => ({
    type: 'line',
    name: x.name,
    data: years.map((y, j) => [y, x.data[j] == null ? null : percent ? x.data[j] * 100 : x.data[j]]),
    showSymbol: false,
    connectNulls: false,
    lineStyle: { width: 2, type: x.dashed ? 'dashed' : 'solid' },
    itemStyle: { color: x.colour || categorical[i % categorical.length] },
    areaStyle: x.area ? { opacity: 0.15 } : undefined,
    markLine: i === 0 ? markLineOf(marks) : undefined,
    emphasis: { focus: 'series' },
  }));
  // Top to bottom: the legend, the y axis's title, the event letters, the
  // plot. The title sits above the plot, left-aligned on the axis, so it can
  // never run into the tick labels beside the axis, however wide they are.
  const markSpace = 16 * markLevels(marks);
  return {
    animation: false,
    aria: { enabled: true },
    grid: {
      left: 64, right: legendRight ? 340 : 28, bottom: 30,
      top: (showLegend && !legendRight ? 30 : 4) + (yName ? 20 : 0) + 8 + markSpace,
    },
    legend: !showLegend ? undefined : legendRight
      ? { orient: 'vertical', right: 0, top: 'middle', itemWidth: 18, textStyle: { fontSize: 12, width: 290, overflow: 'truncate' }, formatter: legendLabel }
      : { top: 0, type: 'scroll', itemWidth: 18, textStyle: { fontSize: 12 }, formatter: legendLabel },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v == null ? '–' : fmtNumber(v) + (percent ? ' %' : '')),
    },
    // The x axis is years: its tick labels say so.
    xAxis: {
      type: 'value', min: span ? span[0] : years[0], max: span ? span[1] : years[years.length - 1], minInterval: 1,
      // The first and last year inside the plot's width, clear of the y axis's lowest label.
      axisLabel: { formatter: (v) => String(v), alignMinLabel: 'left', alignMaxLabel: 'right' }, splitLine: { show: false },
    },
    yAxis: {
      type: 'value', name: yName, nameLocation: 'end', nameGap: 10 + markSpace, min: yMin, max: yMax,
      nameTextStyle: { align: 'left', verticalAlign: 'bottom', color: '#444' },
      axisLabel: { formatter: (v) => fmtNumber(v) },
    },
    series: [...s, ...extra],
  };
}
