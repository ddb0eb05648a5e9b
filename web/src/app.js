// Renders the views from a data source (see data/sources.js): the same views
// serve the HTML report (embedded data) and a live server.
import { runView } from './views/run.js';
import { sweepView } from './views/sweep.js';
import { classView } from './views/class.js';
import { compareView } from './views/compare.js';

// Returns the view ({ update(data) } for a run) once the first data is shown;
// a source that can subscribe updates it as a live run advances.
//   options: passed to runView ({ live, map })
export async function mount(root, source, options = {}) {
  const data = await source.load();
  root.replaceChildren();
  const view = data.kind === 'sweep' ? sweepView(root, data)
    : data.kind === 'comparison' ? compareView(root, data)
    : runView(root, data, options);
  // A class's debrief: the class after the run's header, before its map.
  if (data.class) classView(root, data.class, { before: root.children[1] || null });
  if (view && view.update && source.subscribe) source.subscribe((d) => view.update(d));
  document.documentElement.dataset.ready = 'true';
  return view;
}
