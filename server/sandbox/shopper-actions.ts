// What the shopper can do with an order on the gateway: pay (wallet or test card) or cancel. The
// gateway page and the admin API both come here, so a click and POST /admin/orders/:id/pay behave alike.
import type { EmulatorContext } from './emulator-context';
import { paymentRedirectUrl } from './payment-redirect';
import type { SandboxApp } from './public-apps';
import { orderStatus } from './sandbox-order';
import type { OrderStatus, SandboxOrder } from './sandbox-order';
import { defaultCardFor, findTestCard } from './test-cards';
import type { CardOutcome, TestCard } from './test-cards';

export type PayMethod = { channel: 38 } | { channel: 36 | 39; cardNumber: string | null };

export type PayResult =
  | { kind: 'paid'; redirectUrl: string | null }
  | { kind: 'declined'; outcome: CardOutcome; redirectUrl: string | null }
  | { kind: 'not_payable'; status: OrderStatus }
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
  order: SandboxOrder,
  app: SandboxApp,
  pmcid: number,
  bankcode: string,
  status: number,
): string | null {
  const base = order.redirectUrl ?? app.redirectUrl ?? null;
  if (base === null) return null;
  const params = {
    appid: order.appId,
    apptransid: order.appTransId,
    pmcid,
    bankcode,
    amount: order.amount,
    discountamount: 0,
    status,
  };
  return paymentRedirectUrl(base, params, app.key2);
}

/** null for the wallet; the named test card, or the channel's success card; undefined for an unknown number. */
function chosenCard(method: PayMethod): TestCard | null | undefined {
  if (method.channel === 38) return null;
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
  const { channel, bankCode } = card ?? WALLET;

  if (card && card.outcome !== 'success') {
    const failureStatus = ctx.settings.cardFailureRedirectStatus;
    const redirectUrl =
      failureStatus === null ? null : redirectTo(order, app, channel, bankCode, failureStatus);
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
  const redirectUrl = redirectTo(order, app, channel, bankCode, 1);
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
