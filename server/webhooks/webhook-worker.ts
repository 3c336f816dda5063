// Delivers the webhook outbox at least once, in order per merchant order: each round claims due events
// (SKIP LOCKED and a lease, so instances share the work, at most one event per order at a time), posts
// each signed with every secret, records the attempt, and on anything but a 2xx retries with exponential
// backoff and jitter until three days have passed.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { LookupFunction } from 'node:net';
import type { Database, DatabaseHandle } from '../../db/create-db';
import { webhookDeliveries, webhookEvents, type WebhookEvent } from '../../db/schema';
import { backoffMs } from '../backoff';
import type { Logger } from '../logger';
import { startPeriodicRounds } from '../workers/periodic-rounds';
import { runConcurrently } from '../workers/run-concurrently';
import { postWebhook, type PostOutcome } from './post-webhook';
import { signWebhook } from './webhook-signature';

export type DeliveryOutcome = 'delivered' | 'retrying' | 'gave_up';

export interface WebhookWorkerDeps {
  database: DatabaseHandle;
  url: URL;
  /** Every delivery is signed with each (MERCHANT_WEBHOOK_SECRET, comma-separated for rotation). */
  secrets: readonly string[];
  log: Logger;
  /** Set in production: connect to public addresses only (webhook-destination.ts). */
  lookup?: LookupFunction | undefined;
  now?: () => Date;
  /** How often the worker looks for due events; default 1 000 ms. */
  intervalMs?: number;
  /** How long a claimed event is reserved for this instance; default 30 000 ms (more than the timeout). */
  leaseMs?: number;
  /** Per attempt; default 10 000 ms. */
  timeoutMs?: number;
  /** Told about every attempt (metrics). */
  onAttempt?: (outcome: DeliveryOutcome) => void;
}

export interface WebhookWorker {
  /** Delivers what is due now; resolves with how many events were delivered. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const BATCH_SIZE = 50;
const CONCURRENCY = 8;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60 * 60_000;
export const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60_000;

/** Exponential, capped, with "equal jitter": between half and all of the step, so retries spread out. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  return backoffMs(
    { firstMs: FIRST_RETRY_MS, maxMs: MAX_RETRY_MS, jitter: 'equal' },
    attempts - 1,
    random,
  );
}

/** Due events whose order has no earlier undelivered event: at most one per merchant order. */
async function claimDue(db: Database, at: Date, leaseMs: number): Promise<WebhookEvent[]> {
  const earlier = db
    .select({ one: sql`1` })
    .from(sql`${webhookEvents} as earlier`)
    .where(
      sql`earlier.merchant_order_id = ${webhookEvents.shopOrderId} and earlier.status = 'PENDING' and earlier.seq < ${webhookEvents.seq}`,
    );
  const due = db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.status, 'PENDING'),
        lte(webhookEvents.nextAttemptAt, at),
        or(isNull(webhookEvents.leaseUntil), lt(webhookEvents.leaseUntil, at)),
        sql`not exists ${earlier}`,
      ),
    )
    .orderBy(asc(webhookEvents.seq))
    .limit(BATCH_SIZE)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(webhookEvents)
    .set({
      leaseUntil: new Date(at.getTime() + leaseMs),
      attempts: sql`${webhookEvents.attempts} + 1`,
    })
    .where(inArray(webhookEvents.id, due))
    .returning();
  return claimed.sort((a, b) => a.seq - b.seq);
}

export function startWebhookWorker(deps: WebhookWorkerDeps): WebhookWorker {
  const db = deps.database.db;
  const now = deps.now ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? 30_000;
  const timeoutMs = deps.timeoutMs ?? 10_000;

  async function record(event: WebhookEvent, attemptedAt: Date, outcome: PostOutcome) {
    const delivered =
      outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const at = now();
    const givingUp = !delivered && at.getTime() - event.createdAt.getTime() >= GIVE_UP_AFTER_MS;
    const result: DeliveryOutcome = delivered ? 'delivered' : givingUp ? 'gave_up' : 'retrying';
    await db.transaction(async (tx) => {
      await tx.insert(webhookDeliveries).values({
        eventId: event.id,
        attemptedAt,
        statusCode: outcome.statusCode,
        durationMs: outcome.durationMs,
        error: outcome.error,
      });
      await tx
        .update(webhookEvents)
        .set(
          delivered
            ? { status: 'DELIVERED', deliveredAt: at, leaseUntil: null, lastError: null }
            : {
                status: givingUp ? 'FAILED' : 'PENDING',
                lastError: outcome.error,
                leaseUntil: null,
                nextAttemptAt: new Date(at.getTime() + retryDelayMs(event.attempts)),
              },
        )
        .where(and(eq(webhookEvents.id, event.id), eq(webhookEvents.status, 'PENDING')));
    });
    deps.onAttempt?.(result);
    if (result === 'gave_up') {
      deps.log.error(
        {
          alert: 'webhook_gave_up',
          eventId: event.id,
          orderId: event.shopOrderId,
          type: event.type,
        },
        'Gave up delivering a webhook after three days: resend it from the operator page once the receiver works',
      );
    } else if (result === 'retrying') {
      deps.log.warn(
        {
          eventId: event.id,
          orderId: event.shopOrderId,
          attempts: event.attempts,
          error: outcome.error,
        },
        'webhook delivery failed; will retry',
      );
    }
    return delivered;
  }

  async function deliver(event: WebhookEvent): Promise<boolean> {
    const body = JSON.stringify(event.payload);
    const attemptedAt = now();
    const signature = signWebhook(body, deps.secrets, Math.floor(attemptedAt.getTime() / 1000));
    const outcome = await postWebhook({
      url: deps.url,
      body,
      signature,
      timeoutMs,
      lookup: deps.lookup,
    });
    return record(event, attemptedAt, outcome);
  }

  /**
   * Events that waited three days without an attempt (written while webhooks were off, or while every
   * instance was down) are given up unsent: a receiver switched on today does not get last month's sales.
   */
  async function giveUpStale() {
    const at = now();
    const given = await db
      .update(webhookEvents)
      .set({ status: 'FAILED', lastError: 'not delivered within three days of the event' })
      .where(
        and(
          eq(webhookEvents.status, 'PENDING'),
          lt(webhookEvents.createdAt, new Date(at.getTime() - GIVE_UP_AFTER_MS)),
          or(isNull(webhookEvents.leaseUntil), lt(webhookEvents.leaseUntil, at)),
        ),
      )
      .returning({ id: webhookEvents.id, orderId: webhookEvents.shopOrderId });
    for (const _event of given) deps.onAttempt?.('gave_up');
    if (given.length > 0) {
      deps.log.error(
        { alert: 'webhook_gave_up', events: given.slice(0, 20) },
        `Gave up ${given.length} webhook event(s) undelivered after three days: resend them from the operator pages if the merchant still needs them`,
      );
    }
  }

  async function drainOnce(): Promise<number> {
    await giveUpStale();
    let delivered = 0;
    // Events claimed in one round are of different orders: the next event of an order waits for the round after.
    for (let round = 0; round < 20 && !rounds.stopped; round += 1) {
      const events = await claimDue(db, now(), leaseMs);
      if (events.length === 0) break;
      await runConcurrently(events, CONCURRENCY, async (event) => {
        if (await deliver(event)) delivered += 1;
      });
    }
    return delivered;
  }

  const rounds = startPeriodicRounds({
    round: drainOnce,
    intervalMs: deps.intervalMs ?? 1_000,
    log: deps.log,
    name: 'webhook',
  });
  return { drain: rounds.run, stop: rounds.stop };
}
