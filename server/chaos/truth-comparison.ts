// "Final states equal the emulator's truth", per merchant order: every payment attempt the checkout
// stored against what the emulator (playing ZaloPay) says happened, one fulfilment per paid merchant
// order, and for each second payment of an order exactly one automatic refund, at the emulator too.
import type postgres from 'postgres';
import { z } from 'zod';
import type { EmulatorOrder } from '../emulator/admin/admin-client';

const attemptRowSchema = z.object({
  id: z.string(),
  app_trans_id: z.string(),
  merchant_order_id: z.string(),
  status: z.enum(['PENDING', 'PAID', 'FAILED', 'EXPIRED']),
  zp_trans_id: z.string().nullable(),
  amount: z.coerce.number(),
});
const merchantOrderRowSchema = z.object({
  id: z.string(),
  status: z.enum([
    'AWAITING_PAYMENT',
    'PAID',
    'FULFILLED',
    'CANCELLED',
    'PARTIALLY_REFUNDED',
    'REFUNDED',
  ]),
  paid_attempt_id: z.string().nullable(),
});
const fulfilmentRowSchema = z.object({
  merchant_order_id: z.string(),
  order_id: z.string(),
  status: z.enum(['PENDING', 'DONE']),
});
const refundRowSchema = z.object({
  order_id: z.string(),
  kind: z.enum(['operator', 'extra_payment']),
  amount: z.coerce.number(),
  state: z.enum(['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED']),
});

type AttemptRow = z.infer<typeof attemptRowSchema>;
type MerchantOrderRow = z.infer<typeof merchantOrderRowSchema>;
type FulfilmentRow = z.infer<typeof fulfilmentRowSchema>;
type RefundRow = z.infer<typeof refundRowSchema>;

/** Merchant-order statuses that mean "paid once": fulfilled or not, refunded by an operator or not. */
const PAID_ORDER_STATUSES: ReadonlySet<MerchantOrderRow['status']> = new Set([
  'PAID',
  'FULFILLED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
]);

export interface Mismatch {
  appTransId: string;
  emulator: string;
  app: string;
}

export interface TruthReport {
  /** Payment attempts (payment_attempts rows). */
  orders: number;
  /** Attempts stored as PAID (a merchant order paid twice counts twice). */
  paid: number;
  /** Attempts whose stored status (or zp_trans_id) differs from the emulator's. */
  mismatches: Mismatch[];
  merchantOrders: number;
  /** Merchant orders the checkout holds as paid (PAID, FULFILLED or refunded by an operator). */
  paidMerchantOrders: number;
  /** Outbox rows; exactly one per paid merchant order is right. */
  fulfilments: number;
  fulfilmentsDone: number;
  /** Merchant orders with a wrong outbox (count, attempt, or DONE while the order is not FULFILLED). */
  wrongFulfilments: string[];
  /** Merchant orders whose status disagrees with their attempts (paid attempt, unpaid order...). */
  wrongMerchantOrders: string[];
  /** PAID attempts that are not their order's paid attempt: each must be refunded once, in full. */
  doublePayments: number;
  refunds: number;
  /** Automatic refunds SUCCEEDED in our table. */
  refundsSucceeded: number;
  /** Second payments with exactly one successful emulator refund of their full amount. */
  emulatorRefundsSucceeded: number;
  /** Refunds that are wrong for good: missing kind, wrong amount, more than one, FAILED, or unasked for. */
  wrongRefunds: string[];
}

/** What the checkout should show for an order ZaloPay reports in this state. */
export function expectedAppStatus(order: EmulatorOrder): string {
  switch (order.status) {
    case 'paid':
      return 'PAID';
    case 'expired':
      return 'EXPIRED';
    case 'cancelled':
      return 'FAILED';
    case 'pending':
    case 'processing':
      return 'PENDING';
  }
}

/** Every promise kept and nothing left in flight: the state a chaos scenario waits for. */
export function truthReached(report: TruthReport): boolean {
  return (
    report.mismatches.length === 0 &&
    report.wrongFulfilments.length === 0 &&
    report.wrongMerchantOrders.length === 0 &&
    report.wrongRefunds.length === 0 &&
    report.fulfilmentsDone === report.paidMerchantOrders &&
    report.refundsSucceeded === report.doublePayments &&
    report.emulatorRefundsSucceeded === report.doublePayments
  );
}

export async function compareWithTruth(
  sql: postgres.Sql,
  emulatorOrders: readonly EmulatorOrder[],
): Promise<TruthReport> {
  const [attemptRows, merchantOrderRows, fulfilmentRows, refundRows] = await Promise.all([
    sql`select id::text, app_trans_id, merchant_order_id, status, zp_trans_id, amount from payment_attempts`,
    sql`select id, status, paid_attempt_id::text from merchant_orders`,
    sql`select merchant_order_id, order_id::text, status from fulfilments`,
    sql`select order_id::text, kind, amount, state from refunds`,
  ]);
  const attempts = z.array(attemptRowSchema).parse(attemptRows);
  const merchantOrders = z.array(merchantOrderRowSchema).parse(merchantOrderRows);
  const outbox = z.array(fulfilmentRowSchema).parse(fulfilmentRows);
  const refundList = z.array(refundRowSchema).parse(refundRows);
  const truth = new Map(emulatorOrders.map((order) => [order.app_trans_id, order]));

  const mismatches = attempts.flatMap((row) => attemptMismatch(row, truth.get(row.app_trans_id)));
  const merchant = checkMerchantOrders(merchantOrders, attempts, outbox);
  const refundCheck = checkRefunds(merchantOrders, attempts, refundList, truth);
  return {
    orders: attempts.length,
    paid: attempts.filter((row) => row.status === 'PAID').length,
    mismatches,
    merchantOrders: merchantOrders.length,
    paidMerchantOrders: merchantOrders.filter((order) => PAID_ORDER_STATUSES.has(order.status))
      .length,
    fulfilments: outbox.length,
    fulfilmentsDone: outbox.filter((row) => row.status === 'DONE').length,
    ...merchant,
    refunds: refundList.length,
    ...refundCheck,
  };
}

function attemptMismatch(row: AttemptRow, emulator: EmulatorOrder | undefined): Mismatch[] {
  const expected = emulator ? expectedAppStatus(emulator) : 'missing at the emulator';
  const zpTransIdRight =
    emulator?.status !== 'paid' || row.zp_trans_id === String(emulator.zp_trans_id);
  // A cancel whose answer we never got is learnt from query, which reads a cancelled order as expired.
  const closedEitherWay = emulator?.status === 'cancelled' && row.status === 'EXPIRED';
  if ((row.status === expected || closedEitherWay) && zpTransIdRight) return [];
  return [
    {
      appTransId: row.app_trans_id,
      emulator: `${emulator?.status ?? 'missing'} ${emulator?.zp_trans_id ?? ''}`.trim(),
      app: `${row.status} ${row.zp_trans_id ?? ''}`.trim(),
    },
  ];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function checkMerchantOrders(
  merchantOrders: readonly MerchantOrderRow[],
  attempts: readonly AttemptRow[],
  outbox: readonly FulfilmentRow[],
): { wrongFulfilments: string[]; wrongMerchantOrders: string[] } {
  const attemptsByOrder = groupBy(attempts, (row) => row.merchant_order_id);
  const outboxByOrder = groupBy(outbox, (row) => row.merchant_order_id);
  const wrongFulfilments: string[] = [];
  const wrongMerchantOrders: string[] = [];
  for (const order of merchantOrders) {
    const paidAttempts = (attemptsByOrder.get(order.id) ?? []).filter((a) => a.status === 'PAID');
    const rows = outboxByOrder.get(order.id) ?? [];
    const paid = PAID_ORDER_STATUSES.has(order.status);
    // A cancelled order may hold payments that arrived after it was cancelled (each refunded).
    const cancelled = order.status === 'CANCELLED';
    if (!cancelled && paid !== paidAttempts.length > 0) {
      wrongMerchantOrders.push(
        `${order.id}: ${order.status} with ${paidAttempts.length} paid attempts`,
      );
    }
    if (paid && !paidAttempts.some((attempt) => attempt.id === order.paid_attempt_id)) {
      wrongMerchantOrders.push(`${order.id}: paid_attempt_id is not one of its PAID attempts`);
    }
    if (rows.length !== (paid ? 1 : 0)) {
      wrongFulfilments.push(`${order.id}: ${rows.length} fulfilments, order ${order.status}`);
      continue;
    }
    const [row] = rows;
    if (row && row.order_id !== order.paid_attempt_id) {
      wrongFulfilments.push(`${order.id}: fulfilment of another attempt than the paid one`);
    }
    if (row?.status === 'DONE' && order.status === 'PAID') {
      wrongFulfilments.push(`${order.id}: fulfilment DONE but the order is still PAID`);
    }
  }
  return { wrongFulfilments, wrongMerchantOrders };
}

function checkRefunds(
  merchantOrders: readonly MerchantOrderRow[],
  attempts: readonly AttemptRow[],
  refundList: readonly RefundRow[],
  truth: ReadonlyMap<string, EmulatorOrder>,
): {
  doublePayments: number;
  refundsSucceeded: number;
  emulatorRefundsSucceeded: number;
  wrongRefunds: string[];
} {
  const paidAttemptIds = new Set(merchantOrders.map((order) => order.paid_attempt_id));
  const refundsByAttempt = groupBy(refundList, (row) => row.order_id);
  const wrongRefunds: string[] = [];
  let doublePayments = 0;
  let refundsSucceeded = 0;
  let emulatorRefundsSucceeded = 0;
  for (const attempt of attempts) {
    const rows = refundsByAttempt.get(attempt.id) ?? [];
    const atEmulator = truth.get(attempt.app_trans_id)?.refunds ?? [];
    const label = attempt.app_trans_id;
    if (attempt.status !== 'PAID' || paidAttemptIds.has(attempt.id)) {
      if (rows.length > 0)
        wrongRefunds.push(`${label}: ${rows.length} refunds, not a second payment`);
      if (atEmulator.length > 0) wrongRefunds.push(`${label}: refunded at the emulator`);
      continue;
    }
    doublePayments += 1;
    const [row] = rows;
    if (rows.length !== 1 || !row) {
      wrongRefunds.push(`${label}: second payment with ${rows.length} refund rows`);
    } else if (row.kind !== 'extra_payment' || row.amount !== attempt.amount) {
      wrongRefunds.push(`${label}: refund ${row.kind} ${row.amount} of ${attempt.amount}`);
    } else if (row.state === 'FAILED') {
      wrongRefunds.push(`${label}: automatic refund FAILED`);
    } else if (row.state === 'SUCCEEDED') {
      refundsSucceeded += 1;
    }
    if (atEmulator.length > 1) {
      wrongRefunds.push(`${label}: ${atEmulator.length} refunds at the emulator`);
    }
    const [sent] = atEmulator;
    if (sent && sent.amount !== attempt.amount) {
      wrongRefunds.push(`${label}: emulator refunded ${sent.amount} of ${attempt.amount}`);
    }
    if (atEmulator.length === 1 && sent?.amount === attempt.amount && sent.status === 'success') {
      emulatorRefundsSucceeded += 1;
    }
  }
  return { doublePayments, refundsSucceeded, emulatorRefundsSucceeded, wrongRefunds };
}

/** A short, readable account of a report for assertion messages and the test log. */
export function describeTruthReport(report: TruthReport): string {
  const sample = report.mismatches
    .slice(0, 5)
    .map((m) => `${m.appTransId}: emulator ${m.emulator}, app ${m.app}`)
    .join('; ');
  const problems = [
    ...report.wrongMerchantOrders,
    ...report.wrongFulfilments,
    ...report.wrongRefunds,
  ];
  return (
    `${report.orders} attempts of ${report.merchantOrders} merchant orders, ${report.paid} paid ` +
    `attempts, ${report.paidMerchantOrders} paid merchant orders, ` +
    `${report.mismatches.length} attempts differ from the emulator${sample ? ` (${sample})` : ''}, ` +
    `${report.fulfilments} fulfilments (${report.fulfilmentsDone} done), ` +
    `${report.doublePayments} second payments, ${report.refunds} refunds ` +
    `(${report.refundsSucceeded} succeeded, ${report.emulatorRefundsSucceeded} at the emulator), ` +
    `${problems.length} problems${problems.length > 0 ? ` (${problems.slice(0, 5).join('; ')})` : ''}`
  );
}
