// ZaloPay's payment callback, the ladder of docs/design.md §2.4: verify the MAC on the raw body, find the
// order, check it is ours and the amount is right, apply PAID, and answer so ZaloPay stops or retries.
import type { Database } from '../../../db/create-db';
import { isDatabaseInputError } from '../../../db/database-input-error';
import type { Logger } from '../../logger';
import {
  CALLBACK_ACK,
  CALLBACK_MAC_REJECTED,
  CALLBACK_RETRY_LATER,
  verifyCallback,
  type CallbackData,
  type CallbackRejectionReason,
} from '../../zalopay';
import type { CallbackRejection, PaymentsEventSink } from '../domain-events';
import { findOrderByAppTransId } from '../attempts/attempt-queries';
import type { PaymentInput } from '../attempts/attempt-input';
import {
  applyPaymentInput,
  reportAppliedInput,
  type RequestedChange,
} from '../attempts/attempt-transitions';
import { payPendingOrder } from './pay-pending-attempt';

export interface CallbackReply {
  httpStatus: number;
  body: { return_code: number; return_message: string };
}

export interface CallbackHandlerDeps {
  db: Database;
  key2: string;
  log: Logger;
  now: () => Date;
  /** Told of each callback, each one not applied (with why) and each input applied. */
  events?: PaymentsEventSink | undefined;
}

const ACKNOWLEDGED: CallbackReply = { httpStatus: 200, body: { ...CALLBACK_ACK } };

/** Never throws: every path ends in a reply ZaloPay understands. */
export async function handleCallback(
  deps: CallbackHandlerDeps,
  rawBody: string | Buffer,
): Promise<CallbackReply> {
  deps.events?.emit({ type: 'callback_received' });
  const verification = verifyCallback(rawBody, deps.key2);
  if (!verification.ok) {
    const { reason, message, signedData } = verification.error;
    if (signedData !== undefined && SIGNED_BUT_UNUSABLE.has(reason)) {
      return unusable(deps, message, signedData);
    }
    rejected(deps, UNVERIFIED[reason], reason);
    return { httpStatus: 400, body: { ...CALLBACK_MAC_REJECTED } };
  }
  const { data, type, rawData } = verification;

  // One ledger row per input: a resent callback hits the same key and is a no-op, while a different
  // callback naming the same zp_trans_id (a wrong amount, then the right one) gets its own row.
  const dedupeKey = callbackDedupeKey(data);
  const input: PaymentInput = { kind: 'callback', dedupeKey, payload: { type, data } };
  try {
    // Nearly every callback is the first one for a PENDING order that matches: one statement does it.
    const paid = await payPendingOrder(deps.db, {
      appTransId: data.appTransId,
      appId: data.appId,
      amount: data.amount,
      zpTransId: data.zpTransId,
      paidAt: new Date(data.serverTime),
      channel: data.channel,
      dedupeKey,
      payload: input.payload,
      now: deps.now(),
    });
    if (paid) {
      reportAppliedInput(deps, input, paid);
      return ACKNOWLEDGED;
    }

    // Everything else (an unknown order, a wrong amount, a repeat, a late payment) takes the general path.
    const order = await findOrderByAppTransId(deps.db, data.appTransId);
    if (!order) {
      // A genuine ZaloPay signature on an order we never recorded. Every order is stored before
      // ZaloPay hears of it, so this is not a race a retry could fix: it is money without an order
      // (e.g. a restored database, or another deployment sharing this app's keys). We alert with
      // everything ZaloPay sent, and acknowledge so ZaloPay does not resend the same alert; the
      // payment is then reconciled by hand from ZaloPay's Merchant Portal.
      deps.log.error(
        { alert: 'callback_for_unknown_order', callback: data, type },
        'Verified ZaloPay callback for an order we have no record of: reconcile by hand',
      );
      rejected(deps, 'unknown_order');
      return ACKNOWLEDGED;
    }

    const change = changeFromCallback(deps, order, data);
    const result = await applyPaymentInput(deps, order.id, input, change);
    if (
      !result.repeatedInput &&
      result.order.status === 'PAID' &&
      result.order.zpTransId !== data.zpTransId
    ) {
      deps.log.error(
        {
          alert: 'attempt_paid_twice',
          appTransId: order.appTransId,
          recordedZpTransId: result.order.zpTransId,
          callbackZpTransId: data.zpTransId,
        },
        'A second ZaloPay payment arrived for an order already paid: refund one of them',
      );
    }
    return ACKNOWLEDGED;
  } catch (error) {
    // A value the database refuses would be refused on every retry too: stop ZaloPay and alert.
    if (isDatabaseInputError(error)) {
      return unusable(deps, 'the database refuses a value in it', rawData);
    }
    deps.log.error(
      { err: error, appTransId: data.appTransId },
      'could not record a ZaloPay callback',
    );
    rejected(deps, 'our_failure');
    return { httpStatus: 500, body: { ...CALLBACK_RETRY_LATER } };
  }
}

function rejected(deps: CallbackHandlerDeps, reason: CallbackRejection, detail?: string): void {
  deps.events?.emit({ type: 'callback_rejected', reason, detail });
}

/**
 * The MAC check's refusals, as an operator reads them: a MAC that is not key2's for this data (a wrong
 * key2, a forgery, or no key2 configured to check it with), or a body that is not a callback at all.
 */
const UNVERIFIED: Record<CallbackRejectionReason, CallbackRejection> = {
  missing_key: 'bad_mac',
  malformed_mac: 'bad_mac',
  mac_mismatch: 'bad_mac',
  body_not_raw: 'unreadable',
  body_too_large: 'unreadable',
  malformed_body: 'unreadable',
  // Refused only after the MAC matched: SIGNED_BUT_UNUSABLE, answered by unusable() above.
  malformed_data: 'cannot_apply',
  invalid_data: 'cannot_apply',
};

/** Signed by ZaloPay (the MAC matched) but impossible to apply, however often it is sent again. */
const SIGNED_BUT_UNUSABLE = new Set<CallbackRejectionReason>(['malformed_data', 'invalid_data']);

/**
 * Acknowledged so ZaloPay stops resending what can never be applied, and raised as an alert: a real
 * payment may be behind it, to reconcile by hand from ZaloPay's Merchant Portal.
 */
function unusable(deps: CallbackHandlerDeps, problem: string, signedData: string): CallbackReply {
  deps.log.error(
    // The signed data names the payment (app_trans_id, zp_trans_id, amount); it holds no secret.
    { alert: 'unusable_callback', problem, signedData: signedData.slice(0, 4096) },
    'Verified ZaloPay callback that cannot be applied: acknowledged, reconcile by hand',
  );
  rejected(deps, 'cannot_apply');
  return ACKNOWLEDGED;
}

/**
 * `callback:<zp_trans_id>:<app_id>:<app_trans_id>:<amount>`: what the ladder decides on. ZaloPay resending
 * a payment (whatever its server_time) is the same input; the same zp_trans_id with another amount or
 * another order is not, and must not hide the row of the one that moves the order.
 */
export function callbackDedupeKey(data: CallbackData): string {
  return `callback:${data.zpTransId}:${data.appId}:${data.appTransId}:${data.amount}`;
}

function changeFromCallback(
  deps: CallbackHandlerDeps,
  order: { appTransId: string; appId: number; amount: number },
  data: CallbackData,
): RequestedChange {
  if (data.appId !== order.appId || data.amount !== order.amount) {
    deps.log.error(
      {
        alert: 'amount_mismatch',
        appTransId: order.appTransId,
        expected: { appId: order.appId, amount: order.amount },
        received: { appId: data.appId, amount: data.amount },
      },
      'Verified ZaloPay callback does not match the order: flagged for review, not applied',
    );
    return {
      to: 'FLAG_AMOUNT_MISMATCH',
      received: { appId: data.appId, amount: data.amount, zpTransId: data.zpTransId },
    };
  }
  return {
    to: 'PAID',
    zpTransId: data.zpTransId,
    paidAt: new Date(data.serverTime),
    via: 'callback',
    channel: data.channel,
  };
}
