// `npm run bench [-- --quick]`: measures the checkout on this machine (PostgreSQL when DATABASE_URL is set,
// PGlite otherwise) against the issue's targets and the least work that could do the same job, then
// writes docs/benchmarks.json and docs/benchmarks.md. It starts everything it needs and stops it again.
// `--only callback-ingest,startup` runs just those cases and prints their figures without writing docs;
// `--render` measures nothing: it re-renders docs/benchmarks.md from docs/benchmarks.json with the
// current notes of changes-made.ts (the figures stay those of the last run); `--profile DIR` has the
// checkout write a CPU profile there (node --cpu-prof) when it stops, to open in Chrome's DevTools.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/create-db';
import { createDb } from '../../db/create-db';
import { migrate } from '../../db/migrate';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import type { BenchmarkRun, CaseResult } from './benchmark-result';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import {
  runCallbackIngest,
  seedCallbackOrders,
  verifyCallbackEffects,
  type CallbackIngestPlan,
  type ServerName,
} from './callback-ingest-case';
import { CHANGES_MADE, OPEN_MISSES } from './changes-made';
import { startChildService, type ChildService } from './child-service';
import { DURABLE_OUTBOX_DDL } from './durable-baseline-schema';
import { freePort } from '../testing/child-process-lifecycle';
import { buildClient, measureInitialScripts } from './client-bundle';
import { runCreatePayment, type CreatePaymentPlan } from './create-payment-case';
import { benchApiKey, runMerchantApiCreate, type MerchantApiPlan } from './merchant-api-case';
import { describeMachine, loadAverage } from './machine-info';
import { runPollerClaim, type PollerClaimPlan } from './poller-claim-case';
import { formatNumber, renderMarkdown } from './report-markdown';
import { runShopper, type ShopperPlan } from './shopper-case';
import { runProductList, seedCatalogue, type ProductListPlan } from './product-list-case';
import { settleDatabase } from './settle-database';
import { runStartup, type StartupPlan } from './startup-case';
import { runStatusReads, seedStatusOrders, type StatusReadPlan } from './status-read-case';
import { runDeployment, type DeploymentPlan } from './deployment-case';

/** The whole run is bounded: past this, children are stopped and the run fails. */
const RUN_DEADLINE_MS = 25 * 60_000;

interface Plan {
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

function planFor(quick: boolean, driver: BenchDatabase['driver']): Plan {
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
      windowSeconds: quick ? 3 : 8,
      warmUpSeconds: quick ? 1 : 2,
      connections: 16,
      rounds: quick ? 2 : 3,
      ordersPerTarget: quick ? 30_000 : 60_000,
    },
  };
}

async function attempt(
  id: string,
  title: string,
  measure: () => Promise<CaseResult>,
): Promise<CaseResult> {
  const started = performance.now();
  console.log(`bench: ${title}...`);
  try {
    const result = await measure();
    console.log(`bench: ${title} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return result;
  } catch (error) {
    console.error(`bench: ${title} failed`, error);
    return {
      id,
      title,
      figures: [],
      notes: [`This case failed: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}

/** The URL without its password, to print in the report. */
function shownUrl(url: string): string {
  const shown = new URL(url);
  shown.password = '';
  return shown.href;
}

const CASE_IDS = [
  'callback-ingest',
  'status-reads',
  'create-payment',
  'shopper',
  'deployment',
  'merchant-api',
  'product-list',
  'poller-claim',
  'startup',
] as const;
type CaseId = (typeof CASE_IDS)[number];
/** The cases that run against one running checkout (the others open the database or start their own). */
const CHECKOUT_CASES: readonly CaseId[] = [
  'callback-ingest',
  'status-reads',
  'create-payment',
  'shopper',
  'deployment',
  'merchant-api',
  'product-list',
];

/** The cases named by `--only a,b` (all of them without it); an unknown name stops the run. */
function selectedCases(argv: readonly string[]): Set<CaseId> | undefined {
  const at = argv.indexOf('--only');
  if (at === -1) return undefined;
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(CASE_IDS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes a comma-separated list of: ${CASE_IDS.join(', ')}`);
  }
  return new Set(names as CaseId[]);
}

/** The folder named by `--profile DIR`, if given. */
function profileFolder(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--profile');
  if (at === -1) return undefined;
  const folder = argv[at + 1];
  if (!folder || folder.startsWith('--')) throw new Error('--profile takes a folder to write to');
  return path.resolve(folder);
}

async function renderAgain() {
  const run = JSON.parse(await readFile('docs/benchmarks.json', 'utf8')) as BenchmarkRun;
  const updated: BenchmarkRun = { ...run, changes: CHANGES_MADE, openMisses: OPEN_MISSES };
  await writeFile('docs/benchmarks.json', `${JSON.stringify(updated, null, 2)}\n`);
  await writeFile('docs/benchmarks.md', renderMarkdown(updated));
  console.log(`bench: re-rendered docs/benchmarks.md from the run of ${run.date}`);
}

async function main() {
  if (process.argv.includes('--render')) return renderAgain();
  const quick = process.argv.includes('--quick');
  const only = selectedCases(process.argv);
  const profile = profileFolder(process.argv);
  const wanted = (id: CaseId) => !only || only.has(id);
  const needsCheckout = CHECKOUT_CASES.some(wanted);
  // The benchmark is a tool, not the app: like server/testing/test-database.ts it reads DATABASE_URL itself.
  const serverUrl = process.env.DATABASE_URL || undefined;
  const command = `${serverUrl ? `DATABASE_URL=${shownUrl(serverUrl)} ` : ''}npm run bench${quick ? ' -- --quick' : ''}`;
  const loadAtStart = loadAverage();
  const startedAt = new Date();
  const started = performance.now();
  const key2 = PUBLIC_SANDBOX_APPS[0]?.key2 ?? '';

  const database = await createBenchDatabase(serverUrl);
  const plan = planFor(quick, database.driver);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'checkout-bench-client-'));
  const children: ChildService[] = [];
  const deadline = setTimeout(() => {
    console.error('bench: the run took too long; stopping');
    void Promise.all(children.map((child) => child.stop())).finally(() => process.exit(1));
  }, RUN_DEADLINE_MS);
  deadline.unref();

  const cases: CaseResult[] = [];
  try {
    if (needsCheckout) {
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
      cases.push(
        ...(await runCheckoutCases(database, plan, {
          scratch,
          key2,
          apiKey,
          children,
          wanted,
          profile,
        })),
      );
    }

    if (wanted('poller-claim')) {
      cases.push(
        await attempt('poller-claim', 'Poller claim and sweep', async () => {
          if (database.driver === 'postgres') {
            const handle = await database.open('app');
            try {
              return await runPollerClaim(handle, plan.poller);
            } finally {
              await handle.close();
            }
          }
          const handle = await createDb({ dataDir: 'memory://' });
          try {
            await migrate(handle);
            return await runPollerClaim(handle, plan.poller);
          } finally {
            await handle.close();
          }
        }),
      );
    }
    if (wanted('startup')) {
      cases.push(
        await attempt('startup', 'Start-up with the embedded database', () =>
          runStartup(plan.startup),
        ),
      );
    }

    const misses = cases.flatMap((c) => c.figures).filter((f) => f.verdict === 'miss');
    if (only) {
      for (const result of cases) {
        console.log(`\n${result.title}`);
        for (const f of result.figures) {
          console.log(
            `  ${f.name}: ${formatNumber(f.value)} ${f.unit}${f.verdict ? ` (${f.verdict})` : ''}`,
          );
        }
      }
      console.log(`bench: --only given, docs left as they were; ${misses.length} target(s) missed`);
      return;
    }
    const run: BenchmarkRun = {
      date: startedAt.toISOString(),
      command,
      quick,
      driver: database.driver,
      durationSeconds: (performance.now() - started) / 1000,
      machine: describeMachine(await database.version(), loadAtStart),
      cases,
      changes: CHANGES_MADE,
      openMisses: OPEN_MISSES,
    };
    await mkdir('docs', { recursive: true });
    await writeFile('docs/benchmarks.json', `${JSON.stringify(run, null, 2)}\n`);
    await writeFile('docs/benchmarks.md', renderMarkdown(run));
    console.log(
      `bench: wrote docs/benchmarks.md and docs/benchmarks.json; ${misses.length} target(s) missed`,
    );
    for (const miss of misses) console.log(`  miss: ${miss.name} = ${miss.value} ${miss.unit}`);
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
    clearTimeout(deadline);
  }
}

interface CheckoutRunContext {
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
async function runCheckoutCases(
  database: BenchDatabase,
  plan: Plan,
  { scratch, key2, apiKey, children, wanted, profile }: CheckoutRunContext,
): Promise<CaseResult[]> {
  const cases: CaseResult[] = [];
  console.log('bench: building the client...');
  const clientDir = path.join(scratch, 'client');
  await buildClient(clientDir);
  const bundle = await measureInitialScripts(clientDir);

  const port = await freePort();
  const emulatorPort = await freePort();
  const checkoutUrl = `http://127.0.0.1:${port}`;
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const checkout = await startChildService({
    entry: 'server/main.ts',
    args: [clientDir],
    nodeOptions: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    env: {
      ...database.childEnv('app'),
      NODE_ENV: 'production',
      // Production settings against the emulator: it must be asked for by name (docs/security.md).
      ZALOPAY_MODE: 'emulator',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: checkoutUrl,
      EMULATOR_PORT: String(emulatorPort),
      LOG_LEVEL: 'warn',
      // The benchmark is one client sending far more creates than a shopper could: no rate limit.
      CREATE_RATE_LIMIT_PER_MINUTE: '0',
      ORDER_RATE_LIMIT_PER_MINUTE: '0',
      MERCHANT_API_REQUESTS_PER_MINUTE: '0',
    },
    readyUrl: `${checkoutUrl}/healthz`,
  });
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

async function withHandle<T>(
  database: BenchDatabase,
  role: 'app' | 'baseline',
  work: (db: DatabaseHandle['db']) => Promise<T>,
): Promise<T> {
  const handle = await database.open(role);
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

await main();
