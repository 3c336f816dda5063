// The operator pages under /ops (docs/operations.md): sign in with ADMIN_TOKEN, search orders, read an
// order's timeline, refund a PAID order (after a confirmation step). When ADMIN_TOKEN is unset, every /ops
// path answers 404 with a page that says how to turn them on.
import { randomBytes } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { Database } from '../../db/create-db';
import type { Logger } from '../logger';
import { APP_TRANS_ID_MAX_CHARS } from '../zalopay';
import { RefundRefusedError } from '../refunds/refund-errors';
import type { RefundService } from '../refunds/refund-service';
import { summariseRefunds } from '../refunds/refund-summary';
import {
  isShopOrderStatus,
  readMerchantOrder,
  readOrderRecord,
  searchOrders,
} from './operator-queries';
import {
  badRequestPage,
  merchantOrderPage,
  notFoundPage,
  operatorPagesOffPage,
  orderCancelConfirmationPage,
  orderPage,
  refundConfirmationPage,
  revokeSessionPage,
  searchPage,
  sessionsPage,
  signInPage,
} from './operator-pages';
import {
  clearSessionCookie,
  cookieValue,
  SESSION_COOKIE,
  setSessionCookie,
  tokenMatches,
} from './sign-in-cookie';
import { sessionStore } from './session-store';
import { operatorDevices } from './operator-device';
import { resendWebhookEvent } from '../webhooks/webhook-worker';
import { buildTimeline } from './order-timeline';
import { mountOrderCancelRoutes } from './order-cancel-routes';
import type { CancelledOrder } from '../payments/merchant-orders/cancel-merchant-order';
import { apiKeyRoutes } from './api-key-routes';
import { refundAmountField } from './refund-amount';
import { REFUND_REQUESTED } from './pages/order-page';
import { sendOperatorPage } from './operator-page-response';

export interface OperatorRoutesDeps {
  /** Unset: the pages do not exist. */
  adminToken: string | undefined;
  db: Database;
  refunds: RefundService;
  log: Logger;
  /** Mark the session cookie Secure (the public URL is https). */
  secureCookies: boolean;
  /** PUBLIC_BASE_URL's origin: what a browser names in Origin when it posts our own forms. */
  publicOrigin: string;
  /** More signed-in pages (the catalogue's Products and Shop pages), behind the same sign-in and checks. */
  pages?: Router[];
  now?: () => Date;
  /** The payments domain's cancel of a merchant order, as an operator; unset: no "Cancel order". */
  cancelOrder?: ((shopOrderId: string) => Promise<CancelledOrder>) | undefined;
}

const REFUND_TOKEN_PROBLEM = 'is missing or damaged: reload the page and try again';
const refundForm = z.object({
  refund_token: z
    .string({ error: REFUND_TOKEN_PROBLEM })
    .regex(/^[A-Za-z0-9_-]{22}$/, REFUND_TOKEN_PROBLEM),
  amount: refundAmountField,
  description: z.string().trim().min(1, 'is required').max(100, 'is at most 100 characters'),
});

const NOTICES: Record<string, string> = {
  refund_requested: REFUND_REQUESTED,
  webhook_resent:
    'Webhook queued again: the same event (same id and body) goes out within seconds.',
  order_cancelled: 'Order cancelled: its payments were cancelled at ZaloPay first.',
  order_cancelled_uncertain:
    'Order cancelled, but ZaloPay did not answer the cancel of a payment: it stays watched, and a payment of it is refunded automatically.',
};

/** The notice a page was sent back with (?notice=refund_requested), if it names one. */
function noticeOf(req: Request): string | undefined {
  const name = req.query.notice;
  // Own properties only: ?notice=__proto__ or constructor names no notice (it answered 500).
  return typeof name === 'string' && Object.hasOwn(NOTICES, name) ? NOTICES[name] : undefined;
}

/** A refund form's zod problems as one sentence: "amount must be above 0; description is required". */
function formProblems(error: z.ZodError): string {
  const fields = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return Object.entries(fields)
    .map(([field, messages]) => `${field} ${messages?.[0] ?? 'is invalid'}`)
    .join('; ');
}

const page = sendOperatorPage;

/** A NUL or another control character: no order id or search holds one, and PostgreSQL refuses a NUL. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
/** A merchant order reference as order-input.ts accepts one: letters, digits, _ and -, at most 40. */
const SHOP_ORDER_ID = /^[\w-]{1,40}$/;

/**
 * The POST came from our own page: browsers name the page's origin, and it must be ours, as
 * PUBLIC_BASE_URL says (behind a TLS proxy without TRUST_PROXY, req.protocol is http while the browser
 * says https) or as this very request was addressed (http://localhost in development).
 */
function sameOrigin(req: Request, publicOrigin: string): boolean {
  const origin = req.get('origin');
  return (
    origin === undefined ||
    origin === publicOrigin ||
    origin === `${req.protocol}://${req.get('host') ?? ''}`
  );
}

const sessionIdSchema = z.uuid();

export function operatorRoutes(deps: OperatorRoutesDeps): Router {
  const router = Router();
  const { adminToken } = deps;
  if (!adminToken) {
    router.use('/ops', (_req, res) => page(res, 404, operatorPagesOffPage()));
    return router;
  }
  const sessions = sessionStore(deps.db, adminToken, deps.now ?? (() => new Date()));
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  // Only refused attempts count (a sign-in answers 303), so operators signing in lock nobody out; the
  // key is the client's IP, which behind a proxy needs TRUST_PROXY (else every operator shares one), or
  // the device of a browser that signed in before, so that strangers' attempts cannot lock it out.
  const devices = operatorDevices(adminToken);
  const signInAttempts = rateLimit({
    windowMs: 15 * 60_000,
    limit: 20,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => {
      const device = devices.idOf(req);
      return device ? `device:${device}` : ipKeyGenerator(req.ip ?? 'unknown');
    },
    // X-Forwarded-For while TRUST_PROXY is off is reported by the forwarded-header watch and /readyz.
    validate: { xForwardedForHeader: false },
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => page(res, 429, signInPage('Too many attempts; wait a few minutes.')),
  });

  router.use('/ops', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req, deps.publicOrigin)) {
      res
        .status(403)
        .json({ error: { code: 'forbidden', message: 'Cross-origin request refused' } });
      return;
    }
    next();
  });

  router.get('/ops/sign-in', (_req, res) => page(res, 200, signInPage()));
  router.post('/ops/sign-in', signInAttempts, form, async (req, res) => {
    const body: unknown = req.body;
    const token = z.object({ token: z.string() }).safeParse(body).data?.token;
    if (!tokenMatches(adminToken, token)) {
      deps.log.warn({ remoteAddress: req.ip }, 'operator sign-in refused');
      page(res, 401, signInPage('That token is not right.'));
      return;
    }
    const secret = await sessions.open({
      remoteAddress: req.ip,
      userAgent: req.get('user-agent'),
    });
    deps.log.info({ remoteAddress: req.ip }, 'operator signed in');
    setSessionCookie(res, secret, deps.secureCookies);
    devices.remember(req, res, deps.secureCookies);
    res.redirect(303, '/ops');
  });

  router.use('/ops', async (req: Request, res: Response, next: NextFunction) => {
    const session = await sessions.find(cookieValue(req, SESSION_COOKIE));
    if (session) {
      res.locals.sessionId = session.id;
      next();
      return;
    }
    if (req.method === 'GET') res.redirect(303, '/ops/sign-in');
    else res.status(401).json({ error: { code: 'unauthorized', message: 'Sign in first' } });
  });

  // Every /ops/orders/:appTransId route: an id that cannot be one is a 400 naming the field.
  router.param('appTransId', (_req, res, next, value: string) => {
    if (hasControlCharacter(value) || value.length > APP_TRANS_ID_MAX_CHARS) {
      page(
        res,
        400,
        badRequestPage('appTransId: not an order id (control characters or too long)'),
      );
      return;
    }
    next();
  });

  router.param('shopOrderId', (_req, res, next, value: string) => {
    if (!SHOP_ORDER_ID.test(value)) {
      page(
        res,
        400,
        badRequestPage(
          'shopOrderId: not a merchant order reference (letters, digits, _ and -, at most 40)',
        ),
      );
      return;
    }
    next();
  });

  apiKeyRoutes(router, { db: deps.db, log: deps.log, page });
  for (const pages of deps.pages ?? []) router.use(pages);

  router.post('/ops/sign-out', async (_req, res) => {
    await sessions.revoke(String(res.locals.sessionId));
    clearSessionCookie(res);
    res.redirect(303, '/ops/sign-in');
  });

  router.get('/ops/sessions', async (req, res) => {
    const live = await sessions.listLive();
    const notice =
      req.query.notice === 'revoked' ? 'Session revoked: that browser is signed out.' : undefined;
    page(
      res,
      200,
      sessionsPage({ sessions: live, currentId: String(res.locals.sessionId), notice }),
    );
  });

  /** Revoke asks first: which browser, and whether it is this one. */
  router.get('/ops/sessions/:id/revoke', async (req, res) => {
    const id = sessionIdSchema.safeParse(req.params.id);
    const session = id.success
      ? (await sessions.listLive()).find((live) => live.id === id.data)
      : undefined;
    if (!session) {
      page(res, 404, notFoundPage('No live session with that id (already revoked or expired?)'));
      return;
    }
    const isCurrent = session.id === res.locals.sessionId;
    page(res, 200, revokeSessionPage({ session, isCurrent }));
  });

  router.post('/ops/sessions/:id/revoke', async (req, res) => {
    const id = sessionIdSchema.safeParse(req.params.id);
    if (!id.success) {
      page(res, 400, badRequestPage('id: not a session id'));
      return;
    }
    await sessions.revoke(id.data);
    deps.log.info({ sessionId: id.data }, 'operator session revoked');
    if (id.data === res.locals.sessionId) {
      clearSessionCookie(res);
      res.redirect(303, '/ops/sign-in');
      return;
    }
    res.redirect(303, '/ops/sessions?notice=revoked');
  });

  router.get('/ops', async (req, res) => {
    const text = typeof req.query.q === 'string' ? req.query.q.slice(0, 64) : '';
    if (hasControlCharacter(text)) {
      page(res, 400, badRequestPage('q: the search may not contain control characters'));
      return;
    }
    const status = isShopOrderStatus(req.query.status) ? req.query.status : undefined;
    const orders = await searchOrders(deps.db, { text, status });
    page(res, 200, searchPage({ text, status, orders }));
  });

  async function showOrder(
    res: Response,
    appTransId: string,
    status: number,
    messages: { notice?: string | undefined; error?: string | undefined },
  ) {
    const record = await readOrderRecord(deps.db, appTransId);
    if (!record) {
      page(res, 404, notFoundPage(`No order ${appTransId}`));
      return;
    }
    const ownRefunds = record.refunds.filter((refund) => refund.orderId === record.order.id);
    const summary = summariseRefunds(record.order.amount, ownRefunds);
    const timeline = buildTimeline(
      record.events,
      record.fulfilment,
      record.attempts,
      record.webhooks,
    );
    const refundToken = randomBytes(16).toString('base64url');
    page(res, status, orderPage({ record, summary, timeline, refundToken, ...messages }));
  }

  /** The merchant order's page: the order, its actions and every attempt (each linking to its page). */
  router.get('/ops/shop-orders/:shopOrderId', async (req, res) => {
    const record = await readMerchantOrder(deps.db, req.params.shopOrderId);
    if (!record) {
      page(res, 404, notFoundPage(`No merchant order ${req.params.shopOrderId}`));
      return;
    }
    const paidAttempt = record.attempts.find(
      (attempt) => attempt.id === record.shopOrder.paidAttemptId,
    );
    const paid = paidAttempt && {
      attempt: paidAttempt,
      summary: summariseRefunds(
        paidAttempt.amount,
        record.refunds.filter((refund) => refund.orderId === paidAttempt.id),
      ),
    };
    const timeline = buildTimeline(
      record.events,
      record.fulfilment,
      record.attempts,
      record.webhooks,
    );
    const refundToken = randomBytes(16).toString('base64url');
    page(
      res,
      200,
      merchantOrderPage({ record, paid, timeline, refundToken, notice: noticeOf(req) }),
    );
  });

  router.get('/ops/orders/:appTransId', async (req, res) => {
    await showOrder(res, req.params.appTransId, 200, { notice: noticeOf(req) });
  });

  /** "Resend": the same webhook event goes out again (its receiver may have lost it, or was down). */
  router.post('/ops/orders/:appTransId/webhooks/:eventId/resend', async (req, res) => {
    const { appTransId, eventId } = req.params;
    const record = await readOrderRecord(deps.db, appTransId);
    const belongs = record?.webhooks.some((webhook) => webhook.event.id === eventId);
    if (!record || !belongs) {
      page(res, 404, notFoundPage(`No webhook event ${eventId} on order ${appTransId}`));
      return;
    }
    await resendWebhookEvent(deps.db, eventId, (deps.now ?? (() => new Date()))());
    deps.log.info({ appTransId, eventId }, 'operator resent a webhook');
    res.redirect(303, `/ops/orders/${encodeURIComponent(appTransId)}?notice=webhook_resent`);
  });

  /** The refund form's first step: the same checks, then a page that asks to confirm (nothing sent yet). */
  router.post('/ops/orders/:appTransId/refunds/confirm', form, async (req, res) => {
    const { appTransId } = req.params;
    const parsed = refundForm.safeParse(req.body);
    if (!parsed.success) {
      await showOrder(res, appTransId, 400, {
        error: `Refund not sent: ${formProblems(parsed.error)}`,
      });
      return;
    }
    const record = await readOrderRecord(deps.db, appTransId);
    if (!record) {
      page(res, 404, notFoundPage(`No order ${appTransId}`));
      return;
    }
    const ownRefunds = record.refunds.filter((refund) => refund.orderId === record.order.id);
    const summary = summariseRefunds(record.order.amount, ownRefunds);
    if (parsed.data.amount > summary.refundable) {
      await showOrder(res, appTransId, 400, {
        error: `Refund not sent: amount is more than the ${summary.refundable} VND left to refund`,
      });
      return;
    }
    page(
      res,
      200,
      refundConfirmationPage({
        appTransId,
        amount: parsed.data.amount,
        description: parsed.data.description,
        refundToken: parsed.data.refund_token,
        summary,
      }),
    );
  });

  router.post('/ops/orders/:appTransId/refunds', form, async (req, res) => {
    const { appTransId } = req.params;
    const parsed = refundForm.safeParse(req.body);
    if (!parsed.success) {
      const fields = z.flattenError(parsed.error).fieldErrors;
      const problems = Object.entries(fields).map(
        ([field, messages]) => `${field} ${messages?.[0] ?? 'is invalid'}`,
      );
      await showOrder(res, appTransId, 400, { error: `Refund not sent: ${problems.join('; ')}` });
      return;
    }
    try {
      const { refund_token: idempotencyToken, ...form } = parsed.data;
      const refund = await deps.refunds.requestRefund({ appTransId, idempotencyToken, ...form });
      deps.log.info(
        { appTransId, mRefundId: refund.mRefundId, amount: refund.amount, state: refund.state },
        'operator requested a refund',
      );
      res.redirect(303, `/ops/orders/${encodeURIComponent(appTransId)}?notice=refund_requested`);
    } catch (error) {
      if (!(error instanceof RefundRefusedError)) throw error;
      const status =
        error.refusal === 'order_not_found'
          ? 404
          : error.refusal === 'invalid_amount' || error.refusal === 'invalid_description'
            ? 400
            : 409;
      await showOrder(res, appTransId, status, { error: `Refund not sent: ${error.message}` });
    }
  });

  if (deps.cancelOrder) {
    mountOrderCancelRoutes(router, {
      db: deps.db,
      log: deps.log,
      cancelOrder: deps.cancelOrder,
      page,
      showOrder,
      notFoundPage,
      confirmationPage: orderCancelConfirmationPage,
    });
  }
  return router;
}
