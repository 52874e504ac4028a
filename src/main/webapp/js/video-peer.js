// VideoPeer: one RTCPeerConnection to one other client, negotiated with the
// "perfect negotiation" pattern, so offers made at the same moment by both
// sides never deadlock. Which side is polite is decided the same way on both
// ends, from the two client ids. Candidates that arrive before the remote
// description are queued; a failed connection restarts ICE.
//
// Events: 'stream' {stream}   the other side's media
//         'state' {state}     the connection state

export class VideoPeer extends EventTarget {
  constructor({ selfId, peerId, send, iceServers, localStream }) {
    super();
    this.peerId = peerId;
    this.send = send;
    this.polite = selfId < peerId;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.pendingCandidates = [];
    this.pc = new RTCPeerConnection({ iceServers });
    if (localStream) {
      for (const track of localStream.getTracks()) {
        this.pc.addTrack(track, localStream);
      }
    }
    this.pc.addEventListener('negotiationneeded', () => this.offer());
    this.pc.addEventListener('icecandidate', ({ candidate }) => {
      if (candidate) {
        this.send({ type: 'candidate', receiver: this.peerId, data: candidate.toJSON() });
      }
    });
    this.pc.addEventListener('track', ({ track, streams }) => {
      const stream = streams[0] || new MediaStream([track]);
      this.dispatchEvent(new CustomEvent('stream', { detail: { stream } }));
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
      this.send({ type: 'offer', receiver: this.peerId, data: { type: 'offer', sdp: this.pc.localDescription.sdp } });
    } catch (error) {
      console.warn('offer failed', error);
    } finally {
      this.makingOffer = false;
    }
  }

  /** An offer or answer from the other side: data is an SDP string or {type, sdp}. */
  async description(type, data) {
    const description = typeof data === 'string' ? { type, sdp: data } : { type, sdp: data.sdp };
    const collision = type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) {
      return;
    }
    await this.pc.setRemoteDescription(description);
    for (const candidate of this.pendingCandidates.splice(0)) {
      await this.addCandidate(candidate);
    }
    if (type === 'offer') {
      await this.pc.setLocalDescription();
      this.send({ type: 'answer', receiver: this.peerId, data: { type: 'answer', sdp: this.pc.localDescription.sdp } });
    }
  }

  async candidate(data) {
    if (!this.pc.remoteDescription) {
      this.pendingCandidates.push(data);
      return;
    }
    await this.addCandidate(data);
  }

  async addCandidate(data) {
    try {
      await this.pc.addIceCandidate(data);
    } catch (error) {
      if (!this.ignoreOffer) {
        console.warn('candidate refused', error);
      }
    }
  }

  /** Swaps the outgoing track of a kind (camera for screen, another device). */
  async replaceTrack(kind, track) {
    const sender = this.pc.getSenders().find((s) => s.track?.kind === kind || (!s.track && kind === 'video'));
    if (sender) {
      await sender.replaceTrack(track);
    }
  }

  setIceServers(iceServers) {
    this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers });
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

  close() {
    this.pc.close();
  }
}
