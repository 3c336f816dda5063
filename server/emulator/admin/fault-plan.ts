// Faults that chaos tests ask for through POST /admin/faults: what happens to the next N callbacks
// (dropped, duplicated, delayed, reordered, wrongly signed) and to the next N API calls (5xx, timeout,
// rate limit, or a payment of the named order just before the call). Each fault is used up as it
// applies; GET /admin/faults shows what is still pending.
import { z } from 'zod';

export const API_ENDPOINTS = [
  'create',
  'query',
  'cancel',
  'refund',
  'query_refund',
  'banks',
] as const;
export type ApiEndpoint = (typeof API_ENDPOINTS)[number];

const count = z.int().min(0).max(10_000);

const apiFaultSchema = z.strictObject({
  /** `pay_first`: the order the call names is paid (wallet) just before the call is handled: a race. */
  fault: z.enum(['5xx', 'timeout', 'rate_limit', 'pay_first']),
  count: z.int().min(1).max(10_000).default(1),
  endpoints: z.array(z.enum(API_ENDPOINTS)).min(1).optional(),
  /** HTTP status of a 5xx fault. */
  status: z.int().min(500).max(599).default(503),
});

export const faultsRequestSchema = z.strictObject({
  callbacks: z
    .strictObject({
      drop: count,
      duplicate: count,
      corruptMac: count,
      reorder: count,
      delayMs: z.int().min(0).max(600_000),
      /** How many callbacks delayMs applies to; without it, every callback until DELETE /admin/faults. */
      delayCount: count,
    })
    .partial()
    .optional(),
  api: z.union([apiFaultSchema, z.array(apiFaultSchema)]).optional(),
});
export type FaultsRequest = z.infer<typeof faultsRequestSchema>;

export type ApiFaultKind = z.infer<typeof apiFaultSchema>['fault'];

export interface ApiFault {
  fault: ApiFaultKind;
  status: number;
}

interface PendingApiFault extends ApiFault {
  remaining: number;
  endpoints: ApiEndpoint[] | null;
}

/** The faults that apply to one callback. */
export interface CallbackFaults {
  drop: boolean;
  duplicate: boolean;
  corruptMac: boolean;
  reorder: boolean;
  delayMs: number;
}

interface PendingCallbackFaults {
  drop: number;
  duplicate: number;
  corruptMac: number;
  reorder: number;
  delayMs: number;
  /** Callbacks the delay still applies to; null: all of them. */
  delayCount: number | null;
}

const noCallbackFaults = (): PendingCallbackFaults => ({
  drop: 0,
  duplicate: 0,
  corruptMac: 0,
  reorder: 0,
  delayMs: 0,
  delayCount: null,
});

export class FaultPlan {
  private callbacks = noCallbackFaults();
  private api: PendingApiFault[] = [];

  /** Adds to what is pending: counts add up, a new delayMs replaces the old one. */
  add(request: FaultsRequest): void {
    const callbacks = request.callbacks ?? {};
    this.callbacks.drop += callbacks.drop ?? 0;
    this.callbacks.duplicate += callbacks.duplicate ?? 0;
    this.callbacks.corruptMac += callbacks.corruptMac ?? 0;
    this.callbacks.reorder += callbacks.reorder ?? 0;
    if (callbacks.delayMs !== undefined) {
      this.callbacks.delayMs = callbacks.delayMs;
      this.callbacks.delayCount = callbacks.delayCount ?? null;
    }
    const apiFaults =
      request.api === undefined ? [] : Array.isArray(request.api) ? request.api : [request.api];
    for (const fault of apiFaults) {
      this.api.push({
        fault: fault.fault,
        status: fault.status,
        remaining: fault.count,
        endpoints: fault.endpoints ?? null,
      });
    }
  }

  /** Uses up the first pending fault that applies to this endpoint, if any. */
  takeApiFault(endpoint: ApiEndpoint): ApiFault | null {
    const pending = this.api.find(
      (fault) => fault.endpoints === null || fault.endpoints.includes(endpoint),
    );
    if (!pending) return null;
    pending.remaining -= 1;
    if (pending.remaining <= 0) this.api.splice(this.api.indexOf(pending), 1);
    return { fault: pending.fault, status: pending.status };
  }

  /** Uses up the callback faults that apply to the next callback. A dropped callback uses nothing else. */
  takeCallbackFaults(): CallbackFaults {
    const c = this.callbacks;
    if (c.drop > 0) {
      c.drop -= 1;
      return { drop: true, duplicate: false, corruptMac: false, reorder: false, delayMs: 0 };
    }
    const take = (name: 'duplicate' | 'corruptMac' | 'reorder') => {
      if (c[name] <= 0) return false;
      c[name] -= 1;
      return true;
    };
    let delayMs = 0;
    if (c.delayMs > 0 && (c.delayCount === null || c.delayCount > 0)) {
      delayMs = c.delayMs;
      if (c.delayCount !== null) c.delayCount -= 1;
    }
    return {
      drop: false,
      duplicate: take('duplicate'),
      corruptMac: take('corruptMac'),
      reorder: take('reorder'),
      delayMs,
    };
  }

  /** How many more callbacks the current reorder group will hold. */
  pendingReorders(): number {
    return this.callbacks.reorder;
  }

  view() {
    return {
      callbacks: { ...this.callbacks },
      api: this.api.map(({ fault, status, remaining, endpoints }) => ({
        fault,
        status,
        remaining,
        endpoints,
      })),
    };
  }

  clear(): void {
    this.callbacks = noCallbackFaults();
    this.api = [];
  }
}
