// The proxy tests' stage: a fresh PostgreSQL database, the ZaloPay emulator, two checkout instances on
// it (PUBLIC_BASE_URL https, TRUST_PROXY=1) and Debian's nginx in front with deploy/nginx's snippet and
// the run's certificate (server/proxy/test-certificate.ts).
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../emulator/emulator';
import { emulatorAdminClient, type EmulatorAdminClient } from '../emulator/admin/admin-client';
import {
  chaosServerUrl,
  createChaosDatabase,
  postgresReachable,
  type ChaosDatabase,
} from '../chaos/chaos-database';
import { startCheckoutInstance, type CheckoutInstance } from '../chaos/checkout-instance';
import { freePort } from '../testing/child-process-lifecycle';
import { nginxBinary, startNginx, type NginxProcess } from './nginx-process';
import { TLS_DIR_VARIABLE } from './test-certificate';

export const ADMIN_TOKEN = 'proxy-test-operator-token';
export const CREATES_PER_MINUTE = 8;

export interface ProxyStage {
  database: ChaosDatabase;
  emulator: RunningEmulator;
  admin: EmulatorAdminClient;
  instances: CheckoutInstance[];
  proxy: NginxProcess;
  close(): Promise<void>;
}

export async function startProxyStage(): Promise<ProxyStage> {
  const nginx = nginxBinary();
  if (!nginx) throw new Error('The proxy test needs nginx (apt-get install nginx) or NGINX_PATH');
  if (!(await postgresReachable(chaosServerUrl()))) {
    throw new Error(`The proxy test needs PostgreSQL at ${chaosServerUrl()} (DATABASE_URL)`);
  }
  // The instances serve the built client (npm run build; .ci/run runs this after npm test, which builds).
  if (!existsSync('dist/client/index.html'))
    throw new Error('The proxy test needs the built client: npm run build');
  const database = await createChaosDatabase(chaosServerUrl());
  const emulator = await startEmulator({ port: 0, settings: { callbackRetryIntervalMs: 200 } });
  const [proxyPort, ...ports] = await Promise.all([freePort(), freePort(), freePort()]);
  const publicUrl = `https://127.0.0.1:${proxyPort}`;
  const instances = await Promise.all(
    ports.map((port) =>
      startCheckoutInstance({
        port,
        env: {
          DATABASE_URL: database.url,
          ZALOPAY_API_BASE_URL: emulator.url,
          ZALOPAY_GATEWAY_BASE_URL: emulator.url,
          PUBLIC_BASE_URL: publicUrl,
          TRUST_PROXY: '1',
          ADMIN_TOKEN,
          CREATE_RATE_LIMIT_PER_MINUTE: String(CREATES_PER_MINUTE),
          // POST /api/orders has its own limit (ORDER_RATE_LIMIT_PER_MINUTE): the same figure here.
          ORDER_RATE_LIMIT_PER_MINUTE: String(CREATES_PER_MINUTE),
          FULFILMENT_LEASE_MS: '3000',
          POLL_LEASE_MS: '3000',
          LOG_LEVEL: 'warn',
        },
      }),
    ),
  );
  const proxy = await startNginx({
    binary: nginx,
    port: proxyPort!,
    upstreams: ports,
    tlsDir: process.env[TLS_DIR_VARIABLE]!,
  });
  expect(proxy.url).toBe(publicUrl);
  return {
    database,
    emulator,
    admin: emulatorAdminClient(emulator.url),
    instances,
    proxy,
    async close() {
      await proxy.stop();
      await Promise.all(instances.map((instance) => instance.stop()));
      await emulator.close();
      await database.drop();
    },
  };
}
