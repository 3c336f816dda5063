// getStatus: the server's verified answer to "is it paid?". A closed order answers from the database;
// a PENDING one is first checked with ZaloPay, at most once per statusCacheMs per order in this
// process, with concurrent callers sharing the one query in flight.
import type { Database } from '../../db/create-db';
import type { PaymentOrder } from '../../db/schema';
import type { Logger } from '../logger';
import { ZaloPayError, type ZaloPayClient } from '../zalopay';
import { findOrderByAppTransId } from './order-queries';
import type { PaymentsConfig } from './payments-config';
import { toPaymentView, type PaymentView } from './payment-view';
import type { PaymentInputObserver } from './order-transitions';
import { applyQueryAnswer, isFinalQueryTime } from './query-answer';

export interface StatusReaderDeps {
  db: Database;
  zalopay: ZaloPayClient;
  config: PaymentsConfig;
  log: Logger;
  now: () => Date;
  onInputApplied?: PaymentInputObserver | undefined;
}

export interface StatusReader {
  getStatus(appTransId: string): Promise<PaymentView | null>;
}

/** Bounds the memory of recent queries; old entries are dropped when it is exceeded. */
const MAX_REMEMBERED_QUERIES = 10_000;

export function createStatusReader(deps: StatusReaderDeps): StatusReader {
  const queriesInFlight = new Map<string, Promise<PaymentOrder>>();
  const lastQueriedAt = new Map<string, number>();

  function rememberQuery(appTransId: string, at: number) {
    lastQueriedAt.delete(appTransId);
    lastQueriedAt.set(appTransId, at);
    if (lastQueriedAt.size > MAX_REMEMBERED_QUERIES) {
      const oldest = lastQueriedAt.keys().next().value;
      if (oldest !== undefined) lastQueriedAt.delete(oldest);
    }
  }

  /** Asks ZaloPay about an order just read as PENDING and applies the answer: the order after it. */
  async function queryAndApply(order: PaymentOrder): Promise<PaymentOrder> {
    try {
      const outcome = await deps.zalopay.queryOrder(order.appTransId);
      const result = await applyQueryAnswer(deps, order, outcome, {
        source: 'status',
        finalQuery: isFinalQueryTime(order, deps.now(), deps.config.expiryGraceMs),
      });
      return result.order;
    } catch (error) {
      // Unknown is not failed: the shopper keeps seeing PENDING and the poller keeps asking.
      if (!(error instanceof ZaloPayError)) throw error;
      deps.log.warn(
        { err: error, appTransId: order.appTransId },
        'status query to ZaloPay failed; showing the stored status',
      );
      return order;
    }
  }

  function refreshOnce(order: PaymentOrder): Promise<PaymentOrder> {
    const inFlight = queriesInFlight.get(order.appTransId);
    if (inFlight) return inFlight;
    rememberQuery(order.appTransId, deps.now().getTime());
    const refresh = queryAndApply(order).finally(() => queriesInFlight.delete(order.appTransId));
    queriesInFlight.set(order.appTransId, refresh);
    return refresh;
  }

  return {
    async getStatus(appTransId) {
      const stored = await findOrderByAppTransId(deps.db, appTransId);
      if (!stored) return null;
      if (stored.status !== 'PENDING') return toPaymentView(stored, deps.now());

      const queriedAt = lastQueriedAt.get(appTransId);
      const fresh =
        queriedAt !== undefined && deps.now().getTime() - queriedAt < deps.config.statusCacheMs;
      const current =
        !fresh || queriesInFlight.has(appTransId) ? await refreshOnce(stored) : stored;
      return toPaymentView(current, deps.now());
    },
  };
}
