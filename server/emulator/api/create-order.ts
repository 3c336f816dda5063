// POST /v2/create (docs/zalopay-protocol.md §3, §13.2): validates the request like the gateway, checks the key1
// MAC over app_id|app_trans_id|app_user|amount|app_time|embed_data|item, stores the order and answers
// with the token and links in the real response's field order; leaves hints for the inspector.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { createOrderMacInput } from '../../zalopay/mac';
import { vietnamYymmdd } from '../../zalopay/vietnam-date';
import type { ApiOutcome } from './api-answers';
import { failedEnvelope, rejection, successEnvelope } from './api-answers';
import type { ApiTrace } from './api-trace';
import { createRequestHints } from './create-request-hints';
import { checkDatePrefix } from './date-prefix';
import type { EmulatorContext } from '../emulator-context';
import {
  cashierOrderUrl,
  encodeOrderParam,
  newZpTransToken,
  orderUrl,
} from '../gateway/order-links';
import type { SandboxOrder } from '../emulated-order';
import { APP_TRANS_ID_HARD_LIMIT, appTransIdLengthProblem } from './order-id-request';
import { authenticatedApp } from './request-mac';
import { buildVietQrPayload } from '../gateway/vietqr-payload';
import type { WireParams } from './wire-params';
import {
  describeIssues,
  jsonTextField,
  optional,
  requiredText,
  wireInteger,
  wireText,
} from './wire-fields';

export const MIN_EXPIRE_DURATION_SECONDS = 300;
export const MAX_EXPIRE_DURATION_SECONDS = 2_592_000;
export const DEFAULT_EXPIRE_DURATION_SECONDS = 900;

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * With `placeholders` (placeholderFields: accept), an `item` that is no JSON array (the SDK fixture's
 * "item") and a `callback_url` that is no http(s) URL (a quickstart's "<YOUR_MERCHANT_HOST>...") pass.
 */
function createRequestSchema(reserializeObjectFields: boolean, placeholders: boolean) {
  const item = jsonTextField('array', 2048, reserializeObjectFields);
  return z.object({
    app_id: wireInteger,
    app_user: requiredText(50),
    app_trans_id: requiredText(APP_TRANS_ID_HARD_LIMIT),
    app_time: wireInteger.pipe(z.int().positive()),
    amount: wireInteger,
    description: requiredText(256),
    item: placeholders ? z.union([item, requiredText(2048)]) : item,
    embed_data: jsonTextField('object', 2048, reserializeObjectFields),
    mac: z.string().min(1),
    expire_duration_seconds: optional(
      wireInteger.pipe(z.int().min(MIN_EXPIRE_DURATION_SECONDS).max(MAX_EXPIRE_DURATION_SECONDS)),
    ),
    callback_url: optional(placeholders ? wireText(2048) : wireText(2048).pipe(httpUrl)),
    redirect_url: optional(wireText(2048)),
    bank_code: optional(wireText(20)),
    sub_app_id: optional(wireText(50)),
    title: optional(wireText(256)),
  });
}

/** Built once per pair of settings, not per request: zod 4 compiles a schema on its first use. */
const CREATE_REQUEST_SCHEMAS = new Map<string, ReturnType<typeof createRequestSchema>>(
  [true, false].flatMap((reserialize) =>
    [true, false].map(
      (placeholders) =>
        [`${reserialize}/${placeholders}`, createRequestSchema(reserialize, placeholders)] as const,
    ),
  ),
);

function createRequestSchemaFor(settings: EmulatorContext['settings']) {
  const key = `${settings.reserializeObjectFields}/${settings.placeholderFields === 'accept'}`;
  const schema = CREATE_REQUEST_SCHEMAS.get(key);
  if (!schema) throw new Error(`no create schema for ${key}`);
  return schema;
}

const embedDataSchema = z.object({ redirecturl: z.string().min(1).optional() });

function redirectUrlOf(embedData: string): string | null {
  const parsed = embedDataSchema.safeParse(JSON.parse(embedData));
  return parsed.success ? (parsed.data.redirecturl ?? null) : null;
}

function randomDigits(count: number): string {
  return Array.from({ length: count }, () => String(randomInt(10))).join('');
}

function randomUpperAlphanumerics(count: number): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return Array.from({ length: count }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function vietQrFor(appId: number, amount: number, now: number): string {
  return buildVietQrPayload({
    merchantCode: String(appId).padStart(6, '0').slice(-6),
    reference: randomDigits(18),
    virtualAccount: `99ZP${vietnamYymmdd(now).slice(0, 2)}${randomUpperAlphanumerics(12)}`,
    amount,
  });
}

export function createOrder(params: WireParams, ctx: EmulatorContext, trace: ApiTrace): ApiOutcome {
  const { settings } = ctx;
  const now = ctx.clock.now();
  trace.hints.push(...createRequestHints(params, now, trace.bodyFormat, settings));
  if (typeof params.app_trans_id === 'string') trace.appTransId = params.app_trans_id;
  const parsed = createRequestSchemaFor(settings).safeParse(params);
  if (!parsed.success) return rejection(settings, -401, describeIssues(parsed.error));
  const request = parsed.data;
  const tooLong = appTransIdLengthProblem(request.app_trans_id, ctx, trace);
  if (tooLong) return tooLong;

  if (
    request.amount < settings.minAmount ||
    (settings.maxAmount !== null && request.amount > settings.maxAmount)
  ) {
    return rejection(settings, -401, `amount ${request.amount} is outside the accepted range`);
  }
  const auth = authenticatedApp(ctx, {
    appId: request.app_id,
    mac: request.mac,
    macInput: () => createOrderMacInput(request),
    formula: 'app_id|app_trans_id|app_user|amount|app_time|embed_data|item',
    fields: () => [
      ['app_id', request.app_id],
      ['app_trans_id', request.app_trans_id],
      ['app_user', request.app_user],
      ['amount', request.amount],
      ['app_time', request.app_time],
      ['embed_data', request.embed_data],
      ['item', request.item],
    ],
    trace,
  });
  if ('rejected' in auth) return auth.rejected;
  const { app } = auth;

  const prefix = checkDatePrefix(request.app_trans_id, now, settings.datePrefixCheck);
  if (!prefix.accepted) {
    return rejection(settings, settings.datePrefixSubReturnCode, prefix.reason);
  }
  if (
    settings.appTimeCheck === 'at_create' &&
    Math.abs(now - request.app_time) > settings.appTimeToleranceMs
  ) {
    return rejection(
      settings,
      settings.appTimeSubReturnCode,
      `app_time is more than ${settings.appTimeToleranceMs} ms away from the gateway clock ${now}`,
    );
  }
  if (ctx.orders.find(app.appId, request.app_trans_id)) {
    return { body: failedEnvelope(settings, -68), note: 'app_trans_id already used by this app' };
  }

  const zpTransToken = newZpTransToken();
  const orderParam = encodeOrderParam(zpTransToken, app.appId);
  const lifetimeStart = settings.expiryBase === 'app_time' ? request.app_time : now;
  const expireSeconds = request.expire_duration_seconds ?? DEFAULT_EXPIRE_DURATION_SECONDS;
  const issueQr = settings.issueQrCode && (app.issueQrCode ?? false);
  const topLevelRedirect = settings.honourTopLevelRedirectUrl ? request.redirect_url : undefined;
  const redirectUrl = redirectUrlOf(request.embed_data) ?? topLevelRedirect ?? null;
  if (redirectUrl !== null && !httpUrl.safeParse(redirectUrl).success) {
    // The gateway would send the shopper's browser there: javascript:, data: or an app link is refused.
    trace.hints.push(
      'The redirect URL must be an http(s) URL, e.g. {"redirecturl":"https://shop.example/result"}.',
    );
    return rejection(settings, -401, 'the redirect URL is not an http(s) URL');
  }
  if (request.redirect_url !== undefined && !settings.honourTopLevelRedirectUrl) {
    trace.hints.push(
      'The top-level redirect_url is ignored (honourTopLevelRedirectUrl is off): put it in embed_data as {"redirecturl":"..."}.',
    );
  }
  const order: SandboxOrder = {
    appId: app.appId,
    appTransId: request.app_trans_id,
    appUser: request.app_user,
    appTime: request.app_time,
    amount: request.amount,
    description: request.description,
    item: request.item,
    embedData: request.embed_data,
    bankCode: request.bank_code ?? '',
    callbackUrl: request.callback_url ?? null,
    redirectUrl,
    zpTransToken,
    orderUrl: orderUrl(ctx.publicUrl, orderParam),
    cashierOrderUrl: app.cashierOrderUrl ? cashierOrderUrl(ctx.publicUrl, orderParam) : null,
    qrCode: issueQr ? vietQrFor(app.appId, request.amount, now) : null,
    receivedAt: now,
    expiresAt: lifetimeStart + expireSeconds * 1000,
    state: 'payable',
    cancelledAt: null,
    payment: null,
    callback: { state: 'not_sent', attempts: [] },
    shopperActions: [],
  };
  ctx.orders.add(order);

  return {
    body: {
      ...successEnvelope(settings),
      zp_trans_token: order.zpTransToken,
      order_url: order.orderUrl,
      ...(order.cashierOrderUrl === null ? {} : { cashier_order_url: order.cashierOrderUrl }),
      order_token: order.zpTransToken,
      ...(order.qrCode === null ? {} : { qr_code: order.qrCode }),
    },
    note: `order created, expires at ${new Date(order.expiresAt).toISOString()}`,
  };
}
