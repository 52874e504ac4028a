// @ts-check
// Manager: owns the Signaler and one VideoPeer per other client (a mesh). It
// reacts to the protocol's frames and tells the page what changed through
// events; it knows nothing of the page.
//
// Events: 'self' {id, role, userId, username}   after each welcome
//         'roster' {clients}                    Map id -> Client
//         'stream' {id, stream} / 'gone' {id}   a client's media appeared / it left
//         'history' {messages, more, older}     a page of chat (older: answer to get-history)
//         'text' {message, own}                 a delivered chat message
//         'cleared' / 'bye' {reason} / 'error' {code, message, ref}

import { Reason, Role, SERVER, Type } from './protocol.js';
import { VideoPeer } from './video-peer.js';

/** @typedef {import('./protocol.js').Frame} Frame */
/** @typedef {import('./protocol.js').OutFrame} OutFrame */
/** @typedef {import('./protocol.js').Welcome} Welcome */
/** @typedef {import('./protocol.js').RoomInfo} RoomInfo */
/** @typedef {import('./protocol.js').ClientInfo} ClientInfo */
/** @typedef {import('./protocol.js').IceServers} IceServers */
/** @typedef {import('./protocol.js').Left} Left */
/** @typedef {import('./protocol.js').History} History */
/** @typedef {import('./protocol.js').ChatMessage} ChatMessage */
/** @typedef {import('./protocol.js').Profile} Profile */
/** @typedef {import('./protocol.js').ErrorData} ErrorData */
/** @typedef {import('./signaler.js').Signaler} Signaler */
/**
 * A client in the room, with its microphone and camera state as its
 * `greeting` said.
 * @typedef {ClientInfo & {audio: boolean, video: boolean}} Client
 */
/**
 * The data of the `greeting` this client sends to the others: its
 * microphone and camera state. (A relay type: PROTOCOL.md leaves its data to
 * the clients.)
 * @typedef {{media: {audio: boolean, video: boolean}}} Greeting
 */

export class Manager extends EventTarget {
  /**
   * @param {Signaler} signaler
   * @param {MediaStream} localStream
   */
  constructor(signaler, localStream) {
    super();
    this.signaler = signaler;
    this.localStream = localStream;
    /** @type {string | null} */
    this.selfId = null;
    /** @type {string | null} */
    this.role = null;
    /** @type {IceServers | null} */
    this.iceServers = null;
    /** @type {Map<string, Client>} */
    this.clients = new Map();
    /** @type {Map<string, VideoPeer>} */
    this.peers = new Map();
    this.media = { audio: true, video: true };
    /** @type {string | null} */
    this.historyRequested = null;
    /** @type {Frame[]} */
    this.early = [];
    /** @type {string[]} */
    this.errors = [];
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
        this.emit('self', { id: data.client_id, role: data.role, userId: data.user_id, username: data.username });
        break;
      }
      case Type.ROOM_INFO: {
        const data = /** @type {RoomInfo} */ (frame.data);
        this.clients = new Map(data.clients.map((c) => [c.id, { ...c, audio: true, video: true }]));
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
        this.clients.set(data.id, { ...data, audio: true, video: true });
        this.emit('roster', { clients: this.clients });
        /** @type {Greeting} */
        const greeting = { media: this.media };
        this.send({ type: Type.GREETING, receiver: data.id, data: greeting });
        this.connectPeers();
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
      case Type.GREETING: {
        const data = /** @type {Partial<Greeting> | null} */ (frame.data);
        const client = frame.sender ? this.clients.get(frame.sender) : undefined;
        if (data && data.media && client) {
          Object.assign(client, { audio: !!data.media.audio, video: !!data.media.video });
          this.emit('roster', { clients: this.clients });
        }
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

  /** Whether this client may kick and clear the chat. */
  get moderator() {
    return this.role === Role.OWNER || this.role === Role.MODERATOR;
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
        selfId, peerId: id, iceServers: this.iceServers, localStream: this.localStream,
        send: (frame) => this.send(frame),
      });
      peer.addEventListener('stream',
        (event) => this.emit('stream', { id, stream: /** @type {CustomEvent} */ (event).detail.stream }));
      this.peers.set(id, peer);
    }
    return peer;
  }

  /** @param {string} id */
  drop(id) {
    this.peers.get(id)?.close();
    this.peers.delete(id);
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
   * @param {'audio' | 'video'} kind
   * @param {boolean} on
   */
  setMedia(kind, on) {
    this.media[kind] = on;
    /** @type {Greeting} */
    const greeting = { media: this.media };
    this.send({ type: Type.GREETING, data: greeting });
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
