// getStatus: the server's verified answer to "is it paid?". A closed order answers from the database (a
// PAID one, final, from this process's memory once read); a PENDING one is first checked with ZaloPay,
// at most once per statusCacheMs per order in this process, with concurrent callers sharing the query,
// and only while the instance's query budget allows (else from the record: query-budget.ts). A PENDING
// answer carries the phone's verified report of a decline or cancel (phone-report.ts).
import { LRUCache } from 'lru-cache';
import type { Database } from '../../../db/create-db';
import type { PaymentAttempt } from '../../../db/schema';
import type { Logger } from '../../logger';
import { ZaloPayError, type ZaloPayClient } from '../../zalopay';
import { findOrderByAppTransId } from '../attempts/attempt-queries';
import { createPaidOrderCache } from './paid-order-cache';
import type { PaymentsConfig } from '../payments-config';
import { toPaymentView, type PaymentView } from './payment-view';
import { readPhoneReport } from './phone-report';
import type { PaymentsEventSink } from '../domain-events';
import { applyQueryAnswer, isFinalQueryTime } from '../polling/query-answer';
import { QueryBudgetSpentError } from '../polling/query-budget';

export interface StatusReaderDeps {
  db: Database;
  zalopay: ZaloPayClient;
  config: PaymentsConfig;
  log: Logger;
  now: () => Date;
  events?: PaymentsEventSink | undefined;
}

export interface StatusReader {
  getStatus(appTransId: string): Promise<PaymentView | null>;
}

/** Bounds the memory of recent queries; old entries are dropped when it is exceeded. */
const MAX_REMEMBERED_QUERIES = 10_000;

export function createStatusReader(deps: StatusReaderDeps): StatusReader {
  const paidOrders = createPaidOrderCache();
  const queriesInFlight = new Map<string, Promise<PaymentAttempt>>();
  const lastQueriedAt = new LRUCache<string, number>({ max: MAX_REMEMBERED_QUERIES });

  /** Asks ZaloPay about an order just read as PENDING and applies the answer: the order after it. */
  async function queryAndApply(order: PaymentAttempt): Promise<PaymentAttempt> {
    try {
      const outcome = await deps.zalopay.queryOrder(order.appTransId);
      const result = await applyQueryAnswer(deps, order, outcome, {
        source: 'status',
        finalQuery: isFinalQueryTime(order, deps.now(), deps.config.poller.expiryGraceMs),
      });
      return result.order;
    } catch (error) {
      // Unknown is not failed: the shopper keeps seeing PENDING and the poller keeps asking.
      if (!(error instanceof ZaloPayError)) throw error;
      // Over the query budget (query-budget.ts) the record is the answer: expected under load, not a fault.
      if (error instanceof QueryBudgetSpentError) return order;
      deps.log.warn(
        { err: error, appTransId: order.appTransId },
        'status query to ZaloPay failed; showing the stored status',
      );
      return order;
    }
  }

  function refreshOnce(order: PaymentAttempt): Promise<PaymentAttempt> {
    const inFlight = queriesInFlight.get(order.appTransId);
    if (inFlight) return inFlight;
    lastQueriedAt.set(order.appTransId, deps.now().getTime());
    const refresh = queryAndApply(order).finally(() => queriesInFlight.delete(order.appTransId));
    queriesInFlight.set(order.appTransId, refresh);
    return refresh;
  }

  return {
    async getStatus(appTransId) {
      const paid = paidOrders.get(appTransId);
      if (paid) return toPaymentView(paid, deps.now());
      const stored = await findOrderByAppTransId(deps.db, appTransId);
      if (!stored) return null;
      if (stored.status !== 'PENDING') {
        paidOrders.remember(stored);
        return toPaymentView(stored, deps.now());
      }

      const queriedAt = lastQueriedAt.get(appTransId);
      const fresh =
        queriedAt !== undefined &&
        deps.now().getTime() - queriedAt < deps.config.poller.statusCacheMs;
      const current =
        !fresh || queriesInFlight.has(appTransId) ? await refreshOnce(stored) : stored;
      paidOrders.remember(current);
      const phoneReport =
        current.status === 'PENDING' ? await readPhoneReport(deps.db, current.id) : null;
      return toPaymentView(current, deps.now(), phoneReport);
    },
  };
}
