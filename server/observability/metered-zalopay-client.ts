// A ZaloPayClient decorator that times every call and counts failures by endpoint, so the adapter in
// server/zalopay stays free of the app's metrics. Same interface in, same interface out.
import { ZaloPayError, ZaloPayTimeoutError, type ZaloPayClient } from '../zalopay';
import type { CheckoutMetrics } from './checkout-metrics';

type Endpoint = keyof ZaloPayClient;

const ENDPOINT_PATHS: Record<Endpoint, string> = {
  createOrder: '/v2/create',
  queryOrder: '/v2/query',
  cancelOrder: '/v2/cancel',
  refund: '/v2/refund',
  queryRefund: '/v2/query_refund',
  listBanks: '/api/getlistmerchantbanks',
};

export function meteredZaloPayClient(
  client: ZaloPayClient,
  metrics: CheckoutMetrics,
): ZaloPayClient {
  async function timed<T>(endpoint: Endpoint, call: () => Promise<T>): Promise<T> {
    const path = ENDPOINT_PATHS[endpoint];
    const stopTimer = metrics.gatewayRequestSeconds.startTimer({ endpoint: path });
    try {
      const answer = await call();
      stopTimer({ outcome: 'ok' });
      return answer;
    } catch (error) {
      const name = error instanceof ZaloPayError ? error.name : 'UnexpectedError';
      stopTimer({ outcome: name });
      metrics.gatewayErrors.inc({ endpoint: path, error: name });
      throw error;
    }
  }

  return {
    async createOrder(request) {
      try {
        const outcome = await timed('createOrder', () => client.createOrder(request));
        metrics.ordersCreated.inc({ outcome: outcome.kind });
        return outcome;
      } catch (error) {
        // No answer in time: ZaloPay may have created it; the poller finds out (submit-attempt.ts).
        if (error instanceof ZaloPayTimeoutError) metrics.ordersCreated.inc({ outcome: 'timeout' });
        throw error;
      }
    },
    queryOrder: (appTransId) => timed('queryOrder', () => client.queryOrder(appTransId)),
    refund: (request) => timed('refund', () => client.refund(request)),
    queryRefund: (mRefundId) => timed('queryRefund', () => client.queryRefund(mRefundId)),
    listBanks: () => timed('listBanks', () => client.listBanks()),
    cancelOrder: (appTransId) => timed('cancelOrder', () => client.cancelOrder(appTransId)),
  };
}
