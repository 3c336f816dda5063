// A span for each call to ZaloPay (a client span around the adapter's call, retries included), named for
// the endpoint and carrying the order's app_trans_id or the refund's m_refund_id.
import type { ZaloPayClient } from '../zalopay';
import { inSpan, ORDER_ATTRIBUTES } from './spans';

export function tracedZaloPayClient(client: ZaloPayClient): ZaloPayClient {
  return {
    createOrder: (request) =>
      inSpan('zalopay /v2/create', { [ORDER_ATTRIBUTES.appTransId]: request.appTransId }, () =>
        client.createOrder(request),
      ),
    queryOrder: (appTransId) =>
      inSpan('zalopay /v2/query', { [ORDER_ATTRIBUTES.appTransId]: appTransId }, () =>
        client.queryOrder(appTransId),
      ),
    cancelOrder: (appTransId) =>
      inSpan('zalopay /v2/cancel', { [ORDER_ATTRIBUTES.appTransId]: appTransId }, () =>
        client.cancelOrder(appTransId),
      ),
    refund: (request) =>
      inSpan('zalopay /v2/refund', { 'zalopay.m_refund_id': request.mRefundId }, () =>
        client.refund(request),
      ),
    queryRefund: (mRefundId) =>
      inSpan('zalopay /v2/query_refund', { 'zalopay.m_refund_id': mRefundId }, () =>
        client.queryRefund(mRefundId),
      ),
    listBanks: () => inSpan('zalopay /api/getlistmerchantbanks', {}, () => client.listBanks()),
  };
}
