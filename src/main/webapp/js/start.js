// The start page: open a room by its id.
const form = document.getElementById('open-room');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const id = form.elements.room.value.trim().toLowerCase();
  if (/^[a-z0-9_-]{1,64}$/.test(id)) {
    location.assign(`/r/${id}`);
  }
});
