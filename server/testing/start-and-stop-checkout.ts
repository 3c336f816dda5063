// Starts a whole checkout from the environment this process was given (startCheckout, as main.ts does,
// with an in-memory PGlite and PORT=0), then stops it: the process server/emulator-not-loaded.test.ts watches.
import { loadEnv } from '../env';
import { startCheckout } from '../checkout-server';
import { silentLogger } from '../logger';

const env = loadEnv({
  ...process.env,
  PORT: '0',
  PGLITE_DATA_DIR: 'memory://',
  LOG_LEVEL: 'silent',
});
const checkout = await startCheckout(env, silentLogger());
const answer = await fetch(`${checkout.url}/healthz`);
await checkout.close();
console.log(`healthz ${answer.status}`);
