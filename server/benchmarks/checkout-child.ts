// The checkout as the benchmark runs it: its own Node process, production settings against its embedded
// emulator (asked for by name, docs/security.md), on loopback ports of its own and without the per-client
// limits (the benchmark is one client sending far more than a shopper could). Started by the checkout
// cases and by the deployment case alike.
import type { BenchDatabase } from './bench-database';
import { startChildService, type ChildService } from './child-service';
import { freePort } from '../testing/child-process-lifecycle';

export interface CheckoutChild {
  service: ChildService;
  port: number;
  url: string;
  emulatorUrl: string;
}

export async function startCheckoutChild(options: {
  database: BenchDatabase;
  /** The built client the checkout serves. */
  clientDir: string;
  /** Settings on top of the benchmark's (OTEL_EXPORTER_OTLP_ENDPOINT, TRUST_PROXY...). */
  env?: Record<string, string>;
  nodeOptions?: string[];
}): Promise<CheckoutChild> {
  const port = await freePort();
  const emulatorPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = await startChildService({
    entry: 'server/main.ts',
    args: [options.clientDir],
    nodeOptions: options.nodeOptions ?? [],
    env: {
      ...options.database.childEnv('app'),
      NODE_ENV: 'production',
      ZALOPAY_MODE: 'emulator',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      EMULATOR_PORT: String(emulatorPort),
      LOG_LEVEL: 'warn',
      CREATE_RATE_LIMIT_PER_MINUTE: '0',
      ORDER_RATE_LIMIT_PER_MINUTE: '0',
      MERCHANT_API_REQUESTS_PER_MINUTE: '0',
      ...options.env,
    },
    readyUrl: `${url}/healthz`,
  });
  return { service, port, url, emulatorUrl: `http://127.0.0.1:${emulatorPort}` };
}
