// Entry of the HTML report: the data embedded in the page.
import './report.css';
import { mount } from './app.js';
import { embeddedSource } from './data/sources.js';

export { mount, embeddedSource };

mount(document.getElementById('app'), embeddedSource()).catch((err) => {
  const app = document.getElementById('app');
  app.textContent = `This report could not be shown: ${err.message}`;
  console.error(err);
});
