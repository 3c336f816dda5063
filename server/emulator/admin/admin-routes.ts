// The emulator's own JSON API under /admin (documented in docs/emulator.md): the shopper's actions
// without a browser, the emulator's truth about orders and callbacks, faults, the clock and settings.
import { Router } from 'express';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { appConfigSchema, sandboxAppOf } from '../../env/emulator-apps-setting';
import { appView } from '../app-config';
import { payScannedVietQr } from '../gateway/banking-app';
import type { EmulatorContext } from '../emulator-context';
import { faultsRequestSchema } from './fault-plan';
import { orderView } from './order-view';
import { requestView } from './request-view';
import type { SandboxOrder } from '../emulated-order';
import { applySettingsUpdate, settingsUpdateSchema } from '../settings';
import { responseSent } from '../gateway/gateway-routes';
import { cancelPayment, payOrder } from '../gateway/shopper-actions';
import type { PayMethod } from '../gateway/shopper-actions';

const payRequestSchema = z.strictObject({
  channel: z.union([z.literal(36), z.literal(38), z.literal(39)]).optional(),
  card_number: z.string().optional(),
});

const vietQrPayRequestSchema = z.strictObject({
  /** The text a scanner decoded from the VietQR code (create's qr_code). */
  payload: z.string().min(1).max(512),
  /** The paying bank's code, as the transfer reports it; empty by default. */
  bank_code: z.string().max(20).default(''),
});

const clockRequestSchema = z.union([
  z.strictObject({ advance_ms: z.int() }),
  z.strictObject({ offset_ms: z.int() }),
]);

/** The bodies these routes accept, for the typed client (admin-client.ts). */
export type PayRequest = z.input<typeof payRequestSchema>;
export type VietQrPayRequest = z.input<typeof vietQrPayRequestSchema>;
export type ClockRequest = z.input<typeof clockRequestSchema>;

const SETTLE_LIMIT_MS = 30_000;

/** A bad admin request: answered with HTTP 400 and the reason. */
export class AdminInputError extends Error {}

function jsonBody(req: Request): unknown {
  const body: unknown = req.body;
  if (typeof body !== 'string' || body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new AdminInputError('the body is not JSON');
  }
}

function parseBody<T>(schema: z.ZodType<T>, req: Request): T {
  const parsed = schema.safeParse(jsonBody(req));
  if (!parsed.success) throw new AdminInputError(JSON.stringify(z.flattenError(parsed.error)));
  return parsed.data;
}

function payMethodOf(request: z.infer<typeof payRequestSchema>): PayMethod {
  const cardNumber = request.card_number ?? null;
  if (cardNumber === null && (request.channel ?? 38) === 38) return { channel: 38 };
  return { channel: request.channel === 39 ? 39 : 36, cardNumber };
}

export function adminRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const view = (order: SandboxOrder) => orderView(order, ctx.orders, ctx.clock.now());

  /** The order named in the path; ?app_id= picks one when several apps used the same app_trans_id. */
  const findOrder = (req: Request, res: Response): SandboxOrder | null => {
    const appTransId = String(req.params.appTransId);
    const appId = z.coerce.number().int().safeParse(req.query.app_id);
    const matches = ctx.orders
      .findAllByAppTransId(appTransId)
      .filter((order) => !appId.success || order.appId === appId.data);
    if (matches.length === 1 && matches[0]) return matches[0];
    if (matches.length === 0) res.status(404).json({ error: `no order ${appTransId}` });
    else res.status(409).json({ error: `several apps have an order ${appTransId}: add ?app_id=` });
    return null;
  };

  router.get('/admin/orders', (_req, res) => {
    res.json({ now: ctx.clock.now(), orders: ctx.orders.list().map(view) });
  });

  router.get('/admin/orders/:appTransId', (req, res) => {
    const order = findOrder(req, res);
    if (order) res.json(view(order));
  });

  router.post('/admin/orders/:appTransId/pay', async (req, res) => {
    const method = payMethodOf(parseBody(payRequestSchema, req));
    const order = findOrder(req, res);
    if (!order) return;
    const result = await payOrder(ctx, order, method, responseSent(res));
    const status =
      result.kind === 'not_payable' || result.kind === 'invalid_payment_period'
        ? 409
        : result.kind === 'unknown_card'
          ? 400
          : 200;
    const orderTruth = view(order);
    res.status(status).json({
      result: result.kind,
      ...(result.kind === 'declined' ? { outcome: result.outcome } : {}),
      redirect_url: 'redirectUrl' in result ? result.redirectUrl : null,
      callback: orderTruth.callback,
      order: orderTruth,
    });
  });

  router.post('/admin/orders/:appTransId/cancel', (req, res) => {
    const order = findOrder(req, res);
    if (!order) return;
    const result = cancelPayment(ctx, order);
    res.status(result.kind === 'cancelled' ? 200 : 409).json({
      result: result.kind,
      redirect_url: result.kind === 'cancelled' ? result.redirectUrl : null,
      order: view(order),
    });
  });

  /** A banking app pays a scanned VietQR code (banking-app.ts): CRC checked, paid by bank transfer. */
  router.post('/admin/vietqr/pay', async (req, res) => {
    const request = parseBody(vietQrPayRequestSchema, req);
    const result = await payScannedVietQr(
      ctx,
      request.payload,
      request.bank_code,
      responseSent(res),
    );
    if (result.kind === 'refused') {
      res.status(400).json({ result: result.problem });
      return;
    }
    if (result.kind === 'no_such_account') {
      res.status(404).json({ result: 'no_such_account', virtual_account: result.virtualAccount });
      return;
    }
    if (result.kind === 'amount_mismatch') {
      res.status(409).json({
        result: 'amount_mismatch',
        scanned_amount: result.scannedAmount,
        order: view(result.order),
      });
      return;
    }
    const { payment } = result;
    const orderTruth = view(result.order);
    res.status(payment.kind === 'paid' ? 200 : 409).json({
      result: payment.kind,
      redirect_url: 'redirectUrl' in payment ? payment.redirectUrl : null,
      callback: orderTruth.callback,
      order: orderTruth,
    });
  });

  router.post('/admin/callbacks/settle', async (_req, res) => {
    const limit = AbortSignal.timeout(SETTLE_LIMIT_MS);
    const timedOut = new Promise<'timeout'>((resolve) =>
      limit.addEventListener('abort', () => resolve('timeout')),
    );
    const outcome = await Promise.race([
      ctx.callbacks.settled().then(() => 'settled' as const),
      timedOut,
    ]);
    res.status(outcome === 'settled' ? 200 : 504).json({ result: outcome });
  });

  router.get('/admin/faults', (_req, res) => {
    res.json(ctx.faults.view());
  });
  router.post('/admin/faults', (req, res) => {
    ctx.faults.add(parseBody(faultsRequestSchema, req));
    res.json(ctx.faults.view());
  });
  router.delete('/admin/faults', (_req, res) => {
    ctx.faults.clear();
    res.json(ctx.faults.view());
  });

  const clockView = () => ({
    now: ctx.clock.now(),
    iso: new Date(ctx.clock.now()).toISOString(),
    offset_ms: ctx.clock.offsetMs(),
  });
  router.get('/admin/clock', (_req, res) => {
    res.json(clockView());
  });
  router.post('/admin/clock', (req, res) => {
    const request = parseBody(clockRequestSchema, req);
    if ('advance_ms' in request) ctx.clock.advance(request.advance_ms);
    else ctx.clock.setOffset(request.offset_ms);
    res.json(clockView());
  });

  router.get('/admin/settings', (_req, res) => {
    res.json(ctx.settings);
  });
  router.put('/admin/settings', (req, res) => {
    applySettingsUpdate(ctx.settings, parseBody(settingsUpdateSchema, req));
    res.json(ctx.settings);
  });

  router.get('/admin/requests', (req, res) => {
    const filter = typeof req.query.app_trans_id === 'string' ? req.query.app_trans_id.trim() : '';
    const requests = ctx.requestLog
      .list()
      .filter((entry) => filter === '' || (entry.appTransId ?? '').includes(filter))
      .map(requestView);
    res.json({ requests });
  });

  router.get('/admin/apps', (_req, res) => {
    res.json({ apps: [...ctx.apps.values()].map(appView) });
  });
  router.post('/admin/apps', (req, res) => {
    const app = sandboxAppOf(parseBody(appConfigSchema, req));
    const replaced = ctx.apps.has(app.appId);
    ctx.apps.set(app.appId, app);
    res.status(replaced ? 200 : 201).json(appView(app));
  });

  router.post('/admin/reset', (_req, res) => {
    ctx.orders.clear();
    ctx.faults.clear();
    ctx.clock.setOffset(0);
    ctx.requestLog.clear();
    res.json({ result: 'reset' });
  });

  router.use('/admin', (req, res) => {
    res.status(404).json({ error: `no admin route ${req.method} ${req.originalUrl}` });
  });

  return router;
}
