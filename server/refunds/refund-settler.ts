// The background worker that settles refunds: every interval, ask query_refund about the refunds that
// are due (each one backs off on its own), like the poller does for orders. One round at a time.
import type { Logger } from '../logger';
import { startPeriodicRounds } from '../workers/periodic-rounds';
import type { RefundService } from './refund-service';

export interface RefundSettler {
  /** One round now; overlapping calls share the round in progress. */
  settle(): Promise<number>;
  stop(): Promise<void>;
}

export function startRefundSettler(deps: {
  refunds: RefundService;
  intervalMs: number;
  log: Logger;
}): RefundSettler {
  const rounds = startPeriodicRounds({
    round: () => deps.refunds.settleDue(),
    intervalMs: deps.intervalMs,
    log: deps.log,
    name: 'refund',
  });
  return { settle: rounds.run, stop: rounds.stop };
}
