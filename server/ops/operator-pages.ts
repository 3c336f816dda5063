// The operator pages' HTML, rendered on the server with the escaping `html` template: no client bundle,
// no script, every value from the database or the request escaped.
import type { OperatorSession, PaymentOrder, Refund } from '../../db/schema';
import { PAYMENT_STATUSES, type PaymentStatus } from '../payments/payment-view';
import type { RefundSummary } from '../refunds/refund-summary';
import { formatVietnamTime } from '../../client/format/vietnam-time';
import { html, type SafeHtml } from '../emulator/html-template';
import type { OrderRecord, ShopOrderRow } from './operator-queries';
import type { TimelineEntry, WebhookHistory } from './order-timeline';

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{display:flex;gap:1rem;align-items:center;padding:.6rem 1.2rem;background:#0b3d91;color:#fff}
header a{color:#fff;font-weight:600;text-decoration:none}header form{margin-left:auto}
main{max-width:72rem;margin:1.2rem auto;padding:0 1.2rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #dde1e6;vertical-align:top}
.flag{display:inline-block;padding:.1rem .45rem;border-radius:.3rem;background:#b3261e;color:#fff;font-size:.8rem;font-weight:700}
.alerts{border:2px solid #b3261e;background:#fdecea;padding:.6rem 1rem;border-radius:.4rem}
.notice{border:1px solid #0b7a3e;background:#e7f6ec;padding:.6rem 1rem;border-radius:.4rem}
.error{border:1px solid #b3261e;background:#fdecea;padding:.6rem 1rem;border-radius:.4rem}
ol.timeline{list-style:none;padding:0}ol.timeline li{background:#fff;border-left:4px solid #9aa4b2;margin:.4rem 0;padding:.4rem .8rem}
ol.timeline li.change{border-left-color:#0b3d91}ol.timeline li.alert{border-left-color:#b3261e;background:#fdecea}
time{color:#57606a;font-size:.85rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;background:#fff;padding:.8rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}code,pre{font-size:.8rem}pre{white-space:pre-wrap;overflow-wrap:anywhere}
form.inline{display:flex;gap:.6rem;align-items:end;flex-wrap:wrap}label{display:flex;flex-direction:column;font-size:.85rem}
input,select,button{font:inherit;padding:.3rem .5rem}button{cursor:pointer}`;

const vnd = (amount: number) => `${amount.toLocaleString('en-US')} VND`;
/** Vietnam time, dd/MM/yyyy HH:mm (the receipt's formatter), with the exact instant in `datetime`. */
const when = (at: Date | null) =>
  at ? html`<time datetime="${at.toISOString()}">${formatVietnamTime(at)}</time>` : '';

/** Statuses as words: PARTIALLY_REFUNDED reads PARTIALLY REFUNDED. */
const statusWords = (status: string) => status.replaceAll('_', ' ');

function layout(title: string, body: SafeHtml, signedIn: boolean): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>${title} · Operations</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <header>
          <a href="/ops">Orders</a
          >${signedIn ? html`<a href="/ops/sessions">Sessions</a>` : ''}<span
            >ZaloPay checkout operations</span
          ><small>Times in Vietnam time (UTC+7)</small>
          ${signedIn ? html`<form method="post" action="/ops/sign-out"><button type="submit">Sign out</button></form>` : ''}
        </header>
        <main>${body}</main>
      </body>
    </html>`.toString();
}

export function signInPage(error?: string): string {
  return layout(
    'Sign in',
    html`<h1>Operator sign-in</h1>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/ops/sign-in" class="inline">
        <label
          >Admin token <input type="password" name="token" autocomplete="current-password" required
        /></label>
        <button type="submit">Sign in</button>
      </form>`,
    false,
  );
}

function flagsOf(order: PaymentOrder): SafeHtml[] {
  const flags: SafeHtml[] = [];
  if (order.lateFlag) flags.push(html`<span class="flag">LATE PAYMENT</span> `);
  if (order.amountMismatchFlag) flags.push(html`<span class="flag">AMOUNT MISMATCH</span> `);
  return flags;
}

export interface SearchPageModel {
  text: string;
  status: PaymentStatus | undefined;
  orders: ShopOrderRow[];
}

const attemptLink = (attempt: PaymentOrder) =>
  html`<a href="/ops/orders/${encodeURIComponent(attempt.appTransId)}">${attempt.appTransId}</a>`;

export function searchPage(model: SearchPageModel): string {
  const statusOptions = PAYMENT_STATUSES.map(
    (status) =>
      html`<option value="${status}" ${model.status === status ? html` selected` : ''}>
        ${status}
      </option>`,
  );
  const rows = model.orders.map(
    ({ order, attempts }) =>
      html`<tr>
        <td>
          <a href="/ops/shop-orders/${encodeURIComponent(order.id)}"><code>${order.id}</code></a>
        </td>
        <td>${statusWords(order.status)}</td>
        <td>${vnd(order.total)}</td>
        <td>
          ${attempts.map(
            (attempt) =>
              html`<div>
                ${attemptLink(attempt)} ${attempt.status}
                ${attempt.zpTransId ? html` <small>zp ${attempt.zpTransId}</small>` : ''}
                ${flagsOf(attempt)}
              </div>`,
          )}
        </td>
        <td>${when(order.createdAt)}</td>
      </tr>`,
  );
  return layout(
    'Orders',
    html`<h1>Orders</h1>
      <form method="get" action="/ops" class="inline" role="search">
        <label
          >Order reference, app_trans_id or zp_trans_id
          <input name="q" value="${model.text}" size="36"
        /></label>
        <label
          >Status
          <select name="status">
            <option value="">any</option>
            ${statusOptions}
          </select></label
        >
        <button type="submit">Search</button>
      </form>
      <p>
        ${model.orders.length} merchant order(s) with their payment attempts, newest first (at most
        50). A day's orders: search its prefix, e.g. <code>240101_</code>.
      </p>
      <table>
        <thead>
          <tr>
            <th>Order</th>
            <th>Status</th>
            <th>Total</th>
            <th>Payment attempts (app_trans_id, status)</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`,
    true,
  );
}

export interface OrderPageModel {
  record: OrderRecord;
  summary: RefundSummary;
  timeline: TimelineEntry[];
  notice?: string | undefined;
  error?: string | undefined;
  /** The refund form's one-time token: the same form sent twice refunds once (refund-service.ts). */
  refundToken: string;
}

function refundRows(refunds: Refund[]): SafeHtml[] {
  return refunds.map(
    (refund) =>
      html`<tr>
        <td><code>${refund.mRefundId}</code></td>
        <td>${refund.kind === 'double_payment' ? 'automatic: second payment' : 'operator'}</td>
        <td>${vnd(refund.amount)}</td>
        <td>${refund.state}</td>
        <td>${refund.zpRefundId ?? ''}</td>
        <td>${refund.description}</td>
        <td>${refund.failureReason ?? ''}</td>
        <td>${when(refund.createdAt)}</td>
      </tr>`,
  );
}

/** The merchant order the attempt belongs to: what was bought, its status and every attempt. */
function merchantOrderSection(record: OrderRecord): SafeHtml {
  const { shopOrder, attempts, order } = record;
  return html`<h2>Merchant order <code>${shopOrder.id}</code></h2>
    <dl>
      <dt>Status</dt>
      <dd>${statusWords(shopOrder.status)}</dd>
      <dt>Total</dt>
      <dd>${vnd(shopOrder.total)}</dd>
      <dt>Lines</dt>
      <dd>
        ${shopOrder.lines.map(
          (line) =>
            html`<div>
              ${line.quantity} × ${line.nameVi} (${line.sku ?? 'one-off'}) at ${vnd(line.unitPrice)}
            </div>`,
        )}
      </dd>
      <dt>Fulfilled</dt>
      <dd>${when(shopOrder.fulfilledAt)}</dd>
    </dl>
    <table>
      <thead>
        <tr>
          <th>Attempt</th>
          <th>app_trans_id</th>
          <th>Status</th>
          <th>zp_trans_id</th>
          <th>Created</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${attempts.map(
          (attempt) =>
            html`<tr>
              <td>${attempt.attempt}</td>
              <td>
                ${attempt.id === order.id ? html`<strong>${attempt.appTransId}</strong>` : attemptLink(attempt)}
              </td>
              <td>${attempt.status} ${flagsOf(attempt)}</td>
              <td>${attempt.zpTransId ?? ''}</td>
              <td>${when(attempt.createdAt)}</td>
              <td>
                ${attempt.id === shopOrder.paidAttemptId ? 'paid the order' : attempt.status === 'PAID' ? 'second payment (refunded)' : ''}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/** The merchant's webhooks for this order, each with its delivery state and a Resend button. */
function webhookSection(appTransId: string, webhooks: readonly WebhookHistory[]): SafeHtml {
  if (webhooks.length === 0)
    return html`<h2>Webhooks</h2>
      <p>No webhook events.</p>`;
  return html`<h2>Webhooks</h2>
    <table>
      <thead>
        <tr>
          <th>Event</th>
          <th>Type</th>
          <th>State</th>
          <th>Attempts</th>
          <th>Last error</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${webhooks.map(
          ({ event, deliveries }) =>
            html`<tr>
              <td><code>${event.id}</code></td>
              <td>${event.type}</td>
              <td>${event.status}${event.deliveredAt ? html` ${when(event.deliveredAt)}` : ''}</td>
              <td>${deliveries.length}</td>
              <td>${event.lastError ?? ''}</td>
              <td>
                <form
                  method="post"
                  action="/ops/orders/${encodeURIComponent(appTransId)}/webhooks/${encodeURIComponent(event.id)}/resend"
                >
                  <button type="submit">Resend</button>
                </form>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/** ", partially refunded" / ", refunded" after a paid attempt's status, counting settled refunds. */
function refundedWords(amount: number, summary: RefundSummary): string {
  if (summary.refunded <= 0) return '';
  return summary.refunded >= amount ? ', refunded' : ', partially refunded';
}

export function orderPage(model: OrderPageModel): string {
  const { order, refunds } = model.record;
  const flags = flagsOf(order);
  const alerts =
    flags.length > 0
      ? html`<div class="alerts" role="alert">
          <strong>Needs review:</strong> ${flags}
          ${order.lateFlag ? html`<p>Paid after we had closed the order: the shopper may have been told it failed.</p>` : ''}
          ${order.amountMismatchFlag ? html`<p>ZaloPay reported an amount different from the order's: not applied, check the callback below.</p>` : ''}
        </div>`
      : '';
  const canRefund = order.status === 'PAID' && model.summary.refundable > 0;
  const refundForm = canRefund
    ? html`<form
        method="post"
        action="/ops/orders/${encodeURIComponent(order.appTransId)}/refunds/confirm"
        class="inline"
      >
        <label
          >Amount to refund (VND), at most ${vnd(model.summary.refundable)}
          <input type="number" name="amount" min="1" max="${model.summary.refundable}" required
        /></label>
        <label
          >Reason
          <input
            name="description"
            maxlength="100"
            required
            value="Refund for order ${order.appTransId}"
            size="40"
        /></label>
        <input type="hidden" name="refund_token" value="${model.refundToken}" />
        <button type="submit">Review refund</button>
      </form>`
    : '';
  const timeline = model.timeline.map(
    (entry) =>
      html`<li class="${entry.tone}">
        ${when(entry.at)} <strong>${entry.title}</strong>
        <div>${entry.detail}</div>
        ${
          entry.payload === null
            ? ''
            : html`<details>
                <summary>ledger row</summary>
                <pre>${JSON.stringify(entry.payload, null, 2)}</pre>
              </details>`
        }
      </li>`,
  );
  return layout(
    order.appTransId,
    html`<h1>Payment attempt <code>${order.appTransId}</code></h1>
      ${alerts} ${model.notice ? html`<p class="notice" role="status">${model.notice}</p>` : ''}
      ${model.error ? html`<p class="error" role="alert">${model.error}</p>` : ''}
      ${merchantOrderSection(model.record)}
      <h2>This attempt</h2>
      <dl>
        <dt>Status</dt>
        <dd>
          ${order.status}${order.paidVia ? ` (via ${order.paidVia})` : ''}${refundedWords(order.amount, model.summary)}
        </dd>
        <dt>Amount</dt>
        <dd>${vnd(order.amount)}</dd>
        <dt>Refunded</dt>
        <dd>
          ${vnd(model.summary.refunded)}${model.summary.inFlight > 0 ? ` (+ ${vnd(model.summary.inFlight)} in progress)` : ''}
        </dd>
        <dt>Description</dt>
        <dd>${order.description}</dd>
        <dt>zp_trans_id</dt>
        <dd>${order.zpTransId ?? ''}</dd>
        <dt>Created</dt>
        <dd>${when(order.createdAt)}</dd>
        <dt>Expires</dt>
        <dd>${when(order.expiresAt)}</dd>
        <dt>Paid at</dt>
        <dd>${when(order.paidAt)}</dd>
        <dt>Reason</dt>
        <dd>${order.failureReason ?? ''}</dd>
        <dt>Polls</dt>
        <dd>${order.pollAttempts}</dd>
      </dl>
      <h2>Refunds</h2>
      ${
        refunds.length > 0
          ? html`<table>
              <thead>
                <tr>
                  <th>m_refund_id</th>
                  <th>Kind</th>
                  <th>Amount</th>
                  <th>State</th>
                  <th>ZaloPay refund_id</th>
                  <th>Reason</th>
                  <th>Failure</th>
                  <th>Requested</th>
                </tr>
              </thead>
              <tbody>
                ${refundRows(refunds)}
              </tbody>
            </table>`
          : html`<p>No refunds.</p>`
      }
      ${refundForm} ${webhookSection(order.appTransId, model.record.webhooks)}
      <h2>Timeline</h2>
      <ol class="timeline">
        ${timeline}
      </ol>`,
    true,
  );
}

export interface RefundConfirmationModel {
  appTransId: string;
  amount: number;
  description: string;
  refundToken: string;
  summary: RefundSummary;
}

/** The step between the refund form and ZaloPay: what will be refunded, to confirm or cancel. */
export function refundConfirmationPage(model: RefundConfirmationModel): string {
  const orderPath = `/ops/orders/${encodeURIComponent(model.appTransId)}`;
  const left = model.summary.refundable - model.amount;
  return layout(
    'Confirm refund',
    html`<h1>Refund ${vnd(model.amount)}?</h1>
      <dl>
        <dt>Payment attempt</dt>
        <dd><code>${model.appTransId}</code></dd>
        <dt>Amount</dt>
        <dd>${vnd(model.amount)}</dd>
        <dt>Reason</dt>
        <dd>${model.description}</dd>
        <dt>Left to refund after this</dt>
        <dd>${vnd(Math.max(0, left))}</dd>
      </dl>
      <p>ZaloPay sends the money back to the shopper; a refund cannot be undone.</p>
      <form method="post" action="${orderPath}/refunds" class="inline">
        <input type="hidden" name="amount" value="${String(model.amount)}" />
        <input type="hidden" name="description" value="${model.description}" />
        <input type="hidden" name="refund_token" value="${model.refundToken}" />
        <button type="submit">Confirm refund of ${vnd(model.amount)}</button>
        <a href="${orderPath}">Cancel</a>
      </form>`,
    true,
  );
}

/** /ops when ADMIN_TOKEN is unset: how to turn the pages on, instead of a bare 404. */
export function operatorPagesOffPage(): string {
  return layout(
    'Operator pages are off',
    html`<h1>Operator pages are off</h1>
      <p>
        The operator pages need an admin token. Set <code>ADMIN_TOKEN</code> in the server's
        environment (at least 16 characters; a long random value, e.g.
        <code>openssl rand -hex 32</code>), restart the server, and sign in here with that token.
      </p>
      <p>See docs/operations.md, "Operator pages".</p>`,
    false,
  );
}

export function notFoundPage(what: string): string {
  return layout(
    'Not found',
    html`<h1>Not found</h1>
      <p>${what}</p>`,
    true,
  );
}

export function badRequestPage(problem: string): string {
  return layout(
    'Bad request',
    html`<h1>Bad request</h1>
      <p>${problem}</p>`,
    true,
  );
}

export interface SessionsPageModel {
  sessions: OperatorSession[];
  /** The session viewing the page: revoking it signs this browser out. */
  currentId: string;
}

/** The live operator sessions, each revocable at once (a lost laptop, a colleague who left). */
export function sessionsPage(model: SessionsPageModel): string {
  const rows = model.sessions.map(
    (session) =>
      html`<tr>
        <td>${when(session.createdAt)}${session.id === model.currentId ? ' (this one)' : ''}</td>
        <td>${when(session.expiresAt)}</td>
        <td>${session.remoteAddress ?? ''}</td>
        <td>${session.userAgent ?? ''}</td>
        <td>
          <form method="post" action="/ops/sessions/${session.id}/revoke">
            <button type="submit">Revoke</button>
          </form>
        </td>
      </tr>`,
  );
  return layout(
    'Sessions',
    html`<h1>Operator sessions</h1>
      <p>
        Every signed-in browser. Revoking one signs it out at once; signing out revokes your own.
      </p>
      <table>
        <thead>
          <tr>
            <th>Signed in</th>
            <th>Expires</th>
            <th>Address</th>
            <th>Browser</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`,
    true,
  );
}
