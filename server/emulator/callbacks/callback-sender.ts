// Delivers the callback of a paid order like ZaloPay (docs/zalopay-protocol.md §5.4, §13.3): a first POST, then
// at most callbackMaxRetries retries while the merchant does not answer return_code 1, every attempt
// recorded on the order and in the request log. Applies the callback faults; close() stops what is pending.
import { setTimeout as sleep } from 'node:timers/promises';
import { hmacHex } from '../../zalopay/mac';
import { callbackBody, callbackData, corruptedMac } from './callback-message';
import { judgeReply } from './callback-reply';
import type { FaultPlan } from '../admin/fault-plan';
import type { EmulatorClock } from '../emulator-clock';
import { postJson } from './post-json';
import type { RequestLog, RequestLogEntry } from '../admin/request-log';
import type { CallbackAttempt, SandboxOrder } from '../emulated-order';
import type { EmulatorSettings } from '../settings';

interface Delivery {
  order: SandboxOrder;
  url: string;
  body: string;
  macCorrupted: boolean;
  duplicate: boolean;
  /** The callback's entry in the request log; attempts and hints are added to it as they happen. */
  logEntry: RequestLogEntry;
}

export interface CallbackSenderDeps {
  settings: EmulatorSettings;
  clock: EmulatorClock;
  faults: FaultPlan;
  lifetime: AbortSignal;
  requestLog: RequestLog;
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
    const logged = { at: this.deps.clock.now(), kind: 'callback', endpoint: 'callback' } as const;
    const about = { appId: order.appId, appTransId: order.appTransId };
    if (callbackUrl === null) {
      order.callback.state = 'no_callback_url';
      this.deps.requestLog.record({
        ...logged,
        ...about,
        params: null,
        response: null,
        note: 'no callback: the order has no callback_url and the app no default callback URL',
        hints: [
          'Nothing was sent: give the order a callback_url, or give the app a default one (EMULATOR_APPS callback_url), as the Merchant Portal does for a real app.',
        ],
      });
      return Promise.resolve();
    }
    const faults = this.deps.faults.takeCallbackFaults();
    if (faults.drop) {
      order.callback.state = 'dropped';
      this.deps.requestLog.record({
        ...logged,
        ...about,
        params: null,
        response: null,
        note: 'fault: callback dropped',
      });
      return Promise.resolve();
    }
    const data = callbackData(order, order.payment, this.deps.settings);
    const body = callbackBody(data, key2, faults.corruptMac);
    const mac = hmacHex(key2, data);
    const logEntry = this.deps.requestLog.record({
      ...logged,
      ...about,
      raw: { method: 'POST', url: callbackUrl, contentType: 'application/json', body },
      params: { data, mac: faults.corruptMac ? corruptedMac(mac) : mac, type: 1 },
      mac: {
        formula: 'data',
        signedString: data,
        key: 'key2',
        expected: mac,
        received: faults.corruptMac ? corruptedMac(mac) : mac,
        matches: !faults.corruptMac,
      },
      response: null,
      note: faults.corruptMac ? 'callback with a corrupted mac (fault)' : 'callback',
      deliveries: order.callback.attempts,
    });
    const delivery: Delivery = {
      order,
      url: callbackUrl,
      body,
      macCorrupted: faults.corruptMac,
      duplicate: faults.duplicate,
      logEntry,
    };
    if (faults.reorder) {
      order.callback.state = 'held';
      this.hold(delivery);
      return Promise.resolve();
    }
    if (faults.delayMs > 0) {
      order.callback.state = 'held';
      void this.inBackground(async () => {
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
    void this.inBackground(async () => {
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
      const verdict = judgeReply(reply.status, reply.body, settings);
      record.accepted = verdict.done;
      this.addHint(delivery, verdict.hint);
      delivery.logEntry.response = { http_status: reply.status, body: record.reply };
    } catch (error) {
      record.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.addHint(
        delivery,
        `The callback URL could not be reached (${record.error}). The emulator POSTs from its own process: the URL must be reachable from it.`,
      );
    }
    record.durationMs = Math.round(performance.now() - started);
    return record.accepted;
  }

  private addHint(delivery: Delivery, hint: string | null): void {
    if (hint !== null && !delivery.logEntry.hints.includes(hint))
      delivery.logEntry.hints.push(hint);
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
    void this.inBackground(async () => {
      for (const delivery of group) await this.deliver(delivery);
    });
  }

  /**
   * Runs work that outlives the request. Attempts catch their own errors, so the only rejection that
   * can reach here is the AbortError of a sleep interrupted by close(): it ends the work quietly. The
   * promise it returns never rejects, and settled() waits for it: callers that need not wait mark it `void`.
   */
  private inBackground(work: () => Promise<void>): Promise<void> {
    const task = work().catch(() => undefined);
    const tracked = task.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    return tracked;
  }
}
