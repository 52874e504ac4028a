/**
 * Servlet-level guards and pages in front of everything else: request body
 * limits, CORS, security headers, and the room page.
 */
package com.rooms.web;
