// A ZaloPay create that times out is an operator's business: a warning naming the app_trans_id (not only
// the access line) and orders_created_total{outcome="timeout"} in the metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayUnavailableError } from '../payments/errors';
import { capturedLog } from '../testing/captured-log';
import { startServiceHarness, type ServiceHarness } from '../testing/service-harness';
import { createCheckoutMetrics } from './checkout-metrics';
import { meteredZaloPayClient } from './metered-zalopay-client';

describe('a ZaloPay create that times out', () => {
  const captured = capturedLog('info');
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startServiceHarness('pglite', { log: captured.log, zalopayTimeoutMs: 1_000 });
  });
  afterAll(() => harness?.close());

  it('logs a warning with its app_trans_id', async () => {
    const order = await harness.service.createOrder([{ sku: 'banh-mi', quantity: 1 }]);
    await harness.addFaults({ api: { fault: 'timeout', count: 1, endpoints: ['create'] } });
    try {
      const error = await harness.service
        .payOrder(order.orderId)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GatewayUnavailableError);
      const appTransId = (error as GatewayUnavailableError).appTransId;
      const warning = captured
        .lines()
        .find(
          (line) => line.msg === 'ZaloPay create timed out; the order stays PENDING for the poller',
        );
      expect(warning).toMatchObject({ level: 40, appTransId, timeoutMs: 1_000 });
    } finally {
      await harness.clearFaults();
    }
  }, 30_000);

  it('counts it in orders_created_total as outcome="timeout"', async () => {
    const metrics = createCheckoutMetrics({
      countPendingPastExpiry: () => Promise.resolve(0),
      oldestUndeliveredWebhookSeconds: () => Promise.resolve(0),
      processMetrics: false,
    });
    const metered = meteredZaloPayClient(harness.zalopay, metrics);
    const order = await harness.service.createOrder([{ sku: 'banh-mi', quantity: 1 }]);
    const attempt = await harness.service.payOrder(order.orderId);
    await harness.addFaults({ api: { fault: 'timeout', count: 1, endpoints: ['create'] } });
    try {
      await expect(
        metered.createOrder({
          appTransId: `${attempt.appTransId}x`,
          appUser: 'metrics-test',
          amount: 1_000,
          appTime: Date.now(),
          description: 'Timeout counted',
          item: '[]',
          embedData: '{}',
          bankCode: 'zalopayapp',
          callbackUrl: 'http://127.0.0.1:1/callback',
          expireDurationSeconds: 900,
        }),
      ).rejects.toThrow(/did not answer within 1000 ms/);
    } finally {
      await harness.clearFaults();
    }
    const text = await metrics.registry.metrics();
    expect(text).toContain('zalopay_checkout_orders_created_total{outcome="timeout"} 1');
  }, 30_000);
});
