// The emulator's "banking app": what a Vietnamese bank's app does with a scanned VietQR code. It checks
// the payload's CRC, reads the NAPAS account and the amount, finds the order whose qr_code names that
// account, and pays it by bank transfer (channel 37, "bank account"; the channel a real VietQR transfer
// reports is not documented, docs/zalopay-protocol.md §5.3 lists 37 for bank accounts). POST /admin/vietqr/pay.
import type { EmulatorContext } from '../emulator-context';
import type { SandboxOrder } from '../emulated-order';
import { payOrder, type PayResult } from './shopper-actions';
import { readVietQrPayload } from './vietqr-payload';

export const BANK_TRANSFER_CHANNEL = 37;

export type BankingAppResult =
  | { kind: 'paid_by_transfer'; order: SandboxOrder; payment: PayResult }
  | { kind: 'refused'; problem: 'crc_mismatch' | 'malformed' | 'not_vietqr' }
  | { kind: 'no_such_account'; virtualAccount: string }
  | { kind: 'amount_mismatch'; order: SandboxOrder; scannedAmount: number };

/** The order whose issued qr_code sends money to this NAPAS account. */
function orderForAccount(ctx: EmulatorContext, virtualAccount: string): SandboxOrder | undefined {
  return ctx.orders.list().find((order) => {
    if (order.qrCode === null) return false;
    const issued = readVietQrPayload(order.qrCode);
    return issued.ok && issued.qr.virtualAccount === virtualAccount;
  });
}

export async function payScannedVietQr(
  ctx: EmulatorContext,
  payload: string,
  bankCode: string,
  redirectSent: Promise<void>,
): Promise<BankingAppResult> {
  const reading = readVietQrPayload(payload);
  if (!reading.ok) return { kind: 'refused', problem: reading.problem };
  const { virtualAccount, amount } = reading.qr;
  const order = orderForAccount(ctx, virtualAccount);
  if (!order) return { kind: 'no_such_account', virtualAccount };
  if (order.amount !== amount) return { kind: 'amount_mismatch', order, scannedAmount: amount };
  const payment = await payOrder(
    ctx,
    order,
    { channel: BANK_TRANSFER_CHANNEL, bankCode },
    redirectSent,
  );
  return { kind: 'paid_by_transfer', order, payment };
}
