// The background workers' shared rhythm (fulfilment outbox, refund settler, webhook outbox): a round
// every interval, never two at once in one process (a caller asking meanwhile joins the round under
// way), and a stop that waits for the round in progress. What a round does is each worker's own.
import type { Logger } from '../logger';
import { inSpan } from '../telemetry/spans';

export interface PeriodicRounds {
  /** Runs a round now, or joins the one under way; resolves with what the round returns. */
  run(): Promise<number>;
  /** Whether stop() was called: a long round checks it between batches. */
  readonly stopped: boolean;
  /** Clears the interval and waits for the round in progress. */
  stop(): Promise<void>;
}

export function startPeriodicRounds(options: {
  round: () => Promise<number>;
  intervalMs: number;
  log: Logger;
  /** For the log line of a failed round, e.g. 'fulfilment'. */
  name: string;
}): PeriodicRounds {
  let current: Promise<number> | null = null;
  let stopped = false;

  function run(): Promise<number> {
    if (stopped) return current ?? Promise.resolve(0);
    current ??= inSpan(`${options.name} round`, { 'worker.name': options.name }, async (span) => {
      const done = await options.round();
      span?.setAttribute('worker.items', done);
      return done;
    }).finally(() => {
      current = null;
    });
    return current;
  }

  const timer = setInterval(() => {
    run().catch((error: unknown) =>
      options.log.error({ err: error }, `${options.name} round failed`),
    );
  }, options.intervalMs);

  return {
    run,
    get stopped() {
      return stopped;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current?.catch(() => undefined);
    },
  };
}
