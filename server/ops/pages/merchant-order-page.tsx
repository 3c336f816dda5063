// /ops/merchant-orders/:shopOrderId: one merchant order as an operator looks after it: what was bought and
// its status, its actions (cancel while unpaid, refund of the attempt that paid it), every payment
// attempt linking to its own page, its refunds, webhooks and the timeline of all its attempts.
import type { PaymentAttempt } from '../../../db/schema';
import type { RefundSummary } from '../../refunds/refund-summary';
import type { MerchantOrderPageRecord } from '../operator-queries';
import type { TimelineEntry } from '../order-timeline';
import { AttemptsTable } from './attempts-table';
import { MerchantOrderFields } from './merchant-order-fields';
import { PageLayout } from './page-layout';
import { RefundForm, RefundsTable } from './refunds-section';
import { TimelineList } from './timeline-list';
import { WebhooksSection } from './webhooks-section';

export interface MerchantOrderPageModel {
  record: MerchantOrderPageRecord;
  /** The attempt that paid the order and its refunds so far: a refund is made against it. */
  paid: { attempt: PaymentAttempt; summary: RefundSummary } | undefined;
  timeline: TimelineEntry[];
  /** The refund form's one-time token (refund-service.ts). */
  refundToken: string;
  notice?: string | undefined;
}

/** Cancel while nobody paid: through the latest attempt's confirmation step, which names every live one. */
function CancelAction({ record }: { record: MerchantOrderPageRecord }) {
  const latest = record.attempts.at(-1);
  if (record.merchantOrder.status !== 'AWAITING_PAYMENT' || !latest) return null;
  return (
    <form
      method="post"
      action={`/ops/orders/${encodeURIComponent(latest.appTransId)}/cancel/confirm`}
      className="inline"
    >
      <button type="submit">Cancel order…</button>
    </form>
  );
}

export function MerchantOrderPage({
  record,
  paid,
  timeline,
  refundToken,
  notice,
}: MerchantOrderPageModel) {
  const { merchantOrder, attempts } = record;
  return (
    <PageLayout title={`Merchant order ${merchantOrder.id}`} signedIn>
      <h1>
        Merchant order <code>{merchantOrder.id}</code>
      </h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <MerchantOrderFields merchantOrder={merchantOrder} />
      <CancelAction record={record} />
      <h2>Payment attempts</h2>
      <AttemptsTable attempts={attempts} paidAttemptId={merchantOrder.paidAttemptId} />
      <h2>Refunds</h2>
      <RefundsTable refunds={record.refunds} />
      {paid && (
        <>
          <p>
            {'Refunds are made against the attempt that paid the order, '}
            <a href={`/ops/orders/${encodeURIComponent(paid.attempt.appTransId)}`}>
              {paid.attempt.appTransId}
            </a>
            , and followed on its page.
          </p>
          <RefundForm order={paid.attempt} summary={paid.summary} refundToken={refundToken} />
        </>
      )}
      <WebhooksSection appTransId={attempts.at(-1)?.appTransId} webhooks={record.webhooks} />
      <TimelineList entries={timeline} />
    </PageLayout>
  );
}
