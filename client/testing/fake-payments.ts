// An in-memory PaymentsPort for client tests: the real tRPC router runs on top of it, so components meet
// real procedures, real zod validation and real superjson Dates, with no server and no network. Its
// failures are the domain's own errors (server/payments/errors.ts), which the router turns into tRPC
// errors with the server's one mapper (server/trpc/init.ts's answerFor): the same codes, messages and zodError.
// This file is the port and the knobs tests turn; the orders live in fake-payments/order-store.ts, the
// live streams in fake-payments/attempt-streams.ts.
import type { RedirectHint } from '../../server/payments/callbacks/redirect-report';
import type { PhoneReport } from '../../server/payments/status/phone-report';
import type { PaymentsPort } from '../../server/payments/payments-port';
import type {
  MerchantCheckoutView,
  OrderLineRequest,
  OrderView,
  PaymentMethod,
  ProductView,
  MerchantOrderStatus,
} from '../../server/payments/status/order-view';
import type {
  CreatePaymentInput,
  PaymentStatus,
  PaymentView,
} from '../../server/payments/status/payment-view';
import { AttemptStreams } from './fake-payments/attempt-streams';
import { DEMO_LINES, DEMO_PRODUCTS } from './fake-payments/demo-catalogue';
import { FakeOrderStore } from './fake-payments/order-store';

const FIFTEEN_MINUTES_MS = 15 * 60_000;

export interface TransitionOptions {
  reason?: string | null;
  quietly?: boolean;
  /** How a PAID attempt was paid (the callback's channel, in words). */
  method?: PaymentMethod;
}

export class FakePayments implements PaymentsPort {
  readonly createOrderCalls: OrderLineRequest[][] = [];
  readonly payOrderCalls: string[] = [];
  readonly getOrderCalls: string[] = [];
  readonly getStatusCalls: string[] = [];
  readonly reportedRedirects: Record<string, string>[] = [];
  /** What reportRedirect() says the redirect claims (the real one verifies the checksum with key2). */
  redirectClaim: RedirectHint['claim'] = 'unverified';
  /** The next createOrder() calls throw these, in order: the domain's errors, as the real one does. */
  readonly createOrderFailures: Error[] = [];
  /** The next payOrder() calls throw these, in order: the domain's errors, as the real one does. */
  readonly payOrderFailures: Error[] = [];
  /** When set, createOrder() waits for this promise before answering (to observe the "creating" state). */
  createOrderGate: Promise<void> | null = null;
  /** When set, payOrder() waits for this promise before answering. */
  payOrderGate: Promise<void> | null = null;
  /** Simulates a stream that a proxy holds back: watch() connects but delivers nothing. */
  streamSilent = false;
  /** How long new attempts live. */
  orderLifetimeMs = FIFTEEN_MINUTES_MS;
  /** Server clock minus real clock, to test the browser's clock correction. */
  serverClockAheadMs = 0;
  products: readonly ProductView[] = DEMO_PRODUCTS;

  private readonly store = new FakeOrderStore(this);
  private readonly streams = new AttemptStreams();
  /** Attempts stored before ZaloPay answered (attemptAwaitingGateway): what its answer will make them. */
  private readonly gatewayAnswers = new Map<string, PaymentView>();

  serverNow(): Date {
    return new Date(Date.now() + this.serverClockAheadMs);
  }

  async listProducts(): Promise<ProductView[]> {
    return [...this.products];
  }

  async createOrder(lines: OrderLineRequest[]): Promise<OrderView> {
    this.createOrderCalls.push(lines);
    if (this.createOrderGate) await this.createOrderGate;
    const failure = this.createOrderFailures.shift();
    if (failure) throw failure;
    const order = this.store.storeOrder(this.store.priceLines(lines));
    return this.store.orderView(order);
  }

  async getOrder(orderId: string): Promise<OrderView | null> {
    this.getOrderCalls.push(orderId);
    const order = this.store.order(orderId);
    return order ? this.store.orderView(order) : null;
  }

  async payOrder(orderId: string): Promise<PaymentView> {
    this.payOrderCalls.push(orderId);
    if (this.payOrderGate) await this.payOrderGate;
    const failure = this.payOrderFailures.shift();
    if (failure) throw failure;
    const order = this.store.payableOrder(orderId);
    const live = this.store.liveAttempt(order);
    const answered = live && this.gatewayAnswers.get(live.appTransId);
    if (answered) {
      this.gatewayAnswers.delete(answered.appTransId);
      this.store.saveAttempt(answered);
      return answered;
    }
    return live ?? this.store.newAttempt(order);
  }

  /**
   * The next attempt of an order as the real payOrder stores it before ZaloPay answers: PENDING, without
   * its link. A payOrder() waiting on payOrderGate then answers it with its link, as ZaloPay's answer would.
   */
  attemptAwaitingGateway(orderId: string): PaymentView {
    const linked = this.store.newAttempt(this.store.payableOrder(orderId));
    this.gatewayAnswers.set(linked.appTransId, linked);
    const awaiting: PaymentView = { ...linked, orderUrl: null, qrCode: null };
    this.store.saveAttempt(awaiting);
    return awaiting;
  }

  async payOneOff(input: CreatePaymentInput): Promise<PaymentView> {
    const order = this.store.storeOrder([
      {
        sku: null,
        name: { vi: input.description, en: input.description },
        unitPrice: input.amount,
        quantity: 1,
      },
    ]);
    return this.store.newAttempt(order);
  }

  async getStatus(appTransId: string): Promise<PaymentView | null> {
    this.getStatusCalls.push(appTransId);
    const view = this.store.findAttempt(appTransId);
    return view ? { ...view, serverTime: this.serverNow() } : null;
  }

  async *watch(appTransId: string, signal: AbortSignal): AsyncIterable<PaymentView> {
    if (this.streamSilent) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      return;
    }
    yield* this.streams.watch(appTransId, signal, () => this.store.findAttempt(appTransId));
  }

  async reportRedirect(query: Record<string, string>): Promise<RedirectHint> {
    this.reportedRedirects.push(query);
    return { appTransId: query.apptransid ?? null, claim: this.redirectClaim };
  }

  /**
   * A merchant order of the demo cart, as if created earlier (for reloads of its checkout). A paid (or
   * later) status comes with a PAID attempt and its receipt.
   */
  seedOrder({
    status = 'AWAITING_PAYMENT',
    paidAt,
    method = 'wallet',
    merchant = null,
  }: {
    status?: MerchantOrderStatus;
    paidAt?: Date;
    method?: PaymentMethod;
    /** An order made through the merchant API: its return and cancel links, its expiry. */
    merchant?: MerchantCheckoutView | null;
  } = {}): OrderView {
    const order = this.store.storeOrder(this.store.priceLines(DEMO_LINES));
    order.merchant = merchant;
    if (status !== 'AWAITING_PAYMENT' && status !== 'CANCELLED') {
      const paid: PaymentView = {
        ...this.store.newAttempt(order),
        status: 'PAID',
        paidAt: paidAt ?? this.serverNow(),
      };
      this.store.saveAttempt(paid);
      this.store.markPaid(order, paid, method);
    }
    order.status = status;
    return this.store.orderView(order);
  }

  /** A payment attempt put in the store directly, with a one-off order of its own (for the confirmation page). */
  seed(overrides: Partial<PaymentView> & { appTransId: string }): PaymentView {
    const now = this.serverNow();
    const amount = overrides.amount ?? 125_000;
    const order = this.store.storeOrder([
      { sku: null, name: { vi: 'Đơn hàng', en: 'Seeded order' }, unitPrice: amount, quantity: 1 },
    ]);
    const view: PaymentView = {
      orderId: order.orderId,
      status: 'PENDING',
      amount,
      orderUrl: 'https://qcgateway.zalopay.vn/openinapp?order=seeded',
      qrCode: null,
      expiresAt: new Date(now.getTime() + this.orderLifetimeMs),
      paidAt: null,
      reason: null,
      phoneReport: null,
      serverTime: now,
      ...overrides,
    };
    this.store.addAttempt(order, view);
    if (view.status === 'PAID') this.store.markPaid(order, view, 'wallet');
    return view;
  }

  /** Moves an attempt to a new status and pushes the change to open streams (unless `quietly`). */
  transition(
    appTransId: string,
    status: PaymentStatus,
    { reason = null, quietly = false, method = 'wallet' }: TransitionOptions = {},
  ): PaymentView {
    const now = this.serverNow();
    const before = this.store.attempt(appTransId);
    const view: PaymentView = {
      ...before,
      status,
      reason,
      paidAt: status === 'PAID' ? now : null,
      phoneReport: status === 'PENDING' ? before.phoneReport : null,
      serverTime: now,
    };
    this.store.saveAttempt(view);
    const order = this.store.order(view.orderId);
    if (status === 'PAID' && order) this.store.markPaid(order, view, method);
    if (!quietly) this.streams.publish(appTransId, view);
    return view;
  }

  /** The phone's verified redirect reported a decline or cancel: the PENDING view carries it, pushed at once. */
  reportFromPhone(appTransId: string, phoneReport: PhoneReport): PaymentView {
    const view: PaymentView = {
      ...this.store.attempt(appTransId),
      phoneReport,
      serverTime: this.serverNow(),
    };
    this.store.saveAttempt(view);
    this.streams.publish(appTransId, view);
    return view;
  }

  openStreams(appTransId: string): number {
    return this.streams.openStreams(appTransId);
  }
}
