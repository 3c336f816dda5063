// The `pay_first` API fault (admin/fault-plan.ts): the order a call names is paid with the wallet just
// before the call is handled, as when the shopper pays between the merchant's last look and its cancel.
// Tests use it to drive that race through the merchant's own code path.
import type { EmulatorContext } from '../emulator-context';
import { payOrder } from '../gateway/shopper-actions';
import { wireInteger } from './wire-fields';
import type { WireParams } from './wire-params';

export async function payFirst(ctx: EmulatorContext, params: WireParams): Promise<void> {
  const appId = wireInteger.safeParse(params.app_id);
  if (!appId.success || typeof params.app_trans_id !== 'string') return;
  const order = ctx.orders.find(appId.data, params.app_trans_id);
  if (!order) return;
  await payOrder(ctx, order, { channel: 38 }, Promise.resolve());
}
