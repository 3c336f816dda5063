// The operator pages' own words: Vietnam times, the refund confirmation step, /ops without a token, and
// every value from the database or the request escaped by React, whatever it holds.
import { REFUND_REQUESTED } from './pages/order-page';
import { describe, expect, it } from 'vitest';
import type {
  OperatorSession,
  PaymentAttempt,
  Refund,
  MerchantOrder,
  WebhookEvent,
} from '../../db/schema';
import type { OrderRecord } from './operator-queries';
import {
  badRequestPage,
  merchantOrderPage,
  notFoundPage,
  operatorPagesOffPage,
  orderPage,
  refundConfirmationPage,
  searchPage,
  sessionsPage,
  signInPage,
} from './operator-pages';

/** Markup, both quotes and an ampersand: what a shopper, a merchant's data or a URL could hold. */
const HOSTILE = `<script>alert("x")</script><img src=x onerror='alert(1)'>&`;
const ESCAPED = `&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#x27;alert(1)&#x27;&gt;&amp;`;
/** 17:30 UTC on 25 November is 00:30 on 26 November in Vietnam. */
const AT = new Date('2026-11-25T17:30:00Z');
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAA';

const merchantOrder: MerchantOrder = {
  id: 'ABCDEFGHJK',
  lines: [{ sku: null, nameVi: HOSTILE, nameEn: HOSTILE, unitPrice: 25_000, quantity: 2 }],
  total: 50_000,
  description: HOSTILE,
  status: 'PAID',
  attempts: 1,
  paidAttemptId: 'attempt-1',
  paidAt: AT,
  fulfilledAt: AT,
  refundedAmount: 0,
  cancelledAt: null,
  cancelledBy: null,
  closeLeaseUntil: null,
  apiKeyId: null,
  merchantReference: null,
  metadata: null,
  returnUrl: null,
  cancelUrl: null,
  expiresAt: null,
  createdAt: AT,
  updatedAt: AT,
};

const attempt: PaymentAttempt = {
  id: 'attempt-1',
  appTransId: `261126_${merchantOrder.id}_1`,
  shopOrderId: merchantOrder.id,
  attempt: 1,
  appId: 2553,
  appUser: HOSTILE,
  amount: 50_000,
  description: HOSTILE,
  item: '[]',
  embedData: '{}',
  appTime: AT.getTime(),
  idempotencyKey: null,
  status: 'PAID',
  zpTransId: HOSTILE,
  orderUrl: null,
  zpTransToken: null,
  qrCode: null,
  expiresAt: AT,
  nextPollAt: AT,
  leaseUntil: null,
  leaseOwner: null,
  pollAttempts: 0,
  failureReason: HOSTILE,
  paidAt: AT,
  paidVia: 'callback',
  paidChannel: 38,
  lateFlag: true,
  amountMismatchFlag: false,
  lateChecks: 0,
  nextLateCheckAt: null,
  createdAt: AT,
  updatedAt: AT,
};

const refund: Refund = {
  id: 'refund-1',
  orderId: attempt.id,
  mRefundId: HOSTILE,
  kind: 'operator',
  amount: 10_000,
  description: HOSTILE,
  state: 'FAILED',
  zpRefundId: HOSTILE,
  requestedAtMs: AT.getTime(),
  failureReason: HOSTILE,
  checks: 1,
  nextCheckAt: AT,
  settledAt: AT,
  createdAt: AT,
  updatedAt: AT,
};

const webhookEvent: WebhookEvent = {
  id: HOSTILE,
  seq: 1,
  shopOrderId: merchantOrder.id,
  type: HOSTILE,
  payload: { note: HOSTILE },
  status: 'PENDING',
  attempts: 1,
  nextAttemptAt: AT,
  leaseUntil: null,
  lastError: HOSTILE,
  deliveredAt: null,
  createdAt: AT,
  txid: '1',
};

const record: OrderRecord = {
  order: attempt,
  merchantOrder,
  attempts: [attempt],
  events: [],
  fulfilment: undefined,
  refunds: [refund],
  webhooks: [{ event: webhookEvent, deliveries: [] }],
};

const session: OperatorSession = {
  id: '11111111-1111-4111-8111-111111111111',
  secretHash: 'not shown',
  remoteAddress: HOSTILE,
  userAgent: HOSTILE,
  createdAt: AT,
  expiresAt: AT,
  revokedAt: null,
};

const hostileOrderPage = () =>
  orderPage({
    record,
    summary: { refunded: 0, inFlight: 0, refundable: 50_000 },
    timeline: [
      { at: AT, title: HOSTILE, detail: HOSTILE, tone: 'alert', payload: { reply: HOSTILE } },
    ],
    notice: HOSTILE,
    error: HOSTILE,
    refundToken: TOKEN,
  });

describe('operator pages', () => {
  it('asks to confirm a refund with its amount, reason and what is left, and sends the same token on', () => {
    const page = refundConfirmationPage({
      appTransId: '261125_ABCDEFGHJK_1',
      amount: 25_000,
      description: 'One item <out> of stock',
      refundToken: 'AAAAAAAAAAAAAAAAAAAAAA',
      summary: { refunded: 0, inFlight: 0, refundable: 90_000 },
    });
    expect(page).toContain('<h1>Refund 25,000 VND?</h1>');
    expect(page).toContain('65,000 VND');
    expect(page).toContain('action="/ops/orders/261125_ABCDEFGHJK_1/refunds"');
    expect(page).toContain('name="refund_token" value="AAAAAAAAAAAAAAAAAAAAAA"');
    expect(page).toContain('One item &lt;out&gt; of stock');
    expect(page).toContain('Confirm refund of 25,000 VND');
  });

  it('say which time each column is, to the second, with no empty header; a paid attempt has no expiry', () => {
    const paid = hostileOrderPage();
    expect(paid).not.toContain('<dt>Expires');
    expect(paid).toContain('<dt>Paid at</dt>');
    expect(paid).toContain('<th>Requested at</th>');
    expect(paid).toContain('<th>Last attempt at</th>');
    const sessions = sessionsPage({ sessions: [session], currentId: session.id });
    for (const page of [paid, sessions]) expect(page).not.toMatch(/<th>\s*<\/th>/);
    expect(sessions).toContain('<th>Browser and system</th>');
  });

  it('reload themselves while a refund is in flight, and drop the banner once it settled', () => {
    const model = {
      record,
      timeline: [],
      notice: REFUND_REQUESTED,
      refundToken: TOKEN,
    };
    const pending = orderPage({
      ...model,
      summary: { refunded: 0, inFlight: 1_000, refundable: 49_000 },
    });
    expect(pending).toContain('<meta http-equiv="refresh" content="3"/>');
    expect(pending).toContain('Refund requested.');
    const settled = orderPage({
      ...model,
      summary: { refunded: 1_000, inFlight: 0, refundable: 49_000 },
    });
    expect(settled).not.toContain('http-equiv="refresh"');
    expect(settled).not.toContain('Refund requested.');
  });

  it("word an expired attempt's reason for the operator, not as the shopper read it", () => {
    const expired: PaymentAttempt = {
      ...attempt,
      status: 'EXPIRED',
      paidAt: null,
      failureReason: 'The time to pay ran out. Please start a new payment.',
    };
    const page = orderPage({
      record: { ...record, order: expired, attempts: [expired], refunds: [] },
      summary: { refunded: 0, inFlight: 0, refundable: 0 },
      timeline: [],
      refundToken: TOKEN,
    });
    expect(page).toContain('<dt>Expired at</dt>');
    expect(page).toContain('Not paid before it expired: ZaloPay reported no payment');
    expect(page).not.toContain('Please start a new payment');
  });

  it('without ADMIN_TOKEN, says how to turn the pages on', () => {
    const page = operatorPagesOffPage();
    expect(page).toContain('Operator pages are off');
    expect(page).toContain('<code>ADMIN_TOKEN</code>');
    expect(page).toContain('at least 16 characters');
  });

  it('are whole documents in standards mode, and show every time in Vietnam time, saying so', () => {
    const page = hostileOrderPage();
    expect(page.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(page).toContain('Times in Vietnam time (Asia/Ho_Chi_Minh, GMT+7)');
    expect(page).toContain('26/11/2026 00:30:00</time>');
    expect(page).not.toContain('25/11/2026');
    expect(page).toContain('dateTime="2026-11-25T17:30:00.000Z"');
    expect(sessionsPage({ sessions: [session], currentId: session.id })).toContain(
      '26/11/2026 00:30:00</time> (this one)',
    );
  });

  it('escape hostile text from the database and the request on every page', () => {
    const pages = {
      order: hostileOrderPage(),
      merchantOrder: merchantOrderPage({
        record: { ...record, merchantOrder: { ...merchantOrder, merchantReference: HOSTILE } },
        paid: { attempt, summary: { refunded: 0, inFlight: 0, refundable: 50_000 } },
        timeline: [
          { at: AT, title: HOSTILE, detail: HOSTILE, tone: 'alert', payload: { reply: HOSTILE } },
        ],
        refundToken: TOKEN,
        notice: HOSTILE,
      }),
      search: searchPage({
        text: HOSTILE,
        status: 'PAID',
        orders: [{ order: merchantOrder, attempts: [attempt] }],
      }),
      confirmation: refundConfirmationPage({
        appTransId: HOSTILE,
        amount: 1,
        description: HOSTILE,
        refundToken: TOKEN,
        summary: { refunded: 0, inFlight: 0, refundable: 1 },
      }),
      sessions: sessionsPage({ sessions: [session], currentId: session.id }),
      signIn: signInPage(HOSTILE),
      notFound: notFoundPage(HOSTILE),
      badRequest: badRequestPage(HOSTILE),
    };
    for (const [name, page] of Object.entries(pages)) {
      expect(page, name).not.toContain('<script');
      expect(page, name).not.toContain('<img');
      expect(page, name).toContain(ESCAPED);
    }
    // In attributes too: the search box keeps the text, the forms' actions carry ids URL-encoded.
    expect(pages.search).toContain(`name="q" value="${ESCAPED}"`);
    expect(pages.confirmation).toContain(`name="description" value="${ESCAPED}"`);
    expect(pages.confirmation).toContain(
      `action="/ops/orders/${encodeURIComponent(HOSTILE).replaceAll("'", '&#x27;')}/refunds"`,
    );
    expect(pages.order).toContain(
      `/webhooks/${encodeURIComponent(HOSTILE).replaceAll("'", '&#x27;')}/resend"`,
    );
    // The ledger row unfolds as stored: JSON, escaped like the rest.
    expect(pages.order).toContain('&quot;reply&quot;: &quot;&lt;script&gt;');
  });
});
