// POST /v2/query (docs/zalopay-protocol.md §4, §13.4): MAC app_id|app_trans_id|key1, then the order's status in
// the real layout: 1 paid, 3 not paid yet (is_processing while a payment is in flight), 2/-54 expired,
// 2/-101 unknown, 2/cancelledQuerySubReturnCode cancelled (§7.3).
import type { ApiOutcome } from './api-answers';
import { envelope, failedEnvelope, rejection, successEnvelope } from './api-answers';
import type { ApiTrace } from './api-trace';
import type { EmulatorContext } from '../emulator-context';
import { orderStatus } from '../emulated-order';
import type { SandboxOrder } from '../emulated-order';
import {
  appTransIdLengthProblem,
  authenticatedOrderRequest,
  orderIdRequestSchema,
} from './order-id-request';
import type { WireParams } from './wire-params';
import { describeIssues } from './wire-fields';

interface QueryDetails {
  isProcessing: boolean;
  amount: number;
  zpTransId: number;
  serverTime: number;
}

/** The §4.2 layout: the envelope, then is_processing, amount, zp_trans_id, server_time, discount_amount. */
function queryAnswer(head: ReturnType<typeof envelope>, details: QueryDetails) {
  return {
    ...head,
    is_processing: details.isProcessing,
    amount: details.amount,
    zp_trans_id: details.zpTransId,
    server_time: details.serverTime,
    discount_amount: 0,
  };
}

function answerFor(order: SandboxOrder, ctx: EmulatorContext, now: number): ApiOutcome {
  const { settings } = ctx;
  const notPaid = { isProcessing: false, amount: 0, zpTransId: 0, serverTime: now };
  if (now - order.receivedAt > settings.queryWindowMs) {
    const subCode = settings.queryAfterWindowSubReturnCode;
    return {
      body: queryAnswer(failedEnvelope(settings, subCode), notPaid),
      note: 'order is older than the query window',
    };
  }
  const status = orderStatus(order, now);
  if (status === 'paid' && order.payment) {
    return {
      body: queryAnswer(successEnvelope(settings), {
        isProcessing: false,
        amount: order.amount,
        zpTransId: order.payment.zpTransId,
        serverTime: now,
      }),
      note: 'paid',
    };
  }
  if (status === 'expired') {
    return { body: queryAnswer(failedEnvelope(settings, -54), notPaid), note: 'expired' };
  }
  if (status === 'cancelled') {
    const subCode = settings.cancelledQuerySubReturnCode;
    return { body: queryAnswer(failedEnvelope(settings, subCode), notPaid), note: 'cancelled' };
  }
  const { processing } = settings.messages;
  const pending = envelope(3, processing, settings.pendingSubReturnCode, processing);
  return {
    body: queryAnswer(pending, { ...notPaid, isProcessing: status === 'processing' }),
    note: status,
  };
}

export function queryOrder(params: WireParams, ctx: EmulatorContext, trace: ApiTrace): ApiOutcome {
  const { settings } = ctx;
  const parsed = orderIdRequestSchema.safeParse(params);
  if (!parsed.success) return rejection(settings, -401, describeIssues(parsed.error));
  const request = parsed.data;
  trace.appTransId = request.app_trans_id;
  const tooLong = appTransIdLengthProblem(request.app_trans_id, ctx, trace);
  if (tooLong) return tooLong;
  const auth = authenticatedOrderRequest(ctx, request, trace);
  if ('rejected' in auth) return auth.rejected;
  const { app } = auth;
  const now = ctx.clock.now();
  const order = ctx.orders.find(app.appId, request.app_trans_id);
  if (!order) {
    const unknown = { isProcessing: false, amount: 0, zpTransId: 0, serverTime: now };
    return { body: queryAnswer(failedEnvelope(settings, -101), unknown), note: 'no such order' };
  }
  return answerFor(order, ctx, now);
}
