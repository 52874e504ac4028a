// @ts-check
// Signaler: the one WebSocket to /ws/rooms/{id} (PROTOCOL.md). Frames in and
// out, a protocol ping every 20 s, and reconnection with exponential backoff
// and full jitter. A reconnection first asks to take the place back (resume,
// PROTOCOL.md 3.3) with the newest welcome's token and the last seq read, so
// the page keeps its client id and its calls; a connection that stays silent
// for two pings is given up with 4000 and resumed. It knows nothing of the
// page.
//
// Events: 'state' {state, reason}  state: connecting | connected | reconnecting | closed
//         'frame' {frame}          every frame the server sends, parsed
//
// openUrl() must resolve to the socket URL (with a fresh ticket); a rejection
// whose error has `final` set ends the Signaler instead of retrying.

import { Close, ErrorCode, Reason, Type } from './protocol.js';

/** @typedef {import('./protocol.js').Frame} Frame */
/** @typedef {import('./protocol.js').OutFrame} OutFrame */

/** @type {Map<number, string>} closes after which reconnecting would not help, and the reason the page is told */
const FINAL_CLOSES = new Map([
  [Close.EXPIRED, Reason.EXPIRED], [Close.KICKED, Reason.KICKED], [Close.ROOM_DELETED, Reason.ROOM_DELETED],
  [Close.POLICY, ErrorCode.RATE_LIMITED], [Close.BINARY, 'protocol'], [Close.TOO_BIG, 'protocol'],
]);

export class Signaler extends EventTarget {
  /**
   * @param {() => Promise<string>} openUrl
   * @param {{baseDelay?: number, maxDelay?: number, pingEvery?: number}} [options]
   */
  constructor(openUrl, { baseDelay = 500, maxDelay = 15000, pingEvery = 20000 } = {}) {
    super();
    this.openUrl = openUrl;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.pingEvery = pingEvery;
    this.state = 'idle';
    this.attempt = 0;
    /** @type {WebSocket | null} */
    this.socket = null;
    this.stopped = false;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.pinger = undefined;
    this.sequence = 0;
    /** @type {string | null} the newest welcome's resume token, used up by the next connection */
    this.resumeToken = null;
    /** the seq of the last frame read, as a resume reports it (a resumed welcome's own does not count) */
    this.lastSeq = 0;
    /** when a frame last arrived (Date.now()) */
    this.lastHeard = 0;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  /**
   * Sends a frame; returns its id, or null when not connected.
   * @param {OutFrame} frame
   * @returns {string | null}
   */
  send(frame) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      return null;
    }
    const id = frame.id ?? `c-${++this.sequence}`;
    this.socket.send(JSON.stringify({ ...frame, id }));
    return id;
  }

  close(reason = Reason.LEFT) {
    this.stopped = true;
    clearInterval(this.pinger);
    if (this.socket) {
      this.socket.close(Close.NORMAL, reason);
    }
    this.setState('closed', reason);
  }

  async connect() {
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let url;
    try {
      url = await this.openUrl();
    } catch (error) {
      const { final, reason } = /** @type {{final?: boolean, reason?: string}} */ (error);
      if (final) {
        this.stopped = true;
        this.setState('closed', reason || 'refused');
        return;
      }
      this.retry();
      return;
    }
    if (this.stopped) {
      return;
    }
    const socket = new WebSocket(this.resumeToken ? withResume(url, this.resumeToken, this.lastSeq) : url);
    this.resumeToken = null;
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.setState('connected');
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.keepAlive(socket), this.pingEvery);
    });
    socket.addEventListener('message', (event) => {
      /** @type {Frame} */
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      this.lastHeard = Date.now();
      if (frame.type === Type.WELCOME) {
        this.resumeToken = frame.data?.resume || null;
      }
      if (typeof frame.seq === 'number' && !(frame.type === Type.WELCOME && frame.data?.resumed)) {
        this.lastSeq = frame.seq;
      }
      this.dispatchEvent(new CustomEvent('frame', { detail: { frame } }));
    });
    socket.addEventListener('close', (event) => {
      clearInterval(this.pinger);
      if (this.socket !== socket || this.stopped) {
        return;
      }
      const final = FINAL_CLOSES.get(event.code);
      if (final) {
        this.stopped = true;
        this.setState('closed', final);
        return;
      }
      this.retry();
    });
  }

  /**
   * Pings, or gives the connection up when nothing came for two pings: a
   * dropped network may take the browser minutes to notice. The close says
   * 4000 (reconnecting), so the server keeps the place for the resume.
   * @param {WebSocket} socket
   */
  keepAlive(socket) {
    if (Date.now() - this.lastHeard < 2 * this.pingEvery) {
      this.send({ type: Type.PING });
      return;
    }
    clearInterval(this.pinger);
    this.socket = null;
    socket.close(Close.RECONNECTING, 'reconnecting');
    this.retry();
  }

  retry() {
    if (this.stopped) {
      return;
    }
    this.attempt += 1;
    const ceiling = Math.min(this.maxDelay, this.baseDelay * 2 ** Math.min(this.attempt, 10));
    const delay = Math.random() * ceiling;
    this.setState('reconnecting');
    setTimeout(() => this.connect(), delay);
  }

  /**
   * @param {string} state
   * @param {string | null} [reason]
   */
  setState(state, reason = null) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: { state, reason } }));
  }
}

/**
 * The socket URL asking to take the place back (PROTOCOL.md 3.3).
 * @param {string} url
 * @param {string} token
 * @param {number} lastSeq
 */
function withResume(url, token, lastSeq) {
  const resumed = new URL(url);
  resumed.searchParams.set('resume', token);
  resumed.searchParams.set('last_seq', String(lastSeq));
  return resumed.toString();
}
