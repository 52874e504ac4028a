// Signaler: the one WebSocket to /ws/rooms/{id} (PROTOCOL.md). Frames in and
// out, a protocol ping every 20 s, and reconnection with exponential backoff
// and full jitter. It knows nothing of the page.
//
// Events: 'state' {state, reason}  state: connecting | connected | reconnecting | closed
//         'frame' {frame}          every frame the server sends, parsed
//
// openUrl() must resolve to the socket URL (with a fresh ticket); a rejection
// whose error has `final` set ends the Signaler instead of retrying.

const FINAL_CLOSES = new Map([
  [4001, 'expired'], [4003, 'kicked'], [4004, 'room-deleted'], [1008, 'rate-limited'],
  [1003, 'protocol'], [1009, 'protocol'],
]);

export class Signaler extends EventTarget {
  constructor(openUrl, { baseDelay = 500, maxDelay = 15000, pingEvery = 20000 } = {}) {
    super();
    this.openUrl = openUrl;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.pingEvery = pingEvery;
    this.state = 'idle';
    this.attempt = 0;
    this.socket = null;
    this.stopped = false;
    this.pinger = null;
    this.sequence = 0;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  /** Sends a frame; returns its id, or null when not connected. */
  send(frame) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      return null;
    }
    const id = frame.id ?? `c-${++this.sequence}`;
    this.socket.send(JSON.stringify({ ...frame, id }));
    return id;
  }

  close(reason = 'left') {
    this.stopped = true;
    clearInterval(this.pinger);
    if (this.socket) {
      this.socket.close(1000, reason);
    }
    this.setState('closed', reason);
  }

  async connect() {
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let url;
    try {
      url = await this.openUrl();
    } catch (error) {
      if (error.final) {
        this.stopped = true;
        this.setState('closed', error.reason || 'refused');
        return;
      }
      this.retry();
      return;
    }
    if (this.stopped) {
      return;
    }
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.setState('connected');
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.send({ type: 'ping' }), this.pingEvery);
    });
    socket.addEventListener('message', (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
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

  setState(state, reason = null) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: { state, reason } }));
  }
}
