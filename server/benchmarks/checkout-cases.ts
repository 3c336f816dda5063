// The cases that load one running checkout (and the baselines beside it): their orders seeded first,
// then the checkout, the bare baseline and (on PostgreSQL) the durable baseline started as processes,
// each case run in turn, and the callbacks' effects counted in the database at the end.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { freePort } from '../testing/child-process-lifecycle';
import { attempt } from './attempt-case';
import type { CaseId } from './bench-arguments';
import { withHandle, type BenchDatabase } from './bench-database';
import type { Plan } from './bench-plan';
import type { CaseResult } from './benchmark-result';
import {
  runCallbackIngest,
  seedCallbackOrders,
  verifyCallbackEffects,
  type ServerName,
} from './callback-ingest-case';
import { startChildService, type ChildService } from './child-service';
import { startCheckoutChild } from './checkout-child';
import { buildClient, measureInitialScripts } from './client-bundle';
import { runCreatePayment } from './create-payment-case';
import { runDeployment } from './deployment-case';
import { DURABLE_OUTBOX_DDL } from './durable-baseline-schema';
import { benchApiKey, runMerchantApiCreate } from './merchant-api-case';
import { runProductList, seedCatalogue } from './product-list-case';
import { settleDatabase } from './settle-database';
import { runShopper } from './shopper-case';
import { runStatusReads, seedStatusOrders } from './status-read-case';

/** Seeds what the wanted checkout cases read; answers the merchant API key it stored (or ''). */
export async function seedCheckoutCases(
  database: BenchDatabase,
  plan: Plan,
  wanted: (id: CaseId) => boolean,
): Promise<string> {
  console.log(`bench: seeding orders (${database.driver})...`);
  let apiKey = '';
  await withHandle(database, 'app', async (db) => {
    if (wanted('merchant-api') || wanted('product-list')) apiKey = await benchApiKey(db);
    if (wanted('status-reads')) await seedStatusOrders(db, plan.status);
    if (wanted('callback-ingest')) {
      await seedCallbackOrders(db, 'checkout', plan.callbacks);
      if (database.driver === 'postgres') {
        await seedCallbackOrders(db, 'baseline', plan.callbacks);
        for (const statement of DURABLE_OUTBOX_DDL) await db.execute(sql.raw(statement));
        await seedCallbackOrders(db, 'durable', plan.callbacks);
      }
    }
  });
  if (database.driver === 'pglite' && wanted('callback-ingest')) {
    await withHandle(database, 'baseline', (db) =>
      seedCallbackOrders(db, 'baseline', plan.callbacks),
    );
  }
  return apiKey;
}

export interface CheckoutRunContext {
  scratch: string;
  key2: string;
  /** A merchant API key stored before the checkout started (the merchant-api and product-list cases). */
  apiKey: string;
  /** Started services are added here, so the caller's deadline and `finally` can stop them. */
  children: ChildService[];
  wanted: (id: CaseId) => boolean;
  profile: string | undefined;
}

/** The cases that load a running checkout (and the baselines), each started as its own process. */
export async function runCheckoutCases(
  database: BenchDatabase,
  plan: Plan,
  { scratch, key2, apiKey, children, wanted, profile }: CheckoutRunContext,
): Promise<CaseResult[]> {
  const cases: CaseResult[] = [];
  console.log('bench: building the client...');
  const clientDir = path.join(scratch, 'client');
  await buildClient(clientDir);
  const bundle = await measureInitialScripts(clientDir);

  const started = await startCheckoutChild({
    database,
    clientDir,
    nodeOptions: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  });
  const checkout = started.service;
  const { url: checkoutUrl, emulatorUrl } = started;
  children.push(checkout);
  const baselinePort = await freePort();
  const baseline = await startChildService({
    entry: 'server/benchmarks/baseline-callback-server.ts',
    args: [String(baselinePort)],
    env: database.childEnv('baseline'),
    readyUrl: `http://127.0.0.1:${baselinePort}/`,
  });
  children.push(baseline);
  // The durable baseline runs on PostgreSQL only, and only for the callback case.
  const durablePort = await freePort();
  const durable =
    database.driver === 'postgres' && wanted('callback-ingest')
      ? await startChildService({
          entry: 'server/benchmarks/durable-baseline-server.ts',
          args: [String(durablePort)],
          env: database.childEnv('app'),
          readyUrl: `http://127.0.0.1:${durablePort}/`,
        })
      : undefined;
  if (durable) children.push(durable);

  let acknowledged: { server: ServerName; bodies: Set<string> }[] = [];
  if (wanted('callback-ingest')) {
    cases.push(
      await attempt('callback-ingest', 'Callback ingest', async () => {
        const ingest = await runCallbackIngest(
          {
            servers: {
              baseline: { url: `http://127.0.0.1:${baselinePort}`, pid: baseline.pid },
              checkout: { url: checkoutUrl, pid: checkout.pid },
              ...(durable
                ? { durable: { url: `http://127.0.0.1:${durablePort}`, pid: durable.pid } }
                : {}),
            },
            key2,
          },
          plan.callbacks,
        );
        acknowledged = ingest.acknowledged;
        return ingest.result;
      }),
    );
  }
  if (database.driver === 'postgres' && cases.length > 0) {
    // The callbacks leave thousands of rows to deliver, vacuum and write back: not the next cases' work.
    // (A PGlite folder is held by the running checkout: it cannot be opened from here meanwhile.)
    await withHandle(database, 'app', (db) => settleDatabase(db, { drainOutbox: true }));
  }
  if (wanted('status-reads')) {
    cases.push(
      await attempt('status-reads', 'Status of closed orders', () =>
        runStatusReads(checkoutUrl, plan.status, checkout.pid),
      ),
    );
  }
  if (wanted('create-payment')) {
    cases.push(
      await attempt('create-payment', 'Merchant order + attempt 1 against the emulator', () =>
        runCreatePayment(
          { checkoutUrl, emulatorUrl, callbackUrl: `${checkoutUrl}/api/zalopay/callback` },
          plan.create,
        ),
      ),
    );
  }
  if (wanted('merchant-api')) {
    cases.push(
      await attempt('merchant-api', 'Merchant API order against the shop REST order', () =>
        runMerchantApiCreate(checkoutUrl, apiKey, plan.merchantApi),
      ),
    );
  }
  if (wanted('shopper')) {
    cases.push(
      await attempt('shopper', 'The shopper', () =>
        runShopper({ checkoutUrl, emulatorUrl }, bundle, plan.shopper),
      ),
    );
  }

  if (wanted('product-list')) {
    cases.push(
      await attempt('product-list', 'The shop’s menu of 500 products', async () => {
        const retire = await seedCatalogue(checkoutUrl, apiKey, plan.productList);
        try {
          return await runProductList(checkoutUrl, plan.productList, checkout.pid);
        } finally {
          await retire();
        }
      }),
    );
  }

  await durable?.stop();
  await baseline.stop();
  await checkout.stop();
  children.length = 0;
  if (wanted('deployment')) {
    cases.push(
      await attempt('deployment', 'As deployed: tracing, the proxy, the first load', () =>
        runDeployment(database, plan.deployment, { key2, clientDir, scratch }),
      ),
    );
  }

  const ingest = cases.find((c) => c.id === 'callback-ingest');
  if (ingest) {
    for (const { server, bodies } of acknowledged) {
      const role = database.driver === 'pglite' && server === 'baseline' ? 'baseline' : 'app';
      await withHandle(database, role, async (db) => {
        ingest.figures.push(...(await verifyCallbackEffects(db, server, bodies)));
      });
    }
  }
  return cases;
}
