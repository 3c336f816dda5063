// POST /v2/cancel (docs/zalopay-protocol.md §7.3): MAC app_id|app_trans_id|key1 like query; an unpaid order
// becomes cancelled for good (1/1), a paid one or one being paid is refused, an unknown one is not found.
// The codes of the refusals are not documented: settings, defaults in docs/emulator.md.
import type { ApiOutcome } from './api-answers';
import { failedEnvelope, rejection, successEnvelope } from './api-answers';
import type { ApiTrace } from './api-trace';
import type { EmulatorContext } from '../emulator-context';
import { orderStatus } from '../emulated-order';
import {
  appTransIdLengthProblem,
  authenticatedOrderRequest,
  orderIdRequestSchema,
} from './order-id-request';
import type { WireParams } from './wire-params';
import { describeIssues } from './wire-fields';

export function cancelOrder(params: WireParams, ctx: EmulatorContext, trace: ApiTrace): ApiOutcome {
  const { settings } = ctx;
  if (typeof params.app_trans_id === 'string') trace.appTransId = params.app_trans_id;
  const parsed = orderIdRequestSchema.safeParse(params);
  if (!parsed.success) return rejection(settings, -401, describeIssues(parsed.error));
  const request = parsed.data;
  const tooLong = appTransIdLengthProblem(request.app_trans_id, ctx, trace);
  if (tooLong) return tooLong;
  const auth = authenticatedOrderRequest(ctx, request, trace);
  if ('rejected' in auth) return auth.rejected;
  const { app } = auth;
  const order = ctx.orders.find(app.appId, request.app_trans_id);
  if (!order) {
    return {
      body: failedEnvelope(settings, settings.cancelUnknownSubReturnCode),
      note: 'no such order',
    };
  }
  const now = ctx.clock.now();
  const status = orderStatus(order, now);
  if (status === 'paid' || status === 'processing') {
    trace.hints.push(
      `This order was ${status === 'paid' ? 'paid' : 'being paid'} before the cancel arrived (zp_trans_id ${order.payment?.zpTransId ?? '?'}): ZaloPay cancels unpaid orders only. Treat it as paid (query it, or wait for its callback) and refund it if you no longer want it.`,
    );
    return {
      body: failedEnvelope(settings, settings.cancelPaidSubReturnCode),
      note: status === 'paid' ? 'already paid' : 'a payment is in flight',
    };
  }
  if (status === 'cancelled') return { body: successEnvelope(settings), note: 'already cancelled' };
  order.state = 'cancelled';
  order.cancelledAt = now;
  return {
    body: successEnvelope(settings),
    note: status === 'expired' ? 'expired order cancelled' : 'cancelled: it can no longer be paid',
  };
}
