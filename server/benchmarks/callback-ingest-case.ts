// Case 1: unique valid callbacks for PENDING orders (MAC check, transition, ledger, outbox) at fixed rates
// and flat out, each load sent in the same run to the checkout and to the bare baseline, in turn.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/create-db';
import { atLeast, below, figure, type CaseResult, type Figure } from './benchmark-result';
import { signedCallbackBodies } from './callback-bodies';
import { runLoad, sequence, type LoadSummary } from './load-generator';
import { benchAppTransId, seedOrders } from './seed-orders';
import { postgresCpuMs, processCpuMs } from './process-cpu';
import { queryCount } from '../../db/query-rows';

const difference = (after: number | undefined, before: number | undefined) =>
  after === undefined || before === undefined ? undefined : after - before;

export interface CallbackIngestPlan {
  rates: number[];
  windowSeconds: number;
  warmUpSeconds: number;
  /** Connections for the fixed-rate loads, and for the flat-out load. */
  fixedRateConnections: number;
  flatOutConnections: number;
  /** Flat-out requests are capped by the orders left; this many are seeded per server. */
  ordersPerServer: number;
}

export const CALLBACK_PATH = '/api/zalopay/callback';
const TARGET_RATE = 1_000;
/** The share of an offered fixed rate a server must actually serve to be said to sustain it. */
export const KEEP_UP_SHARE = 0.95;
const SERVERS = [
  { name: 'baseline', tag: 'cbb' },
  { name: 'checkout', tag: 'cbc' },
] as const;
export type ServerName = (typeof SERVERS)[number]['name'];

export async function seedCallbackOrders(
  db: Database,
  server: ServerName,
  plan: CallbackIngestPlan,
): Promise<void> {
  const tag = SERVERS.find((s) => s.name === server)?.tag ?? '';
  await seedOrders(db, {
    tag,
    count: plan.ordersPerServer,
    status: 'PENDING',
    nextPollInSeconds: 86_400,
  });
}

/** Hands each load a fresh slice of the server's seeded orders, as signed callback bodies. */
function orderSlicer(tag: string, total: number, key2: string, batchBase: number) {
  let used = 0;
  let batch = batchBase;
  return {
    remaining: () => total - used,
    take(count: number): string[] {
      const take = Math.min(count, total - used);
      const bodies = signedCallbackBodies(
        { tag, first: used + 1, last: used + take, batchIndex: batch },
        key2,
      );
      used += take;
      batch += 1;
      return bodies;
    },
  };
}

export interface CallbackTargets {
  checkoutUrl: string;
  /** The servers' process ids, to read their CPU time. */
  pids: Record<ServerName, number>;
  baselineUrl: string;
  key2: string;
}

export async function runCallbackIngest(
  targets: CallbackTargets,
  plan: CallbackIngestPlan,
): Promise<{ result: CaseResult; acknowledged: Record<ServerName, number> | undefined }> {
  const urls: Record<ServerName, string> = {
    baseline: targets.baselineUrl,
    checkout: targets.checkoutUrl,
  };
  const slicers = {
    baseline: orderSlicer('cbb', plan.ordersPerServer, targets.key2, 0),
    checkout: orderSlicer('cbc', plan.ordersPerServer, targets.key2, 500),
  };
  const acknowledged: Record<ServerName, number> = { baseline: 0, checkout: 0 };
  let ranOut = false;

  async function load(
    server: ServerName,
    rate: number | undefined,
    seconds: number,
  ): Promise<LoadSummary> {
    const connections = rate ? plan.fixedRateConnections : plan.flatOutConnections;
    const wanted = rate ? rate * seconds + 2 * connections : slicers[server].remaining();
    const next = sequence(slicers[server].take(wanted));
    const summary = await runLoad({
      baseUrl: urls[server],
      method: 'POST',
      nextRequest: () => {
        const body = next();
        return body === undefined ? undefined : { path: CALLBACK_PATH, body };
      },
      connections,
      durationSeconds: seconds,
      ...(rate ? { ratePerSecond: rate } : {}),
    });
    acknowledged[server] += summary.ok;
    ranOut ||= summary.exhausted;
    return summary;
  }

  for (const server of SERVERS) await load(server.name, 200, plan.warmUpSeconds);

  const figures: Figure[] = [];
  for (const rate of plan.rates) {
    for (const server of SERVERS) {
      const summary = await load(server.name, rate, plan.windowSeconds);
      const atTarget = server.name === 'checkout' && rate === TARGET_RATE;
      figures.push(
        // A p99 means little if the server did not keep up: at the target rate it must serve 95 % of it.
        figure(
          `${server.name} at ${rate}/s: throughput`,
          summary.throughput,
          'req/s',
          atTarget ? atLeast(rate * KEEP_UP_SHARE) : undefined,
        ),
        figure(`${server.name} at ${rate}/s: p50`, summary.p50, 'ms'),
        figure(
          `${server.name} at ${rate}/s: p99`,
          summary.p99,
          'ms',
          atTarget ? below(50) : undefined,
        ),
        figure(
          `${server.name} at ${rate}/s: errors`,
          summary.errors,
          'req',
          atTarget ? below(1) : undefined,
        ),
      );
    }
  }

  const flatOut: Partial<Record<ServerName, LoadSummary>> = {};
  for (const server of SERVERS) {
    const serverCpuBefore = processCpuMs(targets.pids[server.name]);
    const databaseCpuBefore = postgresCpuMs();
    const summary = await load(server.name, undefined, plan.windowSeconds);
    const serverCpu = difference(processCpuMs(targets.pids[server.name]), serverCpuBefore);
    const databaseCpu = difference(postgresCpuMs(), databaseCpuBefore);
    flatOut[server.name] = summary;
    figures.push(
      figure(`${server.name} flat out: throughput`, summary.throughput, 'req/s'),
      figure(`${server.name} flat out: p50`, summary.p50, 'ms'),
      figure(`${server.name} flat out: p99`, summary.p99, 'ms'),
      figure(`${server.name} flat out: errors`, summary.errors, 'req'),
    );
    if (serverCpu !== undefined && summary.ok > 0) {
      figures.push(
        figure(
          `${server.name} flat out: its own CPU per callback`,
          (serverCpu * 1000) / summary.ok,
          'µs',
        ),
      );
    }
    if (databaseCpu !== undefined && summary.ok > 0) {
      figures.push(
        figure(
          `${server.name} flat out: PostgreSQL's CPU per callback`,
          (databaseCpu * 1000) / summary.ok,
          'µs',
        ),
      );
    }
  }
  const ratio = (flatOut.checkout?.throughput ?? 0) / (flatOut.baseline?.throughput ?? Number.NaN);
  figures.push(figure('checkout / baseline throughput, flat out', ratio * 100, '%', atLeast(70)));

  return {
    acknowledged: ranOut ? undefined : acknowledged,
    result: {
      id: 'callback-ingest',
      title: 'Callback ingest',
      figures,
      notes: [
        `Every request is a unique, validly signed callback for its own seeded PENDING order (pre-signed before the window). The checkout verifies the MAC and, in one statement (server/payments/pay-pending-order.ts), moves the order to PAID if it is PENDING with that app and amount, appends the ledger row and writes the fulfilment outbox row; then it announces the change with a NOTIFY shared with the other changes of that moment. Its fulfilment worker runs meanwhile.`,
        `The baseline (server/benchmarks/baseline-callback-server.ts) is the least work that could do the job: node:http, the same HMAC check, one \`UPDATE ... WHERE app_trans_id = $1 AND status = 'PENDING'\` with postgres.js (10 connections, like the checkout's pool).`,
        `Fixed rates: autocannon's overallRate over ${plan.fixedRateConnections} connections (each connection sends its share of the second back to back, then waits for the next second), ${plan.windowSeconds} s per load after a ${plan.warmUpSeconds} s warm-up at 200/s. Flat out: ${plan.flatOutConnections} connections, closed loop, ${plan.windowSeconds} s; this is the maximum sustainable rate. Baseline and checkout take turns, load by load. At the target rate the checkout must also serve at least ${KEEP_UP_SHARE * 100} % of what is offered: the p99 of a server that falls behind describes only the requests it got to.`,
        "Latencies are autocannon's (HdrHistogram, 1 ms resolution), of 2xx answers; errors count non-2xx answers, connection errors and timeouts.",
        "CPU per callback: user + system time over the flat-out window (Linux /proc), of the server's own process and of all PostgreSQL processes, divided by the callbacks answered 2xx. The load generator runs in the benchmark's process, on the same two cores.",
      ],
    },
  };
}

/** After the loads: every acknowledged callback must have left its order PAID, with one ledger row and one outbox row. */
export async function verifyCallbackEffects(
  db: Database,
  server: ServerName,
  acknowledged: number,
): Promise<Figure[]> {
  const tag = SERVERS.find((s) => s.name === server)?.tag ?? '';
  const prefix = `${benchAppTransId(tag, 0).slice(0, -1)}%`;
  const paid = await queryCount(
    db,
    sql`select count(*) as count from payment_orders where app_trans_id like ${prefix} and status = 'PAID'`,
  );
  const figures = [
    figure(
      `${server}: acknowledged callbacks whose order is not PAID`,
      acknowledged - paid,
      'orders',
      below(1),
    ),
  ];
  if (server === 'checkout') {
    const ledger = await queryCount(
      db,
      sql`select count(*) as count from payment_events e join payment_orders o on o.id = e.order_id where o.app_trans_id like ${prefix} and e.kind = 'callback'`,
    );
    const outbox = await queryCount(
      db,
      sql`select count(*) as count from fulfilments f join payment_orders o on o.id = f.order_id where o.app_trans_id like ${prefix}`,
    );
    figures.push(
      figure('checkout: PAID orders without their ledger row', paid - ledger, 'orders', below(1)),
      figure('checkout: PAID orders without their outbox row', paid - outbox, 'orders', below(1)),
    );
  }
  return figures;
}
