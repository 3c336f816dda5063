// The checkout as the benchmark runs it: exactly what server/main.ts composes (startCheckout from the
// environment), but serving the client the benchmark built into its own folder (argv[2]), not dist/client.
import { loadEnv } from '../env';
import { createLogger } from '../logger';
import { startCheckout } from '../checkout-server';

const clientDir = process.argv[2];
const env = loadEnv();
const log = createLogger({ level: env.log.level });
const checkout = await startCheckout(env, log, { clientDir });

const shutdown = () => {
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
// Started by the benchmark with an IPC channel: if the benchmark dies, stop too.
process.once('disconnect', shutdown);
