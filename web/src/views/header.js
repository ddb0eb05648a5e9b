// The report's header: scenario, description, run facts, how the run was
// made (the command line, the seed and every parameter that differs from
// the defaults, so a variant never reads like the baseline), what the report
// left out, and the key of the scenario's events (the lettered lines on
// every chart) and of the parameter changes of a live run (numbered Δ1, Δ2...).
import { el, fmtNumber } from './charts.js';

// "economy.club_benefit = 0.02 (--set)"
const overrideText = (o) => `${o.path} = ${typeof o.value === 'number' ? fmtNumber(o.value, 6) : String(o.value)}`;

function overridesPart(m) {
  const list = m.overrides || [];
  if (!list.length)
    return el('p', { class: 'facts params', text: 'Parameters: the defaults (configs/defaults.yaml), none changed.' });
  const bySet = list.filter((o) => o.from === '--set');
  const byScenario = list.filter((o) => o.from !== '--set');
  const part = el('div', { class: 'params' });
  if (bySet.length)
    part.append(el('p', { class: 'variant', text: `Changed on the command line (--set): ${bySet.map(overrideText).join(', ')}` }));
  if (byScenario.length)
    part.append(el('p', { class: 'facts', text: `Changed by the scenario (parameters:): ${byScenario.map(overrideText).join(', ')}` }));
  return part;
}

export function header(parent, data, marks) {
  const m = data.meta || {};
  const facts = [
    m.seed != null ? `seed ${m.seed}` : null,
    m.version ? `urbis ${m.version}` : null,
    m.start != null ? `${m.start}–${m.end}` : null,
    m.world === 'synthetic' ? 'synthetic world' : m.world === 'real' ? 'real world' : null,
    m.cities ? `${Number(m.cities).toLocaleString('en')} cities` : null,
    m.states ? `${m.states} states` : null,
    m.finished ? `run ${m.finished.replace('T', ' ').replace('Z', ' UTC')}` : null,
    m.wall_seconds != null ? `${Number(m.wall_seconds).toFixed(1)} s on ${m.threads} thread${m.threads === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  const h = el('header', { class: 'top' },
    el('h1', {}, el('span', { class: 'brand', text: 'urbis' }), ' ', m.scenario || 'report'),
    // YAML block text: join the lines of a sentence, keep a line break after '.' or ':'.
    m.description ? el('p', { class: 'description', text: m.description.trim().replace(/([^.:])\n(?!\n)/g, '$1 ') }) : null,
    el('p', { class: 'facts', text: facts.join(' · ') }),
    m.overrides ? overridesPart(m) : null,
    m.command_line ? el('p', { class: 'facts mono command', text: m.command_line }) : null);
  parent.append(h);
  const key = (kind, title, note, attrs) => {
    const list = el('ol', { class: 'events' });
    for (const mk of (marks || []).filter((m) => m.kind === kind))
      for (const e of mk.events)
        list.append(el('li', { 'data-year': mk.year },
          el('span', { class: 'letter', text: `${mk.letter} ${mk.year}` }), ' ', e.label));
    if (list.children.length)
      parent.append(el('section', { class: 'event-key', ...attrs }, el('h2', { text: title }), el('p', { class: 'note', text: note }), list));
  };
  key('event', 'Scenario events', 'Dashed lines on every chart, lettered as here.', {});
  key('change', 'Parameter changes', 'Changed in this run with the sliders; each takes effect from the next step. Solid lines on every chart, numbered as here.', { id: 'changes', class: 'event-key changes' });
  const notes = [
    ...(data.thinned || []).map((t) => `Thinned to keep the page small: ${t}.`),
    ...(data.problems || []),
  ];
  if (notes.length)
    parent.append(el('ul', { class: 'problems' }, ...notes.map((t) => el('li', { text: t }))));
}
