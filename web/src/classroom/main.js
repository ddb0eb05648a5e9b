// Entry of the classroom pages served by `urbis serve` (docs/CLASSROOM_API.md):
// routes on location.pathname to the live view, the teacher's room or the
// student's page.
import './classroom.css';

const app = document.getElementById('app');
app.textContent = `urbis classroom: ${location.pathname}`;
