// The payments domain's settings: order bounds and lifetime, and the timings of the poller and status cache.
// Grouped as server/env/ groups them, so a setting has one name from the environment to its reader:
// POLL_INTERVAL_MS is env.poller.intervalMs and config.poller.intervalMs. Tests build one with short timings.
import { CALLBACK_PATH } from './callbacks/callback-path';
import { LATE_CHECK_DELAYS_MS } from './polling/late-payment-checks';

/** The ORDER_* settings: what every order is created with. */
export interface OrderSettings {
  /** app_user sent with every order (ZaloPay requires one; we have no shopper accounts). */
  appUser: string;
  /** Accepted amounts in VND, inclusive. */
  minAmount: number;
  maxAmount: number;
  /** expire_duration_seconds sent to ZaloPay (300 to 2 592 000). */
  expireSeconds: number;
}

/** The POLL_*, QUERY_RATE_PER_SECOND, EXPIRY_GRACE_MS and STATUS_CACHE_MS settings: when ZaloPay is asked. */
export interface PollerSettings {
  /** How often one PENDING order is queried (ZaloPay suggests about once a minute). */
  intervalMs: number;
  /** How often the poller wakes to look for due orders. */
  tickMs: number;
  /** Orders claimed per tick. */
  batchSize: number;
  /** Queries in flight at once, per instance. */
  concurrency: number;
  /** Outbound query budget per instance (token bucket). */
  queryRatePerSecond: number;
  /** Wait after expires_at before the final query, for payments finishing at the last second. */
  expiryGraceMs: number;
  /** How long a claimed order stays reserved for the instance that claimed it. */
  leaseMs: number;
  /** getStatus asks ZaloPay about a PENDING order at most once per this window (per instance). */
  statusCacheMs: number;
  /**
   * After this long from its app_time, an attempt ZaloPay answers "not found" for (and never gave us a
   * link for) is closed as FAILED instead of being queried until it expires: its create never arrived.
   */
  createNotFoundCloseMs: number;
  /** Waits before each late-payment check of a closed attempt (late-payment-checks.ts). */
  lateCheckDelaysMs: readonly number[];
}

export interface PaymentsConfig {
  /** ZaloPay app id the orders are made for; a callback for another app is not ours to apply. */
  appId: number;
  /** callback_url = `${publicBaseUrl}${CALLBACK_PATH}` (callback-path.ts), redirecturl = `${publicBaseUrl}/order/confirmation`. */
  publicBaseUrl: string;
  orders: OrderSettings;
  poller: PollerSettings;
}

/** Everything except what only the deployment knows (app id, public URL, amount bounds). */
export const PAYMENTS_TIMING_DEFAULTS = {
  orders: { appUser: 'zalopay-checkout-demo', expireSeconds: 900 },
  poller: {
    intervalMs: 60_000,
    tickMs: 1_000,
    batchSize: 50,
    concurrency: 8,
    queryRatePerSecond: 20,
    expiryGraceMs: 30_000,
    leaseMs: 30_000,
    statusCacheMs: 2_000,
    createNotFoundCloseMs: 900_000,
    lateCheckDelaysMs: LATE_CHECK_DELAYS_MS,
  },
} as const satisfies {
  orders: Omit<OrderSettings, 'minAmount' | 'maxAmount'>;
  poller: PollerSettings;
};

export function callbackUrlOf(config: PaymentsConfig): string {
  return `${withoutTrailingSlash(config.publicBaseUrl)}${CALLBACK_PATH}`;
}

export function redirectUrlOf(config: PaymentsConfig): string {
  return `${withoutTrailingSlash(config.publicBaseUrl)}/order/confirmation`;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
