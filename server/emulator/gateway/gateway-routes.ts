// The gateway role: GET /openinapp?order=... (and /pay-order, the cashier_order_url) shows the order;
// its forms POST back here to pay or cancel, and the browser is then 302-redirected to the merchant.
import { inlineContentPolicy } from './inline-content-policy';
import { Router } from 'express';
import type { Request, Response } from 'express';
import type { EmulatorContext } from '../emulator-context';
import { checkoutPage, noticePage } from './gateway-pages';
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
    order: SandboxOrder,
    status: Exclude<OrderStatus, 'pending'>,
  ) => {
    if (status === 'cancelled') {
      sendPage(
        res,
        410,
        noticePage(
          'This order was cancelled',
          'The shop cancelled this order: it can no longer be paid. Go back to the shop to start again.',
          'bad',
          order,
        ),
      );
    } else if (status === 'expired') {
      sendPage(
        res,
        410,
        noticePage(
          'This order has expired',
          'The time to pay this order is over. Go back to the shop to start again.',
          'bad',
          order,
        ),
      );
    } else if (status === 'processing') {
      sendPage(
        res,
        409,
        noticePage(
          'Payment in progress',
          'A payment of this order is being processed.',
          'neutral',
          order,
        ),
      );
    } else {
      sendPage(
        res,
        409,
        noticePage(
          'This order is already paid',
          'Nothing more to do: the payment of this order went through.',
          'good',
          order,
        ),
      );
    }
  };

  const unknownOrder = (res: Response) =>
    sendPage(
      res,
      404,
      noticePage(
        'Order not found',
        'This payment link is not valid or the order does not exist.',
        'bad',
      ),
    );

  const showCheckout = (res: Response, order: SandboxOrder, httpStatus = 200, error?: string) => {
    const secondsLeft = (order.expiresAt - ctx.clock.now()) / 1000;
    const orderParam = encodeOrderParam(order.zpTransToken, order.appId);
    sendPage(
      res,
      httpStatus,
      checkoutPage({
        order,
        merchantName: merchantName(order),
        orderParam,
        secondsLeft,
        ...(error ? { error } : {}),
      }),
    );
  };

  const showOrder = (req: Request, res: Response) => {
    const order = findOrder(req.query.order);
    if (!order) return unknownOrder(res);
    const status = orderStatus(order, ctx.clock.now());
    if (status === 'pending') return showCheckout(res, order);
    return showStatus(res, order, status);
  };
  router.get('/openinapp', showOrder);
  router.get('/pay-order', showOrder);

  const pay = async (req: Request, res: Response, method: (form: URLSearchParams) => PayMethod) => {
    const form = formFields(req);
    const order = findOrder(form.get('order'));
    if (!order) return unknownOrder(res);
    const result = await payOrder(ctx, order, method(form), responseSent(res));
    switch (result.kind) {
      case 'not_payable':
        return result.status === 'pending'
          ? showCheckout(res, order)
          : showStatus(res, order, result.status);
      case 'unknown_card':
        return showCheckout(res, order, 400, 'That is not one of the sandbox test cards.');
      case 'invalid_payment_period':
        return sendPage(
          res,
          409,
          noticePage(
            'The payment period is invalid',
            `This order's app_time is ${result.minutesOld} minutes before the payment: ZaloPay refuses to pay it. The shop must create a new order with the current time.`,
            'bad',
            order,
          ),
        );
      case 'declined':
        if (result.redirectUrl) return res.redirect(302, result.redirectUrl);
        return showCheckout(
          res,
          order,
          200,
          'The card was declined. Choose another card or the wallet.',
        );
      case 'paid':
        if (result.redirectUrl) return res.redirect(302, result.redirectUrl);
        return sendPage(
          res,
          200,
          noticePage(
            'Payment successful',
            'The order is paid. The merchant set no redirect URL, so this is the end of the journey.',
            'good',
            order,
          ),
        );
    }
  };
  router.post('/openinapp/pay-wallet', (req, res) => pay(req, res, () => ({ channel: 38 })));
  router.post('/openinapp/pay-card', (req, res) =>
    pay(req, res, (form) => ({ channel: 36, cardNumber: form.get('card_number') ?? '' })),
  );

  router.post('/openinapp/cancel', (req, res) => {
    const order = findOrder(formFields(req).get('order'));
    if (!order) return unknownOrder(res);
    const result = cancelPayment(ctx, order);
    if (result.kind === 'not_payable') {
      return result.status === 'pending'
        ? showCheckout(res, order)
        : showStatus(res, order, result.status);
    }
    if (result.redirectUrl) return res.redirect(302, result.redirectUrl);
    return sendPage(
      res,
      200,
      noticePage(
        'Payment cancelled',
        'You left the payment. The order can still be paid until it expires.',
        'neutral',
        order,
      ),
    );
  });

  return router;
}
