// What the shopper can do with an order on the gateway: pay (wallet or test card) or cancel. The
// gateway page and the admin API both come here, so a click and POST /admin/orders/:id/pay behave alike.
// Every redirect back to the merchant goes into the request log with its checksum string.
import { hmacHex, redirectChecksumInput } from '../../zalopay/mac';
import type { EmulatorContext } from '../emulator-context';
import { paymentRedirectUrl } from './payment-redirect';
import type { SandboxApp } from '../../zalopay/sandbox-apps';
import { orderStatus } from '../emulated-order';
import type { OrderStatus, SandboxOrder } from '../emulated-order';
import { defaultCardFor, findTestCard } from './test-cards';
import type { CardOutcome, TestCard } from './test-cards';

export type PayMethod =
  | { channel: 38 }
  | { channel: 36 | 39; cardNumber: string | null }
  /** A bank transfer to the order's VietQR account from a banking app: the "bank account" channel. */
  | { channel: 37; bankCode: string };

export type PayResult =
  | { kind: 'paid'; redirectUrl: string | null }
  | { kind: 'declined'; outcome: CardOutcome; redirectUrl: string | null }
  | { kind: 'not_payable'; status: OrderStatus }
  | { kind: 'invalid_payment_period'; minutesOld: number }
  | { kind: 'unknown_card' };

export type CancelResult =
  { kind: 'cancelled'; redirectUrl: string | null } | { kind: 'not_payable'; status: OrderStatus };

/** The zalopay wallet pays with an empty bankcode (observed); cards say which bank or network. */
const WALLET = { channel: 38, bankCode: '' } as const;

function appOf(ctx: EmulatorContext, order: SandboxOrder): SandboxApp {
  const app = ctx.apps.get(order.appId);
  if (!app) throw new Error(`order ${order.appTransId} belongs to an unknown app ${order.appId}`);
  return app;
}

function redirectTo(
  ctx: EmulatorContext,
  order: SandboxOrder,
  app: SandboxApp,
  pmcid: number,
  bankcode: string,
  status: number,
): string | null {
  const base = order.redirectUrl ?? app.redirectUrl ?? null;
  const logged = {
    at: ctx.clock.now(),
    kind: 'redirect',
    endpoint: 'redirect',
    appId: order.appId,
    appTransId: order.appTransId,
    response: null,
  } as const;
  if (base === null) {
    ctx.requestLog.record({
      ...logged,
      params: null,
      note: `no redirect (status ${status}): no embed_data.redirecturl, redirect_url or app default`,
      hints: [
        'The shopper stays on the gateway: put {"redirecturl":"https://..."} in embed_data, or give the app a default redirect URL (EMULATOR_APPS redirect_url).',
      ],
    });
    return null;
  }
  const params = {
    appid: order.appId,
    apptransid: order.appTransId,
    pmcid,
    bankcode,
    amount: order.amount,
    discountamount: 0,
    status,
  };
  const url = paymentRedirectUrl(base, params, app.key2);
  const signedString = redirectChecksumInput(params);
  const checksum = hmacHex(app.key2, signedString);
  ctx.requestLog.record({
    ...logged,
    raw: { method: 'GET', url, contentType: null, body: '' },
    params,
    mac: {
      formula: 'appid|apptransid|pmcid|bankcode|amount|discountamount|status',
      signedString,
      key: 'key2',
      expected: checksum,
      received: checksum,
      matches: true,
    },
    note: `302 to the merchant, status ${status}`,
  });
  return url;
}

/** null for the wallet; the named test card, or the channel's success card; undefined for an unknown number. */
function chosenCard(method: PayMethod): TestCard | null | undefined {
  if (method.channel === 38 || method.channel === 37) return null;
  if (method.cardNumber === null) return defaultCardFor(method.channel);
  return findTestCard(method.cardNumber);
}

/**
 * Pays an order. On success the order gets its zp_trans_id and the callback starts: with
 * callbackBeforeRedirect the first delivery attempt is over before this resolves; otherwise it starts
 * once `redirectSent` resolves, so the browser sees the redirect first. The order counts as paid for
 * query only after that first attempt (until then query answers 3 with is_processing true).
 */
export async function payOrder(
  ctx: EmulatorContext,
  order: SandboxOrder,
  method: PayMethod,
  redirectSent: Promise<void>,
): Promise<PayResult> {
  const now = ctx.clock.now();
  const status = orderStatus(order, now);
  if (status !== 'pending') return { kind: 'not_payable', status };
  const card = chosenCard(method);
  if (card === undefined) return { kind: 'unknown_card' };
  const app = appOf(ctx, order);
  const { channel, bankCode } =
    method.channel === 37 ? { channel: 37, bankCode: method.bankCode } : (card ?? WALLET);
  const { settings } = ctx;

  if (settings.appTimeCheck === 'at_payment' && now - order.appTime > settings.appTimeToleranceMs) {
    const minutesOld = Math.floor((now - order.appTime) / 60_000);
    order.shopperActions.push({
      at: now,
      action: 'pay',
      channel,
      cardNumber: card?.number ?? null,
      outcome: 'declined',
      detail: 'invalid_payment_period',
      redirectUrl: null,
    });
    ctx.requestLog.record({
      at: now,
      kind: 'redirect',
      endpoint: 'payment',
      appId: order.appId,
      appTransId: order.appTransId,
      params: null,
      response: null,
      note: `payment refused: app_time is ${minutesOld} minutes before the payment`,
      hints: [
        `The payment period is invalid: app_time is ${minutesOld} minutes before the payment, more than ${Math.round(settings.appTimeToleranceMs / 60_000)} minutes. Set app_time to the current Unix time in milliseconds when you create the order, and check the server clock (ZaloPay FAQ).`,
      ],
    });
    return { kind: 'invalid_payment_period', minutesOld };
  }

  if (card && card.outcome !== 'success') {
    const failureStatus = settings.cardFailureRedirectStatus;
    const redirectUrl =
      failureStatus === null
        ? null
        : redirectTo(
            ctx,
            order,
            app,
            settings.cardFailureRedirectPmcid ?? channel,
            settings.cardFailureRedirectBankCode ?? bankCode,
            failureStatus,
          );
    order.shopperActions.push({
      at: now,
      action: 'pay',
      channel,
      cardNumber: card.number,
      outcome: 'declined',
      detail: card.outcome,
      redirectUrl,
    });
    return { kind: 'declined', outcome: card.outcome, redirectUrl };
  }

  order.state = 'paying';
  order.payment = { zpTransId: ctx.ids.nextZpTransId(now), serverTime: now, channel, bankCode };
  const redirectUrl = redirectTo(ctx, order, app, channel, bankCode, 1);
  order.shopperActions.push({
    at: now,
    action: 'pay',
    channel,
    cardNumber: card?.number ?? null,
    outcome: 'paid',
    detail: null,
    redirectUrl,
  });

  const sendCallback = () =>
    ctx.callbacks.start(order, order.callbackUrl ?? app.callbackUrl ?? null, app.key2);
  const markPaid = () => {
    order.state = 'paid';
  };
  if (ctx.settings.callbackBeforeRedirect) {
    await sendCallback();
    markPaid();
  } else {
    void redirectSent.then(sendCallback).then(markPaid);
  }
  return { kind: 'paid', redirectUrl };
}

/** The shopper closes the gateway: redirect with pmcid 0, empty bankcode, status -49, no callback; the order stays payable. */
export function cancelPayment(ctx: EmulatorContext, order: SandboxOrder): CancelResult {
  const now = ctx.clock.now();
  const status = orderStatus(order, now);
  if (status !== 'pending') return { kind: 'not_payable', status };
  const redirectUrl = redirectTo(
    ctx,
    order,
    appOf(ctx, order),
    0,
    '',
    ctx.settings.cancelRedirectStatus,
  );
  order.shopperActions.push({
    at: now,
    action: 'cancel',
    channel: 0,
    cardNumber: null,
    outcome: 'cancelled',
    detail: null,
    redirectUrl,
  });
  return { kind: 'cancelled', redirectUrl };
}
