// Why a refund request was refused before anything was sent to ZaloPay, with a message an operator can act on.
export type RefundRefusal =
  | 'order_not_found'
  | 'order_not_paid'
  | 'invalid_amount'
  | 'invalid_description'
  | 'exceeds_refundable';

export class RefundRefusedError extends Error {
  constructor(
    readonly refusal: RefundRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'RefundRefusedError';
  }
}
