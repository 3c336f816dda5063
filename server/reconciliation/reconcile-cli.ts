// npm run reconcile -- --date YYYY-MM-DD [--repair]: compares every order of that Vietnam day with
// ZaloPay and prints the report (logic in reconciliation.ts). Exit code 0 only when fully reconciled.
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createDb } from '../../db/create-db';
import { EnvError, loadEnv } from '../env';
import { createLogger } from '../logger';
import { createPaymentsEvents } from '../payments/domain-events';
import { createZaloPayClient } from '../zalopay';
import { paymentEventLog } from '../observability/payment-event-log';
import { formatReconciliationReport, isReconciled, reconcileDay } from './reconciliation';

const USAGE = 'usage: npm run reconcile -- --date YYYY-MM-DD [--repair]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { date: { type: 'string' }, repair: { type: 'boolean', default: false } },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (!args.date) {
    console.error(USAGE);
    return 2;
  }
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    return 2;
  }
  // The report goes to stdout; log lines (JSON) to stderr.
  const log = createLogger({ level: env.log.level, destination: pino.destination(2) });
  // In emulator mode, the emulator embedded in a running `npm start`.
  const apiBaseUrl = env.zalopay.apiBaseUrl ?? `http://127.0.0.1:${env.emulator.port}`;
  const zalopay = createZaloPayClient({
    appId: env.zalopay.appId,
    key1: env.zalopay.key1,
    key2: env.zalopay.key2,
    apiBaseUrl,
    gatewayBaseUrl: env.zalopay.gatewayBaseUrl ?? apiBaseUrl,
    timeoutMs: env.zalopay.timeoutMs,
  });
  // A repair logs 'payment order changed' as the running checkout does.
  const events = createPaymentsEvents(log);
  events.subscribe(paymentEventLog(log));
  const db = await createDb({ databaseUrl: env.databaseUrl, dataDir: env.pgliteDataDir });
  try {
    const report = await reconcileDay(
      { db: db.db, zalopay, log, expiryGraceMs: env.poller.expiryGraceMs, events },
      { date: args.date, repair: args.repair },
    );
    console.log(formatReconciliationReport(report));
    return isReconciled(report) ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
