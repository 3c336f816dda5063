// An in-memory PaymentsPort for client tests: the real tRPC router runs on top of it, so components meet
// real procedures, real zod validation, real errors and real superjson Dates, with no server and no network.
import type { RedirectHint } from '../../server/payments/redirect-report';
import type { PaymentsPort } from '../../server/trpc/context';
import type {
  CreatePaymentInput,
  PaymentStatus,
  PaymentView,
} from '../../server/payments/payment-view';

const FIFTEEN_MINUTES_MS = 15 * 60_000;
const MAX_EVENTS_PER_WATCH = 100;

type Listener = (view: PaymentView) => void;

export class FakePayments implements PaymentsPort {
  readonly createCalls: CreatePaymentInput[] = [];
  readonly getStatusCalls: string[] = [];
  readonly reportedRedirects: Record<string, string>[] = [];
  /** What reportRedirect() says the redirect claims (the real one verifies the checksum with key2). */
  redirectClaim: RedirectHint['claim'] = 'unverified';
  /** The next create() calls throw these, in order. */
  readonly createFailures: Error[] = [];
  /** When set, create() waits for this promise before answering (to observe the "initiating" state). */
  createGate: Promise<void> | null = null;
  /** Simulates a stream that a proxy holds back: watch() connects but delivers nothing. */
  streamSilent = false;
  /** How long new orders live. */
  orderLifetimeMs = FIFTEEN_MINUTES_MS;
  /** Server clock minus real clock, to test the browser's clock correction. */
  serverClockAheadMs = 0;

  private readonly orders = new Map<string, PaymentView>();
  private readonly byIdempotencyKey = new Map<string, string>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private sequence = 0;

  serverNow(): Date {
    return new Date(Date.now() + this.serverClockAheadMs);
  }

  async create(input: CreatePaymentInput): Promise<PaymentView> {
    this.createCalls.push(input);
    if (this.createGate) await this.createGate;
    const failure = this.createFailures.shift();
    if (failure) throw failure;
    const existing = input.idempotencyKey && this.byIdempotencyKey.get(input.idempotencyKey);
    if (existing) return this.view(existing);

    this.sequence += 1;
    const appTransId = `260115_test${this.sequence}`;
    const now = this.serverNow();
    const view: PaymentView = {
      appTransId,
      status: 'PENDING',
      amount: input.amount,
      description: input.description,
      orderUrl: `https://qcgateway.zalopay.vn/openinapp?order=token${this.sequence}`,
      qrCode: `emv-qr-payload-that-the-page-must-not-encode-${this.sequence}`,
      expiresAt: new Date(now.getTime() + this.orderLifetimeMs),
      paidAt: null,
      reason: null,
      serverTime: now,
    };
    this.orders.set(appTransId, view);
    if (input.idempotencyKey) this.byIdempotencyKey.set(input.idempotencyKey, appTransId);
    return view;
  }

  async getStatus(appTransId: string): Promise<PaymentView | null> {
    this.getStatusCalls.push(appTransId);
    const view = this.orders.get(appTransId);
    return view ? { ...view, serverTime: this.serverNow() } : null;
  }

  async *watch(appTransId: string, signal: AbortSignal): AsyncIterable<PaymentView> {
    if (this.streamSilent) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      return;
    }
    const queue: PaymentView[] = [];
    let wake: (() => void) | null = null;
    const listener: Listener = (view) => {
      queue.push(view);
      wake?.();
    };
    const stop = () => wake?.();
    const listeners = this.listeners.get(appTransId) ?? new Set<Listener>();
    this.listeners.set(appTransId, listeners);
    listeners.add(listener);
    signal.addEventListener('abort', stop);
    try {
      const current = this.orders.get(appTransId);
      if (current) yield current;
      for (let events = 0; events < MAX_EVENTS_PER_WATCH && !signal.aborted; events += 1) {
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const next = queue.shift();
        if (next) yield next;
      }
    } finally {
      listeners.delete(listener);
      signal.removeEventListener('abort', stop);
    }
  }

  async reportRedirect(query: Record<string, string>): Promise<RedirectHint> {
    this.reportedRedirects.push(query);
    return { appTransId: query.apptransid ?? null, claim: this.redirectClaim };
  }

  /** Puts an order in the store directly, as if created earlier (for the confirmation page). */
  seed(overrides: Partial<PaymentView> & { appTransId: string }): PaymentView {
    const now = this.serverNow();
    const view: PaymentView = {
      status: 'PENDING',
      amount: 125_000,
      description: 'Seeded order',
      orderUrl: 'https://qcgateway.zalopay.vn/openinapp?order=seeded',
      qrCode: null,
      expiresAt: new Date(now.getTime() + this.orderLifetimeMs),
      paidAt: null,
      reason: null,
      serverTime: now,
      ...overrides,
    };
    this.orders.set(view.appTransId, view);
    return view;
  }

  /** Moves an order to a new status and pushes the change to open streams (unless `quietly`). */
  transition(
    appTransId: string,
    status: PaymentStatus,
    { reason = null, quietly = false }: { reason?: string | null; quietly?: boolean } = {},
  ): PaymentView {
    const now = this.serverNow();
    const view: PaymentView = {
      ...this.view(appTransId),
      status,
      reason,
      paidAt: status === 'PAID' ? now : null,
      serverTime: now,
    };
    this.orders.set(appTransId, view);
    if (!quietly) this.listeners.get(appTransId)?.forEach((listener) => listener(view));
    return view;
  }

  openStreams(appTransId: string): number {
    return this.listeners.get(appTransId)?.size ?? 0;
  }

  private view(appTransId: string): PaymentView {
    const view = this.orders.get(appTransId);
    if (!view) throw new Error(`FakePayments has no order ${appTransId}`);
    return view;
  }
}
