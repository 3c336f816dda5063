// Refunds of PAID orders (docs/zalopay-protocol.md §7): check what is left to refund and record the refund inside
// one transaction, send /v2/refund, then settle it by polling /v2/query_refund. Every step is a row in
// the order's ledger (payment_events) as well as a state of its own in `refunds`.
import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/create-db';
import { paymentEvents, paymentOrders, refunds, shopOrders, type Refund } from '../../db/schema';
import type { Logger } from '../logger';
import {
  newMRefundId,
  vietnamYymmdd,
  ZaloPayError,
  type QueryRefundOutcome,
  type RefundOutcome,
  type ZaloPayClient,
} from '../zalopay';
import { recordWebhookEvent } from '../payments/webhook-events';
import { RefundRefusedError } from './refund-errors';

export type RefundState = Refund['state'];

/** The ledger kinds refunds write into payment_events. */
export type RefundEventKind =
  'refund_requested' | 'refund_sent' | 'refund_send_unknown' | 'refund_query' | 'refund_settled';

export interface RefundRequest {
  appTransId: string;
  /** Integer VND, at most what is left to refund. */
  amount: number;
  /** Sent to ZaloPay as the reason (1 to 100 characters). */
  description: string;
  /**
   * The operator form's one-time token (22 base64url characters), the end of the m_refund_id: the same
   * form sent twice (a resubmission after a lost answer) returns the first refund instead of a second.
   */
  idempotencyToken?: string;
}

export interface RefundServiceDeps {
  db: Database;
  zalopay: ZaloPayClient;
  appId: number;
  log: Logger;
  /** The domain clock, as for the payments service. */
  now?: () => Date;
  /** First wait before asking query_refund; it doubles per check up to MAX_CHECK_DELAY_MS. */
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

const MAX_DESCRIPTION_CHARS = 100;
const MAX_CHECK_DELAY_MS = 10 * 60_000;
const SETTLE_BATCH_SIZE = 20;
/**
 * ZaloPay refuses a refund whose signed timestamp is more than 15 minutes old (-13). Past that, a
 * refund ZaloPay still has no record of can never be accepted any more: it is safe to call it FAILED.
 */
const REFUND_REQUEST_WINDOW_MS = 15 * 60_000;

type Change = {
  to: RefundState;
  fields?: Partial<Pick<Refund, 'zpRefundId' | 'failureReason'>>;
};

export function createRefundService(deps: RefundServiceDeps): RefundService {
  const { db, zalopay, log } = deps;
  const now = deps.now ?? (() => new Date());

  function nextCheckAt(checks: number): Date {
    const delay = Math.min(deps.checkIntervalMs * 2 ** Math.min(checks, 10), MAX_CHECK_DELAY_MS);
    return new Date(now().getTime() + delay);
  }

  async function recordEvent(
    tx: Transaction | Database,
    refund: Refund,
    kind: RefundEventKind,
    payload: Record<string, unknown>,
  ) {
    await tx.insert(paymentEvents).values({
      orderId: refund.orderId,
      kind,
      payload: { mRefundId: refund.mRefundId, amount: refund.amount, ...payload },
      createdAt: now(),
    });
  }

  /** Moves a refund on from the state it was read in (a conditional update) and writes the ledger row. */
  async function moveRefund(
    refund: Refund,
    change: Change | null,
    kind: RefundEventKind,
    payload: Record<string, unknown>,
  ): Promise<Refund> {
    const moved = await db.transaction(async (tx) => {
      let updated: Refund | undefined;
      if (change && change.to !== refund.state) {
        const settled = change.to === 'SUCCEEDED' || change.to === 'FAILED';
        [updated] = await tx
          .update(refunds)
          .set({
            state: change.to,
            ...change.fields,
            ...(settled ? { settledAt: now() } : {}),
            updatedAt: now(),
          })
          .where(and(eq(refunds.id, refund.id), eq(refunds.state, refund.state)))
          .returning();
      } else if (change?.fields) {
        [updated] = await tx
          .update(refunds)
          .set({ ...change.fields, updatedAt: now() })
          .where(eq(refunds.id, refund.id))
          .returning();
      }
      if (updated?.state === 'SUCCEEDED' && refund.state !== 'SUCCEEDED') {
        await recordRefundOnMerchantOrder(tx, updated);
      }
      const effect =
        updated && updated.state !== refund.state ? `${refund.state}->${updated.state}` : 'none';
      await recordEvent(tx, refund, kind, { ...payload, effect });
      return updated ?? refund;
    });
    if (moved.state !== refund.state) deps.onRefundState?.(moved.state);
    return moved;
  }

  /**
   * A settled refund of the attempt that paid a merchant order moves the order to PARTIALLY_REFUNDED or
   * REFUNDED and writes its order.refunded webhook event. The automatic refund of a second payment
   * leaves the order as it is: it was paid once.
   */
  async function recordRefundOnMerchantOrder(tx: Transaction, refund: Refund) {
    if (refund.kind !== 'operator') return;
    const refunded = sql`${shopOrders.refundedAmount} + ${refund.amount}`;
    const [order] = await tx
      .update(shopOrders)
      .set({
        refundedAmount: refunded,
        status: sql`case when ${refunded} >= ${shopOrders.total} then 'REFUNDED' else 'PARTIALLY_REFUNDED' end::shop_order_status`,
        updatedAt: now(),
      })
      .where(
        and(
          eq(
            shopOrders.id,
            tx
              .select({ id: paymentOrders.shopOrderId })
              .from(paymentOrders)
              .where(eq(paymentOrders.id, refund.orderId)),
          ),
          eq(shopOrders.paidAttemptId, refund.orderId),
        ),
      )
      .returning();
    if (!order) return;
    await recordWebhookEvent(tx, {
      shopOrderId: order.id,
      type: 'order.refunded',
      data: {
        order_id: order.id,
        status: order.status,
        total: order.total,
        amount: refund.amount,
        total_refunded: order.refundedAmount,
        refund: { m_refund_id: refund.mRefundId, zp_refund_id: refund.zpRefundId },
      },
      now: now(),
    });
  }

  function changeFromRefundAnswer(outcome: RefundOutcome): Change {
    switch (outcome.kind) {
      case 'refunded':
        return { to: 'SUCCEEDED', fields: { zpRefundId: outcome.refundId } };
      case 'processing':
        return { to: 'PROCESSING', fields: { zpRefundId: outcome.refundId } };
      case 'duplicate':
        // ZaloPay already has this m_refund_id (an earlier attempt of ours got through): settle by query.
        return { to: 'PROCESSING' };
      case 'rejected':
        return {
          to: 'FAILED',
          fields: {
            failureReason: `ZaloPay refused the refund (${outcome.returnCode}/${outcome.subReturnCode}): ${outcome.message}`,
          },
        };
    }
  }

  /** Sends /v2/refund with the refund's own m_refund_id and signed timestamp (so a resend is the same request). */
  async function send(refund: Refund, zpTransId: string, appTransId: string): Promise<Refund> {
    try {
      const outcome = await zalopay.refund({
        mRefundId: refund.mRefundId,
        zpTransId,
        amount: refund.amount,
        description: refund.description,
        timestamp: refund.requestedAtMs,
      });
      const moved = await moveRefund(refund, changeFromRefundAnswer(outcome), 'refund_sent', {
        outcome,
      });
      log.info(
        { appTransId, mRefundId: refund.mRefundId, outcome: outcome.kind, state: moved.state },
        'refund sent to ZaloPay',
      );
      return moved;
    } catch (error) {
      if (!(error instanceof ZaloPayError)) throw error;
      // ZaloPay may or may not have it: the settler asks query_refund and resends if it does not.
      log.warn(
        { err: error, appTransId, mRefundId: refund.mRefundId },
        'refund got no usable answer; it will be checked with query_refund',
      );
      return moveRefund(refund, null, 'refund_send_unknown', {
        error: error.name,
        message: error.message,
      });
    }
  }

  function changeFromQueryAnswer(
    refund: Refund,
    outcome: QueryRefundOutcome,
  ): Change | 'resend' | null {
    switch (outcome.kind) {
      case 'refunded':
        return { to: 'SUCCEEDED' };
      case 'processing':
        return refund.state === 'PENDING' ? { to: 'PROCESSING' } : null;
      case 'failed':
        if (outcome.unexpectedReturnCode !== undefined) return null;
        return {
          to: 'FAILED',
          fields: {
            failureReason: `ZaloPay could not refund (${outcome.subReturnCode}): ${outcome.message}`,
          },
        };
      case 'not_found':
        if (now().getTime() - refund.requestedAtMs >= REFUND_REQUEST_WINDOW_MS) {
          return {
            to: 'FAILED',
            fields: { failureReason: 'ZaloPay never received this refund; nothing was refunded' },
          };
        }
        // Never sent (we stopped before sending) or lost on the way: send the same request again.
        return refund.state === 'PENDING' ? 'resend' : null;
    }
  }

  async function check(refund: Refund): Promise<void> {
    const [order] = await db
      .select({ appTransId: paymentOrders.appTransId, zpTransId: paymentOrders.zpTransId })
      .from(paymentOrders)
      .where(eq(paymentOrders.id, refund.orderId));
    const appTransId = order?.appTransId ?? 'unknown';
    let outcome: QueryRefundOutcome;
    try {
      outcome = await zalopay.queryRefund(refund.mRefundId);
    } catch (error) {
      if (!(error instanceof ZaloPayError)) throw error;
      log.warn({ err: error, appTransId, mRefundId: refund.mRefundId }, 'query_refund failed');
      return;
    }
    if (outcome.kind === 'processing' && outcome.needsManualHandling) {
      log.error(
        { alert: 'refund_needs_zalopay', appTransId, mRefundId: refund.mRefundId },
        'ZaloPay reports this refund as pending manual handling: contact ZaloPay operations',
      );
    }
    if (outcome.kind === 'failed' && outcome.unexpectedReturnCode !== undefined) {
      log.error(
        { appTransId, mRefundId: refund.mRefundId, outcome },
        'query_refund answered a code we do not know: the refund stays as it is',
      );
    }
    const change = changeFromQueryAnswer(refund, outcome);
    if (change === 'resend') {
      await recordEvent(db, refund, 'refund_query', { outcome, effect: 'resend' });
      if (order?.zpTransId) await send(refund, order.zpTransId, appTransId);
      return;
    }
    const moved = await moveRefund(refund, change, 'refund_query', { outcome });
    if (moved.state !== refund.state) {
      log.info(
        { appTransId, mRefundId: refund.mRefundId, state: moved.state },
        'refund settled by query_refund',
      );
    }
  }

  /** Claims due unsettled refunds (SKIP LOCKED) and books each one's next check before asking. */
  async function claimDue(): Promise<Refund[]> {
    const at = now();
    const due = db
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(inArray(refunds.state, ['PENDING', 'PROCESSING']), lte(refunds.nextCheckAt, at)))
      .orderBy(asc(refunds.nextCheckAt))
      .limit(SETTLE_BATCH_SIZE)
      .for('update', { skipLocked: true });
    // The claim books the next check in the same statement (a lease), backing off with each check.
    return db
      .update(refunds)
      .set({
        checks: sql`${refunds.checks} + 1`,
        nextCheckAt: sql`${at.toISOString()}::timestamptz + least(${deps.checkIntervalMs}::float8 * power(2, least(${refunds.checks}, 10)), ${MAX_CHECK_DELAY_MS}::float8) * interval '1 millisecond'`,
      })
      .where(inArray(refunds.id, due))
      .returning();
  }

  return {
    async requestRefund(request) {
      const description = request.description.trim();
      if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
        throw new RefundRefusedError(
          'invalid_amount',
          'The amount must be a whole number of VND above 0',
        );
      }
      if (description.length === 0 || description.length > MAX_DESCRIPTION_CHARS) {
        throw new RefundRefusedError(
          'invalid_description',
          `The reason must be 1 to ${MAX_DESCRIPTION_CHARS} characters`,
        );
      }
      const at = now();
      const token = request.idempotencyToken;
      const outcome = await db.transaction(async (tx) => {
        // The order's row lock serialises refunds of one order, so two at once cannot both fit the remainder.
        const [order] = await tx
          .select()
          .from(paymentOrders)
          .where(eq(paymentOrders.appTransId, request.appTransId))
          .for('update');
        if (!order) throw new RefundRefusedError('order_not_found', 'No such order');
        if (token !== undefined) {
          const [earlier] = await tx
            .select()
            .from(refunds)
            .where(
              and(
                eq(refunds.orderId, order.id),
                sql`right(${refunds.mRefundId}, ${token.length + 1}) = ${`_${token}`}`,
              ),
            );
          if (earlier) return { replayed: true as const, refund: earlier, zpTransId: null };
        }
        if (order.status !== 'PAID' || !order.zpTransId) {
          throw new RefundRefusedError(
            'order_not_paid',
            `Only a PAID order can be refunded (this one is ${order.status})`,
          );
        }
        const [taken] = await tx
          .select({ total: sql<string>`coalesce(sum(${refunds.amount}), 0)` })
          .from(refunds)
          .where(and(eq(refunds.orderId, order.id), ne(refunds.state, 'FAILED')));
        const left = order.amount - Number(taken?.total ?? 0);
        if (request.amount > left) {
          throw new RefundRefusedError(
            'exceeds_refundable',
            `Only ${left} VND of this order can still be refunded`,
          );
        }
        const [created] = await tx
          .insert(refunds)
          .values({
            orderId: order.id,
            mRefundId:
              token === undefined
                ? newMRefundId(deps.appId, at.getTime())
                : `${vietnamYymmdd(at.getTime())}_${deps.appId}_${token}`,
            amount: request.amount,
            description,
            requestedAtMs: at.getTime(),
            nextCheckAt: nextCheckAt(0),
            createdAt: at,
            updatedAt: at,
          })
          .returning();
        if (!created) throw new Error('The refund was not recorded');
        await recordEvent(tx, created, 'refund_requested', { description, effect: 'none' });
        return { replayed: false as const, refund: created, zpTransId: order.zpTransId };
      });
      if (outcome.replayed) return outcome.refund;
      deps.onRefundState?.('PENDING');
      return send(outcome.refund, outcome.zpTransId, request.appTransId);
    },

    async settleDue() {
      const due = await claimDue();
      for (const refund of due) {
        try {
          await check(refund);
        } catch (error) {
          log.error({ err: error, mRefundId: refund.mRefundId }, 'could not check a refund');
        }
      }
      return due.length;
    },
  };
}
