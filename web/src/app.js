// Renders the views from a data source (see data/sources.js): the same views
// serve the HTML report (embedded data) and a live server.
import { runView } from './views/run.js';
import { sweepView } from './views/sweep.js';

export async function mount(root, source) {
  const data = await source.load();
  root.replaceChildren();
  if (data.kind === 'sweep') sweepView(root, data);
  else runView(root, data);
  document.documentElement.dataset.ready = 'true';
  return data;
}
