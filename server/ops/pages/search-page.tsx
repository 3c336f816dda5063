// /ops: find merchant orders by reference, app_trans_id or zp_trans_id (or a day's prefix) and status,
// each listed with its payment attempts.
import {
  SEARCH_RESULT_LIMIT,
  MERCHANT_ORDER_STATUSES,
  type MerchantOrderRow,
  type MerchantOrderStatus,
} from '../operator-queries';
import { AttemptFlags, AttemptLink } from './attempt-parts';
import { ORDER_STATUS_WORDS, vnd } from './display-words';
import { PageLayout } from './page-layout';
import { VietnamTime } from './vietnam-time';

export interface SearchPageModel {
  text: string;
  status: MerchantOrderStatus | undefined;
  orders: MerchantOrderRow[];
}

function OrderRow({ order, attempts }: MerchantOrderRow) {
  return (
    <tr>
      <td>
        <a href={`/ops/merchant-orders/${encodeURIComponent(order.id)}`}>
          <code>{order.id}</code>
        </a>
      </td>
      <td>{ORDER_STATUS_WORDS[order.status]}</td>
      <td>{vnd(order.total)}</td>
      <td>
        {attempts.map((attempt) => (
          <div key={attempt.id}>
            <AttemptLink attempt={attempt} /> {attempt.status}
            {attempt.zpTransId && <small>{` zp ${attempt.zpTransId}`}</small>}{' '}
            <AttemptFlags attempt={attempt} />
          </div>
        ))}
      </td>
      <td>
        <VietnamTime at={order.createdAt} />
      </td>
    </tr>
  );
}

export function SearchPage({ text, status, orders }: SearchPageModel) {
  return (
    <PageLayout title="Orders" signedIn>
      <h1>Orders</h1>
      <form method="get" action="/ops" className="inline" role="search">
        <label>
          Order reference, app_trans_id or zp_trans_id{' '}
          <input name="q" defaultValue={text} size={36} />
        </label>
        <label>
          Order status{' '}
          <select name="status" defaultValue={status ?? ''}>
            <option value="">any</option>
            {MERCHANT_ORDER_STATUSES.map((option) => (
              <option key={option} value={option}>
                {ORDER_STATUS_WORDS[option]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      <p>
        {`${orders.length} merchant order(s) with their payment attempts, newest first (at most ${SEARCH_RESULT_LIMIT}). `}
        A day&apos;s orders: search its prefix, e.g. <code>240101_</code>.
      </p>
      <table>
        <thead>
          <tr>
            <th>Order</th>
            <th>Status</th>
            <th>Total</th>
            <th>Payment attempts (app_trans_id, status)</th>
            <th>Created at</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((row) => (
            <OrderRow key={row.order.id} {...row} />
          ))}
        </tbody>
      </table>
    </PageLayout>
  );
}
