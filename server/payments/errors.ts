// The errors the payments domain throws at its callers. The API layer maps them: InvalidPaymentInputError
// to HTTP 400 / tRPC BAD_REQUEST naming the field, GatewayUnavailableError to 503 "please try again".

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
