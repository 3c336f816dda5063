// What a payment means for its merchant order, written in the same statement that records the payment.
// The first paid attempt claims the order (AWAITING_PAYMENT -> PAID) and writes its one fulfilment
// outbox row and its order.paid webhook event. A payment of an order no longer awaiting payment (an
// older attempt paid after a newer one, or a payment of a cancelled order) is refunded in full:
// a PENDING refund with its ledger row, which the refund settler sends to /v2/refund and settles with
// /v2/query_refund, and an order.payment_flagged webhook event. Written with the payment, the refund
// cannot be lost to a crash, and its m_refund_id (unique) cannot be sent as two refunds.
import { sql, type SQL } from 'drizzle-orm';
import type { WithSubqueryWithSelection } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from '../../../db/create-db';
import type { paymentAttempts } from '../../../db/schema';
import {
  fulfilments,
  paymentEvents,
  refunds,
  merchantOrders,
  webhookEvents,
} from '../../../db/schema';
import { statusesBefore, type MerchantOrderStatus } from './merchant-order-state-machine';
import {
  eventPayloadSql,
  isoTimeSql,
  newWebhookEventIdSql,
  wireLinesSql,
} from '../outbox/webhook-events';

/** A CTE named `paid` holding the attempt that was just paid (its payment_attempts row). */
export type PaidAttemptCte = WithSubqueryWithSelection<typeof paymentAttempts._.columns, 'paid'>;

export interface SettlementValues {
  /** timestamptz */
  now: SQL;
  /** The signed `timestamp` of the refund if one is needed (ms). */
  nowMs: SQL;
}

/**
 * A fresh m_refund_id in ZaloPay's `yymmdd_appid_<id>` form (as newMRefundId makes them), written by
 * PostgreSQL only when a refund row is: the date in Vietnam (UTC+7 all year), 104 random bits.
 */
function newMRefundIdSql(now: SQL, appId: SQL): SQL {
  return sql`to_char((${now} at time zone 'UTC') + interval '7 hours', 'YYMMDD') || '_' || ${appId} || '_'
    || left(replace(gen_random_uuid()::text, '-', ''), 26)`;
}

/** A status guard as SQL literals: the statuses are the enum's own names, never input. */
function statusList(statuses: readonly MerchantOrderStatus[]): SQL {
  return sql.raw(statuses.map((status) => `'${status}'`).join(', '));
}

export function settlementCtes(
  db: Database | Transaction,
  paid: PaidAttemptCte,
  values: SettlementValues,
) {
  const claimed = db.$with('claimed', { claimedId: sql<string>`claimed_id` }).as(sql`
    update ${merchantOrders}
    set status = 'PAID', paid_attempt_id = ${paid.id}, paid_at = ${paid.paidAt}, updated_at = ${values.now}
    from ${paid}
    where ${merchantOrders.id} = ${paid.shopOrderId} and ${merchantOrders.status} in (${statusList(statusesBefore('PAID'))})
    returning ${merchantOrders.id} as claimed_id, ${merchantOrders.total} as claimed_total,
      ${merchantOrders.lines} as claimed_lines, ${merchantOrders.merchantReference} as claimed_reference,
      ${merchantOrders.metadata} as claimed_metadata`);
  const outbox = db.$with('outbox', { id: sql<number>`id` }).as(sql`
    insert into ${fulfilments} (order_id, merchant_order_id, idempotency_key, next_attempt_at, created_at)
    select ${paid.id}, claimed_id, claimed_id, ${values.now}, ${values.now}
    from ${paid} join ${claimed} on claimed_id = ${paid.shopOrderId}
    on conflict do nothing
    returning id`);
  const refund = db.$with('double_refund', { mRefundId: sql<string>`m_refund_id` }).as(sql`
    insert into ${refunds}
      (order_id, m_refund_id, kind, amount, description, requested_at_ms, next_check_at, created_at, updated_at)
    select ${paid.id}, ${newMRefundIdSql(values.now, sql`${paid.appId}`)}, 'extra_payment', ${paid.amount},
      'Hoàn tiền thanh toán trùng cho đơn hàng ' || ${paid.shopOrderId},
      ${values.nowMs}, ${values.now}, ${values.now}, ${values.now}
    from ${paid}
    where not exists (select 1 from ${claimed})
    returning order_id, m_refund_id, amount`);
  // A payment of a cancelled order is an extra payment too, flagged under its own name.
  const reason = sql`(select case when ${merchantOrders.status} = 'CANCELLED' then 'paid_after_cancel'
    else 'double_payment' end from ${merchantOrders} where ${merchantOrders.id} = ${paid.shopOrderId})`;
  const refundEvent = db.$with('double_refund_event', { id: sql<number>`id` }).as(sql`
    insert into ${paymentEvents} (order_id, kind, payload, created_at)
    select order_id, 'refund_requested', jsonb_build_object(
      'mRefundId', m_refund_id, 'amount', ${refund}.amount, 'reason', ${reason}, 'effect', 'none'), ${values.now}
    from ${refund} cross join ${paid}
    returning id`);
  const paidWebhook = db.$with('paid_webhook', { id: sql<string>`id` }).as(sql`
    insert into ${webhookEvents} (id, merchant_order_id, type, payload, next_attempt_at, created_at)
    select event.id, claimed_id, 'order.paid',
      ${eventPayloadSql(
        sql`event.id`,
        'order.paid',
        values.now,
        sql`jsonb_build_object('order_id', claimed_id, 'total', claimed_total, 'status', 'PAID',
          'lines', ${wireLinesSql(sql`claimed_lines`)}, 'app_trans_id', ${paid.appTransId},
          'zp_trans_id', ${paid.zpTransId}, 'paid_at', ${isoTimeSql(sql`${paid.paidAt}`)},
          'merchant_reference', claimed_reference, 'metadata', claimed_metadata)`,
      )},
      ${values.now}, ${values.now}
    from ${paid} join ${claimed} on claimed_id = ${paid.shopOrderId}
      cross join lateral (select ${newWebhookEventIdSql} as id) as event
    returning id`);
  const flaggedWebhook = db.$with('flagged_webhook', { id: sql<string>`id` }).as(sql`
    insert into ${webhookEvents} (id, merchant_order_id, type, payload, next_attempt_at, created_at)
    select event.id, ${paid.shopOrderId}, 'order.payment_flagged',
      ${eventPayloadSql(
        sql`event.id`,
        'order.payment_flagged',
        values.now,
        sql`jsonb_build_object('order_id', ${paid.shopOrderId}, 'reason', ${reason},
          'app_trans_id', ${paid.appTransId}, 'zp_trans_id', ${paid.zpTransId}, 'amount', ${paid.amount},
          'refund', jsonb_build_object('m_refund_id', m_refund_id, 'amount', ${refund}.amount, 'status', 'PENDING'),
          'merchant_reference', merchant.merchant_reference, 'metadata', merchant.metadata)`,
      )},
      ${values.now}, ${values.now}
    from ${paid} join ${refund} on ${refund}.order_id = ${paid.id}
      join ${merchantOrders} as merchant on merchant.id = ${paid.shopOrderId}
      cross join lateral (select ${newWebhookEventIdSql} as id) as event
    returning id`);
  return {
    ctes: [claimed, outbox, refund, refundEvent, paidWebhook, flaggedWebhook] as const,
    /** Selected with the paid row: the m_refund_id of the automatic refund, or null when the order was claimed. */
    doubleRefundId: sql<string | null>`(select m_refund_id from ${refund})`,
  };
}
