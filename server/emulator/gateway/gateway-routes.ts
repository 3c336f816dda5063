// The gateway role: GET /openinapp?order=... (and /pay-order, the cashier_order_url) shows the order;
// its forms POST back here to pay or cancel, and the browser is then 302-redirected to the merchant.
// Pages are Vietnamese unless `lang=en` (the query of a GET, the hidden field of a form).
import { inlineContentPolicy } from './inline-content-policy';
import { Router } from 'express';
import type { Request, Response } from 'express';
import type { EmulatorContext } from '../emulator-context';
import { checkoutPage, noticePage, type PageLanguage } from './gateway-pages';
import { GATEWAY_MESSAGES, gatewayLanguageOf } from './gateway-messages';
import { decodeOrderParam, encodeOrderParam } from './order-links';
import { orderStatus } from '../emulated-order';
import type { OrderStatus, SandboxOrder } from '../emulated-order';
import { cancelPayment, payOrder } from './shopper-actions';
import type { PayMethod } from './shopper-actions';

/** Resolves once the response has gone out (or the connection closed), for callbacks sent after the redirect. */
export function responseSent(res: Response): Promise<void> {
  return new Promise((resolve) => {
    res.once('finish', () => resolve());
    res.once('close', () => resolve());
  });
}

function formFields(req: Request): URLSearchParams {
  const body: unknown = req.body;
  return new URLSearchParams(typeof body === 'string' ? body : '');
}

/** Gateway pages run only their own inline blocks and may not be framed (clickjacking of Pay). */
function sendPage(res: Response, status: number, page: string): void {
  res
    .status(status)
    .set('Content-Security-Policy', inlineContentPolicy(page))
    .type('html')
    .send(page);
}

/** A GET page's language, and the link to the same page in the other one. */
function pageLanguageOf(req: Request): PageLanguage {
  const language = gatewayLanguageOf(req.query.lang);
  const order = typeof req.query.order === 'string' ? req.query.order : '';
  const other = language === 'vi' ? 'en' : 'vi';
  return {
    language,
    switchHref: `${req.path}?order=${encodeURIComponent(order)}&lang=${other}`,
  };
}

/** The answer to a form: the language the form carried, and no link (there is no GET to repeat). */
function formLanguageOf(form: URLSearchParams): PageLanguage {
  return { language: gatewayLanguageOf(form.get('lang')), switchHref: null };
}

export function gatewayRouter(ctx: EmulatorContext): Router {
  const router = Router();

  const findOrder = (orderParam: unknown): SandboxOrder | null => {
    const decoded = decodeOrderParam(orderParam);
    if (!decoded) return null;
    const order = ctx.orders.findByToken(decoded.zptranstoken);
    return order && order.appId === decoded.appid ? order : null;
  };

  const merchantName = (order: SandboxOrder) =>
    ctx.apps.get(order.appId)?.name ?? `App ${order.appId}`;

  const showStatus = (
    res: Response,
    page: PageLanguage,
    order: SandboxOrder,
    status: Exclude<OrderStatus, 'pending'>,
  ) => {
    const words = GATEWAY_MESSAGES[page.language];
    if (status === 'cancelled') {
      sendPage(res, 410, noticePage(page, words.orderCancelled, 'bad', order));
    } else if (status === 'expired') {
      sendPage(res, 410, noticePage(page, words.orderExpired, 'bad', order));
    } else if (status === 'processing') {
      sendPage(res, 409, noticePage(page, words.paymentInProgress, 'neutral', order));
    } else {
      sendPage(res, 409, noticePage(page, words.alreadyPaid, 'good', order));
    }
  };

  const unknownOrder = (res: Response, page: PageLanguage) =>
    sendPage(res, 404, noticePage(page, GATEWAY_MESSAGES[page.language].orderNotFound, 'bad'));

  const showCheckout = (
    res: Response,
    page: PageLanguage,
    order: SandboxOrder,
    httpStatus = 200,
    error?: string,
  ) => {
    const secondsLeft = (order.expiresAt - ctx.clock.now()) / 1000;
    const orderParam = encodeOrderParam(order.zpTransToken, order.appId);
    sendPage(
      res,
      httpStatus,
      checkoutPage({
        ...page,
        order,
        merchantName: merchantName(order),
        orderParam,
        secondsLeft,
        ...(error ? { error } : {}),
      }),
    );
  };

  const showOrder = (req: Request, res: Response) => {
    const page = pageLanguageOf(req);
    const order = findOrder(req.query.order);
    if (!order) return unknownOrder(res, page);
    const status = orderStatus(order, ctx.clock.now());
    if (status === 'pending') return showCheckout(res, page, order);
    return showStatus(res, page, order, status);
  };
  router.get('/openinapp', showOrder);
  router.get('/pay-order', showOrder);

  const pay = async (req: Request, res: Response, method: (form: URLSearchParams) => PayMethod) => {
    const form = formFields(req);
    const page = formLanguageOf(form);
    const words = GATEWAY_MESSAGES[page.language];
    const order = findOrder(form.get('order'));
    if (!order) return unknownOrder(res, page);
    const result = await payOrder(ctx, order, method(form), responseSent(res));
    switch (result.kind) {
      case 'not_payable':
        return result.status === 'pending'
          ? showCheckout(res, page, order)
          : showStatus(res, page, order, result.status);
      case 'unknown_card':
        return showCheckout(res, page, order, 400, words.unknownCard);
      case 'invalid_payment_period':
        return sendPage(
          res,
          409,
          noticePage(page, words.invalidPaymentPeriod(result.minutesOld), 'bad', order),
        );
      case 'declined':
        if (result.redirectUrl) return res.redirect(302, result.redirectUrl);
        return showCheckout(res, page, order, 200, words.cardDeclined);
      case 'paid':
        if (result.redirectUrl) return res.redirect(302, result.redirectUrl);
        return sendPage(res, 200, noticePage(page, words.paidWithoutRedirect, 'good', order));
    }
  };
  router.post('/openinapp/pay-wallet', (req, res) => pay(req, res, () => ({ channel: 38 })));
  router.post('/openinapp/pay-card', (req, res) =>
    pay(req, res, (form) => ({ channel: 36, cardNumber: form.get('card_number') ?? '' })),
  );

  router.post('/openinapp/cancel', (req, res) => {
    const form = formFields(req);
    const page = formLanguageOf(form);
    const order = findOrder(form.get('order'));
    if (!order) return unknownOrder(res, page);
    const result = cancelPayment(ctx, order);
    if (result.kind === 'not_payable') {
      return result.status === 'pending'
        ? showCheckout(res, page, order)
        : showStatus(res, page, order, result.status);
    }
    if (result.redirectUrl) return res.redirect(302, result.redirectUrl);
    const cancelled = GATEWAY_MESSAGES[page.language].cancelledWithoutRedirect;
    return sendPage(res, 200, noticePage(page, cancelled, 'neutral', order));
  });

  return router;
}
