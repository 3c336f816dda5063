// The fake's store of merchant orders and their payment attempts: pricing lines against the catalogue,
// new and live attempts, the receipt of a paid order, and the OrderView the real service would answer.
// What a shopper may not do fails with the domain's own errors (server/payments/errors.ts).
import {
  InvalidOrderError,
  OrderNotFoundError,
  OrderNotPayableError,
} from '../../../server/payments/errors';
import type {
  MerchantCheckoutView,
  OrderLine,
  OrderLineRequest,
  OrderView,
  PaymentMethod,
  ProductView,
  ReceiptView,
  MerchantOrderStatus,
} from '../../../server/payments/status/order-view';
import type { PaymentView } from '../../../server/payments/status/payment-view';

export interface StoredOrder {
  orderId: string;
  status: MerchantOrderStatus;
  lines: OrderLine[];
  createdAt: Date;
  attempts: string[];
  receipt: ReceiptView | null;
  merchant: MerchantCheckoutView | null;
}

/** What the store reads from the fake as it goes: the tests change these between calls. */
export interface StoreSettings {
  serverNow(): Date;
  /** How long new attempts live. */
  orderLifetimeMs: number;
  products: readonly ProductView[];
}

export class FakeOrderStore {
  private readonly orders = new Map<string, StoredOrder>();
  private readonly attempts = new Map<string, PaymentView>();
  private orderSequence = 0;
  private zpSequence = 0;

  constructor(private readonly settings: StoreSettings) {}

  order(orderId: string): StoredOrder | undefined {
    return this.orders.get(orderId);
  }

  /** The order a shopper may pay now; otherwise the domain's error, as the real service throws it. */
  payableOrder(orderId: string): StoredOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new OrderNotFoundError(orderId);
    if (order.status !== 'AWAITING_PAYMENT') throw new OrderNotPayableError(orderId, order.status);
    return order;
  }

  findAttempt(appTransId: string): PaymentView | undefined {
    return this.attempts.get(appTransId);
  }

  attempt(appTransId: string): PaymentView {
    const view = this.attempts.get(appTransId);
    if (!view) throw new Error(`FakePayments has no attempt ${appTransId}`);
    return view;
  }

  saveAttempt(view: PaymentView): void {
    this.attempts.set(view.appTransId, view);
  }

  /** Adds an attempt made elsewhere (a seeded one) to its order. */
  addAttempt(order: StoredOrder, view: PaymentView): void {
    order.attempts.push(view.appTransId);
    this.attempts.set(view.appTransId, view);
  }

  priceLines(lines: readonly OrderLineRequest[]): OrderLine[] {
    return lines.map((line, index) => {
      const product = this.settings.products.find((candidate) => candidate.sku === line.sku);
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

  storeOrder(lines: OrderLine[]): StoredOrder {
    this.orderSequence += 1;
    const order: StoredOrder = {
      orderId: `TESTORDER${this.orderSequence}`,
      status: 'AWAITING_PAYMENT',
      lines,
      createdAt: this.settings.serverNow(),
      attempts: [],
      receipt: null,
      merchant: null,
    };
    this.orders.set(order.orderId, order);
    return order;
  }

  newAttempt(order: StoredOrder): PaymentView {
    const attempt = order.attempts.length + 1;
    const appTransId = `260115_${order.orderId}_${attempt}`;
    const now = this.settings.serverNow();
    const view: PaymentView = {
      appTransId,
      orderId: order.orderId,
      status: 'PENDING',
      amount: this.total(order),
      orderUrl: `https://qcgateway.zalopay.vn/openinapp?order=${order.orderId}-${attempt}`,
      qrCode: `emv-qr-payload-that-the-page-must-not-encode-${appTransId}`,
      expiresAt: new Date(now.getTime() + this.settings.orderLifetimeMs),
      paidAt: null,
      reason: null,
      phoneReport: null,
      serverTime: now,
    };
    this.addAttempt(order, view);
    return view;
  }

  liveAttempt(order: StoredOrder): PaymentView | null {
    const now = this.settings.serverNow().getTime();
    const live = order.attempts
      .map((appTransId) => this.attempts.get(appTransId))
      .find((view) => view?.status === 'PENDING' && view.expiresAt.getTime() > now);
    return live ? { ...live, serverTime: this.settings.serverNow() } : null;
  }

  markPaid(order: StoredOrder, view: PaymentView, method: PaymentMethod): void {
    if (order.receipt) return;
    this.zpSequence += 1;
    order.status = 'PAID';
    order.receipt = {
      appTransId: view.appTransId,
      zpTransId: `2601150000${String(this.zpSequence).padStart(5, '0')}`,
      amount: view.amount,
      paidAt: view.paidAt ?? this.settings.serverNow(),
      method,
    };
  }

  orderView(order: StoredOrder): OrderView {
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
      serverTime: this.settings.serverNow(),
      merchant: order.merchant,
    };
  }

  private total(order: StoredOrder): number {
    return order.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  }
}
