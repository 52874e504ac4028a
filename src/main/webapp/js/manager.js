// Manager: owns the Signaler and one VideoPeer per other client (a mesh). It
// reacts to the protocol's frames and tells the page what changed through
// events; it knows nothing of the page.
//
// Events: 'self' {id, role, userId, username}   after each welcome
//         'roster' {clients}                    Map id -> {id, user_id, username, role, audio, video}
//         'stream' {id, stream} / 'gone' {id}   a client's media appeared / it left
//         'history' {messages, more, older}     a page of chat (older: answer to get-history)
//         'text' {message, own}                 a delivered chat message
//         'cleared' / 'bye' {reason} / 'error' {code, message, ref}

import { VideoPeer } from './video-peer.js';

export class Manager extends EventTarget {
  constructor(signaler, localStream) {
    super();
    this.signaler = signaler;
    this.localStream = localStream;
    this.selfId = null;
    this.role = null;
    this.iceServers = null;
    this.clients = new Map();
    this.peers = new Map();
    this.media = { audio: true, video: true };
    this.historyRequested = null;
    this.early = [];
    this.errors = [];
    signaler.addEventListener('frame', (event) => this.receive(event.detail.frame));
  }

  send(frame) {
    return this.signaler.send(frame);
  }

  receive(frame) {
    const data = frame.data;
    switch (frame.type) {
      case 'welcome':
        if (this.selfId !== data.client_id) {
          this.reset();
          this.selfId = data.client_id;
          this.iceServers = null;
          this.early = [];
          this.send({ type: 'get-ice-servers' });
        }
        this.role = data.role;
        this.emit('self', { id: data.client_id, role: data.role, userId: data.user_id, username: data.username });
        break;
      case 'room-info':
        this.clients = new Map(data.clients.map((c) => [c.id, { ...c, audio: true, video: true }]));
        this.emit('roster', { clients: this.clients });
        this.connectPeers();
        break;
      case 'ice-servers':
        this.iceServers = data;
        for (const peer of this.peers.values()) {
          peer.setIceServers(data);
        }
        this.connectPeers();
        for (const early of this.early.splice(0)) {
          this.receive(early);
        }
        break;
      case 'joined':
        this.clients.set(data.id, { ...data, audio: true, video: true });
        this.emit('roster', { clients: this.clients });
        this.send({ type: 'greeting', receiver: data.id, data: { media: this.media } });
        this.connectPeers();
        break;
      case 'left':
        this.drop(data.id);
        break;
      case 'offer':
      case 'answer':
      case 'candidate':
        if (!this.iceServers) {
          // Signaling that overtook our ice-servers answer waits for it.
          this.early.push(frame);
        } else if (frame.type === 'candidate') {
          this.peerFor(frame.sender)?.candidate(data);
        } else {
          this.peerFor(frame.sender)?.description(frame.type, data);
        }
        break;
      case 'greeting':
        if (data && data.media && this.clients.has(frame.sender)) {
          Object.assign(this.clients.get(frame.sender), { audio: !!data.media.audio, video: !!data.media.video });
          this.emit('roster', { clients: this.clients });
        }
        break;
      case 'history':
        this.emit('history', { messages: data.messages, more: data.more, older: frame.ref === this.historyRequested });
        break;
      case 'text':
        this.emit('text', { message: data, own: frame.sender === this.selfId });
        break;
      case 'profile':
        if (this.clients.has(data.id)) {
          this.clients.get(data.id).username = data.username;
          this.emit('roster', { clients: this.clients });
        }
        break;
      case 'clear-chat':
        this.emit('cleared', {});
        break;
      case 'bye':
        if (frame.sender === 'server') {
          this.emit('bye', { reason: data && data.reason });
        } else {
          this.drop(frame.sender);
        }
        break;
      case 'error':
        this.errors.push(data.code);
        this.emit('error', { code: data.code, message: data.message, ref: frame.ref });
        break;
      default:
        break;
    }
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

  peerFor(id) {
    if (!id || id === this.selfId || !this.iceServers) {
      return null;
    }
    let peer = this.peers.get(id);
    if (!peer) {
      peer = new VideoPeer({
        selfId: this.selfId, peerId: id, iceServers: this.iceServers, localStream: this.localStream,
        send: (frame) => this.send(frame),
      });
      peer.addEventListener('stream', (event) => this.emit('stream', { id, stream: event.detail.stream }));
      this.peers.set(id, peer);
    }
    return peer;
  }

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

  say(text, receiver) {
    return this.send(receiver ? { type: 'text', receiver, data: { text } } : { type: 'text', data: { text } });
  }

  olderHistory(before) {
    this.historyRequested = this.send({ type: 'get-history', data: { before, limit: 50 } });
  }

  setMedia(kind, on) {
    this.media[kind] = on;
    this.send({ type: 'greeting', data: { media: this.media } });
  }

  async replaceTrack(kind, track) {
    await Promise.all([...this.peers.values()].map((peer) => peer.replaceTrack(kind, track)));
  }

  kick(id) {
    this.send({ type: 'kick', data: { id } });
  }

  clearChat() {
    this.send({ type: 'clear-chat' });
  }

  async stats() {
    const result = {};
    for (const [id, peer] of this.peers) {
      result[id] = await peer.framesDecoded();
    }
    return result;
  }

  leave() {
    this.send({ type: 'bye', data: { reason: 'left' } });
    this.reset();
    this.signaler.close('left');
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
