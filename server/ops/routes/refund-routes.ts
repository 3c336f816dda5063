// The refund of a paid attempt in two steps: the form's checks then a page that asks to confirm (nothing
// sent yet), then the refund itself through the refunds service; either way a refusal comes back on the
// attempt's page naming the field.
import express, { type Response } from 'express';
import { z } from 'zod';
import type { Database } from '../../../db/create-db';
import type { Logger } from '../../logger';
import { RefundRefusedError } from '../../refunds/refund-errors';
import type { RefundService } from '../../refunds/refund-service';
import { orderIdRouter } from '../operator-input';
import { sendOperatorPage } from '../operator-page-response';
import { notFoundPage, refundConfirmationPage } from '../operator-pages';
import { readOrderRecord } from '../operator-queries';
import { refundAmountField } from '../refund-amount';
import { attemptRefunds, showAttemptPage } from './order-page-view';

export interface RefundRoutesDeps {
  db: Database;
  refunds: RefundService;
  log: Logger;
}

const REFUND_TOKEN_PROBLEM = 'is missing or damaged: reload the page and try again';
const refundForm = z.object({
  refund_token: z
    .string({ error: REFUND_TOKEN_PROBLEM })
    .regex(/^[A-Za-z0-9_-]{22}$/, REFUND_TOKEN_PROBLEM),
  amount: refundAmountField,
  description: z.string().trim().min(1, 'is required').max(100, 'is at most 100 characters'),
});

/** A refund form's zod problems as one sentence: "amount must be above 0; description is required". */
function formProblems(error: z.ZodError): string {
  const fields = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return Object.entries(fields)
    .map(([field, messages]) => `${field} ${messages?.[0] ?? 'is invalid'}`)
    .join('; ');
}

export function refundRoutes(deps: RefundRoutesDeps) {
  const router = orderIdRouter();
  const { db } = deps;
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  /** Both steps read the same form: its fields, or the attempt's page naming what is wrong (400). */
  async function refundFormOrRefusal(body: unknown, res: Response, appTransId: string) {
    const parsed = refundForm.safeParse(body);
    if (parsed.success) return parsed.data;
    await showAttemptPage(db, res, appTransId, 400, {
      error: `Refund not sent: ${formProblems(parsed.error)}`,
    });
    return undefined;
  }

  /** The first step: the same checks, then a page that asks to confirm (nothing sent yet). */
  router.post('/ops/orders/:appTransId/refunds/confirm', form, async (req, res) => {
    const { appTransId } = req.params;
    const parsed = await refundFormOrRefusal(req.body, res, appTransId);
    if (!parsed) return;
    const record = await readOrderRecord(db, appTransId);
    if (!record) {
      sendOperatorPage(res, 404, notFoundPage(`No order ${appTransId}`));
      return;
    }
    const summary = attemptRefunds(record, record.order);
    if (parsed.amount > summary.refundable) {
      await showAttemptPage(db, res, appTransId, 400, {
        error: `Refund not sent: amount is more than the ${summary.refundable} VND left to refund`,
      });
      return;
    }
    sendOperatorPage(
      res,
      200,
      refundConfirmationPage({
        appTransId,
        amount: parsed.amount,
        description: parsed.description,
        refundToken: parsed.refund_token,
        summary,
      }),
    );
  });

  router.post('/ops/orders/:appTransId/refunds', form, async (req, res) => {
    const { appTransId } = req.params;
    const parsed = await refundFormOrRefusal(req.body, res, appTransId);
    if (!parsed) return;
    try {
      const { refund_token: idempotencyToken, ...fields } = parsed;
      const refund = await deps.refunds.requestRefund({ appTransId, idempotencyToken, ...fields });
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
      await showAttemptPage(db, res, appTransId, status, {
        error: `Refund not sent: ${error.message}`,
      });
    }
  });
  return router;
}
