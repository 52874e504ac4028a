// @ts-check
// VideoPeer: one RTCPeerConnection to one other client, negotiated with the
// "perfect negotiation" pattern, so offers made at the same moment by both
// sides never deadlock. Which side is polite is decided the same way on both
// ends, from the two client ids. Candidates that arrive before the remote
// description are queued; a failed connection restarts ICE. With `relay`
// set (a test-only switch of the page), ICE uses only the TURN relay, and
// only its URLs of that kind.
//
// Events: 'stream' {stream}   the other side's media
//         'state' {state}     the connection state

import { Type } from './protocol.js';
import { pathOf } from './quality.js';

/**
 * The ICE servers a peer connection uses: all of them, or with `relay` only
 * the TURN URLs of that kind (`udp`: `turn:` without `transport=tcp`;
 * `tcp`: `turn:` with it; `tls`: `turns:`).
 * @param {RTCIceServer[]} iceServers
 * @param {string | null} relay
 * @returns {RTCIceServer[]}
 */
export function serversFor(iceServers, relay) {
  if (!relay) {
    return iceServers;
  }
  /** @param {string} url */
  const wanted = (url) => (relay === 'tls' ? url.startsWith('turns:')
    : url.startsWith('turn:') && url.includes('transport=tcp') === (relay === 'tcp'));
  return iceServers
    .map((server) => ({ ...server, urls: [server.urls].flat().filter(wanted) }))
    .filter((server) => server.urls.length > 0);
}

export class VideoPeer extends EventTarget {
  /**
   * @param {object} options
   * @param {string} options.selfId
   * @param {string} options.peerId
   * @param {(frame: import('./protocol.js').OutFrame) => unknown} options.send
   * @param {RTCIceServer[]} options.iceServers
   * @param {MediaStream} [options.localStream]
   * @param {string | null} [options.relay] relay-only ICE over this kind of TURN URL (tests)
   */
  constructor({ selfId, peerId, send, iceServers, localStream, relay = null }) {
    super();
    this.peerId = peerId;
    this.send = send;
    this.polite = selfId < peerId;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.settingRemoteAnswer = false;
    /** @type {RTCIceCandidateInit[]} */
    this.pendingCandidates = [];
    this.counts = { sent: 0, received: 0, added: 0, refused: 0, offers: 0, answers: 0, ignored: 0, restarts: 0 };
    /** @type {number[]} when ICE was restarted for being stuck, for the limit of three a minute */
    this.restarts = [];
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.iceTimer = undefined;
    /** @type {Set<RTCRtpTransceiver>} transceivers that only received until replaceTrack gave them a track */
    this.opened = new Set();
    this.relay = relay;
    this.pc = new RTCPeerConnection({ iceServers: serversFor(iceServers, relay),
      iceTransportPolicy: relay ? 'relay' : 'all' });
    // The impolite side makes the first offer, asking for audio and video
    // even when it sends neither; the polite side adds its tracks when that
    // offer arrives, so the pair starts without crossed offers. (Chromium
    // can stop gathering candidates for good when a first offer is rolled
    // back; the browser tests caught it.) Later offers may cross freely.
    this.localStream = localStream || new MediaStream();
    this.tracksPending = this.polite;
    if (!this.polite) {
      for (const track of this.localStream.getTracks()) {
        this.pc.addTrack(track, this.localStream);
      }
      for (const kind of ['audio', 'video']) {
        if (!this.localStream.getTracks().some((t) => t.kind === kind)) {
          this.pc.addTransceiver(kind, { direction: 'recvonly' });
        }
      }
    }
    this.pc.addEventListener('negotiationneeded', () => this.offer());
    this.pc.addEventListener('icecandidate', ({ candidate }) => {
      if (candidate) {
        this.counts.sent += 1;
        this.send({ type: Type.CANDIDATE, receiver: this.peerId, data: candidate.toJSON() });
      }
    });
    this.pc.addEventListener('track', ({ track, streams }) => {
      const stream = streams[0] || new MediaStream([track]);
      this.dispatchEvent(new CustomEvent('stream', { detail: { stream } }));
    });
    /** whether the other side shows our video (a `greeting`); when not, the video sender to it is inactive */
    this.videoWanted = true;
    this.pc.addEventListener('signalingstatechange', () => {
      this.watchIce();
      if (this.pc.signalingState === 'stable') {
        this.applyVideoWanted();
      }
    });
    this.pc.addEventListener('connectionstatechange', () => {
      if (this.pc.connectionState === 'failed') {
        this.pc.restartIce();
      }
      this.dispatchEvent(new CustomEvent('state', { detail: { state: this.pc.connectionState } }));
    });
  }

  async offer() {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.sendLocal();
    } catch (error) {
      console.warn('offer failed', error);
    } finally {
      this.makingOffer = false;
    }
  }

  /**
   * Sends what setLocalDescription() made, under its real type: when an
   * offer from the other side was being applied meanwhile, it is an answer.
   */
  sendLocal() {
    const local = this.pc.localDescription;
    if (!local) {
      return;
    }
    const { type, sdp } = local;
    this.send({ type, receiver: this.peerId, data: { type, sdp } });
  }

  /**
   * An offer or answer from the other side: data is an SDP string or {type, sdp}.
   * @param {string} type Type.OFFER or Type.ANSWER
   * @param {string | {sdp: string}} data
   */
  async description(type, data) {
    /** @type {RTCSessionDescriptionInit} */
    const description = {
      type: type === Type.OFFER ? 'offer' : 'answer',
      sdp: typeof data === 'string' ? data : data.sdp,
    };
    const readyForOffer = !this.makingOffer
      && (this.pc.signalingState === 'stable' || this.settingRemoteAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    this.ignoreOffer = !this.polite && collision;
    this.counts[description.type === 'offer' ? 'offers' : 'answers'] += 1;
    if (this.ignoreOffer) {
      this.counts.ignored += 1;
      return;
    }
    this.settingRemoteAnswer = description.type === 'answer';
    try {
      await this.pc.setRemoteDescription(description);
    } finally {
      this.settingRemoteAnswer = false;
    }
    for (const candidate of this.pendingCandidates.splice(0)) {
      await this.addCandidate(candidate);
    }
    if (description.type === 'offer') {
      if (this.tracksPending) {
        this.tracksPending = false;
        for (const track of this.localStream.getTracks()) {
          this.pc.addTrack(track, this.localStream);
        }
      }
      await this.pc.setLocalDescription();
      this.sendLocal();
    }
  }

  /** @param {RTCIceCandidateInit} data */
  async candidate(data) {
    this.counts.received += 1;
    if (!this.pc.remoteDescription) {
      this.pendingCandidates.push(data);
      return;
    }
    await this.addCandidate(data);
  }

  /** @param {RTCIceCandidateInit} data */
  async addCandidate(data) {
    try {
      await this.pc.addIceCandidate(data);
      this.counts.added += 1;
    } catch (error) {
      this.counts.refused += 1;
      if (!this.ignoreOffer) {
        console.warn('candidate refused', error);
      }
    }
  }

  /**
   * ICE that has not started some seconds after negotiation settled (a
   * browser can stop gathering when its own offer is rolled back, and a
   * candidate can be lost) is restarted: a new round with new candidates.
   * At most three times a minute per peer, so a dead pair does not spin.
   */
  watchIce() {
    if (this.pc.signalingState !== 'stable') {
      return;
    }
    clearTimeout(this.iceTimer);
    this.iceTimer = setTimeout(() => {
      const now = Date.now();
      this.restarts = this.restarts.filter((t) => now - t < 60000);
      const stuck = this.pc.signalingState === 'stable'
        && (this.pc.iceConnectionState === 'new' || this.pc.iceConnectionState === 'checking');
      if (stuck && this.restarts.length < 3) {
        this.restarts.push(now);
        this.counts.restarts += 1;
        this.pc.restartIce();
      }
    }, 4000 + Math.random() * 1000);
  }

  /**
   * Swaps the outgoing track of a kind (camera for screen, another device).
   * The sender is the one of the transceiver of that kind, never one chosen by
   * the track it carries now: without a camera or a microphone a sender
   * carries none. Without a camera that transceiver only receives, so it is
   * made to send (a renegotiation) while there is a track, and to only
   * receive again when the track is taken away.
   * @param {'audio' | 'video'} kind
   * @param {MediaStreamTrack | null} track
   */
  async replaceTrack(kind, track) {
    const transceiver = this.pc.getTransceivers()
      .find((t) => t.receiver.track.kind === kind && t.currentDirection !== 'stopped');
    if (!transceiver) {
      return;
    }
    await transceiver.sender.replaceTrack(track);
    if (track && (transceiver.direction === 'recvonly' || transceiver.direction === 'inactive')) {
      this.opened.add(transceiver);
      transceiver.sender.setStreams(this.localStream);
      transceiver.direction = transceiver.direction === 'recvonly' ? 'sendrecv' : 'sendonly';
    } else if (!track && this.opened.delete(transceiver)) {
      transceiver.direction = transceiver.direction === 'sendrecv' ? 'recvonly' : 'inactive';
    }
  }

  /**
   * Turns the video sender to this peer on or off, without a renegotiation
   * (its encodings' `active`); the camera stays on for the others.
   * @param {boolean} on
   */
  async sendVideo(on) {
    this.videoWanted = on;
    await this.applyVideoWanted();
  }

  async applyVideoWanted() {
    const transceiver = this.pc.getTransceivers().find((t) => t.receiver.track.kind === 'video');
    if (!transceiver) {
      return;
    }
    const parameters = transceiver.sender.getParameters();
    if (!parameters.encodings || parameters.encodings.length === 0
        || parameters.encodings.every((e) => e.active === this.videoWanted)) {
      return;
    }
    parameters.encodings.forEach((e) => { e.active = this.videoWanted; });
    await transceiver.sender.setParameters(parameters).catch((error) => console.warn('video sender', error));
  }

  /** Whether the video sender to this peer is sending (for tests). */
  videoSending() {
    const transceiver = this.pc.getTransceivers().find((t) => t.receiver.track.kind === 'video');
    const encodings = transceiver ? transceiver.sender.getParameters().encodings || [] : [];
    return encodings.length > 0 && encodings.every((e) => e.active !== false);
  }

  /** @param {RTCIceServer[]} iceServers */
  setIceServers(iceServers) {
    this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers: serversFor(iceServers, this.relay) });
  }

  /** Inbound video frames decoded so far (for diagnostics and tests). */
  async framesDecoded() {
    let frames = 0;
    (await this.pc.getStats()).forEach((report) => {
      if (report.type === 'inbound-rtp' && report.kind === 'video') {
        frames += report.framesDecoded || 0;
      }
    });
    return frames;
  }

  /**
   * The counters connection quality and audio level are computed from (quality.js).
   * @returns {Promise<import('./quality.js').Counters>}
   */
  async counters() {
    const stats = await this.pc.getStats();
    const counters = { time: performance.now(), bytes: 0, packets: 0, lost: 0, rtt: /** @type {number | null} */ (null),
      energy: 0, duration: 0, path: /** @type {import('./quality.js').Path} */ ('unknown') };
    /** @type {string | undefined} */
    let localCandidate;
    /** @type {string | undefined} */
    let selectedPair;
    stats.forEach((report) => {
      if (report.type === 'inbound-rtp') {
        counters.bytes += report.bytesReceived || 0;
        counters.packets += report.packetsReceived || 0;
        counters.lost += Math.max(0, report.packetsLost || 0);
        if (report.kind === 'audio') {
          counters.energy += report.totalAudioEnergy || 0;
          counters.duration += report.totalSamplesDuration || 0;
        }
      } else if (report.type === 'transport' && report.selectedCandidatePairId) {
        selectedPair = report.selectedCandidatePairId;
      }
    });
    stats.forEach((report) => {
      const selected = selectedPair ? report.id === selectedPair : report.nominated && report.state === 'succeeded';
      if (report.type === 'candidate-pair' && selected) {
        localCandidate = report.localCandidateId;
        if (typeof report.currentRoundTripTime === 'number') {
          counters.rtt = report.currentRoundTripTime;
        }
      }
    });
    const local = localCandidate ? stats.get(localCandidate) : undefined;
    counters.path = pathOf(local?.candidateType, local?.relayProtocol);
    return counters;
  }

  close() {
    clearTimeout(this.iceTimer);
    this.pc.close();
  }
}
