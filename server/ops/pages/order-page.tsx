// /ops/orders/:appTransId: one payment attempt as an operator investigates it: a link back to its merchant
// order's page, what needs review, the order, the attempt's fields, refunds, webhooks and timeline.
import type { PaymentAttempt } from '../../../db/schema';
import type { RefundSummary } from '../../refunds/refund-summary';
import type { OrderRecord } from '../operator-queries';
import type { TimelineEntry } from '../order-timeline';
import { AttemptFlags, needsReview } from './attempt-parts';
import { operatorReason, refundedWords, vnd } from './display-words';
import { MerchantOrderSection } from './merchant-order-section';
import { PageLayout } from './page-layout';
import { RefundsSection } from './refunds-section';
import { TimelineList } from './timeline-list';
import { VietnamTime } from './vietnam-time';
import { WebhooksSection } from './webhooks-section';

/** How often an order page with a refund in flight reloads itself (ZaloPay settles in seconds). */
export const REFUND_REFRESH_SECONDS = 3;
/** The banner after a refund request; it goes once no refund is in flight. */
export const REFUND_REQUESTED = `Refund requested. Its state below updates by itself every ${REFUND_REFRESH_SECONDS} s until ZaloPay settles it.`;

export interface OrderPageModel {
  record: OrderRecord;
  summary: RefundSummary;
  timeline: TimelineEntry[];
  notice?: string | undefined;
  error?: string | undefined;
  /** The refund form's one-time token: the same form sent twice refunds once (refund-service.ts). */
  refundToken: string;
}

/** The red box at the top: a late payment, or an amount ZaloPay reported that is not the order's. */
function ReviewAlerts({ order }: { order: PaymentAttempt }) {
  if (!needsReview(order)) return null;
  return (
    <div className="alerts" role="alert">
      <strong>Needs review:</strong> <AttemptFlags attempt={order} />
      {order.lateFlag && (
        <p>Paid after we had closed the order: the shopper may have been told it failed.</p>
      )}
      {order.amountMismatchFlag && (
        <p>
          ZaloPay reported an amount different from the order&apos;s: not applied, check the
          callback below.
        </p>
      )}
    </div>
  );
}

function AttemptFields({ order, summary }: { order: PaymentAttempt; summary: RefundSummary }) {
  const via = order.paidVia ? ` (via ${order.paidVia})` : '';
  const inFlight = summary.inFlight > 0 ? ` (+ ${vnd(summary.inFlight)} in progress)` : '';
  return (
    <>
      <h2>This attempt</h2>
      <dl>
        <dt>Status</dt>
        <dd>{`${order.status}${via}${refundedWords(order.amount, summary)}`}</dd>
        <dt>Amount</dt>
        <dd>{vnd(order.amount)}</dd>
        <dt>Refunded</dt>
        <dd>{`${vnd(summary.refunded)}${inFlight}`}</dd>
        <dt>Description</dt>
        <dd>{order.description}</dd>
        <dt>zp_trans_id</dt>
        <dd>{order.zpTransId ?? ''}</dd>
        <dt>Created at</dt>
        <dd>
          <VietnamTime at={order.createdAt} />
        </dd>
        {order.status === 'PENDING' && <dt>Expires at</dt>}
        {order.status === 'EXPIRED' && <dt>Expired at</dt>}
        {(order.status === 'PENDING' || order.status === 'EXPIRED') && (
          <dd>
            <VietnamTime at={order.expiresAt} />
          </dd>
        )}
        {order.paidAt && (
          <>
            <dt>Paid at</dt>
            <dd>
              <VietnamTime at={order.paidAt} />
            </dd>
          </>
        )}
        {order.failureReason && (
          <>
            <dt>Reason</dt>
            <dd>{operatorReason(order.status, order.failureReason)}</dd>
          </>
        )}
        <dt>Polls</dt>
        <dd>{order.pollAttempts}</dd>
      </dl>
    </>
  );
}

export function OrderPage({
  record,
  summary,
  timeline,
  notice,
  error,
  refundToken,
}: OrderPageModel) {
  const { order } = record;
  // A refund in flight: the page reloads itself until ZaloPay settles it, then stops, banner and all.
  const refunding = summary.inFlight > 0;
  const shownNotice = notice === REFUND_REQUESTED && !refunding ? undefined : notice;
  return (
    <PageLayout
      title={`Payment attempt ${order.appTransId}`}
      signedIn
      refreshSeconds={refunding ? REFUND_REFRESH_SECONDS : undefined}
    >
      <h1>
        Payment attempt <code>{order.appTransId}</code>
      </h1>
      <p>
        {`Attempt ${order.attempt} of `}
        <a href={`/ops/merchant-orders/${encodeURIComponent(record.merchantOrder.id)}`}>
          Merchant order <code>{record.merchantOrder.id}</code>
        </a>
      </p>
      <ReviewAlerts order={order} />
      {shownNotice && (
        <p className="notice" role="status">
          {shownNotice}
        </p>
      )}
      {refunding && !shownNotice && (
        <p className="notice" role="status">
          {`Refund in progress: this page refreshes every ${REFUND_REFRESH_SECONDS} s until ZaloPay settles it.`}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <MerchantOrderSection record={record} />
      <AttemptFields order={order} summary={summary} />
      <RefundsSection
        refunds={record.refunds}
        order={order}
        summary={summary}
        refundToken={refundToken}
      />
      <WebhooksSection appTransId={order.appTransId} webhooks={record.webhooks} />
      <TimelineList entries={timeline} />
    </PageLayout>
  );
}
