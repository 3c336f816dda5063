// The errors the payments domain throws at its callers. Each carries what a reply needs, as stripe-node's
// errors carry their type and statusCode: a stable `code`, the `httpStatus` it answers with, and the
// `field` it is about. One mapper (server/api-errors/error-reply.ts) turns them into REST JSON and tRPC errors.

import type { MerchantOrderStatus } from './status/order-view';

export type PaymentsErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'already_paid'
  | 'order_cancelled'
  | 'order_expired'
  | 'gateway_unavailable';

export abstract class PaymentsError extends Error {
  /** For machines: the REST body's `error.code`. */
  abstract readonly code: PaymentsErrorCode;
  /** 400 the request is wrong, 404 no such thing, 409 not in this state, 503 try again later. */
  abstract readonly httpStatus: 400 | 404 | 409 | 503;
  /**
   * The input the error is about, as the domain names it (`amount`, `description`, `lines[1].sku`,
   * `orderId`); the REST API spells it as its body does (`order_info`, `order_id`). None: the request.
   */
  abstract readonly field: string | undefined;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The request itself is wrong (an amount outside the accepted bounds, a description too long, an
 * idempotency key reused for another payment); retrying will not help. The message does not repeat the
 * field: replies put it in front (`amount: must be between 1000 and 50000000 VND`).
 */
export class InvalidPaymentInputError extends PaymentsError {
  readonly code = 'invalid_input';
  readonly httpStatus = 400;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * ZaloPay did not give a usable answer to the create request (timeout, outage, unreadable body).
 * The order is recorded PENDING and the poller resolves it; the shopper should try again, and a retry
 * with the same idempotency key resumes this very order.
 */
export class GatewayUnavailableError extends PaymentsError {
  readonly code = 'gateway_unavailable';
  readonly httpStatus = 503;
  readonly field = undefined;
  constructor(
    readonly appTransId: string,
    options?: ErrorOptions,
  ) {
    super('ZaloPay is not answering right now. Please try again in a moment.', options);
  }
}

/** A cart the catalogue cannot sell; `field` names the line, e.g. `lines[1].sku`. */
export class InvalidOrderError extends PaymentsError {
  readonly code = 'invalid_input';
  readonly httpStatus = 400;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** No merchant order has this reference. */
export class OrderNotFoundError extends PaymentsError {
  readonly code = 'not_found';
  readonly httpStatus = 404;
  readonly field = 'orderId';
  constructor(readonly orderId: string) {
    super('No such order');
  }
}

/** The merchant order cannot take a payment: it is paid already (or later), or cancelled. */
export class OrderNotPayableError extends PaymentsError {
  readonly code: 'already_paid' | 'order_cancelled';
  readonly httpStatus = 409;
  readonly field = 'orderId';
  constructor(
    readonly orderId: string,
    readonly status: MerchantOrderStatus,
  ) {
    super(
      status === 'CANCELLED'
        ? 'This order was cancelled and can no longer be paid'
        : 'This order is already paid',
    );
    this.code = status === 'CANCELLED' ? 'order_cancelled' : 'already_paid';
  }
}

/** A merchant order that is paid (or fulfilled, or refunded) cannot be cancelled: refund it instead. */
export class OrderNotCancellableError extends PaymentsError {
  readonly code = 'already_paid';
  readonly httpStatus = 409;
  readonly field = 'orderId';
  constructor(
    readonly orderId: string,
    readonly status: MerchantOrderStatus,
  ) {
    super('This order is paid and cannot be cancelled; refund it instead');
  }
}

/** A merchant API order past its expires_at: it takes no new payment attempt. */
export class OrderExpiredError extends PaymentsError {
  readonly code = 'order_expired';
  readonly httpStatus = 409;
  readonly field = 'orderId';
  constructor(readonly orderId: string) {
    super('This order has expired and can no longer be paid');
  }
}
