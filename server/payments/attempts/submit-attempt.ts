// The create flow of docs/design.md §2.1 for one payment attempt: the attempt is recorded PENDING first, then
// ZaloPay is asked for it, so no answer (or lack of one) from ZaloPay can leave money without an order.
// pay-merchant-order.ts and one-off-payment.ts decide which attempt to send; this file sends it.
import type { Database } from '../../../db/create-db';
import type { PaymentAttempt, MerchantOrder } from '../../../db/schema';
import type { Logger } from '../../logger';
import {
  appTransIdFor,
  ZaloPayError,
  ZaloPayTimeoutError,
  type CreateOrderOutcome,
  type ZaloPayClient,
} from '../../zalopay';
import { GatewayUnavailableError } from '../errors';
import { findOrderByAppTransId } from './attempt-queries';
import type { PaymentsEventSink } from '../domain-events';
import { applyPaymentInput } from './attempt-transitions';
import { callbackUrlOf, redirectUrlOf, type PaymentsConfig } from '../payments-config';
import { toPaymentView, type PaymentView } from '../status/payment-view';
import { applyQueryAnswer } from '../polling/query-answer';
import { recordGatewayOrder } from './record-gateway-order';
import type { NewAttempt } from './record-new-attempt';

/** ZaloPay's wallet: on desktop its gateway shows a QR for the app, on mobile it opens the app. */
const WEB_TO_APP_BANK_CODE = 'zalopayapp';
/** ZaloPay requires the field and documents '[]' for "none"; the lines stay with the merchant order. */
const NO_ITEMS = '[]';

export interface AttemptDeps {
  db: Database;
  zalopay: ZaloPayClient;
  config: PaymentsConfig;
  log: Logger;
  now: () => Date;
  events?: PaymentsEventSink | undefined;
}

/** Attempt `attempt` of a merchant order, for its total: `yymmdd_<order id>_<attempt>`, the date in Vietnam. */
export function newAttemptOf(
  deps: Pick<AttemptDeps, 'config' | 'now'>,
  order: Pick<MerchantOrder, 'id' | 'total' | 'description'>,
  attempt: number,
  idempotencyKey: string | null = null,
): NewAttempt {
  const now = deps.now();
  const appTime = now.getTime();
  return {
    appTransId: appTransIdFor(`${order.id}_${attempt}`, appTime),
    shopOrderId: order.id,
    attempt,
    appId: deps.config.appId,
    appUser: deps.config.orders.appUser,
    amount: order.total,
    description: order.description,
    item: NO_ITEMS,
    embedData: JSON.stringify({ redirecturl: redirectUrlOf(deps.config) }),
    appTime,
    idempotencyKey,
    expiresAt: new Date(appTime + deps.config.orders.expireSeconds * 1000),
    nextPollAt: new Date(appTime + deps.config.poller.intervalMs),
    now,
  };
}

/** A payable attempt is PENDING and not past its expiry: asking to pay its order again returns it. */
export function isLiveAttempt(attempt: PaymentAttempt, now: Date): boolean {
  return attempt.status === 'PENDING' && now < attempt.expiresAt;
}

/**
 * An attempt asked for again (a reload, a second tab, a retried request). If ZaloPay never gave us its
 * link and the attempt is still payable, send the same signed request again: ZaloPay answers either
 * "created" or -68. Otherwise the attempt as it stands, with its order_url.
 */
export async function resumeAttempt(
  deps: AttemptDeps,
  order: PaymentAttempt,
): Promise<PaymentView> {
  const now = deps.now();
  if (isLiveAttempt(order, now) && !order.orderUrl) return submitToGateway(deps, order);
  return toPaymentView(order, now);
}

export async function submitToGateway(
  deps: AttemptDeps,
  order: PaymentAttempt,
): Promise<PaymentView> {
  let outcome: CreateOrderOutcome;
  try {
    outcome = await deps.zalopay.createOrder({
      appTransId: order.appTransId,
      appUser: order.appUser,
      amount: order.amount,
      appTime: order.appTime,
      description: order.description,
      item: order.item,
      embedData: order.embedData,
      bankCode: WEB_TO_APP_BANK_CODE,
      callbackUrl: callbackUrlOf(deps.config),
      expireDurationSeconds: deps.config.orders.expireSeconds,
    });
  } catch (error) {
    if (!(error instanceof ZaloPayError)) throw error;
    // We do not know whether ZaloPay created the order: it stays PENDING and the poller finds out.
    if (error instanceof ZaloPayTimeoutError) {
      deps.log.warn(
        { appTransId: order.appTransId, timeoutMs: error.timeoutMs },
        'ZaloPay create timed out; the order stays PENDING for the poller',
      );
    } else {
      deps.log.warn(
        { err: error, appTransId: order.appTransId },
        'ZaloPay create gave no usable answer; the order stays PENDING for the poller',
      );
    }
    await applyPaymentInput(
      deps,
      order.id,
      { kind: 'gateway_unknown', payload: { error: error.name, message: error.message } },
      { to: 'NOTHING' },
    );
    throw new GatewayUnavailableError(order.appTransId, { cause: error });
  }

  return toPaymentView(await applyCreateOutcome(deps, order, outcome), deps.now());
}

/** Records ZaloPay's answer to the create request; resolves with the order as it now stands. */
async function applyCreateOutcome(
  deps: AttemptDeps,
  order: PaymentAttempt,
  outcome: CreateOrderOutcome,
): Promise<PaymentAttempt> {
  switch (outcome.kind) {
    case 'created': {
      const stored = await recordGatewayOrder(deps.db, {
        orderId: order.id,
        orderUrl: outcome.orderUrl,
        zpTransToken: outcome.zpTransToken,
        qrCode: outcome.qrCode,
        now: deps.now(),
      });
      return stored ?? order;
    }
    case 'duplicate':
      await applyPaymentInput(
        deps,
        order.id,
        { kind: 'gateway_duplicate', payload: {} },
        { to: 'NOTHING' },
      );
      return queryAfterDuplicate(deps, order);
    case 'rejected': {
      deps.log.error(
        { appTransId: order.appTransId, outcome },
        'ZaloPay rejected the create request',
      );
      const result = await applyPaymentInput(
        deps,
        order.id,
        { kind: 'gateway_rejected', payload: { outcome } },
        {
          to: 'FAILED',
          reason: `ZaloPay could not accept this payment (${outcome.subReturnCode}). Please start a new payment.`,
        },
      );
      return result.order;
    }
  }
}

/** -68: ZaloPay already has this app_trans_id (an earlier attempt of ours got through). Ask how it stands. */
async function queryAfterDuplicate(
  deps: AttemptDeps,
  order: PaymentAttempt,
): Promise<PaymentAttempt> {
  try {
    const outcome = await deps.zalopay.queryOrder(order.appTransId);
    // Only a still-payable order is resubmitted (resumeOrder), so this is never the final query.
    const result = await applyQueryAnswer(deps, order, outcome, {
      source: 'create',
      finalQuery: false,
    });
    return result.order;
  } catch (error) {
    if (!(error instanceof ZaloPayError)) throw error;
    deps.log.warn(
      { err: error, appTransId: order.appTransId },
      'query after -68 failed; the poller will retry',
    );
    // Another instance may have stored ZaloPay's link meanwhile: show what the database holds.
    return (await findOrderByAppTransId(deps.db, order.appTransId)) ?? order;
  }
}
