// Entry of the classroom pages served by `urbis serve` (docs/CLASSROOM_API.md):
// routes on location.pathname to the live view, the teacher's room, the
// projector view or the student's page.
import './classroom.css';
import { livePage } from './live.js';
import { projectorPage } from './projector.js';
import { studentPage } from './student.js';
import { teacherPage } from './teacher.js';

// No favicon request (a 404 in the console).
if (!document.querySelector('link[rel~="icon"]'))
  document.head.append(Object.assign(document.createElement('link'), { rel: 'icon', href: 'data:,' }));
let app = document.getElementById('app');
if (!app) {
  app = document.createElement('div');
  app.id = 'app';
  document.body.append(app);
}
app.replaceChildren();
document.body.classList.add('classroom');

const routes = { '/live': livePage, '/teacher': teacherPage, '/projector': projectorPage, '/join': studentPage, '/': studentPage };
const page = routes[location.pathname.replace(/\/+$/, '') || '/'];
const titles = { '/live': 'live', '/teacher': 'classroom', '/projector': 'projector', '/join': 'join' };
document.title = `urbis ${titles[location.pathname.replace(/\/+$/, '')] || 'classroom'}`;
Promise.resolve(page ? page(app) : studentPage(app)).catch((err) => {
  app.append(Object.assign(document.createElement('p'), { className: 'message error', textContent: `This page could not be shown: ${err.message}` }));
  console.error(err);
});
