// HTTP load with autocannon (programmatic API): a fixed rate (overallRate) or as fast as the server
// answers (closed loop), each request built by the caller so every callback carries its own signed body.
import autocannon from 'autocannon';

export interface LoadRequest {
  path: string;
  body?: string;
}

export interface LoadOptions {
  baseUrl: string;
  method: 'GET' | 'POST';
  /** Called once per request sent (and once per connection while autocannon sets up); undefined ends the load. */
  nextRequest: () => LoadRequest | undefined;
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections; omit to send as fast as the server answers. */
  ratePerSecond?: number;
  /** For an https baseUrl: e.g. `{ ca }`, the certificate to trust (the proxy's, made for the run). */
  tlsOptions?: object;
  /**
   * Told of each 2xx answer with the request it answers (one request in flight per connection, so the
   * connection's last request is the one answered).
   */
  onOk?: (request: LoadRequest) => void;
  /** Sent with every request besides `content-type` (e.g. a browser's `accept-encoding`). */
  headers?: Record<string, string>;
}

export interface LoadSummary {
  sent: number;
  ok: number;
  /** 2xx answers per second over the window. */
  throughput: number;
  /** Latency of 2xx answers, ms (autocannon's histogram: 1 ms resolution). */
  p50: number;
  p99: number;
  max: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  durationSeconds: number;
  /** nextRequest ran out before the duration passed: the load ended early, repeating a few requests. */
  exhausted: boolean;
}

export async function runLoad(options: LoadOptions): Promise<LoadSummary> {
  let exhausted = false;
  let last: LoadRequest | undefined;
  let instance: autocannon.Instance | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationSeconds,
        ...(options.ratePerSecond
          ? { overallRate: options.ratePerSecond, ignoreCoordinatedOmission: true }
          : {}),
        timeout: 10,
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
        requests: [
          {
            method: options.method,
            headers: { 'content-type': 'application/json', ...options.headers },
            setupRequest: (request, context: { sent?: LoadRequest }) => {
              // autocannon's `amount` would override the duration, so running out of prepared
              // requests ends the load instead (the few already in flight repeat the last one).
              const next = exhausted ? last : options.nextRequest();
              if (next === undefined) {
                exhausted = true;
                instance?.stop();
                return request;
              }
              last = next;
              context.sent = next;
              return {
                ...request,
                path: next.path,
                ...(next.body === undefined ? {} : { body: next.body }),
              };
            },
            onResponse: (status: number, _body: string, context: { sent?: LoadRequest }) => {
              if (status >= 200 && status < 300 && context.sent) options.onOk?.(context.sent);
            },
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
  });
  const ok = result['2xx'];
  return {
    sent: result.requests.sent,
    ok,
    throughput: result.duration > 0 ? ok / result.duration : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.non2xx + result.errors + result.timeouts,
    durationSeconds: result.duration,
    exhausted,
  };
}

/** Hands out items in order, then undefined once they are used up (which ends the load). */
export function sequence<T>(items: readonly T[]): () => T | undefined {
  let next = 0;
  return () => {
    const item = items[next];
    next += 1;
    return item;
  };
}

/** Cycles through items forever (reads of the same orders). */
export function cycle<T>(items: readonly T[]): () => T {
  let next = 0;
  return () => {
    const item = items[next % items.length];
    if (item === undefined) throw new Error('Nothing to cycle through');
    next += 1;
    return item;
  };
}
