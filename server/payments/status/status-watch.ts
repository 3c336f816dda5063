// watch(): the live status stream behind the tRPC subscription. It yields the verified status now,
// then a fresh view each time Postgres announces a change to this order (a new status, or the phone's
// verified report of a decline or cancel: phone-report.ts), and ends at a final status.
import type { Database } from '../../../db/create-db';
import { findOrderByAppTransId } from '../attempts/attempt-queries';
import { isTerminal } from '../attempts/payment-state-machine';
import { toPaymentView, type PaymentView } from './payment-view';
import { readPhoneReport } from './phone-report';
import type { StatusChangeFeed } from './status-notifications';

export interface StatusWatchDeps {
  db: Database;
  feed: StatusChangeFeed;
  getStatus(appTransId: string): Promise<PaymentView | null>;
  now: () => Date;
}

export async function* watchStatus(
  deps: StatusWatchDeps,
  appTransId: string,
  callerSignal: AbortSignal,
): AsyncGenerator<PaymentView> {
  const signal = AbortSignal.any([callerSignal, deps.feed.closedSignal]);
  if (signal.aborted) return;
  let changed = false;
  let wake: (() => void) | null = null;
  const onChange = () => {
    changed = true;
    wake?.();
  };
  const onAbort = () => wake?.();

  // Subscribe before reading, so a change landing between the read and the first yield is not missed.
  const unsubscribe = await deps.feed.subscribe(appTransId, onChange);
  signal.addEventListener('abort', onAbort);
  try {
    const first = await deps.getStatus(appTransId);
    if (!first) return;
    yield first;
    if (isTerminal(first.status)) return;

    while (!signal.aborted) {
      if (!changed) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        if (signal.aborted) return;
      }
      changed = false;
      const order = await findOrderByAppTransId(deps.db, appTransId);
      if (!order) return;
      const phoneReport =
        order.status === 'PENDING' ? await readPhoneReport(deps.db, order.id) : null;
      yield toPaymentView(order, deps.now(), phoneReport);
      if (isTerminal(order.status)) return;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
