// The emulator's admin API as the end-to-end tests use it: pay or cancel without a browser, inject faults,
// move the emulator's clock, read the emulator's own truth about an order.
import type { APIRequestContext } from '@playwright/test';
import { E2E_EMULATOR_URL } from './ports';

export interface EmulatorAdmin {
  pay(appTransId: string, channel?: number): Promise<unknown>;
  cancel(appTransId: string): Promise<unknown>;
  /** A banking app pays a scanned VietQR payload (POST /admin/vietqr/pay): HTTP status and answer. */
  payVietQr(payload: string): Promise<{ status: number; body: Record<string, unknown> }>;
  order(appTransId: string): Promise<Record<string, unknown>>;
  faults(spec: Record<string, unknown>): Promise<void>;
  clearFaults(): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /** Puts the emulator's clock back to real time (its create checks use that clock too). */
  resetClock(): Promise<void>;
}

export function emulatorAdmin(request: APIRequestContext): EmulatorAdmin {
  const url = (path: string) => `${E2E_EMULATOR_URL}${path}`;
  const ok = async (response: Awaited<ReturnType<APIRequestContext['get']>>) => {
    if (!response.ok())
      throw new Error(
        `emulator admin ${response.url()}: ${response.status()} ${await response.text()}`,
      );
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    pay: async (id, channel = 38) =>
      ok(
        await request.post(url(`/admin/orders/${encodeURIComponent(id)}/pay`), {
          data: { channel },
        }),
      ),
    payVietQr: async (payload) => {
      const response = await request.post(url('/admin/vietqr/pay'), {
        data: { payload, bank_code: 'VCB' },
      });
      return {
        status: response.status(),
        body: (await response.json()) as Record<string, unknown>,
      };
    },
    cancel: async (id) =>
      ok(await request.post(url(`/admin/orders/${encodeURIComponent(id)}/cancel`))),
    order: async (id) => ok(await request.get(url(`/admin/orders/${encodeURIComponent(id)}`))),
    faults: async (spec) => {
      await ok(await request.post(url('/admin/faults'), { data: spec }));
    },
    clearFaults: async () => {
      await ok(await request.delete(url('/admin/faults')));
    },
    advanceClock: async (ms) => {
      await ok(await request.post(url('/admin/clock'), { data: { advance_ms: ms } }));
    },
    resetClock: async () => {
      await ok(await request.post(url('/admin/clock'), { data: { offset_ms: 0 } }));
    },
  };
}
