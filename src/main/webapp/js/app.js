// @ts-check
// The room page: signs in (sign-in.js), opens the camera and microphone
// (media.js) and the session (session.js), and leaves the rest to them.

import { attachMedia, localMedia } from './media.js';
import { CLOSED_REASONS, openSession } from './session.js';
import { NO_SIGN_IN, demoToken, tokenFromFragment } from './sign-in.js';
import { RoomView } from './ui.js';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const roomId = decodeURIComponent(location.pathname.split('/').pop() || '');
const view = new RoomView();
/** `?videos=<n>`: how many other people's video to show at most (the Manager's VIDEO_LIMIT without it). */
const videos = Number.parseInt(new URLSearchParams(location.search).get('videos') || '', 10);
const videoLimit = videos > 0 ? videos : undefined;
/**
 * `?relay=udp|tcp|tls`: a switch for the tests, as if only the TURN relay
 * over that transport could pass the network (relay-only ICE).
 */
const relayParam = new URLSearchParams(location.search).get('relay');
const relay = relayParam && ['udp', 'tcp', 'tls'].includes(relayParam) ? relayParam : null;
/** @type {string | null} */
let token = tokenFromFragment();

/** @param {string | null} name the display name for the demo sign-in; null with a portal token */
async function join(name) {
  const button = /** @type {HTMLButtonElement} */ ($('join-button'));
  button.disabled = true;
  try {
    token = token || await demoToken(name || '');
  } catch (error) {
    view.banner(CLOSED_REASONS[NO_SIGN_IN]);
    button.disabled = false;
    return;
  }
  const stream = await localMedia(view);
  view.showCall();
  const { signaler, manager } = openSession({ roomId, token, stream, view, videoLimit, relay });
  attachMedia(manager, stream, view);
  // For debugging and for the browser tests.
  Object.assign(window, { rooms: { manager, signaler, view } });
  signaler.start();
}

$('room-title').textContent = roomId;
document.title = `${roomId} · Rooms`;
if (token) {
  $('join-form').hidden = true;
  join(null);
} else {
  $('join-hint').textContent = 'Demo sign-in: any name will do.';
  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    join(/** @type {HTMLInputElement} */ ($('display-name')).value.trim());
  });
  $('display-name').focus();
}
