// The create flow of design.md §2.1: record the order PENDING first, then ask ZaloPay for it, so no
// answer (or lack of one) from ZaloPay can leave money without an order. Same idempotency key, same order.
import type { Database } from '../../db/create-db';
import type { PaymentOrder } from '../../db/schema';
import type { Logger } from '../logger';
import {
  newAppTransId,
  ZaloPayError,
  type CreateOrderOutcome,
  type ZaloPayClient,
} from '../zalopay';
import { GatewayUnavailableError, InvalidPaymentInputError } from './errors';
import { findOrderByAppTransId, findOrderByIdempotencyKey } from './order-queries';
import { applyPaymentInput, type PaymentInputObserver } from './order-transitions';
import { callbackUrlOf, redirectUrlOf, type PaymentsConfig } from './payments-config';
import { toPaymentView, type CreatePaymentInput, type PaymentView } from './payment-view';
import { applyQueryAnswer } from './query-answer';
import { recordGatewayOrder } from './record-gateway-order';
import { recordNewOrder } from './record-new-order';

/** ZaloPay's wallet: on desktop its gateway shows a QR for the app, on mobile it opens the app. */
const WEB_TO_APP_BANK_CODE = 'zalopayapp';
/** We sell no item list; ZaloPay requires the field and documents '[]' for "none". */
const NO_ITEMS = '[]';
const MAX_DESCRIPTION_CHARS = 256;

export interface CreatePaymentDeps {
  db: Database;
  zalopay: ZaloPayClient;
  config: PaymentsConfig;
  log: Logger;
  now: () => Date;
  onInputApplied?: PaymentInputObserver | undefined;
}

export async function createPayment(
  deps: CreatePaymentDeps,
  input: CreatePaymentInput,
): Promise<PaymentView> {
  const { amount, description } = validatedInput(deps.config, input);

  // Insert first: a new order (the common case) costs one statement, and a repeated or concurrent
  // request with the same key writes nothing and is answered below with the order that holds the key.
  const order = await insertOrder(deps, {
    amount,
    description,
    idempotencyKey: input.idempotencyKey,
  });
  if (order) return submitToGateway(deps, order);
  const earlier = input.idempotencyKey
    ? await findOrderByIdempotencyKey(deps.db, input.idempotencyKey)
    : undefined;
  if (!earlier) throw new Error('The new payment order was not recorded');
  return resumeOrder(deps, sameRequest(earlier, amount, description));
}

function validatedInput(config: PaymentsConfig, input: CreatePaymentInput) {
  if (!Number.isSafeInteger(input.amount)) {
    throw new InvalidPaymentInputError('amount', 'amount must be a whole number of VND');
  }
  if (input.amount < config.minAmount || input.amount > config.maxAmount) {
    throw new InvalidPaymentInputError(
      'amount',
      `amount must be between ${config.minAmount} and ${config.maxAmount} VND`,
    );
  }
  const description = input.description.trim();
  if (description.length === 0 || description.length > MAX_DESCRIPTION_CHARS) {
    throw new InvalidPaymentInputError(
      'description',
      `description must be 1 to ${MAX_DESCRIPTION_CHARS} characters`,
    );
  }
  return { amount: input.amount, description };
}

/** A key belongs to one request: reusing it for another amount or description is a client bug. */
function sameRequest(earlier: PaymentOrder, amount: number, description: string): PaymentOrder {
  if (earlier.amount !== amount || earlier.description !== description) {
    throw new InvalidPaymentInputError(
      'idempotencyKey',
      'this idempotency key was already used for a different payment',
    );
  }
  return earlier;
}

/** Inserts the order and its 'created' ledger row; undefined when the idempotency key is already taken. */
function insertOrder(
  deps: CreatePaymentDeps,
  fields: { amount: number; description: string; idempotencyKey: string | undefined },
): Promise<PaymentOrder | undefined> {
  const now = deps.now();
  const appTime = now.getTime();
  return recordNewOrder(deps.db, {
    appTransId: newAppTransId(appTime),
    appId: deps.config.appId,
    appUser: deps.config.appUser,
    amount: fields.amount,
    description: fields.description,
    item: NO_ITEMS,
    embedData: JSON.stringify({ redirecturl: redirectUrlOf(deps.config) }),
    appTime,
    idempotencyKey: fields.idempotencyKey ?? null,
    expiresAt: new Date(appTime + deps.config.expireDurationSeconds * 1000),
    nextPollAt: new Date(appTime + deps.config.pollIntervalMs),
    now,
  });
}

/**
 * A retry of an earlier request. If ZaloPay never gave us its link for the order and the order is
 * still payable, send the same signed request again: ZaloPay answers either "created" or -68.
 */
async function resumeOrder(deps: CreatePaymentDeps, order: PaymentOrder): Promise<PaymentView> {
  const now = deps.now();
  if (order.status === 'PENDING' && !order.orderUrl && now < order.expiresAt) {
    return submitToGateway(deps, order);
  }
  return toPaymentView(order, now);
}

async function submitToGateway(deps: CreatePaymentDeps, order: PaymentOrder): Promise<PaymentView> {
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
      expireDurationSeconds: deps.config.expireDurationSeconds,
    });
  } catch (error) {
    if (!(error instanceof ZaloPayError)) throw error;
    // We do not know whether ZaloPay created the order: it stays PENDING and the poller finds out.
    deps.log.warn(
      { err: error, appTransId: order.appTransId },
      'ZaloPay create gave no usable answer; the order stays PENDING for the poller',
    );
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
  deps: CreatePaymentDeps,
  order: PaymentOrder,
  outcome: CreateOrderOutcome,
): Promise<PaymentOrder> {
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
  deps: CreatePaymentDeps,
  order: PaymentOrder,
): Promise<PaymentOrder> {
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
