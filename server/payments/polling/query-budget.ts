// One budget of ZaloPay queries per instance (QUERY_RATE_PER_SECOND), whoever asks: the poller (the
// failsafe for lost callbacks) and the shoppers' status reads. Status reads spend it only while a reserve
// is left for the poller, and never while the poller waits; over budget they answer from the record.
import { ZaloPayError, type QueryOrderOutcome, type ZaloPayClient } from '../../zalopay';
import { createTokenBucket, type TokenBucket } from './token-bucket';

/** The part of a full bucket status reads may never take: the poller always finds it there. */
export const POLLER_RESERVED_SHARE = 0.5;

export interface QueryBudget {
  /** The poller waits its turn; it may use the whole rate when it needs to. */
  takeForPoller(signal?: AbortSignal): Promise<boolean>;
  /** A status read asks now or never: false over budget (it then shows the stored status). */
  tryTakeForStatusRead(): boolean;
}

export function createQueryBudget(ratePerSecond: number, clock?: () => number): QueryBudget {
  const burst = Math.max(1, ratePerSecond);
  const bucket: TokenBucket = createTokenBucket(ratePerSecond, burst, clock);
  const reserve = burst * POLLER_RESERVED_SHARE;
  return {
    takeForPoller: (signal) => bucket.take(signal),
    tryTakeForStatusRead: () => bucket.tryTake(reserve),
  };
}

/** A status read found the budget spent: not ZaloPay's answer, and not worth a warning per read. */
export class QueryBudgetSpentError extends ZaloPayError {
  constructor() {
    super('The query budget is spent: the stored status is shown', {
      retryable: true,
      endpoint: '/v2/query',
    });
  }
}

/**
 * The ZaloPay client status reads use: each queryOrder spends the shared budget or is refused
 * (`onRefused` hears of each refusal: the metrics count them).
 */
export function budgetedStatusQueries(
  client: ZaloPayClient,
  budget: QueryBudget,
  onRefused: () => void = () => undefined,
): ZaloPayClient {
  return {
    ...client,
    queryOrder(appTransId): Promise<QueryOrderOutcome> {
      if (!budget.tryTakeForStatusRead()) {
        onRefused();
        return Promise.reject(new QueryBudgetSpentError());
      }
      return client.queryOrder(appTransId);
    },
  };
}
