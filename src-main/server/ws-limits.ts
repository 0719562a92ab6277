/**
 * What one browser-mode server gives its clients at most. Without caps one socket opened
 * 20,000 streams (RSS 161 → 206 MB) and nothing stopped it. Each number is far above what
 * Berth's own page uses, so only a runaway or hostile client ever meets one; over a cap
 * that one call, stream or socket is refused with a `too-many-*` error and nothing else
 * is touched.
 */
export interface WsLimits {
  /** Open streams per connection. */
  streamsPerConnection: number;
  /** Calls waiting for their answer per connection. */
  callsInFlightPerConnection: number;
  /** Sockets per server, counting those still presenting their token. */
  connections: number;
  /** How long a new socket has to send its token before it is closed. */
  authDeadlineMs: number;
}

export const DEFAULT_WS_LIMITS: WsLimits = {
  // The page keeps 4 live streams (engine status, containers, settings, images while shown),
  // one or two for resource usage (the list's view, a Stats tab),
  // one per log view (a compose project is one merged stream), one per terminal session
  // (they survive tab switches, so a busy user may hold a few dozen), one per pull, push
  // or build in progress: well under 100 even for a heavy session.
  streamsPerConnection: 256,
  // Most calls are single clicks; a bulk action on a selection sends one call per container,
  // so the page itself never has more than this in flight (ws-transport.ts queues the rest,
  // see MAX_CALLS_IN_FLIGHT there): the cap is never what a real selection meets.
  callsInFlightPerConnection: 128,
  // One socket per open tab of the page.
  connections: 32,
  // The page sends its token as soon as the socket opens: one round trip on loopback.
  authDeadlineMs: 5_000,
};
