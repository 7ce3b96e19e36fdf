/**
 * @module Keeps the checks' local servers from closing idle keep-alive connections. The browser's calls to the API
 * and to the build are answered through Playwright's `route.fetch`, whose Node agent keeps sockets open with no idle
 * limit of its own and does not retry a request on a reused socket. Node's server closes a socket after 5 s idle by
 * default, so a check that paused about that long could send its next request on a socket the server was closing:
 * `read ECONNRESET`, a failed check that says nothing about the build (seen once in CI, stop 28). These servers live
 * only for one packaging run and are closed at its end (`close()` also closes idle connections), so they keep
 * every connection until then.
 */
import type { Server } from 'node:http';

export function holdIdleConnections<S extends Server>(server: S): S {
  // 0 switches the idle timer off (Node's http docs, `server.keepAliveTimeout`).
  server.keepAliveTimeout = 0;
  return server;
}
