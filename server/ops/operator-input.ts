// Input hygiene of the operator routes in one place: no control character in an id or a search (PostgreSQL
// refuses a NUL, it answered 500), and the shape of each id a path names, refused with a 400 naming it.
import { Router } from 'express';
import { APP_TRANS_ID_MAX_CHARS } from '../zalopay';
import { badRequestPage } from './operator-pages';
import { sendOperatorPage } from './operator-page-response';

/** A NUL or another control character: no order id or search holds one. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** A merchant order reference as order-input.ts accepts one: letters, digits, _ and -, at most 40. */
const MERCHANT_ORDER_ID = /^[\w-]{1,40}$/;

/**
 * A router whose :appTransId and :shopOrderId are checked before any of its routes runs: an id that
 * cannot be one is a 400 naming the field. Every operator route that names an order is made on one.
 */
export function orderIdRouter(): Router {
  const router = Router();
  router.param('appTransId', (_req, res, next, value: string) => {
    if (hasControlCharacter(value) || value.length > APP_TRANS_ID_MAX_CHARS) {
      sendOperatorPage(
        res,
        400,
        badRequestPage('appTransId: not an order id (control characters or too long)'),
      );
      return;
    }
    next();
  });
  router.param('shopOrderId', (_req, res, next, value: string) => {
    if (!MERCHANT_ORDER_ID.test(value)) {
      sendOperatorPage(
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
  return router;
}
