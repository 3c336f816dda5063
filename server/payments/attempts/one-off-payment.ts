// The frontend guide's `{amount, order_info}`: a one-off merchant order for an amount the client chose,
// and its first attempt. The API allows it only where ACCEPT_CLIENT_AMOUNTS does (emulator mode by
// default); everywhere else the server prices the cart (create-order-from-cart.ts).
import { merchantOrders } from '../../../db/schema';
import { newAttemptOf, resumeAttempt, submitToGateway, type AttemptDeps } from './submit-attempt';
import { InvalidPaymentInputError } from '../errors';
import { findOrderByIdempotencyKey } from './attempt-queries';
import { newOrderReference } from '../merchant-orders/order-reference';
import type { PaymentsConfig } from '../payments-config';
import { oneOffPaymentSchema, parseInput } from './pay-request-schemas';
import type { CreatePaymentInput, PaymentView } from '../status/payment-view';
import { recordNewAttempt } from './record-new-attempt';

/** Thrown inside the transaction when the idempotency key is taken, so the new order rolls back too. */
class KeyTaken extends Error {}

export async function createOneOffPayment(
  deps: AttemptDeps,
  input: CreatePaymentInput,
): Promise<PaymentView> {
  const { amount, description } = validatedInput(deps.config, input);
  const key = input.idempotencyKey ?? null;
  if (key) {
    const earlier = await findOrderByIdempotencyKey(deps.db, key);
    if (earlier) return resumeAttempt(deps, sameRequest(earlier, amount, description));
  }
  try {
    const attempt = await deps.db.transaction(async (tx) => {
      const now = deps.now();
      const [order] = await tx
        .insert(merchantOrders)
        .values({
          id: newOrderReference(),
          lines: [
            { sku: null, nameVi: description, nameEn: description, unitPrice: amount, quantity: 1 },
          ],
          total: amount,
          description,
          attempts: 1,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!order) throw new Error('The one-off merchant order was not recorded');
      const created = await recordNewAttempt(tx, newAttemptOf(deps, order, 1, key));
      if (!created) throw new KeyTaken();
      return created;
    });
    return await submitToGateway(deps, attempt);
  } catch (error) {
    if (!(error instanceof KeyTaken) || !key) throw error;
    // A concurrent request with the same key won the insert: answer with its attempt.
    const earlier = await findOrderByIdempotencyKey(deps.db, key);
    if (!earlier)
      throw new Error('The payment holding this idempotency key vanished', { cause: error });
    return resumeAttempt(deps, sameRequest(earlier, amount, description));
  }
}

/** The input by the rules of pay-request-schemas.ts (the REST route parses its body by the same). */
function validatedInput(config: PaymentsConfig, input: CreatePaymentInput) {
  return parseInput(oneOffPaymentSchema(config.orders), input);
}

/** A key belongs to one request: reusing it for another amount or description is a client bug. */
function sameRequest<T extends { amount: number; description: string }>(
  earlier: T,
  amount: number,
  description: string,
): T {
  if (earlier.amount !== amount || earlier.description !== description) {
    throw new InvalidPaymentInputError(
      'idempotencyKey',
      'was already used for a different payment',
    );
  }
  return earlier;
}
