// The background worker that settles refunds: every interval, ask query_refund about the refunds that
// are due (each one backs off on its own), like the poller does for orders. One round at a time.
import type { Logger } from '../logger';
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
  let round: Promise<number> | null = null;
  let stopped = false;

  function settle(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    round ??= deps.refunds.settleDue().finally(() => {
      round = null;
    });
    return round;
  }

  const timer = setInterval(() => {
    settle().catch((error: unknown) => deps.log.error({ err: error }, 'refund round failed'));
  }, deps.intervalMs);

  return {
    settle,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await round?.catch(() => undefined);
    },
  };
}
