// @ts-check
// The wire names of PROTOCOL.md that this client uses, in one place: frame
// types, the codes and reasons it acts on, close codes, the HTTP paths, the
// room-id rule; and the shapes of the frames as JSDoc types, so that a field
// name (`client_id`, `message_id`) is written once, here, and checked
// everywhere else (scripts/check-js). PROTOCOL.md is the contract; this
// module is only its client-side index.

/** The protocol version this client speaks (`welcome`'s `protocol`). */
export const PROTOCOL_VERSION = 1;

/**
 * The room-id rule (PROTOCOL.md 1): 1 to 64 of a-z 0-9 - _. A copy of the
 * server's rule; RoomIdRuleTest checks that both accept the same ids.
 */
export const ROOM_ID = /^[a-z0-9_-]{1,64}$/;

/** Frame types (PROTOCOL.md 3). */
export const Type = Object.freeze({
  PING: 'ping',
  PONG: 'pong',
  TEXT: 'text',
  GET_ROOM_INFO: 'get-room-info',
  ROOM_INFO: 'room-info',
  PROFILE: 'profile',
  GET_ICE_SERVERS: 'get-ice-servers',
  ICE_SERVERS: 'ice-servers',
  OFFER: 'offer',
  ANSWER: 'answer',
  CANDIDATE: 'candidate',
  GREETING: 'greeting',
  BYE: 'bye',
  WELCOME: 'welcome',
  JOINED: 'joined',
  LEFT: 'left',
  HISTORY: 'history',
  GET_HISTORY: 'get-history',
  CLEAR_CHAT: 'clear-chat',
  KICK: 'kick',
  ERROR: 'error',
  STATUS: 'status',
  LOCK: 'lock',
  UNLOCK: 'unlock',
  ROOM_STATE: 'room-state',
  SET_ROLE: 'set-role',
  ROLE: 'role',
  MUTE: 'mute',
});

/** The `sender` of the server's own frames. */
export const SERVER = 'server';

/** Roles in a room (PROTOCOL.md 1.2). */
export const Role = Object.freeze({ OWNER: 'owner', MODERATOR: 'moderator', MEMBER: 'member' });

/**
 * Why a connection ended: the server's `bye` reasons, and `left`, the reason
 * this client gives in its own `bye` and close when its user leaves.
 */
export const Reason = Object.freeze({
  SHUTDOWN: 'shutdown',
  KICKED: 'kicked',
  EXPIRED: 'expired',
  ROOM_DELETED: 'room-deleted',
  LEFT: 'left',
});

/** Error codes of `error` frames (PROTOCOL.md 4) and of refused HTTP calls (1.1, 7). */
export const ErrorCode = Object.freeze({
  INVALID: 'invalid',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  UNAUTHORIZED: 'unauthorized',
  RATE_LIMITED: 'rate-limited',
  UNAVAILABLE: 'unavailable',
  LOCKED: 'locked',
  ROOM_FULL: 'room-full',
});

/** WebSocket close codes (PROTOCOL.md 6). */
export const Close = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  BINARY: 1003,
  POLICY: 1008,
  TOO_BIG: 1009,
  TOO_SLOW: 1013,
  RECONNECTING: 4000,
  EXPIRED: 4001,
  KICKED: 4003,
  ROOM_DELETED: 4004,
});

/** Where things are (PROTOCOL.md 1, 7); a room id must already match ROOM_ID. */
export const Path = Object.freeze({
  /** @param {string} roomId */
  roomPage: (roomId) => `/r/${roomId}`,
  /** @param {string} roomId */
  socket: (roomId) => `/ws/rooms/${roomId}`,
  /** @param {string} roomId */
  tickets: (roomId) => `/api/rooms/${roomId}/tickets`,
  devToken: '/api/dev/token',
});

// The frames, as the server sends them (PROTOCOL.md 2, 3). Only the fields
// this client reads are listed.

/**
 * @typedef {object} Frame
 * @property {string} type
 * @property {string} [id]       chosen by the sender of a client frame
 * @property {string} [ref]      the `id` of the frame of ours that caused it
 * @property {string} [sender]   a client id, or SERVER
 * @property {string} [receiver]
 * @property {number} [seq]
 * @property {any} [data]        the payload; its shape depends on `type` (below)
 */

/**
 * `welcome`
 * @typedef {object} Welcome
 * @property {string} client_id
 * @property {string} user_id
 * @property {string} username
 * @property {string} room_id
 * @property {string} role
 * @property {string} expires_at
 * @property {number} protocol
 * @property {string} [resume]         the single-use token that takes this place back (3.3)
 * @property {number} [resume_window]  seconds the place is kept after a drop
 * @property {boolean} [resumed]       true on the first welcome of a connection that took its place back
 */

/**
 * A client's own state as its user shows it (PROTOCOL.md 3.3): `status`'s
 * data (any subset, sent by a client) and the whole merged status the server
 * delivers. A key the client never set is absent.
 * @typedef {object} Status
 * @property {boolean} [hand]    hand raised
 * @property {boolean} [audio]   microphone on
 * @property {boolean} [video]   camera on
 * @property {boolean} [screen]  sharing the screen
 */

/**
 * `status`, as the server delivers it to every client
 * @typedef {object} StatusChange
 * @property {string} id      the client id
 * @property {Status} status  its whole status
 */

/**
 * A client as `room-info` and `joined` describe it.
 * @typedef {object} ClientInfo
 * @property {string} id
 * @property {string} user_id
 * @property {string} username
 * @property {string} role
 * @property {Status} [status]   `{}` until the client sets one
 */

/**
 * `room-state`
 * @typedef {object} RoomState
 * @property {boolean} locked
 */

/**
 * `role` (from the server), and `set-role`'s data (to it)
 * @typedef {object} RoleChange
 * @property {string} user_id
 * @property {string} role   the role that user now acts with
 */

/**
 * `mute`: the media a moderator asks this client to turn off; absent (or
 * no data) means audio only.
 * @typedef {object} MuteRequest
 * @property {MediaKind[]} [kinds]
 */

/** @typedef {'audio' | 'video'} MediaKind */

/**
 * `room-info`
 * @typedef {object} RoomInfo
 * @property {string} room_id
 * @property {string} name
 * @property {boolean} locked
 * @property {ClientInfo[]} clients
 */

/**
 * `left`
 * @typedef {object} Left
 * @property {string} id
 * @property {string} reason
 */

/**
 * `profile`, as the server delivers it
 * @typedef {object} Profile
 * @property {string} id
 * @property {string} username
 */

/**
 * A chat message: `text` as delivered, and each of `history`'s messages.
 * @typedef {object} ChatMessage
 * @property {number} message_id
 * @property {string} from      the sender's display name
 * @property {string} user_id
 * @property {string} time      ISO-8601 UTC
 * @property {string} text
 * @property {boolean} private
 * @property {string} [to]      the receiver's user id, on a private message
 */

/**
 * `history`
 * @typedef {object} History
 * @property {ChatMessage[]} messages  oldest first
 * @property {boolean} more            older ones exist
 */

/**
 * `error`
 * @typedef {object} ErrorData
 * @property {string} code
 * @property {string} message
 */

/**
 * `ice-servers`
 * @typedef {RTCIceServer[]} IceServers
 */

/**
 * A frame this client sends (Signaler.send adds the `id`).
 * @typedef {object} OutFrame
 * @property {string} type
 * @property {string} [id]
 * @property {string} [receiver]
 * @property {any} [data]
 */
