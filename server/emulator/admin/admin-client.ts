// The emulator's admin API (docs/emulator.md) as the chaos tests drive it: the shopper's actions,
// faults, the clock, and the emulator's truth about every order, each answer parsed with zod.
import { z } from 'zod';
import type { FaultsRequest } from './fault-plan';

export const emulatorOrderSchema = z.object({
  app_trans_id: z.string(),
  status: z.enum(['pending', 'processing', 'paid', 'expired']),
  amount: z.number(),
  /** A JSON number in the emulator's view (15 digits, exact in a double); kept as text like our column. */
  zp_trans_id: z
    .union([z.string(), z.number().int()])
    .nullable()
    .transform((id) => (id === null ? null : String(id))),
  expires_at: z.number(),
  /** Refunds of this order accepted by the emulator: `processing` until its refund time has passed. */
  refunds: z.array(
    z.object({
      m_refund_id: z.string(),
      amount: z.number(),
      status: z.enum(['processing', 'success']),
    }),
  ),
});
export type EmulatorOrder = z.infer<typeof emulatorOrderSchema>;

const ordersAnswerSchema = z.object({ now: z.number(), orders: z.array(emulatorOrderSchema) });
const payAnswerSchema = z.object({
  result: z.enum(['paid', 'declined', 'not_payable', 'unknown_card']),
});
const settleAnswerSchema = z.object({ result: z.enum(['settled', 'timeout']) });

export type PayResult = z.infer<typeof payAnswerSchema>['result'];

export interface EmulatorAdminClient {
  /** The shopper pays in the ZaloPay app; resolves once the first callback attempt is over. */
  pay(
    appTransId: string,
    body?: { channel?: 36 | 38 | 39; card_number?: string },
  ): Promise<PayResult>;
  cancel(appTransId: string): Promise<void>;
  orders(): Promise<EmulatorOrder[]>;
  addFaults(faults: FaultsRequest): Promise<void>;
  clearFaults(): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /** Sets the emulator clock's offset from real time (negative: the emulator is behind). */
  setClockOffset(ms: number): Promise<void>;
  updateSettings(settings: Record<string, unknown>): Promise<void>;
  /** Waits (≤ 30 s) for every callback delivery, retry and delayed callback to be over. */
  settleCallbacks(): Promise<'settled' | 'timeout'>;
}

export function emulatorAdminClient(emulatorUrl: string): EmulatorAdminClient {
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${emulatorUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const json: unknown = await response.json();
    if (!response.ok && response.status !== 409 && response.status !== 504) {
      throw new Error(
        `emulator ${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`,
      );
    }
    return json;
  }
  const orderPath = (appTransId: string) => `/admin/orders/${encodeURIComponent(appTransId)}`;

  return {
    async pay(appTransId, body = {}) {
      return payAnswerSchema.parse(await call('POST', `${orderPath(appTransId)}/pay`, body)).result;
    },
    async cancel(appTransId) {
      await call('POST', `${orderPath(appTransId)}/cancel`);
    },
    async orders() {
      return ordersAnswerSchema.parse(await call('GET', '/admin/orders')).orders;
    },
    async addFaults(faults) {
      await call('POST', '/admin/faults', faults);
    },
    async clearFaults() {
      await call('DELETE', '/admin/faults');
    },
    async advanceClock(ms) {
      await call('POST', '/admin/clock', { advance_ms: ms });
    },
    async setClockOffset(ms) {
      await call('POST', '/admin/clock', { offset_ms: ms });
    },
    async updateSettings(settings) {
      await call('PUT', '/admin/settings', settings);
    },
    async settleCallbacks() {
      return settleAnswerSchema.parse(await call('POST', '/admin/callbacks/settle')).result;
    },
  };
}
