// Nothing left hanging: a merchant order still awaiting payment ORDER_ABANDON_AFTER_MS after its last attempt
// expired (or after it was made, if it never had one) is cancelled by this round, through the same path as an
// operator's cancel (cancel-merchant-order.ts). Any number of instances run it: each claims a batch of orders with
// FOR UPDATE SKIP LOCKED and a lease on merchant_orders.close_lease_until, so an order is handled by one at a time,
// and the cancel's own compare-and-swap makes a second pass a no-op.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../../db/query-rows';
import type { DatabaseHandle } from '../../../db/create-db';
import { paymentAttempts, merchantOrders } from '../../../db/schema';
import type { Logger } from '../../logger';
import type { ZaloPayClient } from '../../zalopay';
import { cancelMerchantOrder } from './cancel-merchant-order';
import type { PaymentsEventSink } from '../domain-events';
import type { PaymentsConfig } from '../payments-config';
import { startPeriodicRounds, type PeriodicRounds } from '../../workers/periodic-rounds';

export interface AbandonedOrderSettings {
  /** How long after its last attempt expired an unpaid order is cancelled; 0: never. */
  abandonAfterMs: number;
  /** How often the round runs. */
  checkIntervalMs: number;
  /** Orders claimed per round. */
  batchSize?: number;
  /** How long a claimed order stays reserved for this instance. */
  leaseMs?: number;
}

export interface AbandonedOrderDeps {
  database: DatabaseHandle;
  zalopay: ZaloPayClient;
  config: PaymentsConfig;
  log: Logger;
  now?: () => Date;
  events?: PaymentsEventSink;
  settings: AbandonedOrderSettings;
}

/** Claims up to `limit` abandoned orders for `leaseMs`; their ids. */
export async function claimAbandonedOrders(
  database: DatabaseHandle,
  claim: { now: Date; abandonAfterMs: number; leaseMs: number; limit: number },
): Promise<string[]> {
  const now = sql`${claim.now.toISOString()}::timestamptz`;
  const cutoff = sql`${new Date(claim.now.getTime() - claim.abandonAfterMs).toISOString()}::timestamptz`;
  const rows = await queryRows(
    database.db,
    sql`
    update ${merchantOrders} set close_lease_until = ${now} + ${`${claim.leaseMs} milliseconds`}::interval
    where ${merchantOrders.id} in (
      select candidate.id from ${merchantOrders} as candidate
      where candidate.status = 'AWAITING_PAYMENT' and candidate.created_at <= ${cutoff}
        and (candidate.close_lease_until is null or candidate.close_lease_until < ${now})
        and not exists (
          select 1 from ${paymentAttempts} as attempt
          where attempt.merchant_order_id = candidate.id
            and (attempt.status = 'PENDING' or attempt.expires_at > ${cutoff}))
      order by candidate.created_at
      limit ${claim.limit}
      for update skip locked)
    returning ${merchantOrders.id} as id`,
    z.object({ id: z.string() }),
  );
  return rows.map((row) => row.id);
}

export function startAbandonedOrderCloser(deps: AbandonedOrderDeps): PeriodicRounds {
  const now = deps.now ?? (() => new Date());
  const { settings, log } = deps;
  const domain = {
    db: deps.database.db,
    zalopay: deps.zalopay,
    config: deps.config,
    log,
    now,
    events: deps.events,
    lateCheckDelaysMs: deps.config.poller.lateCheckDelaysMs,
  };
  const instance = randomUUID().slice(0, 8);

  async function round(): Promise<number> {
    if (settings.abandonAfterMs <= 0) return 0;
    const ids = await claimAbandonedOrders(deps.database, {
      now: now(),
      abandonAfterMs: settings.abandonAfterMs,
      leaseMs: settings.leaseMs ?? 60_000,
      limit: settings.batchSize ?? 20,
    });
    let cancelled = 0;
    for (const id of ids) {
      if (rounds.stopped) break;
      try {
        const result = await cancelMerchantOrder(domain, id, 'abandoned');
        if (result.cancelledNow) cancelled += 1;
      } catch (error) {
        // Paid meanwhile (409), or ZaloPay or the database failed: the lease runs out and a later round looks again.
        log.warn({ err: error, shopOrderId: id, instance }, 'could not cancel an abandoned order');
      }
    }
    if (cancelled > 0) log.info({ cancelled, instance }, 'abandoned orders cancelled');
    return cancelled;
  }

  const rounds = startPeriodicRounds({
    round,
    intervalMs: settings.checkIntervalMs,
    log,
    name: 'abandoned orders',
  });
  return rounds;
}
