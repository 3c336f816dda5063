// Delivers the callback of a paid order like ZaloPay (zalopay-api.md §5.4, §13.3): a first POST, then
// at most callbackMaxRetries retries while the merchant does not answer return_code 1, every attempt
// recorded on the order. Applies the callback faults of the fault plan; close() stops everything pending.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { callbackBody, callbackData } from './callback-message';
import type { FaultPlan } from './fault-plan';
import type { EmulatorClock } from './emulator-clock';
import { postJson } from './post-json';
import type { CallbackAttempt, SandboxOrder } from './sandbox-order';
import type { EmulatorSettings } from './settings';

const merchantReplySchema = z.object({
  return_code: z.union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ]),
});

interface Delivery {
  order: SandboxOrder;
  url: string;
  body: string;
  macCorrupted: boolean;
  duplicate: boolean;
}

export interface CallbackSenderDeps {
  settings: EmulatorSettings;
  clock: EmulatorClock;
  faults: FaultPlan;
  lifetime: AbortSignal;
}

export class CallbackSender {
  private readonly running = new Set<Promise<void>>();
  private held: Delivery[] = [];
  private heldTimer: Promise<void> | null = null;

  constructor(private readonly deps: CallbackSenderDeps) {}

  /**
   * Starts the callback of an order that was just paid. Resolves once the first attempt is over, or at
   * once when there is nothing to send now (no callback URL, dropped, delayed or held for reordering);
   * retries and delayed deliveries go on in the background.
   */
  start(order: SandboxOrder, callbackUrl: string | null, key2: string): Promise<void> {
    if (!order.payment) throw new Error('callback of an unpaid order');
    if (callbackUrl === null) {
      order.callback.state = 'no_callback_url';
      return Promise.resolve();
    }
    const faults = this.deps.faults.takeCallbackFaults();
    if (faults.drop) {
      order.callback.state = 'dropped';
      return Promise.resolve();
    }
    const data = callbackData(order, order.payment, this.deps.settings);
    const delivery: Delivery = {
      order,
      url: callbackUrl,
      body: callbackBody(data, key2, faults.corruptMac),
      macCorrupted: faults.corruptMac,
      duplicate: faults.duplicate,
    };
    if (faults.reorder) {
      order.callback.state = 'held';
      this.hold(delivery);
      return Promise.resolve();
    }
    if (faults.delayMs > 0) {
      order.callback.state = 'held';
      this.inBackground(async () => {
        await sleep(faults.delayMs, undefined, { signal: this.deps.lifetime });
        await this.deliver(delivery);
      });
      return Promise.resolve();
    }
    return this.deliver(delivery);
  }

  /** Waits for every background delivery (used by tests and by close()). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Resolves after the first attempt; the retries and any duplicate continue in the background. */
  private deliver(delivery: Delivery): Promise<void> {
    delivery.order.callback.state = 'delivering';
    const first = this.attempt(delivery, 'first');
    this.inBackground(async () => {
      let accepted = await first;
      for (let retry = 0; !accepted && retry < this.deps.settings.callbackMaxRetries; retry++) {
        await sleep(this.deps.settings.callbackRetryIntervalMs, undefined, {
          signal: this.deps.lifetime,
        });
        accepted = await this.attempt(delivery, 'retry');
      }
      delivery.order.callback.state = accepted ? 'delivered' : 'gave_up';
      if (delivery.duplicate) await this.attempt(delivery, 'duplicate');
    });
    return first.then(() => undefined);
  }

  private async attempt(delivery: Delivery, kind: CallbackAttempt['kind']): Promise<boolean> {
    const { settings, clock, lifetime } = this.deps;
    const startedAt = clock.now();
    const started = performance.now();
    const record: CallbackAttempt = {
      attempt: delivery.order.callback.attempts.length + 1,
      kind,
      url: delivery.url,
      startedAt,
      durationMs: 0,
      httpStatus: null,
      reply: null,
      error: null,
      macCorrupted: delivery.macCorrupted,
      accepted: false,
    };
    delivery.order.callback.attempts.push(record);
    try {
      const reply = await postJson(
        delivery.url,
        delivery.body,
        settings.callbackTimeoutMs,
        lifetime,
      );
      record.httpStatus = reply.status;
      record.reply = reply.body.slice(0, 2000);
      record.accepted = this.isDone(reply.status, reply.body);
    } catch (error) {
      record.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    record.durationMs = Math.round(performance.now() - started);
    return record.accepted;
  }

  private isDone(status: number, body: string): boolean {
    const { settings } = this.deps;
    if (settings.callbackRequire2xx && (status < 200 || status > 299)) return false;
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return false;
    }
    const reply = merchantReplySchema.safeParse(json);
    if (!reply.success) return false;
    return (
      reply.data.return_code === 1 || (settings.treatReply2AsDone && reply.data.return_code === 2)
    );
  }

  /** Holds reordered callbacks until the group is complete or reorderHoldMs passed, then sends them newest first. */
  private hold(delivery: Delivery): void {
    this.held.push(delivery);
    if (this.deps.faults.pendingReorders() === 0) {
      this.releaseHeld();
      return;
    }
    if (this.heldTimer) return;
    this.heldTimer = this.inBackground(async () => {
      await sleep(this.deps.settings.reorderHoldMs, undefined, { signal: this.deps.lifetime });
      this.releaseHeld();
    });
  }

  private releaseHeld(): void {
    const group = this.held.reverse();
    this.held = [];
    this.heldTimer = null;
    this.inBackground(async () => {
      for (const delivery of group) await this.deliver(delivery);
    });
  }

  /**
   * Runs work that outlives the request. Attempts catch their own errors, so the only rejection that
   * can reach here is the AbortError of a sleep interrupted by close(): it ends the work quietly.
   */
  private inBackground(work: () => Promise<void>): Promise<void> {
    const task = work().catch(() => undefined);
    const tracked = task.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    return tracked;
  }
}
