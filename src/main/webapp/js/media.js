// @ts-check
// Media: the camera and microphone, mute and camera-off, the screen share,
// the raised hand, the device pickers, and the tiles the other clients' videos play in. The
// peers themselves are the Manager's (one VideoPeer per other client): this
// module gives them tracks and shows what they receive.

/** @typedef {import('./manager.js').Manager} Manager */
/** @typedef {import('./ui.js').RoomView} RoomView */

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * Camera and microphone, else microphone only, else camera only, else none:
 * a person without a camera can still listen and chat.
 * @param {RoomView} view
 */
export async function localMedia(view) {
  for (const constraints of [{ audio: true, video: true }, { audio: true }, { video: true }]) {
    try {
      return await navigator.mediaDevices.getUserMedia(constraints);
    } catch (error) {
      console.warn('media refused', constraints, error);
    }
  }
  view.banner('Camera and microphone are not available: you can still watch, listen and chat.');
  return new MediaStream();
}

/**
 * Shows the local stream and the others' as they arrive, and wires the media controls.
 * @param {Manager} manager
 * @param {MediaStream} stream the local camera and microphone
 * @param {RoomView} view
 */
export function attachMedia(manager, stream, view) {
  view.tile('self', 'You');
  view.attach('self', stream);
  manager.addEventListener('roster', (event) => {
    const { clients } = /** @type {CustomEvent} */ (event).detail;
    for (const id of clients.keys()) {
      if (id !== manager.selfId) {
        view.tile(id);
      }
    }
    for (const id of [...view.tiles.keys()]) {
      if (id !== 'self' && !clients.has(id)) {
        view.remove(id);
      }
    }
    view.captions(clients);
  });
  manager.addEventListener('stream', (event) => {
    const { id, stream: remote } = /** @type {CustomEvent} */ (event).detail;
    view.attach(id, remote);
  });
  manager.addEventListener('gone', (event) => view.remove(/** @type {CustomEvent} */ (event).detail.id));
  manager.addEventListener('quality', (event) => view.qualities(/** @type {CustomEvent} */ (event).detail.quality));
  manager.addEventListener('speaker', (event) => view.speaker(/** @type {CustomEvent} */ (event).detail.id));
  manager.addEventListener('videos', (event) => {
    const { shown, limited } = /** @type {CustomEvent} */ (event).detail;
    view.videos(shown, limited, manager.videoLimit);
  });

  // The buttons show our status, whoever changed it (a click, a moderator's mute).
  const showStatus = () => {
    const { audio, video, hand } = manager.status;
    pressed($('mic'), audio, 'Mute', 'Unmute');
    pressed($('camera'), video, 'Camera off', 'Camera on');
    pressed($('hand'), hand, 'Lower hand', 'Raise hand');
  };
  manager.addEventListener('status', showStatus);
  showStatus();
  $('mic').addEventListener('click', () => manager.setMedia('audio', !manager.status.audio));
  $('camera').addEventListener('click', () => manager.setMedia('video', !manager.status.video));
  $('hand').addEventListener('click', () => manager.setStatus({ hand: !manager.status.hand }));
  $('screen').addEventListener('click', () => shareScreen(manager, stream, view));
  setUpDevices(manager, stream, view);
}

/**
 * @param {HTMLElement} button
 * @param {boolean} on
 * @param {string} onLabel what the button says while on
 * @param {string} offLabel
 */
function pressed(button, on, onLabel, offLabel) {
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? onLabel : offLabel;
}

/**
 * Sends the screen instead of the camera, and the camera again (or nothing
 * without one) when the share stops.
 * @param {Manager} manager
 * @param {MediaStream} stream
 * @param {RoomView} view
 */
async function shareScreen(manager, stream, view) {
  const button = $('screen');
  const stopped = () => {
    button.setAttribute('aria-pressed', 'false');
    button.textContent = 'Share screen';
    manager.setStatus({ screen: false });
  };
  if (button.getAttribute('aria-pressed') === 'true') {
    await manager.replaceTrack('video', stream.getVideoTracks()[0] || null);
    stopped();
    return;
  }
  try {
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
    const track = screen.getVideoTracks()[0];
    await manager.replaceTrack('video', track);
    button.setAttribute('aria-pressed', 'true');
    button.textContent = 'Stop sharing';
    manager.setStatus({ screen: true });
    track.addEventListener('ended', () => {
      manager.replaceTrack('video', stream.getVideoTracks()[0] || null);
      stopped();
    });
  } catch (error) {
    view.banner('Screen sharing was not allowed.');
  }
}

/**
 * The camera and microphone pickers: a choice swaps the track in the local
 * stream and in every peer.
 * @param {Manager} manager
 * @param {MediaStream} stream
 * @param {RoomView} view
 */
async function setUpDevices(manager, stream, view) {
  const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  /** @type {[HTMLSelectElement, MediaDeviceKind][]} */
  const pickers = [
    [/** @type {HTMLSelectElement} */ ($('camera-choice')), 'videoinput'],
    [/** @type {HTMLSelectElement} */ ($('mic-choice')), 'audioinput'],
  ];
  for (const [select, kind] of pickers) {
    select.replaceChildren(...devices.filter((d) => d.kind === kind)
      .map((d, i) => new Option(d.label || `${kind} ${i + 1}`, d.deviceId)));
    select.addEventListener('change', async () => {
      const media = kind === 'videoinput' ? 'video' : 'audio';
      try {
        const fresh = await navigator.mediaDevices.getUserMedia({ [media]: { deviceId: { exact: select.value } } });
        const track = fresh.getTracks()[0];
        track.enabled = manager.status[media];
        const old = media === 'video' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
        if (old) {
          stream.removeTrack(old);
          old.stop();
        }
        stream.addTrack(track);
        await manager.replaceTrack(media, track);
      } catch (error) {
        view.banner('That device could not be opened.');
      }
    });
  }
}
