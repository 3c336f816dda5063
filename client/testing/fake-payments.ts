// An in-memory PaymentsPort for client tests: the real tRPC router runs on top of it, so components meet
// real procedures, real zod validation and real superjson Dates, with no server and no network. Its
// failures are the domain's own errors (server/payments/errors.ts), which the router turns into tRPC
// errors with the server's one mapper (payment-procedure.ts): the same codes, messages and zodError.
import {
  InvalidOrderError,
  OrderNotFoundError,
  OrderNotPayableError,
} from '../../server/payments/errors';
import type { RedirectHint } from '../../server/payments/callbacks/redirect-report';
import type { PhoneReport } from '../../server/payments/status/phone-report';
import type { PaymentsPort } from '../../server/payments/payments-port';
import type {
  MerchantCheckoutView,
  OrderLine,
  OrderLineRequest,
  OrderView,
  PaymentMethod,
  ProductView,
  ReceiptView,
  ShopOrderStatus,
} from '../../server/payments/status/order-view';
import type {
  CreatePaymentInput,
  PaymentStatus,
  PaymentView,
} from '../../server/payments/status/payment-view';

const FIFTEEN_MINUTES_MS = 15 * 60_000;
const MAX_EVENTS_PER_WATCH = 100;

/** The demo café's catalogue, as the server seeds it. */
export const DEMO_PRODUCTS: readonly ProductView[] = [
  {
    sku: 'ca-phe-sua-da',
    name: { vi: 'Cà phê sữa đá', en: 'Iced milk coffee' },
    unitPrice: 35_000,
    description: null,
    imageUrl: null,
  },
  {
    sku: 'banh-mi',
    name: { vi: 'Bánh mì', en: 'Bánh mì' },
    unitPrice: 30_000,
    description: null,
    imageUrl: null,
  },
  {
    sku: 'banh-flan',
    name: { vi: 'Bánh flan', en: 'Crème caramel' },
    unitPrice: 25_000,
    description: null,
    imageUrl: null,
  },
];

/** Today's demo cart as the server would have priced it: 2 + 1 + 1 = 125,000 VND. */
const DEMO_LINES: readonly OrderLineRequest[] = [
  { sku: 'ca-phe-sua-da', quantity: 2 },
  { sku: 'banh-mi', quantity: 1 },
  { sku: 'banh-flan', quantity: 1 },
];

type Listener = (view: PaymentView) => void;

interface StoredOrder {
  orderId: string;
  status: ShopOrderStatus;
  lines: OrderLine[];
  createdAt: Date;
  attempts: string[];
  receipt: ReceiptView | null;
  merchant: MerchantCheckoutView | null;
}

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

  private readonly shopOrders = new Map<string, StoredOrder>();
  private readonly attempts = new Map<string, PaymentView>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private orderSequence = 0;
  private zpSequence = 0;

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
    const order = this.storeOrder(this.priceLines(lines));
    return this.orderView(order);
  }

  async getOrder(orderId: string): Promise<OrderView | null> {
    this.getOrderCalls.push(orderId);
    const order = this.shopOrders.get(orderId);
    return order ? this.orderView(order) : null;
  }

  async payOrder(orderId: string): Promise<PaymentView> {
    this.payOrderCalls.push(orderId);
    if (this.payOrderGate) await this.payOrderGate;
    const failure = this.payOrderFailures.shift();
    if (failure) throw failure;
    const order = this.shopOrders.get(orderId);
    if (!order) throw new OrderNotFoundError(orderId);
    if (order.status !== 'AWAITING_PAYMENT') throw new OrderNotPayableError(orderId, order.status);
    return this.liveAttempt(order) ?? this.newAttempt(order);
  }

  async create(input: CreatePaymentInput): Promise<PaymentView> {
    const order = this.storeOrder([
      {
        sku: null,
        name: { vi: input.description, en: input.description },
        unitPrice: input.amount,
        quantity: 1,
      },
    ]);
    return this.newAttempt(order);
  }

  async getStatus(appTransId: string): Promise<PaymentView | null> {
    this.getStatusCalls.push(appTransId);
    const view = this.attempts.get(appTransId);
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
      const current = this.attempts.get(appTransId);
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
    status?: ShopOrderStatus;
    paidAt?: Date;
    method?: PaymentMethod;
    /** An order made through the merchant API: its return and cancel links, its expiry. */
    merchant?: MerchantCheckoutView | null;
  } = {}): OrderView {
    const order = this.storeOrder(this.priceLines(DEMO_LINES));
    order.merchant = merchant;
    if (status !== 'AWAITING_PAYMENT' && status !== 'CANCELLED') {
      const paid: PaymentView = {
        ...this.newAttempt(order),
        status: 'PAID',
        paidAt: paidAt ?? this.serverNow(),
      };
      this.attempts.set(paid.appTransId, paid);
      this.markPaid(order, paid, method);
    }
    order.status = status;
    return this.orderView(order);
  }

  /** A payment attempt put in the store directly, with a one-off order of its own (for the confirmation page). */
  seed(overrides: Partial<PaymentView> & { appTransId: string }): PaymentView {
    const now = this.serverNow();
    const amount = overrides.amount ?? 125_000;
    const order = this.storeOrder([
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
    order.attempts.push(view.appTransId);
    this.attempts.set(view.appTransId, view);
    if (view.status === 'PAID') this.markPaid(order, view, 'wallet');
    return view;
  }

  /** Moves an attempt to a new status and pushes the change to open streams (unless `quietly`). */
  transition(
    appTransId: string,
    status: PaymentStatus,
    { reason = null, quietly = false, method = 'wallet' }: TransitionOptions = {},
  ): PaymentView {
    const now = this.serverNow();
    const view: PaymentView = {
      ...this.attempt(appTransId),
      status,
      reason,
      paidAt: status === 'PAID' ? now : null,
      phoneReport: status === 'PENDING' ? this.attempt(appTransId).phoneReport : null,
      serverTime: now,
    };
    this.attempts.set(appTransId, view);
    const order = this.shopOrders.get(view.orderId);
    if (status === 'PAID' && order) this.markPaid(order, view, method);
    if (!quietly) this.listeners.get(appTransId)?.forEach((listener) => listener(view));
    return view;
  }

  /** The phone's verified redirect reported a decline or cancel: the PENDING view carries it, pushed at once. */
  reportFromPhone(appTransId: string, phoneReport: PhoneReport): PaymentView {
    const view: PaymentView = {
      ...this.attempt(appTransId),
      phoneReport,
      serverTime: this.serverNow(),
    };
    this.attempts.set(appTransId, view);
    this.listeners.get(appTransId)?.forEach((listener) => listener(view));
    return view;
  }

  openStreams(appTransId: string): number {
    return this.listeners.get(appTransId)?.size ?? 0;
  }

  private priceLines(lines: readonly OrderLineRequest[]): OrderLine[] {
    return lines.map((line, index) => {
      const product = this.products.find((candidate) => candidate.sku === line.sku);
      if (!product) {
        throw new InvalidOrderError(
          `lines[${index}].sku`,
          `${line.sku} is not a product of this shop`,
        );
      }
      return {
        sku: product.sku,
        name: product.name,
        unitPrice: product.unitPrice,
        quantity: line.quantity,
      };
    });
  }

  private storeOrder(lines: OrderLine[]): StoredOrder {
    this.orderSequence += 1;
    const order: StoredOrder = {
      orderId: `TESTORDER${this.orderSequence}`,
      status: 'AWAITING_PAYMENT',
      lines,
      createdAt: this.serverNow(),
      attempts: [],
      receipt: null,
      merchant: null,
    };
    this.shopOrders.set(order.orderId, order);
    return order;
  }

  private newAttempt(order: StoredOrder): PaymentView {
    const attempt = order.attempts.length + 1;
    const appTransId = `260115_${order.orderId}_${attempt}`;
    const now = this.serverNow();
    const view: PaymentView = {
      appTransId,
      orderId: order.orderId,
      status: 'PENDING',
      amount: this.total(order),
      orderUrl: `https://qcgateway.zalopay.vn/openinapp?order=${order.orderId}-${attempt}`,
      qrCode: `emv-qr-payload-that-the-page-must-not-encode-${appTransId}`,
      expiresAt: new Date(now.getTime() + this.orderLifetimeMs),
      paidAt: null,
      reason: null,
      phoneReport: null,
      serverTime: now,
    };
    order.attempts.push(appTransId);
    this.attempts.set(appTransId, view);
    return view;
  }

  private liveAttempt(order: StoredOrder): PaymentView | null {
    const now = this.serverNow().getTime();
    const live = order.attempts
      .map((appTransId) => this.attempts.get(appTransId))
      .find((view) => view?.status === 'PENDING' && view.expiresAt.getTime() > now);
    return live ? { ...live, serverTime: this.serverNow() } : null;
  }

  private markPaid(order: StoredOrder, view: PaymentView, method: PaymentMethod) {
    if (order.receipt) return;
    this.zpSequence += 1;
    order.status = 'PAID';
    order.receipt = {
      appTransId: view.appTransId,
      zpTransId: `2601150000${String(this.zpSequence).padStart(5, '0')}`,
      amount: view.amount,
      paidAt: view.paidAt ?? this.serverNow(),
      method,
    };
  }

  private orderView(order: StoredOrder): OrderView {
    return {
      orderId: order.orderId,
      status: order.status,
      total: this.total(order),
      lines: order.lines.map((line) => ({ ...line, lineTotal: line.unitPrice * line.quantity })),
      createdAt: order.createdAt,
      attempts: order.attempts.map((appTransId, index) => {
        const view = this.attempt(appTransId);
        return {
          appTransId,
          attempt: index + 1,
          status: view.status,
          expiresAt: view.expiresAt,
          paidAt: view.paidAt,
        };
      }),
      livePayment: order.status === 'AWAITING_PAYMENT' ? this.liveAttempt(order) : null,
      receipt: order.receipt,
      serverTime: this.serverNow(),
      merchant: order.merchant,
    };
  }

  private total(order: StoredOrder): number {
    return order.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  }

  private attempt(appTransId: string): PaymentView {
    const view = this.attempts.get(appTransId);
    if (!view) throw new Error(`FakePayments has no attempt ${appTransId}`);
    return view;
  }
}
