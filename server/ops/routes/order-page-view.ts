// What the merchant order page and an attempt's page share: the notices a page is sent back with, the
// refund figures of one attempt, the timeline, a fresh refund token; and the attempt page itself, which
// the refund and cancel routes send again with an error.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Database } from '../../../db/create-db';
import type { PaymentAttempt } from '../../../db/schema';
import { summariseRefunds, type RefundSummary } from '../../refunds/refund-summary';
import { sendOperatorPage } from '../operator-page-response';
import { notFoundPage, orderPage } from '../operator-pages';
import { readOrderRecord, type MerchantOrderPageRecord } from '../operator-queries';
import { buildTimeline, type TimelineEntry } from '../order-timeline';
import { REFUND_REQUESTED } from '../pages/order-page';

const NOTICES: Record<string, string> = {
  refund_requested: REFUND_REQUESTED,
  webhook_resent:
    'Webhook queued again: the same event (same id and body) goes out within seconds.',
  order_cancelled: 'Order cancelled: its payments were cancelled at ZaloPay first.',
  order_cancelled_uncertain:
    'Order cancelled, but ZaloPay did not answer the cancel of a payment: it stays watched, and a payment of it is refunded automatically.',
};

/** The notice a page was sent back with (?notice=refund_requested), if it names one. */
export function noticeOf(req: Request): string | undefined {
  const name = req.query.notice;
  // Own properties only: ?notice=__proto__ or constructor names no notice (it answered 500).
  return typeof name === 'string' && Object.hasOwn(NOTICES, name) ? NOTICES[name] : undefined;
}

/** One attempt's refund figures: its own refunds only, against what it was paid. */
export function attemptRefunds(
  record: MerchantOrderPageRecord,
  attempt: PaymentAttempt,
): RefundSummary {
  return summariseRefunds(
    attempt.amount,
    record.refunds.filter((refund) => refund.orderId === attempt.id),
  );
}

export function timelineOf(record: MerchantOrderPageRecord): TimelineEntry[] {
  return buildTimeline(record.events, record.fulfilment, record.attempts, record.webhooks);
}

/** The refund form's one-time token (the end of its m_refund_id): a second submission is the same refund. */
export function newRefundToken(): string {
  return randomBytes(16).toString('base64url');
}

/** An attempt's page, with a notice or an error (the refund and cancel routes' answers), or a 404. */
export async function showAttemptPage(
  db: Database,
  res: Response,
  appTransId: string,
  status: number,
  messages: { notice?: string | undefined; error?: string | undefined },
): Promise<void> {
  const record = await readOrderRecord(db, appTransId);
  if (!record) {
    sendOperatorPage(res, 404, notFoundPage(`No order ${appTransId}`));
    return;
  }
  const summary = attemptRefunds(record, record.order);
  const timeline = timelineOf(record);
  const refundToken = newRefundToken();
  sendOperatorPage(res, status, orderPage({ record, summary, timeline, refundToken, ...messages }));
}
