// @ts-check
// Manager: owns the Signaler and one VideoPeer per other client (a mesh). It
// reacts to the protocol's frames and tells the page what changed through
// events; it knows nothing of the page.
//
// Events: 'self' {id, role, userId, username}   after each welcome, and when our role changes
//         'roster' {clients}                    Map id -> Client
//         'status' {status}                     our own status changed (a button, a mute)
//         'room-state' {locked}                 from room-info and room-state
//         'muted' {kinds}                       a moderator turned our media off
//         'quality' {quality}                   Map id -> Quality, every second
//         'speaker' {id}                        the loudest other client now, or null
//         'videos' {shown, limited}             Set of client ids whose video is shown; whether the limit hides some
//         'stream' {id, stream} / 'gone' {id}   a client's media appeared / it left
//         'path' {id, state}                    the call with a client failed ('failed', ICE is restarted) or connected again
//         'history' {messages, more, older}     a page of chat (older: answer to get-history)
//         'text' {message, own}                 a delivered chat message
//         'cleared' / 'bye' {reason} / 'error' {code, message, ref}

import { Reason, Role, SERVER, Type } from './protocol.js';
import { VideoPeer } from './video-peer.js';
import { compare } from './quality.js';

/** @typedef {import('./protocol.js').Frame} Frame */
/** @typedef {import('./protocol.js').OutFrame} OutFrame */
/** @typedef {import('./protocol.js').Welcome} Welcome */
/** @typedef {import('./protocol.js').RoomInfo} RoomInfo */
/** @typedef {import('./protocol.js').ClientInfo} ClientInfo */
/** @typedef {import('./protocol.js').Status} Status */
/** @typedef {import('./protocol.js').StatusChange} StatusChange */
/** @typedef {import('./protocol.js').RoomState} RoomState */
/** @typedef {import('./protocol.js').RoleChange} RoleChange */
/** @typedef {import('./protocol.js').MuteRequest} MuteRequest */
/** @typedef {import('./protocol.js').MediaKind} MediaKind */
/** @typedef {import('./protocol.js').IceServers} IceServers */
/** @typedef {import('./protocol.js').Left} Left */
/** @typedef {import('./protocol.js').History} History */
/** @typedef {import('./protocol.js').ChatMessage} ChatMessage */
/** @typedef {import('./protocol.js').Profile} Profile */
/** @typedef {import('./protocol.js').ErrorData} ErrorData */
/** @typedef {import('./signaler.js').Signaler} Signaler */
/** @typedef {import('./quality.js').Quality} Quality */
/** @typedef {import('./quality.js').Counters} Counters */
/**
 * A client in the room, with the status the server last delivered for it.
 * @typedef {ClientInfo & {status: Status}} Client
 */

/** The audio level (root mean square, 0 to 1) above which someone is speaking. */
export const SPEAKING = 0.02;

/** How often the peers' stats are sampled (ms). */
const SAMPLE_EVERY = 1000;

/** How many other people's video the page shows before it limits them to the latest speakers. */
export const VIDEO_LIMIT = 6;

/**
 * The data of the `greeting` one client sends another to say whether it
 * shows that one's video; the other then turns its video sender to it on or
 * off. (A relay type: PROTOCOL.md leaves its data to the clients.)
 * @typedef {{send_video: boolean}} VideoWanted
 */

/** The media kinds a `mute` may name. */
const MEDIA_KINDS = ['audio', 'video'];

/** How long someone whose video is shown may be silent before a newer speaker takes the place (ms). */
export const SILENT_FOR = 3000;

/**
 * Whose video to show when more people have video than the limit: those
 * already shown keep their place while they speak, so that people talking
 * at once do not make the pictures flicker; a screen share, then whoever
 * spoke last, takes the place of the one silent longest (silent for
 * SILENT_FOR at least); empty places go by the same order, then by who came
 * first. Under the limit, everybody.
 * @param {Client[]} withVideo the other clients with camera or screen on, in the order they came
 * @param {Set<string>} current the ids shown now
 * @param {Map<string, number>} lastSpoke
 * @param {number} limit
 * @param {number} now
 * @returns {Set<string>}
 */
export function chooseVideos(withVideo, current, lastSpoke, limit, now) {
  if (withVideo.length <= limit) {
    return new Set(withVideo.map((c) => c.id));
  }
  const spoke = (/** @type {Client} */ c) => (c.status.screen === true ? Infinity : lastSpoke.get(c.id) || 0);
  const ranked = withVideo.map((c, order) => ({ c, order }))
    .sort((a, b) => spoke(b.c) - spoke(a.c) || a.order - b.order).map(({ c }) => c);
  const shown = ranked.filter((c) => current.has(c.id)).slice(0, limit);
  for (const c of ranked) {
    if (shown.length < limit && !shown.includes(c)) {
      shown.push(c);
    }
  }
  for (const candidate of ranked.filter((c) => !shown.includes(c))) {
    const stalest = shown.reduce((a, b) => (spoke(b) < spoke(a) ? b : a));
    if (spoke(candidate) > spoke(stalest) && now - spoke(stalest) >= SILENT_FOR) {
      shown[shown.indexOf(stalest)] = candidate;
    }
  }
  return new Set(shown.map((c) => c.id));
}

export class Manager extends EventTarget {
  /**
   * @param {Signaler} signaler
   * @param {MediaStream} localStream
   * @param {{videoLimit?: number, relay?: string | null}} [options]
   */
  constructor(signaler, localStream, { videoLimit = VIDEO_LIMIT, relay = null } = {}) {
    super();
    this.signaler = signaler;
    this.localStream = localStream;
    /** @type {string | null} */
    this.selfId = null;
    /** @type {string | null} */
    this.role = null;
    /** @type {string | null} */
    this.userId = null;
    this.locked = false;
    /** @type {IceServers | null} */
    this.iceServers = null;
    /** @type {Map<string, Client>} */
    this.clients = new Map();
    /** @type {Map<string, VideoPeer>} */
    this.peers = new Map();
    /**
     * Our own status as this page shows it; sent whole after every room-info
     * and on every change.
     * @type {Required<Status>}
     */
    this.status = {
      hand: false,
      audio: localStream.getAudioTracks().some((t) => t.enabled),
      video: localStream.getVideoTracks().some((t) => t.enabled),
      screen: false,
    };
    /** @type {string | null} */
    this.historyRequested = null;
    /** @type {Frame[]} */
    this.early = [];
    /** @type {string[]} */
    this.errors = [];
    /** @type {Map<string, Counters>} each peer's previous stats sample */
    this.counters = new Map();
    /** @type {Map<string, Quality>} each peer's connection quality over the last interval */
    this.quality = new Map();
    /** @type {Map<string, number>} when each client was last heard speaking (Date.now()) */
    this.lastSpoke = new Map();
    /** @type {string | null} */
    this.speaker = null;
    this.videoLimit = videoLimit;
    /** relay-only ICE over this kind of TURN URL (`udp`, `tcp`, `tls`), a test-only switch; null: any path */
    this.relay = relay;
    this.limitedVideos = false;
    /** @type {Set<string>} the clients whose video this page shows */
    this.shown = new Set();
    /** @type {Map<string, boolean>} what each peer was last told by `greeting` (VideoWanted) */
    this.told = new Map();
    /**
     * What each other client last said about our video to it (`send_video`),
     * kept so that a wish that came before the peer connection existed is
     * applied when it is made.
     * @type {Map<string, boolean>}
     */
    this.videoWishes = new Map();
    this.monitor = setInterval(() => this.sample(), SAMPLE_EVERY);
    signaler.addEventListener('frame', (event) => this.receive(/** @type {CustomEvent} */ (event).detail.frame));
  }

  /** @param {OutFrame} frame */
  send(frame) {
    return this.signaler.send(frame);
  }

  /** @param {Frame} frame */
  receive(frame) {
    switch (frame.type) {
      case Type.WELCOME: {
        const data = /** @type {Welcome} */ (frame.data);
        if (this.selfId !== data.client_id) {
          this.reset();
          this.selfId = data.client_id;
          this.iceServers = null;
          this.early = [];
          this.send({ type: Type.GET_ICE_SERVERS });
        }
        this.role = data.role;
        this.userId = data.user_id;
        this.emit('self', { id: data.client_id, role: data.role, userId: data.user_id, username: data.username });
        break;
      }
      case Type.ROOM_INFO: {
        const data = /** @type {RoomInfo} */ (frame.data);
        this.clients = new Map(data.clients.map((c) => [c.id, { ...c, status: { ...c.status } }]));
        this.locked = !!data.locked;
        this.emit('room-state', { locked: this.locked });
        // A new connection starts with an empty status on the server: say ours.
        this.sendStatus();
        this.emit('roster', { clients: this.clients });
        this.connectPeers();
        break;
      }
      case Type.ICE_SERVERS: {
        const data = /** @type {IceServers} */ (frame.data);
        this.iceServers = data;
        for (const peer of this.peers.values()) {
          peer.setIceServers(data);
        }
        this.connectPeers();
        for (const early of this.early.splice(0)) {
          this.receive(early);
        }
        break;
      }
      case Type.JOINED: {
        const data = /** @type {ClientInfo} */ (frame.data);
        this.clients.set(data.id, { ...data, status: { ...data.status } });
        this.emit('roster', { clients: this.clients });
        this.connectPeers();
        this.arrangeVideos();
        break;
      }
      case Type.LEFT: {
        const data = /** @type {Left} */ (frame.data);
        this.drop(data.id);
        break;
      }
      case Type.OFFER:
      case Type.ANSWER:
      case Type.CANDIDATE:
        if (!this.iceServers) {
          // Signaling that overtook our ice-servers answer waits for it.
          this.early.push(frame);
        } else if (frame.type === Type.CANDIDATE) {
          this.peerFor(frame.sender)?.candidate(frame.data);
        } else {
          this.peerFor(frame.sender)?.description(frame.type, frame.data);
        }
        break;
      case Type.STATUS: {
        const data = /** @type {StatusChange} */ (frame.data);
        const client = this.clients.get(data.id);
        if (client) {
          client.status = { ...data.status };
          this.emit('roster', { clients: this.clients });
          this.arrangeVideos();
        }
        break;
      }
      case Type.GREETING: {
        const data = /** @type {Partial<VideoWanted> | null} */ (frame.data);
        if (data && typeof data.send_video === 'boolean' && frame.sender) {
          this.videoWishes.set(frame.sender, data.send_video);
          this.peerFor(frame.sender)?.sendVideo(data.send_video);
        }
        break;
      }
      case Type.ROOM_STATE: {
        const data = /** @type {RoomState} */ (frame.data);
        this.locked = !!data.locked;
        this.emit('room-state', { locked: this.locked });
        break;
      }
      case Type.ROLE: {
        const data = /** @type {RoleChange} */ (frame.data);
        for (const client of this.clients.values()) {
          if (client.user_id === data.user_id) {
            client.role = data.role;
          }
        }
        if (data.user_id === this.userId && this.selfId) {
          this.role = data.role;
          const self = this.clients.get(this.selfId);
          this.emit('self', { id: this.selfId, role: data.role, userId: this.userId, username: self?.username });
        }
        this.emit('roster', { clients: this.clients });
        break;
      }
      case Type.MUTE: {
        // Only moderators may send it (the server refuses anyone else).
        const data = /** @type {MuteRequest | null} */ (frame.data);
        const named = data && Array.isArray(data.kinds) ? data.kinds : ['audio'];
        const kinds = /** @type {MediaKind[]} */ (MEDIA_KINDS.filter((k) => named.includes(/** @type {MediaKind} */ (k))));
        this.setStatus(Object.fromEntries(kinds.map((kind) => [kind, this.enable(kind, false)])));
        this.emit('muted', { kinds });
        break;
      }
      case Type.HISTORY: {
        const data = /** @type {History} */ (frame.data);
        this.emit('history', { messages: data.messages, more: data.more, older: frame.ref === this.historyRequested });
        break;
      }
      case Type.TEXT: {
        const message = /** @type {ChatMessage} */ (frame.data);
        this.emit('text', { message, own: frame.sender === this.selfId });
        break;
      }
      case Type.PROFILE: {
        const data = /** @type {Profile} */ (frame.data);
        const client = this.clients.get(data.id);
        if (client) {
          client.username = data.username;
          this.emit('roster', { clients: this.clients });
        }
        break;
      }
      case Type.CLEAR_CHAT:
        this.emit('cleared', {});
        break;
      case Type.BYE:
        if (frame.sender === SERVER) {
          this.emit('bye', { reason: frame.data && frame.data.reason });
        } else if (frame.sender) {
          this.drop(frame.sender);
        }
        break;
      case Type.ERROR: {
        const data = /** @type {ErrorData} */ (frame.data);
        this.errors.push(data.code);
        this.emit('error', { code: data.code, message: data.message, ref: frame.ref });
        break;
      }
      default:
        break;
    }
  }

  /** Whether this client may kick, clear the chat, mute others and lock the room. */
  get moderator() {
    return this.role === Role.OWNER || this.role === Role.MODERATOR;
  }

  /** Whether this client may change roles (`set-role`). */
  get owner() {
    return this.role === Role.OWNER;
  }

  connectPeers() {
    if (!this.iceServers || !this.selfId) {
      return;
    }
    for (const id of this.clients.keys()) {
      if (id !== this.selfId) {
        this.peerFor(id);
      }
    }
  }

  /**
   * The peer for a client, made on first use once the ICE servers are known.
   * @param {string | undefined} id
   * @returns {VideoPeer | null}
   */
  peerFor(id) {
    const selfId = this.selfId;
    if (!id || !selfId || id === selfId || !this.iceServers) {
      return null;
    }
    let peer = this.peers.get(id);
    if (!peer) {
      peer = new VideoPeer({
        selfId, peerId: id, iceServers: this.iceServers, localStream: this.localStream, relay: this.relay,
        send: (frame) => this.send(frame),
      });
      peer.addEventListener('stream',
        (event) => this.emit('stream', { id, stream: /** @type {CustomEvent} */ (event).detail.stream }));
      peer.addEventListener('state', (event) => {
        const { state } = /** @type {CustomEvent} */ (event).detail;
        if (state === 'failed' || state === 'connected') {
          this.emit('path', { id, state });
        }
      });
      this.peers.set(id, peer);
      const wish = this.videoWishes.get(id);
      if (wish !== undefined) {
        peer.sendVideo(wish);
      }
    }
    return peer;
  }

  /**
   * One round of stats: each peer's quality, who is speaking, and the loudest.
   */
  async sample() {
    let loudest = null;
    let level = SPEAKING;
    for (const [id, peer] of [...this.peers]) {
      const now = await peer.counters().catch(() => null);
      const before = this.counters.get(id);
      if (!now || !this.peers.has(id)) {
        continue;
      }
      this.counters.set(id, now);
      if (before) {
        const quality = compare(before, now);
        this.quality.set(id, quality);
        if (quality.level > SPEAKING) {
          this.lastSpoke.set(id, Date.now());
        }
        if (quality.level > level) {
          loudest = id;
          level = quality.level;
        }
      }
    }
    this.emit('quality', { quality: this.quality });
    if (loudest !== this.speaker) {
      this.speaker = loudest;
      this.emit('speaker', { id: loudest });
    }
    this.arrangeVideos();
  }

  /**
   * Mesh video does not carry a big room (each person uploads one copy per
   * other person). Beyond the limit of video participants the page shows the
   * video of the most recent speakers only (chooseVideos), and tells each
   * other client whether it wants its video, so that one turns its video
   * sender to this page off; the others' audio is always received.
   */
  arrangeVideos() {
    const withVideo = [...this.clients.values()]
      .filter((c) => c.id !== this.selfId && (c.status.video !== false || c.status.screen === true));
    const limited = withVideo.length > this.videoLimit;
    const shown = chooseVideos(withVideo, this.shown, this.lastSpoke, this.videoLimit, Date.now());
    for (const id of this.peers.keys()) {
      // Nobody is told anything until the limit hides them (a sender starts by sending).
      const want = shown.has(id) || !withVideo.some((c) => c.id === id);
      if ((this.told.get(id) ?? true) !== want) {
        this.told.set(id, want);
        /** @type {VideoWanted} */
        const data = { send_video: want };
        this.send({ type: Type.GREETING, receiver: id, data });
      }
    }
    const changed = shown.size !== this.shown.size || [...shown].some((id) => !this.shown.has(id));
    if (changed || limited !== this.limitedVideos) {
      this.shown = shown;
      this.limitedVideos = limited;
      this.emit('videos', { shown, limited });
    }
  }

  /** @param {string} id */
  drop(id) {
    this.peers.get(id)?.close();
    this.peers.delete(id);
    this.counters.delete(id);
    this.quality.delete(id);
    this.lastSpoke.delete(id);
    this.told.delete(id);
    this.videoWishes.delete(id);
    this.clients.delete(id);
    this.emit('gone', { id });
    this.emit('roster', { clients: this.clients });
  }

  reset() {
    for (const id of [...this.peers.keys()]) {
      this.drop(id);
    }
    this.clients.clear();
  }

  /**
   * @param {string} text
   * @param {string | null} receiver a client id for a private message
   */
  say(text, receiver) {
    return this.send(receiver ? { type: Type.TEXT, receiver, data: { text } } : { type: Type.TEXT, data: { text } });
  }

  /** @param {number | null} before the oldest message_id shown */
  olderHistory(before) {
    this.historyRequested = this.send({ type: Type.GET_HISTORY, data: { before, limit: 50 } });
  }

  /**
   * Microphone or camera on or off: the tracks are disabled, not stopped, and
   * the room is told. Without a track of that kind it stays off.
   * @param {MediaKind} kind
   * @param {boolean} on
   */
  setMedia(kind, on) {
    this.setStatus({ [kind]: this.enable(kind, on) });
  }

  /**
   * Enables or disables the local tracks of a kind; returns whether that kind is on now.
   * @param {MediaKind} kind
   * @param {boolean} on
   */
  enable(kind, on) {
    const tracks = kind === 'audio' ? this.localStream.getAudioTracks() : this.localStream.getVideoTracks();
    tracks.forEach((t) => { t.enabled = on; });
    return on && tracks.length > 0;
  }

  /**
   * Changes our own status (hand, microphone, camera, screen) and tells the room.
   * @param {Status} change
   */
  setStatus(change) {
    Object.assign(this.status, change);
    this.sendStatus();
    this.emit('status', { status: this.status });
    this.emit('roster', { clients: this.clients });
  }

  /** Sends our whole status (the server delivers it to everyone, us included) and shows it at once. */
  sendStatus() {
    const self = this.selfId ? this.clients.get(this.selfId) : undefined;
    if (self) {
      self.status = { ...this.status };
    }
    this.send({ type: Type.STATUS, data: { ...this.status } });
  }

  /**
   * @param {'audio' | 'video'} kind
   * @param {MediaStreamTrack | null} track
   */
  async replaceTrack(kind, track) {
    await Promise.all([...this.peers.values()].map((peer) => peer.replaceTrack(kind, track)));
  }

  /** @param {string} id a client id */
  kick(id) {
    this.send({ type: Type.KICK, data: { id } });
  }

  /**
   * Asks another client to turn media off (moderators).
   * @param {string} id a client id
   * @param {MediaKind[]} kinds
   */
  mute(id, kinds) {
    /** @type {MuteRequest} */
    const data = { kinds };
    this.send({ type: Type.MUTE, receiver: id, data });
  }

  /**
   * Makes a member a moderator or a moderator a member (owners).
   * @param {string} userId
   * @param {string} role Role.MODERATOR or Role.MEMBER
   */
  setRole(userId, role) {
    /** @type {RoleChange} */
    const data = { user_id: userId, role };
    this.send({ type: Type.SET_ROLE, data });
  }

  /** @param {boolean} locked */
  lock(locked) {
    this.send({ type: locked ? Type.LOCK : Type.UNLOCK });
  }

  clearChat() {
    this.send({ type: Type.CLEAR_CHAT });
  }

  async stats() {
    /** @type {Record<string, number>} */
    const result = {};
    for (const [id, peer] of this.peers) {
      result[id] = await peer.framesDecoded();
    }
    return result;
  }

  leave() {
    this.send({ type: Type.BYE, data: { reason: Reason.LEFT } });
    this.reset();
    clearInterval(this.monitor);
    this.signaler.close(Reason.LEFT);
  }

  /**
   * @param {string} type
   * @param {object} detail
   */
  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
