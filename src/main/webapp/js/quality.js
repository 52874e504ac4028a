// @ts-check
// Connection quality and audio level of one peer connection, from the
// counters of RTCPeerConnection.getStats() sampled now and then (Galène's
// `onstats` does the same): the received bitrate, the share of packets lost
// and the round-trip time between two samples, and how loud the other side
// was meanwhile. It knows nothing of the page.

/**
 * The raw counters of one sample (VideoPeer.counters()).
 * @typedef {object} Counters
 * @property {number} time          ms (performance.now() when sampled)
 * @property {number} bytes         received, all inbound streams
 * @property {number} packets       received, all inbound streams
 * @property {number} lost          packets lost, all inbound streams
 * @property {number | null} rtt    seconds, of the selected candidate pair
 * @property {number} energy        inbound audio: totalAudioEnergy
 * @property {number} duration      inbound audio: totalSamplesDuration (s)
 * @property {Path} path            how the selected candidate pair carries the media
 */

/**
 * The way a call's media goes: straight between the two browsers (host,
 * server-reflexive or peer-reflexive candidates), or through the TURN relay
 * over UDP, TCP or TLS; unknown until a candidate pair is selected.
 * @typedef {'direct' | 'relay-udp' | 'relay-tcp' | 'relay-tls' | 'unknown'} Path
 */

/** How the page says each path. */
const PATHS = Object.freeze({
  direct: 'direct', 'relay-udp': 'through the relay (UDP)', 'relay-tcp': 'through the relay (TCP)',
  'relay-tls': 'through the relay (TLS)', unknown: 'path unknown',
});

/**
 * The path of a selected candidate pair, from the type of its local
 * candidate and, for a relay candidate, how it reaches the relay.
 * @param {string | undefined} candidateType
 * @param {string | undefined} relayProtocol
 * @returns {Path}
 */
export function pathOf(candidateType, relayProtocol) {
  if (!candidateType) {
    return 'unknown';
  }
  if (candidateType !== 'relay') {
    return 'direct';
  }
  return relayProtocol === 'tcp' ? 'relay-tcp' : relayProtocol === 'tls' ? 'relay-tls' : 'relay-udp';
}

/**
 * What one interval between two samples says.
 * @typedef {object} Quality
 * @property {number} bitrate       bits per second received
 * @property {number} loss          share of packets lost, 0 to 1
 * @property {number | null} rtt    seconds
 * @property {number} level         the other side's audio level, 0 to 1 (root mean square)
 * @property {Path} path
 * @property {'good' | 'fair' | 'poor' | 'unknown'} grade
 */

/** Loss and round-trip time above which a connection is fair, or poor. */
export const LIMITS = Object.freeze({ fairLoss: 0.02, poorLoss: 0.08, fairRtt: 0.25, poorRtt: 0.6 });

/**
 * @param {number} loss
 * @param {number | null} rtt
 * @param {number} packets received in the interval
 * @returns {Quality['grade']}
 */
export function grade(loss, rtt, packets) {
  if (packets === 0 && rtt === null) {
    return 'unknown';
  }
  if (packets === 0 || loss > LIMITS.poorLoss || (rtt !== null && rtt > LIMITS.poorRtt)) {
    return 'poor';
  }
  if (loss > LIMITS.fairLoss || (rtt !== null && rtt > LIMITS.fairRtt)) {
    return 'fair';
  }
  return 'good';
}

/**
 * The quality between two samples of the same connection.
 * @param {Counters} before
 * @param {Counters} now
 * @returns {Quality}
 */
export function compare(before, now) {
  const seconds = Math.max(0.001, (now.time - before.time) / 1000);
  const packets = Math.max(0, now.packets - before.packets);
  const lost = Math.max(0, now.lost - before.lost);
  const loss = packets + lost > 0 ? lost / (packets + lost) : 0;
  const duration = now.duration - before.duration;
  const level = duration > 0 ? Math.sqrt(Math.max(0, now.energy - before.energy) / duration) : 0;
  return {
    bitrate: Math.max(0, now.bytes - before.bytes) * 8 / seconds,
    loss,
    rtt: now.rtt,
    level,
    path: now.path,
    grade: grade(loss, now.rtt, packets),
  };
}

/**
 * What the page shows when asked (a tooltip).
 * @param {Quality} quality
 */
export function describe(quality) {
  const rtt = quality.rtt === null ? '–' : `${Math.round(quality.rtt * 1000)} ms`;
  return `Connection ${quality.grade}: ${Math.round(quality.bitrate / 1000)} kb/s, `
    + `${(quality.loss * 100).toFixed(1)} % lost, round trip ${rtt}, ${PATHS[quality.path]}`;
}
