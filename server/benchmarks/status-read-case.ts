// Case 2: reading the status of closed (PAID) orders, through tRPC getStatus and through the REST route
// GET /api/payment/status/:app_trans_id, at a fixed 2,000 requests/s and flat out.
import type { Database } from '../../db/create-db';
import { atLeast, figure, type CaseResult, type Figure } from './benchmark-result';
import { fixedRateFigures, flatOutWindow, KEEP_UP_SHARE, rateLoad } from './fixed-rate-load';
import { cycle } from './load-generator';
import { benchAppTransId, seedOrders } from './seed-orders';

export interface StatusReadPlan {
  rate: number;
  windowSeconds: number;
  warmUpSeconds: number;
  fixedRateConnections: number;
  flatOutConnections: number;
  /** Flat-out windows per endpoint, taken in turn; the median window is reported. */
  flatOutRounds: number;
  orders: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

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
  /** The checkout's process: its CPU time per read is measured (what a loaded machine does not skew). */
  checkoutPid?: number,
): Promise<CaseResult> {
  const figures: Figure[] = [];
  const endpoints = Object.entries(paths(plan)).map(([endpoint, endpointPaths]) => {
    const next = cycle(endpointPaths);
    const load = rateLoad(plan, {
      baseUrl: checkoutUrl,
      method: 'GET',
      nextRequest: () => ({ path: next() }),
    });
    return { endpoint, load, flatOut: [] as { throughput: number; p99: number; cpuUs: number }[] };
  });
  // Each path warms up in turn before anything is measured (they share one cache of paid orders).
  for (const { load } of endpoints) await load(500, plan.warmUpSeconds);
  for (const { endpoint, load } of endpoints) {
    const fixed = await load(plan.rate, plan.windowSeconds);
    figures.push(...fixedRateFigures(endpoint, plan.rate, fixed, 20));
  }
  // Flat out, the two take turns window by window, so a busy moment of a shared machine hits both.
  for (let round = 0; round < plan.flatOutRounds; round += 1) {
    for (const endpoint of endpoints) {
      const { summary, cpuUsPerAnswer } = await flatOutWindow(
        endpoint.load,
        plan.windowSeconds,
        checkoutPid,
      );
      endpoint.flatOut.push({
        throughput: summary.throughput,
        p99: summary.p99,
        cpuUs: cpuUsPerAnswer ?? 0,
      });
    }
  }
  const medians = endpoints.map(({ endpoint, flatOut }) => ({
    endpoint,
    throughput: median(flatOut.map((window) => window.throughput)),
    p99: median(flatOut.map((window) => window.p99)),
    cpuUs: median(flatOut.map((window) => window.cpuUs)),
  }));
  for (const { endpoint, throughput, p99, cpuUs } of medians) {
    figures.push(
      figure(`${endpoint} flat out: throughput`, throughput, 'req/s'),
      figure(`${endpoint} flat out: p99`, p99, 'ms'),
    );
    if (checkoutPid !== undefined) {
      figures.push(figure(`${endpoint} flat out: checkout CPU per read`, cpuUs, 'µs'));
    }
  }
  const [trpc, rest] = medians;
  if (trpc && rest && rest.throughput > 0) {
    figures.push(
      figure(
        'tRPC getStatus flat out, share of REST',
        (trpc.throughput / rest.throughput) * 100,
        '%',
        atLeast(50),
      ),
    );
  }
  return {
    id: 'status-reads',
    title: 'Status of closed orders',
    figures,
    notes: [
      `${plan.orders} seeded PAID orders, read in turn (a closed order is answered from the database alone: no ZaloPay query).`,
      `Fixed rate: autocannon's overallRate over ${plan.fixedRateConnections} connections, ${plan.windowSeconds} s after a ${plan.warmUpSeconds} s warm-up at 500/s through each endpoint; flat out: ${plan.flatOutConnections} connections, closed loop, ${plan.flatOutRounds} windows per endpoint taken in turn, the median shown. At the fixed rate each endpoint must serve at least ${KEEP_UP_SHARE * 100} % of what is offered for its p99 to count. On PostgreSQL the run first lets the callback case's work settle (its fulfilment outbox delivered, then VACUUM ANALYZE and CHECKPOINT: server/benchmarks/settle-database.ts), as it does before the claims.`,
    ],
  };
}
