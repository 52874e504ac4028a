// @ts-check
// The start page: open a room by its id.

import { Path, ROOM_ID } from './protocol.js';

const form = /** @type {HTMLFormElement} */ (document.getElementById('open-room'));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const field = /** @type {HTMLInputElement} */ (form.elements.namedItem('room'));
  const id = field.value.trim().toLowerCase();
  if (ROOM_ID.test(id)) {
    location.assign(Path.roomPage(id));
  }
});
