// The emulator's admin API as the end-to-end tests use it: the shared typed client
// (server/emulator/admin/admin-client.ts) pointed at the end-to-end emulator, with the short names the
// specs call: pay or cancel without a browser, inject faults, move the clock, read the emulator's truth.
import {
  emulatorAdminClient,
  type CancelAnswer,
  type EmulatorOrder,
  type FaultsRequest,
  type PayAnswer,
  type VietQrPayment,
} from '../server/emulator/admin/admin-client';
import { E2E_EMULATOR_URL } from './ports';

export interface EmulatorAdmin {
  /** The shopper pays in the ZaloPay app (wallet, channel 38, by default); throws if the emulator refuses. */
  pay(appTransId: string, channel?: 36 | 38 | 39): Promise<PayAnswer>;
  cancel(appTransId: string): Promise<CancelAnswer>;
  /** A banking app pays a scanned VietQR payload (POST /admin/vietqr/pay): HTTP status and answer. */
  payVietQr(payload: string): Promise<VietQrPayment>;
  order(appTransId: string): Promise<EmulatorOrder>;
  orders(): Promise<EmulatorOrder[]>;
  faults(spec: FaultsRequest): Promise<void>;
  clearFaults(): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /** Puts the emulator's clock back to real time (its create checks use that clock too). */
  resetClock(): Promise<void>;
}

export function emulatorAdmin(): EmulatorAdmin {
  const admin = emulatorAdminClient(E2E_EMULATOR_URL);
  return {
    pay: (appTransId, channel = 38) => admin.pay(appTransId, { channel }),
    cancel: (appTransId) => admin.cancel(appTransId),
    payVietQr: (payload) => admin.payVietQr({ payload, bank_code: 'VCB' }),
    order: (appTransId) => admin.order(appTransId),
    orders: () => admin.orders(),
    faults: async (spec) => {
      await admin.addFaults(spec);
    },
    clearFaults: async () => {
      await admin.clearFaults();
    },
    advanceClock: async (ms) => {
      await admin.advanceClock(ms);
    },
    resetClock: async () => {
      await admin.resetClock();
    },
  };
}
