// Case 2: reading the status of closed (PAID) orders, through tRPC getStatus and through the REST route
// GET /api/payment/status/:app_trans_id, at a fixed 2,000 requests/s and flat out.
import type { Database } from '../../db/create-db';
import { atLeast, below, figure, type CaseResult, type Figure } from './benchmark-result';
import { KEEP_UP_SHARE } from './callback-ingest-case';
import { cycle, runLoad } from './load-generator';
import { benchAppTransId, seedOrders } from './seed-orders';

export interface StatusReadPlan {
  rate: number;
  windowSeconds: number;
  warmUpSeconds: number;
  fixedRateConnections: number;
  flatOutConnections: number;
  orders: number;
}

const TAG = 'st';

export async function seedStatusOrders(db: Database, plan: StatusReadPlan): Promise<void> {
  await seedOrders(db, { tag: TAG, count: plan.orders, status: 'PAID', nextPollInSeconds: 86_400 });
}

function paths(plan: StatusReadPlan) {
  const ids = Array.from({ length: plan.orders }, (_, i) => benchAppTransId(TAG, i + 1));
  return {
    'tRPC getStatus': ids.map(
      (id) =>
        `/trpc/getStatus?input=${encodeURIComponent(JSON.stringify({ json: { appTransId: id } }))}`,
    ),
    'GET /api/payment/status': ids.map((id) => `/api/payment/status/${encodeURIComponent(id)}`),
  };
}

export async function runStatusReads(
  checkoutUrl: string,
  plan: StatusReadPlan,
): Promise<CaseResult> {
  const figures: Figure[] = [];
  for (const [endpoint, endpointPaths] of Object.entries(paths(plan))) {
    const next = cycle(endpointPaths);
    const load = (rate: number | undefined, seconds: number) =>
      runLoad({
        baseUrl: checkoutUrl,
        method: 'GET',
        nextRequest: () => ({ path: next() }),
        connections: rate ? plan.fixedRateConnections : plan.flatOutConnections,
        durationSeconds: seconds,
        ...(rate ? { ratePerSecond: rate } : {}),
      });
    await load(500, plan.warmUpSeconds);
    const fixed = await load(plan.rate, plan.windowSeconds);
    const flatOut = await load(undefined, plan.windowSeconds);
    figures.push(
      figure(
        `${endpoint} at ${plan.rate}/s: throughput`,
        fixed.throughput,
        'req/s',
        atLeast(plan.rate * KEEP_UP_SHARE),
      ),
      figure(`${endpoint} at ${plan.rate}/s: p50`, fixed.p50, 'ms'),
      figure(`${endpoint} at ${plan.rate}/s: p99`, fixed.p99, 'ms', below(20)),
      figure(`${endpoint} at ${plan.rate}/s: errors`, fixed.errors, 'req', below(1)),
      figure(`${endpoint} flat out: throughput`, flatOut.throughput, 'req/s'),
      figure(`${endpoint} flat out: p99`, flatOut.p99, 'ms'),
    );
  }
  return {
    id: 'status-reads',
    title: 'Status of closed orders',
    figures,
    notes: [
      `${plan.orders} seeded PAID orders, read in turn (a closed order is answered from the database alone: no ZaloPay query).`,
      `Fixed rate: autocannon's overallRate over ${plan.fixedRateConnections} connections, ${plan.windowSeconds} s after a ${plan.warmUpSeconds} s warm-up at 500/s; flat out: ${plan.flatOutConnections} connections, closed loop. At the fixed rate each endpoint must serve at least ${KEEP_UP_SHARE * 100} % of what is offered for its p99 to count. On PostgreSQL the run first lets the callback case's work settle (its fulfilment outbox delivered, then VACUUM ANALYZE and CHECKPOINT: server/benchmarks/settle-database.ts), as it does before the claims.`,
    ],
  };
}
