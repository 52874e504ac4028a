// @ts-check
// The session: the socket (Signaler) and the protocol (Manager), and what the
// page shows of them: the connection state, who is here, the chat, and the
// moderator's controls.

import { Manager } from './manager.js';
import { ErrorCode, Reason } from './protocol.js';
import { Signaler } from './signaler.js';
import { NO_SIGN_IN, ticketUrl } from './sign-in.js';

/** @typedef {import('./ui.js').RoomView} RoomView */

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @type {Record<string, string>} what the banner says when the session has ended, by the reason it ended */
export const CLOSED_REASONS = {
  [Reason.KICKED]: 'You were removed from this room.',
  [Reason.ROOM_DELETED]: 'This room was deleted.',
  [Reason.EXPIRED]: 'Your sign-in expired. Open the room again from the portal.',
  [ErrorCode.FORBIDDEN]: 'This room is private and you are not a member.',
  [ErrorCode.LOCKED]: 'This room is locked: nobody new can join until a moderator unlocks it.',
  [ErrorCode.ROOM_FULL]: 'This room is full: try again when someone has left.',
  [ErrorCode.NOT_FOUND]: 'There is no such room.',
  [ErrorCode.UNAUTHORIZED]: 'Your sign-in was not accepted.',
  [NO_SIGN_IN]: 'Open this room from your portal to sign in.',
  [ErrorCode.RATE_LIMITED]: 'Too many messages: you were disconnected.',
  [Reason.LEFT]: 'You left the room.',
};

/** @type {Record<string, string>} */
const STATE_LABELS = { connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Reconnecting…', closed: 'Closed' };

/**
 * Makes the Signaler and the Manager and shows what they report; the socket
 * opens when the caller starts the Signaler.
 * @param {{roomId: string, token: string, stream: MediaStream, view: RoomView, videoLimit?: number,
 *   relay?: string | null}} options
 */
export function openSession({ roomId, token, stream, view, videoLimit, relay }) {
  const signaler = new Signaler(() => ticketUrl(roomId, token));
  const manager = new Manager(signaler, stream, { videoLimit, relay });
  showConnection(signaler, manager, view, roomId);
  showPresence(manager, view);
  showChat(manager, view);
  $('leave').addEventListener('click', () => manager.leave());
  return { signaler, manager };
}

/**
 * @param {Signaler} signaler
 * @param {Manager} manager
 * @param {RoomView} view
 * @param {string} roomId
 */
function showConnection(signaler, manager, view, roomId) {
  signaler.addEventListener('state', (event) => {
    const { state, reason } = /** @type {CustomEvent} */ (event).detail;
    view.status(STATE_LABELS[state] || state, state);
    view.banner(state === 'reconnecting' ? 'Connection lost: reconnecting…'
      : state === 'closed' ? (CLOSED_REASONS[reason] || `Disconnected (${reason}).`) : null);
  });
  manager.addEventListener('self', () => {
    $('room-title').textContent = roomId;
  });
  manager.addEventListener('bye', (event) => {
    if (/** @type {CustomEvent} */ (event).detail.reason === Reason.SHUTDOWN) {
      view.banner('The server is restarting: reconnecting…');
    }
  });
  /** @type {Set<string>} the clients whose call failed and has not connected since */
  const failed = new Set();
  manager.addEventListener('path', (event) => {
    const { id, state } = /** @type {CustomEvent} */ (event).detail;
    if (state === 'failed') {
      failed.add(id);
      const name = manager.clients.get(id)?.username || 'someone';
      view.banner(`Your network blocks the call with ${name}; trying the relay…`);
    } else if (failed.delete(id) && failed.size === 0) {
      view.banner(null);
    }
  });
  manager.addEventListener('error', (event) => {
    const { code, message } = /** @type {CustomEvent} */ (event).detail;
    view.banner(`${code}: ${message}`);
  });
}

/** @type {Record<string, string>} what a moderator's mute turned off, by media kind */
const MUTED = { audio: 'microphone', video: 'camera' };

/**
 * The list of people, with a menu per person and the lock switch for
 * moderators, and what a moderator's mute did to us.
 * @param {Manager} manager
 * @param {RoomView} view
 */
function showPresence(manager, view) {
  const actions = {
    kick: (/** @type {string} */ id) => manager.kick(id),
    mute: (/** @type {string} */ id, /** @type {import('./protocol.js').MediaKind[]} */ kinds) => manager.mute(id, kinds),
    setRole: (/** @type {string} */ userId, /** @type {string} */ role) => manager.setRole(userId, role),
  };
  const render = () => view.roster(manager.clients, manager.selfId,
    { moderator: manager.moderator, owner: manager.owner }, actions);
  manager.addEventListener('roster', render);
  manager.addEventListener('self', render);
  manager.addEventListener('room-state', (event) => view.lockState(/** @type {CustomEvent} */ (event).detail.locked));
  manager.addEventListener('muted', (event) => {
    const { kinds } = /** @type {CustomEvent} */ (event).detail;
    const what = /** @type {string[]} */ (kinds).map((kind) => MUTED[kind]).join(' and ');
    if (what) {
      view.banner(`A moderator muted your ${what}.`);
    }
  });
  $('lock').addEventListener('click', () => manager.lock(!manager.locked));
  $('clear-chat').addEventListener('click', () => manager.clearChat());
}

/**
 * Messages, older pages, private messages, and the unread count while the chat is closed.
 * @param {Manager} manager
 * @param {RoomView} view
 */
function showChat(manager, view) {
  let chatOpen = true;
  manager.addEventListener('history', (event) => {
    const { messages, more, older } = /** @type {CustomEvent} */ (event).detail;
    view.history(messages, more, older);
  });
  manager.addEventListener('text', (event) => {
    const { message, own } = /** @type {CustomEvent} */ (event).detail;
    view.message(message);
    if (!own) {
      view.countUnread(chatOpen);
    }
  });
  manager.addEventListener('cleared', () => view.cleared());

  $('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = /** @type {HTMLInputElement} */ ($('chat-text'));
    const text = input.value.trim();
    if (text) {
      manager.say(text, /** @type {HTMLSelectElement} */ ($('chat-to')).value || null);
      input.value = '';
    }
  });
  $('older').addEventListener('click', () => manager.olderHistory(view.oldestId));
  $('chat-toggle').addEventListener('click', () => {
    chatOpen = !chatOpen;
    $('side').hidden = !chatOpen;
    $('chat-toggle').setAttribute('aria-expanded', String(chatOpen));
    if (chatOpen) {
      view.countUnread(true);
    }
  });
}
