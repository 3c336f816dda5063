// The ZaloPay adapter a checkout talks through: every call timed and counted in the instance's metrics,
// and traced when tracing is on.
import type { Env } from './env';
import { createZaloPayClient, type ZaloPayClient } from './zalopay';
import type { CheckoutMetrics } from './observability/checkout-metrics';
import { meteredZaloPayClient } from './observability/metered-zalopay-client';
import { tracedZaloPayClient } from './telemetry/traced-zalopay-client';
import { tracingOn } from './telemetry/spans';

export interface ZaloPayEndpoints {
  apiBaseUrl: string;
  gatewayBaseUrl: string;
}

export function checkoutZaloPayClient(
  env: Env,
  endpoints: ZaloPayEndpoints,
  metrics: CheckoutMetrics,
  retries: { maxRetries?: number },
): ZaloPayClient {
  const adapter = meteredZaloPayClient(
    createZaloPayClient({
      appId: env.zalopay.appId,
      key1: env.zalopay.key1,
      key2: env.zalopay.key2,
      apiBaseUrl: endpoints.apiBaseUrl,
      gatewayBaseUrl: endpoints.gatewayBaseUrl,
      timeoutMs: env.zalopay.timeoutMs,
      cancelCodes: env.zalopay.cancelCodes,
      ...retries,
    }),
    metrics,
  );
  return tracingOn() ? tracedZaloPayClient(adapter) : adapter;
}
