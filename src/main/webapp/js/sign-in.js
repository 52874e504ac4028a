// @ts-check
// Sign-in, and the one-time ticket every socket is opened with.
//
// A portal opens /r/{room}#token=<jwt>; the page reads the token once and
// removes it from the address bar. Without one (the dev configuration) the
// person types a name and the demo sign-in makes a token. Either way the
// socket is opened with a one-time ticket (PROTOCOL.md 1.1), never with the
// token in the URL.

import { Path } from './protocol.js';

/** The reason a session ends when there is no way to sign in here (not a wire name). */
export const NO_SIGN_IN = 'no-sign-in';

/**
 * An error the Signaler does not retry; `reason` is what the page is told.
 * @param {string} message
 * @param {string} reason
 */
function refused(message, reason) {
  return Object.assign(new Error(message), { final: true, reason });
}

/** The portal's token from the address, once: it is removed from the address bar. */
export function tokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    history.replaceState(null, '', location.pathname + location.search);
    return decodeURIComponent(match[1]);
  }
  return null;
}

/**
 * A token from the demo sign-in, for a user id kept for this browser tab.
 * @param {string} name the display name
 * @returns {Promise<string>}
 */
export async function demoToken(name) {
  let user = sessionStorage.getItem('rooms.user');
  if (!user) {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'guest';
    user = `${slug}-${Math.random().toString(36).slice(2, 8)}`;
    sessionStorage.setItem('rooms.user', user);
  }
  const answer = await fetch(Path.devToken, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, name, ttl: 43200 }),
  });
  if (answer.status === 404) {
    throw refused('sign-in', NO_SIGN_IN);
  }
  return (await answer.json()).token;
}

/**
 * The socket URL with a fresh ticket (a ticket works once, so one per attempt).
 * @param {string} roomId
 * @param {string} token
 */
export async function ticketUrl(roomId, token) {
  const answer = await fetch(Path.tickets(roomId), {
    method: 'POST', headers: { Authorization: `Bearer ${token}` },
  });
  if (answer.status === 401 || answer.status === 403 || answer.status === 404) {
    const body = await answer.json().catch(() => ({}));
    throw refused(body.message || 'refused', body.error || 'refused');
  }
  if (!answer.ok) {
    throw new Error(`ticket: ${answer.status}`);
  }
  const { ticket } = await answer.json();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${Path.socket(roomId)}?ticket=${encodeURIComponent(ticket)}`;
}
