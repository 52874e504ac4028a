/**
 * Running the server: start-up and shutdown of the periodic jobs, health
 * checks (liveness, readiness), and the MicroProfile metrics of the rooms.
 */
package com.rooms.ops;
