// How much each case of `npm run bench` does: a full run, or a shorter `--quick` one; the history the
// poller's claims run against is scaled down on PGlite.
import type { BenchDatabase } from './bench-database';
import type { CallbackIngestPlan } from './callback-ingest-case';
import type { CreatePaymentPlan } from './create-payment-case';
import type { DeploymentPlan } from './deployment-case';
import type { MerchantApiPlan } from './merchant-api-case';
import type { PollerClaimPlan } from './poller-claim-case';
import type { ProductListPlan } from './product-list-case';
import type { ShopperPlan } from './shopper-case';
import type { StartupPlan } from './startup-case';
import type { StatusReadPlan } from './status-read-case';

export interface Plan {
  callbacks: CallbackIngestPlan;
  status: StatusReadPlan;
  create: CreatePaymentPlan;
  merchantApi: MerchantApiPlan;
  productList: ProductListPlan;
  poller: PollerClaimPlan;
  shopper: ShopperPlan;
  startup: StartupPlan;
  deployment: DeploymentPlan;
}

export function planFor(quick: boolean, driver: BenchDatabase['driver']): Plan {
  const window = quick ? 3 : 10;
  const history = driver === 'postgres' ? (quick ? 100_000 : 1_000_000) : quick ? 20_000 : 100_000;
  return {
    callbacks: {
      rates: [250, 500, 1_000],
      windowSeconds: window,
      warmUpSeconds: quick ? 1 : 3,
      fixedRateConnections: 10,
      flatOutConnections: 32,
      ordersPerServer: quick ? 20_000 : 80_000,
    },
    status: {
      rate: 2_000,
      windowSeconds: window,
      warmUpSeconds: quick ? 1 : 2,
      // autocannon sends each connection's share of a second back to back, one request at a time, so the
      // latency at a fixed rate is about connections / the server's best rate (Little's law): 32 would
      // measure the load generator's bursts more than the server.
      fixedRateConnections: 10,
      flatOutConnections: 32,
      flatOutRounds: 3,
      orders: 1_000,
    },
    create: { warmUp: quick ? 5 : 20, rounds: quick ? 50 : 300 },
    merchantApi: { warmUp: quick ? 5 : 20, rounds: quick ? 50 : 300 },
    productList: {
      products: 500,
      rate: 2_000,
      windowSeconds: window,
      warmUpSeconds: quick ? 1 : 2,
      // As the status reads: at a fixed rate, more connections measure autocannon's bursts.
      fixedRateConnections: 10,
      flatOutConnections: 32,
    },
    poller: {
      dueOrders: quick ? 2_000 : 10_000,
      historicalOrders: history,
      ...(history < 1_000_000
        ? {
            historyNote: `Scaled down from 1,000,000 (${quick ? '--quick' : 'PGlite: an in-process WASM database, a million-row insert is not what it is for'}).`,
          }
        : {}),
      claimsPerPass: 250,
      sweepWindowSeconds: quick ? 8 : 30,
    },
    shopper: { iterations: quick ? 5 : 20, warmUp: quick ? 1 : 2 },
    startup: { runs: quick ? 2 : 5 },
    deployment: {
      windowSeconds: quick ? 3 : 6,
      warmUpSeconds: quick ? 1 : 2,
      connections: 16,
      rounds: quick ? 2 : 5,
      ordersPerTarget: quick ? 30_000 : 80_000,
    },
  };
}
