// @ts-check
// The page: renders what the Manager reports and turns clicks into calls.
// Everything a user wrote is put in the page as text (textContent), never as HTML.

import { Role } from './protocol.js';
import { describe } from './quality.js';

/** @typedef {import('./manager.js').Client} Client */
/** @typedef {import('./protocol.js').MediaKind} MediaKind */
/** @typedef {import('./quality.js').Quality} Quality */
/**
 * What a moderator's menu does.
 * @typedef {object} ModeratorActions
 * @property {(id: string) => void} kick
 * @property {(id: string, kinds: MediaKind[]) => void} mute
 * @property {(userId: string, role: string) => void} setRole
 */
/** @typedef {import('./protocol.js').ChatMessage} ChatMessage */

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

// Letters of other scripts that look like Latin ones (a short list of the
// usual suspects; the server refuses look-alike names chosen with `profile`
// by the full Unicode TR39 rule, but names from the portal are not checked).
const HOMOGLYPHS = new Map(Object.entries({
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
  α: 'a', ο: 'o', ρ: 'p', ι: 'i', κ: 'k', ν: 'v', τ: 't', χ: 'x', υ: 'u', ɡ: 'g', ı: 'i', '0': 'o', '1': 'l',
}));

/**
 * What a name looks like to a reader: equal keys, names nobody can tell apart at a glance.
 * @param {string} name
 */
export function lookAlikeKey(name) {
  return [...name.normalize('NFKC').toLowerCase().replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}\s]/gu, '')]
    .map((c) => HOMOGLYPHS.get(c) ?? c).join('');
}

/**
 * A client's name, with its user id beside it when another user in the room has a name that looks alike.
 * @param {Client} client
 * @param {Iterable<Client>} clients
 */
export function shownName(client, clients) {
  const key = lookAlikeKey(client.username);
  const twin = [...clients].some((other) => other.user_id !== client.user_id && lookAlikeKey(other.username) === key);
  return twin ? `${client.username} (${client.user_id})` : client.username;
}

export class RoomView {
  constructor() {
    /** @type {Map<string, HTMLElement>} */
    this.tiles = new Map();
    this.unread = 0;
    /** @type {number | null} */
    this.oldestId = null;
    /** @type {Map<string, Quality>} the latest connection quality of each other client */
    this.quality = new Map();
  }

  /**
   * @param {string} text
   * @param {string} [kind]
   */
  status(text, kind = 'info') {
    $('status').textContent = text;
    $('status').dataset.kind = kind;
  }

  /** @param {string | null} text */
  banner(text) {
    const banner = $('banner');
    banner.textContent = text || '';
    banner.hidden = !text;
  }

  showCall() {
    $('join').hidden = true;
    $('call').hidden = false;
  }

  /**
   * The tile of a client (created on first use); the local one is 'self'.
   * @param {string} id
   * @param {string} [label]
   */
  tile(id, label) {
    let tile = this.tiles.get(id);
    if (!tile) {
      tile = document.createElement('figure');
      tile.className = 'tile';
      tile.dataset.client = id;
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      video.className = id === 'self' ? 'local' : 'remote';
      if (id === 'self') {
        video.muted = true;
      }
      const caption = document.createElement('figcaption');
      tile.append(video, caption);
      if (id !== 'self') {
        const quality = document.createElement('span');
        quality.className = 'quality';
        tile.append(quality);
      }
      $('grid').append(tile);
      this.tiles.set(id, tile);
      this.layout();
    }
    if (label !== undefined) {
      caption(tile).textContent = label;
    }
    return tile;
  }

  /**
   * @param {string} id
   * @param {MediaStream} stream
   */
  attach(id, stream) {
    const video = /** @type {HTMLVideoElement} */ (this.tile(id).querySelector('video'));
    if (video.srcObject !== stream) {
      video.srcObject = stream;
    }
  }

  /** @param {string} id */
  remove(id) {
    this.tiles.get(id)?.remove();
    this.tiles.delete(id);
    this.layout();
  }

  layout() {
    const count = Math.max(1, this.tiles.size);
    const columns = Math.ceil(Math.sqrt(count));
    $('grid').style.setProperty('--columns', String(columns));
  }

  /**
   * The list of people (hand raised, microphone, camera, screen), the "To"
   * picker, and for moderators a menu per person and the lock switch.
   * @param {Map<string, Client>} clients
   * @param {string | null} selfId
   * @param {{moderator: boolean, owner: boolean}} may what this client's role allows
   * @param {ModeratorActions} actions
   */
  roster(clients, selfId, may, actions) {
    const list = $('roster');
    // A re-render (anybody's status changes) keeps an open menu open.
    const open = list.querySelector('details[open]');
    const openFor = open ? /** @type {HTMLElement} */ (open.closest('li')).dataset.client : null;
    list.replaceChildren();
    const to = /** @type {HTMLSelectElement} */ ($('chat-to'));
    const chosen = to.value;
    to.replaceChildren(new Option('Everyone', ''));
    const everyone = [...clients.values()];
    for (const client of everyone) {
      const shown = shownName(client, everyone);
      const { status } = client;
      const item = document.createElement('li');
      item.dataset.client = client.id;
      item.dataset.hand = String(status.hand === true);
      item.dataset.audio = String(status.audio !== false);
      item.dataset.video = String(status.video !== false);
      const name = document.createElement('span');
      name.textContent = shown + (client.id === selfId ? ' (you)' : '');
      const role = document.createElement('span');
      role.className = 'role';
      role.textContent = client.role;
      const hand = document.createElement('span');
      hand.className = 'hand';
      hand.textContent = status.hand ? '✋ hand raised' : '';
      const media = document.createElement('span');
      media.className = 'media';
      media.textContent = [status.audio === false ? '🔇 muted' : '', status.video === false ? '📷 off' : '',
        status.screen ? '🖥 sharing' : ''].filter(Boolean).join(' ');
      const quality = document.createElement('span');
      quality.className = 'quality';
      const known = this.quality.get(client.id);
      if (known) {
        sign(quality, known);
      }
      item.append(hand, name, role, media, quality);
      if (may.moderator && client.id !== selfId) {
        item.append(this.menu(client, shown, may.owner, actions, openFor === client.id));
      }
      list.append(item);
      if (client.id !== selfId) {
        to.append(new Option(`Only ${shown}`, client.id));
      }
    }
    to.value = [...to.options].some((o) => o.value === chosen) ? chosen : '';
    $('clear-chat').hidden = !may.moderator;
    $('lock').hidden = !may.moderator;
  }

  /**
   * A moderator's menu for one person: mute, camera off, the role (owners), remove.
   * @param {Client} client
   * @param {string} shown the name as the roster shows it
   * @param {boolean} owner whether this client may change roles
   * @param {ModeratorActions} actions
   * @param {boolean} open
   */
  menu(client, shown, owner, actions, open) {
    const menu = document.createElement('details');
    menu.className = 'menu';
    menu.open = open;
    const summary = document.createElement('summary');
    summary.textContent = '⋯';
    summary.setAttribute('aria-label', `Actions for ${shown}`);
    menu.append(summary);
    /**
     * @param {string} action
     * @param {string} label
     * @param {() => void} run
     */
    const item = (action, label, run) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.action = action;
      button.textContent = label;
      button.addEventListener('click', () => {
        menu.open = false;
        run();
      });
      menu.append(button);
    };
    item('mute', `Mute ${shown}`, () => actions.mute(client.id, ['audio']));
    item('camera-off', `Turn off ${shown}'s camera`, () => actions.mute(client.id, ['video']));
    if (owner && client.role !== Role.OWNER) {
      const next = client.role === Role.MODERATOR ? Role.MEMBER : Role.MODERATOR;
      item('set-role', `Make ${shown} ${next === Role.MODERATOR ? 'a moderator' : 'a member'}`,
        () => actions.setRole(client.user_id, next));
    }
    item('kick', `Remove ${shown}`, () => actions.kick(client.id));
    return menu;
  }

  /**
   * The connection-quality sign of each other client, on its tile and in the roster.
   * @param {Map<string, Quality>} qualities
   */
  qualities(qualities) {
    this.quality = new Map(qualities);
    for (const [id, quality] of qualities) {
      const signs = [this.tiles.get(id)?.querySelector('.quality'),
        $('roster').querySelector(`li[data-client="${CSS.escape(id)}"] .quality`)];
      for (const element of signs) {
        if (element) {
          sign(/** @type {HTMLElement} */ (element), quality);
        }
      }
    }
  }

  /**
   * Beyond the limit of video participants, the tiles of those whose video
   * is not shown keep their name and sound but no picture, and the page says so.
   * @param {Set<string>} shown
   * @param {boolean} limited
   * @param {number} limit
   */
  videos(shown, limited, limit) {
    for (const [id, tile] of this.tiles) {
      tile.classList.toggle('video-paused', limited && id !== 'self' && !shown.has(id));
    }
    const note = $('video-note');
    note.hidden = !limited;
    note.textContent = limited
      ? `More than ${limit} cameras: you see the ${limit} most recent speakers, and hear everyone.` : '';
  }

  /**
   * Highlights the tile of the one speaking now.
   * @param {string | null} id
   */
  speaker(id) {
    for (const [tileId, tile] of this.tiles) {
      tile.classList.toggle('speaking', tileId === id);
    }
  }

  /**
   * The room's lock: a sign for everyone, the switch for moderators.
   * @param {boolean} locked
   */
  lockState(locked) {
    $('locked').hidden = !locked;
    $('lock').setAttribute('aria-pressed', String(locked));
    $('lock').textContent = locked ? 'Unlock room' : 'Lock room';
  }

  /**
   * Each other client's tile says who it is, whether the hand is up and the
   * microphone muted, and hides a camera that is off (unless the screen is shared).
   * @param {Map<string, Client>} clients
   */
  captions(clients) {
    const everyone = [...clients.values()];
    for (const client of everyone) {
      const tile = this.tiles.get(client.id);
      if (tile) {
        const { status } = client;
        caption(tile).textContent = (status.hand ? '✋ ' : '') + shownName(client, everyone)
          + (status.audio === false ? ' (muted)' : '');
        tile.classList.toggle('camera-off', status.video === false && !status.screen);
        tile.classList.toggle('hand', status.hand === true);
      }
    }
  }

  /**
   * @param {ChatMessage} message
   * @param {{prepend?: boolean}} [options]
   */
  message(message, { prepend = false } = {}) {
    const item = document.createElement('li');
    item.className = message.private ? 'message private' : 'message';
    item.dataset.id = String(message.message_id);
    const time = document.createElement('time');
    time.dateTime = message.time;
    time.textContent = new Date(message.time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const from = document.createElement('strong');
    from.textContent = message.from + (message.private ? ' (private)' : '');
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = message.text;
    item.append(time, ' ', from, ' ', text);
    const list = $('messages');
    if (prepend) {
      list.prepend(item);
    } else {
      list.append(item);
      list.scrollTop = list.scrollHeight;
    }
    if (this.oldestId === null || message.message_id < this.oldestId) {
      this.oldestId = message.message_id;
    }
  }

  /**
   * @param {ChatMessage[]} messages
   * @param {boolean} more
   * @param {boolean} older an answer to "Older messages", shown above the others
   */
  history(messages, more, older) {
    if (!older) {
      $('messages').replaceChildren();
      this.oldestId = null;
      messages.forEach((m) => this.message(m));
    } else {
      [...messages].reverse().forEach((m) => this.message(m, { prepend: true }));
    }
    $('older').hidden = !more;
  }

  cleared() {
    $('messages').replaceChildren();
    $('older').hidden = true;
    this.oldestId = null;
  }

  /** @param {boolean} chatOpen */
  countUnread(chatOpen) {
    this.unread = chatOpen ? 0 : this.unread + 1;
    $('unread').textContent = String(this.unread);
    $('unread').hidden = this.unread === 0;
  }
}

/** @type {Record<Quality['grade'], string>} */
const BARS = { good: '▂▄▆', fair: '▂▄', poor: '▂', unknown: '·' };

/**
 * @param {HTMLElement} element
 * @param {Quality} quality
 */
function sign(element, quality) {
  element.dataset.quality = quality.grade;
  element.textContent = BARS[quality.grade];
  element.title = describe(quality);
  element.setAttribute('aria-label', describe(quality));
}

/** @param {HTMLElement} tile */
function caption(tile) {
  return /** @type {HTMLElement} */ (tile.querySelector('figcaption'));
}
