// The payments domain's settings: order bounds and lifetime, and the timings of the poller and status cache.
// server/env.ts builds one from the environment; tests build one with short timings.

export interface PaymentsConfig {
  /** ZaloPay app id the orders are made for; a callback for another app is not ours to apply. */
  appId: number;
  /** callback_url = `${publicBaseUrl}/api/zalopay/callback`, redirecturl = `${publicBaseUrl}/order/confirmation`. */
  publicBaseUrl: string;
  /** app_user sent with every order (ZaloPay requires one; we have no shopper accounts). */
  appUser: string;
  /** Accepted amounts in VND, inclusive. */
  minAmount: number;
  maxAmount: number;
  /** expire_duration_seconds sent to ZaloPay (300 to 2 592 000). */
  expireDurationSeconds: number;
  /** How often one PENDING order is queried (ZaloPay suggests about once a minute). */
  pollIntervalMs: number;
  /** How often the poller wakes to look for due orders. */
  pollTickMs: number;
  /** Orders claimed per tick. */
  pollBatchSize: number;
  /** Queries in flight at once, per instance. */
  pollConcurrency: number;
  /** Outbound query budget per instance (token bucket). */
  queryRatePerSecond: number;
  /** Wait after expires_at before the final query, for payments finishing at the last second. */
  expiryGraceMs: number;
  /** How long a claimed order stays reserved for the instance that claimed it. */
  leaseMs: number;
  /** getStatus asks ZaloPay about a PENDING order at most once per this window (per instance). */
  statusCacheMs: number;
}

/** Everything except what only the deployment knows (app id, public URL, amount bounds). */
export const PAYMENTS_TIMING_DEFAULTS = {
  appUser: 'zalopay-checkout-demo',
  expireDurationSeconds: 900,
  pollIntervalMs: 60_000,
  pollTickMs: 1_000,
  pollBatchSize: 50,
  pollConcurrency: 8,
  queryRatePerSecond: 20,
  expiryGraceMs: 30_000,
  leaseMs: 30_000,
  statusCacheMs: 2_000,
} as const satisfies Partial<PaymentsConfig>;

export function callbackUrlOf(config: PaymentsConfig): string {
  return `${withoutTrailingSlash(config.publicBaseUrl)}/api/zalopay/callback`;
}

export function redirectUrlOf(config: PaymentsConfig): string {
  return `${withoutTrailingSlash(config.publicBaseUrl)}/order/confirmation`;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
