// How long postgres.js waits before making a lost connection again. Its default counts failures across
// the whole pool and waits 3^n/100 s, up to 20 s: one cut of the pool's ten connections left every query
// queued for 10 to 20 s (seen in the connection-kill chaos test). Ours starts at 50 ms and stops at 1 s,
// so a database that is really down is still asked only about once a second per connection.

/** postgres.js's `backoff` option: seconds to wait after `retries` failed connections, with jitter. */
export function reconnectDelaySeconds(retries: number): number {
  const ceiling = Math.min(0.05 * 2 ** retries, 1);
  return ceiling * (0.5 + Math.random() / 2);
}
