// The failsafe for lost callbacks (docs/design.md §2.7): every tick, claim due PENDING orders, ask ZaloPay
// about each (bounded concurrency, a rate budget), apply the answer like a callback would, and book the
// next query. After expires_at + grace, one final query; only then EXPIRED. Unknown is never FAILED.
// An attempt ZaloPay never received is closed once its create window is over, and every attempt closed
// unpaid is queried a few more times within ZaloPay's 48 hours (late-payment-checks.ts) for lost callbacks.
// The rhythm of the rounds (one at a time, a stop that waits) is periodic-rounds.ts's, like every worker's.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DatabaseHandle } from '../../../db/create-db';
import type { PaymentAttempt } from '../../../db/schema';
import type { Logger } from '../../logger';
import { ZaloPayError, type ZaloPayClient } from '../../zalopay';
import type { PaymentsEventSink } from '../domain-events';
import { applyPaymentInput, type TransitionDeps } from '../attempts/attempt-transitions';
import type { PaymentsConfig } from '../payments-config';
import { nextLateCheckAt } from './late-payment-checks';
import { claimDueLateChecks, claimDueOrders, releaseLateCheck, releaseLease } from './poll-leases';
import { applyQueryAnswer, isFinalQueryTime } from './query-answer';
import { runConcurrently } from '../../workers/run-concurrently';
import { createQueryBudget, type QueryBudget } from './query-budget';
import { startRounds } from '../../workers/periodic-rounds';

export interface PollerDeps {
  database: DatabaseHandle;
  zalopay: ZaloPayClient;
  config: PaymentsConfig;
  log: Logger;
  /** The domain clock (see createPaymentsService); lease and schedule times come from it. */
  now?: () => Date;
  /** Names this instance in lease_owner; unique per process by default. */
  instanceId?: string;
  /** Where the domain reports what it does (domain-events.ts): metrics and logs subscribe there. */
  events?: PaymentsEventSink;
  /** The instance's one budget of ZaloPay queries, shared with status reads; its own by default. */
  queryBudget?: QueryBudget;
}

export interface TickResult {
  claimed: number;
  queried: number;
  /** Closed attempts queried again for a late payment. */
  lateChecked: number;
}

export interface Poller {
  /** One round now (the interval calls it too); overlapping calls share the round in progress. */
  tick(): Promise<TickResult>;
  /** Clears the interval, lets queries in flight finish, and gives unqueried claims back. */
  stop(): Promise<void>;
}

export function startPoller(deps: PollerDeps): Poller {
  const { config, log, zalopay } = deps;
  const now = deps.now ?? (() => new Date());
  const owner = deps.instanceId ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const domain: TransitionDeps = {
    db: deps.database.db,
    log,
    now,
    events: deps.events,
    lateCheckDelaysMs: config.poller.lateCheckDelaysMs,
  };
  const queryBudget = deps.queryBudget ?? createQueryBudget(config.poller.queryRatePerSecond);
  const stopping = new AbortController();

  /** When to ask next: the regular interval, but never skip past the final query time. */
  function nextPollAfterAnswer(order: PaymentAttempt): Date {
    const at = now().getTime();
    const finalQueryAt = order.expiresAt.getTime() + config.poller.expiryGraceMs;
    const regular = at + config.poller.intervalMs;
    return new Date(at < finalQueryAt ? Math.min(regular, finalQueryAt) : regular);
  }

  /** After an unknown outcome: back off to twice the interval, with jitter so instances spread out. */
  function nextPollAfterError(): Date {
    const jitter = Math.random() * config.poller.intervalMs * 0.5;
    return new Date(now().getTime() + 2 * config.poller.intervalMs + jitter);
  }

  async function pollOrder(order: PaymentAttempt): Promise<void> {
    let nextPollAt: Date;
    try {
      const finalQuery = isFinalQueryTime(order, now(), config.poller.expiryGraceMs);
      const createWindowOver =
        now().getTime() >= order.appTime + config.poller.createNotFoundCloseMs;
      const outcome = await zalopay.queryOrder(order.appTransId);
      await applyQueryAnswer(domain, order, outcome, {
        source: 'poller',
        finalQuery,
        createWindowOver,
      });
      nextPollAt = nextPollAfterAnswer(order);
    } catch (error) {
      nextPollAt = nextPollAfterError();
      if (error instanceof ZaloPayError) {
        log.warn({ err: error, appTransId: order.appTransId }, 'poll query failed; will retry');
        await applyPaymentInput(
          domain,
          order.id,
          {
            kind: 'query_unknown',
            payload: { source: 'poller', error: error.name, message: error.message },
          },
          { to: 'NOTHING' },
        ).catch((ledgerError: unknown) =>
          log.error(
            { err: ledgerError, appTransId: order.appTransId },
            'could not record a failed poll',
          ),
        );
      } else {
        log.error({ err: error, appTransId: order.appTransId }, 'poll failed');
      }
    }
    await giveBack(order, nextPollAt);
  }

  async function giveBack(order: PaymentAttempt, nextPollAt: Date): Promise<void> {
    try {
      await releaseLease(deps.database.db, { orderId: order.id, owner, nextPollAt });
    } catch (error) {
      // The lease simply runs out after leaseMs and the order is claimed again.
      log.error({ err: error, appTransId: order.appTransId }, 'could not release a poll lease');
    }
  }

  /** A closed attempt asked about once more: a payment found is applied like a late callback. */
  async function checkLate(order: PaymentAttempt): Promise<void> {
    try {
      const outcome = await zalopay.queryOrder(order.appTransId);
      await applyQueryAnswer(domain, order, outcome, { source: 'late_check', finalQuery: false });
    } catch (error) {
      if (!(error instanceof ZaloPayError)) {
        log.error({ err: error, appTransId: order.appTransId }, 'late-payment check failed');
      } else {
        log.warn({ err: error, appTransId: order.appTransId }, 'late-payment check got no answer');
      }
    }
    const next = nextLateCheckAt(
      order.appTime,
      now(),
      order.lateChecks + 1,
      config.poller.lateCheckDelaysMs,
    );
    const release = { orderId: order.id, owner, nextLateCheckAt: next, checked: true };
    await releaseLateCheck(deps.database.db, release).catch((error: unknown) =>
      log.error({ err: error, appTransId: order.appTransId }, 'could not release a late check'),
    );
  }

  async function runLateChecks(): Promise<number> {
    const claimed = await claimDueLateChecks(deps.database.db, {
      now: now(),
      leaseMs: config.poller.leaseMs,
      owner,
      limit: config.poller.batchSize,
    });
    let checked = 0;
    await runConcurrently(claimed, config.poller.concurrency, async (order) => {
      if (stopping.signal.aborted || !(await queryBudget.takeForPoller(stopping.signal))) {
        // Not checked: the same check on a later round.
        await releaseLateCheck(deps.database.db, {
          orderId: order.id,
          owner,
          nextLateCheckAt: order.nextLateCheckAt,
          checked: false,
        });
        return;
      }
      checked += 1;
      await checkLate(order);
    });
    return checked;
  }

  async function runRound(): Promise<TickResult> {
    const claimed = await claimDueOrders(deps.database.db, {
      now: now(),
      leaseMs: config.poller.leaseMs,
      owner,
      limit: config.poller.batchSize,
    });
    let queried = 0;
    await runConcurrently(claimed, config.poller.concurrency, async (order) => {
      if (stopping.signal.aborted || !(await queryBudget.takeForPoller(stopping.signal))) {
        await giveBack(order, order.nextPollAt);
        return;
      }
      queried += 1;
      await pollOrder(order);
    });
    const lateChecked = await runLateChecks();
    if (claimed.length > 0 || lateChecked > 0) {
      log.debug({ claimed: claimed.length, queried, lateChecked }, 'poll round done');
    }
    return { claimed: claimed.length, queried, lateChecked };
  }

  const rounds = startRounds<TickResult>({
    name: 'poller',
    intervalMs: config.poller.tickMs,
    log,
    round: runRound,
    idle: { claimed: 0, queried: 0, lateChecked: 0 },
    attributes: (result) => ({ 'worker.items': result.claimed, 'poller.queried': result.queried }),
  });

  return {
    tick: () => rounds.run(),
    async stop() {
      // Queries waiting for the rate budget give their claims back at once instead of waiting.
      stopping.abort();
      await rounds.stop();
    },
  };
}
