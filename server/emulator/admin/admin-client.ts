// The one typed client of the emulator's admin API (admin-routes.ts, docs/emulator.md), for the tests,
// the chaos runs, the benchmarks and the end-to-end fixtures: the shopper's actions without a browser,
// faults, the clock, settings and the emulator's truth about each order. Built on fetch; test tooling
// only, the checkout itself never imports it.
import type { CancelResult, PayResult } from '../gateway/shopper-actions';
import type { BankingAppResult } from '../gateway/banking-app';
import type { CardOutcome } from '../gateway/test-cards';
import type { EmulatorSettings, EmulatorSettingsUpdate } from '../settings';
import type { ClockRequest, PayRequest, VietQrPayRequest } from './admin-routes';
import type { z } from 'zod';
import type { FaultPlan, faultsRequestSchema } from './fault-plan';
import type { orderView } from './order-view';
import type { requestView } from './request-view';

/** The emulator's truth about one order (GET /admin/orders/:appTransId), exactly as order-view.ts writes it. */
export type EmulatorOrder = ReturnType<typeof orderView>;
/** A POST /admin/faults body as written (fault-plan.ts fills in each API fault's count and status). */
export type FaultsRequest = z.input<typeof faultsRequestSchema>;
/** The faults still pending (GET, POST and DELETE /admin/faults answer it). */
export type PendingFaults = ReturnType<FaultPlan['view']>;
/** One exchange the emulator logged (GET /admin/requests). */
export type LoggedRequest = ReturnType<typeof requestView>;

export interface EmulatorClock {
  /** The emulator's "now", epoch milliseconds. */
  now: number;
  iso: string;
  /** How far the emulator's clock is from real time (negative: behind). */
  offset_ms: number;
}

/** What POST /admin/orders/:appTransId/pay answers. */
export interface PayAnswer {
  result: PayResult['kind'];
  /** Why the test card declined (result `declined`). */
  outcome?: CardOutcome;
  /** Where the gateway sends the shopper back to (the order's redirecturl), if anywhere. */
  redirect_url: string | null;
  /** The first callback attempt, over by the time the answer comes. */
  callback: EmulatorOrder['callback'];
  order: EmulatorOrder;
}

/** What POST /admin/orders/:appTransId/cancel answers. */
export interface CancelAnswer {
  result: CancelResult['kind'];
  redirect_url: string | null;
  order: EmulatorOrder;
}

/** What POST /admin/vietqr/pay answers, by the banking app's verdict (banking-app.ts). */
export type VietQrPayAnswer =
  | { result: Extract<BankingAppResult, { kind: 'refused' }>['problem'] }
  | { result: 'no_such_account'; virtual_account: string }
  | { result: 'amount_mismatch'; scanned_amount: number; order: EmulatorOrder }
  | Omit<PayAnswer, 'outcome'>;

/** A VietQR payment's HTTP status with its answer: 200 paid, 400 a bad code, 404 no such account, 409 refused. */
export interface VietQrPayment {
  status: number;
  body: VietQrPayAnswer;
}

/** The emulator refused an admin request (an unknown order, a bad body, an order it would not pay). */
export class EmulatorAdminError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'EmulatorAdminError';
  }
}

export interface EmulatorAdminClient {
  /** The emulator this client drives, e.g. http://127.0.0.1:3001. */
  readonly baseUrl: string;
  /**
   * The shopper pays in the ZaloPay app (wallet by default; `channel: 36` or `39` with a test card);
   * resolves once the first callback attempt is over. A declined card is an answer; an order the
   * emulator will not pay (expired, already paid: HTTP 409) is an EmulatorAdminError.
   */
  pay(appTransId: string, request?: PayRequest): Promise<PayAnswer>;
  /** pay(), but an order the emulator will not pay is answered (`not_payable`), not thrown. */
  tryPay(appTransId: string, request?: PayRequest): Promise<PayAnswer>;
  /** The shopper cancels on the gateway; an order no longer payable is answered `not_payable`. */
  cancel(appTransId: string): Promise<CancelAnswer>;
  /** A banking app pays a scanned VietQR payload by bank transfer; every verdict is answered. */
  payVietQr(request: VietQrPayRequest): Promise<VietQrPayment>;
  /** One order; `appId` picks it when several apps used the same app_trans_id. */
  order(appTransId: string, appId?: number): Promise<EmulatorOrder>;
  orders(): Promise<EmulatorOrder[]>;
  faults(): Promise<PendingFaults>;
  /** Adds to the pending faults (counts add up; a new delayMs replaces the old one). */
  addFaults(faults: FaultsRequest): Promise<PendingFaults>;
  clearFaults(): Promise<PendingFaults>;
  clock(): Promise<EmulatorClock>;
  setClock(request: ClockRequest): Promise<EmulatorClock>;
  advanceClock(ms: number): Promise<EmulatorClock>;
  /** Sets the clock's offset from real time (negative: the emulator is behind). */
  setClockOffset(ms: number): Promise<EmulatorClock>;
  /** Puts the clock back to real time. */
  resetClock(): Promise<EmulatorClock>;
  settings(): Promise<EmulatorSettings>;
  updateSettings(update: EmulatorSettingsUpdate): Promise<EmulatorSettings>;
  /** The logged exchanges, those whose app_trans_id contains `appTransId` if given. */
  requests(appTransId?: string): Promise<LoggedRequest[]>;
  /** Waits (at most 30 s) until every callback delivery, retry and delayed callback is over. */
  settleCallbacks(): Promise<'settled' | 'timeout'>;
  /** Forgets every order and request, clears the faults and puts the clock back. */
  reset(): Promise<void>;
}

export interface EmulatorAdminClientOptions {
  /** Per request; a pay holds its answer until the first callback attempt is over. 60 s by default. */
  timeoutMs?: number;
}

export function emulatorAdminClient(
  baseUrl: string,
  { timeoutMs = 60_000 }: EmulatorAdminClientOptions = {},
): EmulatorAdminClient {
  /** Sends one request; statuses in `answered` are answers like 2xx, any other is an EmulatorAdminError. */
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    answered: readonly number[] = [],
  ): Promise<{ status: number; json: T }> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json: unknown = await response.json();
    if (!response.ok && !answered.includes(response.status)) {
      throw new EmulatorAdminError(
        `emulator ${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`,
        response.status,
        json,
      );
    }
    // The emulator is this repository's own code: its answers have the types its routes write.
    return { status: response.status, json: json as T };
  }
  const answerOf = async <T>(
    method: string,
    path: string,
    body?: unknown,
    answered?: readonly number[],
  ): Promise<T> => (await call<T>(method, path, body, answered)).json;
  const orderPath = (appTransId: string) => `/admin/orders/${encodeURIComponent(appTransId)}`;
  const setClock = (request: ClockRequest) =>
    answerOf<EmulatorClock>('POST', '/admin/clock', request);

  return {
    baseUrl,
    pay: (appTransId, request = {}) =>
      answerOf<PayAnswer>('POST', `${orderPath(appTransId)}/pay`, request),
    tryPay: (appTransId, request = {}) =>
      answerOf<PayAnswer>('POST', `${orderPath(appTransId)}/pay`, request, [409]),
    cancel: (appTransId) =>
      answerOf<CancelAnswer>('POST', `${orderPath(appTransId)}/cancel`, undefined, [409]),
    async payVietQr(request) {
      const { status, json } = await call<VietQrPayAnswer>(
        'POST',
        '/admin/vietqr/pay',
        request,
        [400, 404, 409],
      );
      return { status, body: json };
    },
    order: (appTransId, appId) =>
      answerOf<EmulatorOrder>(
        'GET',
        appId === undefined ? orderPath(appTransId) : `${orderPath(appTransId)}?app_id=${appId}`,
      ),
    orders: async () =>
      (await answerOf<{ now: number; orders: EmulatorOrder[] }>('GET', '/admin/orders')).orders,
    faults: () => answerOf<PendingFaults>('GET', '/admin/faults'),
    addFaults: (faults) => answerOf<PendingFaults>('POST', '/admin/faults', faults),
    clearFaults: () => answerOf<PendingFaults>('DELETE', '/admin/faults'),
    clock: () => answerOf<EmulatorClock>('GET', '/admin/clock'),
    setClock,
    advanceClock: (ms) => setClock({ advance_ms: ms }),
    setClockOffset: (ms) => setClock({ offset_ms: ms }),
    resetClock: () => setClock({ offset_ms: 0 }),
    settings: () => answerOf<EmulatorSettings>('GET', '/admin/settings'),
    updateSettings: (update) => answerOf<EmulatorSettings>('PUT', '/admin/settings', update),
    requests: async (appTransId) =>
      (
        await answerOf<{ requests: LoggedRequest[] }>(
          'GET',
          appTransId === undefined
            ? '/admin/requests'
            : `/admin/requests?app_trans_id=${encodeURIComponent(appTransId)}`,
        )
      ).requests,
    async settleCallbacks() {
      const answer = await answerOf<{ result: 'settled' | 'timeout' }>(
        'POST',
        '/admin/callbacks/settle',
        undefined,
        [504],
      );
      return answer.result;
    },
    async reset() {
      await answerOf<unknown>('POST', '/admin/reset');
    },
  };
}
