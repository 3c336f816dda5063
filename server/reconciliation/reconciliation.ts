// Reconciliation of one day (Vietnam date) with ZaloPay: every order whose app_trans_id starts with that
// day's yymmdd is queried (/v2/query) and compared with our record. Repairs go through the same
// applyQueryAnswer as the poller, so an unknown answer never becomes FAILED and PAID never changes.
import { asc, like } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { paymentAttempts, type PaymentAttempt } from '../../db/schema';
import type { Logger } from '../logger';
import type { PaymentsEventSink } from '../payments/domain-events';
import { applyQueryAnswer, isFinalQueryTime } from '../payments/polling/query-answer';
import { runConcurrently } from '../workers/run-concurrently';
import { ZaloPayError, type QueryOrderOutcome, type ZaloPayClient } from '../zalopay';

export type ReconciliationOutcome =
  /** Both sides agree (or the order is still payable and ZaloPay says so). */
  | 'match'
  /** A difference fixed by applying ZaloPay's answer (e.g. paid there, PENDING here). */
  | 'repaired'
  /** A difference left for a person (e.g. PAID here, not paid there; amounts differ). */
  | 'difference'
  /** ZaloPay gave no usable answer: this order was not checked. */
  | 'unchecked';

export interface OrderReconciliation {
  appTransId: string;
  ours: string;
  theirs: string;
  outcome: ReconciliationOutcome;
  note: string;
}

export interface ReconciliationReport {
  date: string;
  repair: boolean;
  orders: number;
  counts: Record<ReconciliationOutcome, number>;
  /** Every order whose outcome is not a match. */
  findings: OrderReconciliation[];
}

export interface ReconciliationDeps {
  db: Database;
  zalopay: ZaloPayClient;
  log: Logger;
  now?: () => Date;
  /** The poller's grace after expires_at before a final query may close an order. */
  expiryGraceMs: number;
  /** Where repairs are reported (input_applied): the log line of each change. */
  events?: PaymentsEventSink;
  /** Queries in flight at once (default 4); ZaloPay's rate limits are undocumented. */
  concurrency?: number;
}

/** Orders beyond this are refused, so one run stays bounded. */
export const MAX_ORDERS_PER_RUN = 100_000;

/** 'YYYY-MM-DD' (a Vietnam calendar date) to the app_trans_id prefix 'yymmdd_'. */
export function appTransIdPrefixOf(date: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(date);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!match || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new Error(`Not a date: ${date} (expected YYYY-MM-DD)`);
  }
  return `${match[1]}${match[2]}${match[3]}_`;
}

function describeAnswer(outcome: QueryOrderOutcome): string {
  switch (outcome.kind) {
    case 'paid':
      return `paid ${outcome.amount} VND (zp_trans_id ${outcome.zpTransId})`;
    case 'pending':
      return outcome.isProcessing ? 'pending (processing)' : 'pending';
    case 'failed':
      return `failed (${outcome.subReturnCode})`;
    default:
      return outcome.kind;
  }
}

/** What the comparison finds before any repair: does our record already agree with ZaloPay's answer? */
function compare(order: PaymentAttempt, outcome: QueryOrderOutcome, pastFinalQuery: boolean) {
  if (outcome.kind === 'paid') {
    if (outcome.amount !== order.amount) {
      return {
        agrees: false,
        repairable: false,
        note: `ZaloPay was paid ${outcome.amount} VND, the order is ${order.amount} VND`,
      };
    }
    if (order.status === 'PAID') {
      return order.zpTransId === outcome.zpTransId
        ? { agrees: true, repairable: false, note: '' }
        : {
            agrees: false,
            repairable: false,
            note: `zp_trans_id differs: ours ${order.zpTransId ?? 'none'}`,
          };
    }
    return { agrees: false, repairable: true, note: 'paid at ZaloPay, not here (callback lost?)' };
  }
  if (order.status === 'PAID') {
    return {
      agrees: false,
      repairable: false,
      note: 'PAID here but ZaloPay does not report it paid',
    };
  }
  if (order.status !== 'PENDING') return { agrees: true, repairable: false, note: '' };
  const closedThere =
    outcome.kind === 'expired' ||
    (outcome.kind === 'failed' && outcome.unexpectedReturnCode === undefined);
  if (closedThere)
    return { agrees: false, repairable: true, note: 'closed at ZaloPay, still PENDING here' };
  if (pastFinalQuery)
    return { agrees: false, repairable: true, note: 'expired unpaid, still PENDING here' };
  return { agrees: true, repairable: false, note: '' };
}

export async function reconcileDay(
  deps: ReconciliationDeps,
  options: { date: string; repair: boolean },
): Promise<ReconciliationReport> {
  const now = deps.now ?? (() => new Date());
  const prefix = appTransIdPrefixOf(options.date);
  const orders = await deps.db
    .select()
    .from(paymentAttempts)
    .where(like(paymentAttempts.appTransId, `${prefix.replace('_', '\\_')}%`))
    .orderBy(asc(paymentAttempts.createdAt))
    .limit(MAX_ORDERS_PER_RUN + 1);
  if (orders.length > MAX_ORDERS_PER_RUN) {
    throw new Error(
      `More than ${MAX_ORDERS_PER_RUN} orders on ${options.date}: not supported in one run`,
    );
  }

  const results: OrderReconciliation[] = [];
  const domain = { db: deps.db, log: deps.log, now, events: deps.events };
  await runConcurrently(orders, deps.concurrency ?? 4, async (order) => {
    let outcome: QueryOrderOutcome;
    try {
      outcome = await deps.zalopay.queryOrder(order.appTransId);
    } catch (error) {
      if (!(error instanceof ZaloPayError)) throw error;
      results.push({
        appTransId: order.appTransId,
        ours: order.status,
        theirs: error.name,
        outcome: 'unchecked',
        note: error.message,
      });
      return;
    }
    const pastFinalQuery = isFinalQueryTime(order, now(), deps.expiryGraceMs);
    const found = compare(order, outcome, pastFinalQuery);
    const finding = {
      appTransId: order.appTransId,
      ours: order.status,
      theirs: describeAnswer(outcome),
      note: found.note,
    };
    if (found.agrees) {
      results.push({ ...finding, outcome: 'match' });
      return;
    }
    if (!found.repairable || !options.repair) {
      results.push({ ...finding, outcome: 'difference' });
      return;
    }
    const applied = await applyQueryAnswer(domain, order, outcome, {
      source: 'reconciliation',
      finalQuery: pastFinalQuery,
    });
    const repaired = applied.effect !== 'none' && applied.effect !== 'amount_mismatch_flagged';
    results.push({
      ...finding,
      outcome: repaired ? 'repaired' : 'difference',
      note: repaired
        ? `${found.note}; now ${applied.order.status} (${applied.effect})`
        : found.note,
    });
  });

  const counts: Record<ReconciliationOutcome, number> = {
    match: 0,
    repaired: 0,
    difference: 0,
    unchecked: 0,
  };
  for (const result of results) counts[result.outcome] += 1;
  const findings = results
    .filter((result) => result.outcome !== 'match')
    .sort((a, b) => a.appTransId.localeCompare(b.appTransId));
  return { date: options.date, repair: options.repair, orders: orders.length, counts, findings };
}

/** Reconciled when nothing is left for a person: no difference, and every order was checked. */
export function isReconciled(report: ReconciliationReport): boolean {
  return report.counts.difference === 0 && report.counts.unchecked === 0;
}

export function formatReconciliationReport(report: ReconciliationReport): string {
  const lines = [
    `Reconciliation of ${report.date} (Vietnam time) with ZaloPay${report.repair ? ', repairing' : ', report only'}`,
    `${report.orders} order(s): ${report.counts.match} match, ${report.counts.repaired} repaired, ${report.counts.difference} difference(s), ${report.counts.unchecked} unchecked`,
  ];
  for (const finding of report.findings) {
    lines.push(
      `  ${finding.outcome.toUpperCase().padEnd(10)} ${finding.appTransId}  ours: ${finding.ours}  ZaloPay: ${finding.theirs}  ${finding.note}`,
    );
  }
  lines.push(
    isReconciled(report) ? 'Result: reconciled.' : 'Result: NOT reconciled (see the lines above).',
  );
  return lines.join('\n');
}
