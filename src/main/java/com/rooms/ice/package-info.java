/**
 * The ICE servers a client is given: STUN URLs and TURN URLs with
 * time-limited TURN REST credentials derived from the shared secret.
 */
package com.rooms.ice;
