// The room page: signs in, gets camera and microphone, and wires the
// Signaler, the Manager and the view together.
//
// Sign-in: a portal opens /r/{room}#token=<jwt>; the page reads the token once
// and removes it from the address bar. Without one (the dev configuration)
// the person types a name and the demo sign-in makes a token. Either way the
// socket is opened with a one-time ticket, never with the token in the URL.

import { Signaler } from './signaler.js';
import { Manager } from './manager.js';
import { RoomView } from './ui.js';

const $ = (id) => document.getElementById(id);
const roomId = decodeURIComponent(location.pathname.split('/').pop());
const view = new RoomView();
let token = null;

function tokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    history.replaceState(null, '', location.pathname + location.search);
    return decodeURIComponent(match[1]);
  }
  return null;
}

async function demoToken(name) {
  let user = sessionStorage.getItem('rooms.user');
  if (!user) {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'guest';
    user = `${slug}-${Math.random().toString(36).slice(2, 8)}`;
    sessionStorage.setItem('rooms.user', user);
  }
  const answer = await fetch('/api/dev/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, name, ttl: 43200 }),
  });
  if (answer.status === 404) {
    throw Object.assign(new Error('sign-in'), { final: true, reason: 'no-sign-in' });
  }
  return (await answer.json()).token;
}

async function ticketUrl() {
  const answer = await fetch(`/api/rooms/${roomId}/tickets`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}` },
  });
  if (answer.status === 401 || answer.status === 403 || answer.status === 404) {
    const body = await answer.json().catch(() => ({}));
    throw Object.assign(new Error(body.message || 'refused'), { final: true, reason: body.error || 'refused' });
  }
  if (!answer.ok) {
    throw new Error(`ticket: ${answer.status}`);
  }
  const { ticket } = await answer.json();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws/rooms/${roomId}?ticket=${encodeURIComponent(ticket)}`;
}

async function localMedia() {
  for (const constraints of [{ audio: true, video: true }, { audio: true }, { video: true }]) {
    try {
      return await navigator.mediaDevices.getUserMedia(constraints);
    } catch (error) {
      console.warn('media refused', constraints, error);
    }
  }
  view.banner('Camera and microphone are not available: you can still watch, listen and chat.');
  return new MediaStream();
}

const CLOSED_REASONS = {
  kicked: 'You were removed from this room.',
  'room-deleted': 'This room was deleted.',
  expired: 'Your sign-in expired. Open the room again from the portal.',
  forbidden: 'This room is private and you are not a member.',
  'not-found': 'There is no such room.',
  unauthorized: 'Your sign-in was not accepted.',
  'no-sign-in': 'Open this room from your portal to sign in.',
  'rate-limited': 'Too many messages: you were disconnected.',
  left: 'You left the room.',
};

async function join(name) {
  $('join-button').disabled = true;
  try {
    token = token || await demoToken(name);
  } catch (error) {
    view.banner(CLOSED_REASONS['no-sign-in']);
    $('join-button').disabled = false;
    return;
  }
  const stream = await localMedia();
  view.showCall();
  view.tile('self', 'You');
  view.attach('self', stream);

  const signaler = new Signaler(ticketUrl);
  const manager = new Manager(signaler, stream);
  window.rooms = { manager, signaler, view };
  let selfId = null;
  let chatOpen = true;

  signaler.addEventListener('state', ({ detail }) => {
    const labels = { connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Reconnecting…', closed: 'Closed' };
    view.status(labels[detail.state] || detail.state, detail.state);
    view.banner(detail.state === 'reconnecting' ? 'Connection lost: reconnecting…'
      : detail.state === 'closed' ? (CLOSED_REASONS[detail.reason] || `Disconnected (${detail.reason}).`) : null);
  });
  manager.addEventListener('self', ({ detail }) => {
    selfId = detail.id;
    $('room-title').textContent = roomId;
  });
  manager.addEventListener('roster', ({ detail }) => {
    const moderator = manager.role === 'owner' || manager.role === 'moderator';
    for (const client of detail.clients.values()) {
      if (client.id !== selfId) {
        view.tile(client.id);
      }
    }
    for (const id of [...view.tiles.keys()]) {
      if (id !== 'self' && !detail.clients.has(id)) {
        view.remove(id);
      }
    }
    view.roster(detail.clients, selfId, moderator, (id) => manager.kick(id));
  });
  manager.addEventListener('stream', ({ detail }) => view.attach(detail.id, detail.stream));
  manager.addEventListener('gone', ({ detail }) => view.remove(detail.id));
  manager.addEventListener('history', ({ detail }) => view.history(detail.messages, detail.more, detail.older));
  manager.addEventListener('text', ({ detail }) => {
    view.message(detail.message);
    if (!detail.own) {
      view.countUnread(chatOpen);
    }
  });
  manager.addEventListener('cleared', () => view.cleared());
  manager.addEventListener('bye', ({ detail }) => {
    if (detail.reason === 'shutdown') {
      view.banner('The server is restarting: reconnecting…');
    }
  });
  manager.addEventListener('error', ({ detail }) => view.banner(`${detail.code}: ${detail.message}`));

  $('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('chat-text');
    const text = input.value.trim();
    if (text) {
      manager.say(text, $('chat-to').value || null);
      input.value = '';
    }
  });
  $('older').addEventListener('click', () => manager.olderHistory(view.oldestId));
  $('clear-chat').addEventListener('click', () => manager.clearChat());
  $('chat-toggle').addEventListener('click', () => {
    chatOpen = !chatOpen;
    $('side').hidden = !chatOpen;
    $('chat-toggle').setAttribute('aria-expanded', String(chatOpen));
    if (chatOpen) {
      view.countUnread(true);
    }
  });
  $('mic').addEventListener('click', () => toggle('audio', $('mic'), 'Mute', 'Unmute'));
  $('camera').addEventListener('click', () => toggle('video', $('camera'), 'Camera off', 'Camera on'));
  $('leave').addEventListener('click', () => manager.leave());
  $('screen').addEventListener('click', () => shareScreen());
  setUpDevices();

  function toggle(kind, button, onLabel, offLabel) {
    const tracks = kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks();
    const on = !(button.getAttribute('aria-pressed') === 'true');
    tracks.forEach((t) => { t.enabled = on; });
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? onLabel : offLabel;
    manager.setMedia(kind, on);
  }

  async function shareScreen() {
    const button = $('screen');
    if (button.getAttribute('aria-pressed') === 'true') {
      await manager.replaceTrack('video', stream.getVideoTracks()[0] || null);
      button.setAttribute('aria-pressed', 'false');
      button.textContent = 'Share screen';
      return;
    }
    try {
      const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const track = screen.getVideoTracks()[0];
      await manager.replaceTrack('video', track);
      button.setAttribute('aria-pressed', 'true');
      button.textContent = 'Stop sharing';
      track.addEventListener('ended', () => {
        manager.replaceTrack('video', stream.getVideoTracks()[0] || null);
        button.setAttribute('aria-pressed', 'false');
        button.textContent = 'Share screen';
      });
    } catch (error) {
      view.banner('Screen sharing was not allowed.');
    }
  }

  async function setUpDevices() {
    const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
    for (const [select, kind] of [[$('camera-choice'), 'videoinput'], [$('mic-choice'), 'audioinput']]) {
      select.replaceChildren(...devices.filter((d) => d.kind === kind)
        .map((d, i) => new Option(d.label || `${kind} ${i + 1}`, d.deviceId)));
      select.addEventListener('change', async () => {
        const media = kind === 'videoinput' ? 'video' : 'audio';
        try {
          const fresh = await navigator.mediaDevices.getUserMedia({ [media]: { deviceId: { exact: select.value } } });
          const track = fresh.getTracks()[0];
          const old = media === 'video' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
          if (old) {
            stream.removeTrack(old);
            old.stop();
          }
          stream.addTrack(track);
          await manager.replaceTrack(media, track);
        } catch (error) {
          view.banner('That device could not be opened.');
        }
      });
    }
  }

  signaler.start();
}

token = tokenFromFragment();
$('room-title').textContent = roomId;
document.title = `${roomId} · Rooms`;
if (token) {
  $('join-form').hidden = true;
  join(null);
} else {
  $('join-hint').textContent = 'Demo sign-in: any name will do.';
  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    join($('display-name').value.trim());
  });
  $('display-name').focus();
}
