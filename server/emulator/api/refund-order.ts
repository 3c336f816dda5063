// POST /v2/refund and POST /v2/query_refund (docs/zalopay-protocol.md §7, §13.5): refunds are asynchronous, so a
// valid refund answers 3 (processing) with a refund_id and turns into a success refundProcessingMs later
// on the emulator clock; query_refund reports which of the two it is.
import { z } from 'zod';
import { queryRefundMacInput, refundMacInput } from '../../zalopay/mac';
import type { ApiOutcome } from './api-answers';
import { envelope, failedEnvelope, rejection, successEnvelope } from './api-answers';
import type { ApiTrace } from './api-trace';
import { checkDatePrefix, wrongTimeZoneHint } from './date-prefix';
import type { EmulatorContext } from '../emulator-context';
import { authenticatedApp } from './request-mac';
import { refundMacVariants, refundSignedFields } from './refund-mac-mistakes';
import type { WireParams } from './wire-params';
import { describeIssues, optional, requiredText, wireInteger, wireText } from './wire-fields';

/** query_refund's sub code for "still processing, keep polling" (§7.2). */
const REFUND_PROCESSING = 2;

const refundRequestSchema = z.object({
  app_id: wireInteger,
  m_refund_id: requiredText(45),
  zp_trans_id: wireText(15).pipe(z.string().regex(/^\d+$/, 'must be digits')),
  amount: wireInteger.pipe(z.int().positive()),
  refund_fee_amount: optional(wireInteger.pipe(z.int().nonnegative())),
  timestamp: wireInteger,
  description: requiredText(100),
  mac: z.string().min(1),
});

const queryRefundRequestSchema = z.object({
  app_id: wireInteger,
  m_refund_id: requiredText(45),
  timestamp: wireInteger,
  mac: z.string().min(1),
});

/**
 * -24/-25/-26 when m_refund_id is not `yymmdd_appid_xxx` dated today (as datePrefixCheck reads
 * "today": Vietnam's date, or this moment's date anywhere) for this app (§7.1).
 */
function refundIdProblem(
  mRefundId: string,
  appId: number,
  ctx: EmulatorContext,
  trace: ApiTrace,
): number | null {
  const match = /^(\d{6})_(\d+)_.+$/.exec(mRefundId);
  if (!match) return -24;
  const now = ctx.clock.now();
  const timeZoneHint = wrongTimeZoneHint(mRefundId, now, 'm_refund_id');
  if (timeZoneHint) trace.hints.push(timeZoneHint);
  if (!checkDatePrefix(mRefundId, now, ctx.settings.datePrefixCheck).accepted) return -25;
  if (match[2] !== String(appId)) return -26;
  return null;
}

function processingAnswer(ctx: EmulatorContext) {
  const { processing } = ctx.settings.messages;
  return envelope(3, processing, REFUND_PROCESSING, processing);
}

export function refundOrder(params: WireParams, ctx: EmulatorContext, trace: ApiTrace): ApiOutcome {
  const { settings } = ctx;
  const parsed = refundRequestSchema.safeParse(params);
  if (!parsed.success) return rejection(settings, -401, describeIssues(parsed.error));
  const request = parsed.data;
  const auth = authenticatedApp(ctx, {
    appId: request.app_id,
    mac: request.mac,
    macInput: () => refundMacInput(request),
    formula: 'app_id|zp_trans_id|amount|[refund_fee_amount|]description|timestamp',
    fields: () => refundSignedFields(request),
    variants: refundMacVariants(request),
    trace,
  });
  if ('rejected' in auth) return auth.rejected;
  const { app } = auth;

  const now = ctx.clock.now();
  if (Math.abs(now - request.timestamp) > settings.refundTimestampToleranceMs) {
    return {
      body: failedEnvelope(settings, -13),
      note: 'timestamp is too far from the gateway clock',
    };
  }
  if (settings.strictRefundIdFormat) {
    const problem = refundIdProblem(request.m_refund_id, app.appId, ctx, trace);
    if (problem !== null)
      return {
        body: failedEnvelope(settings, problem),
        note: 'm_refund_id is not yymmdd_appid_xxx for today',
      };
  }
  if (ctx.orders.findRefund(app.appId, request.m_refund_id)) {
    return { body: failedEnvelope(settings, -23), note: 'm_refund_id already used' };
  }
  const order = ctx.orders.findPaidByZpTransId(app.appId, request.zp_trans_id);
  if (!order)
    return { body: failedEnvelope(settings, -101), note: 'no paid order with this zp_trans_id' };
  const refunded = ctx.orders.refundsOf(order).reduce((sum, refund) => sum + refund.amount, 0);
  const fee = request.refund_fee_amount ?? null;
  if (request.amount > order.amount - refunded || (fee !== null && fee > request.amount)) {
    return {
      body: failedEnvelope(settings, -14),
      note: `only ${order.amount - refunded} VND is left to refund`,
    };
  }

  const refundId = ctx.ids.nextRefundId(now);
  ctx.orders.addRefund({
    appId: app.appId,
    mRefundId: request.m_refund_id,
    refundId,
    appTransId: order.appTransId,
    zpTransId: request.zp_trans_id,
    amount: request.amount,
    refundFeeAmount: fee,
    description: request.description,
    acceptedAt: now,
    completesAt: now + settings.refundProcessingMs,
  });
  return {
    body: { ...processingAnswer(ctx), refund_id: refundId },
    note: 'refund accepted, processing',
  };
}

export function queryRefund(params: WireParams, ctx: EmulatorContext, trace: ApiTrace): ApiOutcome {
  const { settings } = ctx;
  const parsed = queryRefundRequestSchema.safeParse(params);
  if (!parsed.success) return rejection(settings, -401, describeIssues(parsed.error));
  const request = parsed.data;
  const auth = authenticatedApp(ctx, {
    appId: request.app_id,
    mac: request.mac,
    macInput: (app) => queryRefundMacInput(app.appId, request.m_refund_id, request.timestamp),
    formula: 'app_id|m_refund_id|timestamp',
    fields: (app) => [
      ['app_id', app.appId],
      ['m_refund_id', request.m_refund_id],
      ['timestamp', request.timestamp],
    ],
    trace,
  });
  if ('rejected' in auth) return auth.rejected;
  const { app } = auth;
  const refund = ctx.orders.findRefund(app.appId, request.m_refund_id);
  if (!refund) return { body: failedEnvelope(settings, -101), note: 'no such m_refund_id' };
  if (ctx.clock.now() >= refund.completesAt)
    return { body: successEnvelope(settings), note: 'refunded' };
  return { body: processingAnswer(ctx), note: 'refund still processing' };
}
