// The server's entry point (npm start): read the environment, start the checkout, and on SIGTERM or
// SIGINT stop accepting, finish what is in flight, release the poller's leases and exit 0, within
// SHUTDOWN_TIMEOUT_MS (connections still open are cut then) plus 5 s for the database to close.
// Usage: node dist/server/main.js [client folder, default dist/client] once `npm run build` has built
// it, or tsx server/main.ts [client folder] from the sources (npm run dev).
import { EnvError, loadEnv } from './env';
import { createLogger } from './logger';
import { createDb } from '../db/create-db';
import { isDatabaseConnectionError } from '../db/connection-errors';
import { PortUnavailableError } from './http/listen';
import { startLines } from './start-lines';

/** After SHUTDOWN_TIMEOUT_MS has cut every connection: the most closing the database and emulator may take. */
const CLOSE_GRACE_MS = 5_000;

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger({ level: env.log.level, pretty: env.log.pretty });
  // A lost database connection must not take the server down: whatever was in flight is retried by
  // design (ZaloPay resends callbacks, the poller re-queries). Any other unhandled rejection still exits.
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseConnectionError(reason)) {
      log.error({ err: reason, alert: 'database_connection_lost' }, 'database connection lost');
      return;
    }
    log.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
  // Opening the database (PGlite's WebAssembly Postgres boots) is the slowest step of a start: begin it
  // before loading the rest of the server, which then loads while it opens.
  const database = createDb({ databaseUrl: env.databaseUrl, dataDir: env.pgliteDataDir });
  database.catch(() => undefined); // not unhandled meanwhile: startCheckout awaits it and throws
  const { DEFAULT_CLIENT_DIR, startCheckout } = await import('./checkout-server');
  const clientDir = process.argv[2] ?? DEFAULT_CLIENT_DIR;
  const checkout = await startCheckout(env, log, { clientDir, database }).catch(
    (error: unknown) => {
      // A setting only the network can check (the webhook destination's addresses) is still a setting;
      // a port already taken is one line naming PORT or EMULATOR_PORT, not a stack.
      if (!(error instanceof EnvError) && !(error instanceof PortUnavailableError)) throw error;
      console.error(error.message);
      process.exit(1);
    },
  );
  for (const line of startLines(env, checkout)) log.info(line.fields, line.message);

  const shutdown = (signal: string) => {
    log.info({ signal, timeoutMs: env.shutdownTimeoutMs }, 'shutting down');
    setTimeout(() => {
      log.error({ signal }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, env.shutdownTimeoutMs + CLOSE_GRACE_MS).unref();
    checkout.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  // Started by another program with an IPC channel (the benchmarks): if it goes away, stop too.
  process.once('disconnect', () => shutdown('disconnect'));
}

await main();
