// Refunds of PAID orders (docs/zalopay-protocol.md §7), as one service for the operator pages and the
// settler: request (request-refund.ts), settle by query_refund (settle-refunds.ts). Every step is a row in
// the order's ledger (payment_events) as well as a state of its own in `refunds` (refund-state-machine.ts).
import type { Database } from '../../db/create-db';
import type { Refund } from '../../db/schema';
import type { Logger } from '../logger';
import type { ZaloPayClient } from '../zalopay';
import { requestRefund, type RefundRequest } from './request-refund';
import type { RefundState } from './refund-state-machine';
import { settleDueRefunds } from './settle-refunds';

export type { RefundRequest } from './request-refund';
export type { RefundState } from './refund-state-machine';
export type { RefundEventKind } from './refund-transitions';

export interface RefundServiceDeps {
  db: Database;
  zalopay: ZaloPayClient;
  appId: number;
  log: Logger;
  /** The domain clock, as for the payments service. */
  now?: () => Date;
  /** First wait before asking query_refund; it doubles per check up to 10 minutes (refund-check-backoff.ts). */
  checkIntervalMs: number;
  /** Told each time a refund reaches a state (metrics). */
  onRefundState?: (state: RefundState) => void;
}

export interface RefundService {
  /** Throws RefundRefusedError when the order cannot be refunded this much; ZaloPay is not asked then. */
  requestRefund(request: RefundRequest): Promise<Refund>;
  /** Asks query_refund about every unsettled refund that is due; resolves with how many it checked. */
  settleDue(): Promise<number>;
}

export function createRefundService(deps: RefundServiceDeps): RefundService {
  const refundDeps = {
    db: deps.db,
    zalopay: deps.zalopay,
    log: deps.log,
    appId: deps.appId,
    now: deps.now ?? (() => new Date()),
    firstCheckDelayMs: deps.checkIntervalMs,
    onRefundState: deps.onRefundState,
  };
  return {
    requestRefund: (request) => requestRefund(refundDeps, request),
    settleDue: () => settleDueRefunds(refundDeps),
  };
}
