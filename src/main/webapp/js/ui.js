// @ts-check
// The page: renders what the Manager reports and turns clicks into calls.
// Everything a user wrote is put in the page as text (textContent), never as HTML.

/** @typedef {import('./manager.js').Client} Client */
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
   * The list of people, the "To" picker and the moderator's controls.
   * @param {Map<string, Client>} clients
   * @param {string | null} selfId
   * @param {boolean} canModerate
   * @param {(id: string) => void} onKick
   */
  roster(clients, selfId, canModerate, onKick) {
    const list = $('roster');
    list.replaceChildren();
    const to = /** @type {HTMLSelectElement} */ ($('chat-to'));
    const chosen = to.value;
    to.replaceChildren(new Option('Everyone', ''));
    const everyone = [...clients.values()];
    for (const client of everyone) {
      const shown = shownName(client, everyone);
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = shown + (client.id === selfId ? ' (you)' : '');
      const role = document.createElement('span');
      role.className = 'role';
      role.textContent = client.role;
      const media = document.createElement('span');
      media.className = 'media';
      media.textContent = `${client.audio ? '' : '🔇 muted'} ${client.video ? '' : '📷 off'}`.trim();
      item.append(name, role, media);
      if (canModerate && client.id !== selfId) {
        const kick = document.createElement('button');
        kick.type = 'button';
        kick.textContent = `Remove ${shown}`;
        kick.addEventListener('click', () => onKick(client.id));
        item.append(kick);
      }
      list.append(item);
      if (client.id !== selfId) {
        to.append(new Option(`Only ${shown}`, client.id));
      }
    }
    to.value = [...to.options].some((o) => o.value === chosen) ? chosen : '';
    $('clear-chat').hidden = !canModerate;
  }

  /**
   * Each other client's tile says who it is, whether they are muted, and hides a camera that is off.
   * @param {Map<string, Client>} clients
   */
  captions(clients) {
    const everyone = [...clients.values()];
    for (const client of everyone) {
      const tile = this.tiles.get(client.id);
      if (tile) {
        caption(tile).textContent = shownName(client, everyone) + (client.audio ? '' : ' (muted)');
        tile.classList.toggle('camera-off', !client.video);
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

/** @param {HTMLElement} tile */
function caption(tile) {
  return /** @type {HTMLElement} */ (tile.querySelector('figcaption'));
}
