// The background workers' shared rhythm (poller, fulfilment outbox, refund settler, webhook outbox): a
// round every interval, never two at once in one process (a caller asking meanwhile joins the round under
// way), and a stop that waits for the round in progress. What a round does is each worker's own.
import type { Attributes } from '@opentelemetry/api';
import type { Logger } from '../logger';
import { inSpan } from '../telemetry/spans';

export interface PeriodicRounds<T = number> {
  /** Runs a round now, or joins the one under way; resolves with what the round returns. */
  run(): Promise<T>;
  /** Whether stop() was called: a long round checks it between batches. */
  readonly stopped: boolean;
  /** Clears the interval and waits for the round in progress. */
  stop(): Promise<void>;
}

interface RoundOptions {
  intervalMs: number;
  log: Logger;
  /** For the round's span and the log line of a failed round, e.g. 'fulfilment'. */
  name: string;
}

/** Rounds that return how many items they handled (the span's worker.items). */
export function startPeriodicRounds(
  options: RoundOptions & { round: () => Promise<number> },
): PeriodicRounds {
  return startRounds({ ...options, idle: 0, attributes: (done) => ({ 'worker.items': done }) });
}

/** Rounds with a result of their own: `idle` is what a round asked for after stop() returns. */
export function startRounds<T>(
  options: RoundOptions & {
    round: () => Promise<T>;
    idle: T;
    /** The span attributes of a finished round. */
    attributes: (result: T) => Attributes;
  },
): PeriodicRounds<T> {
  let current: Promise<T> | null = null;
  let stopped = false;

  function run(): Promise<T> {
    if (stopped) return current ?? Promise.resolve(options.idle);
    current ??= inSpan(`${options.name} round`, { 'worker.name': options.name }, async (span) => {
      const result = await options.round();
      span?.setAttributes(options.attributes(result));
      return result;
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
