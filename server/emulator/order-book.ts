// The emulator's in-memory records: orders by (app_id, app_trans_id) and by token, refunds by
// (app_id, m_refund_id). Nothing persists: a restarted emulator starts empty, like a fresh sandbox app.
import type { SandboxOrder, SandboxRefund } from './emulated-order';

const orderKey = (appId: number, appTransId: string) => `${appId}:${appTransId}`;

export class OrderBook {
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly ordersByToken = new Map<string, SandboxOrder>();
  private readonly refunds = new Map<string, SandboxRefund>();

  add(order: SandboxOrder): void {
    this.orders.set(orderKey(order.appId, order.appTransId), order);
    this.ordersByToken.set(order.zpTransToken, order);
  }

  find(appId: number, appTransId: string): SandboxOrder | undefined {
    return this.orders.get(orderKey(appId, appTransId));
  }

  findByToken(zpTransToken: string): SandboxOrder | undefined {
    return this.ordersByToken.get(zpTransToken);
  }

  /** Every app's order with this app_trans_id (ids are unique per app only). */
  findAllByAppTransId(appTransId: string): SandboxOrder[] {
    return this.list().filter((order) => order.appTransId === appTransId);
  }

  findPaidByZpTransId(appId: number, zpTransId: string): SandboxOrder | undefined {
    return this.list().find(
      (order) => order.appId === appId && String(order.payment?.zpTransId) === zpTransId,
    );
  }

  list(): SandboxOrder[] {
    return [...this.orders.values()];
  }

  addRefund(refund: SandboxRefund): void {
    this.refunds.set(orderKey(refund.appId, refund.mRefundId), refund);
  }

  findRefund(appId: number, mRefundId: string): SandboxRefund | undefined {
    return this.refunds.get(orderKey(appId, mRefundId));
  }

  refundsOf(order: SandboxOrder): SandboxRefund[] {
    return [...this.refunds.values()].filter(
      (refund) => refund.appId === order.appId && refund.appTransId === order.appTransId,
    );
  }

  clear(): void {
    this.orders.clear();
    this.ordersByToken.clear();
    this.refunds.clear();
  }
}
