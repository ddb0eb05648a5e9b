// A page opened without ?room=CODE asks for the code.
import { normaliseCode, validCode } from './api.js';
import { el, topBar } from './ui.js';

export function roomForm(app, path, title) {
  const input = el('input', { id: 'room-code', class: 'code-input', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '8', required: '' });
  const form = el('form', { class: 'panel narrow' },
    el('label', { for: 'room-code', text: 'Room code' }), input,
    el('button', { type: 'submit', class: 'primary', text: 'Open' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = normaliseCode(input.value);
    if (validCode(code)) location.assign(`${path}?room=${code}${location.hash}`);
    else input.setCustomValidity('6 letters and digits, as shown by urbis serve');
    input.reportValidity();
  });
  input.addEventListener('input', () => input.setCustomValidity(''));
  app.append(topBar(title), form);
  document.documentElement.dataset.ready = 'true';
  input.focus();
}
