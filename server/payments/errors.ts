// The errors the payments domain throws at its callers. The API layer maps them: InvalidPaymentInputError
// and InvalidOrderError to HTTP 400 / tRPC BAD_REQUEST naming the field, OrderNotFoundError to 404,
// OrderNotPayableError to 409, GatewayUnavailableError to 503 "please try again".

import type { ShopOrderStatus } from './order-view';

export class PaymentsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request itself is wrong (e.g. an amount outside the accepted bounds); retrying will not help. */
export class InvalidPaymentInputError extends PaymentsError {
  constructor(
    readonly field: 'amount' | 'description' | 'idempotencyKey',
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
  constructor(
    readonly appTransId: string,
    options?: ErrorOptions,
  ) {
    super('ZaloPay is not answering right now. Please try again in a moment.', options);
  }
}

/** A cart the catalogue cannot sell; `field` names the line, e.g. `lines[1].sku`. */
export class InvalidOrderError extends PaymentsError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** No merchant order has this reference. */
export class OrderNotFoundError extends PaymentsError {
  constructor(readonly orderId: string) {
    super('No such order');
  }
}

/** The merchant order cannot take a payment: it is paid already (or later), or cancelled. */
export class OrderNotPayableError extends PaymentsError {
  readonly code: 'already_paid' | 'order_cancelled';
  constructor(
    readonly orderId: string,
    readonly status: ShopOrderStatus,
  ) {
    super(
      status === 'CANCELLED'
        ? 'This order was cancelled and can no longer be paid'
        : 'This order is already paid',
    );
    this.code = status === 'CANCELLED' ? 'order_cancelled' : 'already_paid';
  }
}
